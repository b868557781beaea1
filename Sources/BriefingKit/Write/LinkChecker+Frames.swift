/// The links of a page put in a new layout (`PageFrame`), told without scanning its content's.
extension LinkChecker {
    /// Whether the new page has the links of the old one: the same content between frames whose
    /// `id`, `href` and `src` attributes are the same, in the same order, with the content
    /// beginning and ending outside any tag and comment in both (the attributes of the whole are
    /// then those of the frame before, the content and the frame after, one after the other).
    /// With the same files in the site, `scan` would find the same links in both.
    static func sameLinks(old: UnsafeBufferPointer<UInt8>, oldFrame: PageFrame, new: UnsafeBufferPointer<UInt8>, newFrame: PageFrame) -> Bool {
        guard oldFrame.contentLength == newFrame.contentLength,
              oldFrame.contentOffset + oldFrame.contentLength <= old.count, newFrame.contentOffset + newFrame.contentLength <= new.count else {
            return false
        }
        let content = UnsafeBufferPointer(rebasing: new[newFrame.contentOffset..<(newFrame.contentOffset + newFrame.contentLength)])
        // The same content: a page put in a new layout has its old content by construction; compared all the same.
        guard ByteSearch.same(content, UnsafeBufferPointer(rebasing: old[oldFrame.contentOffset..<(oldFrame.contentOffset + oldFrame.contentLength)])),
              HTMLScan.attributes(in: content, named: linkNames, { _, _, _ in }) else { return false }
        return sameFrames(old: old, oldFrame: oldFrame, new: new, newFrame: newFrame)
    }

    /// The same for a page whose content was spliced (`PageSplice`): its segments cut at the
    /// page's top blocks, outside any tag, those it kept in their order, and at each place among
    /// them the parts it left out there (`removed`, in the old content) with the link attributes
    /// of the parts it added there (`added`, in the new), in the same order (each part beginning
    /// and ending outside any tag and comment). The new content's link attributes are then the
    /// old one's, one after the other: a new label on a link, or a new paragraph without any,
    /// keeps the page's links.
    static func sameLinks(old: UnsafeBufferPointer<UInt8>, oldFrame: PageFrame, new: UnsafeBufferPointer<UInt8>, newFrame: PageFrame,
                          removed: [[Range<Int>]], added: [[Range<Int>]]) -> Bool {
        guard oldFrame.contentOffset + oldFrame.contentLength <= old.count, newFrame.contentOffset + newFrame.contentLength <= new.count,
              removed.count == added.count else {
            return false
        }
        /// The link attributes of these parts, one after the other; nil when one ends inside a tag or comment.
        func attributes(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ ranges: [Range<Int>]) -> [UInt8]? {
            var all: [UInt8] = []
            for range in ranges {
                let part = linkAttributes(UnsafeBufferPointer(rebasing: bytes[(offset + range.lowerBound)..<(offset + range.upperBound)]))
                guard part.outside else { return nil }
                all += part.bytes
            }
            return all
        }
        for (left, put) in zip(removed, added) {
            guard let before = attributes(old, oldFrame.contentOffset, left), let after = attributes(new, newFrame.contentOffset, put),
                  before == after else { return false }
        }
        return sameFrames(old: old, oldFrame: oldFrame, new: new, newFrame: newFrame)
    }

    /// Whether the layout around the content has the same link attributes in both, and ends outside any tag before it.
    private static func sameFrames(old: UnsafeBufferPointer<UInt8>, oldFrame: PageFrame, new: UnsafeBufferPointer<UInt8>, newFrame: PageFrame) -> Bool {
        func parts(_ bytes: UnsafeBufferPointer<UInt8>, _ frame: PageFrame) -> (before: UnsafeBufferPointer<UInt8>, after: UnsafeBufferPointer<UInt8>) {
            (UnsafeBufferPointer(rebasing: bytes[..<frame.contentOffset]),
             UnsafeBufferPointer(rebasing: bytes[(frame.contentOffset + frame.contentLength)...]))
        }
        let (oldBefore, oldAfter) = parts(old, oldFrame), (newBefore, newAfter) = parts(new, newFrame)
        let before = linkAttributes(newBefore), oldBeforeAttributes = linkAttributes(oldBefore)
        guard before.outside, oldBeforeAttributes.outside, before.bytes == oldBeforeAttributes.bytes else { return false }
        return linkAttributes(newAfter).bytes == linkAttributes(oldAfter).bytes
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
