#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Memory for the large numeric buffers (the draw cache's uniforms and worlds, the
/// ensemble's workspace): zeroed, 64-byte aligned, and from `largeBytes` up whole pages
/// from the kernel (mmap) that go back to it when freed (munmap).
///
/// From malloc, a freed buffer of a megabyte stays resident: glibc raises its mmap
/// threshold past the size of the first such block freed, so the next ones come from the
/// arena of the thread that asks, and it gives an arena's memory back only from its top.
/// Under `bench --soak`, worlds evicted from the cache left 4–10 MB free but resident in
/// the worker threads' arenas, more or less from one minute to the next.
enum PageMemory {
    /// Buffers of this many bytes or more are mapped pages; smaller ones come from malloc.
    static let largeBytes = 64 << 10

    /// `byteCount` zeroed bytes, 64-byte aligned.
    static func allocate(byteCount: Int) -> UnsafeMutableRawPointer {
        if byteCount < largeBytes {
            let p = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: 64)
            p.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
            return p
        }
        guard let p = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            p != UnsafeMutableRawPointer(bitPattern: -1)
        else { fatalError("out of memory: cannot map \(byteCount) bytes") }
        return p
    }

    /// Frees what `allocate(byteCount:)` gave, with the same `byteCount`.
    static func deallocate(_ p: UnsafeMutableRawPointer?, byteCount: Int) {
        guard let p else { return }
        if byteCount < largeBytes {
            p.deallocate()
        } else {
            munmap(p, byteCount)
        }
    }

    /// `count` zeroed values of `T`.
    static func allocate<T>(_: T.Type, count: Int) -> UnsafeMutableBufferPointer<T> {
        guard count > 0 else { return UnsafeMutableBufferPointer(start: nil, count: 0) }
        let p = allocate(byteCount: count * MemoryLayout<T>.stride)
        return UnsafeMutableBufferPointer(start: p.bindMemory(to: T.self, capacity: count), count: count)
    }

    /// Frees what `allocate(_:count:)` gave.
    static func deallocate<T>(_ buffer: UnsafeMutableBufferPointer<T>) {
        deallocate(UnsafeMutableRawPointer(buffer.baseAddress), byteCount: buffer.count * MemoryLayout<T>.stride)
    }
}
