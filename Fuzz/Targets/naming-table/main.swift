import FuzzChecks
@testable import BriefingKit

/// The article memo's naming table (`names.cache`'s payload) → `NamingTable(from:)`: never a crash;
/// a table it accepts has the digest of its names, tells its changes since any other table, and
/// written again reads back as the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNamingTable(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.require(CacheProperties.violations(namingTable: Fuzz.bytes(data, size)))
    return 0
}
