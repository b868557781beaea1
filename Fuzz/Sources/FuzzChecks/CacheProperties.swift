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
        for (path, record) in cache.files where record.parts.contains(where: { $0.offset < 0 || $0.length < 0 || $0.offset > record.stamp.size - $0.length }) {
            found.append("data file \(path): a part outside its \(record.stamp.size) bytes")
        }
        // Written again and read back: the same bytes.
        var writer = BinaryWriter()
        cache.write(to: &writer)
        var again = BinaryReader(writer.bytes)
        if let reread = try? BuildCache(from: &again), again.isAtEnd {
            var rewriter = BinaryWriter()
            reread.write(to: &rewriter)
            if rewriter.bytes != writer.bytes { found.append("written again, it reads back otherwise") }
        } else {
            found.append("written again, it cannot be read")
        }
        return found
    }
}
