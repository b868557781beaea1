/// What a page maker made of its context for some names (`ContextNames`): it asks `make` before
/// each part it may leave out, and the parts it left out are the page's `omitted` keys, which
/// the renderer watches for (`LookupRecorder`).
struct ContextParts {
    let names: ContextNames
    /// The keys of the parts left out (empty, or made otherwise than for the whole page).
    private(set) var omitted: Set<String> = []

    init(_ names: ContextNames) { self.names = names }

    /// Whether the part under `key` is to be made; when not, it is noted as left out.
    mutating func make(_ key: String) -> Bool {
        if names.needs(key) { return true }
        omitted.insert(key)
        return false
    }
}
