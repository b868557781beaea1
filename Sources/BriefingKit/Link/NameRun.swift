/// A run of capitalised words with nothing but single spaces between them ("Foreign Minister Sergei
/// Lavrov"), and the tokens around it. A possessive word ends a run ("Trump's campaign").
struct NameRun {
    /// Indices into the block's tokens.
    var range: Range<Int>

    static func runs(in tokens: [Token], text: [UInt8]) -> [NameRun] {
        var runs: [NameRun] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].isCapitalized else { i += 1; continue }
            var j = i + 1
            while j < tokens.count, tokens[j].isCapitalized, !tokens[j - 1].isPossessive,
                  isNameGap(text, from: tokens[j - 1], to: tokens[j]) {
                j += 1
            }
            runs.append(NameRun(range: i..<j))
            i = j
        }
        return runs
    }

    /// One space between two words, or ". " after a title abbreviation ("Mr. Trump").
    static func isNameGap(_ text: [UInt8], from a: Token, to b: Token) -> Bool {
        let gap = text[a.end..<b.start]
        if gap.elementsEqual([UInt8(ascii: " ")]) { return true }
        return gap.elementsEqual(Array(". ".utf8)) && NameLexicon.titleWords.contains(a.text + ".")
    }
}

extension [Token] {
    /// The words of a range, joined by spaces.
    func words(_ range: Range<Int>) -> String {
        self[range].map(\.text).joined(separator: " ")
    }
}
