import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which generator made a site, for the build cache: a cache written by another version, or by
/// another build of this one, is not trusted.
public enum Generator {
    public static let version = "0.6.0"

    /// The version plus the size and modification time of the running executable, so that a
    /// rebuilt `briefing` never reads the pages its older self cached.
    public static let identity: String = {
        var identity = "briefing \(version)"
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {  // follows the link to the executable
            identity += " \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        } else {
            identity += " \(CommandLine.arguments.first ?? "")"
        }
        return identity
    }()
}
