import Foundation

/// The process's peak resident memory so far (`VmHWM` in `/proc/self/status`), in bytes; nil where
/// the kernel does not say. Shown per stage by `briefing build --verbose`.
public enum PeakMemory {
    public static var bytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kib * 1024
    }
}
