/// A value a cache file keeps: made by this build, or the bytes the last build's file had for it,
/// made into the value only when asked for, and written into the next file as they are
/// (`StoredLinks`, `StoredFrame`).
enum Stored<Value: BinaryCodable & Sendable>: Sendable {
    case made(Value)
    case read(BinarySpan)

    /// The value, made from the bytes if need be; nil when they cannot be read as one.
    var value: Value? {
        switch self {
        case .made(let value): return value
        case .read(let span):
            var reader = BinaryReader(span)
            return try? Value(from: &reader)
        }
    }

    func write(to writer: inout BinaryWriter) {
        switch self {
        case .made(let value): value.write(to: &writer)
        case .read(let span): writer.raw(span)
        }
    }
}
