import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One line of the review log (`review-log.jsonl` in the collection): a decision, when it was
/// made, and the `.ann` lines before and after it, so a review can be audited and undone.
public struct ReviewLogEntry: Codable, Sendable, Equatable {
    public struct LoggedLine: Codable, Sendable, Equatable {
        /// The line's position in the file (before: in the old file; after: in the new one).
        public var index: Int
        public var line: String
    }

    public var seq: Int
    /// UTC, ISO 8601.
    public var time: String
    public var document: String
    /// A decision's action, or `undo`.
    public var action: String
    public var annotation: String?
    /// For `undo`: the `seq` of the decision it reverted.
    public var undoes: Int?
    /// Lines changed or removed by the decision, as they were.
    public var before: [LoggedLine]
    /// Lines changed or added by the decision, as they are now.
    public var after: [LoggedLine]
    public var versionBefore: String
    public var versionAfter: String
    /// The request as received (absent for `undo`).
    public var decision: Decision?
}

/// The append-only review log. Every entry is written and flushed to disk before the API
/// answers, so an acknowledged decision is never lost.
struct ReviewLog {
    let url: URL
    private(set) var entries: [ReviewLogEntry] = []

    init(url: URL) throws(APIError) {
        self.url = url
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw APIError(.internalError, "\(url.path): cannot read the review log")
        }
        let decoder = JSONDecoder()
        for (k, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
            do {
                entries.append(try decoder.decode(ReviewLogEntry.self, from: Data(line)))
            } catch {
                // A line cut short by a crash is the only damage an append-only file can take.
                FileHandle.standardError.write(Data("readout review: \(url.path):\(k + 1): skipping an unreadable log line\n".utf8))
            }
        }
    }

    var nextSeq: Int { (entries.map(\.seq).max() ?? 0) + 1 }

    /// The decisions in force, by document, in log order: every entry but the undos and the
    /// decisions they reverted.
    func decisionsByDocument() -> [String: [ReviewLogEntry]] {
        let undone = Set(entries.compactMap(\.undoes))
        return Dictionary(grouping: entries.filter { $0.action != "undo" && !undone.contains($0.seq) }, by: \.document)
    }

    mutating func append(_ entry: ReviewLogEntry) throws(APIError) {
        guard var data = try? ReviewAPI.encoder().encode(entry) else { throw APIError(.internalError, "cannot encode a log entry") }
        data.append(UInt8(ascii: "\n"))
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw APIError(.internalError, "\(url.path): cannot write the review log: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == data.count, fsync(fd) == 0 else {
            throw APIError(.internalError, "\(url.path): cannot write the review log: \(String(cString: strerror(errno)))")
        }
        entries.append(entry)
    }
}
