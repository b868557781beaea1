extension String {
    /// The lines of a template, cut at each `\n` byte (a `\r` before it stays on its line): a split
    /// on the Character `"\n"` does not cut `\r\n`, one Character, and a file with Windows line
    /// ends would be one line.
    var linesAtNewlineBytes: [Substring] {
        utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and newlines (Unicode white space included).
    var trimmingWhitespace: String {
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = lastIndex(where: { !$0.isWhitespace })!
        return String(self[start...end])
    }

    /// Every run of white space, newlines included, becomes one space; the ends are trimmed.
    /// Works on Unicode scalars, like `MarkdownEscaping.collapsing`: a combining mark after white
    /// space is kept (as characters, white space and the mark are one, and would be dropped).
    /// Reads the UTF-8 bytes, and Unicode's tables only for the bytes of a non-ASCII scalar.
    var collapsingWhitespace: String {
        var copy = String(self)
        return copy.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pendingSpace = false
                var i = 0
                while i < bytes.count {
                    let width = UTF8Bytes.width(bytes, at: i)
                    if UTF8Bytes.isWhitespace(bytes, at: i, width: width) {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace { out[count] = 0x20; count += 1 }
                        pendingSpace = false
                        for k in 0..<width { out[count + k] = bytes[i + k] }
                        count += width
                    }
                    i += width
                }
                return count
            }
        }
    }
}

extension Substring {
    /// The lines, split at each LF byte (a line feed is always a character of its own, so this is
    /// splitting on "\n" without reading characters).
    ///
    /// The line feeds are found with `memchr`, and each line is the slice between two of them: the
    /// generic split of the UTF-8 view stepped through every index of every file read.
    var lineSlices: [Substring] {
        var feeds: [Int] = []
        var text = self
        text.withUTF8 { bytes in
            var i = 0
            while let at = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: i) {
                feeds.append(at)
                i = at + 1
            }
        }
        var lines: [Substring] = []
        lines.reserveCapacity(feeds.count + 1)
        var start = utf8.startIndex, startOffset = 0
        for at in feeds {
            let end = utf8.index(start, offsetBy: at - startOffset)
            lines.append(self[start..<end])
            start = utf8.index(after: end)
            startOffset = at + 1
        }
        lines.append(self[start...])
        return lines
    }
}

/// Reading Unicode scalars straight from valid UTF-8 (a Swift string's bytes).
enum UTF8Bytes {
    /// The number of bytes of the scalar starting at `index` (a lead byte).
    @inline(__always)
    static func width(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar starting at `index`, `width` bytes long.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, width: Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[index])
        var value: UInt32
        switch width {
        case 1: return Unicode.Scalar(UInt8(lead))
        case 2: value = lead & 0x1F
        case 3: value = lead & 0x0F
        default: value = lead & 0x07
        }
        for k in 1..<width { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// A letter or digit: what words are made of (the tokenizer, a mention's word boundaries, the
    /// words of a quoted passage). ASCII first: Unicode's property tables are the slowest part of
    /// reading plain English.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIIWordByte(UInt8(scalar.value)) }
        // General Punctuation (dashes, curly quotes, spaces), the most of what is not ASCII in
        // English news, holds neither (a test asks the tables for each of its scalars).
        if (0x2000...0x206F).contains(scalar.value) { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// An ASCII letter or digit.
    @inline(__always)
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || isASCIILetter(byte)
    }

    /// ASCII white space: space, tab, line feed, vertical tab, form feed, carriage return, which
    /// is what Unicode's `White_Space` holds below 0x80 (`Character.isWhitespace` on ASCII text).
    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// An ASCII letter, either case.
    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }

    /// A byte a URL scheme may hold after its first letter: a letter, a digit, `+`, `-` or `.`.
    @inline(__always)
    static func isSchemeByte(_ byte: UInt8) -> Bool {
        isASCIIWordByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// Whether the scalar at `index` is white space (`MarkdownEscaping.isWhitespace`).
    @inline(__always)
    static func isWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, width: Int) -> Bool {
        MarkdownEscaping.isWhitespace(scalar(bytes, at: index, width: width))
    }
}
