/// A whole number kept in 32 bits and read as an `Int`: the block and offset of the graph's
/// mentions and date references, of which a large briefing holds hundreds of thousands for the
/// whole build. A paragraph of 4 GiB is not a paragraph; a larger value is clamped.
@propertyWrapper
public struct Stored32: Sendable, Hashable {
    private var stored: UInt32

    public init(wrappedValue: Int) {
        stored = UInt32(clamping: wrappedValue)
    }

    public var wrappedValue: Int {
        get { Int(stored) }
        set { stored = UInt32(clamping: newValue) }
    }
}
