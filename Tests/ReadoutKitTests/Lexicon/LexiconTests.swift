import Foundation
import Testing
@testable import ReadoutKit

@Suite struct LexiconLoadingTests {
    let header = "id\tlabel\tname\taliases\tcountry\trole\tfrom\tto\n"

    func errors(_ body: String, file: String = "user.tsv") -> [String] {
        var lexicon = Lexicon()
        do {
            try lexicon.add(files: [(file, header + body)])
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func builtInLexiconsLoadAndCoverTheBasics() throws {
        let lexicon = try Lexicon.builtIn()
        #expect(lexicon.entry(alias: "ROK", label: .place)?.id == "KOR")
        #expect(lexicon.entry(alias: "DPRK", label: .place)?.id == "PRK")
        #expect(lexicon.entry(alias: "Viet Nam", label: .place)?.id == "VNM")
        #expect(lexicon.entry(alias: "Türkiye", label: .place)?.id == "TUR")
        #expect(lexicon.entry(alias: "UNSC", label: .organization)?.id == "UNSC")
        #expect(lexicon.entry(alias: "Yoko Kamikawa", label: .person)?.id == "kamikawa-yoko")
        #expect(lexicon.entry(alias: "H.E.", label: .title) != nil)
        let counts = Dictionary(grouping: lexicon.entries, by: \.label).mapValues(\.count)
        #expect(counts[.place, default: 0] >= 249)
        #expect(counts[.organization, default: 0] >= 150)
        #expect(lexicon.abbreviations.kind(of: "Dr.") == .title)
        #expect(lexicon.demonyms["Japanese"] == "JPN")
    }

    @Test func acceptsAGoodFile() {
        #expect(errors("acme\tOrganization\tAcme Council\tACME|Acme\t\tother\t\t\n# comment\n\n").isEmpty)
    }

    @Test func reportsFileLineAndColumn() {
        #expect(errors("x\tThing\tX\t\t\t\t\t\n") == ["user.tsv:2:3: unknown label 'Thing' (expected Person, Place, Organization, Title)"])
        #expect(errors("x\tPlace\tX\t\t\t\n") == ["user.tsv:2:1: expected 8 TAB-separated columns, found 6"])
        #expect(errors("x\tPlace\tX\ta||b\t\t\t\t\n") == ["user.tsv:2:11: empty alias"])
        #expect(errors("x\tPlace\tX\t\tjp\t\t\t\n") == ["user.tsv:2:12: country 'jp' is not an ISO 3166-1 alpha-3 code"])
        #expect(errors("x\tPlace\tX\t\t\t\t2020-1\t\n").first?.hasPrefix("user.tsv:2:") == true)
    }

    @Test func rejectsDuplicateIdsAndSharedAliases() {
        let dup = errors("x\tPlace\tX\t\t\t\t\t\nx\tPlace\tY\t\t\t\t\t\n")
        #expect(dup == ["user.tsv:3:1: duplicate id 'x' for Place (first defined at user.tsv:2)"])
        let shared = errors("x\tPlace\tX\tZed\t\t\t\t\ny\tPlace\tY\tZed\t\t\t\t\n")
        #expect(shared == ["user.tsv:3:11: alias 'Zed' is already claimed by Place 'x' (user.tsv:2)"])
        // The same alias under two labels is fine: the tagger decides by context.
        #expect(errors("x\tPlace\tX\tZed\t\t\t\t\ny\tPerson\tY\tZed\t\t\t\t\n").isEmpty)
    }

    @Test func requiresTheHeader() {
        var lexicon = Lexicon()
        #expect(throws: LexiconErrors.self) { try lexicon.add(files: [("bad.tsv", "id\tlabel\n")]) }
    }

    @Test func userFoldersAddToTheBuiltIns() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "readout-lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try (header + "okonkwo-adebayo\tPerson\tAdebayo Okonkwo\tOkonkwo\tNGA\tforeign-minister\t\t\n")
            .write(to: folder.appending(path: "mine.tsv"), atomically: true, encoding: .utf8)
        let lexicon = try Lexicon.load(userFolders: [folder])
        #expect(lexicon.entry(alias: "Adebayo Okonkwo", label: .person)?.id == "okonkwo-adebayo")
        #expect(lexicon.entry(alias: "Japan", label: .place)?.id == "JPN")
    }

    @Test func aBrokenUserLexiconStopsThePipeline() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "readout-lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // "Japan" is already the built-in JPN.
        try (header + "nippon\tPlace\tJapan\t\t\t\t\t\n").write(to: folder.appending(path: "x.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: LexiconErrors.self) { try Pipeline(userLexicons: [folder]) }
    }
}

@Suite struct PhraseMatcherTests {
    @Test func findsTheLongestForm() throws {
        let view = sharedPipeline.entityTagger.matcher
        let doc = Document(name: "t", text: "the United Nations Security Council met")
        let seg = sharedPipeline.segmenter.segment(doc)
        let texts = seg.tokens.map { doc.text(of: $0.span) }
        let keys = texts.map { view.keyID($0) }
        let m = try #require(view.longestMatch(keys: keys, alternates: keys.map { _ in -1 }, from: 1, upTo: keys.count, accept: { _ in true }))
        #expect(m.end - m.start == 4)
        #expect(m.entries.first?.id == "UNSC")
    }

    @Test func typographicApostrophesMatchStraightOnes() {
        #expect(PhraseMatcher.key("People’s") == PhraseMatcher.key("People's"))
    }
}

@Suite struct FastLexiconPathTests {
    @Test func tsvLinesSplitOnBytes() {
        let text = "\u{FEFF}id\tlabel\r\n# comment\n \t \nx\té\t\n\nlast\tline"
        let lines = TSVLine.lines(of: text)
        #expect(lines.map(\.number) == [1, 4, 6])
        #expect(lines.map(\.fields) == [["id", "label"], ["x", "é", ""], ["last", "line"]])
        #expect(TSVLine.lines(of: "").isEmpty)
        #expect(TSVLine.lines(of: "a\n").map(\.fields) == [["a"]])
    }

    /// Spreadsheets save TSV with CRLF line ends.
    @Test func aLexiconSavedWithCRLFLoads() throws {
        var lexicon = Lexicon()
        try lexicon.add(files: [("excel.tsv", "id\tlabel\tname\taliases\tcountry\trole\tfrom\tto\r\nx-y\tPerson\tXu Ye\tYe Xu\t\t\t\t\r\n")])
        #expect(lexicon.entry(id: "x-y", label: .person)?.name == "Xu Ye")
        #expect(lexicon.entry(alias: "Ye Xu", label: .person)?.id == "x-y")
    }
}
