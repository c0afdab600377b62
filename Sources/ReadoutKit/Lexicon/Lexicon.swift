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

    private var idIndex: [String: Int] = [:]  // "label\tid" -> entry
    private var aliasIndex: [String: Int] = [:]  // "label\talias" -> entry

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
        var errors: [LexiconError] = []
        var sawHeader = false
        for tsv in TSVLine.lines(of: text) {
            let lineNumber = tsv.number
            let fields = tsv.fields
            func fail(_ k: Int, _ reason: String) {
                errors.append(LexiconError(file: file, line: lineNumber, column: tsv.column(k), reason: reason))
            }
            if !sawHeader {
                sawHeader = true
                if fields != Self.header {
                    fail(0, "expected the header line '\(Self.header.joined(separator: "<TAB>"))'")
                    return errors
                }
                continue
            }
            guard fields.count == Self.header.count else {
                fail(0, "expected \(Self.header.count) TAB-separated columns, found \(fields.count)")
                continue
            }
            let id = ByteText.trimmingWhitespaces(fields[0])
            guard !id.isEmpty else { fail(0, "empty id"); continue }
            guard let label = EntityLabel(rawValue: fields[1]), EntityLabel.lexiconLabels.contains(label) else {
                fail(1, "unknown label '\(fields[1])' (expected \(EntityLabel.lexiconLabels.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            let name = ByteText.trimmingWhitespaces(fields[2])
            guard !name.isEmpty else { fail(2, "empty name"); continue }
            var aliases: [String] = []
            if !fields[3].isEmpty {
                for alias in ByteText.split(fields[3], UInt8(ascii: "|"), omittingEmptySubsequences: false) {
                    let a = ByteText.trimmingWhitespaces(alias)
                    if a.isEmpty { fail(3, "empty alias"); continue }
                    if a != name, !aliases.contains(a) { aliases.append(a) }
                }
            }
            let country = fields[4].isEmpty ? nil : fields[4]
            if let country, !(country.count == 3 && country.allSatisfy { $0.isASCII && $0.isUppercase }) {
                fail(4, "country '\(country)' is not an ISO 3166-1 alpha-3 code")
            }
            for k in [6, 7] where !fields[k].isEmpty && !Self.isDate(fields[k]) {
                fail(k, "'\(fields[k])' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            let key = label.rawValue + "\t" + id
            if let other = idIndex[key] {
                fail(0, "duplicate id '\(id)' for \(label.rawValue) (first defined at \(entries[other].file):\(entries[other].line))")
                continue
            }
            let entry = LexiconEntry(
                id: id, label: label, name: name, aliases: aliases, country: country,
                roles: ByteText.split(fields[5], UInt8(ascii: "|")),
                validFrom: fields[6].isEmpty ? nil : fields[6], validTo: fields[7].isEmpty ? nil : fields[7],
                file: file, line: lineNumber)
            var clash = false
            for form in entry.surfaceForms {
                if let other = aliasIndex[label.rawValue + "\t" + form], entries[other].id != id {
                    fail(form == name ? 2 : 3, "alias '\(form)' is already claimed by \(label.rawValue) '\(entries[other].id)' (\(entries[other].file):\(entries[other].line))")
                    clash = true
                }
            }
            if clash { continue }
            idIndex[key] = entries.count
            for form in entry.surfaceForms { aliasIndex[label.rawValue + "\t" + form] = entries.count }
            entries.append(entry)
        }
        if !sawHeader {
            errors.append(LexiconError(file: file, line: 1, column: 1, reason: "missing header line"))
        }
        return errors
    }

    private mutating func parseDemonyms(_ text: String, file: String) -> [LexiconError] {
        var errors: [LexiconError] = []
        for tsv in TSVLine.lines(of: text) {
            let fields = tsv.fields
            guard fields.count == 2 else {
                errors.append(LexiconError(file: file, line: tsv.number, reason: "expected 2 TAB-separated columns (demonym, country), found \(fields.count)"))
                continue
            }
            guard fields[1].count == 3, fields[1].allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                errors.append(LexiconError(file: file, line: tsv.number, column: tsv.column(1),
                                           reason: "country '\(fields[1])' is not an ISO 3166-1 alpha-3 code"))
                continue
            }
            demonyms[String(fields[0])] = String(fields[1])
        }
        return errors
    }

    static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && parts.dropFirst().allSatisfy { $0.count == 2 }
    }

    /// The entry that has this surface form for this label.
    public func entry(alias: String, label: EntityLabel) -> LexiconEntry? {
        aliasIndex[label.rawValue + "\t" + alias].map { entries[$0] }
    }

    /// The entry with this id and label.
    public func entry(id: String, label: EntityLabel) -> LexiconEntry? {
        idIndex[label.rawValue + "\t" + id].map { entries[$0] }
    }
}
