/// Escaping of values inserted into Markdown templates, so that a title containing `*`, `_`, `[`,
/// `<`, `#` or a backtick shows literally, and content can never add structure or HTML.
public enum MarkdownEscaping {
    /// Characters reserved by the generator. Content never contains them: they are removed from
    /// every inserted value.
    /// - `attributeOpen`/`attributeClose` mark a block attribute line (`{#id .class}`) of a template.
    /// - `fragmentMarker` prefixes Markdown that the Site stage has already made safe.
    static let attributeOpen: Unicode.Scalar = "\u{E000}"
    static let attributeClose: Unicode.Scalar = "\u{E001}"
    static let fragmentMarker: Unicode.Scalar = "\u{E002}"
    /// `figureOpen` id `figureClose` on a line of its own stands for a generated picture.
    static let figureOpen: Unicode.Scalar = "\u{E003}"
    static let figureClose: Unicode.Scalar = "\u{E004}"
    /// `probe` follows a fragment to see whether the fragment leaves a block open.
    static let probe: Unicode.Scalar = "\u{E005}"
    /// U+FEFF, which a parser drops at the start of its input.
    static let byteOrderMark: Unicode.Scalar = "\u{FEFF}"

    /// Plain text → Markdown that renders as exactly that text on one line: every ASCII punctuation
    /// character is backslash-escaped, line breaks and runs of white space become one space (kept at
    /// either end, so "before " + match + " after" keeps its spaces), and control and reserved
    /// characters are dropped. One thing escaping cannot stop: GFM's autolink extension finds e-mail
    /// addresses in the parsed text, so `jane@example.com` becomes a `mailto:` link.
    ///
    /// On the bytes, into one buffer of the most room the text can take (a byte becomes at most
    /// two, the one byte order mark eight), made a string once: every paragraph of every page is
    /// escaped, and every link of the lists of links.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * bytes.count + 8) { out in
                let special = ASCIIMask.special
                var n = 0
                var pendingSpace = false
                var i = 0
                while i < bytes.count {
                    let lead = bytes[i]
                    if lead < 0x80 {
                        i += 1
                        // Letters and digits, most of the text, are told apart by one look at a mask.
                        if !special.contains(lead) {
                            if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                            out[n] = lead
                            n += 1
                            continue
                        }
                        if UTF8Bytes.isASCIIWhitespace(lead) { pendingSpace = true; continue }
                        if lead < 0x20 || lead == 0x7F { continue }
                        if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                        out[n] = 0x5C
                        out[n + 1] = lead
                        n += 2
                        continue
                    }
                    // Valid UTF-8 (a Swift String): the lead byte gives the width.
                    let width = UTF8Bytes.width(bytes, at: i)
                    let scalar = UTF8Bytes.scalar(bytes, at: i, width: width)
                    defer { i += width }
                    if isWhitespace(scalar) { pendingSpace = true; continue }
                    if isDropped(scalar) { continue }
                    if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                    // cmark-gfm skips a byte order mark that opens the document: one that opens the
                    // value is written as a character reference, which shows wherever the value goes.
                    if n == 0, scalar == byteOrderMark {
                        for byte in "&#xFEFF;".utf8 { out[n] = byte; n += 1 }
                        continue
                    }
                    for k in 0..<width { out[n + k] = bytes[i + k] }
                    n += width
                }
                if pendingSpace { out[n] = 0x20; n += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: out[..<n]), as: UTF8.self)
            }
        }
    }

    /// Plain text as a reader sees it: runs of white space become one space, the ends are trimmed,
    /// control and reserved characters are dropped. (What `escape` keeps, without the escapes.)
    public static func collapsing(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if isDropped(scalar) { continue }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    /// Markdown written by an editor → Markdown safe to insert in a template: reserved and control
    /// characters removed, and a block left open (an unclosed code fence, `<!--` or `<pre>`) closed,
    /// so that it cannot swallow the rest of the page.
    public static func sanitize(markdown: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in markdown.unicodeScalars where scalar == "\n" || scalar == "\t" || !isDropped(scalar) {
            out.append(scalar)
        }
        let text = String(out)
        guard let closing = MarkdownDocument.closingLine(for: text) else { return text }
        return text + "\n" + closing
    }

    /// Private-use characters (reserved by the generator) and control characters (C0 and C1).
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xE000...0xF8FF, 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// White space, with a fast path for ASCII.
    /// Beyond ASCII, Unicode's White_Space, listed: asking the property tables cost more than the rest of
    /// escaping a paragraph with curly quotes (a test holds the list to `properties.isWhitespace`).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80: return UTF8Bytes.isASCIIWhitespace(UInt8(scalar.value))
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// A set of ASCII bytes in two words.
    struct ASCIIMask {
        var low: UInt64 = 0, high: UInt64 = 0

        init(_ member: (UInt8) -> Bool) {
            for byte in UInt8(0)..<0x80 where member(byte) {
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
        }

        /// False for a byte of 0x80 or more.
        @inline(__always)
        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low >> UInt64(byte) & 1 != 0 : byte < 128 && high >> UInt64(byte - 64) & 1 != 0
        }

        /// The ASCII bytes `escape` does more with than copy: white space, controls, punctuation.
        static let special = ASCIIMask { byte in
            UTF8Bytes.isASCIIWhitespace(byte) || byte < 0x20 || byte == 0x7F || isASCIIPunctuation(Unicode.Scalar(byte))
        }
    }

    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }
}
