import GacetaAPI
import GacetaAlerts
import GacetaHTTP
import GacetaChat
import GacetaConfig
import GacetaCore
import GacetaCrypto
import GacetaFetch
import GacetaIngest
import Glibc
import Logging

/// Wires the handlers' context from the settings and an open store (workers and `ask` share it).
enum ServiceFactory {
    /// `clientWatch`: the worker's; a chat stops asking the model when it says the client left.
    static func context(settings: Settings, store: any Store, clientWatch: ClientWatch? = nil) -> ServiceContext {
        let chat = ChatContext(
            workflow: conversationWorkflow(settings: settings, store: store, clientWatch: clientWatch),
            logQuestions: settings.log.chatQuestions)
        var services = StoreServices(
            search: store, catalogue: store, administration: store, maintenance: store, fetchLog: store,
            summaries: store, calendar: store)
        services.notices = store
        var context = ServiceContext(
            profile: settings.profile.rawValue, pid: getpid(), store: services, chat: chat,
            filesDirectory: settings.storage.filesDirectory,
            cacheSeconds: Int(settings.server.cacheTTL.components.seconds),
            admin: admin(settings: settings, store: store))
        context.debug = settings.server.debug
        context.publicURL = settings.server.publicURL
        context.alerts = alerts(settings: settings, store: store)
        return context
    }

    /// E-mail alerts when `[mail]` is configured (the configuration then has a public URL and a secret key).
    static func alerts(settings: Settings, store: any Store) -> AlertContext? {
        guard let messages = alertMessages(settings: settings), let mailer = mailer(settings: settings) else {
            return nil
        }
        return AlertContext(
            store: store, links: messages.links, messages: messages, mailer: mailer, now: { Int64(time(nil)) })
    }

    static func alertMessages(settings: Settings) -> AlertMessages? {
        guard settings.mail.isEnabled, let site = settings.server.publicURL, let key = settings.server.secretKey,
            let sender = settings.mail.from
        else { return nil }
        return AlertMessages(links: AlertLinks(publicURL: site, tokens: AlertTokens(secretKey: key)), sender: sender)
    }

    static func mailer(settings: Settings) -> SMTPMailer? {
        guard let host = settings.mail.host else { return nil }
        let startTLS: SMTPClient.StartTLS =
            switch settings.mail.startTLS {
            case .required: .required
            case .opportunistic: .opportunistic
            case .off: .off
            }
        return SMTPMailer(
            client: SMTPClient(
                host: host, port: settings.mail.port, startTLS: startTLS, user: settings.mail.user,
                password: settings.mail.password, timeout: .seconds(20), caFile: settings.mail.caFile))
    }

    /// Daily summaries as fetch, `gacetachat summarize` and the admin route generate them: the `[llm]` model when
    /// configured, else offline; a recorded failure rewrites the metrics file the master serves.
    static func summaryService(settings: Settings, store: any Store, logger: Logger) -> SummaryService {
        SummaryService(
            store: store, summarizer: Summarizer(model: model(settings: settings)), logger: logger,
            failureRecorded: {
                do {
                    try FetchMetrics.write(to: settings.fetchMetricsFile, from: store)
                } catch {
                    logger.error("cannot write the metrics file \(settings.fetchMetricsFile): \(error)")
                }
            })
    }

    /// The `[llm]` model, when `llm.base_url` is set; `isAbandoned` says when a chat's client left.
    static func model(settings: Settings, isAbandoned: (@Sendable () -> Bool)? = nil) -> OpenAIProvider? {
        settings.llm.baseURL.map { baseURL in
            OpenAIProvider(
                baseURL: baseURL, model: settings.llm.model ?? "", apiKey: settings.llm.apiKey,
                timeout: settings.llm.timeout, maxTokens: settings.llm.maxTokens,
                temperature: settings.llm.temperature, isAbandoned: isAbandoned)
        }
    }

    /// Values that replace the tuned ones, for tuning them on bench/answers' `tune` half (`ask --no-answer-threshold`,
    /// `--missing-word-limit`, `--rare-share`); nil keeps the tuned value.
    struct ChatTuning {
        var noAnswerThreshold: Double?
        var missingWordLimit: Double?
        var rareShare: Double?
    }

    /// Questions and conversations, as the chat API and `gacetachat ask` both answer them.
    static func conversationWorkflow(
        settings: Settings, store: any Store, tuning: ChatTuning = ChatTuning(), clientWatch: ClientWatch? = nil
    ) -> ConversationWorkflow {
        ConversationWorkflow(
            service: chatService(settings: settings, store: store, tuning: tuning, clientWatch: clientWatch),
            store: store,
            limits: .init(
                maxQuestionLength: settings.chat.maxQuestionLength, maxTurns: settings.chat.maxTurns,
                retention: settings.chat.retention),
            makeConversationID: { Digest.hex(Digest.randomBytes(16)) })
    }

    /// Retrieval over the store's index and its term statistics, and the configured answer provider (abandoned
    /// with its client when `clientWatch` says it left).
    static func chatService(
        settings: Settings, store: any Store, tuning: ChatTuning = ChatTuning(), clientWatch: ClientWatch? = nil
    ) -> ChatService {
        var retriever = Retriever(
            search: { request in try store.search(request) }, statistics: { try store.termStatistics(stems: $0) })
        if let rareShare = tuning.rareShare { retriever.rareShare = rareShare }
        var isAbandoned: (@Sendable () -> Bool)?
        if let clientWatch { isAbandoned = { clientWatch.isGone } }
        var service = ChatService(
            retriever: retriever, provider: model(settings: settings, isAbandoned: isAbandoned),
            fallback: ExtractiveProvider(
                missingWordLimit: tuning.missingWordLimit ?? ExtractiveProvider.missingWordLimit))
        if let noAnswerThreshold = tuning.noAnswerThreshold { service.noAnswerThreshold = noAnswerThreshold }
        return service
    }

    /// Ingestion as `gacetachat ingest` and the admin upload both run it: SHA-256 via OpenSSL, PDFs kept in
    /// `storage.files_dir`.
    /// `ocr`: read pages without text with tesseract (the command line; never a worker).
    static func ingestPipeline(settings: Settings, store: any Store, fallbackDate: String?, ocr: Bool = false)
        -> IngestPipeline
    {
        IngestPipeline(
            store: store, fallbackDate: fallbackDate, archive: PDFArchive(directory: settings.storage.filesDirectory),
            ocr: ocr ? PageOCR() : nil
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
            allowsAddress: { [networks = settings.admin.allowedNetworks] address in networks.allows(address) },
            summarize: { date in
                summaryService(settings: settings, store: store, logger: Logger(label: "gacetachat.summary"))
                    .generate(date: date)
            })
    }
}
