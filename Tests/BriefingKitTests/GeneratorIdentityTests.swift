import Foundation
import Testing
@testable import BriefingKit

/// The generator's identity keys the build cache: the same for every copy of one build of
/// `briefing` (its GNU build ID), different for any other build, and a digest of the bytes for an
/// executable that carries no build ID.
@Suite("Generator identity")
struct GeneratorIdentityTests {
    static let id: [UInt8] = [0x01, 0x9D, 0x20, 0xAC, 0x59, 0x1C, 0x3F, 0xB5, 0x8A, 0xAD,
                              0xCA, 0xE2, 0x9C, 0x4F, 0x85, 0x77, 0xA9, 0x4D, 0x6C, 0x54]

    static func le(_ value: UInt64, _ size: Int) -> [UInt8] { (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }

    /// A note: name size, description size, type, then name and description padded to 4 bytes.
    static func note(type: UInt32, name: String, description: [UInt8]) -> [UInt8] {
        let name = Array(name.utf8) + [0]
        func padded(_ bytes: [UInt8]) -> [UInt8] { bytes + [UInt8](repeating: 0, count: (4 - bytes.count % 4) % 4) }
        return le(UInt64(name.count), 4) + le(UInt64(description.count), 4) + le(UInt64(type), 4) + padded(name) + padded(description)
    }

    /// An ELF image with a `PT_LOAD` header, then a `PT_NOTE` header whose segment holds an ABI tag
    /// note and then `notes`, in the layout of `readelf -n`'s sections.
    static func elf(wide: Bool, notes: [UInt8]) -> [UInt8] {
        let headerSize = wide ? 64 : 52, entrySize = wide ? 56 : 32
        let segment = note(type: 1, name: "GNU", description: le(0, 4) + le(3, 4) + le(2, 4) + le(0, 4)) + notes
        let segmentOffset = UInt64(headerSize + 2 * entrySize)
        var header: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, wide ? 2 : 1, 1, 1, 0] + [UInt8](repeating: 0, count: 8)
        header += le(2, 2) + le(62, 2) + le(1, 4)  // e_type, e_machine, e_version
        if wide {
            header += le(0x401000, 8) + le(64, 8) + le(0, 8)  // e_entry, e_phoff, e_shoff
        } else {
            header += le(0x401000, 4) + le(52, 4) + le(0, 4)
        }
        header += le(0, 4) + le(UInt64(headerSize), 2) + le(UInt64(entrySize), 2) + le(2, 2) + le(0, 2) + le(0, 2) + le(0, 2)
        #expect(header.count == headerSize)
        func programHeader(type: UInt64, offset: UInt64, size: UInt64) -> [UInt8] {
            wide ? le(type, 4) + le(4, 4) + le(offset, 8) + le(0, 8) + le(0, 8) + le(size, 8) + le(size, 8) + le(4, 8)
                 : le(type, 4) + le(offset, 4) + le(0, 4) + le(0, 4) + le(size, 4) + le(size, 4) + le(4, 4) + le(4, 4)
        }
        let load = programHeader(type: 1, offset: 0, size: segmentOffset)
        let noteHeader = programHeader(type: 4, offset: segmentOffset, size: UInt64(segment.count))
        return header + load + noteHeader + segment + [UInt8](repeating: 0xCC, count: 100)
    }

    @Test func theBuildIDIsReadFromTheNoteSegmentOfA64Or32BitImage() {
        let notes = Self.note(type: 3, name: "GNU", description: Self.id)
        #expect(ExecutableBuildID.find(in: Self.elf(wide: true, notes: notes)) == "019d20ac591c3fb58aadcae29c4f8577a94d6c54")
        #expect(ExecutableBuildID.find(in: Self.elf(wide: false, notes: notes)) == "019d20ac591c3fb58aadcae29c4f8577a94d6c54")
    }

    @Test func anImageWithoutABuildIDOrNotELFHasNone() {
        // Only the ABI tag; a build ID note of another owner; the type of a build ID under another name.
        #expect(ExecutableBuildID.find(in: Self.elf(wide: true, notes: [])) == nil)
        #expect(ExecutableBuildID.find(in: Self.elf(wide: true, notes: Self.note(type: 3, name: "Go", description: Self.id))) == nil)
        #expect(ExecutableBuildID.find(in: Array("#!/bin/sh\necho briefing\n".utf8)) == nil)
        #expect(ExecutableBuildID.find(in: []) == nil)
        // Big-endian, and cut short anywhere: no ID, no trap.
        var big = Self.elf(wide: true, notes: Self.note(type: 3, name: "GNU", description: Self.id))
        big[5] = 2
        #expect(ExecutableBuildID.find(in: big) == nil)
        let whole = Self.elf(wide: true, notes: Self.note(type: 3, name: "GNU", description: Self.id))
        let noteStart = 64 + 2 * 56, abiTag = 12 + 4 + 16, buildID = 12 + 4 + 20
        for length in 0..<(noteStart + abiTag + buildID) {
            #expect(ExecutableBuildID.find(in: Array(whole.prefix(length))) == nil, "cut at \(length)")
        }
        #expect(ExecutableBuildID.find(in: Array(whole.prefix(noteStart + abiTag + buildID))) != nil)
        // A note whose description runs past its segment.
        var overrun = whole
        overrun[noteStart + abiTag + 4] = 0xFF
        #expect(ExecutableBuildID.find(in: overrun) == nil)
    }

    @Test func aCopyOfAnExecutableHasItsIdentityAndAnotherBuildDoesNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("generator-identity-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url.path
        }
        let image = Self.elf(wide: true, notes: Self.note(type: 3, name: "GNU", description: Self.id))
        let original = try write("briefing", image)
        Thread.sleep(forTimeInterval: 0.01)
        let copy = try write("copy", image)  // another path, another modification time
        var other = Self.id
        other[19] ^= 1
        let rebuilt = try write("rebuilt", Self.elf(wide: true, notes: Self.note(type: 3, name: "GNU", description: other)))
        #expect(Generator.identity(of: original) == "briefing \(Generator.version) build 019d20ac591c3fb58aadcae29c4f8577a94d6c54")
        #expect(Generator.identity(of: copy) == Generator.identity(of: original))
        #expect(Generator.identity(of: rebuilt) == "briefing \(Generator.version) build 019d20ac591c3fb58aadcae29c4f8577a94d6c55")
        // Without a build ID, the bytes name it: a copy the same, one byte changed another.
        let script = try write("script", Array("#!/bin/sh\necho briefing\n".utf8))
        let scriptCopy = try write("script-copy", Array("#!/bin/sh\necho briefing\n".utf8))
        let edited = try write("edited", Array("#!/bin/sh\necho briefinG\n".utf8))
        #expect(Generator.identity(of: script).hasPrefix("briefing \(Generator.version) bytes "))
        #expect(Generator.identity(of: scriptCopy) == Generator.identity(of: script))
        #expect(Generator.identity(of: edited) != Generator.identity(of: script))
    }

    /// This toolchain links a build ID into its executables (the test runner here), so a build of
    /// `briefing` is named by it rather than by a digest of its 25 MB; and its libraries with it.
    @Test func theRunningExecutableIsNamedByItsBuildIDAndItsLibraries() throws {
        let id = try #require(ExecutableBuildID.read(from: "/proc/self/exe"))
        #expect(id.count >= 32 && id.allSatisfy(\.isHexDigit))
        let libraries = try #require(OutputLibraries.digest())
        #expect(Generator.identity == "briefing \(Generator.version) build \(id) libraries \(libraries)")
        #expect(Generator.identity(of: "/proc/self/exe", libraries: "0") != Generator.identity)
        // cmark-gfm and the Swift runtime are among them, each with a build ID.
        let paths = OutputLibraries.paths(inMaps: try #require(OutputLibraries.processMaps()))
        let names = paths.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        #expect(names.contains { $0.hasPrefix("libcmark-gfm.so") }, "\(names)")
        #expect(names.contains { $0.hasPrefix("libcmark-gfm-extensions.so") }, "\(names)")
        #expect(names.contains("libswiftCore.so"), "\(names)")
        #expect(paths.allSatisfy { ExecutableBuildID.read(from: $0) != nil })
    }

    /// The libraries that count, from a process's map: those mapped executable, once each, by the
    /// start of their file name; not the program, the allocator, libc, data files or a library
    /// replaced on disk since.
    @Test func theLibrariesThatMakeTheOutputAreFoundInTheProcessMap() {
        let maps = """
        55cad2efc000-55cad2efe000 r--p 00000000 fe:00 254163                     /opt/bin/briefing
        55cad2efe000-55cad2f04000 r-xp 00002000 fe:00 254163                     /opt/bin/briefing
        7f0000000000-7f0000001000 r--p 00000000 fe:00 11                         /lib/x86_64-linux-gnu/libcmark-gfm.so.0.29.0.gfm.6
        7f0000001000-7f0000009000 r-xp 00001000 fe:00 11                         /lib/x86_64-linux-gnu/libcmark-gfm.so.0.29.0.gfm.6
        7f0000010000-7f0000019000 r-xp 00001000 fe:00 12                         /lib/x86_64-linux-gnu/libcmark-gfm-extensions.so.0.29.0.gfm.6
        7f0000020000-7f0000029000 r-xp 00001000 fe:00 13                         /opt/swift/usr/lib/swift/linux/libswiftCore.so
        7f0000030000-7f0000039000 r-xp 00001000 fe:00 14                         /opt/swift/usr/lib/swift/linux/libFoundationEssentials.so
        7f0000040000-7f0000049000 r-xp 00001000 fe:00 15                         /lib/x86_64-linux-gnu/libmimalloc.so.2
        7f0000050000-7f0000059000 r-xp 00001000 fe:00 16                         /lib/x86_64-linux-gnu/libc.so.6
        7f0000060000-7f0000069000 r-xp 00001000 fe:00 17                         /opt/swift/usr/lib/swift/linux/libswiftDispatch.so (deleted)
        7f0000070000-7f0000079000 rw-p 00000000 00:00 0                          [heap]
        7f0000080000-7f0000089000 r--s 00000000 fe:00 18                         /tmp/cache/libswift-notes.so.cache
        7f0000090000-7f0000099000 r-xp 00001000 fe:00 19                         /opt/my libs/libswift_Concurrency.so
        7f00000a0000-7f00000a9000 r-xp 00000000 00:00 0
        """
        // In the order of their file names, wherever they are.
        #expect(OutputLibraries.paths(inMaps: maps) == [
            "/opt/swift/usr/lib/swift/linux/libFoundationEssentials.so",
            "/lib/x86_64-linux-gnu/libcmark-gfm-extensions.so.0.29.0.gfm.6", "/lib/x86_64-linux-gnu/libcmark-gfm.so.0.29.0.gfm.6",
            "/opt/swift/usr/lib/swift/linux/libswiftCore.so", "/opt/my libs/libswift_Concurrency.so",
        ])
        // The digest names the libraries: another set, another digest; none at all, still one.
        let fewer = maps.split(separator: "\n").filter { !$0.contains("extensions") }.joined(separator: "\n")
        #expect(OutputLibraries.digest(maps: maps) != OutputLibraries.digest(maps: fewer))
        #expect(OutputLibraries.digest(maps: maps) == OutputLibraries.digest(maps: maps))
        #expect(OutputLibraries.digest(maps: nil) == nil)
    }
}
