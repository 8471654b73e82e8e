import ArgumentParser
import GacetaConfig
import GacetaCrypto

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Inspect the configuration.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the effective configuration and where each value came from; exit 1 on any error.")

        @OptionGroup var options: ConfigOptions

        func run() throws {
            let configuration: Configuration
            do {
                configuration = try options.load()
            } catch {
                printError("configuration error:\n\(error)")
                throw ExitCode.failure
            }
            print(configuration.report(), terminator: "")
            if let key = configuration.settings.server.secretKey {
                // Lets an operator compare keys across hosts without showing them.
                let fingerprint = Digest.hex(Digest.sha256(Array(key.utf8))).prefix(12)
                print("; server.secret_key fingerprint: sha256:\(fingerprint)")
            }
            print("; configuration OK")
        }
    }
}
