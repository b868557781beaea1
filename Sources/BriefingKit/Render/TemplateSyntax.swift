import Mustache

/// What a template's syntax error says. swift-mustache's parser gives the kind of error
/// (`expectedSectionEnd`) and the line where it noticed it, which for a section left open is the
/// end of the file. A light scan of the tags (`MustacheTags`) names the section at fault and the
/// line where it opened, when the template keeps the default delimiters.
enum TemplateSyntax {
    /// The problem with a template's syntax, or nil when swift-mustache parses it.
    static func problem(in text: String) -> (line: Int, message: String)? {
        do {
            _ = try MustacheTemplate(string: text)
            return nil
        } catch let error as MustacheTemplate.ParserError {
            return problem(error, in: text)
        } catch {
            return (1, "template syntax: \(error)")
        }
    }

    static func problem(_ error: MustacheTemplate.ParserError, in text: String) -> (line: Int, message: String) {
        let line = error.context.lineNumber
        let near = error.context.line.trimmingWhitespace
        var unclosed: [Int] = []
        let tags = MustacheTags.scan(text, unclosed: &unclosed)
        let scanned = !tags.contains { $0.sigil == "=" }
        switch error.error as? MustacheTemplate.Error {
        case .expectedSectionEnd? where scanned:
            if let open = walk(tags).open.last {
                return (open.line, "section `\(show(open))` is never closed: end it with `{{/\(open.name)}}`")
            }
        case .sectionCloseNameIncorrect? where scanned:
            if let close = walk(tags).mismatch {
                guard let open = close.open else { return (close.tag.line, "`\(show(close.tag))` closes no section: none is open") }
                return (close.tag.line, "`\(show(close.tag))` does not close `\(show(open))`, opened on line \(open.line): "
                        + "end that one first with `{{/\(open.name)}}`")
            }
        case .unfinishedName?:
            // The parser notices at the line after; the tag is the last `{{` left open up to there.
            let lines = text.linesAtNewlineBytes
            return unclosed.last { $0 <= line }.map { ($0, "a tag is not finished (a `{{` without its `}}`): `\(lines[$0 - 1].trimmingWhitespace)`") }
                ?? (line, "a tag is not finished (a `{{` without its `}}`) near `\(near)`")
        case .invalidSetDelimiter?:
            return (line, "a delimiter change must read `{{=<% %>=}}` (two delimiters, a space between) near `\(near)`")
        default:
            break
        }
        return (line, "template syntax: \(error.error) near `\(near)`")
    }

    /// The sections still open at the end, innermost last, or the first closing tag that does not
    /// close the innermost open section (and that section, if any).
    static func walk(_ tags: [MustacheTags.Tag]) -> (open: [MustacheTags.Tag], mismatch: (tag: MustacheTags.Tag, open: MustacheTags.Tag?)?) {
        var open: [MustacheTags.Tag] = []
        for tag in tags {
            switch tag.sigil {
            case "#", "^", "$", "<":
                open.append(tag)
            case "/":
                guard let last = open.last, last.name == tag.name else { return (open, (tag, open.last)) }
                open.removeLast()
            default:
                break
            }
        }
        return (open, nil)
    }

    static func show(_ tag: MustacheTags.Tag) -> String { "{{" + tag.sigil + tag.name + "}}" }
}
