@testable import BriefingKit

/// What the date resolver promises: each reference is the exact text at its offset, references
/// come in order without overlapping, a day is a valid calendar day, and every point of a
/// reference can be placed on the timeline.
public enum DateProperties {
    public static func violations(paragraphs: [String], dct: CalendarDay) -> [String] {
        var found: [String] = []
        var resolver = TemporalResolver(dct: dct)
        for paragraph in paragraphs {
            let bytes = Array(paragraph.utf8)
            var end = 0
            for reference in resolver.resolve(paragraph) {
                let range = reference.offset..<(reference.offset + reference.text.utf8.count)
                if reference.offset < end || range.upperBound > bytes.count || !bytes[range].elementsEqual(reference.text.utf8) {
                    found.append("\(reference.text.debugDescription) at \(reference.offset) is not in order in \(paragraph.debugDescription)")
                    continue
                }
                end = range.upperBound
                if reference.granularity == .day, CalendarDay(iso: reference.value) == nil {
                    found.append("day \(reference.value) of \(reference.text.debugDescription) is no calendar day (DCT \(dct))")
                }
                let starts = reference.points.map(TimexValue.start)
                if starts.contains(where: { $0 == nil }) {
                    found.append("points \(reference.points) of \(reference.text.debugDescription) are not all on the calendar (DCT \(dct))")
                } else if starts != starts.sorted(by: { $0! < $1! }) {
                    found.append("points \(reference.points) of \(reference.text.debugDescription) are out of order")
                }
                for value in [reference.value] + reference.points {
                    _ = (TimexValue.label(value), TimexValue.parent(value), TimexValue.isHTMLDatetime(value))
                }
            }
        }
        return found
    }
}
