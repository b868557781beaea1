@testable import BriefingKit

/// What `NoteReader.parse` promises: slug ids, and every line it names inside the file.
public enum NoteProperties {
    public static func violations(notes: [Note], problems: [LoadProblem], lineCount: Int) -> [String] {
        var found: [String] = []
        let lines = 1...lineCount
        for problem in problems {
            if let line = problem.line, !lines.contains(line) { found.append("problem line \(line) outside \(lines): \(problem.message)") }
        }
        for note in notes {
            if note.id.isEmpty || !note.id.unicodeScalars.allSatisfy(isSlugScalar) { found.append("note id \(note.id.debugDescription)") }
            if !lines.contains(note.line) { found.append("note \(note.id) line \(note.line) outside \(lines)") }
            // The body starts after the closing `---`: possibly just past the last line when it is empty.
            if !(note.line...(lineCount + 1)).contains(note.bodyLine) { found.append("note \(note.id) body line \(note.bodyLine)") }
            for target in note.targets + note.evidence where !lines.contains(target.line) {
                found.append("note \(note.id) target line \(target.line) outside \(lines)")
            }
        }
        return found
    }

    static func isSlugScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }
}
