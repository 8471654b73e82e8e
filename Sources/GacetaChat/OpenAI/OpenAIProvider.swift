import GacetaCore
import GacetaHTTP
import GacetaText

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An OpenAI-compatible model behind `POST {baseURL}/chat/completions` (base URL like `http://127.0.0.1:8000/v1`
/// or `https://api.openai.com/v1`).
///
/// It sends a system prompt (answer in Spanish, only from the numbered passages, cite `[n]` after each claim, say
/// "No encontré…" otherwise), up to three earlier turns, and the numbered passages (edition, title, page, text)
/// with the question. With `onToken` the answer is streamed (`"stream": true`, server-sent events) and each
/// piece goes to `onToken` as it arrives. Markers pointing to no passage are removed, even while streaming (see
/// `CitationMarkerFilter`), so the pieces add up to `Answer.text` (but for surrounding whitespace). Citations are
/// numbered like the passages (`[3]` cites passage 3), listed in increasing order; each quotes the passage's
/// sentence closest to the claims citing it, verbatim.
///
/// Any failure throws `ProviderFailure` with a short reason: "timeout after 5s", "HTTP 500", "malformed JSON",
/// "connection failed: …", "empty answer", "no valid citation in the answer". The API key goes only into the
/// `Authorization` header and is never logged. When `isAbandoned` says the asker left, the request to the model
/// stops and `ClientGone` is thrown (no fallback answer: nobody would read it).
public struct OpenAIProvider: AnswerProvider, Sendable {
    public let name = "openai"
    /// `{baseURL}/chat/completions`.
    public let endpoint: String
    public let model: String
    private let apiKey: String?
    private let timeout: Duration
    private let maxTokens: Int
    private let temperature: Double
    private let isAbandoned: (@Sendable () -> Bool)?

    /// Creates a provider; `timeout` bounds the whole request (connecting, generating, streaming); `isAbandoned`
    /// is asked while it runs (`ClientWatch.isGone`).
    public init(
        baseURL: String, model: String, apiKey: String?, timeout: Duration, maxTokens: Int, temperature: Double,
        isAbandoned: (@Sendable () -> Bool)? = nil
    ) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        endpoint = base + "/chat/completions"
        self.model = model
        self.apiKey = apiKey
        self.timeout = timeout
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.isAbandoned = isAbandoned
    }

    public func answer(
        question: String, history: [ConversationTurn], passages: [SearchHit], onToken: ((String) -> Void)?
    ) throws -> Answer {
        guard !passages.isEmpty else { throw ProviderFailure(.noCitations, "no passages to answer from") }
        let request = ChatCompletion.Request(
            model: model, messages: OpenAIPrompt.messages(question: question, history: history, passages: passages),
            maxTokens: maxTokens, temperature: temperature, stream: onToken != nil)
        let body: [UInt8]
        do {
            body = Array(try JSONEncoder().encode(request))
        } catch {
            throw ProviderFailure(.malformedResponse, "cannot encode the request")
        }
        let described = OpenAIPrompt.described(passages)
        var gate = ModelAnswerGate(
            passages: passages,
            echo: EchoCheck(
                systemPrompt: OpenAIPrompt.system, headings: described.map(\.heading), ids: described.map(\.id)))
        if let onToken {
            gate = try streamed(body: body, gate: gate, onToken: onToken)
            let rest = try gate.finish()
            if !rest.isEmpty { onToken(rest) }
        } else {
            _ = try gate.feed(try whole(body: body))
            _ = try gate.finish()
        }
        let text = Self.trimmed(gate.text)
        return Answer(
            text: text, citations: citations(for: text, question: question, passages: passages), provider: name)
    }

    private var headers: [String] {
        var headers = ["Content-Type: application/json"]
        if let apiKey, !apiKey.isEmpty { headers.append("Authorization: Bearer \(apiKey)") }
        return headers
    }

    /// The model's whole reply to `messages` (`stream: false`), for callers other than `answer` (the daily
    /// summary). Throws `ProviderFailure` like `answer`.
    func complete(_ messages: [ChatCompletion.Message]) throws -> String {
        let request = ChatCompletion.Request(
            model: model, messages: messages, maxTokens: maxTokens, temperature: temperature, stream: false)
        let body: [UInt8]
        do {
            body = Array(try JSONEncoder().encode(request))
        } catch {
            throw ProviderFailure(.malformedResponse, "cannot encode the request")
        }
        return try whole(body: body)
    }

    /// `stream: false`: `choices[0].message.content`.
    private func whole(body: [UInt8]) throws -> String {
        let response: HTTPClient.Response
        do {
            response = try HTTPClient(timeout: timeout, isAbandoned: isAbandoned).post(
                url: endpoint, headers: headers + ["Accept: application/json"], body: body)
        } catch .abandoned {
            throw ClientGone()
        } catch {
            throw Self.failure(error)
        }
        guard response.status == 200 else { throw ProviderFailure(.httpError, "HTTP \(response.status)") }
        return try CompletionStream.decode(response.body).choices.first?.message?.content ?? ""
    }

    /// `stream: true`: each delta goes through the gate, and what it lets through to `onToken`; returns the gate
    /// (which may still hold the last sentence back).
    private func streamed(
        body: [UInt8], gate: ModelAnswerGate, onToken: @escaping (String) -> Void
    ) throws -> ModelAnswerGate {
        var gate = gate
        var stream = CompletionStream()
        var status = 0
        var failure: ProviderFailure?
        let deliver: (String) throws(ProviderFailure) -> Void = { delta in
            let shown = try gate.feed(delta)
            if !shown.isEmpty { onToken(shown) }
        }
        do {
            let response = try HTTPClient(timeout: timeout, isAbandoned: isAbandoned).post(
                url: endpoint, headers: headers + ["Accept: text/event-stream"], body: body
            ) { code, bytes in
                status = code
                guard code == 200 else { return false }
                do throws(ProviderFailure) {
                    try stream.feed(bytes, onDelta: deliver)
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
            status = response.status
        } catch .stopped {
            throw failure ?? ProviderFailure(.httpError, "HTTP \(status)")
        } catch .abandoned {
            throw ClientGone()
        } catch {
            throw Self.failure(error)
        }
        guard status == 200 else { throw ProviderFailure(.httpError, "HTTP \(status)") }
        try stream.finish(onDelta: deliver)
        return gate
    }

    /// A transfer's failure as a provider failure: a timeout, else an HTTP error.
    private static func failure(_ error: HTTPClientError) -> ProviderFailure {
        if case .timedOut = error { return ProviderFailure(.timeout, error.description) }
        return ProviderFailure(.httpError, error.description)
    }

    /// One citation per valid passage number used, quoting the passage's sentence closest to the answer's
    /// sentences that cite it (or to the question).
    private func citations(for text: String, question: String, passages: [SearchHit]) -> [Citation] {
        var claims: [Int: String] = [:]
        for sentence in SentenceSplitter.sentences(text) {
            for number in CitationMarkerFilter.filter(sentence, passageCount: passages.count).cited {
                claims[number, default: ""] += " " + sentence
            }
        }
        let analyzer = TermAnalyzer()
        return claims.keys.sorted().compactMap { number in
            let hit = passages[number - 1]
            let stems = analyzer.stems(of: (claims[number] ?? "") + " " + question)
            guard let sentence = SentenceRanker(stems: stems, analyzer: analyzer).bestSentence(of: hit) else {
                return nil
            }
            return Citation(n: number, hit: hit, quote: sentence.text)
        }
    }

    private static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
