#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether this string's UTF-8 bytes come before `other`'s: the order of
    /// `utf8.lexicographicallyPrecedes(other.utf8)` (a prefix first), the order every list the
    /// site writes is sorted in (paths, ids, terms). Compared with `memcmp` over the strings'
    /// storage rather than byte by byte through the generic collection, which was a third of
    /// sorting twelve thousand paths.
    func bytesPrecede(_ other: String) -> Bool {
        let compared = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b -> Bool in
                let common = Swift.min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
        return (compared ?? nil) ?? utf8.lexicographicallyPrecedes(other.utf8)
    }
}
