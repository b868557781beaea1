import Foundation
import Testing
@testable import BriefingKit

@Suite("Tokenizer")
struct TokenizerTests {
    @Test func wordsInitialismsAndPossessives() {
        let tokens = Tokenizer.tokens(in: "Putin’s envoy met the U.S. team's chief, Zelensky's aide and Mr. O'Neill on Jan. 20.")
        #expect(tokens.map(\.text) == ["Putin", "envoy", "met", "the", "U.S.", "team", "chief", "Zelensky", "aide", "and", "Mr", "O'Neill", "on", "Jan", "20"])
        #expect(tokens.filter(\.isPossessive).map(\.text) == ["Putin", "team", "Zelensky"])
        // Byte ranges: "Putin" is bytes 0..<5 (the possessive is outside the range), "U.S." keeps its dot.
        #expect(tokens[0].start == 0 && tokens[0].end == 5)
        #expect(tokens[4].start == 24 && tokens[4].end == 28)
    }

    /// The byte classes, every byte against their definitions on characters.
    @Test func byteClassesMatchTheirDefinitions() {
        var letters = 0, words = 0, scheme = 0
        for byte in UInt8.min...UInt8.max {
            let character = Character(Unicode.Scalar(byte))
            let letter = byte < 0x80 && character.isLetter, digit = byte < 0x80 && character.isNumber
            #expect(UTF8Bytes.isASCIILetter(byte) == letter, "\(byte)")
            #expect(UTF8Bytes.isASCIIWordByte(byte) == (letter || digit), "\(byte)")
            #expect(UTF8Bytes.isSchemeByte(byte) == (letter || digit || "+-.".contains(character)), "\(byte)")
            letters += UTF8Bytes.isASCIILetter(byte) ? 1 : 0
            words += UTF8Bytes.isASCIIWordByte(byte) ? 1 : 0
            scheme += UTF8Bytes.isSchemeByte(byte) ? 1 : 0
        }
        #expect([letters, words, scheme] == [52, 62, 65] as [Int])
    }

    @Test func tokensMatchTheTokenizerOnCharacters() throws {
        let pieces = ["Putin", "s", "'s", "’s", "'", "’", "s'", "s’", "U", ".", "S", "-", "a", "é", "e\u{301}", "\u{345}", "日本", "20", " ", ", ", "\n"]
        var random = IncrementalBuildTests.Random(state: 3)
        var texts = (0..<3000).map { _ in (0..<random.next(14)).map { _ in pieces[random.next(pieces.count)] }.joined() }
        texts += try ParagraphRepairTests.fixtureParagraphs()
        var possessives = 0
        for text in texts {
            let tokens = Tokenizer.tokens(in: text)
            #expect(tokens == Reference.tokens(in: text), "\(text.debugDescription)")
            possessives += tokens.filter(\.isPossessive).count
        }
        #expect(possessives > 300)
    }

    /// Word ranges on the bytes in place, against the reading by scalars they stand for: a word is
    /// letters and digits, joined by a hyphen, an apostrophe or a dot before a letter or digit, a
    /// dot only inside single letters between dots ("U.S"), "U.S." keeps its last dot, and a word
    /// its one or two closing pluses ("OPEC+").
    @Test func wordRangesAreWhatTheScalarsSay() throws {
        func definition(_ text: String) -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            let scalars = Array(text.unicodeScalars)
            var offsets = [0]
            for scalar in scalars { offsets.append(offsets.last! + UTF8.width(scalar)) }
            func isWord(_ k: Int) -> Bool { k < scalars.count && (scalars[k].properties.isAlphabetic || scalars[k].properties.numericType != nil) }
            func initialism(_ from: Int, _ to: Int) -> Bool {
                scalars[from..<to].split(separator: ".").allSatisfy { $0.count == 1 && $0.first!.isASCII && $0.first!.properties.isAlphabetic }
            }
            var i = 0
            while i < scalars.count {
                guard isWord(i) else { i += 1; continue }
                var j = i, last = i
                while j < scalars.count {
                    if isWord(j) { j += 1; last = j; continue }
                    guard "-'’.".unicodeScalars.contains(scalars[j]), isWord(j + 1) else { break }
                    if scalars[j] == ".", !initialism(i, j) { break }
                    j += 1
                }
                if last < scalars.count, scalars[last] == ".", initialism(i, last) { last += 1 }
                // One or two closing pluses, when no word and no other plus follows them.
                if last == j {
                    var plus = last
                    while plus < scalars.count, plus - last < 2, scalars[plus] == "+" { plus += 1 }
                    if plus > last, plus == scalars.count || (!isWord(plus) && scalars[plus] != "+") { last = plus; j = plus }
                }
                ranges.append(offsets[i]..<offsets[last])
                i = max(j, last)
            }
            return ranges
        }
        let pieces = ["U", ".", "S", "a", "é", "-", "'", "’", "“", "”", "—", "\u{2060}", "\u{2070}", "\u{2071}", "²", "日本", "20", " ", "..", "Jan.", "+", "OPEC+"]
        var random = IncrementalBuildTests.Random(state: 11)
        var texts = (0..<3000).map { _ in (0..<random.next(14)).map { _ in pieces[random.next(pieces.count)] }.joined() }
        texts += try ParagraphRepairTests.fixtureParagraphs()
        for text in texts {
            var ranges: [Range<Int>] = []
            Tokenizer.forEachWord(in: Array(text.utf8)) { ranges.append($0..<$1) }
            #expect(ranges == definition(text), "\(text.debugDescription)")
        }
        // General Punctuation is never part of a word, which the tokenizer knows without the tables.
        for value in UInt32(0x2000)...0x206F {
            let scalar = try #require(Unicode.Scalar(value))
            #expect(!UTF8Bytes.isWordScalar(scalar) && !scalar.properties.isAlphabetic && scalar.properties.numericType == nil)
        }
    }

    /// `ByteSearch.firstIndex` (`memchr`) finds what a walk over the bytes finds, from every start.
    @Test func aByteIsFoundWhereTheWalkFindsIt() {
        let bytes = Array("a\nb<c\u{E002}\n\0é<".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for byte: UInt8 in [0x0A, 0x3C, 0x00, 0xEE, 0xC3, 0x7A] {
                for start in 0...bytes.count + 1 {
                    let walked = start < bytes.count ? bytes[start...].firstIndex(of: byte) : nil
                    #expect(ByteSearch.firstIndex(of: byte, in: buffer, from: start) == walked, "\(byte) from \(start)")
                }
            }
        }
        #expect(ByteSearch.firstIndex(of: 0x0A, in: UnsafeBufferPointer(start: nil, count: 0)) == nil)
    }

    /// `ByteSearch.firstIndex` of a run (`memmem`) finds what a walk over the bytes finds, from
    /// every start: overlapping runs, a run at the very end, one longer than what is left.
    @Test func aRunIsFoundWhereTheWalkFindsIt() {
        let bytes = Array("aaab id=\"x\" id=\"é\" ]:]: aa".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for needle in ["aa", "aab", " id=\"", "\"é\"", "]:", " aa", "a", "aaab id=\"x\" id=\"é\" ]:]: aa", "aaaa", "b\u{0}"].map({ Array($0.utf8) }) {
                for start in 0...bytes.count + 1 {
                    let walked = start > bytes.count - needle.count ? nil
                        : (start...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }
                    #expect(ByteSearch.firstIndex(of: needle, in: buffer, from: start) == walked, "\(needle) from \(start)")
                }
            }
        }
        #expect(ByteSearch.firstIndex(of: Array("a".utf8), in: UnsafeBufferPointer(start: nil, count: 0)) == nil)
    }

    /// `ByteSearch.contains` (`memmem`, or `memchr` for the first byte in either case) answers as
    /// a walk over the bytes does, exactly and folding ASCII case: the needle at the start, at the
    /// end, in either case, overlapping a near miss, and not there; a first byte that is no letter.
    @Test func containsAnswersAsTheWalkDoes() {
        let texts = ["Zelenskyy met ZELENSKY", "the zZed zed", "Ézed, nobody. NOBODYZ", "nnnnobody", "", "n", "x-ray X-RAY", "abcABCabC"]
        let needles = ["zelensky", "zed", "nobody", "nobodyz", "n", "x-ray", "-ray", "abc", "abcabcabc", "é", "zz", "ed z", "nobodyzz"]
        func walk(_ text: [UInt8], _ needle: [UInt8], folding: Bool) -> Bool {
            guard text.count >= needle.count else { return needle.isEmpty }
            let fold = { (byte: UInt8) in folding && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            return (0...(text.count - needle.count)).contains { at in needle.indices.allSatisfy { fold(text[at + $0]) == needle[$0] } }
        }
        for text in texts.map({ Array($0.utf8) }) {
            text.withUnsafeBufferPointer { buffer in
                for needle in needles.map({ Array($0.utf8) }) {
                    for folding in [false, true] {
                        let walked = walk(text, needle, folding: folding)
                        #expect(ByteSearch.contains(buffer, needle, foldingCase: folding) == walked,
                                "\(String(decoding: needle, as: UTF8.self)) in \(String(decoding: text, as: UTF8.self)), folding \(folding)")
                    }
                }
            }
        }
        // The walk's answers, as the cases above mean them.
        func contains(_ text: String, _ needle: String, folding: Bool) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { ByteSearch.contains($0, Array(needle.utf8), foldingCase: folding) }
        }
        #expect(!contains("Zelenskyy met ZELENSKY", "zelensky", folding: false) && contains("Zelenskyy met ZELENSKY", "zelensky", folding: true))
        #expect(contains("Ézed, nobody. NOBODYZ", "nobodyz", folding: true) && !contains("Ézed, nobody. NOBODYZ", "nobodyzz", folding: true))
        #expect(contains("nnnnobody", "nobody", folding: false) && contains("x-ray X-RAY", "-ray", folding: false))
        #expect(!contains("", "n", folding: true) && contains("abcABCabC", "abcabcabc", folding: true))
    }

    /// `isCapitalized` reads an ASCII first letter from its byte: the same answer as the first
    /// character's `isUppercase`, with combining marks, other scripts and digits.
    @Test func capitalizedAsTheFirstCharacterSays() {
        let words = ["", "A", "a", "Z", "z", "@", "[", "1a", "Ab", "aB", "E\u{301}", "e\u{301}", "É", "é", "Ωmega", "ωmega",
                     "ß", "Ǆ", "ǅ", "日本", "\r\n", "A\u{200D}", "A\u{1F3FB}", "İstanbul", "ﬀ"]
        for word in words {
            let token = Token(text: word, start: 0, end: word.utf8.count, isPossessive: false)
            #expect(token.isCapitalized == (word.first?.isUppercase == true), "\(word.debugDescription)")
        }
        #expect(Token(text: "Putin", start: 0, end: 5, isPossessive: false).isCapitalized)
        #expect(Token(text: "E\u{301}", start: 0, end: 3, isPossessive: false).isCapitalized)
    }

    /// The tokenizer as it was when it read possessives on characters (`hasSuffix`), on the same
    /// words.
    enum Reference {
        static func tokens(in text: String) -> [Token] {
            let bytes = Array(text.utf8)
            var tokens: [Token] = []
            Tokenizer.forEachWord(in: bytes) { start, end in
                var end = end
                var word = String(decoding: bytes[start..<end], as: UTF8.self)
                var possessive = false
                for suffix in ["'s", "’s"] where word.hasSuffix(suffix) && word.count > 2 {
                    word.removeLast(2)
                    end -= suffix.utf8.count
                    possessive = true
                }
                if word.hasSuffix("s'") || word.hasSuffix("s’") {
                    word.removeLast()
                    end -= 1
                    possessive = true
                }
                tokens.append(Token(text: word, start: start, end: end, isPossessive: possessive))
            }
            return tokens
        }
    }
}
