import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Bytes that a `BinaryReader` reads, and that the spans it hands out (`BinarySpan`) share: a
/// cache file mapped into memory read-only, or a copy of an array (tests, fuzz targets).
///
/// A cache file is mapped rather than read: reading copied its bytes into a new heap array, a
/// page fault for each of its pages on top of the copy (the article memo is 180 MB at 10,000
/// articles), while a mapping reads the kernel's page cache in place. A mapped file must not be
/// cut short while it is read (the kernel would stop the process): the build replaces cache files
/// by renaming a new file over them, which leaves the mapped one whole.
public final class FileBytes: @unchecked Sendable {
    /// The bytes, valid only while this object lives: read them through `withBytes`, or keep the
    /// object beside them (`BinaryReader`, `BinarySpan`).
    let bytes: UnsafeBufferPointer<UInt8>
    /// What `deinit` gives back: a mapping and its length, or memory this object allocated.
    private let release: Release
    private enum Release { case unmap(UnsafeMutableRawPointer, Int), deallocate(UnsafeMutablePointer<UInt8>), nothing }

    /// A copy of `array`.
    public init(copying array: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(array.count, 1))
        _ = copy.initialize(from: array)
        bytes = UnsafeBufferPointer(start: copy.baseAddress, count: array.count)
        release = .deallocate(copy.baseAddress!)
    }

    /// A regular file's bytes, mapped read-only; an empty file gives no bytes.
    public init(mapping path: String) throws {
        let (descriptor, length) = try FileTree.openRegularFile(path)
        defer { close(descriptor) }
        guard length > 0 else {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            release = .nothing
            return
        }
        guard let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: length)
        release = .unmap(base, length)
    }

    public var count: Int { bytes.count }

    /// `body` given the bytes, this object kept alive meanwhile.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try body(bytes) }
    }

    deinit {
        switch release {
        case .unmap(let base, let length): munmap(base, length)
        case .deallocate(let pointer): pointer.deallocate()
        case .nothing: break
        }
    }
}
