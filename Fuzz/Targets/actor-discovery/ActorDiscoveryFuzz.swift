import FuzzChecks
@testable import BriefingKit

/// An article (first paragraph the headline, then blocks) → discovery, the registry with a small
/// gazetteer, mention finding and quote attribution, as `Linker` runs them: every mention lies in
/// its block and names a known actor.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzActorDiscovery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.require(MentionProperties.violations(MentionProperties.article(Fuzz.text(data, size))))
    return 0
}
