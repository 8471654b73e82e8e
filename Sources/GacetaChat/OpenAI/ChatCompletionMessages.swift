/// The JSON of `POST /v1/chat/completions` (OpenAI's chat API, as llama.cpp, vLLM and others speak it): only the
/// fields GacetaChat sends or reads.
enum ChatCompletion {
    struct Message: Codable, Equatable {
        var role: String
        var content: String
    }

    struct Request: Encodable {
        var model: String
        var messages: [Message]
        var maxTokens: Int
        var temperature: Double
        var stream: Bool

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature, stream
            case maxTokens = "max_tokens"
        }
    }

    /// A whole answer (`stream: false`) or one chunk of a stream (`data: {…}`), which has `delta` instead of
    /// `message`.
    struct Response: Decodable {
        struct Choice: Decodable {
            struct Content: Decodable {
                var content: String?
            }

            var message: Content?
            var delta: Content?
            var finishReason: String?

            enum CodingKeys: String, CodingKey {
                case message, delta
                case finishReason = "finish_reason"
            }
        }

        var choices: [Choice]
    }
}
