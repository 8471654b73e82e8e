import Foundation
import GacetaIngest
import Testing

/// The kept PDFs: one copy on disk for a file that already lies in `storage.files_dir` (fetch's `pub/` tree), a
/// copy for a file from elsewhere (which its owner may change or delete).
@Suite struct PDFArchiveTests {
    static func stat(_ path: String) throws -> (inode: Int, links: Int, mode: Int) {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (
            (attributes[.systemFileNumber] as? Int) ?? -1, (attributes[.referenceCount] as? Int) ?? -1,
            (attributes[.posixPermissions] as? Int) ?? -1
        )
    }

    @Test func aFetchedFileIsKeptAsASecondNameAndAnOutsideFileAsACopy() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let archive = PDFArchive(directory: "\(folder.path)/files")
        let fetched = try folder.write("files/pub/2024/07/15/COMP_15_07_2024.pdf", "%PDF-1.4 fetched \(UUID())\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: fetched)
        let outside = try folder.write("elsewhere/gaceta.pdf", "%PDF-1.4 uploaded by hand \(UUID())\n")
        let first = String(repeating: "ab", count: 32)
        let second = String(repeating: "cd", count: 32)

        #expect(try archive.keep(path: fetched, sha256: first))
        let kept = "\(folder.path)/files/ab/\(first).pdf"
        let (fetchedFile, keptFile) = (try Self.stat(fetched), try Self.stat(kept))
        #expect(keptFile.inode == fetchedFile.inode, "one file on disk")
        #expect(keptFile.links == 2)
        #expect(keptFile.mode == 0o644, "readable by nginx's user")
        #expect(try archive.keep(path: fetched, sha256: first) == false, "kept once")

        #expect(try archive.keep(path: outside, sha256: second))
        let copied = "\(folder.path)/files/cd/\(second).pdf"
        #expect(try Self.stat(copied).inode != (try Self.stat(outside)).inode, "a file from elsewhere is copied")
        #expect(try Self.stat(copied).links == 1)
        #expect(FileManager.default.contents(atPath: copied) == FileManager.default.contents(atPath: outside))
    }
}
