import GacetaCore
import GacetaStoreSQL

extension SQLiteStore {
    public func createAdminToken(_ token: AdminToken) throws(StoreError) {
        try connection.call { () throws(StoreError) in
            let insert = try connection.prepare(AdminSQL.insertToken)
            insert.bind(1, token.name)
            insert.bind(2, token.sha256)
            insert.bind(3, token.createdAt)
            try insert.run()
            guard connection.changes > 0 else { throw StoreError(.failed, AdminSQL.duplicateToken(token.name)) }
        }
    }

    public func adminTokens() throws(StoreError) -> [AdminToken] {
        return try connection.call { () throws(StoreError) -> [AdminToken] in
            let statement = try connection.prepare(AdminSQL.tokens)
            var tokens: [AdminToken] = []
            while try statement.step() {
                tokens.append(
                    AdminToken(
                        name: statement.string(0) ?? "", sha256: statement.string(1) ?? "",
                        createdAt: statement.string(2) ?? ""))
            }
            return tokens
        }
    }

    @discardableResult
    public func revokeAdminToken(name: String) throws(StoreError) -> Bool {
        return try connection.call { () throws(StoreError) -> Bool in
            let statement = try connection.prepare(AdminSQL.revokeToken)
            statement.bind(1, name)
            try statement.run()
            return connection.changes > 0
        }
    }

    @discardableResult
    public func removeDocument(id: Int64) throws(StoreError) -> DocumentRemoval {
        return try connection.call { () throws(StoreError) -> DocumentRemoval in
            return try connection.transaction { () throws(StoreError) -> DocumentRemoval in
                let find = try connection.prepare(AdminSQL.document)
                find.bind(1, id)
                guard try find.step() else { return .notFound }
                if let edition = try editionRows(EditionSQL.noticeEdition, [String(id)], columns: 1).first?[0],
                    let editionID = Int64(edition)
                {
                    return .partOfEdition(editionID: editionID)
                }
                try deleteDocument(id)
                return .removed
            }
        }
    }

    @discardableResult
    public func removeEdition(id: Int64) throws(StoreError) -> Int? {
        return try connection.call { () throws(StoreError) -> Int? in
            return try connection.transaction { () throws(StoreError) -> Int? in
                let find = try connection.prepare(AdminSQL.edition)
                find.bind(1, id)
                guard try find.step() else { return nil }
                let list = try connection.prepare(AdminSQL.documentsOfEdition)
                list.bind(1, id)
                var documents: [Int64] = []
                while try list.step() { documents.append(list.int64(0)) }
                for document in documents { try deleteDocument(document) }
                let delete = try connection.prepare(AdminSQL.deleteEdition)
                delete.bind(1, id)
                try delete.run()
                return documents.count
            }
        }
    }

    /// FTS5's `rebuild`: the index is made again from `chunk_source` with the current tokenizer.
    @discardableResult
    public func reindex() throws(StoreError) -> Int {
        return try connection.call { () throws(StoreError) -> Int in
            try connection.transaction { () throws(StoreError) in
                try connection.execute("INSERT INTO chunk_index (chunk_index) VALUES ('rebuild')")
            }
            let count = try connection.prepare("SELECT count(*) FROM chunks")
            _ = try count.step()
            return count.int(0)
        }
    }
}
