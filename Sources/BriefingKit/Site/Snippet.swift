/// A keyword-in-context snippet: the words around a mention, cut at word boundaries.
public struct SnippetContext: Sendable, Codable {
    public var before: String
    public var match: String
    public var after: String
    /// Link to the paragraph, relative to the page.
    public var url: String
    public var paragraph: Int

    static let reach = 70

    init(text: String, offset: Int, length: Int, url: String, paragraph: Int) {
        // The block's own bytes, not a copy: a block can hold thousands of mentions.
        var text = text
        self = text.withUTF8 { Self(bytes: $0, offset: offset, length: length, url: url, paragraph: paragraph) }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, offset: Int, length: Int, url: String, paragraph: Int) {
        let start = min(offset, bytes.count)
        let end = min(offset + length, bytes.count)
        var from = max(0, start - Self.reach)
        while from > 0, from < start, bytes[from - 1] != UInt8(ascii: " ") { from += 1 }
        var to = min(bytes.count, end + Self.reach)
        while to < bytes.count, to > end, bytes[to] != UInt8(ascii: " ") { to -= 1 }
        // Never cut inside a UTF-8 sequence.
        while from < start, bytes[from] & 0xC0 == 0x80 { from += 1 }
        while to > end, to < bytes.count, bytes[to] & 0xC0 == 0x80 { to -= 1 }
        before = (from > 0 ? "… " : "") + String(decoding: bytes[from..<start], as: UTF8.self).trimmingPrefixSpaces
        match = String(decoding: bytes[start..<end], as: UTF8.self)
        after = String(decoding: bytes[end..<to], as: UTF8.self) + (to < bytes.count ? " …" : "")
        self.url = url
        self.paragraph = paragraph
    }
}

private extension String {
    var trimmingPrefixSpaces: String { String(drop(while: { $0 == " " })) }
}
