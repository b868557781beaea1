@testable import BriefingKit

/// What paragraph repair promises: it changes white space only, `clean` is idempotent and leaves
/// repaired text, and joining puts back together paragraphs in order with one space.
/// (`joinSplitParagraphs` is one pass, not a closure: it is not asserted to be idempotent.)
public enum RepairProperties {
    public static func violations(_ paragraphs: [String]) -> [String] {
        var found: [String] = []
        var cleaned: [(text: String, info: Int)] = []
        for (index, paragraph) in paragraphs.enumerated() {
            let clean = ParagraphRepair.clean(paragraph)
            if visible(clean) != visible(paragraph) { found.append("clean lost or added characters: \(paragraph.debugDescription) → \(clean.debugDescription)") }
            if ParagraphRepair.clean(clean) != clean { found.append("clean is not idempotent: \(clean.debugDescription) → \(ParagraphRepair.clean(clean).debugDescription)") }
            if let problem = ArticleProperties.uncleanness(clean) { found.append("clean output \(problem): \(clean.debugDescription)") }
            if !clean.isEmpty { cleaned.append((clean, index)) }
        }
        let joined = ParagraphRepair.joinSplitParagraphs(cleaned)
        if joined.map(\.text).joined(separator: " ") != cleaned.map(\.text).joined(separator: " ") {
            found.append("joining changed the text: \(cleaned.map(\.text)) → \(joined.map(\.text))")
        }
        if !joined.map(\.info).allSatisfy({ info in cleaned.contains { $0.info == info } }) || joined.map(\.info) != joined.map(\.info).sorted() {
            found.append("joined paragraphs lost their order: \(joined.map(\.info))")
        }
        return found
    }

    /// Every scalar that is not white space.
    static func visible(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { !$0.properties.isWhitespace }
    }
}
