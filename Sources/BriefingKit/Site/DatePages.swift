/// Date pages and the timeline.
enum DatePages {
    /// The template of these pages.
    static let template = "date"
    static let timelineTemplate = "timeline"

    static func snippet(_ mention: DateMention, from path: String, index: GraphIndex) -> DateSnippet {
        let article = index.articlesByID[mention.articleID]!
        let reference = mention.reference
        let sentence = index.sentence(mention.articleID, mention.block, containing: reference.offset)
        var seen: [String] = []
        if let sentence {
            for other in index.mentions(mention.articleID, mention.block, in: sentence) where !seen.contains(other.actorID) {
                seen.append(other.actorID)
            }
        }
        return DateSnippet(
            snippet: SnippetContext(text: index.blockText(mention.articleID, mention.block), offset: reference.offset,
                                    length: reference.text.utf8.count,
                                    url: SitePath.relative(from: path, to: index.articlePath(article.id), fragment: TextBlock.anchor(mention.block)),
                                    paragraph: mention.block),
            article: SitePlanner.datedLink(article, from: path, index: index),
            actors: seen.compactMap { index.actorsByID[$0] }.map { SitePlanner.actorLink($0, from: path, index: index) },
            plan: mention.isFuture, value: reference.value)
    }

    /// "5 mentions in 2 articles" of a date value.
    static func counts(_ value: String, _ index: GraphIndex) -> String {
        Count.mentions(index.datesByValue[value].count, inArticles: index.dateArticleCounts[value] ?? 0)
    }

    static func page(_ index: GraphIndex, value: String) -> Page {
        let path = index.datePath(value)
        let mentions = index.datesByValue[value]
        // (article, paragraph) of each mention, made once for the list by paragraph and the months.
        let items = MentionArchive.items(of: .date(value), index)
        var up: [LinkContext] = []
        var parent = TimexValue.parent(value)
        while let p = parent {
            up.append(LinkContext(title: TimexValue.label(p), url: SitePath.relative(from: path, to: index.datePath(p))))
            parent = TimexValue.parent(p)
        }
        let below = (index.dateChildren[value] ?? []).map {
            LinkContext(title: TimexValue.label($0), url: SitePath.relative(from: path, to: index.datePath($0)))
        }
        let label = TimexValue.label(value)
        let context = DateContext(
            site: SitePlanner.site(index.graph, on: path), value: value, label: label, up: up.reversed(), below: below,
            mentions: mentions.prefix(ParagraphList.snippetLimit).map { snippet($0, from: path, index: index) },
            moreMentions: .after(Array(items.dropFirst(ParagraphList.snippetLimit)),
                                 months: MentionArchive.months(of: .date(value), items, index),
                                 from: path, index: index),
            mentionCount: mentions.count,
            articleCount: index.dateArticleCounts[value] ?? 0, counts: counts(value, index),
            timeline: SitePath.relative(from: path, to: SitePath.timeline),
            notes: (index.notesByDate[value] ?? []).map { NotePages.context($0, from: path, index: index) })
        let description = mentions.isEmpty ? "Dates within \(label) referred to in the briefing."
            : "\(label): \(counts(value, index)) of the briefing."
        return Page(path: path, template: template, title: label, description: description, context: context,
                    meta: StructuredData.website(index.graph.settings, path: path))
    }

    /// Snippets per date on the timeline: enough to see what the date is about. The timeline of a
    /// large briefing would otherwise hold every date reference of every article.
    static let timelineSnippets = 3

    static func timeline(_ index: GraphIndex) -> Page {
        let path = SitePath.timeline
        let referenced = index.dateValues.filter { index.datesByValue.contains($0) }
        let publishedByMonth = Dictionary(grouping: index.graph.articles, by: { $0.published.monthValue })
        // With month pages of articles, a month links to its page instead of listing them.
        let archived = ArticleArchive.hasMonths(index.graph)
        var years: [TimelineYear] = []
        let yearKeys = Set(referenced.compactMap { TimexValue.start($0).map { String($0.year) } } + index.graph.articles.map { String($0.published.year) })
        for year in yearKeys.sorted() {
            var months: [TimelineMonth] = []
            let inYear = referenced.filter { TimexValue.start($0).map { String($0.year) } == year }
            // Year-wide references first (the year, its seasons, quarters), then month by month.
            let wide = inYear.filter { !$0.contains("-") || ($0.split(separator: "-").count == 2 && Int($0.split(separator: "-")[1]) == nil && !$0.contains("W")) }
            if !wide.isEmpty {
                months.append(TimelineMonth(label: "In \(year) as a whole", dates: wide.map { entry($0, path: path, index: index) }, published: []))
            }
            for month in 1...12 {
                let key = "\(year)-\(month < 10 ? "0" : "")\(month)"
                let dates = inYear.filter { !wide.contains($0) && TimexValue.start($0)?.monthValue == key }
                let inMonth = publishedByMonth[key] ?? []
                guard !dates.isEmpty || !inMonth.isEmpty else { continue }
                let archive = archived && !inMonth.isEmpty ? ArticleArchive.link(to: key, articles: inMonth.count, from: path) : nil
                let published = archived ? [] : inMonth.map { SitePlanner.datedLink($0, from: path, index: index) }
                months.append(TimelineMonth(label: TimexValue.label(key), dates: dates.map { entry($0, path: path, index: index) },
                                            published: published, archive: archive))
            }
            let url = index.dateValues.contains(year) ? SitePath.relative(from: path, to: index.datePath(year)) : ""
            years.append(TimelineYear(label: year.count == 4 ? year : TimexValue.label(year), url: url, months: months))
        }
        // Counted by value, then by month: half a million mentions, a few hundred values.
        var perPoint: [String: Int] = [:]
        for mention in index.graph.dates {
            for point in mention.reference.points { perPoint[point, default: 0] += 1 }
        }
        var perMonth: [String: Int] = [:]
        for (point, count) in perPoint where point.count >= 7 && Int(point.split(separator: "-")[1]) != nil {
            perMonth[String(point.prefix(7)), default: 0] += count
        }
        let months = Charts.months(perMonth)
        let chart = months.isEmpty ? nil : Charts.bars(
            id: "chart", bars: months.map { ($0.label, $0.value, index.dateValues.contains($0.key) ? SitePath.relative(from: path, to: index.datePath($0.key)) : nil) },
            title: "Date references per month", caption: "How often the articles refer to each month (days and months named), \(months.first!.label) to \(months.last!.label).",
            unit: "reference")
        let context = TimelineContext(site: SitePlanner.site(index.graph, on: path), chart: chart == nil ? nil : Figure(id: "chart"),
                                      years: years, dateCount: referenced.count)
        var page = Page(path: path, template: timelineTemplate, title: "Timeline",
                        description: "Every date referred to in \(index.graph.settings.title), in order.", context: context,
                        meta: StructuredData.website(index.graph.settings, path: path))
        page.figures = chart.map { ["chart": $0] } ?? [:]
        return page
    }

    static func entry(_ value: String, path: String, index: GraphIndex) -> TimelineDate {
        let mentions = index.datesByValue[value]
        return TimelineDate(label: index.dateLabel(value).text, url: SitePath.relative(from: path, to: index.datePath(value)),
                            counts: counts(value, index), mentions: mentions.prefix(timelineSnippets).map { snippet($0, from: path, index: index) },
                            more: mentions.count > timelineSnippets ? "and \(mentions.count - timelineSnippets) more" : nil)
    }
}
