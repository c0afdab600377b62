import Foundation

/// The entities and abbreviations readout knows, from the built-in `Lexicons/` (embedded in
/// the binary) and any user folders. See `Lexicons/FORMAT.md` for the file format.
public struct Lexicon: Sendable {
    public static let header = ["id", "label", "name", "aliases", "country", "role", "from", "to"]

    public private(set) var entries: [LexiconEntry] = []
    public private(set) var abbreviations = Abbreviations()
    /// Stance cues, from `cues*.tsv`.
    public private(set) var cues: [Cue] = []
    /// Nationality adjectives and the alpha-3 code of their country ("Japanese" -> JPN).
    public private(set) var demonyms: [String: String] = [:]
    /// File names that were read, in order.
    public private(set) var files: [String] = []

    /// A text under a label: an id or a surface form.
    private struct Key: Hashable {
        var label: EntityLabel
        var text: String
    }

    private var idIndex: [Key: Int] = [:]
    private var aliasIndex: [Key: Int] = [:]

    public init() {}

    /// The lexicons that ship with readout.
    public static func builtIn() throws(LexiconErrors) -> Lexicon {
        var lexicon = Lexicon()
        try lexicon.add(files: EmbeddedLexicons.files.map { ($0.name, $0.text) })
        return lexicon
    }

    /// The built-in lexicons plus every `*.tsv` and `abbreviations*.txt` file in the folders.
    public static func load(userFolders: [URL]) throws -> Lexicon {
        var lexicon = try builtIn()
        for folder in userFolders {
            try lexicon.add(folder: folder)
        }
        return lexicon
    }

    /// Adds the lexicon files of a folder (not recursive), in name order.
    public mutating func add(folder: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LexiconErrors(errors: [LexiconError(file: folder.path, line: 0, column: 0, reason: "no such lexicon folder")])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".tsv") || ($0.hasPrefix("abbreviations") || $0.hasPrefix("demonyms")) && $0.hasSuffix(".txt") }
            .sorted()
        var files: [(String, String)] = []
        for name in names {
            let url = folder.appending(path: name)
            let data = try Data(contentsOf: url)
            guard let text = String(data: data, encoding: .utf8) else {
                throw LexiconErrors(errors: [LexiconError(file: url.path, line: 0, column: 0, reason: "not valid UTF-8")])
            }
            files.append((url.path, text))
        }
        try add(files: files)
    }

    /// Adds lexicon files given as (name, contents); reports every problem found.
    public mutating func add(files: [(String, String)]) throws(LexiconErrors) {
        var errors: [LexiconError] = []
        for (name, text) in files {
            self.files.append(name)
            let base = (name as NSString).lastPathComponent
            if base.hasSuffix(".txt") {
                if base.hasPrefix("abbreviations") {
                    do { abbreviations.merge(try Abbreviations(parsing: text, file: name)) } catch { errors.append(error) }
                } else if base.hasPrefix("demonyms") {
                    errors += parseDemonyms(text, file: name)
                }
                continue
            }
            if base.hasPrefix("cues") {
                let (parsed, problems) = Cue.parse(text, file: name)
                cues += parsed
                errors += problems
                continue
            }
            errors += parse(text, file: name)
        }
        if !errors.isEmpty { throw LexiconErrors(errors: errors) }
    }

    private mutating func parse(_ text: String, file: String) -> [LexiconError] {
        let lines = TSVLine.lines(of: text)
        guard let header = lines.first else {
            return [LexiconError(file: file, line: 1, column: 1, reason: "missing header line")]
        }
        guard header.fields == Self.header else {
            return [LexiconError(file: file, line: header.number, column: header.column(0),
                                 reason: "expected the header line '\(Self.header.joined(separator: "<TAB>"))'")]
        }
        // Each line is read on its own (in two halves side by side for a large file); then,
        // in file order, ids and forms are checked against the entries before them.
        let body = lines[1...]
        let candidates: [Candidate]
        if body.count >= 50_000 {
            let middle = body.startIndex + body.count / 2
            let second = ParallelResult { body[middle...].map { Self.candidate($0, file: file) } }
            candidates = body[..<middle].map { Self.candidate($0, file: file) } + second.value
        } else {
            candidates = body.map { Self.candidate($0, file: file) }
        }
        entries.reserveCapacity(entries.count + candidates.count)
        idIndex.reserveCapacity(idIndex.count + candidates.count)
        aliasIndex.reserveCapacity(aliasIndex.count + 2 * candidates.count)
        var errors: [LexiconError] = []
        for candidate in candidates {
            errors += candidate.errors
            guard let entry = candidate.entry else { continue }
            func fail(_ k: Int, _ reason: String) {
                errors.append(LexiconError(file: file, line: entry.line, column: candidate.line.column(k), reason: reason))
            }
            let key = Key(label: entry.label, text: entry.id)
            if let other = idIndex[key] {
                fail(0, "duplicate id '\(entry.id)' for \(entry.label.rawValue) (first defined at \(entries[other].file):\(entries[other].line))")
                continue
            }
            var clash = false
            let forms = entry.surfaceForms
            for form in forms {
                if let other = aliasIndex[Key(label: entry.label, text: form)], entries[other].id != entry.id {
                    fail(form == entry.name ? 2 : 3, "alias '\(form)' is already claimed by \(entry.label.rawValue) '\(entries[other].id)' (\(entries[other].file):\(entries[other].line))")
                    clash = true
                }
            }
            if clash { continue }
            idIndex[key] = entries.count
            for form in forms { aliasIndex[Key(label: entry.label, text: form)] = entries.count }
            entries.append(entry)
        }
        return errors
    }

    /// One entry line checked on its own: the entry (nil when the line cannot make one) and
    /// the problems found in its fields.
    private struct Candidate: Sendable {
        var line: TSVLine
        var entry: LexiconEntry?
        var errors: [LexiconError]
    }

    private static func candidate(_ tsv: TSVLine, file: String) -> Candidate {
        var errors: [LexiconError] = []
        let fields = tsv.fields
        func fail(_ k: Int, _ reason: String) -> Candidate {
            errors.append(LexiconError(file: file, line: tsv.number, column: tsv.column(k), reason: reason))
            return Candidate(line: tsv, entry: nil, errors: errors)
        }
        guard fields.count == header.count else {
            return fail(0, "expected \(header.count) TAB-separated columns, found \(fields.count)")
        }
        let id = ByteText.trimmingWhitespaces(fields[0])
        guard !id.isEmpty else { return fail(0, "empty id") }
        guard let label = EntityLabel(rawValue: fields[1]), EntityLabel.lexiconLabels.contains(label) else {
            return fail(1, "unknown label '\(fields[1])' (expected \(EntityLabel.lexiconLabels.map(\.rawValue).joined(separator: ", ")))")
        }
        let name = ByteText.trimmingWhitespaces(fields[2])
        guard !name.isEmpty else { return fail(2, "empty name") }
        var aliases: [String] = []
        if !fields[3].isEmpty {
            for alias in ByteText.split(fields[3], UInt8(ascii: "|"), omittingEmptySubsequences: false) {
                let a = ByteText.trimmingWhitespaces(alias)
                if a.isEmpty { _ = fail(3, "empty alias"); continue }
                if a != name, !aliases.contains(a) { aliases.append(a) }
            }
        }
        let country = fields[4].isEmpty ? nil : fields[4]
        if let country, !isCountryCode(country) {
            _ = fail(4, "country '\(country)' is not an ISO 3166-1 alpha-3 code")
        }
        for k in [6, 7] where !fields[k].isEmpty && !isDate(fields[k]) {
            _ = fail(k, "'\(fields[k])' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        let entry = LexiconEntry(
            id: id, label: label, name: name, aliases: aliases, country: country,
            roles: ByteText.split(fields[5], UInt8(ascii: "|")),
            validFrom: fields[6].isEmpty ? nil : fields[6], validTo: fields[7].isEmpty ? nil : fields[7],
            file: file, line: tsv.number)
        return Candidate(line: tsv, entry: entry, errors: errors)
    }

    private mutating func parseDemonyms(_ text: String, file: String) -> [LexiconError] {
        var errors: [LexiconError] = []
        for tsv in TSVLine.lines(of: text) {
            let fields = tsv.fields
            guard fields.count == 2 else {
                errors.append(LexiconError(file: file, line: tsv.number, reason: "expected 2 TAB-separated columns (demonym, country), found \(fields.count)"))
                continue
            }
            guard Self.isCountryCode(fields[1]) else {
                errors.append(LexiconError(file: file, line: tsv.number, column: tsv.column(1),
                                           reason: "country '\(fields[1])' is not an ISO 3166-1 alpha-3 code"))
                continue
            }
            demonyms[String(fields[0])] = String(fields[1])
        }
        return errors
    }

    /// An ISO 3166-1 alpha-3 code's shape: three ASCII capitals.
    static func isCountryCode(_ s: String) -> Bool {
        s.utf8.count == 3 && s.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && parts.dropFirst().allSatisfy { $0.count == 2 }
    }

    /// The entry that has this surface form for this label.
    public func entry(alias: String, label: EntityLabel) -> LexiconEntry? {
        aliasIndex[Key(label: label, text: alias)].map { entries[$0] }
    }

    /// The entry with this id and label.
    public func entry(id: String, label: EntityLabel) -> LexiconEntry? {
        idIndex[Key(label: label, text: id)].map { entries[$0] }
    }
}
