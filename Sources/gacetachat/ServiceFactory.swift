import GacetaAPI
import GacetaChat
import GacetaConfig
import GacetaCore
import GacetaCrypto
import GacetaIngest
import Glibc

/// Wires the handlers' context from the settings and an open store (workers and `ask` share it).
enum ServiceFactory {
    static func context(settings: Settings, store: any Store) -> ServiceContext {
        let chat = ChatContext(
            workflow: conversationWorkflow(settings: settings, store: store), logQuestions: settings.log.chatQuestions)
        let services = StoreServices(
            search: store, catalogue: store, administration: store, maintenance: store, fetchLog: store)
        var context = ServiceContext(
            profile: settings.profile.rawValue, pid: getpid(), store: services, chat: chat,
            filesDirectory: settings.storage.filesDirectory,
            cacheSeconds: Int(settings.server.cacheTTL.components.seconds),
            admin: admin(settings: settings, store: store))
        context.debug = settings.server.debug
        return context
    }

    /// Questions and conversations, as the chat API and `gacetachat ask` both answer them.
    /// `noAnswerThreshold` replaces the tuned one (for tuning it: `ask --no-answer-threshold`).
    static func conversationWorkflow(
        settings: Settings, store: any Store, noAnswerThreshold: Double? = nil
    ) -> ConversationWorkflow {
        ConversationWorkflow(
            service: chatService(settings: settings, store: store, noAnswerThreshold: noAnswerThreshold),
            store: store,
            limits: .init(
                maxQuestionLength: settings.chat.maxQuestionLength, maxTurns: settings.chat.maxTurns,
                retention: settings.chat.retention),
            makeConversationID: { Digest.hex(Digest.randomBytes(16)) })
    }

    /// Retrieval over the store's index and its term statistics, and the configured answer provider.
    static func chatService(settings: Settings, store: any Store, noAnswerThreshold: Double? = nil) -> ChatService {
        let retriever = Retriever(
            search: { request in try store.search(request) }, statistics: { try store.termStatistics(stems: $0) })
        var provider: (any AnswerProvider)?
        if let baseURL = settings.llm.baseURL {
            provider = OpenAIProvider(
                baseURL: baseURL, model: settings.llm.model ?? "", apiKey: settings.llm.apiKey,
                timeout: settings.llm.timeout, maxTokens: settings.llm.maxTokens,
                temperature: settings.llm.temperature)
        }
        var service = ChatService(retriever: retriever, provider: provider)
        if let noAnswerThreshold { service.noAnswerThreshold = noAnswerThreshold }
        return service
    }

    /// Ingestion as `gacetachat ingest` and the admin upload both run it: SHA-256 via OpenSSL, PDFs kept in
    /// `storage.files_dir`.
    static func ingestPipeline(settings: Settings, store: any Store, fallbackDate: String?) -> IngestPipeline {
        IngestPipeline(
            store: store, fallbackDate: fallbackDate, archive: PDFArchive(directory: settings.storage.filesDirectory)
        ) { path in
            Digest.hex(try Digest.sha256(fileAt: path))
        }
    }

    /// The admin API: tokens checked against the store on every request (a revoked one stops at once), uploads
    /// ingested in the worker like `gacetachat ingest` (the PDF kept in storage.files_dir).
    private static func admin(settings: Settings, store: any Store) -> AdminContext {
        AdminContext(
            authenticate: { presented in try AdminTokens.authenticate(presented, store: store) },
            ingest: { path, date in
                ingestPipeline(settings: settings, store: store, fallbackDate: date).ingest(path: path)
            },
            // Beside the kept PDFs (same file system, writable by the pool); nginx never serves it by name.
            uploadDirectory: "\(settings.storage.filesDirectory)/.uploads",
            allowsAddress: { [networks = settings.admin.allowedNetworks] address in networks.allows(address) })
    }
}
