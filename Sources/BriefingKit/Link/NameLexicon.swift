/// The word lists behind actor discovery, in one place. Precision matters more than recall: a word
/// here keeps a capitalised run from being taken for a name.
enum NameLexicon {
    static let months: Set<String> = ["January", "February", "March", "April", "May", "June", "July", "August",
                                      "September", "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.",
                                      "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec."]
    static let weekdays: Set<String> = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static let nationalities: Set<String> = [
        "American", "Russian", "Ukrainian", "European", "British", "French", "German", "Chinese", "Israeli", "Palestinian",
        "Iranian", "Syrian", "Turkish", "Polish", "Belarusian", "Georgian", "Saudi", "Qatari", "Egyptian", "Indian",
        "Japanese", "Korean", "Italian", "Spanish", "Dutch", "Swiss", "Finnish", "Swedish", "Norwegian", "Hungarian",
        "Western", "Soviet", "Arab", "Kremlin-aligned", "Republican", "Democratic", "Democrat", "Republicans", "Democrats",
        "Lebanese", "Iraqi", "Afghan", "Canadian", "Mexican", "Brazilian", "Australian", "Estonian", "Latvian", "Lithuanian",
    ]

    /// Words that start sentences and labels but never names.
    static let functionWords: Set<String> = [
        "The", "A", "An", "However", "But", "And", "Or", "If", "In", "On", "At", "As", "By", "For", "From", "To", "Of",
        "With", "Without", "After", "Before", "During", "While", "When", "Where", "What", "Who", "Why", "How", "This",
        "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My",
        "Background", "Details", "Source", "Quote", "Also", "Some", "Many", "Most", "All", "No", "Not", "Ultimately",
        "Meanwhile", "Still", "Yet", "So", "Then", "There", "Here", "Both", "Each", "Every", "Other", "Another", "One",
        "Two", "Three", "Four", "Five", "Several", "According", "Asked", "Under", "Over", "Since", "Until", "Although",
        "Though", "Because", "Despite", "Earlier", "Later", "Last", "Next", "Today", "Yesterday", "Tomorrow", "Now",
        "Mr.", "Mrs.", "Ms.", "Dr.", "Such", "More", "Like", "Even", "Only", "Just", "Once", "Instead", "Indeed",
    ]

    /// Capitalised words that make a name a place or institution, never a person.
    static let notPersonWords: Set<String> = [
        "House", "Office", "Ministry", "Department", "Council", "Committee", "Party", "Union", "Nations", "States",
        "Federation", "Republic", "Kingdom", "Agency", "Bank", "Fund", "Court", "Army", "Forces", "Force", "Command",
        "Post", "Times", "News", "Journal", "Press", "Novosti", "Summit", "Constitution", "Parliament", "Senate",
        "Congress", "Assembly", "Organization", "Organisation", "Institute", "University", "Street", "Square", "Resort",
        "Palace", "Kremlin", "Pentagon", "Administration", "Government", "Cabinet", "Security", "Intelligence",
        "Service", "Group", "Company", "Corporation", "Inc.", "Ltd.", "Treaty", "Agreement", "Plan", "Act", "War",
        "Region", "Oblast", "City", "Island", "Sea", "River", "Mountains", "Ocean", "Airport", "Station", "Day",
        "Olympics", "Games", "Cup", "Prize", "Award", "Network", "Channel", "Radio", "Television", "Tribune", "Herald",
    ]

    /// Titles written before a name ("Foreign Minister Sergei Lavrov"); they introduce a person and
    /// are not part of the name.
    static let titleWords: Set<String> = [
        "President", "President-elect", "Minister", "Foreign", "Prime", "Deputy", "Vice", "Secretary", "General", "Gen.",
        "Senator", "Sen.", "Governor", "Gov.", "Ambassador", "Chancellor", "King", "Queen", "Prince", "Pope", "Defense",
        "Defence", "Special", "Envoy", "Spokesman", "Spokeswoman", "Spokesperson", "Chief", "Rep.", "Representative",
        "Judge", "Justice", "Commander", "Colonel", "Col.", "Lt.", "Admiral", "Adm.", "Mayor", "Premier", "Mr.", "Mrs.",
        "Ms.", "Dr.", "Former", "Interior", "Finance", "Economy", "State", "Sheikh", "Emir", "Crown", "Speaker",
        "Leader", "Adviser", "Advisor", "Director", "Officer", "Lieutenant", "Major", "Captain", "Sergeant", "Marshal",
        "Executive", "Editor", "Chairman", "Chairwoman", "Commissioner", "Attorney", "Prosecutor", "Professor", "Prof.",
        "Sir", "Dame", "Archbishop", "Rabbi", "Imam", "CEO", "CFO", "COO",
    ]

    /// Lower-case role nouns that introduce a name right after them ("spokesman Dmitry Peskov",
    /// "special envoy for Ukraine, Keith Kellogg").
    static let roleNouns: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "president", "minister", "envoy", "secretary", "adviser", "advisor",
        "chancellor", "leader", "general", "ambassador", "senator", "governor", "director", "chief", "commander",
        "official", "aide", "correspondent", "analyst", "negotiator", "premier", "mayor", "lawmaker", "deputy",
        "head", "founder", "chairman", "chairwoman", "chair", "ceo", "professor", "researcher", "reporter", "editor",
        "press", "strategist", "diplomat", "representative", "speaker", "counsel", "economist", "expert",
        "candidate", "MP", "judge", "prosecutor",
    ]

    /// Verbs that mark a speaker: "X said", "said X", "X told reporters".
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "added", "stated", "wrote", "explained", "warned", "noted", "argued", "claimed",
        "insisted", "stressed", "emphasised", "emphasized", "declared", "announced", "replied", "asked", "tweeted",
        "posted", "recalled", "acknowledged", "admitted", "suggested", "countered", "continued", "remarked",
    ]

    static func isStopWord(_ word: String) -> Bool {
        months.contains(word) || weekdays.contains(word) || nationalities.contains(word) || functionWords.contains(word)
    }
}
