import ArgumentParser
import Foundation
import ReadoutKit

@main
struct Readout: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readout",
        abstract: "Annotate diplomatic meeting readouts: people, places, organizations, titles, meetings and dates.",
        discussion: """
            readout reads plain-text readouts (UTF-8), segments them with ICU, tags entities with \
            its lexicons and rules, and writes brat stand-off files (.ann) plus a JSON file per \
            document. Offsets are Unicode code points everywhere.

            Typical use:
              readout annotate readouts/ -o annotated/     # a brat collection in annotated/
              readout check annotated/                     # verify every span against its text
              readout report annotated/                    # rebuild report.html, report.md, CSVs
              readout stats annotated/ --by holder,category --where target=PRK
              readout evaluate gold/ annotated/            # precision, recall, F1 per label
            """,
        subcommands: [Annotate.self, Report.self, Stats.self, Check.self, Evaluate.self, Segment.self, LexiconCommand.self]
    )
}

/// Writes one line to standard error.
func warn(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Loads the built-in lexicons and the user's, or exits with every problem listed.
func loadPipeline(lexicons: [String]) throws -> Pipeline {
    do {
        return try Pipeline(userLexicons: lexicons.map { URL(fileURLWithPath: $0) })
    } catch let error as LexiconErrors {
        for e in error.errors { warn("readout: lexicon error: \(e)") }
        warn("readout: refusing to run with a broken lexicon (\(error.errors.count) problem\(error.errors.count == 1 ? "" : "s"))")
        throw ExitCode(2)
    }
}
