/// The links of a page put in a new layout (`PageFrame`), told without scanning its content's.
extension LinkChecker {
    /// Whether a page put in a new layout has the links it had: its content is the old file's,
    /// byte for byte (`SiteBuilder.remake` copies it from there), between layout parts whose `id`,
    /// `href` and `src` attributes are the same, in the same order, the parts before it ending
    /// outside any tag and comment in both. The content, as the renderer made it, begins and ends
    /// outside any tag (cmark-gfm's HTML, without raw HTML, and the tags the generator adds are
    /// whole), so the attributes of each page are those of the part before, the content and the
    /// part after, one after the other. The old file is the one the last build wrote, known by its
    /// stamp, as a page kept whole is.
    static func sameLinks(around old: (before: UnsafeBufferPointer<UInt8>, after: UnsafeBufferPointer<UInt8>),
                          and new: (before: UnsafeBufferPointer<UInt8>, after: UnsafeBufferPointer<UInt8>)) -> Bool {
        let before = linkAttributes(new.before), oldBefore = linkAttributes(old.before)
        guard before.outside, oldBefore.outside, before.bytes == oldBefore.bytes else { return false }
        return linkAttributes(new.after).bytes == linkAttributes(old.after).bytes
    }

    /// The same for a page whose content was spliced (`PageSplice`): its segments cut at the
    /// page's top blocks, outside any tag, those it kept in their order, and at each place among
    /// them the parts it left out there (`removed`, of the old content) with the link attributes
    /// of the parts it added there (`added`, of the new), in the same order (each part beginning
    /// and ending outside any tag and comment). The new content's link attributes are then the
    /// old one's, one after the other: a new label on a link, or a new paragraph without any,
    /// keeps the page's links.
    static func sameLinks(around old: (before: UnsafeBufferPointer<UInt8>, after: UnsafeBufferPointer<UInt8>),
                          and new: (before: UnsafeBufferPointer<UInt8>, after: UnsafeBufferPointer<UInt8>),
                          places: [(removed: [ArraySlice<UInt8>], added: [ArraySlice<UInt8>])]) -> Bool {
        /// The link attributes of these parts, one after the other; nil when one ends inside a tag or comment.
        func attributes(_ parts: [ArraySlice<UInt8>]) -> [UInt8]? {
            var all: [UInt8] = []
            for part in parts {
                let found = part.withUnsafeBufferPointer(linkAttributes)
                guard found.outside else { return nil }
                all += found.bytes
            }
            return all
        }
        for place in places {
            guard let before = attributes(place.removed), let after = attributes(place.added), before == after else { return false }
        }
        return sameLinks(around: old, and: new)
    }

    /// The attributes `scan` reads, lower case, in its order.
    private static let linkNames = ["id", "href", "src"].map { Array($0.utf8) }

    /// The `id`, `href` and `src` attributes of a part of a page, each as its place in `linkNames`,
    /// its value's length and bytes, one after the other; and whether the part ends outside any tag and comment.
    private static func linkAttributes(_ part: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], outside: Bool) {
        var bytes: [UInt8] = []
        let outside = HTMLScan.attributes(in: part, named: linkNames) { _, number, value in
            bytes.append(UInt8(number))
            withUnsafeBytes(of: UInt32(value.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: value)
        }
        return (bytes, outside)
    }
}
