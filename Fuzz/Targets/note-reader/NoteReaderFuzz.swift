import FuzzChecks
@testable import BriefingKit

/// A notes file → `NoteReader.parse`: never a crash; ids are slugs; lines lie in the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNoteReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let source = try? SourceText(path: "fuzz", bytes: Fuzz.bytes(data, size)) else { return 0 }
    let (notes, problems) = NoteReader.parse(source, sourceFile: "notes/fuzz.md", stem: "fuzz")
    Fuzz.require(NoteProperties.violations(notes: notes, problems: problems, lineCount: source.lines.count))
    return 0
}
