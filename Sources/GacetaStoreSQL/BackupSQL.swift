/// SQL both stores share for backups and restores.
public enum BackupSQL {
    /// One row: editions, documents, conversations.
    public static let contents = """
        SELECT (SELECT count(*) FROM editions), (SELECT count(*) FROM documents),
               (SELECT count(*) FROM conversations)
        """
}
