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
}
