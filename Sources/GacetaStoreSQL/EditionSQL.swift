/// Schema version 6, the same in both stores: an edition is the unit of ingest and its notices are documents.
/// Editions gain their publication, kind (`regular`, `alcance`), Alcance number, the regular edition an Alcance
/// supplements, their page count and the file they came from; documents gain the notice's facts (institution,
/// publication code, first and last PDF and printed pages, position, key); chunks of a `sumario` are marked so
/// that search ranks them after every notice.
public enum EditionSQL {
    public static func schema(integer: String) -> String {
        """
        ALTER TABLE editions ADD COLUMN publication text;
        ALTER TABLE editions ADD COLUMN kind text NOT NULL DEFAULT 'regular';
        ALTER TABLE editions ADD COLUMN alcance_number \(integer);
        ALTER TABLE editions ADD COLUMN supplement_of \(integer) REFERENCES editions (id) ON DELETE SET NULL;
        ALTER TABLE editions ADD COLUMN pages \(integer);
        ALTER TABLE editions ADD COLUMN source_path text;
        DROP INDEX editions_date_number;
        CREATE UNIQUE INDEX editions_identity ON editions (date, coalesce(number, ''), kind, coalesce(alcance_number, 0));
        CREATE UNIQUE INDEX editions_source_path ON editions (source_path);
        ALTER TABLE documents ADD COLUMN institution text;
        ALTER TABLE documents ADD COLUMN publication_code text;
        ALTER TABLE documents ADD COLUMN first_page \(integer);
        ALTER TABLE documents ADD COLUMN last_page \(integer);
        ALTER TABLE documents ADD COLUMN first_printed_page text;
        ALTER TABLE documents ADD COLUMN last_printed_page text;
        ALTER TABLE documents ADD COLUMN notice_index \(integer);
        ALTER TABLE documents ADD COLUMN key text;
        -- A document stored before: the whole file, its pages 1 to page_count.
        UPDATE documents SET first_page = 1, last_page = page_count,
            first_printed_page = (SELECT p.printed_number FROM pages p WHERE p.document_id = documents.id AND p.page_index = 1),
            last_printed_page = (SELECT p.printed_number FROM pages p WHERE p.document_id = documents.id
                                 AND p.page_index = documents.page_count);
        CREATE INDEX documents_key ON documents (key);
        CREATE INDEX documents_type ON documents (type);
        ALTER TABLE chunks ADD COLUMN sumario integer NOT NULL DEFAULT 0;
        CREATE INDEX chunks_sumario ON chunks (id) WHERE sumario = 1;
        \(pageOCR(integer: integer))
        """
    }

    /// The pages whose text came from OCR. Part of version 6; `migrate` also runs it on a database already at 6
    /// (an early build of version 6 had no such table), which is why it says IF NOT EXISTS.
    public static func pageOCR(integer: String) -> String {
        "CREATE TABLE IF NOT EXISTS page_ocr (page_id \(integer) PRIMARY KEY REFERENCES pages (id) ON DELETE CASCADE);"
    }

    public static let insertPageOCR = "INSERT INTO page_ocr (page_id) VALUES (CAST(?1 AS integer))"
    /// A page's printed number, text and whether OCR read it.
    public static let page = """
        SELECT p.printed_number, p.text, EXISTS (SELECT 1 FROM page_ocr o WHERE o.page_id = p.id)
        FROM pages p WHERE p.document_id = ?1 AND p.page_index = ?2
        """
    /// A document's pages left without text (no tesseract, or stored by a worker, which never runs OCR).
    public static let pagesWithoutText = """
        SELECT p.page_index FROM pages p
        WHERE p.document_id = CAST(?1 AS integer) AND trim(p.text) = ''
          AND NOT EXISTS (SELECT 1 FROM page_ocr o WHERE o.page_id = p.id)
        ORDER BY p.page_index
        """

    /// An edition by the file it came from: id, sha256.
    public static let editionByPath = "SELECT id, sha256 FROM editions WHERE source_path = ?1"
    /// An edition by what its masthead says: id, sha256, source_path.
    public static let editionByIdentity = """
        SELECT id, sha256, source_path FROM editions
        WHERE date = ?1 AND coalesce(number, '') = coalesce(?2, '') AND kind = ?3
          AND coalesce(alcance_number, 0) = CAST(coalesce(?4, '0') AS integer)
        """
    public static let insertEdition = """
        INSERT INTO editions (date, number, kind, alcance_number, source_url, sha256, publication, pages, source_path)
        VALUES (?1, ?2, ?3, CAST(?4 AS integer), ?5, ?6, ?7, CAST(?8 AS integer), ?9)
        """
    public static let updateEdition = """
        UPDATE editions SET source_url = coalesce(?2, source_url), sha256 = ?3, publication = coalesce(?4, publication),
            pages = CAST(?5 AS integer), source_path = ?6
        WHERE id = CAST(?1 AS integer)
        """
    public static let forgetFile =
        "UPDATE editions SET source_path = NULL, sha256 = NULL WHERE id = CAST(?1 AS integer)"
    /// The notices of an edition (documents from a split file), and a whole document of the file itself.
    public static let replacedDocuments = """
        SELECT id, edition_id FROM documents
        WHERE (edition_id = CAST(?1 AS integer) AND notice_index IS NOT NULL) OR source_path = ?2
        ORDER BY id
        """
    public static let documentCount = "SELECT count(*) FROM documents WHERE edition_id = CAST(?1 AS integer)"
    public static let deleteEdition = "DELETE FROM editions WHERE id = CAST(?1 AS integer)"
    /// Every Alcance of a date points at that day's regular edition (the same number when it prints one).
    public static let linkAlcances = """
        UPDATE editions SET supplement_of = coalesce(
            (SELECT min(r.id) FROM editions r
             WHERE r.date = editions.date AND r.kind = 'regular' AND r.number = editions.number),
            (SELECT min(r.id) FROM editions r WHERE r.date = editions.date AND r.kind = 'regular'))
        WHERE kind = 'alcance' AND date = ?1
        """
    /// The notices of an edition as the upload lists them: id, title, first_page, last_page.
    public static let notices = """
        SELECT id, title, coalesce(first_page, 1), coalesce(last_page, page_count) FROM documents
        WHERE edition_id = CAST(?1 AS integer) ORDER BY coalesce(notice_index, 0), id
        """
    /// Whether a document is a notice of a split edition: its edition id, or no row.
    public static let noticeEdition =
        "SELECT edition_id FROM documents WHERE id = CAST(?1 AS integer) AND notice_index IS NOT NULL"
    /// A document's source, a notice's being its edition's file.
    public static let documentSource = """
        SELECT coalesce(e.source_path, d.source_path), coalesce(CASE WHEN e.source_path IS NOT NULL THEN e.sha256 END,
               d.source_sha256)
        FROM documents d JOIN editions e ON e.id = d.edition_id WHERE d.id = CAST(?1 AS integer)
        """
    /// Every PDF stored: path, SHA-256 (an edition's file for its notices, else the whole document's).
    public static let storedPDFs = """
        SELECT DISTINCT CASE WHEN d.notice_index IS NOT NULL THEN e.source_path ELSE d.source_path END,
               CASE WHEN d.notice_index IS NOT NULL THEN e.sha256 ELSE d.source_sha256 END
        FROM documents d JOIN editions e ON e.id = d.edition_id
        WHERE (d.notice_index IS NOT NULL AND e.source_path IS NOT NULL) OR lower(d.source_path) LIKE '%.pdf'
        ORDER BY 1
        """
    public static let documentsOfFile = """
        SELECT d.id FROM documents d JOIN editions e ON e.id = d.edition_id
        WHERE d.source_path = ?1 OR (e.source_path = ?1 AND d.notice_index IS NOT NULL) ORDER BY d.id
        """
    public static let turnCitations = "SELECT id, citations FROM conversation_turns ORDER BY id"
    public static let updateTurnCitations =
        "UPDATE conversation_turns SET citations = ?2 WHERE id = CAST(?1 AS integer)"
    /// A whole document by its file: id, edition_id, title, first_page, last_page.
    public static let wholeDocument = """
        SELECT id, edition_id, title, coalesce(first_page, 1), coalesce(last_page, page_count) FROM documents
        WHERE source_path = ?1
        """
    public static let editionOfDocument = "SELECT edition_id FROM documents WHERE id = CAST(?1 AS integer)"
    /// The SHA-256 of a file already stored: an edition's, else a whole document's.
    public static let sourceDigest = """
        SELECT sha256 FROM editions WHERE source_path = ?1
        UNION ALL SELECT source_sha256 FROM documents WHERE source_path = ?1
        """
}
