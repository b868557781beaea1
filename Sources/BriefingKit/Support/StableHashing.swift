/// A value fed into a `HashSink` by compiled code written for its type: the same tags, keys and
/// values, in the same order, as `StableDigest.of` feeds through `Encodable` (`HashingEncoder`),
/// without the containers, boxes and generic calls of `Encodable`, which were most of a page's
/// fingerprint. The template contexts conform in `ContextHashing.swift`, which
/// `scripts/context-lookup.py` writes; `ContextHashingTests` checks that both ways give one digest.
protocol StableHashing {
    /// What `encode(to: HashingEncoder)` feeds the sink.
    func stableHash(into sink: HashSink)
}

extension StableDigest {
    /// The same digest as `of(_:into:)`, through the value's own code.
    static func direct(_ value: some StableHashing, into hasher: inout StableHasher) {
        let sink = HashSink(hasher)
        value.stableHash(into: sink)
        hasher = sink.hasher
    }
}

// As a single value (an element of an array): what each type's `encode(to:)` writes.
extension String: StableHashing {
    func stableHash(into sink: HashSink) { sink.string(self) }
}

extension Int: StableHashing {
    func stableHash(into sink: HashSink) { sink.number(self) }
}

extension Bool: StableHashing {
    func stableHash(into sink: HashSink) { sink.bool(self) }
}

extension Array: StableHashing where Element: StableHashing {
    /// An unkeyed container, each element followed by its end (`UnkeyedHasher.encode`).
    func stableHash(into sink: HashSink) {
        sink.tag(.unkeyed)
        for element in self {
            element.stableHash(into: sink)
            sink.tag(.end)
        }
    }
}

/// A stored property, as a synthesized `encode(to:)` writes it into its keyed container
/// (`KeyedHasher`): a text, number or truth after its key; any other value after its key and
/// followed by its end; an optional one only when present (`encodeIfPresent`).
extension HashSink {
    func field(_ name: String, _ value: String) { key(name); string(value) }
    func field(_ name: String, _ value: Int) { key(name); number(value) }
    func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    func field(_ name: String, _ value: String?) { if let value { field(name, value) } }
    func field(_ name: String, _ value: Int?) { if let value { field(name, value) } }
    func field(_ name: String, _ value: Bool?) { if let value { field(name, value) } }

    func field<Value: StableHashing>(_ name: String, _ value: Value) {
        key(name)
        value.stableHash(into: self)
        tag(.end)
    }

    func field<Value: StableHashing>(_ name: String, _ value: Value?) {
        if let value { field(name, value) }
    }
}
