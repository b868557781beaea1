import FuzzChecks
@testable import BriefingKit

/// An actors.yml → `Gazetteer.parse`: never a crash; slug ids used once, lines in the file, http(s) links.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGazetteer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: Fuzz.bytes(data, size), as: UTF8.self) else { return 0 }
    let (gazetteer, diagnostics) = Gazetteer.parse(text, displayPath: "actors.yml")
    // Lines as an editor shows them (and `SourceText` counts them): LF, CRLF or CR ends a line.
    var lineCount = 1, previous: UInt8 = 0
    for byte in text.utf8 {
        if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { lineCount += 1 }
        previous = byte
    }
    if let last = text.utf8.last, last == 0x0A || last == 0x0D { lineCount -= 1 }
    Fuzz.require(GazetteerProperties.violations(gazetteer: gazetteer, diagnostics: diagnostics, lineCount: lineCount))
    return 0
}
