import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import BriefingKit
@testable import BriefingPreview

/// `briefing serve` that cannot listen fails before its first build, with the address and why.
struct ListenFailureTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }

    /// A socket listening on a port the kernel picks: the port in use, until the socket is closed.
    func heldPort() -> (socket: Int32, port: UInt16) {
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(holder >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, length) == 0 && listen(holder, 1) == 0 && getsockname(holder, $0, &length) == 0 }
        }
        #expect(bound)
        return (holder, UInt16(bigEndian: address.sin_port))
    }

    @Test func aPortInUseFailsBeforeTheFirstBuild() async throws {
        let workspace = try IncrementalBuildTests.Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let (holder, port) = heldPort()
        defer { close(holder) }
        let logged = Lines()
        let server = PreviewServer(options: workspace.options(), port: port, log: { logged.add($0) })
        await #expect(throws: ListenFailure(host: "127.0.0.1", port: port,
                                            reason: "the port is in use (another `briefing serve`?); choose another with --port")) {
            try await server.run()
        }
        #expect(logged.all.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: workspace.options().output.path))
    }

    /// An output folder no build may replace fails before the port is taken (on a port in use,
    /// the failure would otherwise be the port's): the server would show the folder as the site.
    @Test func anOutputThatIsNotASiteFailsBeforeListening() async throws {
        let workspace = try IncrementalBuildTests.Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let output = workspace.options().output
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: output.appendingPathComponent("thesis.docx"))
        let (holder, port) = heldPort()
        defer { close(holder) }
        let logged = Lines()
        let server = PreviewServer(options: workspace.options(), port: port, log: { logged.add($0) })
        await #expect {
            try await server.run()
        } throws: { error in
            (error as? BuildError)?.description.contains("refusing to replace this directory with the site: it holds `thesis.docx`") == true
        }
        #expect(logged.all.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["thesis.docx"])
    }

    @Test func aHostThatIsNoIPv4AddressIsNamed() async throws {
        let workspace = try IncrementalBuildTests.Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let server = PreviewServer(options: workspace.options(), host: "1.2.3", port: 8000, log: { _ in })
        await #expect(throws: ListenFailure(host: "1.2.3", port: 8000, reason: "not an IPv4 address")) {
            try await server.run()
        }
        #expect(ListenFailure(host: "1.2.3", port: 8000, reason: "not an IPv4 address").description
                == "error: cannot serve on 1.2.3:8000: not an IPv4 address")
    }
}
