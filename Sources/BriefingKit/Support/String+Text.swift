extension StringProtocol {
    /// Without leading and trailing spaces, tabs and newlines (Unicode white space included).
    var trimmingWhitespace: String {
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = lastIndex(where: { !$0.isWhitespace })!
        return String(self[start...end])
    }

    /// Every run of white space, newlines included, becomes one space; the ends are trimmed.
    /// Works on Unicode scalars, like `MarkdownEscaping.collapsing`: a combining mark after white
    /// space is kept (as characters, white space and the mark are one, and would be dropped).
    var collapsingWhitespace: String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if MarkdownEscaping.isWhitespace(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}
