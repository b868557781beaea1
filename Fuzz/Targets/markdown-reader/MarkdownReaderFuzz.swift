import FuzzChecks
@testable import BriefingKit

/// Text that `MarkdownReader.sniff` accepts → `MarkdownReader.read`: never a crash, and the article
/// keeps the reader's promises (`ArticleProperties`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdownReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    ArticleProperties.checkReader(data, size, sniff: MarkdownReader.sniff, read: MarkdownReader.read)
    return 0
}
