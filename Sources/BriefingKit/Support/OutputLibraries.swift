import Foundation

/// The shared libraries whose code makes a site's bytes along with the executable's: cmark-gfm
/// (Markdown to HTML), the Swift runtime and standard library (text, Unicode), Foundation and its
/// ICU, and libdispatch. A Debian or toolchain upgrade of one of them can change the HTML, so the
/// build cache names each by its build ID (`Generator.identity`) and a cache written with another
/// is not trusted. Found among the files the process has mapped executable (`/proc/self/maps`),
/// all of them loaded when it starts, so the list is the same at any moment of a build; the
/// libraries that do not touch the output (libc's name services, TLS, the allocator) are left
/// out, so that their updates keep the cache.
enum OutputLibraries {
    /// The file names (before `.so`) of the libraries that count.
    static let prefixes = ["libcmark-gfm", "libswift", "libFoundation", "lib_FoundationICU", "libdispatch", "libBlocksRuntime"]

    /// The paths of the libraries that count in a `/proc/<pid>/maps` text, each once, in the order
    /// of their file names: where a library is loaded from does not count, only which build it is.
    static func paths(inMaps maps: String) -> [String] {
        var found = Set<String>()
        for line in maps.split(separator: "\n") {
            // address, permissions, offset, device, inode, then the path (which may hold spaces).
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, fields[1].contains("x") else { continue }
            let path = String(fields[5].drop { $0 == " " })
            guard path.hasPrefix("/"), !path.hasSuffix(" (deleted)") else { continue }
            let file = fileName(path)
            guard file.contains(".so"), prefixes.contains(where: file.hasPrefix) else { continue }
            found.insert(path)
        }
        return found.sorted { fileName($0) != fileName($1) ? fileName($0).bytesPrecede(fileName($1)) : $0.bytesPrecede($1) }
    }

    /// A digest of each counted library's file name and build ID (or, without one, its size and
    /// modification time), for the libraries this process runs with; nil where there is no
    /// `/proc/self/maps`.
    static func digest(maps: String? = processMaps()) -> String? {
        guard let maps else { return nil }
        var hasher = StableHasher()
        for path in paths(inMaps: maps) {
            hasher.combine(fileName(path))
            if let id = ExecutableBuildID.read(from: path) {
                hasher.combine(id)
            } else if let info = try? FileManager.default.attributesOfItem(atPath: path) {
                hasher.combine("\(info[.size] ?? "") \((info[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
            }
        }
        return hasher.finalize()
    }

    /// This process's map, read to its end (a file of `/proc` has no size to read up to).
    static func processMaps() -> String? {
        guard let file = FileHandle(forReadingAtPath: "/proc/self/maps") else { return nil }
        defer { try? file.close() }
        return (try? file.readToEnd()).map { String(decoding: $0, as: UTF8.self) }
    }

    static func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
}
