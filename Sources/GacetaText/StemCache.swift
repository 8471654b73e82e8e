import Glibc

/// A direct-mapped cache from short words to their stems, so frequent words skip libstemmer.
///
/// Each slot is 64 bytes: key length (0 = empty), stem length, then up to 31 key bytes and 31 stem bytes.
/// The table is `calloc`ed, so untouched slots cost no resident memory.
final class StemCache {
    /// Longest word (and stem) the cache holds, in bytes.
    static let maxLength = 31
    private static let slotSize = 64
    private static let stemOffset = 2 + maxLength

    private let slots: UnsafeMutablePointer<UInt8>?
    private let mask: Int

    /// Creates a cache of `slotCount` slots (a power of two).
    init(slotCount: Int) {
        slots = calloc(slotCount, Self.slotSize)?.assumingMemoryBound(to: UInt8.self)
        mask = slotCount - 1
    }

    deinit {
        free(slots)
    }

    @inline(__always)
    private func slot(for key: UnsafeBufferPointer<UInt8>) -> UnsafeMutablePointer<UInt8>? {
        guard let slots, let base = key.baseAddress, key.count > 0, key.count <= Self.maxLength else { return nil }
        var hash: UInt32 = 2_166_136_261
        for index in 0..<key.count {
            hash = (hash ^ UInt32(base[index])) &* 16_777_619
        }
        hash ^= hash >> 15
        return slots + (Int(hash) & mask) * Self.slotSize
    }

    /// The cached stem of `key`, valid until the next `store`.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let slot = slot(for: key), let base = key.baseAddress, Int(slot[0]) == key.count,
            memcmp(slot + 2, base, key.count) == 0
        else { return nil }
        return UnsafeBufferPointer(start: slot + Self.stemOffset, count: Int(slot[1]))
    }

    /// Remembers that `key` stems to `stem`; ignores keys or stems longer than `maxLength`.
    func store(_ key: UnsafeBufferPointer<UInt8>, stem: UnsafeBufferPointer<UInt8>) {
        guard stem.count <= Self.maxLength, let stemBase = stem.baseAddress, let keyBase = key.baseAddress,
            let slot = slot(for: key)
        else { return }
        slot[0] = UInt8(key.count)
        slot[1] = UInt8(stem.count)
        (slot + 2).update(from: keyBase, count: key.count)
        (slot + Self.stemOffset).update(from: stemBase, count: stem.count)
    }
}
