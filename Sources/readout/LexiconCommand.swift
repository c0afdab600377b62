import ArgumentParser
import Foundation
import ReadoutKit

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Work with readout's lexicons.",
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the lexicons for other tools.",
            discussion: """
                --format spacy-patterns writes spaCy EntityRuler patterns, one JSON object a line: \
                {"label": "Place", "pattern": "Republic of Korea", "id": "KOR"}, for every surface form of \
                every Person, Place and Organization (the built-in lexicons plus --lexicons folders). \
                Load them with nlp.add_pipe("entity_ruler").from_disk(PATH).
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case spacyPatterns = "spacy-patterns" }

        @Option(help: "Output format: spacy-patterns.")
        var format: Format = .spacyPatterns

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
        var output: String?

        @Option(name: .long, help: ArgumentHelp("A folder of extra lexicons; repeatable.", valueName: "DIR"))
        var lexicons: [String] = []

        func run() throws {
            let pipeline = try loadPipeline(lexicons: lexicons)
            var out = ""
            for entry in pipeline.lexicon.entries where entry.label.isFlat {
                for form in entry.surfaceForms {
                    out += "{\"label\": \(json(entry.label.rawValue)), \"pattern\": \(json(form)), \"id\": \(json(entry.id))}\n"
                }
            }
            if let output {
                try AtomicFile.write(out, to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(Data(out.utf8))
            }
        }

        func json(_ s: String) -> String {
            var r = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": r += "\\\""
                case "\\": r += "\\\\"
                case "\n": r += "\\n"
                case "\t": r += "\\t"
                default:
                    if scalar.value < 0x20 { r += String(format: "\\u%04x", scalar.value) } else { r.unicodeScalars.append(scalar) }
                }
            }
            return r + "\""
        }
    }
}
