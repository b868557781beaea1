import FuzzChecks
@testable import BriefingKit

/// Text that `TaggedReader.sniff` accepts → `TaggedReader.read`: never a crash, and the article
/// keeps the reader's promises (`ArticleProperties`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTaggedReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let source = try? SourceText(path: "fuzz", bytes: Fuzz.bytes(data, size)), TaggedReader.sniff(source) else { return 0 }
    let result = TaggedReader.read(source, id: "fuzz", sourceFile: "articles/fuzz.txt")
    Fuzz.require(ArticleProperties.violations(result, id: "fuzz", lineCount: source.lines.count))
    return 0
}
