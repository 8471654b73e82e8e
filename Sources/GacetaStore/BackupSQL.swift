/// SQL both stores share for backups and restores.
enum BackupSQL {
    /// One row: editions, documents, conversations.
    static let contents = """
        SELECT (SELECT count(*) FROM editions), (SELECT count(*) FROM documents),
               (SELECT count(*) FROM conversations)
        """
}
