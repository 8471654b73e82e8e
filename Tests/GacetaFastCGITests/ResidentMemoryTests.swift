import Testing

@testable import GacetaFastCGI

@Suite struct ResidentMemoryTests {
    private func pages(_ text: String) -> Int {
        Array(text.utf8).withUnsafeBufferPointer { ResidentMemory.residentPages($0) }
    }

    @Test func theSecondFieldOfStatm() {
        #expect(pages("10930 2612 1851 2 0 542 0\n") == 2612)
        #expect(pages("1 7") == 7)
        #expect(pages("10930") == 0)
        #expect(pages("10930 x12 1") == 0)
        #expect(pages("") == 0)
    }

    /// Read twice from the one descriptor: the second read starts at the beginning again.
    @Test func thisProcessIsResidentAndReadsAgain() {
        let first = ResidentMemory.current()
        #expect(first > 0)
        #expect(ResidentMemory.current() > 0)
    }
}
