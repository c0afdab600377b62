import Foundation
import Testing

/// Runs the built `readout` binary.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Paths {
    /// The package root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")
    /// The `readout` executable built beside the test bundle.
    static let binary: URL = {
        let products = Bundle.main.bundleURL
        for candidate in [products.appending(path: "readout"), products.deletingLastPathComponent().appending(path: "readout")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return products.appending(path: "readout")
    }()
}

@discardableResult
func readout(_ arguments: [String], stdin: Data? = nil) throws -> Run {
    let process = Process()
    process.executableURL = Paths.binary
    process.arguments = arguments
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    // Read both pipes before waiting so a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
               stderr: String(decoding: errData, as: UTF8.self))
}

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "readout-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Relative paths of the files with an extension under a folder.
func files(under folder: URL, ext: String) -> [String] {
    let prefix = folder.standardizedFileURL.path + "/"
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    var found: [String] = []
    while let url = enumerator?.nextObject() as? URL {
        if url.pathExtension == ext { found.append(String(url.standardizedFileURL.path.dropFirst(prefix.count))) }
    }
    return found.sorted()
}

@Suite(.serialized) struct AnnotateCommandTests {
    @Test func fixtureFolderMatchesTheExpectedBratFiles() throws {
        let input = Paths.fixtures.appending(path: "basic/input")
        let expected = Paths.fixtures.appending(path: "basic/expected")
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try readout(["annotate", input.path, "-o", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("annotated 2 documents"))
        let expectedFiles = files(under: expected, ext: "ann")
        #expect(expectedFiles == ["2023-09-14-canada-korea-call.ann", "2024/2024-02-21-japan-brazil-fmm.ann"])
        #expect(files(under: out, ext: "ann") == expectedFiles)
        for name in expectedFiles {
            let want = try String(contentsOf: expected.appending(path: name), encoding: .utf8)
            let got = try String(contentsOf: out.appending(path: name), encoding: .utf8)
            #expect(got == want, "\(name) differs from the expected brat file")
        }
        // A self-contained collection: texts copied byte for byte, brat configuration, JSON.
        #expect(files(under: out, ext: "txt") == ["2023-09-14-canada-korea-call.txt", "2024/2024-02-21-japan-brazil-fmm.txt"])
        let original = try Data(contentsOf: input.appending(path: "2024/2024-02-21-japan-brazil-fmm.txt"))
        #expect(try Data(contentsOf: out.appending(path: "2024/2024-02-21-japan-brazil-fmm.txt")) == original)
        #expect(FileManager.default.fileExists(atPath: out.appending(path: "annotation.conf").path))
        #expect(FileManager.default.fileExists(atPath: out.appending(path: "visual.conf").path))
        #expect(files(under: out, ext: "json").count == 2)
        #expect(try readout(["check", out.path]).status == 0)
        // No stray temporary files.
        let all = try FileManager.default.subpathsOfDirectory(atPath: out.path)
        #expect(!all.contains { $0.hasSuffix(".tmp") })
    }

    @Test func shippedAnnotationsAreWhatTheToolProduces() throws {
        let shipped = Paths.root.appending(path: "Annotations")
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let texts = files(under: shipped, ext: "txt")
        #expect(!texts.isEmpty)
        let run = try readout(["annotate"] + texts.map { shipped.appending(path: $0).path } + ["-o", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        for name in texts {
            for ext in ["ann", "json"] {
                let file = (name as NSString).deletingPathExtension + "." + ext
                let committed = try Data(contentsOf: shipped.appending(path: file))
                let fresh = try Data(contentsOf: out.appending(path: file))
                #expect(committed == fresh, "Annotations/\(file) is stale: run `swift run readout annotate Annotations`")
            }
        }
        for conf in ["annotation.conf", "visual.conf", "report.html", "report.md", "stances.csv", "entities.csv", "meetings.csv"] {
            #expect(try Data(contentsOf: shipped.appending(path: conf)) == Data(contentsOf: out.appending(path: conf)))
        }
    }

    @Test func writesBesideTheInputsWithoutOutputFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Minister Kamikawa visited Busan.".write(to: folder.appending(path: "a.txt"), atomically: true, encoding: .utf8)
        let run = try readout(["annotate", folder.path])
        #expect(run.status == 0)
        for name in ["a.ann", "a.json", "annotation.conf", "visual.conf"] {
            #expect(FileManager.default.fileExists(atPath: folder.appending(path: name).path), "\(name)")
        }
        let ann = try String(contentsOf: folder.appending(path: "a.ann"), encoding: .utf8)
        #expect(ann.contains("Person 9 17\tKamikawa"))
    }

    @Test func badInputsAreReportedAndTheBatchGoesOn() throws {
        let folder = try temporaryFolder()
        let out = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: out)
        }
        func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: folder.appending(path: name)) }
        try write("good.txt", Array("Japan and Brazil met in Tokyo.".utf8))
        try write("bad-middle.txt", Array("Japan ".utf8) + [0xC3, 0x28] + Array(" Brazil".utf8))
        try write("bad-start.txt", [0xFF] + Array("Japan".utf8))
        try write("truncated.txt", Array("Japan 日".utf8).dropLast())
        try write("utf16.txt", [0xFF, 0xFE] + Array("Japan".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try write("binary.txt", Array("PK".utf8) + [0, 0, 3, 4] + Array("data".utf8))
        try write("empty.txt", [])
        try write("blank.txt", Array(" \n\t\r\n".utf8))
        let missing = folder.appending(path: "no-such-file.txt").path
        let run = try readout(["annotate", folder.path, missing, "-o", out.path, "--jobs", "2"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad-middle.txt: not valid UTF-8: bad byte sequence at byte offset 6"))
        #expect(run.stderr.contains("bad-start.txt: not valid UTF-8: bad byte sequence at byte offset 0"))
        #expect(run.stderr.contains("truncated.txt: not valid UTF-8: bad byte sequence at byte offset 6"))
        #expect(run.stderr.contains("utf16.txt: not UTF-8: looks like UTF-16"))
        #expect(run.stderr.contains("binary.txt: binary file: NUL byte at byte offset 2"))
        #expect(run.stderr.contains("no-such-file.txt: no such file or directory"))
        #expect(run.stderr.contains("annotated 3 documents"))
        #expect(run.stderr.contains("6 failed"))
        #expect(files(under: out, ext: "ann") == ["blank.ann", "empty.ann", "good.ann"])
        #expect(try String(contentsOf: out.appending(path: "empty.ann"), encoding: .utf8) == "")
        #expect(try readout(["check", out.path]).status == 0)
    }

    @Test func hostileTextsStayExactInCodePoints() throws {
        let folder = try temporaryFolder()
        let out = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: out)
        }
        let samples: [String: String] = [
            "emoji.txt": "🇺🇳🇯🇵 Japan-ROK 👋🏽👋🏿 talks 👨‍👩‍👧‍👦 Minister Kamikawa met H.E. Dr. Park Jin in Busan.",
            "cjk.txt": "日本国と大韓民国の外相会談。Minister Kamikawa met Foreign Minister Wang Yi in 北京 and Beijing.",
            "crlf.txt": "Japan-Brazil Relations\r\n\r\nMarch 1, 2024\r\nMinister Kamikawa met Mr. Mauro Vieira in Brasília.\r\n",
            "bom.txt": "\u{FEFF}Japan-China Relations\nMinister Kamikawa met Foreign Minister Wang Yi.",
            "combining.txt": "Se\u{301}oul and Seoul: Minister Park Jin met the U\u{308}N and the UN in Hanoi and Ha\u{300} No\u{323}i.",
            "controls.txt": "Japan\u{200B}China \u{202E}Korea\u{202C} \u{0007}Brazil \u{0085}India\u{2028}Chile",
        ]
        for (name, text) in samples { try text.write(to: folder.appending(path: name), atomically: true, encoding: .utf8) }
        // One megabyte on a single line.
        let line = String(repeating: "Minister Kamikawa met Foreign Minister Wang Yi in Tokyo 🇯🇵 and 北京; ", count: 14_000)
        try line.write(to: folder.appending(path: "long-line.txt"), atomically: true, encoding: .utf8)
        // The report is tested elsewhere; here only offsets matter (and a debug build is slow).
        let run = try readout(["annotate", folder.path, "-o", out.path, "--no-report"])
        #expect(run.status == 0, "\(run.stderr)")
        let check = try readout(["check", out.path])
        #expect(check.status == 0, "\(check.stdout)")
        let long = try String(contentsOf: out.appending(path: "long-line.ann"), encoding: .utf8)
        #expect(long.split(separator: "\n").count > 14_000)
    }

    @Test func standardInputGivesJSON() throws {
        let run = try readout(["annotate", "-"], stdin: Data("Foreign Minister Penny Wong visited Japan.".utf8))
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["source"] as? String == "-")
        let entities = try #require(json["entities"] as? [[String: Any]])
        #expect(entities.contains { $0["label"] as? String == "Person" && $0["text"] as? String == "Penny Wong" })
    }

    @Test func anUnwritableOutputIsAFailure() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Japan".write(to: folder.appending(path: "a.txt"), atomically: true, encoding: .utf8)
        // A regular file where the output folder should be.
        let blocker = folder.appending(path: "out")
        try "not a folder".write(to: blocker, atomically: true, encoding: .utf8)
        let run = try readout(["annotate", folder.appending(path: "a.txt").path, "-o", blocker.appending(path: "sub").path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("failed"))
    }

    @Test func aBrokenUserLexiconIsRefusedWithItsLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id\tlabel\tname\taliases\tcountry\trole\tfrom\tto\nx\tPlanet\tMars\t\t\t\t\t\n"
            .write(to: folder.appending(path: "mine.tsv"), atomically: true, encoding: .utf8)
        let run = try readout(["annotate", "-", "--lexicons", folder.path], stdin: Data("Mars".utf8))
        #expect(run.status == 2)
        #expect(run.stderr.contains("mine.tsv:2:3: unknown label 'Planet'"))
    }
}

@Suite struct OtherCommandTests {
    @Test func checkReportsAMismatch() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Japan and Korea".write(to: folder.appending(path: "a.txt"), atomically: true, encoding: .utf8)
        try "T1\tPlace 0 5\tJapan\nT2\tPlace 10 15\tKorean\n".write(to: folder.appending(path: "a.ann"), atomically: true, encoding: .utf8)
        let run = try readout(["check", folder.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("a.ann:2: T2 covers \"Korea\" but the file says \"Korean\""))
    }

    @Test func evaluateScoresAPredictionAgainstGold() throws {
        let expected = Paths.fixtures.appending(path: "basic/expected")
        let run = try readout(["evaluate", expected.path, expected.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("micro P/P/O"))
        let json = try readout(["evaluate", expected.path, expected.path, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let micro = try #require(object["microFlat"] as? [String: Any])
        #expect(micro["f1"] as? Double == 1.0)
    }

    @Test func segmentShowsSentencesAndTokens() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "s.txt")
        try "They met H.E. Dr. Lee Min at 9:00 a.m. in Seoul. Then they left.".write(to: file, atomically: true, encoding: .utf8)
        let run = try readout(["segment", file.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("[1] 0-48\tThey met H.E. Dr. Lee Min at 9:00 a.m. in Seoul."))
        #expect(run.stdout.contains("[2] 49-64\tThen they left."))
        #expect(run.stdout.contains("\tnumber\t9"))
    }

    @Test func helpTeaches() throws {
        let run = try readout(["annotate", "--help"])
        #expect(run.stdout.contains("--lexicons"))
        #expect(run.stdout.contains("self-contained brat"))
    }
}

/// What the shipped sample readout must show (the acceptance points).
@Suite struct SampleReadoutTests {
    struct Sample {
        var text: String
        var json: [String: Any]
        var ann: String
    }

    func sample() throws -> Sample {
        let folder = Paths.root.appending(path: "Annotations")
        let name = try #require(files(under: folder, ext: "txt").first).dropLast(4)
        let text = try String(contentsOf: folder.appending(path: name + ".txt"), encoding: .utf8)
        let data = try Data(contentsOf: folder.appending(path: name + ".json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let ann = try String(contentsOf: folder.appending(path: name + ".ann"), encoding: .utf8)
        return Sample(text: text, json: json, ann: ann)
    }

    func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)[start..<end]
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    @Test func sentencesKeepTitlesAndTimesInside() throws {
        let s = try sample()
        let sentences = try #require(s.json["sentences"] as? [[String: Int]]).map { slice(s.text, $0["start"]!, $0["end"]!) }
        #expect(sentences.contains { $0.contains("H.E. Dr. Park Jin") && $0.contains("09:00 a.m.") })
        #expect(!sentences.contains { $0.hasSuffix("H.E.") || $0.hasSuffix("Dr.") || $0.hasSuffix("a.m.") })
    }

    @Test func entitiesAsTheGuidelinesSay() throws {
        let s = try sample()
        let entities = try #require(s.json["entities"] as? [[String: Any]])
        func texts(_ label: String) -> [String] { entities.filter { $0["label"] as? String == label }.compactMap { $0["text"] as? String } }
        func ids(_ text: String) -> Set<String> {
            Set(entities.filter { $0["text"] as? String == text }.flatMap { ($0["references"] as? [[String: String]] ?? []).compactMap { $0["id"] } })
        }
        // "Japan-ROK" gives two Places; "North Korea’s" gives "North Korea".
        #expect(s.ann.contains("\tPlace 81 86\tJapan\n") && s.ann.contains("\tPlace 87 90\tROK\n"))
        #expect(texts("Place").contains("North Korea") && !texts("Place").contains { $0.hasSuffix("’s") })
        #expect(ids("Kamikawa") == ["kamikawa-yoko"])
        #expect(ids("United Nations Security Council") == ["UNSC"])
        #expect(ids("Park Jin") == ids("Park"))
    }

    @Test func allEighteenStancesWithTheirHolders() throws {
        let s = try sample()
        let stances = try #require(s.json["stances"] as? [[String: Any]])
        #expect(stances.compactMap { $0["category"] as? String } == [
            "Welcome", "Agree", "Welcome", "Hope", "Regret", "Urge", "Condemn", "Concern", "Commit",
            "Appreciate", "Support", "Commit", "Support", "Hope", "Agree", "Hope", "Agree", "Hope",
        ])
        let holders = stances.map { ($0["holders"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
        #expect(holders == [
            ["The two Ministers"], ["The two Ministers"], ["The two Ministers"], ["The two Ministers"], ["Kamikawa"],
            ["She"], ["The two Ministers"], ["they"], ["they"], ["Kamikawa"], ["ROK"], ["The two Ministers"],
            ["Japan"], ["Kamikawa"], ["The two Ministers"], ["she"], ["Park"], ["Park"],
        ])
    }
}

@Suite struct UserCueTests {
    @Test func aUserCueLexiconAddsCues() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "lemma\tcategory\tpos\tforms\nlament\tRegret\tverb\tlament|laments|lamented|lamenting\n"
            .write(to: folder.appending(path: "cues-mine.tsv"), atomically: true, encoding: .utf8)
        let text = "Foreign Minister Ekene Adaeze met Prime Minister Mauro Vieira. Minister Adaeze lamented the delay."
        let plain = try readout(["annotate", "-"], stdin: Data(text.utf8))
        #expect(!plain.stdout.contains("\"Regret\""))
        let run = try readout(["annotate", "-", "--lexicons", folder.path], stdin: Data(text.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"category\" : \"Regret\""))
        // A broken cue file is refused with its line.
        try "lemma\tcategory\tpos\tforms\nsulk\tSulk\tverb\tsulked\n".write(to: folder.appending(path: "cues-mine.tsv"), atomically: true, encoding: .utf8)
        let broken = try readout(["annotate", "-", "--lexicons", folder.path], stdin: Data(text.utf8))
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("cues-mine.tsv:2:6: unknown category 'Sulk'"))
    }
}

/// Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF).
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
            } else { field.unicodeScalars.append(c) }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field); field = ""
        } else if c == "\r" {
            continue
        } else if c == "\n" {
            row.append(field); rows.append(row); row = []; field = ""
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

@Suite(.serialized) struct ReportTests {
    /// Counts of the .ann files of a folder: stance events by category, entity mentions.
    func annCounts(_ folder: URL) throws -> (events: [String: Int], mentions: Int, documents: Int) {
        var events: [String: Int] = [:]
        var mentions = 0
        let anns = files(under: folder, ext: "ann")
        for name in anns {
            for line in try String(contentsOf: folder.appending(path: name), encoding: .utf8).split(separator: "\n") {
                let fields = line.split(separator: "\t")
                if line.hasPrefix("E") { events[String(fields[1].split(separator: ":")[0]), default: 0] += 1 }
                if line.hasPrefix("T"), let label = fields[1].split(separator: " ").first,
                   ["Person", "Place", "Organization", "Title", "Meeting", "Date", "Actor"].contains(String(label)) { mentions += 1 }
            }
        }
        return (events, mentions, anns.count)
    }

    @Test func everyCountEqualsTheAnnotationFiles() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let input = Paths.fixtures.appending(path: "basic/input")
        #expect(try readout(["annotate", input.path, "-o", out.path]).status == 0)
        let counts = try annCounts(out)
        let stances = parseCSV(try String(contentsOf: out.appending(path: "stances.csv"), encoding: .utf8))
        #expect(stances.first?.first == "document")
        #expect(stances.count - 1 == counts.events.values.reduce(0, +))
        let categoryColumn = try #require(stances[0].firstIndex(of: "category"))
        let csvByCategory = Dictionary(grouping: stances.dropFirst(), by: { $0[categoryColumn] }).mapValues(\.count)
        #expect(csvByCategory == counts.events)
        #expect(stances.dropFirst().allSatisfy { $0.count == stances[0].count })
        let entities = parseCSV(try String(contentsOf: out.appending(path: "entities.csv"), encoding: .utf8))
        #expect(entities.count - 1 == counts.mentions)
        let meetings = parseCSV(try String(contentsOf: out.appending(path: "meetings.csv"), encoding: .utf8))
        #expect(meetings.count - 1 == counts.documents)
        let dates = meetings.dropFirst().map { $0[3] }
        #expect(dates == ["2023-09-14", "2024-02-21"])
        // The Markdown and HTML tables say the same.
        let markdown = try String(contentsOf: out.appending(path: "report.md"), encoding: .utf8)
        for (category, n) in counts.events {
            #expect(markdown.contains("| \(category) | "), "\(category)")
            #expect(markdown.split(separator: "\n").contains { $0.hasPrefix("| \(category) |") && $0.hasSuffix("| \(n) |") })
        }
        let html = try String(contentsOf: out.appending(path: "report.html"), encoding: .utf8)
        #expect(html.contains("\(counts.events.values.reduce(0, +)) stances"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains(out.path))
    }

    @Test func reportRebuildsFromTheFilesAndFollowsEdits() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let input = Paths.fixtures.appending(path: "basic/input")
        #expect(try readout(["annotate", input.path, "-o", out.path]).status == 0)
        let before = try Data(contentsOf: out.appending(path: "stances.csv"))
        let html = try Data(contentsOf: out.appending(path: "report.html"))
        // Rebuilt from the files alone: the same bytes.
        let run = try readout(["report", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Data(contentsOf: out.appending(path: "stances.csv")) == before)
        #expect(try Data(contentsOf: out.appending(path: "report.html")) == html)
        // A review removes a stance (its E line): the report follows.
        let ann = out.appending(path: "2023-09-14-canada-korea-call.ann")
        let lines = try String(contentsOf: ann, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { !($0.hasPrefix("E") && $0.contains("Condemn:")) && !$0.hasPrefix("A") }
        try kept.joined(separator: "\n").write(to: ann, atomically: true, encoding: .utf8)
        #expect(try readout(["report", out.path]).status == 0)
        let after = parseCSV(try String(contentsOf: out.appending(path: "stances.csv"), encoding: .utf8))
        #expect(after.count == parseCSV(String(decoding: before, as: UTF8.self)).count - 1)
        #expect(!after.contains { $0.contains("Condemn") })
    }

    @Test func statsGroupsFiltersAndFormats() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try readout(["annotate", Paths.fixtures.appending(path: "basic/input").path, "-o", out.path]).status == 0)
        let table = try readout(["stats", out.path, "--by", "holder,category"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("holder"))
        let csv = try readout(["stats", out.path, "--by", "category", "--where", "holder-country=CAN", "--format", "csv"])
        let rows = parseCSV(csv.stdout)
        #expect(rows.first == ["category", "count"])
        #expect(Set(rows.dropFirst().map { $0[0] }).isSubset(of: ["Condemn", "Support", "Agree"]))
        let json = try readout(["stats", out.path, "--by", "month", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "json"])
        let groups = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(groups.map { $0["month"] as? String } == ["2024-02"])
        let bad = try readout(["stats", out.path, "--by", "colour"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("unknown dimension 'colour'"))
    }
}

@Suite struct LexiconExportTests {
    @Test func spacyPatternsCoverTheLexiconsAsJSONLines() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id\tlabel\tname\taliases\tcountry\trole\tfrom\tto\nokonkwo-adebayo\tPerson\tAdebayo Okonkwo\tOkonkwo \"Ade\"\tNGA\t\t\t\n"
            .write(to: folder.appending(path: "mine.tsv"), atomically: true, encoding: .utf8)
        let out = folder.appending(path: "patterns.jsonl")
        let run = try readout(["lexicon", "export", "--format", "spacy-patterns", "--lexicons", folder.path, "-o", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]) }
        #expect(objects.count > 3000)
        #expect(objects.contains { $0 == ["label": "Place", "pattern": "Republic of Korea", "id": "KOR"] })
        #expect(objects.contains { $0 == ["label": "Person", "pattern": "Okonkwo \"Ade\"", "id": "okonkwo-adebayo"] })
        #expect(!objects.contains { $0["label"] == "Title" })
    }
}
