import ArgumentParser
import Foundation
import ReadoutKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the summary report of an annotated collection from its files.",
        discussion: """
            Reads every NAME.ann with its NAME.txt under DIR (brat is the truth, so a review's \
            edits show up), recomputes sentences and meeting metadata, and writes report.html, \
            report.md, stances.csv, entities.csv and meetings.csv into DIR (or -o DIR). The same \
            annotations always give the same bytes.
            """
    )

    @Argument(help: ArgumentHelp("The annotated collection.", valueName: "DIR"))
    var folder: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the report (default: DIR).", valueName: "DIR"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("A folder of extra lexicons, as for annotate.", valueName: "DIR"))
    var lexicons: [String] = []

    func run() throws {
        try requireFolder(folder)
        let pipeline = try loadPipeline(lexicons: lexicons)
        let target = URL(fileURLWithPath: output ?? folder)
        // One document at a time: memory does not grow with the collection.
        let count: Int, failures: [Failure]
        do {
            (count, failures) = try CollectionReader(pipeline: pipeline).writeReport(of: URL(fileURLWithPath: folder), to: target)
        } catch {
            warn("readout: report: \(error)")
            throw ExitCode(1)
        }
        for failure in failures { warn("readout: \(failure)") }
        if count == 0 {
            warn("readout: \(folder): no annotated readouts (NAME.ann beside NAME.txt)")
            throw ExitCode(1)
        }
        warn("readout: report of \(count) readout\(count == 1 ? "" : "s") written to \(target.path)/report.html")
    }
}

/// The report summaries of a collection's documents; failures are reported, and a collection
/// without any readable document is an error.
func readCollection(_ folder: String, lexicons: [String]) throws -> [ReportDocument] {
    try requireFolder(folder)
    let pipeline = try loadPipeline(lexicons: lexicons)
    let (documents, failures) = CollectionReader(pipeline: pipeline).read(folder: URL(fileURLWithPath: folder))
    for failure in failures { warn("readout: \(failure)") }
    if documents.isEmpty {
        warn("readout: \(folder): no annotated readouts (NAME.ann beside NAME.txt)")
        throw ExitCode(1)
    }
    return documents.map { ReportDocument(path: $0.path, annotated: $0.annotated) }
}
