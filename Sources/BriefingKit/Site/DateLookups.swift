/// The date look-ups of `GraphIndex`, made on a thread of their own while the rest is.
extension GraphIndex {
    /// The date look-ups: mentions by timeline value and by article, and the values with a page.
    struct DateLookups: Sendable {
        let byValue: Grouped<String, DateMention>
        let byArticle: Grouped<String, DateMention>
        let values: [String]
        let rank: [String: Int]
        /// Each value's label and whether it is an HTML `datetime`, worked out once: every page
        /// that links a date shows them, for each of its dates.
        let labels: [String: DateLabel]
        let children: [String: [String]]
        /// How many articles refer to each value: a date page, its line on the timeline, its
        /// search document and its link preview all say so, and a year has tens of thousands of mentions.
        let articleCounts: [String: Int]
        /// The article of each date mention, by its place in `graph.articles`, in the order of
        /// `graph.dates`: what counting a value's articles needs, without its ids hashed.
        let articles: [Int32]

        /// - Parameter positions: each article's place in `graph.articles`, by id (`GraphIndex.position`).
        init(_ graph: BriefingGraph, noteDates: [String: [AnchoredNote]], positions: [String: Int]) {
            // A value is parsed once, not once for each of its half a million mentions, and its
            // group is found by the same look-up: its number, or -1 when it is not on the timeline.
            var numbers: [String: Int32] = [:]
            var groups: [[Int32]] = []
            var points: [String] = []
            graph.dates.withUnsafeBufferPointer { dates in
                for place in dates.indices {
                    dates[place].reference.forEachPoint { point in
                        var number = numbers[point] ?? -2
                        if number == -2 {
                            number = TimexValue.start(point) != nil ? Int32(groups.count) : -1
                            if number >= 0 { groups.append([]); points.append(point) }
                            numbers[point] = number
                        }
                        if number >= 0 { groups[Int(number)].append(Int32(place)) }
                    }
                }
            }
            byValue = Grouped(graph.dates, positions: Dictionary(uniqueKeysWithValues: zip(points, groups)))
            byArticle = Grouped(graph.dates, by: \.articleID)
            // An article's date mentions come together (the linker gathers them article by
            // article): its id is looked up once a run of them.
            articles = GraphIndex.articlePlaces(graph.dates, articleCount: graph.articles.count, positions: positions) { $0.articleID }
            // Each article counted once a value: `counted` holds the last value that counted it.
            var articleCounts: [String: Int] = [:]
            var counted = [Int32](repeating: -1, count: Int(articles.max() ?? 0) + 1)
            for (number, group) in groups.enumerated() {
                var count = 0
                for place in group {
                    let article = Int(articles[Int(place)])
                    if counted[article] != Int32(number) { counted[article] = Int32(number); count += 1 }
                }
                articleCounts[points[number]] = count
            }
            self.articleCounts = articleCounts
            // A date or an actor a note is about has a page, to show the note on.
            var values = Set(byValue.keys).union(noteDates.keys)
            for value in values {
                var parent = TimexValue.parent(value)
                while let p = parent { values.insert(p); parent = TimexValue.parent(p) }
            }
            self.values = values.sorted(by: GraphIndex.dateOrder)
            rank = Dictionary(uniqueKeysWithValues: self.values.enumerated().map { ($1, $0) })
            labels = Dictionary(uniqueKeysWithValues: self.values.map { ($0, DateLabel($0)) })
            var children: [String: [String]] = [:]
            for value in self.values { if let parent = TimexValue.parent(value) { children[parent, default: []].append(value) } }
            self.children = children
        }
    }
}
