@testable import BriefingKit

/// What a reader promises about any article it returns, whatever the input.
public enum ArticleProperties {
    /// One reader on fuzz input: when `sniff` takes the text, `read` must not crash and its result
    /// must keep the promises below.
    public static func checkReader(_ data: UnsafePointer<UInt8>, _ size: Int, sniff: (SourceText) -> Bool,
                                   read: (SourceText, _ id: String, _ sourceFile: String) -> ReadResult) {
        guard let source = try? SourceText(path: "fuzz", bytes: Fuzz.bytes(data, size)), sniff(source) else { return }
        Fuzz.require(violations(read(source, "fuzz", "articles/fuzz.txt"), id: "fuzz", lineCount: source.lines.count))
    }

    public static func violations(_ result: ReadResult, id: String, lineCount: Int) -> [String] {
        var found: [String] = []
        for problem in result.problems {
            if let line = problem.line, !(1...lineCount).contains(line) {
                found.append("problem line \(line) outside 1...\(lineCount): \(problem.message)")
            }
        }
        guard let article = result.article else {
            if result.problems.isEmpty { found.append("no article and no problem") }
            return found
        }
        if article.id != id { found.append("id \(article.id) is not \(id)") }
        if CalendarDay(iso: article.published.iso) != article.published { found.append("published \(article.published) does not round-trip") }
        if article.title.isEmpty || article.title.contains("\n") { found.append("title \(article.title.debugDescription)") }
        if article.blocks.isEmpty { found.append("article without blocks") }
        for (index, block) in article.blocks.enumerated() {
            if block.number != index + 1 { found.append("block \(index) is numbered \(block.number)") }
            if block.text.isEmpty { found.append("block \(block.number) is empty") }
            if !(1...lineCount).contains(block.line) { found.append("block \(block.number) line \(block.line) outside 1...\(lineCount)") }
            if !block.isMarkdown, let problem = uncleanness(block.text) { found.append("block \(block.number) \(problem): \(block.text.debugDescription)") }
        }
        if let url = article.url?.lowercased(), !(url.hasPrefix("http://") || url.hasPrefix("https://")) { found.append("url \(url)") }
        if let outlet = article.outlet, outlet.name.isEmpty { found.append("outlet without a name") }
        return found
    }

    /// Why a plain block is not repaired text: one space between words, none at the ends.
    /// (Scalars, not characters: a combining mark may follow a space.)
    public static func uncleanness(_ text: String) -> String? {
        if text.first == " " || text.last == " " { return "has a space at an end" }
        if text.contains("  ") { return "has two spaces in a row" }
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace && $0 != " " }) { return "has white space other than a space" }
        return nil
    }
}
