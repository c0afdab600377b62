import Foundation
import ReadoutKit

/// A collection under review. brat's `.ann` files stay the truth: every request reads the file
/// afresh (so edits made meanwhile in brat or INCEpTION are seen), every decision is written
/// back atomically and logged, and a decision made on an older version of a file is refused.
public actor ReviewStore {
    public let folder: URL
    /// Where "add to lexicon" writes (`reviewed.tsv` in it).
    public let newEntriesFolder: URL
    private let userLexicons: [URL]
    private var log: ReviewLog
    private var lexicon: Lexicon
    /// Document key -> its `.txt` and `.ann`.
    private var files: [String: (txt: URL, ann: URL)] = [:]
    private var order: [String] = []

    public static let logName = "review-log.jsonl"
    public static let newEntriesFile = "reviewed.tsv"

    /// - Parameters:
    ///   - folder: an annotated collection (`NAME.txt` beside `NAME.ann`, in any sub-folders).
    ///   - lexicons: user lexicon folders, for id look-up.
    ///   - newEntries: where reviewed entities are added as lexicon entries (default `FOLDER/lexicons`).
    public init(folder: URL, lexicons: [URL] = [], newEntries: URL? = nil) throws {
        self.folder = folder.standardizedFileURL
        newEntriesFolder = (newEntries ?? folder.appending(path: "lexicons")).standardizedFileURL
        userLexicons = lexicons
        log = try ReviewLog(url: self.folder.appending(path: Self.logName))
        lexicon = try Self.loadLexicon(lexicons, newEntriesFolder)
        (files, order) = Self.scan(self.folder)
    }

    private static func loadLexicon(_ folders: [URL], _ newEntries: URL) throws -> Lexicon {
        var all = folders
        if FileManager.default.fileExists(atPath: newEntries.appending(path: newEntriesFile).path), !all.contains(newEntries) {
            all.append(newEntries)
        }
        return try Lexicon.load(userFolders: all)
    }

    /// Finds the collection's documents again (files added or removed since).
    private func rescan() { (files, order) = Self.scan(folder) }

    private static func scan(_ folder: URL) -> ([String: (txt: URL, ann: URL)], [String]) {
        var files: [String: (txt: URL, ann: URL)] = [:]
        var order: [String] = []
        for (relative, ann) in annotationFiles(under: folder) {
            let key = String(relative.dropLast(4))
            let txt = ann.deletingPathExtension().appendingPathExtension("txt")
            guard FileManager.default.fileExists(atPath: txt.path) else { continue }
            files[key] = (txt, ann)
            order.append(key)
        }
        return (files, order)
    }

    public var documentCount: Int { order.count }

    // MARK: - Reading

    /// The document as it is on disk now, with its version (a hash of its `.ann` bytes).
    private func load(_ key: String) throws(APIError) -> (document: ReviewDocument, version: String) {
        if files[key] == nil { rescan() }
        guard let paths = files[key] else { throw APIError(.notFound, "no document '\(key)' in \(folder.path)") }
        guard let textData = FileManager.default.contents(atPath: paths.txt.path) else {
            throw APIError(.notFound, "\(paths.txt.path): cannot read the text")
        }
        guard let annData = FileManager.default.contents(atPath: paths.ann.path) else {
            throw APIError(.notFound, "\(paths.ann.path): cannot read the annotations")
        }
        let document: Document
        do { document = try Document(name: paths.txt.lastPathComponent, bytes: [UInt8](textData)) } catch {
            throw APIError(.unprocessable, "\(paths.txt.path): \(error.description)")
        }
        guard let annText = String(data: annData, encoding: .utf8) else {
            throw APIError(.unprocessable, "\(paths.ann.path): not valid UTF-8")
        }
        let ann: AnnFile
        do { ann = try AnnFile(parsing: annText) } catch {
            throw APIError(.unprocessable, "\(paths.ann.path):\(error.line): \(error.reason); fix the line and reload")
        }
        return (ReviewDocument(name: key, text: ReviewText(document.text), ann: ann), Self.version(of: [UInt8](annData)))
    }

    static func version(of bytes: [UInt8]) -> String { String(SHA256.hex(SHA256.digest(bytes)).prefix(16)) }

    public struct DocumentSummary: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
        public var pending: Int
        public var accepted: Int
        public var rejected: Int
        /// Nothing is pending, and something was accepted or decided (an empty document is
        /// reviewed once "accept remaining" is pressed on it).
        public var reviewed: Bool
        /// Why the document cannot be reviewed, if it cannot.
        public var error: String?
    }

    public func documents() -> [DocumentSummary] {
        rescan()
        let decisions = log.decisionsByDocument()
        return order.map { key in
            do {
                let (document, version) = try load(key)
                return summary(document, version, decisions: decisions[key] ?? [])
            } catch {
                return DocumentSummary(name: key, version: "", pending: 0, accepted: 0, rejected: 0, reviewed: false, error: (error as? APIError)?.message ?? "\(error)")
            }
        }
    }

    /// `decisions`: the document's decisions in force (``ReviewLog/decisionsByDocument()``).
    private func summary(_ document: ReviewDocument, _ version: String, decisions: [ReviewLogEntry]) -> DocumentSummary {
        let rejected = decisions.filter { $0.action == Decision.Action.reject.rawValue }.count
        let pending = document.pending
        return DocumentSummary(name: document.name, version: version, pending: pending, accepted: document.accepted,
                               rejected: rejected, reviewed: pending == 0 && (document.accepted > 0 || !decisions.isEmpty), error: nil)
    }

    public struct DocumentView: Codable, Sendable, Equatable {
        public var summary: DocumentSummary
        public var text: String
        var entities: [ReviewDocument.EntityView]
        var stances: [ReviewDocument.StanceView]
        /// The annotation the last decision concerned (the new id after `add`).
        public var subject: String?
        /// The log entry of the last decision.
        public var seq: Int?
    }

    public func document(_ key: String) throws(APIError) -> DocumentView {
        let (document, version) = try load(key)
        return view(document, version)
    }

    private func view(_ document: ReviewDocument, _ version: String, subject: String? = nil, seq: Int? = nil) -> DocumentView {
        DocumentView(summary: summary(document, version, decisions: log.decisionsByDocument()[document.name] ?? []), text: document.text.text, entities: document.entities(),
                     stances: document.stances(), subject: subject, seq: seq)
    }

    // MARK: - Deciding

    private func requireCurrent(_ version: String?, _ current: String, _ key: String) throws(APIError) {
        guard let version, !version.isEmpty else {
            throw APIError(.badRequest, "a decision needs the 'version' of the document it was made on (from GET /api/documents/\(key))")
        }
        guard version == current else {
            throw APIError(.conflict, "\(key) changed since you loaded it (your version \(version), now \(current)), in another tab or another tool; nothing was saved: reload the document and decide again")
        }
    }

    /// Applies a decision: checks the version, writes the `.ann` atomically, logs it.
    public func decide(_ key: String, _ decision: Decision) throws(APIError) -> DocumentView {
        let (document, version) = try load(key)
        try requireCurrent(decision.version, version, key)
        let (ann, subject) = try document.applying(decision)
        // Accepting all of a document with nothing pending still marks it reviewed (in the log).
        if ann == document.ann, decision.action != .acceptAll { return view(document, version, subject: subject) }
        let seq = try commit(document, version, ann, action: decision.action.rawValue, annotation: subject ?? decision.annotation,
                             decision: decision, undoes: nil)
        return try viewAfterCommit(key, subject: subject, seq: seq)
    }

    /// Reverts the document's latest decision that is not yet undone.
    public func undo(_ key: String, version: String?) throws(APIError) -> DocumentView {
        let (document, current) = try load(key)
        try requireCurrent(version, current, key)
        guard let last = log.decisionsByDocument()[key]?.last else {
            throw APIError(.conflict, "\(key) has no decision to undo")
        }
        guard last.versionAfter == current else {
            throw APIError(.conflict, "\(key) was edited outside the review after decision \(last.seq) (\(last.action)); it cannot be undone here")
        }
        var lines = document.ann.lines
        let added = Set(last.after.map { $0.index })
        lines = lines.enumerated().filter { !added.contains($0.offset) }.map(\.element)
        for restored in last.before.sorted(by: { $0.index < $1.index }) {
            let parsed: AnnFile
            do { parsed = try AnnFile(parsing: restored.line + "\n") } catch {
                throw APIError(.internalError, "log entry \(last.seq) holds an unreadable line: \(restored.line)")
            }
            lines.insert(contentsOf: parsed.lines, at: min(restored.index, lines.count))
        }
        let seq = try commit(document, current, AnnFile(lines: lines), action: "undo", annotation: last.annotation, decision: nil, undoes: last.seq)
        return try viewAfterCommit(key, subject: last.annotation, seq: seq)
    }

    private func viewAfterCommit(_ key: String, subject: String?, seq: Int) throws(APIError) -> DocumentView {
        let (document, version) = try load(key)
        return view(document, version, subject: subject, seq: seq)
    }

    /// Writes the new `.ann`, then logs the change; if the log cannot be written the old file is put back.
    private func commit(_ document: ReviewDocument, _ version: String, _ ann: AnnFile, action: String, annotation: String?,
                        decision: Decision?, undoes: Int?) throws(APIError) -> Int {
        guard let paths = files[document.name] else { throw APIError(.notFound, "no document '\(document.name)'") }
        let text = ann.text
        let problems = Checker.check(ann: text, text: document.text.text)
        let before = Checker.check(ann: document.ann.text, text: document.text.text)
        if problems.count > before.count {
            throw APIError(.internalError, "refusing to write an inconsistent file: \(problems.map(\.description).joined(separator: "; "))")
        }
        // What changed, by id and position, for the log and for undo.
        let old = document.ann.lines, new = ann.lines
        let oldByID = Dictionary(old.enumerated().filter { !$0.element.id.isEmpty }.map { ($0.element.id, $0.element.text) }, uniquingKeysWith: { a, _ in a })
        let newByID = Dictionary(new.enumerated().filter { !$0.element.id.isEmpty }.map { ($0.element.id, $0.element.text) }, uniquingKeysWith: { a, _ in a })
        let removedOrChanged = old.enumerated().filter { !$0.element.id.isEmpty && newByID[$0.element.id] != $0.element.text }
        let addedOrChanged = new.enumerated().filter { !$0.element.id.isEmpty && oldByID[$0.element.id] != $0.element.text }
        let bytes = [UInt8](text.utf8)
        let entry = ReviewLogEntry(
            seq: log.nextSeq, time: Self.timestamp(), document: document.name, action: action, annotation: annotation, undoes: undoes,
            before: removedOrChanged.map { .init(index: $0.offset, line: $0.element.text) },
            after: addedOrChanged.map { .init(index: $0.offset, line: $0.element.text) },
            versionBefore: version, versionAfter: Self.version(of: bytes), decision: decision)
        do { try AtomicFile.write(Data(bytes), to: paths.ann) } catch {
            throw APIError(.internalError, error.description)
        }
        do { try log.append(entry) } catch {
            try? AtomicFile.write(Data(document.ann.text.utf8), to: paths.ann)
            throw error
        }
        return entry.seq
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }

    /// The log, or one document's part of it.
    public func logEntries(document key: String? = nil) throws(APIError) -> [ReviewLogEntry] {
        if let key {
            if files[key] == nil { rescan() }
            guard files[key] != nil else { throw APIError(.notFound, "no document '\(key)' in \(folder.path)") }
        }
        return log.entries.filter { key == nil || $0.document == key }
    }

    // MARK: - Lexicon

    public struct LexiconHit: Codable, Sendable, Equatable {
        public var id: String
        public var label: String
        public var name: String
        public var country: String?
    }

    /// Lexicon entries whose id, name or an alias contains the query (case-insensitive),
    /// exact and prefix matches first.
    public func searchLexicon(_ query: String, label: String?) -> [LexiconHit] {
        let q = query.trimmingCharacters(in: .whitespaces).lowercased()
        guard !q.isEmpty else { return [] }
        var hits: [(rank: Int, hit: LexiconHit)] = []
        for entry in lexicon.entries where label == nil || entry.label.rawValue == label {
            let forms = ([entry.id] + entry.surfaceForms).map { $0.lowercased() }
            let rank = forms.contains(q) ? 0 : forms.contains { $0.hasPrefix(q) } ? 1 : forms.contains { $0.contains(q) } ? 2 : nil
            if let rank { hits.append((rank, LexiconHit(id: entry.id, label: entry.label.rawValue, name: entry.name, country: entry.country))) }
        }
        return hits.sorted { ($0.rank, $0.hit.name) < ($1.rank, $1.hit.name) }.prefix(20).map(\.hit)
    }

    public struct NewEntry: Codable, Sendable, Equatable {
        public var label: String
        public var name: String
        public var id: String?
        public var aliases: [String]?
        public var country: String?
        public var role: String?
    }

    public struct AddedEntry: Codable, Sendable, Equatable {
        public var id: String
        public var label: String
        public var name: String
        public var file: String
        public var line: Int
    }

    /// Adds an entry to `reviewed.tsv` in the new-entries folder, after checking that the
    /// lexicons still load with it (no duplicate id, no alias claimed twice).
    public func addToLexicon(_ new: NewEntry) throws(APIError) -> AddedEntry {
        guard let label = EntityLabel(rawValue: new.label), EntityLabel.lexiconLabels.contains(label) else {
            throw APIError(.unprocessable, "a lexicon entry is a \(EntityLabel.lexiconLabels.map(\.rawValue).joined(separator: ", ")), not '\(new.label)'")
        }
        let name = new.name.trimmingCharacters(in: .whitespaces)
        let id = (new.id?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 } ?? Self.slug(name)
        let aliases = (new.aliases ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != name }
        let fields = [id, label.rawValue, name, aliases.joined(separator: "|"), new.country ?? "", new.role ?? "", "", ""]
        guard !name.isEmpty, !id.isEmpty else { throw APIError(.unprocessable, "a lexicon entry needs a name") }
        if let bad = fields.first(where: { $0.contains("\t") || $0.contains("\n") || $0.contains("\r") }) {
            throw APIError(.unprocessable, "'\(bad)' contains a tab or a line break")
        }
        if let existing = lexicon.entry(id: id, label: label) {
            throw APIError(.conflict, "\(label.rawValue) '\(id)' is already in the lexicon (\(existing.file):\(existing.line)) as \"\(existing.name)\"")
        }
        let file = newEntriesFolder.appending(path: Self.newEntriesFile)
        var text = (FileManager.default.contents(atPath: file.path)).flatMap { String(data: $0, encoding: .utf8) }
            ?? "# Entries added in `readout review`. Same format as readout's own lexicons (Lexicons/FORMAT.md).\n" + Lexicon.header.joined(separator: "\t") + "\n"
        if !text.hasSuffix("\n") { text += "\n" }
        text += fields.joined(separator: "\t") + "\n"
        var candidate: Lexicon
        do {
            candidate = try Lexicon.load(userFolders: userLexicons.filter { $0.standardizedFileURL != newEntriesFolder })
            try candidate.add(files: [(file.path, text)])
        } catch let errors as LexiconErrors {
            throw APIError(.conflict, "the lexicon would not load with this entry: " + errors.errors.map(\.description).joined(separator: "; "))
        } catch {
            throw APIError(.internalError, "\(error)")
        }
        do {
            try FileManager.default.createDirectory(at: newEntriesFolder, withIntermediateDirectories: true)
            try AtomicFile.write(Data(text.utf8), to: file)
        } catch {
            throw APIError(.internalError, "\(file.path): cannot write: \(error)")
        }
        lexicon = candidate
        let lineNumber = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        return AddedEntry(id: id, label: label.rawValue, name: name, file: file.path, line: lineNumber)
    }

    /// A lexicon id from a name: lowercase ASCII letters and digits joined by hyphens.
    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
