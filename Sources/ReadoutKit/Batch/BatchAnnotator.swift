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
    /// Writes one output file (its bytes, its path); replaceable to test what a failing disk does.
    public typealias Writer = @Sendable ([UInt8], String) throws -> Void
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
                writer: @escaping Writer = { bytes, path in try AtomicFile.write(bytes, toPath: path, durable: false) }) {
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
        // Two inputs that would land on the same output file: the later one fails. A job keeps
        // its output path as a string and its folder as an index: a URL for each of 70,000
        // documents was 30 MB.
        var runnable: [Job] = []
        var folderPaths: [String] = []
        do {
            var targets: [String: String] = [:]
            var folderIndex: [String: Int32] = [:]
            for file in files {
                let target = outputBase(for: file).path
                if let other = targets[target] {
                    result.failures.append(Failure(path: file.url.path, reason: "its output \(target).ann would overwrite that of \(other)"))
                    continue
                }
                targets[target] = file.url.path
                let folder = AtomicFile.folderAndName(target).folder
                let index = folderIndex[folder] ?? {
                    folderPaths.append(folder)
                    folderIndex[folder] = Int32(folderPaths.count - 1)
                    return Int32(folderPaths.count - 1)
                }()
                runnable.append(Job(file: file, base: target, folder: index))
            }
        }
        let outputFolders = folderPaths.map { URL(fileURLWithPath: $0.isEmpty ? "/" : $0, isDirectory: true) }
        AtomicFile.removeStaleTemporaries(in: Set(outputFolders))
        // Every output folder is made once, before the documents: a folder that cannot be
        // made fails its documents (after they are read, as any other write failure would).
        var folderErrors = [String?](repeating: nil, count: outputFolders.count)
        for (k, folder) in outputFolders.enumerated() {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                folderErrors[k] = "\(folder.path): cannot write: \(Self.reason(error))"
            }
        }
        for folder in collectionFolders { SpillDirectory.removeStale(in: folder) }
        // Each collection's report is collected as its documents are done (see ReportCollector):
        // their rows go to temporary files at once, not into memory.
        var collectors: [URL: ReportCollector] = [:]
        if writesReport {
            var paths: [URL: [String]] = [:]
            for job in runnable { paths[collection(of: job.file), default: []].append(Self.reportPath(job.file)) }
            for (folder, paths) in paths { collectors[folder] = ReportCollector(folder: folder, paths: paths, parallel: jobs > 1) }
        }
        let queue = runnable
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(1, queue.count))) { [collectors, folderErrors] _ in
            while !cancellation.isCancelled, let index = state.next(), index < queue.count {
                let job = queue[index]
                let file = job.file
                var outcome = annotate(job, folderError: folderErrors[Int(job.folder)])
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

    /// A file to annotate with the output path the worker needs, made once.
    struct Job: Sendable {
        var file: InputFile
        /// The output path without extension (``outputBase(for:)``).
        var base: String
        /// The folder of the outputs, as an index into the run's folders.
        var folder: Int32
    }

    struct Outcome: Sendable {
        var bytes = 0
        var mentions = 0
        var failure: Failure?
        var report: ReportDocument?
    }

    private func annotate(_ job: Job, folderError: String?) -> Outcome {
        let path = job.file.url.path
        let bytes: [UInt8]
        switch Self.read(path, limit: maximumBytes) {
        case .success(let read): bytes = read
        case .failure(let failure): return Outcome(failure: Failure(path: path, reason: failure.reason))
        }
        let document: Document
        do {
            document = try Document(name: job.file.url.lastPathComponent, bytes: bytes)
        } catch {
            return Outcome(bytes: bytes.count, failure: Failure(path: path, reason: error.description))
        }
        let ann = job.base + ".ann"
        if !overwritesReviewed, let existing = FileManager.default.contents(atPath: ann),
           Self.holdsReviewedAnnotations(existing) {
            let name = AtomicFile.folderAndName(job.base).name
            return Outcome(bytes: bytes.count, failure: Failure(path: path, reason: "\(name).ann holds reviewed annotations (readout review); kept as it is: annotate into another folder, or pass --overwrite-reviewed"))
        }
        let annotated = pipeline.annotate(document)
        let index = CodePointIndex(annotated.document)
        let ids = Numbering(annotated)
        let json = DocumentJSON(annotated, index: index, ids: ids)
        if let folderError { return Outcome(bytes: bytes.count, failure: Failure(path: path, reason: folderError)) }
        do {
            if outputDirectory != nil {
                let copy = job.base + ".txt"
                if copy != path { try writer(bytes, copy) }
            }
            try writer(json.encodedBytes(), job.base + ".json")
            // The .ann last: its presence means the document is complete.
            try writer(BratWriter.annBytes(annotated, index: index, ids: ids), ann)
        } catch {
            return Outcome(bytes: bytes.count, failure: Failure(path: path, reason: "\(error)"))
        }
        return Outcome(bytes: bytes.count, mentions: annotated.mentions.count,
                       report: writesReport ? ReportDocument(path: Self.reportPath(job.file), annotated: annotated, json: json) : nil)
    }

    /// Why an input could not be read.
    struct ReadFailure: Error { var reason: String }

    /// A file's bytes, read with one `read` loop into the array the document keeps (no
    /// `Data` in between); files over `limit` bytes are refused before they are read.
    static func read(_ path: String, limit: Int) -> Swift.Result<[UInt8], ReadFailure> {
        func failure(_ code: Int32) -> Swift.Result<[UInt8], ReadFailure> {
            .failure(ReadFailure(reason: "cannot read: " + describe(errno: code)))
        }
        // lstat first, as FileManager's attributesOfItem does: the size limit is checked
        // before the file is opened.
        var status = stat()
        if lstat(path, &status) == 0, Int(status.st_size) > limit {
            return .failure(ReadFailure(reason: String(
                format: "too large: %.1f MB (the limit is %.1f MB; raise it with --max-size)",
                Double(status.st_size) / 1_000_000, Double(limit) / 1_000_000)))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return failure(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return failure(errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return failure(EISDIR) }
        var bytes = [UInt8](repeating: 0, count: max(0, Int(info.st_size)))
        var count = 0
        while true {
            if count == bytes.count {
                // The file grew (or is not a regular file): read on in larger steps.
                guard count <= limit else { return failure(EFBIG) }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, count)))
            }
            let n = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return failure(errno)
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// The reason for an errno, worded as the messages of this tool are.
    static func describe(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case ENOENT: "no such file (it vanished)"
        case EISDIR: "is a directory"
        case EFBIG: "it grew past the size limit while it was read"
        default: String(cString: strerror(code))
        }
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
