/// The text of one input file, decoded and checked, with its lines numbered from 1.
///
/// Refuses binary files (a NUL byte) and invalid UTF-8, naming the line of the first bad byte.
/// Drops a byte-order mark and turns CRLF and CR line ends into LF.
public struct SourceText: Sendable {
    public let path: String
    public let text: String
    public let lines: [Substring]

    public enum Problem: Error, Equatable, Sendable {
        case empty
        case binary(line: Int)
        case invalidUTF8(line: Int)

        public var line: Int? {
            switch self {
            case .empty: return nil
            case .binary(let line), .invalidUTF8(let line): return line
            }
        }

        public var message: String {
            switch self {
            case .empty: return "empty file"
            case .binary: return "binary file (contains a NUL byte), not an article"
            case .invalidUTF8: return "invalid UTF-8; save the file as UTF-8"
            }
        }
    }

    public init(path: String, bytes: [UInt8]) throws(Problem) {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // `memchr`, not a generic search: every file of the briefing is read so on every build.
        if let nul = bytes.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: 0, in: $0) }).map({ bytes.startIndex + $0 }) {
            throw .binary(line: Self.line(of: nul, in: bytes))
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .invalidUTF8(line: Self.line(of: Self.firstInvalidByte(in: bytes), in: bytes))
        }
        var text = decoded
        if text.withUTF8({ ByteSearch.firstIndex(of: 0x0D, in: $0) != nil }) {
            text = Self.unixLineEnds(text)
        }
        if text.allSatisfy(\.isWhitespace) { throw .empty }
        self.path = path
        self.text = text
        self.lines = text[...].lineSlices
    }

    /// CRLF and CR become LF, byte by byte. (String replacement works on characters, in which
    /// "\r\r\n" is "\r" then "\r\n": replacing "\r\n" then "\r" left a CRLF behind, and
    /// the file's lines were counted wrong.)
    static func unixLineEnds(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 0x0A && afterCR { afterCR = false; continue }
            afterCR = byte == 0x0D
            bytes.append(afterCR ? 0x0A : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// 1-based line number of a byte index.
    static func line(of index: Int, in bytes: ArraySlice<UInt8>) -> Int {
        bytes[bytes.startIndex..<index].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> Int {
        var index = bytes.startIndex
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var consumed = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                index = consumed
            case .emptyInput:
                return bytes.endIndex
            case .error:
                return index
            }
        }
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
