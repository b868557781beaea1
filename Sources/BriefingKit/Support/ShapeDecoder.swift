/// Makes a value of a `Decodable` type with every part present: each optional is set, each array
/// has one element, strings are empty and numbers zero. Reflecting on it shows every key the type
/// can ever offer a template, which a real page's context cannot when a list is empty or an
/// optional is missing (see `TemplateCheck`).
enum ShapeDecoder {
    static func full<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: Shape())
    }

    private struct Shape: Decoder {
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]
        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(Keyed<Key>())
        }
        func unkeyedContainer() -> any UnkeyedDecodingContainer { Unkeyed() }
        func singleValueContainer() -> any SingleValueDecodingContainer { Single() }
    }

    /// A leaf value: the type's empty value, or a full value of a nested type.
    private static func value<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is String.Type: return "" as! T
        case is Bool.Type: return false as! T
        case is Int.Type: return 0 as! T
        case is Double.Type: return 0.0 as! T
        default: return try T(from: Shape())
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        var codingPath: [any CodingKey] = []
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try ShapeDecoder.value(type) }
        func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) -> KeyedDecodingContainer<N> {
            KeyedDecodingContainer(Keyed<N>())
        }
        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedDecodingContainer { Unkeyed() }
        func superDecoder() -> any Decoder { Shape() }
        func superDecoder(forKey key: Key) -> any Decoder { Shape() }
    }

    /// An array of one element.
    private struct Unkeyed: UnkeyedDecodingContainer {
        var codingPath: [any CodingKey] = []
        var count: Int? { 1 }
        var currentIndex = 0
        var isAtEnd: Bool { currentIndex >= 1 }
        mutating func decodeNil() -> Bool { false }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            return try ShapeDecoder.value(type)
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) -> KeyedDecodingContainer<N> {
            currentIndex += 1
            return KeyedDecodingContainer(Keyed<N>())
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedDecodingContainer {
            currentIndex += 1
            return Unkeyed()
        }
        mutating func superDecoder() -> any Decoder { Shape() }
    }

    private struct Single: SingleValueDecodingContainer {
        var codingPath: [any CodingKey] = []
        func decodeNil() -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try ShapeDecoder.value(type) }
    }
}
