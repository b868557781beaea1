/// Repairs of real-input defects, applied before any later stage reads the text.
public enum ParagraphRepair {
    /// Joins "paragraphs" that end in an abbreviation and continue in the next one
    /// ("on Jan." / "20." becomes "on Jan. 20."). Genuine paragraphs are never joined: the next
    /// paragraph must start the way that abbreviation is continued (see `Abbreviations.Kind`).
    ///
    /// Each paragraph carries a value (e.g. its source line); a joined paragraph keeps the first one's.
    public static func joinSplitParagraphs<Info>(_ paragraphs: [(text: String, info: Info)]) -> [(text: String, info: Info)] {
        var out: [(text: String, info: Info)] = []
        for paragraph in paragraphs {
            if let previous = out.last, continues(previous.text, with: paragraph.text) {
                out[out.count - 1].text = previous.text + " " + paragraph.text
            } else {
                out.append(paragraph)
            }
        }
        return out
    }

    public static func joinSplitParagraphs(_ paragraphs: [String]) -> [String] {
        joinSplitParagraphs(paragraphs.map { (text: $0, info: ()) }).map(\.text)
    }

    /// Whether `next` is the continuation of a paragraph `text` that was split after an abbreviation.
    public static func continues(_ text: String, with next: String) -> Bool {
        if splitInsideQuotation(text, next) { return true }
        guard let kind = Abbreviations.kind(endingOf: text), let first = next.first else { return false }
        switch kind {
        case .title: return first.isLetter
        case .month: return first.isNumber || first.isLowercase
        case .other: return first.isNumber || first.isLowercase
        }
    }

    /// A quotation opened in `text` and closed in `next`, which does not open a quotation first:
    /// "“We see that Mr. Trump … dialogue." / "We welcome that.” The Kremlin …". A quotation that
    /// really runs over paragraphs reopens with “ at the start of the next one, and is left alone.
    /// The marks are counted as Unicode scalars, on the UTF-8 bytes (E2 80 9C and E2 80 9D).
    static func splitInsideQuotation(_ text: String, _ next: String) -> Bool {
        var text = text, next = next
        let (opens, closes) = text.withUTF8 { bytes in
            var opens = 0, closes = 0
            forEachCurlyQuote(in: bytes) { if $1 { opens += 1 } else { closes += 1 }; return true }
            return (opens, closes)
        }
        guard opens > closes else { return false }
        return next.withUTF8 { bytes in
            var first: (index: Int, opening: Bool)?
            forEachCurlyQuote(in: bytes) { index, opening in first = (index, opening); return false }
            // The first mark closes, and the paragraph does not start with an opening one.
            guard let first else { return false }
            return !first.opening
        }
    }

    /// Calls `body` with the position of each “ (true) and ” (false), until it returns false.
    private static func forEachCurlyQuote(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Bool) -> Bool) {
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9C || bytes[i + 2] == 0x9D {
                if !body(i, bytes[i + 2] == 0x9C) { return }
                i += 3
            } else {
                i += 1
            }
        }
    }

    /// Removes white space before `,` `.` `;` `:` ("officials , just" becomes "officials, just"),
    /// leaving alone an ellipsis, a decimal (".5") and a leading dot in a name (".NET").
    ///
    /// Works on the UTF-8 bytes, like `collapsingWhitespace` on scalars: spaces and tabs are
    /// bytes, and the punctuation ends a token when the scalar after it is white space, a closing
    /// quotation mark or bracket, or nothing.
    public static func removeSpaceBeforePunctuation(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // Most paragraphs have nothing to remove: they are returned as they are.
            guard let first = firstRemovableSpace(in: bytes, from: 0) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var copied = 0
            var next: Range<Int>? = first
            while let run = next {
                out.append(contentsOf: bytes[copied..<run.lowerBound])
                copied = run.upperBound
                next = firstRemovableSpace(in: bytes, from: run.upperBound)
            }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// The next run of spaces and tabs, at or after `start`, that comes after some text and before
    /// punctuation ending a token.
    private static func firstRemovableSpace(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        var i = start
        while i < bytes.count {
            guard bytes[i] == 0x20 || bytes[i] == 0x09 else { i += 1; continue }
            var j = i
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            if i > 0, j < bytes.count, isStop(bytes[j]), isEndOfToken(bytes, after: j) { return i..<j }
            i = j
        }
        return nil
    }

    @inline(__always)
    private static func isStop(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":")
    }

    private static func isEndOfToken(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        let next = index + 1
        guard next < bytes.count else { return true }
        if bytes[index] == UInt8(ascii: "."), bytes[next] == UInt8(ascii: ".") { return false }
        let width = UTF8Bytes.width(bytes, at: next)
        if UTF8Bytes.isWhitespace(bytes, at: next, width: width) { return true }
        switch UTF8Bytes.scalar(bytes, at: next, width: width) {
        case "\"", "”", "’", "'", ")", "]": return true
        default: return false
        }
    }

    /// One block of text as later stages should see it: spaces repaired, lines joined.
    public static func clean(_ text: some StringProtocol) -> String {
        removeSpaceBeforePunctuation(text.collapsingWhitespace)
    }
}
