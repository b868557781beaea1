#if canImport(Glibc)
import Glibc
#endif

/// How the C allocator is told to hand large blocks back to the kernel.
///
/// glibc's malloc serves a block of 128 KiB or more by `mmap`, and gives it back to the kernel
/// when it is freed; but each time such a block is freed it raises that threshold to the block's
/// size, up to 32 MiB. A build renders date and actor pages of several megabytes, so after the
/// first few of them every page buffer and cmark-gfm tree comes from the heap instead, and the
/// freed space stays in the process as scattered holes: 48 MiB of the peak at 10,000 articles
/// (BENCHMARKS.md, "Where the memory goes"). Setting the threshold fixes it, so large blocks are always
/// mapped and always given back. It costs a `mmap` and a `munmap` per large block: no measurable
/// time at that size.
///
/// The `briefing` executable links mimalloc, which takes the place of glibc's malloc (a build
/// spends a third less time: README, *Dependencies*). mimalloc gives freed pages back by itself
/// and has no threshold to set; `trim()` then asks it to collect what its threads have freed.
/// BriefingKit does not link it, so the tests and any other program keep glibc's tuning.
enum MallocTuning {
    /// The allocator the process runs with, found at run time.
    enum Allocator: Equatable { case glibc, mimalloc, other }

    static let allocator: Allocator = {
        #if canImport(Glibc)
        if miCollect != nil { return .mimalloc }
        return mallopt != nil ? .glibc : .other
        #else
        return .other
        #endif
    }()

    /// The threshold, fixed at glibc's own starting value.
    static let mmapThreshold: Int32 = 128 * 1024

    /// Fixes the threshold, once per process (later calls do nothing); true when the allocator
    /// took it. `SiteBuilder.loadAndLink` calls it, before the work starts: blocks already on the heap
    /// stay where they are.
    @discardableResult
    static func apply() -> Bool { applied }

    private static let applied: Bool = {
        #if canImport(Glibc)
        guard allocator == .glibc, let mallopt else { return false }
        return mallopt(mmapThresholdParameter, mmapThreshold) == 1
        #else
        return false
        #endif
    }()

    /// Gives the free pages inside the allocator's arenas back to the kernel (glibc's
    /// `malloc_trim(3)`). Each thread allocates from an arena of its own, and what one thread
    /// frees between the blocks still in use stays in its arena: during the pages of an
    /// incremental build that grows by tens of megabytes. The build calls this every few thousand
    /// pages; a call takes a few milliseconds.
    static let trimEvery = 2048

    /// True when the allocator was asked (`malloc_trim` or `mi_collect`).
    @discardableResult
    static func trim() -> Bool {
        #if canImport(Glibc)
        switch allocator {
        case .mimalloc:
            miCollect?(false)
            return true
        case .glibc:
            guard let mallocTrim else { return false }
            _ = mallocTrim(0)
            return true
        case .other:
            return false
        }
        #else
        return false
        #endif
    }

    /// How long mimalloc keeps freed pages before it gives them back to the kernel, in an
    /// incremental build: 5 ms instead of its default 25 (`decommit_delay`).
    static let incrementalDecommitDelay = 5

    /// For the rest of the build, freed pages go back to the kernel after
    /// `incrementalDecommitDelay` instead of 25 ms. An incremental build of 10,000 articles holds
    /// the last build's cache beside the graph, and with the default its peak came within 23 MiB
    /// of the 512 MiB bound (an added or removed article, 474–489 MiB). Giving pages back at once
    /// (0) from the render stage on, in the builds that made the data files again, held the peak
    /// to 451–473 MiB, but each freed page was a `madvise` call and a TLB shootdown on the other core: 0.2
    /// CPU-s of a 4.3 CPU-s build, and 2 CPU-s for a template edit, which was left out. 5 ms from the
    /// start batches those calls: an added article 2.32 s against 2.33 s at a peak of 435–461 MiB
    /// against 460–472, removed 2.29 s against 2.36 s (medians of four builds, rotating with 0
    /// and 10 ms; in a run of five, 3 ms peaked at 429–468 MiB and 10 ms at 449–472); an `article.md` edit 9.1–9.7
    /// s against 9.3–10.0 at 438–440 MiB against 462–465; no change 1.47 s against 1.36 (within the
    /// host's noise) at 430–443 MiB against 461–470. A clean build, with room below the bound,
    /// keeps the default. Does nothing, and returns nil, with another allocator, or another
    /// mimalloc than 2.0 (Debian 12's 2.0.9), whose options are numbered otherwise.
    ///
    /// The setting is the process's: the build puts it back as it was when it ends (`Setting.restore`),
    /// or a preview server's later clean build would keep it.
    static func givePagesBackSooner() -> Setting? {
        #if canImport(Glibc)
        guard let miOptionSet, let miOptionGet, let version = miVersion?(), version / 10 == 20 else { return nil }
        let earlier = miOptionGet(miOptionDecommitDelay)
        miOptionSet(miOptionDecommitDelay, incrementalDecommitDelay)
        return Setting(option: miOptionDecommitDelay, value: earlier)
        #else
        return nil
        #endif
    }

    /// An allocator option as it was before a build changed it.
    struct Setting {
        let option: Int32
        let value: Int

        func restore() {
            #if canImport(Glibc)
            MallocTuning.miOptionSet?(option, value)
            #endif
        }
    }

    #if canImport(Glibc)
    /// mimalloc's `mi_option_set(mi_option_t, long)`, and the option's number in its 2.0 headers.
    private typealias MiOptionSet = @convention(c) (Int32, Int) -> Void
    private static let miOptionSet: MiOptionSet? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mi_option_set")
        .map { unsafeBitCast($0, to: MiOptionSet.self) }
    private static let miOptionDecommitDelay: Int32 = 15
    /// `mi_option_get(mi_option_t)`.
    private typealias MiOptionGet = @convention(c) (Int32) -> Int
    private static let miOptionGet: MiOptionGet? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mi_option_get")
        .map { unsafeBitCast($0, to: MiOptionGet.self) }
    private typealias MiVersion = @convention(c) () -> Int32
    private static let miVersion: MiVersion? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mi_version")
        .map { unsafeBitCast($0, to: MiVersion.self) }

    /// mimalloc's `mi_collect(bool force)`, present only when the program links mimalloc.
    private typealias MiCollect = @convention(c) (Bool) -> Void
    private static let miCollect: MiCollect? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mi_collect")
        .map { unsafeBitCast($0, to: MiCollect.self) }

    private typealias MallocTrim = @convention(c) (Int) -> Int32
    private static let mallocTrim: MallocTrim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: MallocTrim.self) }

    /// glibc's `mallopt(3)`, looked up at run time: Glibc's Swift module does not declare
    /// `<malloc.h>`. `M_MMAP_THRESHOLD` is -3 there.
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    private static let mallopt: Mallopt? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt")
        .map { unsafeBitCast($0, to: Mallopt.self) }
    private static let mmapThresholdParameter: Int32 = -3
    #endif
}
