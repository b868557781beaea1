import Mustache

/// A context's text as its look-up (`ContextLookup.swift`) hands it to swift-mustache: rendered as
/// the string it holds, as a `String` is, with fewer of the library's run-time casts. For a
/// `String`, each `{{key}}` asks the runtime whether it is a custom representation, a custom
/// renderable, an optional and a streamable before it is printed; this answers the second at once.
/// It has no keys of its own (`child(named:)` is nil, so a name inside its section is looked up
/// further out, as for a string) and takes a string's transforms.
struct MustacheText: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    let text: String

    var renderText: String { text }
    var isNull: Bool { false }
    func child(named: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { text.transform(name) }

    /// What a look-up returns for a stored property: text wrapped, anything else as it is.
    @inline(__always) static func value(_ text: String) -> Any? { MustacheText(text: text) }
    @inline(__always) static func value(_ text: String?) -> Any? { text.map { MustacheText(text: $0) } }
    @inline(__always) static func value<T>(_ value: T?) -> Any? { value.map { $0 } }
    @inline(__always) static func value<T>(_ value: T) -> Any? { value }
}
