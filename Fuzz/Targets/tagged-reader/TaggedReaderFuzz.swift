import FuzzChecks
@testable import BriefingKit

/// Text that `TaggedReader.sniff` accepts → `TaggedReader.read`: never a crash, and the article
/// keeps the reader's promises (`ArticleProperties`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTaggedReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    ArticleProperties.checkReader(data, size, sniff: TaggedReader.sniff, read: TaggedReader.read)
    return 0
}
