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

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

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
