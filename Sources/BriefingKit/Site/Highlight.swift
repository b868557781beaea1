/// A passage to mark in a block of the page (`<mark>`), with a numbered link to the note about it.
/// The renderer finds it by text: the `occurrence`-th time `text` appears in the block, with white
/// space collapsed.
public struct Highlight: Sendable, Hashable, Codable {
    public var text: String
    public var occurrence: Int
    /// The note's element id on the page (`note-<id>`), and its number.
    public var note: String
    public var number: Int
    public var tag: String
}
