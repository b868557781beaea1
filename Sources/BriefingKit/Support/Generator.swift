import Foundation

/// Which generator made a site, for the build cache: a cache written by another version, or by
/// another build of this one, is not trusted.
public enum Generator {
    public static let version = "0.6.0"

    /// The version plus what tells this build of `briefing` from every other: the executable's
    /// GNU build ID (`ExecutableBuildID`), a digest of its linked bytes, so a copy or a reinstall of
    /// the same binary keeps the cache and a rebuilt one never reads the pages its older self
    /// cached (an executable without one is named by a digest of its bytes instead); and the build
    /// IDs of the shared libraries that make the output with it (`OutputLibraries`: cmark-gfm, the
    /// Swift runtime, Foundation), so an upgrade of one of them starts afresh too.
    public static let identity: String = identity(of: "/proc/self/exe", libraries: OutputLibraries.digest())

    static func identity(of executable: String, libraries: String? = nil) -> String {
        let with = libraries.map { " libraries \($0)" } ?? ""
        if let id = ExecutableBuildID.read(from: executable) { return "briefing \(version) build \(id)" + with }
        if let bytes = try? FileTree.read(path: executable) { return "briefing \(version) bytes \(StableHasher.digest(bytes))" + with }
        return "briefing \(version) \(CommandLine.arguments.first ?? "")" + with
    }
}
