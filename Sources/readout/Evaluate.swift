import ArgumentParser
import Foundation
import ReadoutKit

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score predicted annotations against gold ones (GUIDELINES.md section 5).",
        discussion: """
            Pairs GOLD_DIR/X.ann with PRED_DIR/X.ann (same relative path) and prints precision, \
            recall and F1 per entity label and micro-averaged: exact (same label and span) and \
            lenient (same label, any overlap). Then stances: a predicted stance matches a gold one \
            when the cues overlap and the categories are equal; precision, recall and F1 per \
            category and overall; over matched stances, holder accuracy (holder spans overlap or \
            share an id) and the token-level Dice of the targets. A gold file with no prediction \
            counts as all missed.
            """
    )

    @Argument(help: ArgumentHelp("Folder of gold .ann files.", valueName: "GOLD_DIR"))
    var gold: String

    @Argument(help: ArgumentHelp("Folder of predicted .ann files.", valueName: "PRED_DIR"))
    var predicted: String

    @Flag(help: "Print the scores as JSON.")
    var json = false

    func run() throws {
        let goldFiles = try annFiles(in: gold)
        let predictedFiles = try annFiles(in: predicted)
        guard !goldFiles.isEmpty else {
            warn("readout: \(gold): no .ann files")
            throw ExitCode(1)
        }
        var evaluation = EntityEvaluation()
        var stances = StanceEvaluation()
        for (relative, goldURL) in goldFiles.sorted(by: { $0.key < $1.key }) {
            let goldDocument = try parse(goldURL)
            let predictedDocument: BratDocument
            if let url = predictedFiles[relative] {
                predictedDocument = try parse(url)
            } else {
                evaluation.missing.append(relative)
                predictedDocument = BratDocument()
            }
            evaluation.add(gold: goldDocument, predicted: predictedDocument)
            stances.add(gold: goldDocument, predicted: predictedDocument)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            var report = EvaluationReport(evaluation)
            report.documents = evaluation.documents
            report.stances = StanceReport(stances)
            FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
        } else {
            print("Entities (\(evaluation.documents) documents)")
            print(evaluation.table(), terminator: "")
            print("\nStances")
            print(stances.table(), terminator: "")
            if !evaluation.missing.isEmpty {
                print("no prediction for: \(evaluation.missing.joined(separator: ", "))")
            }
        }
    }

    func annFiles(in folder: String) throws -> [String: URL] {
        try requireFolder(folder)
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        return Dictionary(annotationFiles(under: root).map { ($0.relative, $0.url) }, uniquingKeysWith: { a, _ in a })
    }

    func parse(_ url: URL) throws -> BratDocument {
        let text = try String(contentsOf: url, encoding: .utf8)
        do {
            return try BratDocument(parsing: text)
        } catch {
            warn("readout: \(url.path):\(error.line): \(error.reason)")
            throw ExitCode(2)
        }
    }
}

/// The JSON form of the scores.
struct EvaluationReport: Encodable {
    struct Scores: Encodable {
        var gold: Int, predicted: Int
        var precision: Double, recall: Double, f1: Double
        var lenientPrecision: Double, lenientRecall: Double, lenientF1: Double

        init(_ c: EntityEvaluation.Counts) {
            gold = c.gold; predicted = c.predicted
            precision = c.precision; recall = c.recall; f1 = c.f1
            lenientPrecision = c.lenientPrecision; lenientRecall = c.lenientRecall; lenientF1 = c.lenientF1
        }
    }

    var documents = 0
    var stances: StanceReport?
    var entities: [String: Scores]
    var microFlat: Scores
    var microAll: Scores
    var missing: [String]

    init(_ e: EntityEvaluation) {
        entities = e.labels.mapValues(Scores.init)
        microFlat = Scores(e.micro(EntityEvaluation.flatLabels))
        microAll = Scores(e.micro(EntityEvaluation.scoredLabels))
        missing = e.missing
    }
}

/// The JSON form of the stance scores.
struct StanceReport: Encodable {
    struct Scores: Encodable {
        var gold: Int, predicted: Int, matched: Int
        var precision: Double, recall: Double, f1: Double
        init(_ c: StanceEvaluation.Counts) {
            gold = c.gold; predicted = c.predicted; matched = c.matched
            precision = c.precision; recall = c.recall; f1 = c.f1
        }
    }

    var categories: [String: Scores]
    var overall: Scores
    var holderAccuracy: Double
    var targetDice: Double

    init(_ e: StanceEvaluation) {
        categories = e.categories.mapValues(Scores.init)
        overall = Scores(e.overall)
        holderAccuracy = e.holderAccuracy
        targetDice = e.targetDice
    }
}
