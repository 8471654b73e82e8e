import ArgumentParser
import GacetaAPI
import GacetaConfig
import GacetaCore
import GacetaStore
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask the gazette a question from the shell; the answer cites edition and page.")

    @OptionGroup var options: ConfigOptions

    @Argument(help: "The question, e.g. '¿Qué se decidió sobre el precio del calzado escolar?'") var question: String

    @Option(help: "Continue this conversation (its id from a previous answer).") var conversation: String?

    @Flag(help: "Print the API's JSON.") var json = false

    func run() throws {
        let settings = try options.loadOrExit()
        let store: any Store
        do {
            store = try StoreFactory.open(url: settings.database.url)
            if settings.profile != .production { try store.migrate() }
        } catch {
            printError("ask: \(error)")
            throw ExitCode.failure
        }
        // The same route the API serves: one path for validation, answering and storing the conversation.
        var body: [String: String] = ["question": question]
        body["conversation_id"] = conversation
        var headers = Headers()
        headers.add("Content-Type", "application/json")
        let request = Request(
            method: "POST", path: "/api/v1/chat", headers: headers, body: JSON.encode(body))
        let logger = Logger(label: "gacetachat.ask")
        let response = API.router(context: ServiceFactory.context(settings: settings, store: store))
            .respond(to: request, logger: logger)
        let text = String(decoding: response.body, as: UTF8.self)
        if json || response.status != 200 {
            print(text)
            if response.status != 200 { throw ExitCode.failure }
            return
        }
        try printAnswer(response.body)
    }

    private struct Output: Decodable {
        struct Citation: Decodable {
            let n: Int
            let edition_date: String
            let edition_number: String?
            let document_title: String
            let page: Int
            let printed_page: String?
            let quote: String
        }
        let answer: String
        let citations: [Citation]
        let conversation_id: String
        let provider: String
        let fallback_reason: String?
    }

    private func printAnswer(_ bytes: [UInt8]) throws {
        let output = try JSONDecoder().decode(Output.self, from: Data(bytes))
        print(output.answer)
        if !output.citations.isEmpty { print("") }
        for citation in output.citations {
            let number = citation.edition_number.map { " Nº \($0)" } ?? ""
            let printed = citation.printed_page.map { " (impresa \($0))" } ?? ""
            let place = "La Gaceta\(number), \(citation.edition_date), página \(citation.page)\(printed)"
            print("[\(citation.n)] \(place): \(citation.document_title)")
            print("    «\(citation.quote)»")
        }
        let fallback = output.fallback_reason.map { " — respuesta sin conexión: \($0)" } ?? ""
        print("\n(conversación \(output.conversation_id); \(output.provider)\(fallback))")
    }
}
