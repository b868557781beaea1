/// A person, organisation, outlet or place named in the briefing.
public struct Actor: Sendable, Hashable {
    public enum Origin: String, Sendable, Hashable {
        /// Listed in `Content/actors.yml`.
        case gazetteer
        /// Found in the text by the discovery rules.
        case discovered
    }

    /// A role seen in the text ("Kremlin spokesman"), with where and when.
    public struct RoleSighting: Sendable, Hashable {
        public var role: String
        public var articleID: String
        public var date: CalendarDay
    }

    public var id: String
    public var name: String
    public var kind: ActorKind
    public var origin: Origin
    /// Other spellings from the gazetteer.
    public var aliases: [String]
    /// Roles from the gazetteer.
    public var roles: [String]
    public var description: String?
    public var link: String?
    /// Roles collected from the text, in article order.
    public var roleSightings: [RoleSighting] = []

    /// Every name form a reader may see for this actor: the name, the aliases and, for people, the
    /// surname.
    var surname: String? {
        guard kind == .person else { return nil }
        let words = name.split(separator: " ")
        return words.count >= 2 ? String(words.last!) : nil
    }
}

/// One place in the text where an actor is named. The block and offset are `Stored32`: 56 bytes
/// a mention instead of 64.
public struct Mention: Sendable, Hashable {
    public var actorID: String
    public var articleID: String
    /// The block (paragraph) number, as in the `#p<n>` anchors.
    @Stored32 public var block: Int
    /// UTF-8 byte offset of the mention in the block's text.
    @Stored32 public var offset: Int
    /// The exact surface string, as in the repaired text ("Putin", "Zelenskyy").
    public var text: String
}

/// A direct quotation in an article and, when the rules are sure, its speaker.
public struct AttributedQuote: Sendable, Hashable {
    public var speakerID: String?
    public var text: String
    public var articleID: String
    public var block: Int
}
