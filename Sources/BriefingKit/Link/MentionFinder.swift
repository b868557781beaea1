/// Finds every mention of a known actor in an article, with coreference:
///
/// - the longest known name or alias wins ("Donald Trump" before "Trump");
/// - after a person's full name, a bare surname (or "Mr. X") in the same article is that person;
/// - elsewhere a bare surname links only when exactly one known person has it, or one spelling
///   variant of it (Zelensky / Zelenskyy);
/// - a possessive ("Putin's") is a mention of Putin;
/// - a surname glued to another capitalised word ("Trump Tower", "Steve Miller") is not linked.
struct MentionFinder {
    let registry: ActorRegistry

    struct Unresolved: Hashable {
        var name: String
        var articleID: String
        var block: Int
        var candidates: [String]
    }

    func mentions(in article: Article) -> (mentions: [Mention], unresolved: [Unresolved]) {
        var mentions: [Mention] = []
        var unresolved: [Unresolved] = []
        var localSurnames: [String: String] = [:]
        // The headline is block 0, unless it is the lead itself (dateline articles).
        var blocks = article.blocks
        if article.title != blocks.first?.text {
            blocks.insert(TextBlock(number: 0, role: .title, text: article.title, line: 0), at: 0)
        }
        for block in blocks {
            let bytes = Array(block.text.utf8)
            let tokens = Tokenizer.tokens(in: block.text)
            var i = 0
            while i < tokens.count {
                guard tokens[i].isCapitalized else { i += 1; continue }
                if let (length, id) = longestMatch(tokens, at: i, bytes: bytes) {
                    let last = tokens[i + length - 1]
                    let text = String(decoding: bytes[tokens[i].start..<last.end], as: UTF8.self)
                    mentions.append(Mention(actorID: id, articleID: article.id, block: block.number, offset: tokens[i].start, text: text))
                    if length >= 2, let surname = registry.actor(id)?.surname {
                        localSurnames[surname] = id
                        localSurnames[ActorRegistry.variantKey(surname)] = id
                    }
                    i += length
                    continue
                }
                let word = tokens[i].text
                if isIsolated(tokens, i, bytes) {
                    if let id = localSurnames[word] ?? localSurnames[ActorRegistry.variantKey(word)] {
                        mentions.append(Mention(actorID: id, articleID: article.id, block: block.number, offset: tokens[i].start, text: word))
                    } else if let ids = registry.surnames[word] ?? registry.variantSurnames[ActorRegistry.variantKey(word)] {
                        if ids.count == 1 {
                            mentions.append(Mention(actorID: ids.first!, articleID: article.id, block: block.number, offset: tokens[i].start, text: word))
                        } else {
                            unresolved.append(Unresolved(name: word, articleID: article.id, block: block.number, candidates: ids.sorted()))
                        }
                    }
                }
                i += 1
            }
        }
        return (mentions, unresolved)
    }

    /// The longest run of words starting at `index` that is exactly one actor's name or alias.
    /// Runs longer than the longest name starting with the first word are not looked up (they
    /// would not be found), nor any run from a word no name starts with: most capitalised words.
    private func longestMatch(_ tokens: [Token], at index: Int, bytes: [UInt8]) -> (Int, String)? {
        guard let longest = registry.longestName(startingWith: tokens[index].text) else { return nil }
        var length = min(longest, tokens.count - index)
        while length >= 1 {
            let range = index..<(index + length)
            let contiguous = range.dropFirst().allSatisfy { k in
                !tokens[k - 1].isPossessive && bytes[tokens[k - 1].end..<tokens[k].start].elementsEqual([UInt8(ascii: " ")])
            }
            if contiguous, let ids = registry.names[tokens.words(range)], ids.count == 1 {
                let id = ids.first!
                if length > 1 || isIsolated(tokens, index, bytes) || registry.actor(id)?.kind != .person {
                    return (length, id)
                }
            }
            length -= 1
        }
        return nil
    }

    /// A single capitalised word that is not part of a longer name: the words around it are not
    /// capitalised names joined to it by a space (titles such as "President" are fine).
    private func isIsolated(_ tokens: [Token], _ i: Int, _ bytes: [UInt8]) -> Bool {
        if i > 0, tokens[i - 1].isCapitalized, !tokens[i - 1].isPossessive, NameRun.isNameGap(bytes, from: tokens[i - 1], to: tokens[i]),
           !ActorDiscovery.isTitle(tokens[i - 1].text), !NameLexicon.isStopWord(tokens[i - 1].text) {
            return false
        }
        if i + 1 < tokens.count, !tokens[i].isPossessive, tokens[i + 1].isCapitalized,
           bytes[tokens[i].end..<tokens[i + 1].start].elementsEqual([UInt8(ascii: " ")]),
           !NameLexicon.isStopWord(tokens[i + 1].text) {
            return false
        }
        return true
    }
}
