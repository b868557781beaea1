import FuzzChecks
@testable import BriefingKit

/// An article memo shard's payload → `ArticleMemo(from:)`: never a crash; the facts it accepts lie
/// in their articles, their dates can be asked where they fall, and written again they read back
/// as the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticleMemo(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.require(CacheProperties.violations(articleMemo: Fuzz.bytes(data, size)))
    return 0
}
