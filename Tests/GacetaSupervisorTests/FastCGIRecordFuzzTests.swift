import Testing
import TestSupport

@testable import GacetaSupervisor

/// Issue 15, fuzzing as a routine: the status responder's FastCGI record reading on seeded random bytes
/// (`Fuzz.iterations`): headers of any eight bytes and name-value pairs of any bytes decode without trapping,
/// and never yield more text than they were given.
@Suite struct FastCGIRecordFuzzTests {
    @Test func randomRecordsAndParameterBytes() {
        var generator = SeededGenerator(seed: 0x7265_636f_7264)
        let valid: [UInt8] = [4, 3, 0x41, 0x42, 0x43, 0x61, 0x62, 0x63, 0x80, 0, 0, 2, 1, 0x4e, 0x4f, 0x78]
        var (withPairs, without) = (0, 0)
        for _ in 0..<Fuzz.iterations {
            let header = FastCGIRecord.Header((0..<8).map { _ in UInt8.random(in: 0...255, using: &generator) })
            #expect(header.contentLength <= 65_535 && header.paddingLength <= 255)
            let bytes = Fuzz.mutate(valid, using: &generator)
            let pairs = StatusServer.decodeParameters(bytes)
            if pairs.isEmpty { without += 1 } else { withPairs += 1 }
            #expect(pairs.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count } <= 3 * bytes.count)
        }
        Fuzz.report("FastCGI records (inputs with name-value pairs)", accepted: withPairs, refused: without)
    }
}
