extension Article {
    /// Titles longer than this are shortened wherever the article is named from elsewhere.
    static let shortTitleLength = 200

    /// The title as lists, links, the search index, the feed and `<title>` show it: whole when it
    /// has at most `shortTitleLength` characters, else cut at a word boundary with "…". The article's
    /// own heading keeps the whole title. A dateline article's title is its lead, which can be a
    /// paragraph: repeated on every actor and date page that links to it, a long one made those
    /// pages grow with the square of the text.
    var shortTitle: String {
        // Bytes first: counting the characters of a paragraph-long title on every link would cost.
        guard title.utf8.count > Self.shortTitleLength else { return title }
        let cut = title.prefix(Self.shortTitleLength)
        guard cut.endIndex < title.endIndex else { return title }
        let atWord = cut.lastIndex(where: \.isWhitespace).map { cut[..<$0] } ?? cut
        return String(atWord.isEmpty ? cut : atWord).trimmingWhitespace + "…"
    }
}
