import Foundation
@testable import BriefingKit

/// What `Gazetteer.parse` promises for any text: every warning names a line of the file (or
/// none); each entry has a name, a slug id used once, a line in the file, and a link that is
/// http(s) or nothing; no two entries claim the same alias.
public enum GazetteerProperties {
    public static func violations(gazetteer: Gazetteer, diagnostics: [Diagnostic], lineCount: Int) -> [String] {
        var found: [String] = []
        let lines = 1...max(lineCount, 1)
        for diagnostic in diagnostics {
            if let line = diagnostic.line, !lines.contains(line) { found.append("warning line \(line) outside \(lines): \(diagnostic.message)") }
        }
        var ids: Set<String> = []
        for entry in gazetteer.entries {
            if entry.id.isEmpty || !entry.id.unicodeScalars.allSatisfy(NoteProperties.isSlugScalar) { found.append("id \(entry.id.debugDescription)") }
            if !ids.insert(entry.id).inserted { found.append("id \(entry.id) twice") }
            if entry.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { found.append("entry \(entry.id) without a name") }
            if !lines.contains(entry.line) { found.append("entry \(entry.id) line \(entry.line) outside \(lines)") }
            if let link = entry.link, !(link.lowercased().hasPrefix("http://") || link.lowercased().hasPrefix("https://")) {
                found.append("entry \(entry.id) link \(link.debugDescription)")
            }
        }
        return found
    }
}
