import FuzzChecks
@testable import BriefingKit

/// First paragraph: `exact`, then optional `prefix` and `suffix` lines; the other paragraphs are the
/// article's blocks → `TextQuoteMatch.find` agrees with a plain count of the passage.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextQuoteMatch(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let paragraphs = Fuzz.paragraphs(Fuzz.text(data, size))
    let selector = paragraphs[0].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let quote = TextQuote(exact: selector[0], prefix: selector.count > 1 ? selector[1] : nil, suffix: selector.count > 2 ? selector[2] : nil)
    Fuzz.require(QuoteMatchProperties.violations(quote, blocks: Array(paragraphs.dropFirst())))
    return 0
}
