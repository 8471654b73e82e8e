import GacetaCrypto
import Testing

@Suite struct DigestTests {
    @Test func sha256MatchesTheStandardVector() {
        #expect(
            Digest.hex(Digest.sha256(Array("abc".utf8)))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func hmacMatchesRFC4231Case2() {
        let mac = Digest.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(Digest.hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func constantTimeEqualityComparesWholeValues() {
        let a = Array("9f86d081884c7d659a2feaa0c55ad015".utf8)
        #expect(Digest.constantTimeEqual(a, a))
        #expect(!Digest.constantTimeEqual(a, Array("9f86d081884c7d659a2feaa0c55ad016".utf8)))
        #expect(!Digest.constantTimeEqual(a, Array(a.dropLast())))
        #expect(Digest.constantTimeEqual([], []))
    }

    @Test func randomBytesDiffer() {
        let a = Digest.randomBytes(16)
        let b = Digest.randomBytes(16)
        #expect(a.count == 16)
        #expect(a != b)
    }
}
