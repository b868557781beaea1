import FuzzChecks
@testable import BriefingKit

/// A build cache's payload (what `CacheFile` seals) → `BuildCache(from:)`: never a crash; what it
/// accepts is whole (every page's links readable, frames inside their files) and written again
/// reads back as the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBuildCache(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.require(CacheProperties.violations(buildCache: Fuzz.bytes(data, size)))
    return 0
}
