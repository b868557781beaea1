import Foundation
import Yams

/// `Content/actors.yml`: the actors the editor knows, with their kinds, aliases, roles and links.
///
/// ```yaml
/// - name: Dmitry Peskov
///   kind: person                # person | organization | outlet | place (default person)
///   aliases: [Peskov]
///   roles: [Kremlin spokesman]
///   description: Press secretary of the Russian president.
///   link: https://en.wikipedia.org/wiki/Dmitry_Peskov
/// ```
public struct Gazetteer: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var name: String
        public var kind: ActorKind
        public var aliases: [String]
        public var roles: [String]
        public var description: String?
        public var link: String?
        /// Line of the entry in the file.
        public var line: Int
    }

    public var entries: [Entry]

    /// The fields an entry may have; any other is reported and ignored.
    public static let fields = ["name", "id", "kind", "aliases", "roles", "description", "link"]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// Reads the file; a missing file is an empty gazetteer. Malformed entries and ids or aliases
    /// claimed twice are reported with their line and left out; the rest is kept.
    /// `read` reads the file (a build's keeps the digest of the bytes it read).
    public static func load(_ url: URL, displayPath: String,
                            reading read: (URL) throws -> [UInt8] = FileTree.read) -> (Gazetteer, [Diagnostic]) {
        guard let bytes = try? read(url) else { return (Gazetteer(), []) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (Gazetteer(), [Diagnostic(file: displayPath, "invalid UTF-8; the gazetteer is ignored")])
        }
        return parse(text, displayPath: displayPath)
    }

    public static func parse(_ text: String, displayPath: String) -> (Gazetteer, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let lastLine = YAMLText.lastLine(of: text)
        func warn(_ line: Int?, _ message: String) {
            diagnostics.append(Diagnostic(file: displayPath, line: line.map { min($0, lastLine) }, message))
        }
        let root: Node?
        do {
            root = try YAMLText.compose(text)
        } catch let error as YamlError {
            return (Gazetteer(), [Diagnostic(file: displayPath, line: error.line(in: text), "invalid YAML: \(error.problemText)")])
        } catch {
            return (Gazetteer(), [Diagnostic(file: displayPath, "invalid YAML: \(error)")])
        }
        guard let root else { return (Gazetteer(), []) }
        guard let items = root.sequence else {
            warn(root.mark?.line, "expected a list of actors (`- name: …`)")
            return (Gazetteer(), diagnostics)
        }
        var entries: [Entry] = []
        var ids: [String: Int] = [:]
        var aliases: [String: (id: String, line: Int)] = [:]
        for item in items {
            let line = item.mark?.line ?? 0
            guard let map = item.mapping else { warn(line, "an actor must be a mapping with at least `name`"); continue }
            var fields: [String: Node] = [:]
            var keyLines: [String: Int] = [:]
            for (key, value) in map {
                guard let name = key.string else { continue }
                if !Self.fields.contains(name) {
                    warn(key.mark?.line, "unknown field `\(name)` ignored; expected one of \(Self.fields.joined(separator: ", "))")
                }
                fields[name] = value
                keyLines[name] = key.mark?.line
            }
            // A list or a mapping where one line of text belongs is said, not lost.
            for key in ["name", "id", "kind", "description", "link"] where fields[key] != nil && fields[key]?.scalar == nil {
                warn(keyLines[key], YAMLText.notOneLine(key))
                fields[key] = nil
            }
            guard let name = fields["name"]?.scalar?.string.collapsingWhitespace, !name.isEmpty else {
                warn(line, "actor without a `name`; skipped")
                continue
            }
            var kind = ActorKind.person
            if let raw = fields["kind"]?.scalar?.string {
                guard let parsed = ActorKind(rawValue: raw.lowercased().replacingOccurrences(of: "organisation", with: "organization")) else {
                    warn(fields["kind"]?.mark?.line, "unknown kind `\(raw)` for \(name); expected person, organization, outlet or place")
                    continue
                }
                kind = parsed
            }
            var id = fields["id"]?.scalar?.string.trimmingWhitespace ?? Slug.make(name, fallback: "actor")
            if Slug.make(id) != id {
                let slug = Slug.make(id, fallback: Slug.make(name, fallback: "actor"))
                let rule = Slug.reserved.contains(id) ? "is the name of a list page" : "must be lower-case ASCII letters, digits, `-` and `_`"
                warn(fields["id"]?.mark?.line, "id `\(id)` \(rule); using `\(slug)`")
                id = slug
            }
            if let first = ids[id] {
                warn(line, "id `\(id)` is already claimed on line \(first); \(name) skipped")
                continue
            }
            func strings(_ key: String) -> [String] {
                guard let node = fields[key] else { return [] }
                if let scalar = node.scalar { return [scalar.string.collapsingWhitespace].filter { !$0.isEmpty } }
                guard let sequence = node.sequence else {
                    warn(node.mark?.line, "`\(key)` must be a list")
                    return []
                }
                for item in sequence where item.scalar == nil {
                    warn(item.mark?.line, "an item of `\(key)` must be a single line of text; ignored")
                }
                return sequence.compactMap { $0.scalar?.string.collapsingWhitespace }.filter { !$0.isEmpty }
            }
            var ownAliases: [String] = []
            for alias in [name] + strings("aliases") {
                let key = alias.lowercased()
                if let other = aliases[key] {
                    if other.id != id {
                        warn(fields["aliases"]?.mark?.line ?? line, "alias `\(alias)` is already claimed by `\(other.id)` on line \(other.line); ignored for `\(id)`")
                    }
                    continue
                }
                aliases[key] = (id, line)
                if alias != name { ownAliases.append(alias) }
            }
            var link: String?
            if let raw = fields["link"]?.scalar?.string, !raw.isEmpty {
                link = ExternalURL.sanitize(raw)
                if link == nil { warn(fields["link"]?.mark?.line, "`link` is not an http(s) address; ignored") }
            }
            ids[id] = line
            entries.append(Entry(id: id, name: name, kind: kind, aliases: ownAliases, roles: strings("roles"),
                                 description: fields["description"]?.scalar?.string.collapsingWhitespace, link: link, line: line))
        }
        return (Gazetteer(entries: entries), diagnostics)
    }
}

/// What kind of actor a name stands for.
public enum ActorKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case person
    case organization
    case outlet
    case place

    public var plural: String {
        switch self {
        case .person: return "People"
        case .organization: return "Organisations"
        case .outlet: return "Outlets"
        case .place: return "Places"
        }
    }

    public static func < (lhs: ActorKind, rhs: ActorKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
