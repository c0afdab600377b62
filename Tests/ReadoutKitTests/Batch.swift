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

    @Test func aFullDiskFailsOneDocumentAndLeavesNoPartialFile() throws {
        let input = try folder(), out = try folder()
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: out) }
        for name in ["a", "b", "c"] {
            try "Minister Kamikawa met Minister Park Jin in \(name).".write(to: input.appending(path: "\(name).txt"), atomically: true, encoding: .utf8)
        }
        let annotator = BatchAnnotator(pipeline: sharedPipeline, outputDirectory: out, jobs: 1, writesReport: false) { data, url in
            if url.lastPathComponent == "b.json" { throw WriteError(path: url.path, reason: "No space left on device") }
            try AtomicFile.write(data, to: url, durable: false)
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
