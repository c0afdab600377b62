import Foundation
import Testing
@testable import ReadoutKit

@Suite struct BratTests {
    @Test func writesTAndNLinesInCodePoints() {
        let text = "🇯🇵 Japan-ROK"
        let ann = BratWriter.ann(sharedPipeline.annotate(Document(name: "t", text: text)))
        #expect(ann == """
            T1\tPlace 3 8\tJapan
            N1\tReference T1 Lexicon:JPN\tJapan
            T2\tPlace 9 12\tROK
            N2\tReference T2 Lexicon:KOR\tRepublic of Korea

            """)
    }

    @Test func configurationDeclaresEveryLabel() {
        let conf = BratWriter.annotationConf()
        let visual = BratWriter.visualConf()
        for label in EntityLabel.allCases {
            #expect(conf.contains("\n\(label.rawValue)\n"))
            #expect(visual.contains("\(label.rawValue)\tbgColor:"))
        }
    }

    @Test func parsesWhatItWrites() throws {
        let annotated = sharedPipeline.annotate(Document(name: "t", text: "Minister Kamikawa visited Busan."))
        let parsed = try BratDocument(parsing: BratWriter.ann(annotated))
        #expect(parsed.textBounds.map(\.label) == annotated.mentions.map(\.label.rawValue))
        #expect(parsed.normalizations.count == annotated.mentions.map(\.references.count).reduce(0, +))
    }

    @Test func rejectsMalformedLines() {
        #expect(throws: BratDocument.ParseError.self) { try BratDocument(parsing: "T1\tPlace x y\tJapan\n") }
        #expect(throws: BratDocument.ParseError.self) { try BratDocument(parsing: "Q1\tWhat\n") }
    }
}

@Suite struct CheckerTests {
    @Test func findsWrongOffsetsTextAndDanglingReferences() {
        let text = "Japan and Korea"
        let ann = """
            T1\tPlace 0 5\tJapan
            T2\tPlace 10 14\tKorea
            T3\tPlace 10 99\tKorea
            N1\tReference T9 Lexicon:JPN\tJapan
            """
        let problems = Checker.check(ann: ann, text: text).map(\.line)
        #expect(problems == [2, 3, 4])
    }

    @Test func passesASoundFile() {
        #expect(Checker.check(ann: "T1\tPlace 2 7\tJapan\n", text: "🇯🇵Japan").isEmpty)
    }
}

@Suite struct DocumentJSONTests {
    @Test func recordsSourceDigestLengthAndProvenance() throws {
        let text = "\u{FEFF}Foreign Minister Ekene Adaeze visited Japan."
        let json = DocumentJSON(sharedPipeline.annotate(Document(name: "x.txt", text: text)))
        #expect(json.source == "x.txt")
        #expect(json.length == text.unicodeScalars.count)
        #expect(json.sha256 == SHA256.hex(Array(text.utf8)))
        let person = try #require(json.entities.first { $0.label == "Person" })
        #expect(person.rule == "title-person")
        #expect(person.references == [Reference(id: "ekene-adaeze", name: "Ekene Adaeze")])
        let place = try #require(json.entities.first { $0.label == "Place" })
        #expect(place.rule == "lexicon" && place.lexicon == "places.tsv" && place.line != nil)
        #expect(place.sentence == 0)
        let again = try JSONDecoder().decode(DocumentJSON.self, from: json.encoded())
        #expect(again == json)
    }
}

@Suite struct EvaluationTests {
    @Test func countsExactAndLenientMatches() throws {
        let gold = try BratDocument(parsing: "T1\tPlace 0 5\tJapan\nT2\tPerson 10 20\tKamikawa Y\nT3\tPlace 30 35\tChina\n")
        let pred = try BratDocument(parsing: "T1\tPlace 0 5\tJapan\nT2\tPerson 10 18\tKamikawa\nT3\tOrganization 30 35\tChina\n")
        var e = EntityEvaluation()
        e.add(gold: gold, predicted: pred)
        let place = try #require(e.labels["Place"])
        #expect(place.gold == 2 && place.predicted == 1 && place.exact == 1)
        let person = try #require(e.labels["Person"])
        #expect(person.exact == 0 && person.lenientRecalled == 1 && person.lenientPrecise == 1)
        let micro = e.micro(EntityEvaluation.flatLabels)
        #expect(micro.gold == 3 && micro.predicted == 3 && micro.exact == 1)
        #expect(abs(micro.f1 - 1.0 / 3.0) < 1e-9)
    }
}
