import Foundation

/// The GNU build ID the linker writes into an ELF executable (`readelf -n`: `NT_GNU_BUILD_ID`):
/// a digest of the linked bytes, the same for every copy of one build and different for every
/// other build. It names the generator in the build cache (`Generator.identity`), so a copied or
/// reinstalled `briefing` keeps its cache while a rebuilt one never reads the last one's.
///
/// Read from the file's program headers, on bytes: the ELF header, the headers of its segments,
/// and each `PT_NOTE` segment's notes, a few kilobytes whatever the executable's size.
enum ExecutableBuildID {
    /// The build ID of the executable at `path`, in lowercase hex, or nil when the file is not a
    /// little-endian ELF file, holds no build ID, or cannot be read.
    static func read(from path: String) -> String? {
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        return find { offset, count in
            guard (try? file.seek(toOffset: offset)) != nil else { return nil }
            return (try? file.read(upToCount: count)).map(Array.init)
        }
    }

    /// The build ID of an ELF image held in `bytes` (for tests).
    static func find(in bytes: [UInt8]) -> String? {
        find { offset, count in
            guard offset <= UInt64(bytes.count) else { return nil }
            let start = Int(offset)
            return Array(bytes[start..<min(bytes.count, start + count)])
        }
    }

    private static let noteSegment: UInt32 = 4  // PT_NOTE
    private static let buildIDNote: UInt32 = 3  // NT_GNU_BUILD_ID
    private static let largestNotes = 1 << 16
    private static let mostSegments = 256

    /// Finds the build ID through `read(offset, count)`, which gives at most `count` bytes there.
    private static func find(read: (UInt64, Int) -> [UInt8]?) -> String? {
        guard let header = read(0, 64), header.count >= 52,
              header[0...3].elementsEqual([0x7F, 0x45, 0x4C, 0x46]),  // "\x7FELF"
              header[5] == 1  // little-endian
        else { return nil }
        let wide = header[4] == 2  // ELFCLASS64; 1 is ELFCLASS32
        guard wide || header[4] == 1, !wide || header.count == 64 else { return nil }
        let table = wide ? header.littleEndian(at: 0x20, size: 8) : header.littleEndian(at: 0x1C, size: 4)
        let entrySize = Int(header.littleEndian(at: wide ? 0x36 : 0x2A, size: 2))
        let entries = Int(header.littleEndian(at: wide ? 0x38 : 0x2C, size: 2))
        guard entries <= mostSegments, entrySize >= (wide ? 56 : 32), entrySize <= 1024,
              let headers = read(table, entries * entrySize), headers.count == entries * entrySize
        else { return nil }
        for index in 0..<entries {
            let entry = Array(headers[(index * entrySize)..<((index + 1) * entrySize)])
            guard UInt32(entry.littleEndian(at: 0, size: 4)) == noteSegment else { continue }
            let offset = wide ? entry.littleEndian(at: 8, size: 8) : entry.littleEndian(at: 4, size: 4)
            let size = wide ? entry.littleEndian(at: 0x20, size: 8) : entry.littleEndian(at: 16, size: 4)
            guard size <= UInt64(largestNotes), let notes = read(offset, Int(size)), notes.count == Int(size),
                  let id = buildID(in: notes)
            else { continue }
            return id
        }
        return nil
    }

    /// The build ID among the notes of one segment: each a name size, a description size and a
    /// type, then the name and the description, each padded to four bytes.
    private static func buildID(in notes: [UInt8]) -> String? {
        var at = 0
        while at + 12 <= notes.count {
            let nameSize = Int(notes.littleEndian(at: at, size: 4))
            let descriptionSize = Int(notes.littleEndian(at: at + 4, size: 4))
            let type = UInt32(notes.littleEndian(at: at + 8, size: 4))
            let name = at + 12
            let description = name + (nameSize + 3) / 4 * 4
            let end = description + (descriptionSize + 3) / 4 * 4
            guard nameSize <= notes.count, descriptionSize <= notes.count, description + descriptionSize <= notes.count
            else { return nil }
            if type == buildIDNote, notes[name..<(name + nameSize)].elementsEqual(Array("GNU\0".utf8)), descriptionSize > 0 {
                return notes[description..<(description + descriptionSize)].map { byte in
                    let hex = String(byte, radix: 16)
                    return byte < 16 ? "0" + hex : hex
                }.joined()
            }
            at = end
        }
        return nil
    }
}

private extension Array where Element == UInt8 {
    /// The unsigned little-endian number of `size` bytes at `offset` (the caller checked the range).
    func littleEndian(at offset: Int, size: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in stride(from: offset + size - 1, through: offset, by: -1) { value = value << 8 | UInt64(self[index]) }
        return value
    }
}
