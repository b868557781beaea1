import FuzzChecks
@testable import BriefingKit

/// Text that `DatelineReader.sniff` accepts → `DatelineReader.read`: never a crash, and the article
/// keeps the reader's promises (`ArticleProperties`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDatelineReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    ArticleProperties.checkReader(data, size, sniff: DatelineReader.sniff, read: DatelineReader.read)
    return 0
}
