import Foundation
import Testing
@testable import ReadoutKit

/// Readout-like texts written for these tests: many documents, dates over years or within
/// one year, a document with more stances than the HTML lists behind one figure, entities
/// with more mentions than it lists behind one entity, documents without a date or a stance.
enum ReportFixture {
    static let openings = [
        ("Japan-Australia Foreign Ministers’ Meeting", "Minister for Foreign Affairs Kamikawa Yoko held a talk with Foreign Minister Penny Wong of Australia in Canberra."),
        ("US-India Telephone Talk", "Secretary Blinken spoke with External Affairs Minister Jaishankar."),
        ("Japan-ROK Foreign Ministers’ Meeting", "Minister for Foreign Affairs Kamikawa Yoko met Foreign Minister Park Jin of the Republic of Korea in Busan."),
    ]
    static let stances = [
        "Minister Kamikawa firmly condemned Russia’s aggression against Ukraine.",
        "Foreign Minister Wong welcomed Japan’s new security strategy.",
        "The two Ministers urged China to respect the ruling on the South China Sea.",
        "Minister Kamikawa expressed concern about the situation in Myanmar.",
        "They agreed to hold the next dialogue in Tokyo.",
        "Minister Wong reiterated her support for the Pacific Islands Forum.",
        "Secretary Blinken strongly condemned the attack in Kabul.",
        "The Minister welcomed the visit of the United States delegation, and the two sides agreed to deepen cooperation with ASEAN.",
        "Foreign Minister Park Jin expressed his appreciation for Japan’s support to the Republic of Korea.",
    ]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// A deterministic generator (no corpus text, no randomness between runs).
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// `count` documents under several folders; years from `years`; with `long`, one document
    /// with 240 stances.
    static func texts(count: Int, years: ClosedRange<Int>, seed: UInt64, long: Bool = false) -> [(path: String, text: String)] {
        var g = Generator(state: seed)
        var result: [(String, String)] = []
        // Paths whose order differs from the order of their file names ("a-b" < "a.x" < "a/").
        let folders = ["2020", "2020-extra", "2020.b", "misc/deep"]
        for k in 0..<count {
            let (title, opening) = openings[g.next(openings.count)]
            let year = years.lowerBound + g.next(years.count)
            var text = "\(title)\n\nOn \(months[g.next(12)]) \(1 + g.next(28)), \(year), \(opening)"
            for _ in 0..<(1 + g.next(9)) { text += " " + stances[g.next(stances.count)] }
            result.append(("\(folders[k % folders.count])/doc\(1000 - k)", text + "\n"))
        }
        result.append(("undated", "Call\n\n" + opening(0) + " " + stances[0] + "\n"))
        result.append(("no-stance", "A note\n\nThe weather in Canberra was fine.\n"))
        result.append(("empty", ""))
        if long {
            // More stances than a figure lists (200), and more mentions of Japan than an entity lists (50).
            let many = (0..<240).map { k in stances[[0, 3, 1][k % 3]] }.joined(separator: " ")
            result.append(("many", "Japan-Australia Foreign Ministers’ Meeting\n\nOn May 2, \(years.upperBound), \(openings[0].1) \(many)\n"))
        }
        return result
    }

    static func opening(_ k: Int) -> String { openings[k].1 }

    static func documents(_ texts: [(path: String, text: String)]) -> [ReportDocument] {
        texts.map { ReportDocument(path: $0.path, annotated: sharedPipeline.annotate(Document(name: $0.path.split(separator: "/").last! + ".txt", text: $0.text))) }
    }

    /// Dates over more than three years (a yearly time axis) and within one year (monthly).
    static let overYears = documents(texts(count: 40, years: 2012...2024, seed: 7, long: true))
    static let withinAYear = documents(texts(count: 20, years: 2023...2023, seed: 11))
}

func temporaryFolder(_ name: String = "readout-report") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every entry of a folder, hidden ones too, with the bytes of the files.
func entries(_ folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
        var isDirectory: ObjCBool = false
        let url = folder.appending(path: path)
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        result[path] = isDirectory.boolValue ? Data() : try Data(contentsOf: url)
    }
    return result
}

@Suite struct StreamedReportTests {
    /// The report ReportWriter writes with every row in memory.
    func inMemory(_ documents: [ReportDocument]) throws -> [String: Data] {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ReportWriter(documents: documents).write(to: folder)
        return try entries(folder)
    }

    /// The report a collector writes, documents added in the given order from `threads` threads.
    func streamed(_ documents: [ReportDocument], order: [Int], threads: Int = 1, parallel: Bool = false) throws -> [String: Data] {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let collector = ReportCollector(folder: folder, paths: documents.map(\.path), parallel: parallel)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let k = next.take(below: order.count) { collector.add(documents[order[k]]) }
        }
        #expect(collector.count == documents.count)
        try collector.finish()
        return try entries(folder)
    }

    @Test(arguments: [0, 1])
    func streamedReportEqualsTheInMemoryOne(set: Int) throws {
        let documents = set == 0 ? ReportFixture.overYears : ReportFixture.withinAYear
        let expected = try inMemory(documents)
        #expect(expected.keys.sorted() == ReportWriter.files.sorted())
        if set == 0 {
            // Groups over the number of sentences listed, across documents: the first ones must
            // be the first in path order.
            let rows = documents.flatMap(\.stances)
            #expect(rows.count { $0.category.polarity == .negative } > ReportWriter.sentencesPerGroup + 20)
            #expect(Set(rows.map(\.document)).count > 30)
            let html = String(decoding: expected["report.html"]!, as: UTF8.self)
            #expect(html.contains("more: see stances.csv"))
            #expect(html.contains("more: see entities.csv"))
        }
        // In path order (the CSV files are renamed into place), in the order of the files
        // (as annotate takes them), reversed and shuffled from two threads (documents come out
        // of order: their rows and first sentences must still be in path order).
        let byPath = documents.indices.sorted { documents[$0].path < documents[$1].path }
        var g = ReportFixture.Generator(state: 3)
        var shuffled = Array(documents.indices)
        for k in shuffled.indices.reversed() { shuffled.swapAt(k, g.next(k + 1)) }
        for (order, threads) in [(byPath, 1), (Array(documents.indices), 1), (Array(byPath.reversed()), 1), (shuffled, 2)] {
            let streamed = try streamed(documents, order: order, threads: threads, parallel: threads > 1)
            #expect(streamed.keys.sorted() == expected.keys.sorted(), "no other file, no temporary one")
            for name in ReportWriter.files {
                #expect(streamed[name] == expected[name], "\(name) differs (threads \(threads))")
            }
        }
    }

    @Test func smallCollectionsAreTheSameToo() throws {
        let one = [ReportFixture.overYears[0]]
        #expect(try streamed(one, order: [0]) == (try inMemory(one)))
        let empty = [ReportFixture.withinAYear.first { $0.path == "empty" }!]
        #expect(try streamed(empty, order: [0]) == (try inMemory(empty)))
    }

    @Test func temporaryFilesLiveInAHiddenFolderUntilTheEnd() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = Array(ReportFixture.withinAYear.prefix(5))
        let collector = ReportCollector(folder: folder, paths: documents.map(\.path))
        for d in documents { collector.add(d) }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count == 1)
        #expect(names.allSatisfy { $0.hasPrefix(".readout-report-") && SpillDirectory.owner($0) == getpid() })
        // Nothing a brat collection would take for a document.
        let inside = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        #expect(!inside.contains { $0.hasSuffix(".txt") || $0.hasSuffix(".ann") })
        try collector.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ReportWriter.files.sorted())
    }

    @Test func aDiscardedReportLeavesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let collector = ReportCollector(folder: folder, paths: ReportFixture.withinAYear.map(\.path))
        for d in ReportFixture.withinAYear.prefix(3) { collector.add(d) }
        collector.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        collector.add(ReportFixture.withinAYear[4])
        try collector.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aReportThatCannotBeWrittenNamesTheFileAndLeavesNoTemporaryFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder where report.html should go: its rename fails, even for root.
        try FileManager.default.createDirectory(at: folder.appending(path: "report.html/x"), withIntermediateDirectories: true)
        let documents = Array(ReportFixture.withinAYear.prefix(4))
        for parallel in [false, true] {
            let collector = ReportCollector(folder: folder, paths: documents.map(\.path), parallel: parallel)
            for d in documents { collector.add(d) }
            #expect(collector.error == nil)
            let error = #expect(throws: WriteError.self) { try collector.finish() }
            #expect(error?.path == folder.appending(path: "report.html").path)
            #expect(try !FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.hasPrefix(".") })
            #expect(try !FileManager.default.contentsOfDirectory(atPath: folder.path).contains("report.md"))
        }
    }

    @Test func aFolderThatCannotBeMadeFailsTheReportNotTheCaller() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        // The report's folder is a file: no temporary folder can be made in it.
        let file = parent.appending(path: "collection")
        try Data("x".utf8).write(to: file)
        let collector = ReportCollector(folder: file, paths: ReportFixture.withinAYear.map(\.path))
        for d in ReportFixture.withinAYear.prefix(3) { collector.add(d) }
        #expect(collector.count == 0)
        let error = try #require(collector.error)
        #expect("\(error)".contains(file.path), "\(error)")
        #expect(throws: (any Error).self) { try collector.finish() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["collection"])
    }

    @Test func staleTemporaryFoldersOfDeadRunsAreRemoved() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dead = ".readout-report-2147483646-17.tmp", mine = ".readout-report-\(getpid())-18.tmp"
        for name in [dead, mine] {
            try FileManager.default.createDirectory(at: folder.appending(path: "\(name)/sub"), withIntermediateDirectories: true)
        }
        try Data().write(to: folder.appending(path: ".readout-report-notes.tmp"))
        SpillDirectory.removeStale(in: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".readout-report-notes.tmp", mine].sorted())
        #expect(SpillDirectory.owner(dead) == 2147483646)
        #expect(SpillDirectory.owner(".readout-report-1-x.tmp") == nil)
        // Not one of AtomicFile's temporary files (those are removed from document folders).
        #expect(!AtomicFile.isTemporary(dead))
    }

    @Test func streamedTemplateRenderingEqualsTheWholePage() throws {
        let template = try #require(CompiledTemplate("{{% CONTENT_TYPE: HTML}}<h1>{{title}}</h1>\n{{#items}}\n  <li>{{name}}{{#sub}} [{{x}}]{{/sub}}</li>\n{{/items}}\n{{^none}}none{{/none}}{{#lazy}}<p>{{name}} {{title}}</p>{{/lazy}}{{^empty}}empty{{/empty}}\n"))
        let items: [[String: Any]] = (0..<50).map { ["name": "<item \($0)>", "sub": ["x": $0]] }
        struct List: TemplateList {
            let elements: [[String: Any]]
            var isEmpty: Bool { elements.isEmpty }
            func forEach(_ body: (Any) throws -> Void) throws { for e in elements { try body(e) } }
        }
        let whole = try #require(template.render(["title": "T & U", "items": items, "none": [] as [Any], "lazy": items, "empty": [] as [Any]]))
        for chunk in [1, 7, 1 << 20] {
            var pieces: [UInt8] = []
            var calls = 0
            try template.render(["title": "T & U", "items": items, "none": List(elements: []), "lazy": List(elements: items), "empty": List(elements: [])],
                                chunk: chunk) { bytes in
                pieces.append(contentsOf: bytes)
                calls += 1
            }
            #expect(String(decoding: pieces, as: UTF8.self) == whole)
            if chunk == 1 { #expect(calls > 50) }
        }
    }

    @Test func spillRecordsRoundTrip() throws {
        var out = SpillEncoder()
        let values = [0, 1, 127, 128, 300, Int(Int32.max), Int.max, -1]
        for v in values { out.int(v) }
        out.string("Kamikawa “Yoko” \u{301}👋🏽")
        out.optional(nil as String?)
        out.optional("")
        out.optional(nil as Int?)
        out.optional(-5 as Int?)
        var d = SpillDecoder(out.bytes[...], path: "x")
        #expect(try values.map { _ in try d.int() } == values)
        #expect(try d.string() == "Kamikawa “Yoko” \u{301}👋🏽")
        #expect(try d.optional() == nil)
        #expect(try d.optional() == "")
        #expect(try d.optionalInt() == nil)
        #expect(try d.optionalInt() == -5)
        #expect(d.atEnd)
        #expect(throws: Failure.self) { try d.int() }
    }
}

/// Hands out 0, 1, 2 ... to several threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        defer { value += 1 }
        return value
    }
}

@Suite struct StreamedCollectionTests {
    /// Writes the fixture's texts as a folder of readouts.
    func inputFolder(_ texts: [(path: String, text: String)]) throws -> URL {
        let folder = try temporaryFolder("readout-input")
        for (path, text) in texts {
            let url = folder.appending(path: path + ".txt")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    @Test(arguments: [1, 2])
    func annotateWritesTheInMemoryReport(jobs: Int) throws {
        let texts = ReportFixture.texts(count: 24, years: 2019...2024, seed: 5)
        let input = try inputFolder(texts), out = try temporaryFolder(), reference = try temporaryFolder()
        defer { for f in [input, out, reference] { try? FileManager.default.removeItem(at: f) } }
        let result = BatchAnnotator(pipeline: sharedPipeline, outputDirectory: out, jobs: jobs).run(collectInputs([input.path]).files)
        #expect(result.failures.isEmpty)
        #expect(result.reports == texts.count)
        try ReportWriter(documents: ReportFixture.documents(texts)).write(to: reference)
        let written = try entries(out)
        for name in ReportWriter.files { #expect(written[name] == (try Data(contentsOf: reference.appending(path: name))), "\(name)") }
        #expect(!written.keys.contains { $0.split(separator: "/").contains { $0.hasPrefix(".") } }, "a temporary file is left")
    }

    @Test func anInterruptedRunWritesNoReportAndLeavesNoTemporaryFile() throws {
        let texts = ReportFixture.texts(count: 12, years: 2019...2024, seed: 5)
        let input = try inputFolder(texts), out = try temporaryFolder()
        defer { for f in [input, out] { try? FileManager.default.removeItem(at: f) } }
        let annotator = BatchAnnotator(pipeline: sharedPipeline, outputDirectory: out, jobs: 1)
        let result = annotator.run(collectInputs([input.path]).files) { p in
            if p.done == 4 { annotator.cancellation.cancel() }
        }
        #expect(result.interrupted)
        let written = try entries(out)
        #expect(written.keys.contains { $0.hasSuffix(".ann") })
        #expect(!written.keys.contains { ReportWriter.files.contains($0) })
        #expect(!written.keys.contains { $0.split(separator: "/").contains { $0.hasPrefix(".") } })
    }

    @Test func aRebuiltReportEqualsTheInMemoryOne() throws {
        let texts = ReportFixture.texts(count: 16, years: 2012...2024, seed: 9)
        let input = try inputFolder(texts), collection = try temporaryFolder(), streamed = try temporaryFolder(), reference = try temporaryFolder()
        defer { for f in [input, collection, streamed, reference] { try? FileManager.default.removeItem(at: f) } }
        _ = BatchAnnotator(pipeline: sharedPipeline, outputDirectory: collection, jobs: 2, writesReport: false).run(collectInputs([input.path]).files)
        // A stray file is reported and the rest is done.
        try Data("T1\tPerson 0 5\tJapan\n".utf8).write(to: collection.appending(path: "orphan.ann"))
        let reader = CollectionReader(pipeline: sharedPipeline)
        let (count, failures) = try reader.writeReport(of: collection, to: streamed)
        #expect(count == texts.count)
        #expect(failures.map(\.reason) == ["no text file orphan.txt beside it"])
        let (documents, _) = reader.read(folder: collection)
        try ReportWriter(documents: documents.map { ReportDocument(path: $0.path, annotated: $0.annotated) }).write(to: reference)
        #expect(try entries(streamed) == (try entries(reference)))
        // Nothing readable: nothing written.
        let empty = try temporaryFolder(), target = try temporaryFolder()
        defer { for f in [empty, target] { try? FileManager.default.removeItem(at: f) } }
        #expect(try reader.writeReport(of: empty, to: target).documents == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }
}
