import ArgumentParser
import GacetaAlerts
import GacetaConfig
import GacetaCore
import GacetaStore
import GacetaSystem
import Glibc
import Logging

/// `gacetachat alerts list|delete`: what an operator may see of the alert subscriptions (counts, never addresses)
/// and the erasure of one address's data. Also the delivery that `fetch` runs after storing editions.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts", abstract: "E-mail alerts on saved searches: counts, and deleting an address's data.",
        subcommands: [List.self, Delete.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print how many subscriptions there are (confirmed, unconfirmed, weekly), never an address.")

        @OptionGroup var options: ConfigOptions

        func run() throws {
            let store = try AdminCommand.store(options)
            let counts = try store.alertCounts()
            print("confirmed subscriptions:   \(counts.confirmed)")
            print("  of them weekly:          \(counts.weekly)")
            print("unconfirmed requests:      \(counts.unconfirmed)  (deleted after 7 days)")
            print("addresses:                 \(counts.addresses)")
            print("do-not-mail list (HMACs):  \(counts.doNotMail)")
            print("notices sent (recorded):   \(counts.sentNotices)")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete everything stored about one address: subscriptions, their records, its HMAC.")

        @OptionGroup var options: ConfigOptions

        @Argument(help: "The e-mail address.") var address: String

        func validate() throws {
            guard EmailAddress(address) != nil else { throw ValidationError("'\(address)' is not an e-mail address") }
        }

        func run() throws {
            let settings = try options.loadOrExit()
            guard let key = settings.server.secretKey else {
                printError("alerts delete: server.secret_key is not set; addresses are found by their HMAC under it")
                throw ExitCode.failure
            }
            let store = try AdminCommand.store(options)
            let hash = AlertTokens(secretKey: key).addressHash(address)
            let deleted = try store.deleteAlertAddress(addressHash: hash)
            print("deleted \(deleted) subscriptions and every record of the address")
        }
    }

    /// After a fetch: the alerts of the dates it stored files for. Nothing without `[mail]`.
    static func deliver(
        after dates: [FetchDateRecord], settings: Settings, store: any Store, logger: Logger
    ) throws {
        guard let messages = ServiceFactory.alertMessages(settings: settings),
            let mailer = ServiceFactory.mailer(settings: settings)
        else { return }
        let stored = dates.filter { $0.files.contains { $0.state == .stored } }.map(\.date)
        let delivery = AlertDelivery(store: store, mailer: mailer, messages: messages, logger: logger)
        let report = try delivery.deliver(dates: stored, now: Int64(time(nil)))
        printError(
            "alerts: \(report.messages) messages, \(report.notices) notices, \(report.failures) failed"
                + (report.purged > 0 ? ", \(report.purged) unconfirmed requests deleted" : ""))
    }
}
