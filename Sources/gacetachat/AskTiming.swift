import GacetaAPI
import GacetaChat
import GacetaCore

/// `ask --repeat-count N` (bench/answers): what chat considers for a question and how long an offline answer
/// takes in-process — retrieval (term statistics, search, rerank) and the answer, no conversation stored.
enum AskTiming {
    struct Output: Encodable {
        struct Passage: Encodable {
            let documentID: Int64
            let page: Int
        }
        /// The reranked candidates, best first (the first `passageLimit` are the passages answered from).
        let considered: [Passage]
        /// The IDF-weighted coverage of the question by each passage answered from (what the no-answer threshold
        /// reads), and each question stem's weight.
        let coverage: [Double]
        let weights: [String: Double]
        let candidateWords: [String]
        let citations: [Passage]
        let runs: Int
        let p50Ms: Double
        let p99Ms: Double
    }

    static func run(_ service: ChatService, question: String, count: Int) throws {
        var samples: [Double] = []
        var retrieval = Retriever.Retrieval.empty
        var answer: Answer?
        for _ in 0..<max(1, count) {
            let start = ContinuousClock.now
            retrieval = try service.retrieve(question, history: [])
            answer = try service.answer(question: question, history: [], retrieval: retrieval, onToken: nil)
            let elapsed = ContinuousClock.now - start
            samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        samples.sort()
        let output = Output(
            considered: retrieval.considered.map { .init(documentID: $0.documentID, page: $0.page) },
            coverage: retrieval.coverage, weights: retrieval.weights, candidateWords: retrieval.candidateWords,
            citations: (answer?.citations ?? []).map { .init(documentID: $0.documentID, page: $0.page) },
            runs: samples.count, p50Ms: samples[samples.count / 2],
            p99Ms: samples[min(samples.count - 1, Int(Double(samples.count) * 0.99))])
        print(String(decoding: JSON.encode(output), as: UTF8.self))
    }
}
