import ArgumentParser

@main
struct GacetaChat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gacetachat",
        abstract: "Search and ask La Gaceta: a FastCGI worker pool behind nginx.",
        version: "0.1.0",
        subcommands: [
            Serve.self, Worker.self, Ingest.self, Migrate.self, SearchCommand.self, Ask.self, ConfigCommand.self,
            BackupCommand.self, RestoreCommand.self, AdminCommand.self, Reindex.self, RoutesCommand.self,
            Health.self, SplitCommand.self, FetchCommand.self, SummarizeCommand.self,
        ]
    )
}
