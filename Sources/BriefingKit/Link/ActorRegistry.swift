/// All the actors of the briefing, the gazetteer's and the discovered ones, with the index of the
/// names they go by.
struct ActorRegistry {
    private(set) var actors: [Actor] = []
    private var byID: [String: Int] = [:]
    /// Exact name or alias (case-sensitive: "US" is not "us") → actor ids.
    private(set) var names: [String: Set<String>] = [:]
    /// Person surname → ids; and the same by spelling-variant key (Zelensky/Zelenskyy/Zelenskiy).
    private(set) var surnames: [String: Set<String>] = [:]
    private(set) var variantSurnames: [String: Set<String>] = [:]
    private(set) var longestName = 1
    /// The most words of a name or alias starting with a word (`"Donald"` → 2 for "Donald Trump"):
    /// the mention finder looks up no longer run of words than one of these can match.
    private var longestNameByFirstWord: [String: Int] = [:]

    init(gazetteer: Gazetteer) {
        for entry in gazetteer.entries {
            add(Actor(id: entry.id, name: entry.name, kind: entry.kind, origin: .gazetteer, aliases: entry.aliases,
                      roles: entry.roles, description: entry.description, link: entry.link))
        }
    }

    func actor(_ id: String) -> Actor? { byID[id].map { actors[$0] } }

    /// Finds the actor a discovered name stands for, or adds it as a new, discovered actor.
    /// Spelling variants of a person's surname merge when nothing else competes. Nil for a name
    /// that two or more known actors go by (two people of one name in the gazetteer): it stands
    /// for none of them, and is no new actor either (it was one at every sighting).
    ///
    /// Candidates come article by article, all of one article's together (as `Linker` gives
    /// them): a role seen again in the same article is then among the actor's last sightings,
    /// which is where it is looked for, not in the whole list, which grows with the briefing.
    @discardableResult
    mutating func resolveOrAdd(_ candidate: ActorDiscovery.Candidate, date: CalendarDay) -> String? {
        // A name seen before (most candidates) is looked up once, not three times.
        let known = names[candidate.name]
        if let known, known.count > 1 { return nil }
        let id: String
        if let only = known?.first {
            id = only
        } else {
            id = resolve(name: candidate.name, kind: candidate.kind) ?? {
                let base = Slug.make(candidate.name, fallback: "actor")
                var slug = base
                var n = 2
                while byID[slug] != nil { slug = "\(base)-\(n)"; n += 1 }
                add(Actor(id: slug, name: candidate.name, kind: candidate.kind, origin: .discovered, aliases: [], roles: []))
                return slug
            }()
            // A spelling variant that merged into this actor is one of its names from now on.
            if names[candidate.name] == nil {
                names[candidate.name] = [id]
                noteLength(of: candidate.name)
            }
        }
        if let role = candidate.role, role != "author" || candidate.kind == .person, let index = byID[id] {
            let thisArticle = actors[index].roleSightings.reversed().prefix { $0.articleID == candidate.articleID }
            if !thisArticle.contains(where: { $0.role == role }) {
                actors[index].roleSightings.append(Actor.RoleSighting(role: role, articleID: candidate.articleID, date: date))
            }
        }
        return id
    }

    /// The one actor a full name stands for, if exactly one.
    func resolve(name: String, kind: ActorKind) -> String? {
        if let ids = names[name], ids.count == 1 { return ids.first }
        guard kind == .person else { return nil }
        let words = name.split(separator: " ").map(String.init)
        guard let last = words.last else { return nil }
        // Same first names and a surname that differs only in its ending.
        let matches = (variantSurnames[Self.variantKey(last)] ?? []).filter { id in
            guard let actor = actor(id), actor.kind == .person else { return false }
            let other = actor.name.split(separator: " ").map(String.init)
            return other.count == words.count && other.dropLast() == words.dropLast()
        }
        return matches.count == 1 ? matches.first : nil
    }

    private mutating func add(_ actor: Actor) {
        byID[actor.id] = actors.count
        actors.append(actor)
        for name in [actor.name] + actor.aliases {
            names[name, default: []].insert(actor.id)
            noteLength(of: name)
        }
        if let surname = actor.surname {
            surnames[surname, default: []].insert(actor.id)
            variantSurnames[Self.variantKey(surname), default: []].insert(actor.id)
        }
        for alias in actor.aliases where actor.kind == .person && !alias.contains(" ") {
            variantSurnames[Self.variantKey(alias), default: []].insert(actor.id)
        }
    }

    /// The most words a name starting with `word` has, as a run of words joined by single spaces
    /// (the only form `names` is looked up in); nil when no name starts with it.
    func longestName(startingWith word: String) -> Int? { longestNameByFirstWord[word] }

    private mutating func noteLength(of name: String) {
        longestName = max(longestName, name.split(separator: " ").count)
        // Split at every space: a name with two spaces in a row is no run of words and is never
        // found, and the first word is all before the first space.
        let parts = name.split(separator: " ", omittingEmptySubsequences: false)
        longestNameByFirstWord[String(parts[0]), default: 0] = max(longestNameByFirstWord[String(parts[0])] ?? 0, parts.count)
    }

    /// "Zelenskyy", "Zelensky" and "Zelenskiy" share the key "zelensk".
    static func variantKey(_ word: String) -> String {
        var key = word.lowercased()
        while key.count > 4, let last = key.last, "yij".contains(last) { key.removeLast() }
        return key
    }
}
