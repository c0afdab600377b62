import Foundation

/// Annotates many files: reads, validates, annotates and writes each one atomically. One
/// bad file never stops the batch: it is reported and the rest are done.
public final class BatchAnnotator: Sendable {
    public let pipeline: Pipeline
    /// Where the collection goes; nil writes next to each input (brat style).
    public let outputDirectory: URL?
    public let jobs: Int

    /// Whether each collection folder gets its summary report (see ``ReportWriter``).
    public let writesReport: Bool
    /// Files larger than this are refused (like spaCy's `max_length`): a text that large is
    /// almost always a mistake, and it would hold the memory of every worker.
    public let maximumBytes: Int
    /// Writes one output file; replaceable to test what a failing disk does.
    public typealias Writer = @Sendable (Data, URL) throws -> Void
    let writer: Writer
    /// Set from a signal handler: finish the documents under way, start no more.
    public let cancellation = Cancellation()

    public static let defaultMaximumBytes = 50_000_000

    /// Whether an `.ann` that a reviewer worked on (`readout review` marks accepted
    /// annotations `Reviewed`) may be replaced by a fresh one. By default it is kept and the
    /// document is reported, so that no human decision is lost to a re-run.
    public let overwritesReviewed: Bool

    public init(pipeline: Pipeline, outputDirectory: URL?, jobs: Int, writesReport: Bool = true,
                maximumBytes: Int = BatchAnnotator.defaultMaximumBytes, overwritesReviewed: Bool = false,
                writer: @escaping Writer = { data, url in try AtomicFile.write(data, to: url, durable: false) }) {
        self.overwritesReviewed = overwritesReviewed
        self.pipeline = pipeline
        self.outputDirectory = outputDirectory
        self.jobs = max(1, jobs)
        self.writesReport = writesReport
        self.maximumBytes = maximumBytes
        self.writer = writer
    }

    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var bytes: Int
        public var failed: Int
    }

    public struct Result: Sendable {
        /// True when the run was interrupted before every file was taken.
        public var interrupted = false
        public var documents = 0
        public var bytes = 0
        public var mentions = 0
        public var failures: [Failure] = []
        /// Documents summarized in reports.
        public var reports = 0
    }

    /// Annotates the files; `progress` is called (from worker threads) after each file.
    public func run(_ files: [InputFile], progress: (@Sendable (Progress) -> Void)? = nil) -> Result {
        let state = SharedState(total: files.count)
        // Collection folders get brat's configuration files first.
        var collectionFolders = Set<URL>()
        if let outputDirectory {
            collectionFolders.insert(outputDirectory)
        } else {
            for file in files { collectionFolders.insert(file.root) }
        }
        var result = Result()
        for folder in collectionFolders.sorted(by: { $0.path < $1.path }) {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try AtomicFile.write(BratWriter.annotationConf(), to: folder.appending(path: "annotation.conf"))
                try AtomicFile.write(BratWriter.visualConf(), to: folder.appending(path: "visual.conf"))
            } catch {
                result.failures.append(Failure(path: folder.path, reason: "\(error)"))
            }
        }
        // Two inputs that would land on the same output file: the later one fails.
        var targets: [String: String] = [:]
        var runnable: [InputFile] = []
        for file in files {
            let target = outputBase(for: file).path
            if let other = targets[target] {
                result.failures.append(Failure(path: file.url.path, reason: "its output \(target).ann would overwrite that of \(other)"))
            } else {
                targets[target] = file.url.path
                runnable.append(file)
            }
        }
        AtomicFile.removeStaleTemporaries(in: Set(runnable.map { outputBase(for: $0).deletingLastPathComponent() }))
        for folder in collectionFolders { SpillDirectory.removeStale(in: folder) }
        // Each collection's report is collected as its documents are done (see ReportCollector):
        // their rows go to temporary files at once, not into memory.
        var collectors: [URL: ReportCollector] = [:]
        if writesReport {
            var paths: [URL: [String]] = [:]
            for file in runnable { paths[collection(of: file), default: []].append(Self.reportPath(file)) }
            for (folder, paths) in paths { collectors[folder] = ReportCollector(folder: folder, paths: paths, parallel: jobs > 1) }
        }
        let queue = runnable
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(1, queue.count))) { [collectors] _ in
            while !cancellation.isCancelled, let index = state.next(), index < queue.count {
                let file = queue[index]
                var outcome = annotate(file)
                if let report = outcome.report {
                    collectors[collection(of: file)]?.add(report)
                    outcome.report = nil
                }
                let snapshot = state.record(outcome, bytes: outcome.bytes, file: file)
                progress?(snapshot)
            }
        }
        let finished = state.result()
        result.interrupted = cancellation.isCancelled && finished.documents + finished.failures.count < queue.count
        for (folder, collector) in collectors.sorted(by: { $0.key.path < $1.key.path }) {
            result.reports += collector.count
            if result.interrupted {
                collector.discard()
                continue
            }
            do {
                try collector.finish()
            } catch {
                result.failures.append(Failure(path: folder.path, reason: "report: \(error)"))
            }
        }
        AtomicFile.flushAll()
        result.documents = finished.documents
        result.bytes = finished.bytes
        result.mentions = finished.mentions
        result.failures += finished.failures
        result.failures.sort { $0.path < $1.path }
        return result
    }

    /// The collection folder a file belongs to (where its report goes).
    func collection(of file: InputFile) -> URL { outputDirectory ?? file.root }

    /// A file's path in its collection's report: its relative path without `.txt`.
    static func reportPath(_ file: InputFile) -> String {
        String(file.relativePath.hasSuffix(".txt") ? file.relativePath.dropLast(4) : Substring(file.relativePath))
    }

    /// The output path of a file without extension: `DIR/relative/NAME` or beside the input.
    public func outputBase(for file: InputFile) -> URL {
        let base: URL
        if let outputDirectory {
            base = outputDirectory.appending(path: file.relativePath)
        } else {
            base = file.url
        }
        return base.pathExtension == "txt" ? base.deletingPathExtension() : base
    }

    struct Outcome: Sendable {
        var bytes = 0
        var mentions = 0
        var failure: Failure?
        var report: ReportDocument?
    }

    private func annotate(_ file: InputFile) -> Outcome {
        let data: Data
        do {
            // lstat, as FileManager's attributesOfItem does, without its extended-attribute reads.
            var status = stat()
            let size: Int? = lstat(file.url.path, &status) == 0 ? Int(status.st_size) : nil
            if let size, size > maximumBytes {
                return Outcome(failure: Failure(path: file.url.path, reason: String(
                    format: "too large: %.1f MB (the limit is %.1f MB; raise it with --max-size)",
                    Double(size) / 1_000_000, Double(maximumBytes) / 1_000_000)))
            }
            data = try Data(contentsOf: file.url)
        } catch {
            return Outcome(failure: Failure(path: file.url.path, reason: "cannot read: \(Self.reason(error))"))
        }
        let bytes = [UInt8](data)
        let document: Document
        do {
            document = try Document(name: file.url.lastPathComponent, bytes: bytes)
        } catch {
            return Outcome(bytes: bytes.count, failure: Failure(path: file.url.path, reason: error.description))
        }
        let base = outputBase(for: file)
        if !overwritesReviewed, let existing = FileManager.default.contents(atPath: base.appendingPathExtension("ann").path),
           Self.holdsReviewedAnnotations(existing) {
            return Outcome(bytes: bytes.count, failure: Failure(path: file.url.path, reason: "\(base.lastPathComponent).ann holds reviewed annotations (readout review); kept as it is: annotate into another folder, or pass --overwrite-reviewed"))
        }
        let annotated = pipeline.annotate(document)
        let index = CodePointIndex(annotated.document)
        let ids = Numbering(annotated)
        let json = DocumentJSON(annotated, index: index, ids: ids)
        do {
            try FileManager.default.createDirectory(at: base.deletingLastPathComponent(), withIntermediateDirectories: true)
            if outputDirectory != nil {
                let copy = base.appendingPathExtension("txt")
                if copy.standardizedFileURL.path != file.url.path {
                    try writer(data, copy)
                }
            }
            try writer(try json.encoded(), base.appendingPathExtension("json"))
            // The .ann last: its presence means the document is complete.
            try writer(Data(BratWriter.annBytes(annotated, index: index, ids: ids)), base.appendingPathExtension("ann"))
        } catch {
            return Outcome(bytes: bytes.count, failure: Failure(path: file.url.path, reason: "\(error)"))
        }
        return Outcome(bytes: bytes.count, mentions: annotated.mentions.count,
                       report: writesReport ? ReportDocument(path: Self.reportPath(file), annotated: annotated, json: json) : nil)
    }

    /// Whether an `.ann` file has an attribute line `A… Reviewed …` (``BratWriter/reviewedAttribute``).
    static func holdsReviewedAnnotations(_ ann: Data) -> Bool {
        String(decoding: ann, as: UTF8.self).split(separator: "\n").contains { line in
            line.first == "A" && line.split(separator: "\t", maxSplits: 2).dropFirst().first?.hasPrefix(BratWriter.reviewedAttribute + " ") == true
        }
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoPermissionError { return "permission denied" }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file (it vanished)" }
        return nsError.localizedDescription
    }
}

/// The counters the workers share.
private final class SharedState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var progress: BatchAnnotator.Progress
    private var mentions = 0
    private var failures: [Failure] = []

    init(total: Int) { progress = .init(done: 0, total: total, bytes: 0, failed: 0) }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        defer { nextIndex += 1 }
        return nextIndex
    }

    func record(_ outcome: BatchAnnotator.Outcome, bytes: Int, file: InputFile) -> BatchAnnotator.Progress {
        lock.lock(); defer { lock.unlock() }
        progress.done += 1
        progress.bytes += bytes
        mentions += outcome.mentions
        if let failure = outcome.failure {
            progress.failed += 1
            failures.append(failure)
        }
        return progress
    }

    func result() -> BatchAnnotator.Result {
        lock.lock(); defer { lock.unlock() }
        return BatchAnnotator.Result(documents: progress.done - progress.failed, bytes: progress.bytes, mentions: mentions, failures: failures)
    }
}

/// A flag that a signal handler sets and workers read.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() {
        lock.lock(); cancelled = true; lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock(); defer { lock.unlock() }
        return cancelled
    }
}
