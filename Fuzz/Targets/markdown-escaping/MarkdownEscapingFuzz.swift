import FuzzChecks
@testable import BriefingKit

/// Any text → `MarkdownEscaping.escape` renders through cmark-gfm as exactly that text, collapsed,
/// in one paragraph; `sanitize(markdown:)` cannot swallow what follows it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdownEscaping(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = Fuzz.text(data, size)
    Fuzz.require(EscapingProperties.escapeViolations(text) + EscapingProperties.sanitizeViolations(text))
    return 0
}
