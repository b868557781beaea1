/// What the Link stage finds in one article: the actor candidates and dates (a function of the
/// article alone), and the mentions, quotes and unresolved names (a function of the article and of
/// the names the registry knows, `NamingTable`). The build cache keeps them, so that the next build
/// links again only the articles that changed (`Linker.link(…reusing:)`).
///
/// The dates, mentions, quotes and unresolved names are slices: once the graph is made, they are
/// slices of the graph's own arrays (`Linker.flatten`), so keeping the facts for the memo costs
/// no second copy of them.
public struct ArticleFacts: Sendable, Equatable {
    /// The article they were found in: facts are reused only for an article equal to it.
    public var article: Article
    var candidates: [ActorDiscovery.Candidate]
    public var dates: ArraySlice<DateMention>
    /// `NamingTable.digest` when the mentions were found.
    public var naming: String
    public var mentions: ArraySlice<Mention>
    public var quotes: ArraySlice<AttributedQuote>
    public var unresolved: ArraySlice<BriefingGraph.UnresolvedName>
    /// `digest(article:mentions:dates:quotes:)` of these facts, when the linker was asked for it
    /// (a build that keeps a cache): worked out once, when the facts are found, and kept with them
    /// in the memo, instead of on every build for every article (`ArticleDigests`).
    public var digest: String?

    static let digestVersion = "article-facts-digest 1"

    /// Whether the facts lie in their article as the linker finds them: each names the article and
    /// a block it has (0, the title), and each mention's and date's text lies inside its block.
    /// The article memo's facts are checked as they are read (`ArticleMemo`): the pages find blocks
    /// and cut snippets by these numbers, and a memo another program wrote may pass the checksum.
    var lieInTheirArticle: Bool {
        let blocks = article.blocks
        guard blocks.indices.allSatisfy({ blocks[$0].number == $0 + 1 }) else { return false }
        // The length in bytes of a block's text; nil for a block the article does not have.
        func length(_ block: Int) -> Int? {
            block == 0 ? article.title.utf8.count : block >= 1 && block <= blocks.count ? blocks[block - 1].text.utf8.count : nil
        }
        // Offsets are never negative (`Stored32`).
        func inside(_ block: Int, _ offset: Int, _ text: String) -> Bool {
            length(block).map { offset <= $0 - text.utf8.count } ?? false
        }
        let id = article.id
        return mentions.allSatisfy { $0.articleID == id && inside($0.block, $0.offset, $0.text) }
            && dates.allSatisfy { $0.articleID == id && inside($0.block, $0.reference.offset, $0.reference.text) }
            && quotes.allSatisfy { $0.articleID == id && length($0.block) != nil }
            && unresolved.allSatisfy { $0.articleID == id && length($0.block) != nil }
            && candidates.allSatisfy { $0.articleID == id && length($0.block) != nil }
    }

    /// Works out the digest of facts that have none (kept by a build that did not ask for it).
    mutating func addDigest() {
        if digest == nil { digest = Self.digest(article: article, mentions: mentions, dates: dates, quotes: quotes) }
    }

    /// A digest of an article as the pages see it: the article, its mentions, dates and quotes.
    static func digest(article: Article, mentions: some Collection<Mention>, dates: some Collection<DateMention>,
                       quotes: some Collection<AttributedQuote>) -> String {
        var writer = BinaryWriter()
        writer.string(digestVersion)
        writer.value(article)
        writer.values(mentions)
        writer.values(dates)
        writer.values(quotes)
        var hasher = StableHasher()
        hasher.combine(writer.bytes)
        return hasher.finalize()
    }
}
