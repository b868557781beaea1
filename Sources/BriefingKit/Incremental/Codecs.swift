/// The binary forms of the values the build cache keeps: what the Load stage read from each file,
/// what the Link stage found in each article, and what the link check read from each page.
/// Every field is written; `BinaryCodingTests` round-trips each type on the sample articles.

extension CalendarDay: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.int(year); writer.int(month); writer.int(day)
    }

    public init(from reader: inout BinaryReader) throws {
        guard let day = CalendarDay(year: try reader.int(), month: try reader.int(), day: try reader.int()) else {
            throw BinaryReader.Failure.invalid
        }
        self = day
    }
}

extension TextBlock: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.int(number); writer.case(role); writer.string(text); writer.bool(isMarkdown); writer.int(line)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(number: try reader.int(), role: try reader.case(), text: try reader.string(),
                  isMarkdown: try reader.bool(), line: try reader.int())
    }
}

extension Outlet: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.string(name); writer.string(description)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(name: try reader.string(), description: try reader.optionalString())
    }
}

extension Quote: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.string(text); writer.string(speaker)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(text: try reader.string(), speaker: try reader.optionalString())
    }
}

extension Article: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.string(id); writer.string(sourceFile); writer.case(format); writer.string(title); writer.value(published)
        writer.string(url); writer.string(author); writer.value(outlet); writer.values(blocks); writer.value(quote)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(id: try reader.string(), sourceFile: try reader.string(), format: try reader.case(), title: try reader.string(),
                  published: try reader.value(), url: try reader.optionalString(), author: try reader.optionalString(),
                  outlet: try reader.optional(), blocks: try reader.values(), quote: try reader.optional())
    }
}

extension LoadProblem: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.bool(line != nil); writer.int(line ?? 0); writer.string(message)
    }

    public init(from reader: inout BinaryReader) throws {
        let hasLine = try reader.bool(), line = try reader.int()
        self.init(line: hasLine ? line : nil, try reader.string())
    }
}

extension ActorDiscovery.Candidate: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.string(name); writer.case(kind); writer.string(role); writer.string(articleID); writer.int(block)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(name: try reader.string(), kind: try reader.case(), role: try reader.optionalString(),
                  articleID: try reader.string(), block: try reader.int())
    }
}

extension DateReference: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.string(text); writer.int(offset); writer.string(value); writer.case(granularity)
        writer.bool(mod != nil); if let mod { writer.case(mod) }
        writer.bool(unusualPoints != nil); if let unusualPoints { writer.strings(unusualPoints) }
    }

    public init(from reader: inout BinaryReader) throws {
        let text = try reader.string(), offset = try reader.int(), value = try reader.string()
        let granularity: Granularity = try reader.case()
        let mod: Modifier? = try reader.bool() ? try reader.case() : nil
        let points: [String]? = try reader.bool() ? try reader.strings() : nil
        self.init(text: text, offset: offset, value: value, granularity: granularity, mod: mod, points: points)
    }
}

extension DateMention: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.string(articleID); writer.int(block); writer.value(reference); writer.bool(isFuture)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(articleID: try reader.string(), block: try reader.int(), reference: try reader.value(), isFuture: try reader.bool())
    }
}

extension Mention: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.string(actorID); writer.string(articleID); writer.int(block); writer.int(offset); writer.string(text)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(actorID: try reader.string(), articleID: try reader.string(), block: try reader.int(),
                  offset: try reader.int(), text: try reader.string())
    }
}

extension AttributedQuote: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.string(speakerID); writer.string(text); writer.string(articleID); writer.int(block)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(speakerID: try reader.optionalString(), text: try reader.string(), articleID: try reader.string(), block: try reader.int())
    }
}

extension BriefingGraph.UnresolvedName: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.string(name); writer.string(articleID); writer.int(block); writer.strings(candidates)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(name: try reader.string(), articleID: try reader.string(), block: try reader.int(), candidates: try reader.strings())
    }
}

extension LinkChecker.PageLinks.Link: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.string(text); writer.string(target); writer.string(fragment); writer.string(problem)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(text: try reader.string(), target: try reader.string(), fragment: try reader.optionalString(),
                  problem: try reader.optionalString())
    }
}

extension LinkChecker.PageLinks.Fragment: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.value(target); writer.string(id)
    }

    public init(from reader: inout BinaryReader) throws {
        self.init(target: try reader.value(), id: try reader.string())
    }
}

extension LinkChecker.PageLinks: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.strings(ids); writer.strings(targets); writer.values(fragments); writer.values(links)
    }

    /// Walks one page's links as `init(from:)` reads them, refusing what it refuses, without making
    /// them: `target` sees the bytes of each file the page links to, `fragment` the position among
    /// them of each link to an id, `link` each of the other `links` (its target's bytes, whether it
    /// has a fragment, whether it is broken).
    static func walk(_ reader: inout BinaryReader, target: (UnsafeRawBufferPointer) -> Void = { _ in }, fragment: (Int) -> Void = { _ in },
                     link: (UnsafeRawBufferPointer, _ fragment: Bool, _ problem: Bool) -> Void = { _, _, _ in }) throws {
        try reader.walking { walker in
            for _ in 0..<(try walker.count()) { try walker.skipString() }
            let targets = try walker.count()
            for _ in 0..<targets { target(try walker.stringBytes()) }
            for _ in 0..<(try walker.count()) {
                guard let position = Int32(exactly: try walker.int()), (0..<targets).contains(Int(position)) else { throw BinaryReader.Failure.invalid }
                fragment(Int(position))
                try walker.skipString()
            }
            for _ in 0..<(try walker.count()) {
                try walker.skipString()
                let target = try walker.stringBytes()
                let fragment = try walker.bool()
                if fragment { try walker.skipString() }
                let problem = try walker.bool()
                if problem { try walker.skipString() }
                link(target, fragment, problem)
            }
        }
    }

    public init(from reader: inout BinaryReader) throws {
        let ids = try reader.strings(), targets = try reader.internedStrings(), fragments: [Fragment] = try reader.values()
        // A position the page's targets do not have would be read past their end.
        guard fragments.allSatisfy({ targets.indices.contains(Int($0.target)) }) else { throw BinaryReader.Failure.invalid }
        self.init(ids: ids, targets: targets, fragments: fragments, links: try reader.values())
    }
}
