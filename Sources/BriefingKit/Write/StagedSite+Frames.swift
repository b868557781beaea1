import Foundation

/// A page made from its file in the current output (`PageFrame`): after an edit to the layout
/// alone, a page with the inputs of the last build is its content in the new layout; after an
/// edit to its own template, its content with the template's new chunks spliced in (`PageSplice`).
/// The file is opened, not read: what it keeps is copied from it as the page is written.
extension StagedSite {
    /// The current output's file at `path`, open to be read and copied from, when it is still the
    /// one with this stamp; nil otherwise (then the page is rendered whole).
    func previous(_ path: String, stamp: Stamp) -> CopySource? {
        StagedSite.file(path, under: outputRoot, stamp: stamp)
    }

    /// The file at `path` under the folder `root` (an output directory), open, when it is still the
    /// one with this stamp: for `briefing check` too, which reads the output and writes nothing.
    static func file(_ path: String, under root: String, stamp: Stamp) -> CopySource? {
        openFile(path, under: root, stamp: stamp).map { CopySource(descriptor: $0, count: stamp.size) }
    }

    /// Writes a page made from the last build's file (`SiteBuilder.Remade`): the new layout's
    /// parts written, and the content between them copied from that file by the kernel
    /// (`CopySource.copy`), or the runs of it a spliced page kept copied and its new parts
    /// written; or the whole page written. Nil when the content could not be copied whole (the
    /// file changed since it was opened): the page is then rendered, and written again.
    func write(_ remade: SiteBuilder.Remade, at path: String) throws(BuildError) -> Stamp? {
        let content = remade.oldContent
        let pieces: [PageSplice.Piece], made: [UInt8], before: ArraySlice<UInt8>, after: ArraySlice<UInt8>
        switch remade.made {
        case .whole(let html, _, _):
            return try write(html, at: path)
        case .framed(let layoutBefore, let layoutAfter, _):
            (pieces, made, before, after) = ([.kept(0..<content.count)], [], layoutBefore, layoutAfter)
        case .spliced(let layoutBefore, let layoutAfter, let splice, _, _):
            (pieces, made, before, after) = (splice.pieces, splice.made, layoutBefore, layoutAfter)
        }
        var copied = true
        let stamp = try write(at: path) { (descriptor: Int32) -> Int32 in
            func put(_ part: ArraySlice<UInt8>) -> Bool {
                part.withUnsafeBytes { FileTree.writeAll($0, to: descriptor) == part.count }
            }
            guard put(before) else { return StagedSite.failedWrite() }
            for piece in pieces {
                switch piece {
                case .kept(let run):
                    let range = (content.lowerBound + run.lowerBound)..<(content.lowerBound + run.upperBound)
                    guard remade.previous.file.copy(range, to: descriptor) == range.count else {
                        copied = false
                        return 0
                    }
                case .made(let part):
                    guard put(made[part]) else { return StagedSite.failedWrite() }
                }
            }
            return put(after) ? 0 : StagedSite.failedWrite()
        }
        return copied ? stamp : nil
    }
}
