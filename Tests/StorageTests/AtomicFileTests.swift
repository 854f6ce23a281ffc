import Foundation
import Storage
import Testing

@Suite("Atomic files")
struct AtomicFileTests {
    @Test("a new file appears whole; an existing one is replaced only when asked, keeping its mode")
    func createAndReplace() throws {
        let folder = try TemporaryFolder("atomic")
        defer { folder.remove() }
        let path = folder.file("a.txt")
        try AtomicFile.create(path, contents: "one\n")
        #expect(try Files.readText(path) == "one\n")
        #expect(throws: StorageError.cannotWrite(path: path, errno: EEXIST)) {
            try AtomicFile.create(path, contents: "two\n")
        }
        #expect(try Files.readText(path) == "one\n")
        chmod(path, 0o640)
        try AtomicFile.create(path, contents: "three\n", replace: true)
        #expect(try Files.readText(path) == "three\n")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o640)
        #expect(Files.names(in: folder.path, suffix: "").filter { $0.hasPrefix(".twofutures-") }.isEmpty)
    }

    @Test("errors keep the path and the errno, and read as one line")
    func errorsKeepErrno() throws {
        let folder = try TemporaryFolder("atomic-errors")
        defer { folder.remove() }
        let missing = folder.file("no/such/folder/a.txt")
        #expect(throws: StorageError.cannotWriteIn(folder: folder.file("no/such/folder"), errno: ENOENT)) {
            try AtomicFile.create(missing, contents: "x")
        }
        let error = StorageError.cannotWrite(path: "/x/a.txt", errno: EACCES)
        #expect(error.description == "cannot write /x/a.txt: Permission denied")
        #expect(error.reason == "Permission denied")
        #expect(StorageError.exists(path: "/x/a.toml").description == "/x/a.toml exists")
        #expect(throws: StorageError.cannotRead(path: missing, errno: ENOENT)) { try Files.readText(missing) }
    }

    @Test("createFolder makes the missing folders; a file in the way is an error with its errno")
    func createFolder() throws {
        let folder = try TemporaryFolder("mkdir")
        defer { folder.remove() }
        try Files.createFolder(folder.file("a/b/c"))
        #expect(Files.isDirectory(folder.file("a/b/c")))
        try Files.createFolder(folder.file("a/b/c"))
        try AtomicFile.create(folder.file("f"), contents: "")
        #expect(throws: StorageError.cannotCreateFolder(path: folder.file("f/g"), errno: ENOTDIR)) {
            try Files.createFolder(folder.file("f/g"))
        }
    }

    @Test("readText drops a byte-order mark and refuses bytes that are not UTF-8")
    func readText() throws {
        let folder = try TemporaryFolder("read")
        defer { folder.remove() }
        try Data([0xEF, 0xBB, 0xBF, 0x61, 0x0A]).write(to: URL(fileURLWithPath: folder.file("bom")))
        #expect(try Files.readText(folder.file("bom")) == "a\n")
        try Data([0x61, 0xFF]).write(to: URL(fileURLWithPath: folder.file("bad")))
        #expect(throws: StorageError.notText(path: folder.file("bad"))) { try Files.readText(folder.file("bad")) }
        #expect(throws: StorageError.cannotRead(path: folder.path, errno: EISDIR)) { try Files.readText(folder.path) }
    }
}
