import Foundation
import Yams

/// Reads `Content/notes/*.md`. A file holds one note or several; each note is YAML front matter
/// between `---` lines, then its Markdown body:
///
/// ```
/// ---
/// tag: follow-up                  # contradiction | unverified | context | follow-up (optional)
/// author: Briefing desk           # optional
/// id: contact-question            # optional; else the file name and the note's number
/// target:                         # one target, or a list of them
///   article: 003_aa876f87d1a0a2ba
///   exact: have not yet discussed a possible contact   # the passage; leave out for the whole article
///   prefix: Peskov said the two   # optional: words just before, when the passage occurs twice
/// evidence:                       # optional: passages the note cites
///   - article: 000_a07414719247a0af
///     exact: before the inauguration
/// ---
/// The body, in Markdown. [[Dmitry Peskov]] and [[000_a07414719247a0af#p3]] link.
/// ```
///
/// Other targets: `actor: Dmitry Peskov` (name, alias or id) and `date: 2025-01-20`. A `---` line
/// starts the next note when the line after it is one of the keys above; otherwise it is part of
/// the body (a Markdown rule).
public enum NoteReader {
    static let keys: Set<String> = ["id", "tag", "author", "target", "targets", "evidence"]

    /// Every `.md` file below `directory`, in path order; `displayRoot` names the content directory.
    /// `read` reads each file (a build's keeps the digest of the bytes it read).
    public static func load(directory: URL, displayRoot: String,
                            reading read: (URL) throws -> [UInt8] = FileTree.read) -> (notes: [Note], diagnostics: [Diagnostic]) {
        var notes: [Note] = []
        var diagnostics: [Diagnostic] = []
        for relative in FileTree.files(under: directory) where relative.hasSuffix(".md") {
            let display = displayRoot + "/notes/" + relative
            guard let bytes = try? read(directory.appendingPathComponent(relative)) else {
                diagnostics.append(Diagnostic(file: display, "cannot read file"))
                continue
            }
            let source: SourceText
            do {
                source = try SourceText(path: display, bytes: bytes)
            } catch {
                diagnostics.append(Diagnostic(file: display, line: error.line, error.message))
                continue
            }
            let stem = ((relative as NSString).deletingPathExtension as String)
            let read = parse(source, sourceFile: "notes/" + relative, stem: stem)
            notes += read.notes
            diagnostics += read.problems.map { Diagnostic(file: display, line: $0.line, $0.message) }
        }
        // Ids are unique on the site: a repeated id gets a number.
        var seen: [String: Int] = [:]
        for index in notes.indices {
            let id = notes[index].id
            if let count = seen[id] {
                seen[id] = count + 1
                notes[index].id = "\(id)-\(count + 1)"
                diagnostics.append(Diagnostic(file: displayRoot + "/" + notes[index].sourceFile, line: notes[index].line,
                                              "note id `\(id)` is already used; this note is `\(notes[index].id)`"))
            } else {
                seen[id] = 1
            }
        }
        return (notes, diagnostics)
    }

    /// The notes of one file. A note with a problem in its front matter is reported and skipped;
    /// a note without a valid target is kept and reported (it is listed on the notes page).
    public static func parse(_ source: SourceText, sourceFile: String, stem: String) -> (notes: [Note], problems: [LoadProblem]) {
        let lines = source.lines
        var starts: [Int] = []
        for index in lines.indices where lines[index].trimmingWhitespace == "---" {
            if index == 0 || (index + 1 < lines.count && startsWithKey(lines[index + 1])) { starts.append(index) }
        }
        guard let first = starts.first else {
            return ([], [LoadProblem(line: 1, "no note: a note starts with `---`, its front matter (`target: …`), and `---`")])
        }
        var problems: [LoadProblem] = []
        if lines[..<first].contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
            problems.append(LoadProblem(line: 1, "text before the first note's `---` is ignored"))
        }
        var notes: [Note] = []
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] : lines.count
            let result = note(lines[start..<end], start: start, fallbackID: Slug.make("\(stem)-\(number + 1)", fallback: "note"),
                              sourceFile: sourceFile)
            problems += result.problems
            if let note = result.note { notes.append(note) }
        }
        return (notes, problems)
    }

    static func startsWithKey(_ line: Substring) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        return keys.contains(String(line[..<colon]))
    }

    static func note(_ lines: ArraySlice<Substring>, start: Int, fallbackID: String, sourceFile: String) -> (note: Note?, problems: [LoadProblem]) {
        let line = start + 1
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingWhitespace == "---" }) else {
            return (nil, [LoadProblem(line: line, "note front matter is not closed by a `---` line; the note is skipped")])
        }
        let mapping: Node.Mapping
        do {
            guard let node = try YAMLText.compose(lines[(start + 1)..<close].joined(separator: "\n")), let map = node.mapping else {
                return (nil, [LoadProblem(line: line, "note front matter must be `key: value` lines; the note is skipped")])
            }
            mapping = map
        } catch let error as YamlError {
            return (nil, [LoadProblem(line: line + (error.line ?? 0), "invalid YAML in note: \(error.problemText); the note is skipped")])
        } catch {
            return (nil, [LoadProblem(line: line, "invalid YAML in note: \(error); the note is skipped")])
        }
        var problems: [LoadProblem] = []
        func lineOf(_ node: Node) -> Int { line + (node.mark?.line ?? 1) }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if keys.contains(name) { fields[name] = value } else {
                problems.append(LoadProblem(line: lineOf(key), "unknown note field `\(name)`; expected one of \(keys.sorted().joined(separator: ", "))"))
            }
            // A list or a mapping where one line of text belongs is said, not lost.
            if ["id", "tag", "author"].contains(name), value.scalar == nil {
                problems.append(LoadProblem(line: lineOf(key), YAMLText.notOneLine(name)))
                fields[name] = nil
            }
        }
        var tag: NoteTag?
        if let node = fields["tag"], let text = node.string?.trimmingWhitespace.lowercased(), !text.isEmpty {
            tag = NoteTag(rawValue: text)
            if tag == nil {
                problems.append(LoadProblem(line: lineOf(node), "unknown tag `\(text)`; use one of \(NoteTag.allCases.map(\.rawValue).joined(separator: ", ")); the note is kept untagged"))
            }
        }
        func targets(_ key: String) -> [NoteTarget] {
            guard let node = fields[key] else { return [] }
            let items = node.sequence.map(Array.init) ?? [node]
            return items.compactMap { item in
                let parsed = target(item, line: lineOf(item))
                if let problem = parsed.problem { problems.append(problem) }
                return parsed.target
            }
        }
        let all = targets("target") + targets("targets")
        if all.isEmpty {
            problems.append(LoadProblem(line: line, "note has no target (`target: {article: …, exact: …}`, `actor: …` or `date: …`); it is listed on the notes page only"))
        }
        let idText = fields["id"]?.string?.trimmingWhitespace ?? ""
        let id = idText.isEmpty ? fallbackID : Slug.make(idText, fallback: fallbackID)
        let body = lines[(close + 1)...].joined(separator: "\n").trimmingWhitespace
        let author = fields["author"]?.string?.trimmingWhitespace
        return (Note(id: id, sourceFile: sourceFile, line: line, tag: tag, author: author?.isEmpty == false ? author : nil,
                     targets: all, evidence: targets("evidence"), body: body, bodyLine: close + 2), problems)
    }

    /// `{article: id, exact: …, prefix: …, suffix: …}`, `{actor: name}` or `{date: value}`.
    static func target(_ node: Node, line: Int) -> (target: NoteTarget?, problem: LoadProblem?) {
        guard let mapping = node.mapping else {
            return (nil, LoadProblem(line: line, "a target is a mapping: `article: …` (with `exact: …`), `actor: …` or `date: …`"))
        }
        var fields: [String: String] = [:]
        var stray: LoadProblem?
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if let text = value.string { fields[name] = text.trimmingWhitespace }
            // A misspelt `exat:` would anchor the note to the whole article without a word.
            if !targetKeys.contains(name) || value.scalar == nil, stray == nil {
                stray = LoadProblem(line: line, targetKeys.contains(name)
                    ? YAMLText.notOneLine(name)
                    : "unknown target field `\(name)` ignored; expected one of \(targetKeys.joined(separator: ", "))")
            }
        }
        let kinds = ["article", "actor", "date"].filter { fields[$0] != nil }
        guard kinds.count == 1, let value = fields[kinds[0]], !value.isEmpty else {
            return (nil, LoadProblem(line: line, "a target names exactly one of `article`, `actor` or `date`"))
        }
        switch kinds[0] {
        case "article":
            let exact = fields["exact"].flatMap { $0.isEmpty ? nil : $0 }
            if exact == nil, fields["prefix"] != nil || fields["suffix"] != nil {
                return (nil, LoadProblem(line: line, "`prefix` and `suffix` need an `exact` passage"))
            }
            let quote = exact.map { TextQuote(exact: $0, prefix: fields["prefix"], suffix: fields["suffix"]) }
            return (NoteTarget(kind: .article(id: value, quote: quote), line: line), stray)
        case "actor":
            return (NoteTarget(kind: .actor(value), line: line), stray)
        default:
            return (NoteTarget(kind: .date(value), line: line), stray)
        }
    }

    /// The fields of a target: what it names, and for an article the passage.
    static let targetKeys = ["article", "actor", "date", "exact", "prefix", "suffix"]
}
