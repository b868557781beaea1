import FuzzChecks
@testable import BriefingKit

/// A publication date (first line, `YYYY-MM-DD`) and paragraphs → `TemporalResolver`, one resolver
/// over all paragraphs as for an article: every reference lies in its text and has a valid value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemporalResolver(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let (dct, text) = Fuzz.datedText(Fuzz.text(data, size))
    Fuzz.require(DateProperties.violations(paragraphs: Fuzz.paragraphs(text), dct: dct))
    return 0
}
