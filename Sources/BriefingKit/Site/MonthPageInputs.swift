/// Everything a month page of mentions is made from, as a digest that is cheap to work out (see
/// `ArticlePageInputs`): the subject as the page names and links it, the month and its
/// neighbours, the digest of each article of the month that names the subject, and an actor's
/// quotes that month with their articles' digests. It must cover
/// everything `MentionArchive.page` reads. `IncrementalBuildTests` checks that an unchanged
/// digest never hides a changed page.
enum MonthPageInputs {
    static let version = "month-page-inputs 3"

    static func combine(_ index: GraphIndex, _ digests: ArticleDigests, month: MentionArchive.Month, into hasher: inout StableHasher) {
        var writer = BinaryWriter()
        writer.string(version)
        switch month.subject {
        case .actor(let id): writer.string("actor"); writer.string(id)
        case .date(let value): writer.string("date"); writer.string(value)
        }
        writer.string(MentionArchive.subjectTitle(month.subject, index))
        writer.string(MentionArchive.subjectPath(month.subject, index))
        writer.string(month.month); writer.string(month.previous); writer.string(month.next)
        writer.int(month.mentions.count)
        writer.int(month.articleIDs.count)
        for id in month.articleIDs { writer.words(digests.words(of: id)) }
        // An actor's quotes that month, whose articles need not name it.
        let quotes = QuoteList.quotes(on: month, index)
        writer.values(quotes)
        for quote in quotes.indices { writer.words(digests.words(of: quotes[quote].articleID)) }
        hasher.combine(writer.bytes)
    }
}
