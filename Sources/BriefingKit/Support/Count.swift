/// "1 article", "2 articles".
enum Count {
    static func phrase(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }

    /// "5 mentions in 2 articles", from the article ids of the mentions.
    static func mentions(_ count: Int, inArticles articles: Int) -> String {
        "\(phrase(count, "mention")) in \(phrase(articles, "article"))"
    }
}
