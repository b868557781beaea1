import Foundation

/// What the last successful build of an output directory wrote, kept in `.briefing-cache/`: for
/// each page, the fingerprints of what it was rendered from (the page, the templates), the size and time of the file, and
/// the ids and links the link check needs. A page whose fingerprint is unchanged, and whose file
/// is still the one remembered, is not rendered, written or scanned again.
///
/// The file names the generator that wrote it and ends with a checksum. A cache from another
/// generator, for another output directory, or damaged in any way is ignored whole: the build is
/// then a clean one. The cache is never trusted over what it can check.
public struct BuildCache: Sendable {
    public struct Entry: Sendable, Equatable {
        /// The page as made (`PageRenderer.fingerprint(_:)`).
        public var fingerprint: String
        /// The page's template, with the templates it uses (`PageRenderer.templateDigest(for:)`).
        public var templates: String
        public var stamp: StagedSite.Stamp
        public var links: StoredLinks
        /// The digest of what the page was made from (`SitePlanner.Plan.inputs(at:into:)`), or empty
        /// for a page that has none: the same digest next time, with the same templates, keeps the
        /// page without making it; with other templates, the page is made and rendered, and its
        /// fingerprint is this one's.
        public var inputs: String = ""
        /// The page's template with its partials, the layout apart (`PageRenderer.bodyDigest(for:)`).
        public var body: String = ""
        /// Where the page's content lies in its file, and what it gave the layout: with the same
        /// inputs and body templates, a build after an edit to the layout alone puts the content
        /// in the new layout without making the page (`PageFrame`). Made from the cache's bytes
        /// when asked for (`StoredFrame`).
        public var frame: PageFrame? {
            get { stored?.frame }
            set { stored = newValue.map(StoredFrame.init) }
        }
        /// The frame as the cache keeps it.
        var stored: StoredFrame?

        public init(fingerprint: String, templates: String, stamp: StagedSite.Stamp, links: StoredLinks, inputs: String = "",
                    body: String = "", frame: PageFrame? = nil) {
            (self.fingerprint, self.templates, self.stamp, self.links) = (fingerprint, templates, stamp, links)
            (self.inputs, self.body, self.stored) = (inputs, body, frame.map(StoredFrame.init))
        }

        /// Whether a page is the one this entry was rendered from, told without making it: the same
        /// inputs digest and the same templates. A build then keeps the page's file, `briefing
        /// check` the links the build found in it.
        public func holds(inputs key: String, templates: String) -> Bool {
            !key.isEmpty && inputs == key && self.templates == templates
        }

        /// … told from the page as made: the same fingerprint and the same templates (the
        /// fingerprint is worked out only when the templates are the same).
        public func holds(fingerprint: @autoclosure () -> String, templates: String) -> Bool {
            self.templates == templates && self.fingerprint == fingerprint()
        }
    }

    /// A data file as the last build wrote it: its stamp, and its keyed parts (`DataFileParts`).
    public struct FileRecord: Sendable, Equatable {
        public var stamp: StagedSite.Stamp
        public var parts: [DataFileParts.Part]
        /// The file's inputs digest (`DataFile.inputs`), or "" when it had none.
        public var inputs = ""
        /// How many of the parts this build copied from the last one's file (not saved).
        public var copied = 0
    }

    public var entries: [String: Entry] = [:]
    /// The data files, by path.
    public var files: [String: FileRecord] = [:]
    /// Every file of the site the build's links were checked against, sorted by bytes: a next
    /// build need not check again the links of a page it keeps, unless they lead to a file gone
    /// since (`LinkChecker.verify(_:files:unchanged:removed:)`).
    public var checkedFiles: [String] = []
    /// The digest of the files the pages' links were resolved against (`SiteWriter.files`,
    /// `linkedFilesDigest`): with the same files, the same link of the same page resolves alike.
    public var linkedFiles = ""
    /// Every article's related articles and the key of what they follow from (`RelatedLists`).
    var related: RelatedLists?

    static let kind = "briefing-site 14"

    public init(entries: [String: Entry] = [:], files: [String: FileRecord] = [:], checkedFiles: [String] = [], linkedFiles: String = "") {
        self.entries = entries
        self.files = files
        self.checkedFiles = checkedFiles
        self.linkedFiles = linkedFiles
    }

    /// The digest `linkedFiles` keeps, of the files in byte order.
    public static func linkedFilesDigest(_ files: Set<String>) -> String {
        var hasher = StableHasher()
        for file in files.sorted(by: { $0.bytesPrecede($1) }) { hasher.combine(file) }
        return hasher.finalize()
    }

    /// The cache file for an output directory, inside the cache directory.
    public static func file(in directory: URL, for output: URL) -> URL {
        directory.appendingPathComponent(CacheFile.name("site", for: output))
    }

    /// The cache, or nil and why not.
    public static func load(_ file: URL, output: URL) -> (cache: BuildCache?, note: String?) {
        let (cache, note) = CacheFile.read(file, kind, owner: output, what: "the build cache") { try BuildCache(from: &$0) }
        return (cache, note)
    }

    /// Where a build saves its cache before the site is published, beside the last build's
    /// (`briefing-….cache.pending`), which it is then renamed over.
    public static func pending(for file: URL) -> URL {
        file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + ".pending")
    }

    /// Writes the cache (atomically: a build killed while saving leaves the old file or none).
    public func save(_ file: URL, output: URL) throws {
        try CacheFile.write(Self.kind, owner: output, to: file) { write(to: &$0) }
    }

    /// The bytes of the cache file; `generator` is another only in tests.
    func sealed(output: URL, generator: String = Generator.identity) -> [UInt8] {
        CacheFile.seal(Self.kind, owner: output, generator: generator) { write(to: &$0) }
    }

    func write(to writer: inout BinaryWriter) {
        let paths = entries.keys.sorted { $0.bytesPrecede($1) }
        writer.int(paths.count)
        for path in paths {
            let entry = entries[path]!
            writer.string(path); writer.string(entry.fingerprint); writer.string(entry.templates)
            writer.int(entry.stamp.size); writer.int(entry.stamp.modified); writer.value(entry.links)
            writer.string(entry.inputs); writer.string(entry.body); writer.value(entry.stored)
        }
        let files = files.keys.sorted { $0.bytesPrecede($1) }
        writer.int(files.count)
        for path in files {
            let record = self.files[path]!
            writer.string(path); writer.int(record.stamp.size); writer.int(record.stamp.modified)
            writer.int(record.parts.count)
            for part in record.parts {
                writer.string(part.key); writer.int(part.offset); writer.int(part.length); writer.int(part.extra)
            }
            writer.string(record.inputs)
        }
        writer.strings(checkedFiles)
        writer.string(linkedFiles)
        writer.value(related)
    }

    init(from reader: inout BinaryReader) throws {
        for _ in 0..<(try reader.count()) {
            let path = try reader.string(), fingerprint = try reader.string(), templates = try reader.string()
            let stamp = try Self.stamp(&reader)
            var entry = Entry(fingerprint: fingerprint, templates: templates, stamp: stamp, links: try reader.value(),
                              inputs: try reader.string(), body: try reader.string())
            entry.stored = try reader.optional()
            // The content must lie inside the file it is read from.
            if let frame = entry.stored, frame.contentOffset > stamp.size - frame.contentLength { throw BinaryReader.Failure.invalid }
            entries[path] = entry
        }
        for _ in 0..<(try reader.count()) {
            let path = try reader.string()
            let stamp = try Self.stamp(&reader)
            var parts: [DataFileParts.Part] = []
            for _ in 0..<(try reader.count()) {
                let part = DataFileParts.Part(key: try reader.string(), offset: try reader.int(), length: try reader.int(), extra: try reader.int())
                // A part must lie inside the file it is read from.
                guard part.offset >= 0, part.length >= 0, part.offset <= stamp.size - part.length else { throw BinaryReader.Failure.invalid }
                parts.append(part)
            }
            files[path] = FileRecord(stamp: stamp, parts: parts, inputs: try reader.string())
        }
        checkedFiles = try reader.strings()
        linkedFiles = try reader.string()
        related = try reader.optional()
    }

    /// A file's stamp, its size never below zero: what lies inside the file is checked against it
    /// by subtraction, which a size near `Int.min` would take past the smallest number.
    private static func stamp(_ reader: inout BinaryReader) throws -> StagedSite.Stamp {
        let stamp = StagedSite.Stamp(size: try reader.int(), modified: try reader.int())
        guard stamp.size >= 0 else { throw BinaryReader.Failure.invalid }
        return stamp
    }
}
