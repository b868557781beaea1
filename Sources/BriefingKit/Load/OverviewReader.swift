import Foundation
import Yams

/// Reads `Content/briefing.md`, the editor's overview: optional front matter (`title:`), then
/// Markdown. A missing file is no overview.
public enum OverviewReader {
    /// `read` reads the file (a build's keeps the digest of the bytes it read).
    public static func load(_ url: URL, displayPath: String,
                            reading read: (URL) throws -> [UInt8] = FileTree.read) -> (overview: Overview?, diagnostics: [Diagnostic]) {
        guard FileTree.exists(url, directory: false) else { return (nil, []) }
        guard let bytes = try? read(url) else { return (nil, [Diagnostic(file: displayPath, "cannot read file")]) }
        let source: SourceText
        do {
            source = try SourceText(path: displayPath, bytes: bytes)
        } catch {
            return (nil, [Diagnostic(file: displayPath, line: error.line, error.message)])
        }
        let read = parse(source, sourceFile: "briefing.md")
        return (read.overview, read.problems.map { Diagnostic(file: displayPath, line: $0.line, $0.message) })
    }

    public static func parse(_ source: SourceText, sourceFile: String) -> (overview: Overview?, problems: [LoadProblem]) {
        var title = "Overview"
        var bodyStart = 0
        var problems: [LoadProblem] = []
        if source.lines.first?.trimmingWhitespace == "---" {
            guard let close = source.lines.indices.dropFirst().first(where: { source.lines[$0].trimmingWhitespace == "---" }) else {
                return (nil, [LoadProblem(line: 1, "front matter is not closed by a `---` line; the overview is skipped")])
            }
            do {
                let node = try YAMLText.compose(source.lines[1..<close].joined(separator: "\n"))
                if let text = node?.mapping?["title"]?.string?.trimmingWhitespace, !text.isEmpty { title = text }
                for (key, value) in node?.mapping ?? [:] {
                    let line = (key.mark?.line ?? 0) + 1
                    if key.string != "title" {
                        problems.append(LoadProblem(line: line, "unknown front matter field `\(key.string ?? "?")` ignored; expected `title`"))
                    } else if value.scalar == nil {
                        problems.append(LoadProblem(line: line, YAMLText.notOneLine("title")))
                    }
                }
            } catch let error as YamlError {
                problems.append(LoadProblem(line: 1 + (error.line ?? 0), "invalid YAML front matter: \(error.problemText); ignored"))
            } catch {
                problems.append(LoadProblem(line: 1, "invalid YAML front matter; ignored"))
            }
            bodyStart = close + 1
        }
        let groups = MarkdownReader.markdownBlocks(source.lines[bodyStart...], firstLine: bodyStart + 1)
        guard !groups.isEmpty else { return (nil, problems + [LoadProblem(line: bodyStart + 1, "the overview has no text")]) }
        let blocks = groups.enumerated().map { TextBlock(number: $0.offset + 1, role: .body, text: $0.element.text, isMarkdown: true, line: $0.element.line) }
        let length = blocks.reduce(0) { $0 + $1.text.count }
        let firstSection = blocks.firstIndex { $0.text.hasPrefix("## ") && $0.number > 1 } ?? blocks.count
        let front = length <= Overview.shortLength ? blocks.count : max(1, firstSection == blocks.count ? 1 : firstSection)
        return (Overview(title: title, sourceFile: sourceFile, blocks: blocks, frontBlocks: front, lines: source.lines.map(String.init)), problems)
    }
}
