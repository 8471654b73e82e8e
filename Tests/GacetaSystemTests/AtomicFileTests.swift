import GacetaSystem
import Glibc
import Testing

/// `AtomicFile`: readers see the old file or the new one, never a part.
@Suite struct AtomicFileTests {
    private struct Interrupted: Error {}

    @Test func aWriteInterruptedBeforeTheRenameLeavesTheOldFileAndNoTemporary() throws {
        let directory = scratchDirectory("atomic")
        defer { Directory.removeFlat(directory) }
        let path = "\(directory)/settings.ini"
        try AtomicFile.write(Array("old contents\n".utf8), to: path)
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: path) { fd in
                try System.writeAll(fd, Array("new contents, half".utf8))
                throw Interrupted()
            }
        }
        #expect(try FileContents.readText(path) == "old contents\n")
        #expect(entries(of: directory) == ["settings.ini"])
    }

    @Test func aCompletedWriteReplacesTheFileWithTheModeAsked() throws {
        let directory = scratchDirectory("atomic")
        defer { Directory.removeFlat(directory) }
        let path = "\(directory)/upload.pdf"
        try AtomicFile.write(Array("first".utf8), to: path, mode: 0o644)
        try AtomicFile.write(Array("second".utf8), to: path, mode: 0o600)
        #expect(try FileContents.readText(path) == "second")
        #expect(try FileContents.status(of: path).st_mode & 0o777 == 0o600)
        #expect(entries(of: directory) == ["upload.pdf"])
    }

    @Test func aCopyIntoAMissingDirectoryFailsNamingTheTemporaryFile() throws {
        let directory = scratchDirectory("atomic")
        defer { Directory.removeFlat(directory) }
        let source = "\(directory)/source"
        try AtomicFile.write(Array("x".utf8), to: source)
        do {
            try AtomicFile.copy(source, to: "\(directory)/missing/copy")
            Issue.record("copying into a missing directory succeeded")
        } catch let error as SystemError {
            #expect(error.call == "open")
            #expect(error.errno == ENOENT)
            #expect(error.context.hasPrefix("\(directory)/missing/"))
        }
    }

    @Test func wholeFileReadsReturnEveryByte() throws {
        let directory = scratchDirectory("read")
        defer { Directory.removeFlat(directory) }
        let path = "\(directory)/big"
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try AtomicFile.write(bytes, to: path)
        #expect(try FileContents.read(path) == bytes)
    }
}
