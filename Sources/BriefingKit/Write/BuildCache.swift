import Foundation

/// What the last successful build of an output directory wrote, kept in `.briefing-cache/`: for
/// each page, the fingerprint of what it was rendered from, the size and time of the file, and
/// the ids and links the link check needs. A page whose fingerprint is unchanged, and whose file
/// is still the one remembered, is not rendered, written or scanned again.
///
/// The file names the generator that wrote it and ends with a checksum. A cache from another
/// generator, for another output directory, or damaged in any way is ignored whole: the build is
/// then a clean one. The cache is never trusted over what it can check.
public struct BuildCache: Sendable {
    public struct Entry: Sendable, Equatable {
        public var fingerprint: String
        public var stamp: StagedSite.Stamp
        public var links: LinkChecker.PageLinks
    }

    public var entries: [String: Entry] = [:]

    static let magic = "briefing-cache 2"

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// The cache file for an output directory, inside the cache directory.
    public static func file(in directory: URL, for output: URL) -> URL {
        let key = StableHasher.digest(Array(output.standardizedFileURL.path.utf8))
        return directory.appendingPathComponent("site-\(key.prefix(16)).cache")
    }

    /// The cache, or nil and why not.
    public static func load(_ file: URL, output: URL) -> (cache: BuildCache?, note: String?) {
        guard let bytes = try? FileTree.read(file) else { return (nil, nil) }
        guard let cache = parse(bytes, output: output) else {
            return (nil, "ignored the build cache \(file.lastPathComponent): written by another generator or damaged")
        }
        return (cache, nil)
    }

    static func parse(_ bytes: [UInt8], output: URL) -> BuildCache? {
        // The last line is the checksum of everything before it.
        guard let lastBreak = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")),
              String(decoding: bytes[(lastBreak + 1)...], as: UTF8.self) == "end " + StableHasher.digest(bytes[...lastBreak]) + "\n"
        else { return nil }
        var lines = bytes[..<lastBreak].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard lines.count >= 3, lines[0] == magic, lines[1] == "generator " + escape(Generator.identity),
              lines[2] == "output " + escape(output.standardizedFileURL.path) else { return nil }
        lines.removeFirst(3)
        var entries: [String: Entry] = [:]
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 7, let size = Int(fields[2]), let modified = Int(fields[3]) else { return nil }
            func list(_ field: String) -> [String] {
                field.isEmpty ? [] : field.split(separator: "\u{1F}", omittingEmptySubsequences: false).map { unescape(String($0)) }
            }
            let ids = list(fields[4]), targets = list(fields[5])
            var links: [LinkChecker.PageLinks.Link] = []
            for item in fields[6].split(separator: "\u{1F}") {
                let parts = item.split(separator: "\u{1E}", omittingEmptySubsequences: false).map { unescape(String($0)) }
                guard parts.count == 4 else { return nil }
                links.append(.init(text: parts[0], target: parts[1], fragment: parts[2] == "\u{0}" ? nil : parts[2],
                                   problem: parts[3] == "\u{0}" ? nil : parts[3]))
            }
            entries[unescape(fields[0])] = Entry(fingerprint: fields[1], stamp: .init(size: size, modified: modified),
                                                 links: LinkChecker.PageLinks(ids: ids, targets: targets, links: links))
        }
        return BuildCache(entries: entries)
    }

    /// Writes the cache (atomically: a build killed while saving leaves the old file or none).
    public func save(_ file: URL, output: URL) throws {
        var text = "\(Self.magic)\ngenerator \(Self.escape(Generator.identity))\noutput \(Self.escape(output.standardizedFileURL.path))\n"
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            let links = entry.links.links.map { link in
                [link.text, link.target, link.fragment ?? "\u{0}", link.problem ?? "\u{0}"].map(Self.escape).joined(separator: "\u{1E}")
            }
            text += [Self.escape(path), entry.fingerprint, String(entry.stamp.size), String(entry.stamp.modified),
                     entry.links.ids.map(Self.escape).joined(separator: "\u{1F}"), entry.links.targets.map(Self.escape).joined(separator: "\u{1F}"),
                     links.joined(separator: "\u{1F}")].joined(separator: "\t")
            text += "\n"
        }
        var bytes = Array(text.utf8)
        bytes += Array("end \(StableHasher.digest(bytes))\n".utf8)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file, options: .atomic)
    }

    /// Tabs, line breaks and the two separators inside values become `%XX`, and so does `%`.
    static func escape(_ value: String) -> String {
        guard value.contains(where: { "%\t\n\r\u{1E}\u{1F}".contains($0) }) else { return value }
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "%", "\t", "\n", "\r", "\u{1E}", "\u{1F}": out += String(format: "%%%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescape(_ value: String) -> String {
        guard value.contains("%") else { return value }
        return value.removingPercentEncoding ?? value
    }
}
