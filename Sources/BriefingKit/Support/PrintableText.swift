/// Text from the input made safe to print on a terminal.
///
/// A file name or a line of an article can hold escape sequences (`ESC[2J` clears the screen, an
/// OSC sequence can set the window title or a hyperlink) and bidirectional overrides that make a
/// message read differently from what it says. Diagnostics show them as `\u{1B}` instead.
enum PrintableText {
    /// `keepingLineBreaks` leaves `\n` as it is, for messages of several lines.
    static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        func shown(_ scalar: Unicode.Scalar) -> Bool { keepingLineBreaks && scalar == "\n" }
        guard text.unicodeScalars.contains(where: { isHidden($0) && !shown($0) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) && !shown(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 and C1 controls (a tab included), DEL, and the bidirectional embeddings, overrides and isolates.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
