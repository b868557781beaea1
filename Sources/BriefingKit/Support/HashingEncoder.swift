/// Feeds any `Encodable` value into a `StableHasher`, without building JSON first: the value's
/// keys, strings, numbers and structure, each tagged, so that different values hash differently.
/// Encodable conformances are compiled code, so this is much cheaper than reflection.
///
/// Dictionaries must not be hashed this way: their order differs between processes.
public enum StableDigest {
    public static func of(_ value: some Encodable, into hasher: inout StableHasher) {
        let sink = HashSink(hasher)
        try? value.encode(to: HashingEncoder(sink: sink))
        hasher = sink.hasher
    }
}

final class HashSink {
    /// One encoder at a time feeds it, on one thread: the run time's check of each access to a
    /// class's variable was a tenth of a page's fingerprint.
    @exclusivity(unchecked) var hasher: StableHasher
    init(_ hasher: StableHasher) { self.hasher = hasher }

    enum Tag: UInt8 { case key = 1, string, number, bool, null, keyed, unkeyed, end }

    func tag(_ tag: Tag) { hasher.tag(tag.rawValue) }
    func string(_ value: String) { tag(.string); hasher.combine(value) }
    func number(_ value: some BinaryInteger) { tag(.number); hasher.combine(UInt64(truncatingIfNeeded: value)) }
    func double(_ value: Double) { tag(.number); hasher.combine(value.bitPattern) }
    func bool(_ value: Bool) { tag(.bool); hasher.tag(value ? 1 : 0) }
    func key(_ name: String) { tag(.key); hasher.combine(name) }
    func key(_ key: CodingKey) { self.key(key.stringValue) }
}

struct HashingEncoder: Encoder {
    let sink: HashSink
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.tag(.keyed)
        return KeyedEncodingContainer(KeyedHasher(sink: sink))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        sink.tag(.unkeyed)
        return UnkeyedHasher(sink: sink)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleHasher(sink: sink) }
}

struct KeyedHasher<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: HashSink
    var codingPath: [CodingKey] = []

    mutating func encodeNil(forKey key: Key) { sink.key(key); sink.tag(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) { sink.key(key); sink.bool(value) }
    mutating func encode(_ value: String, forKey key: Key) { sink.key(key); sink.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) { sink.key(key); sink.double(value) }
    mutating func encode(_ value: Float, forKey key: Key) { sink.key(key); sink.double(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) { sink.key(key); sink.number(value) }
    mutating func encode(_ value: Int8, forKey key: Key) { sink.key(key); sink.number(value) }
    mutating func encode(_ value: Int16, forKey key: Key) { sink.key(key); sink.number(value) }
    mutating func encode(_ value: Int32, forKey key: Key) { sink.key(key); sink.number(value) }
    mutating func encode(_ value: Int64, forKey key: Key) { sink.key(key); sink.number(value) }
    mutating func encode(_ value: UInt, forKey key: Key) { sink.key(key); sink.number(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) { sink.key(key); sink.number(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) { sink.key(key); sink.number(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) { sink.key(key); sink.number(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) { sink.key(key); sink.number(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        sink.key(key)
        try value.encode(to: HashingEncoder(sink: sink))
        sink.tag(.end)  // {a: {b}, c} differs from {a: {b, c}}
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        sink.key(key)
        sink.tag(.keyed)
        return KeyedEncodingContainer(KeyedHasher<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        sink.key(key)
        sink.tag(.unkeyed)
        return UnkeyedHasher(sink: sink)
    }

    mutating func superEncoder() -> Encoder { HashingEncoder(sink: sink) }
    mutating func superEncoder(forKey key: Key) -> Encoder { sink.key(key); return HashingEncoder(sink: sink) }
}

struct UnkeyedHasher: UnkeyedEncodingContainer {
    let sink: HashSink
    var codingPath: [CodingKey] = []
    var count = 0

    mutating func encodeNil() { count += 1; sink.tag(.null) }
    mutating func encode(_ value: Bool) { count += 1; sink.bool(value) }
    mutating func encode(_ value: String) { count += 1; sink.string(value) }
    mutating func encode(_ value: Double) { count += 1; sink.double(value) }
    mutating func encode(_ value: Float) { count += 1; sink.double(Double(value)) }
    mutating func encode(_ value: Int) { count += 1; sink.number(value) }
    mutating func encode(_ value: Int8) { count += 1; sink.number(value) }
    mutating func encode(_ value: Int16) { count += 1; sink.number(value) }
    mutating func encode(_ value: Int32) { count += 1; sink.number(value) }
    mutating func encode(_ value: Int64) { count += 1; sink.number(value) }
    mutating func encode(_ value: UInt) { count += 1; sink.number(value) }
    mutating func encode(_ value: UInt8) { count += 1; sink.number(value) }
    mutating func encode(_ value: UInt16) { count += 1; sink.number(value) }
    mutating func encode(_ value: UInt32) { count += 1; sink.number(value) }
    mutating func encode(_ value: UInt64) { count += 1; sink.number(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        count += 1
        try value.encode(to: HashingEncoder(sink: sink))
        sink.tag(.end)  // an element boundary: [a, b] differs from [ab]
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        sink.tag(.keyed)
        return KeyedEncodingContainer(KeyedHasher<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        count += 1
        sink.tag(.unkeyed)
        return UnkeyedHasher(sink: sink)
    }

    mutating func superEncoder() -> Encoder { HashingEncoder(sink: sink) }
}

struct SingleHasher: SingleValueEncodingContainer {
    let sink: HashSink
    var codingPath: [CodingKey] = []

    mutating func encodeNil() { sink.tag(.null) }
    mutating func encode(_ value: Bool) { sink.bool(value) }
    mutating func encode(_ value: String) { sink.string(value) }
    mutating func encode(_ value: Double) { sink.double(value) }
    mutating func encode(_ value: Float) { sink.double(Double(value)) }
    mutating func encode(_ value: Int) { sink.number(value) }
    mutating func encode(_ value: Int8) { sink.number(value) }
    mutating func encode(_ value: Int16) { sink.number(value) }
    mutating func encode(_ value: Int32) { sink.number(value) }
    mutating func encode(_ value: Int64) { sink.number(value) }
    mutating func encode(_ value: UInt) { sink.number(value) }
    mutating func encode(_ value: UInt8) { sink.number(value) }
    mutating func encode(_ value: UInt16) { sink.number(value) }
    mutating func encode(_ value: UInt32) { sink.number(value) }
    mutating func encode(_ value: UInt64) { sink.number(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: HashingEncoder(sink: sink))
        sink.tag(.end)
    }
}
