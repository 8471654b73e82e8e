import Glibc
import Testing

@testable import GacetaFastCGI

@Suite struct ResidentMemoryTests {
    private func pages(_ text: String) -> Int {
        Array(text.utf8).withUnsafeBufferPointer { ResidentMemory.anonymousPages($0) }
    }

    @Test func residentMinusSharedFromStatm() {
        #expect(pages("10930 2612 1851 2 0 542 0\n") == 761)
        #expect(pages("1 7 3") == 4)
        #expect(pages("1 7 3\n") == 4)
        #expect(pages("10930") == 0)
        #expect(pages("10930 2612") == 0)
        #expect(pages("10930 x12 1") == 0)
        #expect(pages("") == 0)
    }

    /// Read twice from the one descriptor: the second read starts at the beginning again.
    @Test func thisProcessIsResidentAndReadsAgain() {
        let first = ResidentMemory.current()
        #expect(first > 0)
        #expect(ResidentMemory.current() > 0)
    }

    /// A file mapped and read whole does not count (page cache, as the SQLite database under `mmap_size`); memory
    /// the process writes does.
    @Test func aMappedFileDoesNotCountButWrittenMemoryDoes() throws {
        let path = "/tmp/gacetachat-resident-\(getpid())"
        let size = 64 << 20
        let file = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        try #require(file >= 0)
        defer {
            close(file)
            unlink(path)
        }
        try #require(ftruncate(file, off_t(size)) == 0)
        let before = ResidentMemory.current()
        let mapped = try #require(mmap(nil, size, PROT_READ, MAP_SHARED, file, 0))
        defer { munmap(mapped, size) }
        let bytes = mapped.assumingMemoryBound(to: UInt8.self)
        var sum = 0
        for offset in stride(from: 0, to: size, by: 4096) { sum &+= Int(bytes[offset]) }
        #expect(sum == 0)
        #expect(ResidentMemory.current() < before + size / 2, "64 MB of mapped file pages read")
        let written = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        defer { written.deallocate() }
        for offset in stride(from: 0, to: size, by: 4096) { written[offset] = 1 }
        #expect(ResidentMemory.current() > before + size / 2, "64 MB written")
    }
}
