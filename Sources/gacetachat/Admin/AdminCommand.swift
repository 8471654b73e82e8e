import ArgumentParser
import GacetaConfig
import GacetaCore
import GacetaStore
import GacetaSystem

struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Administration: tokens for the admin API.",
        subcommands: [TokenCommand.self])

    struct TokenCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token", abstract: "Create, list and revoke admin API tokens.",
            subcommands: [Create.self, List.self, Revoke.self])
    }

    /// Opens the store of the configured database, migrating outside production (as `ingest` does).
    static func store(_ options: ConfigOptions) throws -> any Store {
        try openStoreOrExit(try options.loadOrExit(), command: "admin")
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token and print it once (only its SHA-256 is stored): Authorization: Bearer TOKEN.")

        @OptionGroup var options: ConfigOptions

        @Option(help: "A name to recognise it by in the logs and to revoke it, e.g. 'ci' or 'maria'.")
        var name: String

        func validate() throws {
            guard (1...64).contains(name.count),
                name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
            else {
                throw ValidationError("--name must be 1-64 letters, digits, '.', '_' or '-' (it goes in log lines)")
            }
        }

        func run() throws {
            let store = try AdminCommand.store(options)
            let token = AdminTokens.generate()
            do {
                try store.createAdminToken(
                    AdminToken(name: name, sha256: AdminTokens.hash(token), createdAt: Timestamp.now()))
            } catch {
                printError("admin token create: \(error)")
                throw ExitCode.failure
            }
            print(token)
            printError("admin token '\(name)' created; it is shown only now. Use: Authorization: Bearer <token>")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tokens' names and creation times.")

        @OptionGroup var options: ConfigOptions

        func run() throws {
            let store = try AdminCommand.store(options)
            do {
                for token in try store.adminTokens() { print("\(token.name)\t\(token.createdAt)") }
            } catch {
                printError("admin token list: \(error)")
                throw ExitCode.failure
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token: requests with it get 403 at once.")

        @OptionGroup var options: ConfigOptions

        @Option(help: "The token's name.") var name: String

        func run() throws {
            let store = try AdminCommand.store(options)
            do {
                guard try store.revokeAdminToken(name: name) else {
                    printError("admin token revoke: no token named '\(name)'")
                    throw ExitCode.failure
                }
            } catch let error as StoreError {
                printError("admin token revoke: \(error)")
                throw ExitCode.failure
            }
            print("revoked '\(name)'")
        }
    }
}
