import ArgumentParser
import GacetaConfig
import Glibc

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a compressed, timestamped backup of the database and the stored PDFs.",
        discussion: """
            Safe while the pool serves: SQLite is copied with its online backup API (one consistent read),
            PostgreSQL with pg_dump --format=custom. The archive gacetachat-YYYYMMDDTHHMMSS.mmmZ.tar.gz goes to
            --to DIR or backup.dir; afterwards only the newest backup.keep archives there are kept.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(help: "Directory to write the archive to (default: backup.dir).") var to: String?

    func run() throws {
        let settings = try options.loadOrExit()
        let archive = BackupArchive(
            databaseURL: settings.database.url, filesDirectory: settings.storage.filesDirectory)
        umask(0o077)  // archives hold conversations: readable by their owner only
        do {
            let (path, removed) = try archive.create(in: to ?? settings.backup.directory, keep: settings.backup.keep)
            print(path)
            for old in removed { printError("backup: removed \(old) (backup.keep = \(settings.backup.keep))") }
        } catch {
            printError("backup: \(error)")
            throw ExitCode.failure
        }
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Bring back a backup written by 'gacetachat backup' into database.url (and the stored PDFs).",
        discussion: """
            Refuses a database that holds any edition, document or conversation (and a files directory that is not
            empty) unless --force is given; with --force their content is replaced by the backup's. Stop the pool
            first (systemctl stop gacetachat) or restore into a new database and point database.url at it.
            """)

    @OptionGroup var options: ConfigOptions

    @Argument(help: "The archive, e.g. /var/lib/gacetachat/backups/gacetachat-20260101T030000.000Z.tar.gz.")
    var file: String

    @Flag(help: "Replace a database (and files directory) that is not empty.") var force = false

    func run() throws {
        let settings = try options.loadOrExit()
        let archive = BackupArchive(
            databaseURL: settings.database.url, filesDirectory: settings.storage.filesDirectory)
        do {
            print(try archive.restore(from: file, force: force))
        } catch {
            printError("restore: \(error)")
            throw ExitCode.failure
        }
    }
}
