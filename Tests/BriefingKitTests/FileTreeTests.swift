import Foundation
import Testing
@testable import BriefingKit

/// Articles and cache files are read straight into arrays, in room made for the size `fstat`
/// gives: the bytes must be the file's whether it is empty, small, large or grows meanwhile.
@Suite("Reading files")
struct FileTreeTests {
    @Test(arguments: [0, 1, 4095, 4096, 70_000])
    func aFileIsReadWhole(_ size: Int) throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("file")
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: file)
        #expect(try FileTree.read(file) == bytes)
    }

    /// A file whose size says 0 but that has bytes (as files under /proc do) is read to its end,
    /// the room grown as it fills.
    @Test func aFileLongerThanItsSizeIsReadToItsEnd() throws {
        let file = URL(fileURLWithPath: "/proc/self/cmdline")
        let expected = try Data(contentsOf: file)
        #expect(!expected.isEmpty)
        #expect(try FileTree.read(file) == Array(expected))
        let cpus = URL(fileURLWithPath: "/proc/cpuinfo")
        let read = try FileTree.read(cpus)
        #expect(read.count > 1000)
        #expect(read == Array(try Data(contentsOf: cpus)))
    }
}
