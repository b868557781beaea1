import Foundation
@testable import BriefingKit

/// Paths of the fixtures in `Tests/Fixtures/` and of the repository's own templates.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let root = repository.appendingPathComponent("Tests/Fixtures")
    static let site = root.appendingPathComponent("site")
    static let siteContent = site.appendingPathComponent("Content")
    static let articles = siteContent.appendingPathComponent("articles")
    static let bad = root.appendingPathComponent("bad")
    static let templates = repository.appendingPathComponent("Templates")

    static func article(_ name: String) throws -> Article {
        let url = articles.appendingPathComponent(name)
        let id = (name as NSString).deletingPathExtension
        let result = ArticleLoader.read(bytes: Array(try Data(contentsOf: url)), id: id, sourceFile: "articles/" + name)
        guard let article = result.article else { throw FixtureError.notLoaded(name, result.problems) }
        return article
    }

    /// A new empty directory for one test, inside this test run's own folder, which is removed
    /// when the run ends (whether or not each test removed its own).
    static func temporaryDirectory() throws -> URL {
        let url = temporaryRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `briefing-tests-<uuid>` in the system's temporary folder, removed at exit.
    static let temporaryRoot: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        temporaryRootPath = root.path
        atexit { if let path = temporaryRootPath { try? FileManager.default.removeItem(atPath: path) } }
        return root
    }()
}

/// For the `atexit` handler, which cannot capture context.
nonisolated(unsafe) private var temporaryRootPath: String?

extension Fixtures {
    /// Every file below a directory, path → bytes.
    static func snapshot(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileTree.files(under: directory) {
            files[path] = try Data(contentsOf: directory.appendingPathComponent(path))
        }
        return files
    }
}

enum FixtureError: Error {
    case notLoaded(String, [LoadProblem])
}
