/// Whether a word may be one of a set of words, told from its first byte and its length before the
/// set is asked: most words of a text are no date word, and fail here without being hashed.
/// Never false for a word of the set.
struct WordGate: Sendable {
    /// For each first byte, a bit for each length (lengths of 31 bytes and more share the last).
    private let lengths: [UInt32]

    init<Words: Sequence>(_ words: Words) where Words.Element == String {
        var lengths = [UInt32](repeating: 0, count: 256)
        for word in words {
            guard let first = word.utf8.first else { continue }
            lengths[Int(first)] |= Self.bit(word.utf8.count)
        }
        self.lengths = lengths
    }

    @inline(__always)
    func mayHold(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard let first = utf8.first else { return false }
        return lengths[Int(first)] & Self.bit(utf8.count) != 0
    }

    @inline(__always)
    private static func bit(_ length: Int) -> UInt32 { 1 << UInt32(min(length, 31)) }
}
