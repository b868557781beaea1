import FuzzChecks
@testable import BriefingKit

/// Any bytes → `ArticleLoader.read`: decoding, sniffing the format, then the reader. Never a crash,
/// and a returned article keeps the reader's promises (`ArticleProperties`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticleLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    let result = ArticleLoader.read(bytes: bytes, id: "fuzz", sourceFile: "articles/fuzz.txt")
    // Lines as the diagnostics count them: LF, CRLF and CR each end one.
    let lineCount = (try? SourceText(path: "fuzz", bytes: bytes))?.lines.count
        ?? bytes.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
    Fuzz.require(ArticleProperties.violations(result, id: "fuzz", lineCount: lineCount))
    return 0
}
