import Foundation
@testable import BriefingKit

/// What reading a build cache's payload promises for any bytes (the checksum around it is
/// `CacheFile`'s, and a cache another program wrote may pass it): it is refused, or every part of
/// it can be used without a crash, as a build uses it.
public enum CacheProperties {
    public static func violations(buildCache bytes: [UInt8]) -> [String] {
        var reader = BinaryReader(bytes)
        guard let cache = try? BuildCache(from: &reader), reader.isAtEnd else { return [] }
        var found: [String] = []
        for path in cache.entries.keys.sorted() {
            let entry = cache.entries[path]!
            // The links were walked when the cache was read: they make a page (a build that could
            // not would fail its link check, asking for --no-cache).
            let links = entry.links.page
            if links == StoredLinks.unreadable { found.append("\(path): links walked when read, then unreadable") }
            if entry.links.ids != links.ids { found.append("\(path): ids \(entry.links.ids) but the page's \(links.ids)") }
            // As an incremental build asks (`LinkChecker.verify`): with every target gone, and none.
            // The keys are of the stored bytes: a target that is not UTF-8 (a build writes none) is
            // read as its repaired text, whose key is another.
            let keys = Set(links.targets.map { StoredLinks.key($0.utf8) })
            let leads = entry.links.mayLead(to: keys, orInto: keys)
            let readAsStored = !links.targets.contains { $0.unicodeScalars.contains("\u{FFFD}") }
            if readAsStored, !links.targets.isEmpty || links.links.contains(where: { $0.problem != nil }), !leads {
                found.append("\(path): leads to none of its targets")
            }
            _ = entry.links.mayLead(to: [], orInto: [])
            // A frame is made only for a page made from its last file; its content inside the file.
            if let frame = entry.frame {
                if frame.contentOffset < 0 || frame.contentLength < 0 || frame.contentOffset > entry.stamp.size - frame.contentLength {
                    found.append("\(path): content \(frame.contentOffset)+\(frame.contentLength) outside \(entry.stamp.size) bytes")
                }
                let lengths = frame.segments.reduce(0) { $0.addingReportingOverflow($1.length).partialValue }
                if !frame.segments.isEmpty, lengths != frame.contentLength { found.append("\(path): segments of \(lengths) bytes") }
                // As `PageSplice` walks them against a template's chunks.
                var chunk = 0
                for segment in frame.segments {
                    let (next, overflow) = chunk.addingReportingOverflow(segment.chunks)
                    if overflow || segment.chunks < 0 { found.append("\(path): segment of \(segment.chunks) chunks"); break }
                    chunk = next
                }
            }
        }
        // Related articles are taken only when they fit the briefing (`RelatedLists.fits`): then
        // each list is read inside the arrays, as positions of other articles. Asked of a briefing
        // of as many articles as lists, and of none.
        if let related = cache.related {
            let count = max(related.count, 0)
            if related.fits(articleCount: count) {
                for position in 0..<count {
                    let list = related.list(at: position)
                    if list.count > RelatedLists.limit || list.contains(where: { $0.position < 0 || $0.position >= count || $0.position == position }) {
                        found.append("related articles of article \(position) fit, but name \(list.map(\.position))")
                    }
                }
            }
            if count > 0, related.fits(articleCount: 0) { found.append("\(count) lists of related articles fit no articles") }
        }
        for (path, record) in cache.files where record.parts.contains(where: { $0.offset < 0 || $0.length < 0 || $0.offset > record.stamp.size - $0.length }) {
            found.append("data file \(path): a part outside its \(record.stamp.size) bytes")
        }
        return found + rereads(cache, write: { $0.write(to: &$1) }, read: BuildCache.init(from:))
    }

    public static func violations(articleMemo bytes: [UInt8]) -> [String] {
        var reader = BinaryReader(bytes)
        guard let memo = try? ArticleMemo(from: &reader), reader.isAtEnd else { return [] }
        var found: [String] = []
        let articles = Set(memo.files.compactMap(\.read.article?.id))
        for fact in memo.facts {
            let article = fact.article
            if !articles.contains(article.id) { found.append("facts of \(article.id), an article the memo's files lack") }
            // Each block's text by its number, the title as block 0, as the linker reads them.
            var texts: [Int: [UInt8]] = [0: Array(article.title.utf8)]
            for (index, block) in article.blocks.enumerated() {
                if block.number != index + 1 { found.append("\(article.id): block \(index + 1) numbered \(block.number)") }
                texts[block.number] = Array(block.text.utf8)
            }
            func check(_ what: String, _ articleID: String, _ block: Int, text: (offset: Int, text: String)? = nil) {
                if articleID != article.id { found.append("\(article.id): a \(what) of \(articleID)") }
                guard let bytes = texts[block] else { found.append("\(article.id): a \(what) in block \(block)"); return }
                if let (offset, text) = text, offset < 0 || offset + text.utf8.count > bytes.count {
                    found.append("\(article.id): a \(what) at \(offset)+\(text.utf8.count) of block \(block)'s \(bytes.count) bytes")
                }
            }
            for mention in fact.mentions { check("mention", mention.articleID, mention.block, text: (mention.offset, mention.text)) }
            for date in fact.dates {
                check("date", date.articleID, date.block, text: (date.reference.offset, date.reference.text))
                // Where a date falls is asked of every value and point the pages show.
                _ = TimexValue.start(date.reference.value)
                for point in date.reference.points { _ = TimexValue.start(point) }
            }
            for quote in fact.quotes { check("quote", quote.articleID, quote.block) }
            for name in fact.unresolved { check("unresolved name", name.articleID, name.block) }
            for candidate in fact.candidates { check("candidate", candidate.articleID, candidate.block) }
        }
        return found + rereads(memo, write: { $0.write(to: &$1) }, read: ArticleMemo.init(from:))
    }

    public static func violations(namingTable bytes: [UInt8]) -> [String] {
        var reader = BinaryReader(bytes)
        guard let table = try? NamingTable(from: &reader), reader.isAtEnd else { return [] }
        var found: [String] = []
        if table.changes(since: table).map({ !$0.isEmpty }) ?? true { found.append("changes since itself") }
        // Since an empty table (a first build), and the other way: whatever they say, an article's
        // text is asked of them without a crash.
        let empty = NamingTable(ActorRegistry(gazetteer: Gazetteer(entries: [])))
        let article = Article(id: "a", sourceFile: "articles/a.txt", format: .tagged, title: table.names.keys.sorted().first ?? "",
                              published: CalendarDay(year: 2025, month: 1, day: 15)!,
                              blocks: [TextBlock(number: 1, role: .body, text: table.surnames.keys.sorted().joined(separator: " "), line: 1)])
        for changes in [table.changes(since: empty), empty.changes(since: table)] { _ = changes?.touch(article) }
        return found + rereads(table, write: { $0.write(to: &$1) }, read: NamingTable.init(from:))
    }

    public static func violations(unchangedRecord bytes: [UInt8]) -> [String] {
        var reader = BinaryReader(bytes)
        guard let record = try? UnchangedBuild.decode(&reader), reader.isAtEnd else { return [] }
        var found: [String] = []
        if record.inputFiles.contains(where: { $0.bytes == nil && !$0.settled }) { found.append("a file read by every build without a digest") }
        // Checked against inputs with its own paths and stamps, in a folder that is not there: the
        // files it trusts by their stamps are not read, the others cannot be, and the output is
        // not there either. Never a crash, and never unchanged.
        let nowhere = "/nonexistent-briefing-fuzz"
        let inputs = UnchangedBuild.Inputs(digest: record.inputs, folders: record.folders, entries: record.inputFiles.map {
            UnchangedBuild.Input(root: nowhere, relative: Array("/file".utf8), path: $0.path, stamp: $0.stamp, isFile: $0.bytes != nil,
                                 settled: $0.settled, folder: 0)
        })
        let options = SiteBuilder.Options(content: URL(fileURLWithPath: nowhere), templates: URL(fileURLWithPath: nowhere),
                                          output: URL(fileURLWithPath: nowhere + "/Public"), cache: nil)
        if UnchangedBuild.unchanged(options, inputs: inputs, record: record) != nil { found.append("unchanged without its output") }
        return found + rereads(record, write: { UnchangedBuild.encode($0, to: &$1) }, read: UnchangedBuild.decode)
    }

    /// A value read from any bytes, written again and read back: the same bytes.
    static func rereads<T>(_ value: T, write: (T, inout BinaryWriter) -> Void, read: (inout BinaryReader) throws -> T) -> [String] {
        var writer = BinaryWriter()
        write(value, &writer)
        var again = BinaryReader(writer.bytes)
        guard let reread = try? read(&again), again.isAtEnd else { return ["written again, it cannot be read"] }
        var rewriter = BinaryWriter()
        write(reread, &rewriter)
        return rewriter.bytes == writer.bytes ? [] : ["written again, it reads back otherwise"]
    }
}
