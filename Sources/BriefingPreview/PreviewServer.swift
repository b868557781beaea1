import BriefingKit
import FlyingFox
import FlyingSocks
import Foundation

/// `briefing serve`: builds, serves the output on loopback, rebuilds when the content or the
/// templates change, and reloads open pages. A failed rebuild shows its error in the page and the
/// last good site stays served (the build is atomic).
public actor PreviewServer {
    public let options: SiteBuilder.Options
    public let host: String
    public let port: UInt16
    /// Whether each rebuild's log shows what each template's pages cost (`--template-metrics`).
    public let templateMetrics: Bool
    private var version = 0
    private var error: String?
    private var watcher: SourceWatcher?
    private let log: @Sendable (String) -> Void

    public init(options: SiteBuilder.Options, host: String = "127.0.0.1", port: UInt16 = 8000, templateMetrics: Bool = false,
                log: @escaping @Sendable (String) -> Void) {
        self.options = options.followingOutputLink
        self.host = host
        self.port = port
        self.templateMetrics = templateMetrics
        self.log = log
    }

    /// The path prefix of the server's own endpoints; never a file of the site.
    static let endpoint = "/__briefing/"

    /// Listens, builds, logs "Serving" and serves until cancelled. The port is taken before the
    /// first build: a port in use fails the command at once, not after a build of the briefing.
    /// "Serving" is logged once the socket listens and the first build is done: a browser (or a
    /// test) that opens the address on that line is not refused.
    ///
    /// A content directory that is not there, or an output directory no build may replace
    /// (`SiteBuilder.checkDirectories`), fails the command before anything else: the server would
    /// show what the output holds as the site.
    public func run() async throws {
        try SiteBuilder.checkDirectories(options)
        // Watching from before the first build: a file saved while it runs is not missed.
        watcher = SourceWatcher([options.content, options.templates])
        let address: sockaddr_in
        do {
            address = try sockaddr_in.inet(ip4: host, port: port)
        } catch {
            throw ListenFailure(host: host, port: port, reason: "not an IPv4 address")
        }
        // FlyingFox's own log is off: it printed a failure to listen twice, before this server's
        // message, which names the address and what to do.
        let server = HTTPServer(address: address, logger: .disabled)
        let output = options.output
        await server.appendRoute(HTTPRoute("GET \(Self.endpoint)status")) { [weak self] (_: HTTPRequest) in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return await self.statusResponse()
        }
        await server.appendRoute(HTTPRoute("GET \(Self.endpoint)reload.js")) { (_: HTTPRequest) in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8"], body: Data(Self.reloadScript.utf8))
        }
        await server.appendRoute(HTTPRoute("GET *")) { (request: HTTPRequest) in
            Self.file(request.path, in: output)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [host, port] in
                do {
                    try await server.run()
                } catch let error as SocketError {
                    guard case .failed(let type, let errno, let message) = error else { throw error }
                    throw ListenFailure(host: host, port: port, reason: errno == EADDRINUSE
                        ? "the port is in use (another `briefing serve`?); choose another with --port"
                        : "\(type.lowercased()): \(message)")
                }
            }
            group.addTask { try await server.waitUntilListening(timeout: 60) }
            // The first task to end: listening, or the server's failure to listen (thrown here,
            // which cancels the wait). Not `waitForAll`, which waits for every task before it throws.
            _ = try await group.next()
            rebuild(reason: "first build")
            let watching = Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: 100_000_000)
                    await self?.rebuildIfChanged()
                }
            }
            defer { watching.cancel() }
            log("Serving \(options.output.lastPathComponent)/ on http://\(host):\(port)/ (Ctrl-C to stop)")
            while try await group.next() != nil {}
        }
    }

    func statusResponse() -> HTTPResponse {
        let body = (try? JSONSerialization.data(withJSONObject: ["version": version, "error": error.map { $0 as Any } ?? NSNull()], options: [.sortedKeys])) ?? Data()
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .init("Cache-Control"): "no-store"], body: body)
    }

    /// Rebuilds when a file changed, once the files have been still for a tenth of a second (a
    /// save that writes twice, a checkout of many files: one rebuild), or after 2 s of changes.
    func rebuildIfChanged() async {
        guard let watcher, watcher.changed() else { return }
        let start = DispatchTime.now().uptimeNanoseconds
        repeat {
            try? await Task.sleep(nanoseconds: 100_000_000)
        } while watcher.changed() && DispatchTime.now().uptimeNanoseconds - start < 2_000_000_000
        rebuild(reason: Self.reason(watcher.takeChanges()))
    }

    /// What a rebuild's log line names: the file changed, a few and how many more, or "change"
    /// when the kernel did not say which (`SourceWatcher.takeChanges`).
    static func reason(_ changes: (first: [String], more: Int)) -> String {
        guard !changes.first.isEmpty else { return "change" }
        return changes.first.joined(separator: ", ") + (changes.more > 0 ? " and \(changes.more) more" : "")
    }

    func rebuild(reason: String) {
        do {
            let report = try SiteBuilder.build(options)
            version += 1
            error = nil
            for line in Self.rebuilt(report, reason: reason, templateMetrics: templateMetrics) { log(line) }
        } catch let failure {
            version += 1
            error = failure.description
            log("Build failed; still serving the last good site:\n\(failure.description)")
        }
    }

    /// What a rebuild logs: its pages, how many were rendered again (the rest kept from the last
    /// build: the cache at work), its warnings and time; each warning; and, when asked, what each
    /// template's pages cost, as `briefing build --template-metrics` prints it.
    static func rebuilt(_ report: SiteBuilder.Report, reason: String, templateMetrics: Bool) -> [String] {
        let rendered = report.pagesRendered < report.pages
            ? " (\(report.pagesRendered) rendered, \(report.pages - report.pagesRendered) unchanged)" : ""
        var lines = ["Rebuilt (\(reason)): \(report.pages) pages\(rendered), \(report.diagnostics.count) warning(s), "
            + String(format: "%.2f s", report.seconds)]
        if let problem = report.cacheProblem { lines.append(problem) }
        // In the order `briefing build` prints them: by file, then line.
        lines += report.diagnostics.sorted().map(\.description)
        if templateMetrics { lines += report.templateMetrics.printed }
        return lines
    }

    /// A file of the site. `/` and folders map to `index.html`; nothing outside the folder is served.
    static func file(_ requestPath: String, in root: URL) -> HTTPResponse {
        var path = (requestPath.removingPercentEncoding ?? requestPath).split(separator: "?").first.map(String.init) ?? "/"
        if path.hasSuffix("/") { path += "index.html" }
        // Split at the byte, as the file system does: split by characters, a slash and a combining
        // mark after it are one character, and `/../\u{301}x` had no `..` part. What is left is
        // checked as every file of the site was when it was written (`SafePath`).
        let parts = path.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
        guard SafePath.isSafe(parts.joined(separator: "/")) else {
            return HTTPResponse(statusCode: .badRequest)
        }
        var url = root
        for part in parts { url.appendPathComponent(part) }
        if FileTree.exists(url, directory: true) { url.appendPathComponent("index.html") }
        guard let data = try? Data(contentsOf: url) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("Not found: \(path)\n".utf8))
        }
        let type = contentType(url.pathExtension)
        if type.hasPrefix("text/html") {
            let html = String(decoding: data, as: UTF8.self)
            let script = "<script src=\"\(endpoint)reload.js\"></script>"
            let injected = html.replacingOccurrences(of: "</body>", with: script + "</body>")
            return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .init("Cache-Control"): "no-store"], body: Data(injected.utf8))
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .init("Cache-Control"): "no-store"], body: data)
    }

    static func contentType(_ ext: String) -> String {
        switch ext.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "ico": return "image/x-icon"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    /// Injected into served pages only (never written to the site): polls the status and reloads
    /// on a new build, or shows the build error over the page.
    static let reloadScript = """
    (function () {
      var seen = null;
      function show(error) {
        var box = document.getElementById("briefing-build-error");
        if (!error) { if (box) box.remove(); return; }
        if (!box) {
          box = document.createElement("pre");
          box.id = "briefing-build-error";
          box.setAttribute("role", "alert");
          box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;margin:0;padding:1rem;" +
            "background:#5c0011;color:#fff;font:13px/1.4 monospace;z-index:1000;white-space:pre-wrap";
          document.body.appendChild(box);
        }
        box.textContent = "Build failed; showing the last good site.\\n\\n" + error;
      }
      function poll() {
        fetch("\(endpoint)status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
          if (seen !== null && s.version !== seen && !s.error) { location.reload(); return; }
          seen = s.version;
          show(s.error);
        }).catch(function () {}).then(function () { setTimeout(poll, 700); });
      }
      poll();
    })();
    """
}
