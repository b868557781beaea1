/// Everything a date's page is made from, as a digest that is cheap to work out (see
/// `ArticlePageInputs`): the value and the values below it; the digest of every article that
/// refers to it; and how a link shows each actor of the articles whose snippets the page shows.
/// It must cover everything `DatePages.page` reads. A page with notes is always made.
/// `IncrementalBuildTests` checks that an unchanged digest never hides a changed page.
enum DatePageInputs {
    static let version = "date-page-inputs 5"

    /// False when the page has no such digest and must be made.
    static func combine(_ index: GraphIndex, _ digests: ArticleDigests, value: String, into hasher: inout StableHasher) -> Bool {
        guard (index.notesByDate[value] ?? []).isEmpty else { return false }
        var writer = BinaryWriter()
        writer.string(version)
        writer.string(value)
        writer.string(index.datePath(value))
        writer.strings(index.dateChildren[value] ?? [])
        let places = index.datesByValue.places(value)
        writer.int(places.count)
        // One digest per run of mentions in the same article (they come in article order), each
        // article by its place (`GraphIndex.dateArticles`): a year has tens of thousands of mentions.
        var articles: [Int32] = []
        for place in places where index.dateArticles[Int(place)] != articles.last {
            articles.append(index.dateArticles[Int(place)])
        }
        writer.int(articles.count)
        for article in articles { writer.words(digests.words(at: article)) }
        // The articles of the snippets shown, by position, as above.
        digests.actorLinks(of: places.prefix(ParagraphList.snippetLimit).map { index.dateArticles[Int($0)] }, index, into: &writer)
        hasher.combine(writer.bytes)
        return true
    }
}
