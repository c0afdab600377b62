import ArgumentParser
import Foundation
import ReadoutKit

@main
struct Readout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readout",
        abstract: "Annotate diplomatic meeting readouts: people, places, organizations and stances.",
        discussion: """
            readout reads plain-text readouts (UTF-8), segments them with ICU, tags people, \
            places, organizations, titles, meetings and dates with its lexicons and rules, finds \
            the stances taken (who condemned, welcomed, urged or agreed to what), and writes \
            brat stand-off files (.ann), a JSON file per document and a summary report. \
            Offsets are Unicode code points everywhere.

            Typical use:
              readout annotate readouts/ -o annotated/
              readout check annotated/
              readout stats annotated/ --by holder,category --where target=PRK
              readout report annotated/
              readout evaluate gold/ annotated/
              readout review annotated/
            """,
        subcommands: [Annotate.self, Report.self, Stats.self, Check.self, Evaluate.self, Segment.self, LexiconCommand.self, Review.self]
    )
}

/// Writes one line to standard error.
func warn(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Exits with status 2 unless the path is a folder.
func requireFolder(_ path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
        warn("readout: \(path): not a folder")
        throw ExitCode(2)
    }
}

/// Loads the built-in lexicons and the user's, or exits with every problem listed.
func loadPipeline(lexicons: [String]) throws -> Pipeline {
    do {
        let pipeline = try Pipeline(userLexicons: lexicons.map { URL(fileURLWithPath: $0) })
        // The pipeline lives until the process ends: tearing down the indexes of a
        // million-entry lexicon entry by entry would only delay the exit.
        _ = Unmanaged.passRetained(pipeline)
        return pipeline
    } catch let error as LexiconErrors {
        for e in error.errors { warn("readout: lexicon error: \(e)") }
        warn("readout: refusing to run with a broken lexicon (\(error.errors.count) problem\(error.errors.count == 1 ? "" : "s"))")
        throw ExitCode(2)
    }
}
