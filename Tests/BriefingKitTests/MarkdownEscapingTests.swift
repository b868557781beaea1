import Testing
@testable import BriefingKit

@Suite("Markdown escaping and rendering")
struct MarkdownEscapingTests {
    @Test func everySpecialCharacterShowsLiterally() {
        let title = "A *bold* _claim_ [link](x) <b>tag</b> # not a heading `code` & more"
        let html = MarkdownDocument.html(from: "# " + MarkdownEscaping.escape(title) + "\n")
        #expect(html == "<h1>A *bold* _claim_ [link](x) &lt;b&gt;tag&lt;/b&gt; # not a heading `code` &amp; more</h1>\n")
    }

    /// An id or class name is read as bytes: the same answer as its definition on characters.
    @Test func blockAttributeNamesAsTheirDefinitionSays() {
        func definition(_ name: Substring) -> Bool {
            !name.isEmpty && name.count <= 128 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-:".contains($0)) }
        }
        let names = ["p3", "note-a_b:c", "", "a b", "é", "x\r\ny", "\r\n", "A-Z_09", "a.b", "a#b", "a{b}", "ａ", "٣", "x\u{301}",
                     String(repeating: "a", count: 128), String(repeating: "a", count: 129), "@", "[", "`", "{", "/", "-", ":", "_"]
            + (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        for name in names { #expect(BlockAttributes.isValidName(Substring(name)) == definition(Substring(name)), "\(name.debugDescription)") }
        #expect(BlockAttributes.isValidName("note-a_b:c") && !BlockAttributes.isValidName(Substring(String(repeating: "a", count: 129))))
    }

    /// A block attribute marker is read as bytes when it is ASCII: the same attributes as its
    /// definition on Unicode scalars and characters, on 3,000 random markers.
    @Test func blockAttributeMarkersAsTheirDefinitionSays() {
        let open = String(Character(MarkdownEscaping.attributeOpen)), close = String(Character(MarkdownEscaping.attributeClose))
        #expect(BlockAttributes(marker: open + "#p3 .body .x-y" + close) == BlockAttributes(id: "p3", classes: ["body", "x-y"]))
        #expect(BlockAttributes(marker: open + "::: aside {#n1 .sidenote}" + close)
                    == BlockAttributes(id: "n1", classes: ["sidenote"], fence: .open("aside")))
        #expect(BlockAttributes(marker: open + ":::" + close) == BlockAttributes(fence: .close))
        #expect(BlockAttributes(marker: open + "::: span .a" + close) == BlockAttributes(classes: ["a"], fence: .open("div")))
        #expect(BlockAttributes(marker: "#p3" + close) == nil && BlockAttributes(marker: open + "#p3") == nil)
        let pieces = [" ", "\t", "\r", "\n", "\r\n", ":", ":::", "{", "}", "#", ".", "a", "Z", "9", "-", "_", "p3", "é", "\u{A0}",
                      "aside", "section", "div", "span", "@", open, close, "\u{301}", "\u{85}"]
        var state: UInt64 = 0x2545F4914F6CDD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let inner = (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
            let marker = (next(8) == 0 ? "" : open) + (next(3) == 0 ? ":::" : "") + inner + (next(8) == 0 ? "" : close)
            #expect(BlockAttributes(marker: marker) == BlockAttributes(scalarsOf: marker), "\(marker.debugDescription)")
        }
    }

    @Test func valuesCannotStartBlocks() {
        for value in ["# Heading", "- item", "1. item", "> quote", "    code", "---", "===", "```"] {
            let html = MarkdownDocument.html(from: MarkdownEscaping.escape(value) + "\n")
            #expect(html.hasPrefix("<p>"), "\(value) → \(html)")
        }
    }

    @Test func newlinesAndReservedCharactersAreRemoved() {
        #expect(MarkdownEscaping.escape("one\n\ntwo\u{E000}#x\u{E001}") == "one two\\#x")
    }

    @Test func unsafeLinksAndImagesBecomeTheirText() {
        let markdown = """
            [a](javascript:x()) [b](JaVaScRiPt:x) [c](&#106;avascript:x) [d](<java\tscript:x>) \
            [e](data:text/html,x) [f](vbscript:x) [g](file:///etc/passwd) [h]() ![alt *text*](javascript:x) \
            ![i](data:image/png;base64,AA==) [**j**](https://example.org/a:b) [k](../actors/x.html#p1) \
            [l](mailto:desk@example.org) [m](#p3) [n](a%3Ab)

            """
        let html = MarkdownDocument.html(from: markdown)
        #expect(html == """
            <p>a b c d e f g h alt <em>text</em> i <a href="https://example.org/a:b"><strong>j</strong></a> \
            <a href="../actors/x.html#p1">k</a> <a href="mailto:desk@example.org">l</a> <a href="#p3">m</a> <a href="a%3Ab">n</a></p>

            """)
    }

    @Test func addressSafety() {
        for safe in ["https://x.org", "HTTP://x", "mailto:a@b", "tel:+1", "../a.html", "#p1", "a/b:c", "?q=a:b", "a b:c"] {
            #expect(MarkdownDocument.isSafeAddress(safe), "\(safe)")
        }
        for unsafe in ["", " ", "javascript:x", " \u{01}javascript:x", "java\tscript:x", "java\nscript:x", "data:,", "ftp://x", "blob:x"] {
            #expect(!MarkdownDocument.isSafeAddress(unsafe), "\(unsafe.debugDescription)")
        }
    }

    @Test func rawHTMLAndJavascriptLinksAreDropped() {
        let html = MarkdownDocument.html(from: "<script>alert(1)</script>\n\nA [link](javascript:alert(1)) <img src=x onerror=alert(1)>\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<img"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func gfmExtensionsAreOn() {
        let html = MarkdownDocument.html(from: "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ and https://example.com\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"https://example.com\">https://example.com</a>"))
    }

    @Test func fragmentsAreInsertedOnceEscaped() throws {
        #expect(MarkdownFragment(plain: "*x*").markdown == "\\*x\\*")
        #expect(MarkdownFragment(markdown: "*x*").markdown == "*x*")
        #expect(MarkdownFragment(markdown: "```\nopen fence").markdown == "```\nopen fence\n```")
        let escaper = MarkdownContentType()
        #expect(escaper.escapeText(MarkdownFragment(markdown: "**bold**").renderText) == "**bold**")
        #expect(escaper.escapeText("**bold**") == "\\*\\*bold\\*\\*")
    }
}

@Suite("Markdown escaping, byte by byte")
struct EscapingEquivalenceTests {
    /// The scalar-by-scalar definition that `escape` implements on UTF-8 bytes.
    func reference(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if MarkdownEscaping.isWhitespace(scalar) { pendingSpace = true; continue }
            if MarkdownEscaping.isDropped(scalar) { continue }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            if scalar.isASCII, MarkdownEscaping.isASCIIPunctuation(scalar) { out.append("\\") }
            out.append(scalar)
        }
        if pendingSpace { out.append(" ") }
        return String(out)
    }

    @Test func bytesGiveWhatScalarsGive() {
        // One-, two-, three- and four-byte scalars, Unicode white space, controls, reserved ones.
        let alphabet: [Unicode.Scalar] = ["a", "Z", "0", " ", "\t", "\n", "*", "_", "[", "\\", "é", "\u{A0}", "\u{85}", "\u{2028}",
                                          "\u{3000}", "—", "“", "\u{E000}", "\u{E005}", "\u{7F}", "\u{1}", "😀", "\u{10FFFF}", "\u{301}"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(seed >> 59) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            let string = String(text)
            #expect(MarkdownEscaping.escape(string) == reference(string), "\(string.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(MarkdownEscaping.escape("a\u{A0}\u{A0}b *c* 😀") == "a b \\*c\\* 😀")
    }

    /// White space is listed beyond ASCII, not asked of the property tables: the list is Unicode's.
    @Test func whiteSpaceIsUnicodesWhiteSpace() {
        let scalars = (UInt32(0)...0x10FFFF).compactMap { Unicode.Scalar($0) }
        let differing = scalars.filter { MarkdownEscaping.isWhitespace($0) != $0.properties.isWhitespace }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { String($0.value, radix: 16) })")
        #expect(MarkdownEscaping.escape("\u{FEFF}a\u{2009}b\u{3000}\u{FEFF}") == "&#xFEFF;a b \u{FEFF}")
    }

    /// Fragment markers are left out on bytes as the scalar filter leaves them out; a fragment's
    /// marker comes off whole, even when a combining mark follows it.
    @Test func fragmentMarkersComeOffOnBytes() {
        let marker = MarkdownEscaping.fragmentMarker
        let alphabet: [Unicode.Scalar] = ["a", " ", "\n", "*", "é", "\u{301}", "😀", "\u{E001}", "\u{E003}", marker, marker]
        var random = IncrementalBuildTests.Random(state: 7)
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<random.next(14) { text.append(alphabet[random.next(alphabet.count)]) }
            let string = String(text)
            let reference = String(String.UnicodeScalarView(string.unicodeScalars.filter { $0 != marker }))
            #expect(PageRenderer.removingFragmentMarkers(string) == reference, "\(string.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        let escaper = MarkdownContentType()
        #expect(escaper.escapeText("\u{E002}\u{301}é *x*") == "\u{301}é *x*")
        #expect(escaper.escapeText("\u{E002}") == "")
        #expect(escaper.escapeText("*\u{E002}") == "\\*")
    }
}

@Suite("Block attributes")
struct BlockAttributeTests {
    func render(_ template: String) -> String {
        MarkdownDocument.html(from: BlockAttributes.markLines(in: template))
    }

    @Test func onTheFirstLineOfAParagraph() {
        #expect(render("{#p3 .body}\nSome text.\n") == "<p id=\"p3\" class=\"body\">\nSome text.\n</p>\n")
    }

    @Test func onALineOfTheirOwnForTheNextBlock() {
        #expect(render("{.list}\n- a\n- b\n") == "<div class=\"list\">\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n</div>\n")
        #expect(render("{#top}\n# Title\n") == "<h1 id=\"top\">\nTitle\n</h1>\n")
    }

    @Test func insideListItemsAndQuotes() {
        #expect(render("- {#p2}\n  Item text\n") == "<ul>\n<li>\n<p id=\"p2\">\nItem text\n</p>\n</li>\n</ul>\n")
        #expect(render("> {#p4}\n> Quoted\n") == "<blockquote>\n<p id=\"p4\">\nQuoted\n</p>\n</blockquote>\n")
    }

    @Test func invalidNamesAreDropped() {
        #expect(render("{#\"onload=x .ok}\nText\n") == "<p class=\"ok\">\nText\n</p>\n")
    }

    @Test func contentCannotForgeAttributes() {
        // An inserted value is escaped and never marked: it shows as text.
        let html = MarkdownDocument.html(from: BlockAttributes.markLines(in: "Text\n") + "\n" + MarkdownEscaping.escape("{#evil}") + "\n")
        #expect(html == "<p>Text</p>\n<p>{#evil}</p>\n")
    }
}

@Suite("Block attributes, empty")
struct EmptyBlockAttributeTests {
    @Test func emptyAttributesLeaveTheBlockAlone() {
        // `{#{{titleAnchor}}}` with no anchor renders `{#}`.
        #expect(MarkdownDocument.html(from: BlockAttributes.markLines(in: "{#}\n# Title\n")) == "<h1>Title</h1>\n")
        #expect(MarkdownDocument.html(from: BlockAttributes.markLines(in: "{#}\nText\n")) == "<p>Text</p>\n")
    }

    @Test func htmlEscapingOnBytes() {
        #expect(HTML.escape("Tom & Jerry's <b>\"show\"</b>") == "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;show&quot;&lt;/b&gt;")
        #expect(HTML.escape("Zelenskyy — Київ") == "Zelenskyy — Київ")
        #expect(HTML.escape("") == "")
        // A combining mark after `&` does not hide it from the browser, nor from the escaping.
        #expect(HTML.escape("&\u{301}<") == "&amp;\u{301}&lt;")
        // Against the definition on characters, on text without combining marks.
        let pieces = ["&", "<", ">", "\"", "'", "a", "é", "日", "𝑥", " ", "&amp;"]
        var random = IncrementalBuildTests.Random(state: 23)
        for _ in 0..<2000 {
            let text = (0..<random.next(12)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let reference = text.map { ch -> String in
                switch ch {
                case "&": return "&amp;"
                case "<": return "&lt;"
                case ">": return "&gt;"
                case "\"": return "&quot;"
                case "'": return "&#39;"
                default: return String(ch)
                }
            }.joined()
            #expect(HTML.escape(text) == reference)
        }
    }
}

