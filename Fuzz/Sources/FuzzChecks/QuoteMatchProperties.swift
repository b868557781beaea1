@testable import BriefingKit

/// What `TextQuoteMatch.find` promises, against a plain count of the normalised passage in the
/// normalised blocks: found once → `.found` there; never → `.notFound`; more often → `.found` at
/// one of the occurrences (prefix and suffix decided) or `.ambiguous` with the count.
public enum QuoteMatchProperties {
    public static func violations(_ quote: TextQuote, blocks texts: [String]) -> [String] {
        let blocks = texts.enumerated().map { TextBlock(number: $0.offset + 1, role: .body, text: $0.element, line: $0.offset + 1) }
        let article = Article(id: "fuzz", sourceFile: "articles/fuzz.txt", format: .tagged, title: "fuzz",
                              published: CalendarDay(year: 2025, month: 1, day: 15)!, blocks: blocks)
        let needle = Array(TextQuoteMatch.normalize(quote.exact).utf8)
        let counts = blocks.map { TextQuoteMatch.occurrences(of: needle, in: Array(TextQuoteMatch.normalize($0.text).utf8)).count }
        let total = counts.reduce(0, +)
        let result = TextQuoteMatch.find(quote, in: article)
        switch result {
        case .found(let passage):
            guard (1...blocks.count).contains(passage.block), passage.occurrence < counts[passage.block - 1] else {
                return ["found \(passage) but the passage is not there (counts \(counts))"]
            }
            if total > 1, quote.prefix == nil, quote.suffix == nil { return ["found one of \(total) occurrences without prefix or suffix"] }
            if passage.text != TextQuoteMatch.normalize(quote.exact) { return ["found passage text \(passage.text.debugDescription)"] }
        case .ambiguous(let count, let numbers):
            if count != total || total < 2 || numbers.count != total { return ["ambiguous \(count) \(numbers), counted \(total)"] }
        case .notFound(let nearMiss):
            if total != 0 { return ["not found, counted \(total)"] }
            if let nearMiss, !(1...blocks.count).contains(nearMiss.block) { return ["near miss in missing block \(nearMiss.block)"] }
        }
        return []
    }
}
