/// The last build's postings of the articles an incremental build keeps, renumbered.
extension SearchIndex {
    /// For each article (in index order), whether the last build's index holds it under the same
    /// key, and those articles' postings, read from the last build's terms and renumbered to
    /// where the articles' documents are now. Nil when there is no last build's index to read, or
    /// its terms do not parse: then every article is made. The terms come in the order of their
    /// bytes, each once, as the writer writes them.
    static func earlierPostings(_ parts: DataFileParts, keys: [String?], firstDoc: [UInt32],
                                docCounts: [Int]) -> (terms: [Posting], kept: [Bool])? {
        guard parts.earlierPart(termsKey) != nil else { return nil }
        var kept = [Bool](repeating: false, count: keys.count)
        var moves: [(from: Int, to: UInt32, count: Int)] = []
        for (n, key) in keys.enumerated() {
            guard let key, let part = parts.earlierPart(key) else { continue }
            kept[n] = true
            moves.append((part.extra, firstDoc[n], docCounts[n]))
        }
        guard !moves.isEmpty, let bytes = parts.readBack(termsKey) else { return nil }
        // Old document number → new one, or `dropped` (a changed or removed article, an actor, a date).
        let dropped = UInt32.max
        let size = moves.map { $0.from + $0.count }.max() ?? 0
        var renumbered = [UInt32](repeating: dropped, count: size)
        for move in moves {
            for k in 0..<move.count { renumbered[move.from + k] = move.to + UInt32(k) }
        }
        guard let terms = parseTerms(bytes, renumbered: renumbered, dropped: dropped) else { return nil }
        return (terms, kept)
    }

    /// A term and its documents, in the order the last build had them, renumbered (the writer
    /// sorts them when that is not ascending).
    typealias Posting = (term: String, documents: [UInt32])

    /// `"term":"gaps",…` as the writer writes it (`SearchTerms`), each term's documents
    /// renumbered, the dropped ones left out (and a term left with none), in the order of the
    /// terms' bytes, each term once: read in order, as the writer sorts them, or sorted and
    /// merged when a file does not. Nil for anything else.
    static func parseTerms(_ bytes: [UInt8], renumbered: [UInt32], dropped: UInt32) -> [Posting]? {
        var terms: [Posting] = []
        var ordered = true
        let parsed = bytes.withUnsafeBufferPointer { bytes in
            SearchTerms.scan(bytes) { entry in
                let key = bytes[entry.key]
                let term: String
                if entry.keyEscaped {
                    guard let decoded = JSONText.decodeString(key) else { return false }
                    term = decoded
                } else {
                    term = String(decoding: key.dropFirst().dropLast(), as: UTF8.self)
                }
                // The documents: base-36 gaps.
                var postings: [UInt32] = []
                var number = 0, gap = 0, digits = 0
                func close() -> Bool {
                    guard digits > 0 else { return false }
                    number += gap
                    if number < renumbered.count, renumbered[number] != dropped { postings.append(renumbered[number]) }
                    gap = 0; digits = 0
                    return true
                }
                for byte in bytes[(entry.value.lowerBound + 1)..<(entry.value.upperBound - 1)] {
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): gap = gap * 36 + Int(byte - UInt8(ascii: "0"))
                    case UInt8(ascii: "a")...UInt8(ascii: "z"): gap = gap * 36 + Int(byte - UInt8(ascii: "a")) + 10
                    case UInt8(ascii: ","): guard close() else { return false }; continue
                    default: return false
                    }
                    digits += 1
                    guard gap < 1 << 40 else { return false }
                }
                guard close() else { return false }
                guard !postings.isEmpty else { return true }
                if let last = terms.last?.term, !last.bytesPrecede(term) { ordered = false }
                terms.append((term, postings))
                return true
            }
        }
        guard parsed else { return nil }
        return ordered ? terms : merged(terms)
    }

    /// Postings sorted by their terms' bytes, those of one term put together (in the order they came).
    static func merged(_ postings: [Posting]) -> [Posting] {
        var result: [Posting] = []
        for posting in postings.enumerated().sorted(by: { a, b in
            a.element.term.utf8.elementsEqual(b.element.term.utf8) ? a.offset < b.offset
                : a.element.term.bytesPrecede(b.element.term)
        }).map(\.element) {
            if let last = result.last, last.term.utf8.elementsEqual(posting.term.utf8) {
                result[result.count - 1].documents += posting.documents
            } else {
                result.append(posting)
            }
        }
        return result
    }
}
