#if canImport(Glibc)
import CMalloc
import Glibc
#endif

/// How the C allocator is asked to give memory back, for a program that holds big data for long
/// and frees big temporaries around it. Both calls do nothing on C libraries other than glibc.
public enum Heap {
    /// Fixes glibc's mmap threshold at 1 MiB and its trim threshold at 64 MiB; call it once,
    /// before the data is loaded.
    ///
    /// glibc starts at 128 KiB but raises the mmap threshold to the size of each mapped block
    /// freed, up to 32 MiB. After the first page of vendor data is decoded and dropped, blocks of
    /// megabytes (decoded pages, a replaced timeline's arrays) are then carved from the heap
    /// between long-lived ones, and their holes stay resident. Fixed, every block of 1 MiB or
    /// more has its own mapping, which `free` unmaps. Not lower: keys allocate and free blocks of
    /// up to a megabyte (a search's hits over 100,000 persons), and mapping those faults in fresh
    /// pages on every key (keys took three times as long at 128 KiB). The trim threshold, which
    /// glibc would tie to the mmap one, is raised so that `free` does not hand the heap's top
    /// back only for the next key to take it again; ``returnFreePages()`` does that when idle.
    public static func keepLargeBlocksMapped() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 64 << 20)
        #endif
    }

    /// Hands the pages of freed memory back to the system, in the middle of the heap too (glibc
    /// only gives back its top on its own). It walks every free chunk, so call it after freeing
    /// much, not on every free.
    public static func returnFreePages() {
        #if canImport(Glibc)
        _ = malloc_trim(0)
        #endif
    }

    /// When a program that frees much now and then should call ``returnFreePages()``: once it
    /// has been idle for a while after some work. A call costs milliseconds (tens after
    /// freeing a big timeline), which a key pressed during it would wait for; idle, nobody does.
    public struct IdleReturn: Sendable {
        /// How long nothing must happen before the pages are handed back.
        public let idleSeconds: Double
        private var lastWork: Double?

        public init(idleSeconds: Double = 2) {
            self.idleSeconds = idleSeconds
        }

        /// Notes work that may have freed memory (a key handled, data arrived), at `time` seconds.
        public mutating func noteWork(at time: Double) {
            lastWork = time
        }

        /// Whether to hand pages back now, at `time`; true once per stretch of work, after
        /// `idleSeconds` without any.
        public mutating func isDue(at time: Double) -> Bool {
            guard let lastWork, time - lastWork >= idleSeconds else { return false }
            self.lastWork = nil
            return true
        }
    }
}
