import ArgumentParser
import GacetaConfig
import GacetaCore
import GacetaStore

/// The store of the configured database for a command, migrated outside production; a failure is printed as
/// "COMMAND: error" and ends the command with exit status 1.
func openStoreOrExit(_ settings: Settings, command: String) throws -> any Store {
    do {
        let store = try StoreFactory.open(url: settings.database.url)
        if settings.profile != .production { try store.migrate() }
        return store
    } catch {
        printError("\(command): \(error)")
        throw ExitCode.failure
    }
}
