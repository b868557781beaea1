import Foundation
import Yams

/// `Content/briefing.yml`: the briefing's title, description, language, optional `base_url`,
/// `list_limit` and `feed_limit`.
public struct SiteSettings: Sendable, Hashable, Encodable {
    public var title: String
    public var description: String
    /// BCP 47 language tag for `<html lang>`.
    public var language: String
    /// Absolute address where the site is published, e.g. `https://example.org/briefings/ukraine/`.
    /// Pages never need it: every internal link is relative. Later features (feed, sitemap) use it.
    public var baseURL: String?
    /// An actor or a date named in more articles than this lists its mentions on one page per
    /// month of publication (`MentionArchive`) instead of on its own page.
    public var listLimit: Int
    /// How many of the newest articles `feed.xml` holds; nil for every article (`feed_limit: all`).
    /// A feed reader fetches the whole file each time it looks for news: at 10,000 articles a feed
    /// of all of them is 5 MB.
    public var feedLimit: Int?

    /// The settings a file may give; any other is reported and ignored.
    public static let fields = ["title", "description", "language", "base_url", "list_limit", "feed_limit"]

    public static let defaultListLimit = 300
    public static let defaultFeedLimit = 50

    public init(title: String = "Briefing", description: String = "", language: String = "en", baseURL: String? = nil,
                listLimit: Int = SiteSettings.defaultListLimit, feedLimit: Int? = SiteSettings.defaultFeedLimit) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.listLimit = listLimit
        self.feedLimit = feedLimit
    }

    /// Reads the settings file; a missing file gives the defaults, a bad one gives diagnostics and
    /// the defaults for the fields it could not read.
    /// `read` reads the file (a build's keeps the digest of the bytes it read).
    public static func load(_ url: URL, displayPath: String,
                            reading read: (URL) throws -> [UInt8] = FileTree.read) -> (SiteSettings, [Diagnostic]) {
        var settings = SiteSettings()
        guard let bytes = try? read(url) else {
            return (settings, [Diagnostic(file: displayPath, "no settings file; using the title \"Briefing\"")])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (settings, [Diagnostic(file: displayPath, "invalid UTF-8; using default settings")])
        }
        var diagnostics: [Diagnostic] = []
        let mapping: Node.Mapping
        do {
            guard let node = try YAMLText.compose(text), let map = node.mapping else {
                return (settings, [Diagnostic(file: displayPath, line: 1, "expected `key: value` lines; using default settings")])
            }
            mapping = map
        } catch let error as YamlError {
            return (settings, [Diagnostic(file: displayPath, line: error.line(in: text), "invalid YAML: \(error.problemText)")])
        } catch {
            return (settings, [Diagnostic(file: displayPath, "invalid YAML: \(error)")])
        }
        let lastLine = YAMLText.lastLine(of: text)
        for (key, value) in mapping {
            let line = value.mark.map { min($0.line, lastLine) }
            guard let name = key.string else { continue }
            guard let string = value.string?.trimmingWhitespace else {
                diagnostics.append(Diagnostic(file: displayPath, line: line, "`\(name)` must be a single line of text"))
                continue
            }
            switch name {
            case "title": settings.title = string.isEmpty ? settings.title : string
            case "description": settings.description = string
            case "language":
                if string.range(of: "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", options: .regularExpression) != nil {
                    settings.language = string
                } else {
                    diagnostics.append(Diagnostic(file: displayPath, line: line, "`language` must be a language tag such as `en` or `en-GB`"))
                }
            case "base_url":
                if string.isEmpty { continue }
                if let url = ExternalURL.sanitize(string) {
                    settings.baseURL = url.hasSuffix("/") ? url : url + "/"
                } else {
                    diagnostics.append(Diagnostic(file: displayPath, line: line, "`base_url` must be an http(s) address; ignored"))
                }
            case "list_limit":
                if let limit = Int(string), limit > 0 {
                    settings.listLimit = limit
                } else {
                    diagnostics.append(Diagnostic(file: displayPath, line: line,
                                                  "`list_limit` must be a whole number above 0; using \(SiteSettings.defaultListLimit)"))
                }
            case "feed_limit":
                if string == "all" {
                    settings.feedLimit = nil
                } else if let limit = Int(string), limit > 0 {
                    settings.feedLimit = limit
                } else {
                    diagnostics.append(Diagnostic(file: displayPath, line: line,
                                                  "`feed_limit` must be a whole number above 0 or `all`; using \(SiteSettings.defaultFeedLimit)"))
                }
            default:
                diagnostics.append(Diagnostic(file: displayPath, line: line,
                                              "unknown setting `\(name)` ignored; expected one of \(Self.fields.joined(separator: ", "))"))
            }
        }
        return (settings, diagnostics)
    }
}
