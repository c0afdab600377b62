import ArgumentParser
import Foundation
import ReadoutKit

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the sentences and tokens of a readout (what ICU and readout's rules did).",
        discussion: """
            Prints one block per sentence: its code point offsets and text, then its tokens as \
            START-END KIND TEXT, where KIND is ICU's word-break status (word, number, kana, \
            ideographic, punctuation). White space is not a token.
            """
    )

    @Argument(help: ArgumentHelp("A UTF-8 text file, or - for standard input.", valueName: "FILE"))
    var file: String

    @Flag(help: "Sentences only, one per line.")
    var sentencesOnly = false

    @Option(name: .long, help: ArgumentHelp("A folder of extra lexicons (for abbreviations).", valueName: "DIR"))
    var lexicons: [String] = []

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else if let contents = FileManager.default.contents(atPath: file) {
            data = contents
        } else {
            warn("readout: \(file): cannot read")
            throw ExitCode(1)
        }
        let document: Document
        do {
            document = try Document(name: file, bytes: [UInt8](data))
        } catch {
            warn("readout: \(file): \(error)")
            throw ExitCode(1)
        }
        let pipeline = try loadPipeline(lexicons: lexicons)
        let segmentation = pipeline.segmenter.segment(document)
        let index = CodePointIndex(document)
        var out = ""
        var t = 0
        let tokens = segmentation.tokens
        for (n, sentence) in segmentation.sentences.enumerated() {
            let text = document.text(of: sentence)
            out += "[\(n + 1)] \(index.codePoint(atByte: sentence.start))-\(index.codePoint(atByte: sentence.end))\t\(text.replacingOccurrences(of: "\n", with: "⏎"))\n"
            if sentencesOnly { continue }
            while t < tokens.count, tokens[t].span.start < sentence.start { t += 1 }
            while t < tokens.count, tokens[t].span.end <= sentence.end {
                let token = tokens[t]
                out += "    \(index.codePoint(atByte: token.span.start))-\(index.codePoint(atByte: token.span.end))\t\(token.kind)\t\(document.text(of: token.span))\n"
                t += 1
            }
        }
        print(out, terminator: "")
    }
}
