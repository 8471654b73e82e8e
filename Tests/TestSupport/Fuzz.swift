import Foundation

/// Seeded random inputs for the parsers' property tests (issue 15, fuzzing as a routine): `iterations` inputs a
/// parser in `make test` (2,000), more under `bench/fuzz` (which sets `GACETACHAT_FUZZ_ITERATIONS`, 10⁵) and reads
/// the counts `report` prints. A failure names its seed and iteration, so it reproduces.
public enum Fuzz {
    public static var iterations: Int {
        ProcessInfo.processInfo.environment["GACETACHAT_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 2_000
    }

    /// Pieces picked from `fragments`, with now and then a random Unicode scalar (up to U+2FFFF) among them.
    public static func text(_ fragments: [String], pieces: ClosedRange<Int>, using generator: inout SeededGenerator)
        -> String
    {
        var text = ""
        for _ in 0..<Int.random(in: pieces, using: &generator) {
            if Int.random(in: 0..<10, using: &generator) == 0 {
                text.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: 0...0x2_FFFF, using: &generator)) ?? "?")
            } else {
                text += fragments.randomElement(using: &generator) ?? ""
            }
        }
        return text
    }

    /// `bytes` changed at random: bytes flipped, cut short, a run repeated or random bytes inserted.
    public static func mutate(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var result = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            guard !result.isEmpty else { return [UInt8.random(in: 0...255, using: &generator)] }
            let at = Int.random(in: 0..<result.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: result[at] = UInt8.random(in: 0...255, using: &generator)
            case 1: result.removeLast(result.count - at)
            case 2:
                let end = min(result.count, at + Int.random(in: 1...64, using: &generator))
                result.insert(contentsOf: result[at..<end], at: at)
            default:
                result.insert(
                    contentsOf: (0..<Int.random(in: 1...16, using: &generator)).map { _ in
                        UInt8.random(in: 0...255, using: &generator)
                    }, at: at)
            }
        }
        return result
    }

    /// Prints the counts under `bench/fuzz` (silent in `make test`).
    public static func report(_ parser: String, accepted: Int, refused: Int) {
        guard ProcessInfo.processInfo.environment["GACETACHAT_FUZZ_ITERATIONS"] != nil else { return }
        print("fuzz: \(parser): \(accepted + refused) inputs, \(accepted) accepted, \(refused) refused")
    }
}
