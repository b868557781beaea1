/// Finds actors that are not in the gazetteer, by rules (no machine learning). Precision first:
/// a name is taken only with a clear cue.
///
/// - A person is 2 to 4 capitalised words introduced by a title or role ("Foreign Minister Sergei
///   Lavrov", "Kremlin spokesman Dmitry Peskov", "special envoy for Ukraine, Keith Kellogg"), an
///   appositive ("Heorhii Tykhyi, a spokesman for …"), a speech verb ("X said", "said X",
///   "X told reporters", "according to X"), a `Quote from X:` label or a byline.
/// - An outlet comes from a `Source:` line, or a name ending like an outlet ("… Post") that
///   "reported" or follows "according to".
/// - An organisation comes from "the … Ministry" and the like; a place from "in Riyadh", a name
///   such as "… Desert" or "… Sea", or "the Escondida mine".
enum ActorDiscovery {
    struct Candidate: Hashable {
        var name: String
        var kind: ActorKind
        /// The role or title seen with the name, e.g. "Kremlin spokesman".
        var role: String?
        var articleID: String
        var block: Int
    }

    static let outletEndings: Set<String> = ["Post", "Times", "News", "Journal", "Agency", "Press", "Novosti", "Tribune",
                                             "Herald", "Telegraph", "Guardian", "Reuters", "Bloomberg", "Gazette", "Interfax", "Axios"]
    static let organizationEndings: Set<String> = ["Ministry", "Department", "Agency", "Council", "Committee", "Service",
                                                   "Commission", "Parliament", "Party", "Army", "Court", "Bureau",
                                                   "Authority", "Forum", "Fund", "Institute", "Organisation",
                                                   "Organization", "Assembly", "Senate", "Alliance",
                                                   "Association", "Foundation", "Board", "Tribunal", "Police", "Navy", "Guard"]
    /// The last words of a place's name of two words or more: "the Atacama Desert", "the Red Sea".
    static let placeEndings: Set<String> = ["Desert", "River", "Sea", "Ocean", "Island", "Islands", "Strait", "Peninsula",
                                            "Mountains", "Valley", "Province", "Region", "Oblast", "Canal", "Basin", "Plateau"]
    /// What "the Escondida mine" and "the Adre border crossing" are: the capitalised words
    /// before one of these, after "the", are a place's name.
    static let placeNouns: Set<String> = ["mine", "port", "airport", "region", "province", "district", "oblast", "crossing",
                                          "oilfield", "peninsula", "valley", "river", "island"]

    /// Lower-case words that may stand before a role noun in a role: "special envoy", "former adviser".
    static let roleModifiers: Set<String> = [
        "special", "former", "campaign", "senior", "chief", "deputy", "top", "foreign", "press", "incoming", "outgoing",
        "acting", "national", "security", "defense", "defence", "presidential", "military", "economic", "policy",
        "foreign-policy", "lead", "peace", "trade", "government", "state", "regional", "opposition",
        "prime", "labour", "labor", "finance", "interior", "justice", "health", "energy", "education", "transport",
        "environment", "agriculture", "economy",
    ]
    /// Words that say what the name right after them is: "the lender Harbour Capital".
    static let descriptors: [String: ActorKind] = [
        "lender": .organization, "bank": .organization, "company": .organization, "firm": .organization,
        "insurer": .organization, "airline": .organization, "miner": .organization,
        "retailer": .organization, "conglomerate": .organization, "utility": .organization, "militia": .organization,
        "startup": .organization, "automaker": .organization, "broadcaster": .outlet, "newspaper": .outlet,
        "daily": .outlet, "magazine": .outlet, "tabloid": .outlet, "outlet": .outlet,
    ]
    /// "Analysts at Goldman Sachs said": people of a firm or body, whose name follows "at".
    static let staffNouns: Set<String> = ["analysts", "economists", "researchers", "officials", "experts", "strategists",
                                          "executives", "scientists", "lawyers", "engineers", "staff", "workers"]

    /// - Parameter words: the words of each block, in order, when already read (`Tokenizer.tokens`).
    static func candidates(in article: Article, words: [[Token]]? = nil) -> [Candidate] {
        var found: [Candidate] = []
        if let outlet = article.outlet {
            found.append(Candidate(name: outlet.name, kind: .outlet, articleID: article.id, block: 0))
        }
        if let author = article.author, isPersonName(author.split(separator: " ").map(String.init)) {
            found.append(Candidate(name: author, kind: .person, role: "author", articleID: article.id, block: 0))
        }
        for (n, block) in article.blocks.enumerated() {
            let bytes = Array(block.text.utf8)
            let tokens = words?[n] ?? Tokenizer.tokens(in: block.text)
            for run in NameRun.runs(in: tokens, text: bytes) {
                if let candidate = candidate(run, tokens: tokens, bytes: bytes) {
                    found.append(Candidate(name: candidate.name, kind: candidate.kind, role: candidate.role,
                                           articleID: article.id, block: block.number))
                }
            }
        }
        return found
    }

    static func candidate(_ run: NameRun, tokens: [Token], bytes: [UInt8]) -> (name: String, kind: ActorKind, role: String?)? {
        var start = run.range.lowerBound
        let end = run.range.upperBound
        // "the Ukrainian Foreign Ministry": an organisation, titles and nationality included.
        let leadingThe = tokens[start].text == "The"
        let beforeRun = start > 0 ? tokens[start - 1] : nil
        if leadingThe || beforeRun?.text == "the", organizationEndings.contains(tokens[end - 1].text),
           end - start - (leadingThe ? 1 : 0) >= 2 {
            return (tokens[(start + (leadingThe ? 1 : 0))..<end].map(\.text).joined(separator: " "), .organization, nil)
        }
        // "the collapsed lender Harbour Capital", "the broadcaster NHK": a word that says what
        // the name is, right before it, after "the" or "a" within three words.
        if let noun = beforeRun, let kind = descriptors[noun.text], isSpaceOnly(bytes, noun, tokens[start]),
           (max(0, start - 4)..<(start - 1)).contains(where: { ["the", "The", "a", "A", "an", "An"].contains(tokens[$0].text) }),
           (1...4).contains(end - start), tokens[start..<end].allSatisfy({ !isTitle($0.text) && !NameLexicon.isStopWord($0.text) }) {
            return (tokens[start..<end].map(\.text).joined(separator: " "), kind, nil)
        }
        // Leading words that are not names: "The", "However", "Russian", and titles.
        var prefix: [String] = []
        while start < end, NameLexicon.isStopWord(tokens[start].text) || isTitle(tokens[start].text) {
            if tokens[start].text != "The" && !NameLexicon.functionWords.contains(tokens[start].text) || isTitle(tokens[start].text) {
                prefix.append(tokens[start].text)
            }
            start += 1
        }
        // "Solicitor General Paulo Rezende": everything up to the last title word is the title.
        if let lastTitle = (start..<max(start, end - 2)).last(where: { isTitle(tokens[$0].text) }) {
            prefix += tokens[start...lastTitle].map(\.text)
            start = lastTitle + 1
        }
        guard start < end else { return nil }
        let words = tokens[start..<end].map(\.text)
        let name = words.joined(separator: " ")
        let after = end < tokens.count ? tokens[end] : nil
        let last = words.last!

        // Outlets: their names end in telling words.
        if outletEndings.contains(last), words.count <= 4,
           after?.text == "reported" || after?.text == "reports" || isAccordingTo(tokens, before: run.range.lowerBound) {
            let full = tokens[run.range].map(\.text).joined(separator: " ")
            return (full.hasPrefix("The ") || full.hasPrefix("the ") ? full : name, .outlet, nil)
        }
        // A place by its name's last word ("Atacama Desert"), or by what follows "the" and the
        // name ("the Escondida mine").
        // The cheap tests first: every name run of every block comes this way.
        if !tokens[end - 1].isPossessive {
            let byEnding = words.count >= 2 && placeEndings.contains(last)
            let byNoun = !byEnding && words.count <= 2 && (leadingThe || beforeRun?.text == "the") && after.map { noun in
                (placeNouns.contains(noun.text) || (noun.text == "border" && end + 1 < tokens.count && tokens[end + 1].text == "crossing"))
                    && isSpaceOnly(bytes, tokens[end - 1], noun)
            } == true && prefix.allSatisfy({ $0 == "The" }) && !NameLexicon.isStopWord(last) && !NameLexicon.notPersonWords.contains(last)
            if byEnding || byNoun, words.allSatisfy({ !isTitle($0) && !isAcronym($0) && !$0.contains(where: \.isNumber) }) {
                return (name, .place, nil)
            }
        }
        // A place: "in Riyadh".
        if words.count == 1, beforeRun?.text == "in", prefix.isEmpty, !tokens[start].isPossessive,
           !NameLexicon.isStopWord(last), !NameLexicon.notPersonWords.contains(last), !isAcronym(last),
           !last.contains(where: \.isNumber) {  // "in Q3 2024" is a date, not a place
            return (name, .place, nil)
        }

        // "Analysts at Goldman Sachs said": the firm's, not a person's, name.
        let afterAt = beforeRun?.text == "at" && prefix.isEmpty
        if afterAt, start >= 2, staffNouns.contains(tokens[start - 2].text.lowercased()), words.count <= 4,
           words.allSatisfy({ !isTitle($0) && !$0.contains(where: \.isNumber) }) {
            return (name, .organization, nil)
        }
        guard isPersonName(words) else { return nil }
        var role: String?
        if !prefix.isEmpty, prefix.contains(where: isTitle) {
            role = prefix.joined(separator: " ")
        } else if start == run.range.lowerBound, start > 0, let phrase = rolePhrase(tokens, endingAt: start - 1, bytes: bytes) {
            role = phrase
        } else if start == run.range.lowerBound, start > 1, tokens[start - 1].isPossessive, tokens[start - 1].isCapitalized,
                  isCommaSpace(bytes, tokens[start - 2], tokens[start - 1]), let phrase = rolePhrase(tokens, endingAt: start - 2, bytes: bytes) {
            // "the sitting MP, Labour's Kevin Marsh": a role, a comma and a party's or a firm's possessive.
            role = phrase
        }
        let saidBefore = beforeRun.map { NameLexicon.speechVerbs.contains($0.text) } ?? false
        // Who "said" after "at" a name is someone else ("talks at Camp David said nothing").
        let saidAfter = !afterAt && after.map { NameLexicon.speechVerbs.contains($0.text) && isSpaceOnly(bytes, tokens[end - 1], $0) } ?? false
        let appositiveAfter = isAppositiveAfter(tokens, end: end, bytes: bytes)
        guard role != nil || saidBefore || saidAfter || appositiveAfter || isAccordingTo(tokens, before: run.range.lowerBound) else { return nil }
        return (name, .person, role)
    }

    static func isTitle(_ word: String) -> Bool {
        NameLexicon.titleWords.contains(word) || NameLexicon.titleWords.contains(word + ".")
    }

    /// 2 to 4 capitalised words, none of them a stop word, a title, an institution word or an acronym.
    static func isPersonName(_ words: [String]) -> Bool {
        guard (2...4).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase, word.count >= 2 || word.hasSuffix(".") else { return false }
            return !NameLexicon.isStopWord(word) && !isTitle(word) && !NameLexicon.notPersonWords.contains(word)
                && !isAcronym(word) && !word.contains(where: \.isNumber)
        }
    }

    static func isAcronym(_ word: String) -> Bool {
        word.count >= 2 && word.allSatisfy { $0.isUppercase || $0 == "." }
    }

    static func isSpaceOnly(_ bytes: [UInt8], _ a: Token, _ b: Token) -> Bool {
        bytes[a.end..<b.start].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ",") }
    }

    static func isAccordingTo(_ tokens: [Token], before index: Int) -> Bool {
        index >= 2 && tokens[index - 1].text == "to" && tokens[index - 2].text.lowercased() == "according"
    }

    /// "Kremlin spokesman", "campaign adviser", "special envoy for Ukraine" right before a name.
    static func rolePhrase(_ tokens: [Token], endingAt index: Int, bytes: [UInt8]) -> String? {
        var nounIndex = index
        // "special envoy for Ukraine, Keith Kellogg": skip back over "for Ukraine,"; "foreign
        // minister, Zoltán Berkes": the role noun itself before the comma.
        if bytes[tokens[index].end..<min(bytes.count, tokens[index].end + 2)].elementsEqual(Array(", ".utf8)),
           NameLexicon.roleNouns.contains(tokens[index].text) {
            nounIndex = index
        } else if bytes[tokens[index].end..<min(bytes.count, tokens[index].end + 2)].elementsEqual(Array(", ".utf8)) {
            var k = index
            while k > 0, tokens[k].isCapitalized { k -= 1 }
            guard ["for", "of", "to", "in"].contains(tokens[k].text), k > 0 else { return nil }
            nounIndex = k - 1
        } else if tokens[index + 1].start - tokens[index].end != 1 {
            return nil
        }
        guard NameLexicon.roleNouns.contains(tokens[nounIndex].text) else { return nil }
        var first = nounIndex
        while first > 0, nounIndex - first < 2 {
            let previous = tokens[first - 1]
            guard !previous.isPossessive, !NameLexicon.functionWords.contains(previous.text),
                  previous.isCapitalized || roleModifiers.contains(previous.text),
                  bytes[previous.end..<tokens[first].start].elementsEqual([UInt8(ascii: " ")]) else { break }
            first -= 1
        }
        return tokens[first...index].map(\.text).joined(separator: " ").replacingOccurrences(of: " ,", with: ",")
    }

    /// "Heorhii Tykhyi, a spokesman for …", "Jamal Haddad, OPEC's secretary general, said",
    /// "Richard Caldwell, Reform UK's chairman, said": a comma, then a/an/the or up to three
    /// capitalised words the last of them possessive, and a role noun within four words; or a
    /// role noun at once and "of", "at" or "for" ("Grace Wanjiru, governor of the Central Bank").
    static func isAppositiveAfter(_ tokens: [Token], end: Int, bytes: [UInt8]) -> Bool {
        guard end < tokens.count, isCommaSpace(bytes, tokens[end - 1], tokens[end]) else { return false }
        var k = end
        if !["a", "an", "the"].contains(tokens[k].text) {
            if NameLexicon.roleNouns.contains(tokens[k].text), k + 1 < tokens.count, ["of", "at", "for"].contains(tokens[k + 1].text) {
                return true
            }
            while k < min(tokens.count, end + 3), tokens[k].isCapitalized, !tokens[k].isPossessive { k += 1 }
            guard k < tokens.count, tokens[k].isCapitalized, tokens[k].isPossessive else { return false }
        }
        return tokens[(k + 1)..<min(tokens.count, k + 5)].contains { NameLexicon.roleNouns.contains($0.text) }
    }

    /// Whether ", " and nothing else lies between two tokens.
    static func isCommaSpace(_ bytes: [UInt8], _ a: Token, _ b: Token) -> Bool {
        bytes[a.end..<b.start].elementsEqual(Array(", ".utf8))
    }
}
