import ArgumentParser
import Foundation
import ReadoutKit

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Annotate readouts and write brat (.ann) and JSON files.",
        discussion: """
            INPUT is a .txt file or a folder (searched recursively for *.txt). Without -o, each \
            NAME.txt gets NAME.ann and NAME.json beside it, and each input folder gets brat's \
            annotation.conf and visual.conf. With -o DIR, DIR receives a copy of every text \
            (keeping sub-folders) plus its annotations: a self-contained brat collection.

            `-` reads one document from standard input and writes its JSON to standard output.

            A file that cannot be read, is not UTF-8 or is larger than --max-size is reported \
            and skipped; the rest is done and the exit status is 1. Every file is written \
            atomically, so a killed run leaves no partial file; Ctrl-C finishes the documents \
            under way and stops (exit status 130).

            Each collection folder also gets the summary report: report.html (charts, \
            statistics, meeting cards, entity index, every figure linked to its sentences), \
            report.md, and stances.csv, entities.csv, meetings.csv for pandas or R.
            """
    )

    @Argument(help: ArgumentHelp("Files or folders to annotate, or - for standard input.", valueName: "INPUT"))
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write a brat collection into this folder.", valueName: "DIR"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("A folder of extra lexicons (*.tsv, see Lexicons/FORMAT.md); repeatable.", valueName: "DIR"))
    var lexicons: [String] = []

    @Option(name: .shortAndLong, help: "Documents annotated in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .customLong("no-report"), help: "Do not write the summary report (report.html, report.md, *.csv).")
    var noReport = false

    @Flag(name: .customLong("overwrite-reviewed"), help: "Replace .ann files that hold a review's decisions (by default they are kept and reported).")
    var overwriteReviewed = false

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Refuse files larger than this many megabytes.", valueName: "MB"))
    var maxSize: Double = Double(BatchAnnotator.defaultMaximumBytes) / 1_000_000

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one file or folder, or - for standard input") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard maxSize > 0 else { throw ValidationError("--max-size must be positive") }
        if inputs.contains("-"), inputs.count > 1 {
            throw ValidationError("- (standard input) cannot be combined with other inputs")
        }
    }

    func run() throws {
        let pipeline = try loadPipeline(lexicons: lexicons)
        if inputs == ["-"] {
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            do {
                let document = try Document(name: "-", bytes: bytes)
                FileHandle.standardOutput.write(try DocumentJSON(pipeline.annotate(document)).encoded())
            } catch let error as TextDecodingError {
                warn("readout: -: \(error)")
                throw ExitCode(1)
            }
            return
        }
        let (files, inputFailures) = collectInputs(inputs)
        for failure in inputFailures { warn("readout: \(failure)") }
        let annotator = BatchAnnotator(pipeline: pipeline, outputDirectory: output.map { URL(fileURLWithPath: $0) }, jobs: jobs,
                                       writesReport: !noReport, maximumBytes: Int(maxSize * 1_000_000),
                                       overwritesReviewed: overwriteReviewed)
        // Ctrl-C: finish the documents under way, then stop and say what was done.
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { [annotator] in annotator.cancellation.cancel() }
        interrupt.resume()
        let start = Date()
        let line = ProgressLine(enabled: isatty(STDERR_FILENO) == 1 && files.count > 1, start: start)
        let result = annotator.run(files) { line.update($0) }
        line.finish()
        interrupt.cancel()
        for failure in result.failures { warn("readout: \(failure)") }
        if result.interrupted {
            warn("readout: interrupted: \(result.documents) of \(files.count) documents annotated (no report written); run the same command again to finish")
            throw ExitCode(130)
        }
        let failed = result.failures.count + inputFailures.count
        let seconds = Date().timeIntervalSince(start)
        warn("readout: annotated \(result.documents) document\(result.documents == 1 ? "" : "s") "
             + "(\(ProgressLine.size(result.bytes)), \(result.mentions) annotations) in \(String(format: "%.2f", seconds)) s"
             + (failed > 0 ? "; \(failed) failed" : ""))
        if failed > 0 { throw ExitCode(1) }
    }
}

/// A progress line on standard error, redrawn at most ten times a second.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let start: Date
    private let lock = NSLock()
    private var last = Date.distantPast

    init(enabled: Bool, start: Date) {
        self.enabled = enabled
        self.start = start
    }

    func update(_ p: BatchAnnotator.Progress) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(last) > 0.1 || p.done == p.total else { return }
        last = now
        let seconds = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(p.bytes) / 1_000_000 / seconds
        let text = "\r\u{1B}[K[\(p.done)/\(p.total)] \(String(format: "%.1f", rate)) MB/s" + (p.failed > 0 ? ", \(p.failed) failed" : "")
        FileHandle.standardError.write(Data(text.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1_000_000)
            : bytes >= 1_000 ? String(format: "%.1f KB", Double(bytes) / 1_000) : "\(bytes) bytes"
    }
}
