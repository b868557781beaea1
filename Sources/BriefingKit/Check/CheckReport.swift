/// `briefing check`: lints the content without writing the site.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var actors: ActorSuggestions
    public var articleCount: Int

    public static func run(_ options: SiteBuilder.Options) -> CheckReport {
        let (graph, diagnostics) = SiteBuilder.load(options)
        return CheckReport(diagnostics: diagnostics.sorted(), actors: ActorSuggestions(graph), articleCount: graph.articles.count)
    }

    /// Readable text, grouped by file.
    public var text: String {
        var out: [String] = []
        if !diagnostics.isEmpty {
            out.append("Problems (\(diagnostics.count)):")
            var lastFile = ""
            for diagnostic in diagnostics {
                if diagnostic.file != lastFile {
                    out.append("  \(diagnostic.file)")
                    lastFile = diagnostic.file
                }
                out.append("    " + (diagnostic.line.map { "line \($0): " } ?? "") + "\(diagnostic.severity.rawValue): \(diagnostic.message)")
            }
            out.append("")
        }
        if actors.suggestions.isEmpty {
            out.append("Every actor found in the text is in the gazetteer.")
        } else {
            out.append("Actors found in the text but not in the gazetteer (\(actors.suggestions.count)):")
            for suggestion in actors.suggestions {
                out.append("  \(suggestion.actor.name) (\(suggestion.actor.kind.rawValue)): \(suggestion.mentions) mention(s) in \(suggestion.articles) article(s)")
            }
            out.append("")
            out.append("Ready to paste into actors.yml:")
            out.append(actors.yaml)
        }
        out.append("")
        if actors.unresolved.isEmpty {
            out.append("No ambiguous names.")
        } else {
            out.append("Names left unlinked because they fit more than one actor (\(actors.unresolved.count)):")
            for name in actors.unresolved {
                out.append("  \(name.name) in \(name.articleID) ¶\(name.block): could be \(name.candidates.joined(separator: ", "))")
            }
        }
        return out.joined(separator: "\n")
    }
}
