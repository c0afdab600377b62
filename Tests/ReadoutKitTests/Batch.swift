import Foundation
import Testing
@testable import ReadoutKit

@Suite struct BatchFailureTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "readout-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aFileThatVanishesIsReportedAndTheRestIsDone() throws {
        let input = try folder(), out = try folder()
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: out) }
        try "Minister Kamikawa met Minister Park Jin.".write(to: input.appending(path: "a.txt"), atomically: true, encoding: .utf8)
        try "Japan".write(to: input.appending(path: "b.txt"), atomically: true, encoding: .utf8)
        let files = collectInputs([input.path]).files
        try FileManager.default.removeItem(at: input.appending(path: "b.txt"))
        let result = BatchAnnotator(pipeline: sharedPipeline, outputDirectory: out, jobs: 2, writesReport: false).run(files)
        #expect(result.documents == 1)
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.path.hasSuffix("b.txt") == true)
        #expect(result.failures.first?.reason.contains("cannot read") == true)
    }

    @Test func aFolderWalkTakesTextFilesAndLinksToThemButNoHiddenEntries() throws {
        let input = try folder(), elsewhere = try folder()
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: elsewhere) }
        let fm = FileManager.default
        for sub in ["2024/june", ".drafts", "empty"] { try fm.createDirectory(at: input.appending(path: sub), withIntermediateDirectories: true) }
        for name in ["a.txt", "2024/june/b.txt", "2024/notes.md", ".hidden.txt", ".drafts/c.txt"] {
            try "Japan".write(to: input.appending(path: name), atomically: false, encoding: .utf8)
        }
        try "Japan".write(to: elsewhere.appending(path: "d.txt"), atomically: false, encoding: .utf8)
        try fm.createSymbolicLink(at: input.appending(path: "linked.txt"), withDestinationURL: elsewhere.appending(path: "d.txt"))
        try fm.createSymbolicLink(at: input.appending(path: "folder-link"), withDestinationURL: elsewhere)
        try fm.createSymbolicLink(at: input.appending(path: "dangling.txt"), withDestinationURL: elsewhere.appending(path: "gone.txt"))
        let (files, failures) = collectInputs([input.path])
        #expect(failures.isEmpty)
        #expect(files.map(\.relativePath) == ["2024/june/b.txt", "a.txt", "linked.txt"])
        #expect(files.allSatisfy { $0.root.path == input.standardizedFileURL.path })
        #expect(files.first?.url.path == input.standardizedFileURL.path + "/2024/june/b.txt")
    }

    @Test func aReadTakesTheWholeFileAndNamesWhyItCannot() throws {
        let input = try folder()
        defer { try? FileManager.default.removeItem(at: input) }
        let text = String(repeating: "Minister Kamikawa met Minister Park Jin in Tokyo. ", count: 4000)
        try text.write(to: input.appending(path: "a.txt"), atomically: false, encoding: .utf8)
        #expect(try BatchAnnotator.read(input.appending(path: "a.txt").path, limit: 1_000_000).get() == Array(text.utf8))
        func reason(_ path: String, limit: Int = 1_000_000) -> String? {
            if case .failure(let failure) = BatchAnnotator.read(path, limit: limit) { return failure.reason }
            return nil
        }
        #expect(reason(input.appending(path: "a.txt").path, limit: 1_000) == "too large: 0.2 MB (the limit is 0.0 MB; raise it with --max-size)")
        #expect(reason(input.appending(path: "gone.txt").path) == "cannot read: no such file (it vanished)")
        #expect(reason(input.path) == "cannot read: is a directory")
    }

    @Test func aFullDiskFailsOneDocumentAndLeavesNoPartialFile() throws {
        let input = try folder(), out = try folder()
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: out) }
        for name in ["a", "b", "c"] {
            try "Minister Kamikawa met Minister Park Jin in \(name).".write(to: input.appending(path: "\(name).txt"), atomically: true, encoding: .utf8)
        }
        let annotator = BatchAnnotator(pipeline: sharedPipeline, outputDirectory: out, jobs: 1, writesReport: false) { bytes, path in
            if path.hasSuffix("/b.json") { throw WriteError(path: path, reason: "No space left on device") }
            try AtomicFile.write(bytes, toPath: path, durable: false)
        }
        let result = annotator.run(collectInputs([input.path]).files)
        #expect(result.documents == 2)
        #expect(result.failures.map(\.reason) == ["\(out.appending(path: "b.json").path): cannot write: No space left on device"])
        #expect(!FileManager.default.fileExists(atPath: out.appending(path: "b.ann").path))
        #expect(FileManager.default.fileExists(atPath: out.appending(path: "c.ann").path))
    }

    @Test func staleTemporaryFilesAreRecognized() {
        #expect(AtomicFile.isTemporary(".x.ann.1234.99887766.tmp"))
        #expect(!AtomicFile.isTemporary("x.ann"))
        #expect(!AtomicFile.isTemporary(".hidden.tmp"))
    }
}

@Suite struct LexiconScaleTests {
    @Test func entriesSharingALongPrefixShareTheTrie() throws {
        let prefix = Array(repeating: "Alpha", count: 30).joined(separator: " ")
        var text = "id\tlabel\tname\taliases\tcountry\trole\tfrom\tto\n"
        let count = 100_000
        for i in 0..<count { text += "e\(i)\tOrganization\t\(prefix) Council \(i)\t\t\t\t\t\n" }
        let start = Date()
        var lexicon = Lexicon()
        try lexicon.add(files: [("big.tsv", text)])
        let matcher = PhraseMatcher(lexicon: lexicon, segmenter: sharedPipeline.segmenter)
        let seconds = Date().timeIntervalSince(start)
        // One path for the prefix and two nodes per entry: memory grows with the entries, not
        // with entries × prefix length.
        #expect(matcher.nodes <= 30 + 1 + count + 2)
        #expect(seconds < 60, "loading took \(seconds) s")
        let tokens = sharedPipeline.segmenter.tokenTexts(["\(prefix) Council 99999"])[0]
        let keys = tokens.map { matcher.keyID($0) }
        let m = try #require(matcher.longestMatch(keys: keys, alternates: keys.map { _ in -1 }, from: 0, upTo: keys.count, accept: { _ in true }))
        #expect(m.entries.first?.id == "e99999")
    }
}
