/// Words the date resolver reads, in one place.
enum DateLexicon {
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]
    /// Abbreviations count only when written with their full stop ("Jan.").
    static let monthAbbreviations: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]
    static let seasons: [String: String] = ["spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"]
    static let numbers: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "hundred": 100, "several": 3, "few": 3,
    ]
    /// Unit word → (duration designator, needs the time part `T`).
    static let units: [String: (String, Bool)] = [
        "year": ("Y", false), "years": ("Y", false), "month": ("M", false), "months": ("M", false),
        "week": ("W", false), "weeks": ("W", false), "day": ("D", false), "days": ("D", false),
        "hour": ("H", true), "hours": ("H", true), "minute": ("M", true), "minutes": ("M", true),
    ]
    /// Words before a bare month name that make it a date: "in June", not "may" or "march" as verbs.
    static let monthTriggers: Set<String> = ["in", "since", "until", "till", "by", "during", "before", "after", "from",
                                             "through", "throughout", "of", "early", "late", "last", "next", "this", "mid"]
    /// Plural nouns after a number that make it a count, not a year ("2018 troops").
    static let countNouns: Set<String> = ["troops", "people", "soldiers", "votes", "dollars", "euros", "km", "tonnes",
                                          "barrels", "points", "deaths", "seats", "members", "workers", "refugees", "units",
                                          "homes", "jobs", "residents", "civilians", "prisoners", "cases", "miles"]
    static let futureCues: Set<String> = ["will", "would", "shall", "plans", "plan", "planned", "expects", "expected",
                                          "scheduled", "upcoming", "going", "intends", "aims", "due", "set", "ll", "hopes", "could"]
    /// Words after which `to` and a verb speak of what is still to come, however the sentence
    /// is told: "agreed to press ahead from April", "hoped to send a convoy before June",
    /// "officials expect to complete it on Monday", "likely to be held in March".
    static let prospectiveBeforeTo: Set<String> = ["expect", "expects", "hope", "hopes", "hoped", "agree", "agrees", "agreed",
                                                   "likely", "unlikely", "intend", "intended", "aim", "aimed", "plan", "plans", "planned",
                                                   "want", "wants", "wanted", "promise", "promises", "promised", "vow", "vows", "vowed",
                                                   "pledge", "pledges", "pledged", "threaten", "threatens", "threatened", "prepared", "ready",
                                                   "decide", "decides", "decided", "voted", "set", "due", "scheduled", "expected", "going"]
    /// Verbs whose "until" looks ahead whatever the tense: "extended until the end of August".
    static let extensionVerbs: Set<String> = ["extended", "extend", "extends", "extending", "prolonged", "prolong",
                                              "renewed", "renew", "postponed", "postpone", "delayed", "delay", "suspended"]
    /// Words that make `to` a preposition before a noun ("agreed to a ceasefire in March").
    static let nounIntroducers: Set<String> = ["a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their",
                                               "our", "my", "your", "some", "any", "no", "all", "both", "each", "every", "such",
                                               "him", "them", "us", "me", "it", "what", "which", "whom"]
    static let pastCues: Set<String> = ["was", "were", "had", "did", "said", "told", "met", "held", "took", "made", "gave",
                                        "came", "went", "spoke", "ago", "previously", "earlier", "been", "began", "won", "lost",
                                        "signed", "stated", "claimed", "announced", "visited", "agreed", "called"]
}
