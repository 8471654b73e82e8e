import ArgumentParser
import GacetaAPI
import GacetaChat
import GacetaConfig
import GacetaCore
import GacetaStore

struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask the gazette a question from the shell; the answer cites edition and page.")

    @OptionGroup var options: ConfigOptions

    @Argument(help: "The question, e.g. '¿Qué se decidió sobre el precio del calzado escolar?'") var question: String

    @Option(help: "Continue this conversation (its id from a previous answer).") var conversation: String?

    @Flag(help: "Print the API's JSON.") var json = false

    @Option(
        help: ArgumentHelp(
            "Tuning (bench/answers): the best passage's coverage of the question below which the answer is "
                + "\"No encontré…\".", visibility: .hidden))
    var noAnswerThreshold: Double?

    @Option(
        help: ArgumentHelp(
            "Tuning (bench/answers): when the best sentence lacks a question word weighing this share of the "
                + "heaviest, the answer is \"No encontré…\" (default 1.01: off).", visibility: .hidden))
    var missingWordLimit: Double?

    @Option(
        help: ArgumentHelp(
            "Tuning (bench/answers): a word held by at most this share of the chunks draws candidates "
                + "(default \(Retriever.rareShare)).", visibility: .hidden))
    var rareShare: Double?

    @Option(
        help: ArgumentHelp(
            "Benchmark (bench/answers): retrieve and answer N times in this process, store nothing, and print as "
                + "JSON the passages considered (reranked) and the timings.", visibility: .hidden))
    var repeatCount: Int?

    func validate() throws {
        if let rareShare, !(0...1).contains(rareShare) {
            throw ValidationError("--rare-share is a share of the chunks, from 0 to 1 (got \(rareShare)).")
        }
    }

    private var tuning: ServiceFactory.ChatTuning {
        .init(noAnswerThreshold: noAnswerThreshold, missingWordLimit: missingWordLimit, rareShare: rareShare)
    }

    func run() throws {
        let settings = try options.loadOrExit()
        let store = try openStoreOrExit(settings, command: "ask")
        if let repeatCount {
            try AskTiming.run(
                ServiceFactory.chatService(settings: settings, store: store, tuning: tuning),
                question: question, count: repeatCount)
            return
        }
        // The same workflow the API's chat route runs: one path for validation, answering and storing.
        let workflow = ServiceFactory.conversationWorkflow(settings: settings, store: store, tuning: tuning)
        let question: ConversationWorkflow.Question
        let answer: Answer
        do {
            question = try workflow.prepare(question: self.question, conversationID: conversation)
            answer = try workflow.answer(question)
        } catch let error as any HTTPResponseError {
            // The API's error body, as the route would answer it.
            print(String(decoding: Response.error(error).body, as: UTF8.self))
            throw ExitCode.failure
        }
        if json {
            print(
                String(
                    decoding: JSON.encode(AnswerBody(answer: answer, conversationID: question.conversationID)),
                    as: UTF8.self))
            return
        }
        print(answer.text)
        if !answer.citations.isEmpty { print("") }
        for citation in answer.citations {
            // The citation as a reader pastes it («La Gaceta Nº 129 del 15 de julio del 2024, página 13»,
            // «Constitución Política de la República de Costa Rica, página 39»), with the PDF's page when the
            // printed one differs, and the document when the citation does not name it.
            var place = citation.reference ?? "página \(citation.page)"
            if let printed = citation.printedPage, printed != String(citation.page) {
                place += " (página \(citation.page) del PDF)"
            }
            let title = place.contains(citation.documentTitle) ? "" : ": \(citation.documentTitle)"
            print("[\(citation.n)] \(place)\(title)")
            print("    «\(citation.quote)»")
        }
        let fallback = answer.fallbackReason.map { " — respuesta sin conexión: \($0)" } ?? ""
        print("\n(conversación \(question.conversationID); \(answer.provider)\(fallback))")
    }
}
