import FuzzChecks
@testable import BriefingKit

/// Paragraphs (separated by blank lines) → `ParagraphRepair.clean` and `joinSplitParagraphs`:
/// no character other than white space is lost, `clean` is idempotent, joining only joins.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParagraphRepair(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.require(RepairProperties.violations(Fuzz.paragraphs(Fuzz.text(data, size))))
    return 0
}
