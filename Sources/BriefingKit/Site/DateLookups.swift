/// The date look-ups of `GraphIndex`, made on a thread of their own while the rest is.
extension GraphIndex {
    /// The date look-ups: mentions by timeline value and by article, and the values with a page.
    struct DateLookups: Sendable {
        let byValue: Grouped<String, DateMention>
        let byArticle: Grouped<String, DateMention>
        let values: [String]
        let rank: [String: Int]
        let children: [String: [String]]
        /// How many articles refer to each value: a date page, its line on the timeline, its
        /// search document and its link preview all say so, and a year has tens of thousands of mentions.
        let articleCounts: [String: Int]

        init(_ graph: BriefingGraph, noteDates: [String: [AnchoredNote]]) {
            // A value is parsed once, not once for each of its half a million mentions.
            var onTimeline: [String: Bool] = [:]
            byValue = Grouped(graph.dates) { mention, add in
                for point in mention.reference.points {
                    var known = onTimeline[point]
                    if known == nil {
                        known = TimexValue.start(point) != nil
                        onTimeline[point] = known
                    }
                    if known == true { add(point) }
                }
            }
            byArticle = Grouped(graph.dates, by: \.articleID)
            var articleCounts: [String: Int] = [:]
            for value in byValue.keys { articleCounts[value] = DatePages.articleCount(byValue[value]) }
            self.articleCounts = articleCounts
            // A date or an actor a note is about has a page, to show the note on.
            var values = Set(byValue.keys).union(noteDates.keys)
            for value in values {
                var parent = TimexValue.parent(value)
                while let p = parent { values.insert(p); parent = TimexValue.parent(p) }
            }
            self.values = values.sorted(by: GraphIndex.dateOrder)
            rank = Dictionary(uniqueKeysWithValues: self.values.enumerated().map { ($1, $0) })
            var children: [String: [String]] = [:]
            for value in self.values { if let parent = TimexValue.parent(value) { children[parent, default: []].append(value) } }
            self.children = children
        }
    }
}
