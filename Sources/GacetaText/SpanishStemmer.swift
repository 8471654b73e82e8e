@preconcurrency import CStemmer

/// Snowball Spanish stemmer (libstemmer's Spanish UTF-8 module, called directly: see CStemmer's shim.h) for folded
/// words.
///
/// Snowball's Spanish rules expect accents on a few suffixes ("-ación", "-ución", "-logía"), but the index
/// and queries hold folded words. Before stemming, `stem(bytes:)` therefore restores the accent of a final
/// "-ion"/"-iones"-style singular ("licitacion" → "licitación") and of "-logia(s)", so that "licitacion",
/// "licitación" and "licitaciones" share the stem "licit". Snowball removes accents from its output, so stems
/// stay folded.
///
/// Stems of words up to 31 bytes are cached (8192 slots, 512 KiB of lazily touched memory).
///
/// Not thread-safe: use one per thread (a worker is single-threaded). If libstemmer cannot create the
/// stemmer (out of memory), words are returned unchanged.
public final class SpanishStemmer {
    private let stemmer: UnsafeMutablePointer<SN_env>?
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity: Int
    private let cache = StemCache(slotCount: 8192)

    /// Creates a stemmer with its own libstemmer state.
    public init() {
        stemmer = spanish_UTF_8_create_env()
        scratchCapacity = 128
        scratch = .allocate(capacity: scratchCapacity)
    }

    deinit {
        if let stemmer { spanish_UTF_8_close_env(stemmer) }
        scratch.deallocate()
    }

    /// Folds `word` (see `TextFolding`) and returns its stem: "canciones" and "Canción" both give "cancion".
    public func stem(_ word: String) -> String {
        var folded = TextFolding.fold(word)
        return folded.withUTF8 { bytes in
            String(decoding: stem(bytes: bytes), as: UTF8.self)
        }
    }

    /// Stems the bytes of one folded word; returns the stem's bytes, valid until the next call on this stemmer.
    public func stem(bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let stemmer, let source = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else {
            return bytes
        }
        if let cached = cache.lookup(bytes) { return cached }
        let count = bytes.count
        if count + 2 > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = count * 2
            scratch = .allocate(capacity: scratchCapacity)
        }
        scratch.update(from: source, count: count)
        let length = Self.restoreAccent(scratch, count: Self.singularize(scratch, count: count))
        guard SN_set_current(stemmer, Int32(length), scratch) == 0, spanish_UTF_8_stem(stemmer) >= 0,
            let result = stemmer.pointee.p
        else { return bytes }
        let stem = UnsafeBufferPointer(start: result, count: Int(stemmer.pointee.l))
        cache.store(bytes, stem: stem)
        return stem
    }

    /// Turns a regular plural into its singular before stemming, because Snowball does not always give
    /// both the same stem ("mínimo" → "minim" but "mínimos" → "min"): "-ces" → "-z" ("jueces" → "juez"),
    /// "-iones" → "-ion", consonant (l, r, n, d, j, y) + "-es" → the consonant ("leyes" → "ley",
    /// "ciudades" → "ciudad"), vowel (a, e, o) + "-s" → the vowel ("mínimos" → "minimo"). Index and
    /// queries go through the same rule, so a singular that happens to end like a plural ("lunes")
    /// still matches itself. Returns the new length.
    static func singularize(_ word: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        guard count >= 5, word[count - 1] == UInt8(ascii: "s") else { return count }
        let beforeS = word[count - 2]
        if beforeS == UInt8(ascii: "e") {
            let consonant = word[count - 3]
            if consonant == UInt8(ascii: "c") {
                word[count - 3] = UInt8(ascii: "z")
                return count - 2
            }
            if consonant == UInt8(ascii: "n") && count >= 6 && word[count - 4] == UInt8(ascii: "o")
                && word[count - 5] == UInt8(ascii: "i")
            {
                return count - 2
            }
            if [
                UInt8(ascii: "l"), UInt8(ascii: "r"), UInt8(ascii: "n"), UInt8(ascii: "d"), UInt8(ascii: "j"),
                UInt8(ascii: "y"),
            ].contains(consonant) {
                return count - 2
            }
            return count - 1
        }
        if beforeS == UInt8(ascii: "a") || beforeS == UInt8(ascii: "o") { return count - 1 }
        return count
    }

    /// Puts back the accent Snowball needs on "-ion" (→ "-ión") and "-logia(s)" (→ "-logía(s)");
    /// `word` has room for 2 more bytes. Returns the new length.
    private static func restoreAccent(_ word: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        @inline(__always) func endsWith(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard count >= length else { return false }
            let start = suffix.utf8Start
            for offset in 0..<length where word[count - length + offset] != start[offset] {
                return false
            }
            return true
        }
        // "-ion": the accented vowel is the 'o' two bytes from the end.
        if count >= 5 && endsWith("ion") {
            word[count - 2] = 0xC3
            word[count - 1] = 0xB3
            word[count] = 0x6E
            return count + 1
        }
        let hasPlural = endsWith("logias")
        if hasPlural || (count >= 6 && endsWith("logia")) {
            let iIndex = count - (hasPlural ? 3 : 2)
            let tail = count - iIndex - 1
            // Shift "a" or "as" right by one byte, then write "í" (C3 AD) over the 'i'.
            for offset in stride(from: tail - 1, through: 0, by: -1) {
                word[iIndex + 2 + offset] = word[iIndex + 1 + offset]
            }
            word[iIndex] = 0xC3
            word[iIndex + 1] = 0xAD
            return count + 1
        }
        return count
    }
}
