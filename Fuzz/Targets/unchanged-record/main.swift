import FuzzChecks
@testable import BriefingKit

/// The record of a build with nothing to do (`unchanged-….cache`'s payload) →
/// `UnchangedBuild.decode`: never a crash; a record it accepts can be checked against inputs, and
/// written again reads back as the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzUnchangedRecord(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.require(CacheProperties.violations(unchangedRecord: Fuzz.bytes(data, size)))
    return 0
}
