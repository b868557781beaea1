/// A date value as pages name it (`TimexValue.label`), and whether it can be an HTML `datetime`.
struct DateLabel: Sendable {
    let text: String
    let isHTMLDatetime: Bool

    init(_ value: String) {
        text = TimexValue.label(value)
        isHTMLDatetime = TimexValue.isHTMLDatetime(value)
    }
}
