#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads a streamed chat completion: server-sent events, one `data: {…}` line per chunk, until `data: [DONE]`.
/// Bytes may arrive cut anywhere; lines end with LF or CRLF; comments (`: …`), other fields and blank lines are
/// ignored. A server that ignores `"stream": true` and sends one JSON answer is understood too.
struct CompletionStream {
    /// Most bytes of a body without any `data:` line kept, for the non-streamed case.
    static let maximumPlainBody = 1 << 20

    private var line: [UInt8] = []
    private var plainBody: [UInt8] = []
    private var sawData = false
    /// `data: [DONE]` was read.
    private(set) var isDone = false
    /// A chunk carried a `finish_reason`.
    private(set) var isFinished = false

    /// Takes the next bytes; `onDelta` receives each piece of content, in order.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, onDelta: (String) throws(ProviderFailure) -> Void)
        throws(ProviderFailure)
    {
        for byte in bytes {
            if !sawData && plainBody.count < Self.maximumPlainBody { plainBody.append(byte) }
            guard byte == 0x0A else {
                line.append(byte)
                continue
            }
            try dispatch(onDelta: onDelta)
        }
    }

    /// After the last byte: the last line without a newline, or a whole non-streamed answer.
    mutating func finish(onDelta: (String) throws(ProviderFailure) -> Void) throws(ProviderFailure) {
        if !line.isEmpty { try dispatch(onDelta: onDelta) }
        if !sawData {
            let response = try Self.decode(plainBody)
            if let content = response.choices.first?.message?.content { try onDelta(content) }
            isDone = true
            return
        }
        guard isDone || isFinished else { throw ProviderFailure(.malformedResponse, "stream ended before [DONE]") }
    }

    private mutating func dispatch(onDelta: (String) throws(ProviderFailure) -> Void) throws(ProviderFailure) {
        defer { line.removeAll(keepingCapacity: true) }
        if line.last == 0x0D { line.removeLast() }
        guard !isDone, line.starts(with: Array("data:".utf8)) else { return }
        sawData = true
        var payload = line.dropFirst(5)
        while payload.first == 0x20 { payload.removeFirst() }
        if payload.elementsEqual("[DONE]".utf8) {
            isDone = true
            return
        }
        let chunk = try Self.decode(payload)
        guard let choice = chunk.choices.first else { return }
        if let content = choice.delta?.content ?? choice.message?.content, !content.isEmpty { try onDelta(content) }
        if choice.finishReason != nil { isFinished = true }
    }

    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(ProviderFailure) -> ChatCompletion.Response {
        do {
            return try JSONDecoder().decode(ChatCompletion.Response.self, from: Data(bytes))
        } catch {
            throw ProviderFailure(.malformedResponse, "malformed JSON")
        }
    }
}
