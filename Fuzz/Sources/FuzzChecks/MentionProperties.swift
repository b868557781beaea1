@testable import BriefingKit

/// What linking promises about one article: every discovered candidate names a block of it, every
/// mention is the exact text at its offset in its block, in order, and names an actor the registry
/// knows; every attributed quotation's speaker is known too.
public enum MentionProperties {
    /// A few gazetteer actors, so that known names, aliases and variant spellings are found too.
    static let gazetteer = Gazetteer.parse("""
        - name: Vladimir Putin
          aliases: [Putin]
        - name: Volodymyr Zelensky
          aliases: [Zelensky, Zelenskyy]
        - name: Dmitry Peskov
          aliases: [Peskov]
        - name: Kremlin
          kind: organization
        - name: Reuters
          kind: outlet
        - name: Kyiv
          kind: place
        """, displayPath: "actors.yml").0

    /// First paragraph the headline, the others body blocks, repaired as a reader does.
    public static func article(_ text: String) -> Article {
        let paragraphs = Fuzz.paragraphs(text)
        var blocks = BlockList()
        blocks.appendRepaired(.body, paragraphs.dropFirst().enumerated().map { ($0.element, $0.offset + 2) })
        let title = ParagraphRepair.clean(paragraphs[0])
        return Article(id: "fuzz", sourceFile: "articles/fuzz.txt", format: .tagged, title: title.isEmpty ? "fuzz" : title,
                       published: CalendarDay(year: 2025, month: 1, day: 15)!, blocks: blocks.blocks)
    }

    public static func violations(_ article: Article) -> [String] {
        var found: [String] = []
        var texts = [0: article.title]
        for block in article.blocks { texts[block.number] = block.text }
        let candidates = ActorDiscovery.candidates(in: article)
        var registry = ActorRegistry(gazetteer: gazetteer)
        for candidate in candidates {
            if candidate.name.isEmpty || texts[candidate.block] == nil { found.append("candidate \(candidate)") }
            registry.resolveOrAdd(candidate, date: article.published)
        }
        let linked = Linker.linkArticle(article, finder: MentionFinder(registry: registry))
        var ends: [Int: Int] = [:]
        for mention in linked.mentions {
            guard let text = texts[mention.block].map({ Array($0.utf8) }) else {
                found.append("mention \(mention.text.debugDescription) in missing block \(mention.block)")
                continue
            }
            let range = mention.offset..<(mention.offset + mention.text.utf8.count)
            if mention.text.isEmpty || mention.offset < ends[mention.block, default: 0] || range.upperBound > text.count
                || !text[range].elementsEqual(mention.text.utf8) {
                found.append("mention \(mention.text.debugDescription) at \(mention.offset) is not in order in block \(mention.block)")
            } else {
                ends[mention.block] = range.upperBound
            }
            if registry.actor(mention.actorID) == nil { found.append("mention of unknown actor \(mention.actorID)") }
        }
        for quote in linked.quotes {
            if texts[quote.block] == nil { found.append("quote in missing block \(quote.block)") }
            if let id = quote.speakerID, registry.actor(id) == nil { found.append("quote by unknown actor \(id)") }
        }
        return found
    }
}
