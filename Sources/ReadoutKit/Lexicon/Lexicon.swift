import Foundation

/// The entities and abbreviations readout knows, from the built-in `Lexicons/` (embedded in
/// the binary) and any user folders. See `Lexicons/FORMAT.md` for the file format.
///
/// Entity files are kept as their UTF-8 bytes: an entry is a record of byte ranges into them
/// (`EntryRecord`), and a `LexiconEntry` is made from it only when asked for (the first
/// `madeEntries` as soon as they are read), so that a million-entry lexicon loads without a
/// `String` or an `Array` per entry.
public struct Lexicon: Sendable {
    public static let header = ["id", "label", "name", "aliases", "country", "role", "from", "to"]

    /// Every entry, made from its record when read.
    public var entries: LexiconEntries { LexiconEntries(lexicon: self) }
    public private(set) var abbreviations = Abbreviations()
    /// Stance cues, from `cues*.tsv`.
    public private(set) var cues: [Cue] = []
    /// Nationality adjectives and the alpha-3 code of their country ("Japanese" -> JPN).
    public private(set) var demonyms: [String: String] = [:]
    /// File names that were read, in order.
    public private(set) var files: [String] = []

    /// The bytes of every entity file, one after another, each followed by a line feed.
    private(set) var bytes: [UInt8] = []
    /// The entries, in order.
    private(set) var records: [EntryRecord] = []
    /// The first entries, made (`makeEntries`).
    private var made: [LexiconEntry] = []
    /// Surface forms (name, then aliases) of the entries: `records[i].forms` indexes them.
    private(set) var forms: [ByteRange] = []
    /// Entity file names, indexed by `EntryRecord.file`.
    private var entryFiles: [String] = []

    /// Ids and surface forms under their label (`EntryRecord.tag`) -> entry index.
    private var idIndex = FormTable()
    private var aliasIndex = FormTable()

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
        // Entity files are read straight into `bytes`, the others as text; all are read
        // before any is parsed.
        let arenaStart = bytes.count
        var files: [(String, Contents)] = []
        for name in names {
            let url = folder.appending(path: name)
            let range: Range<Int>
            do {
                range = try appendFile(url)
            } catch {
                bytes.removeSubrange(arenaStart...)
                throw error
            }
            guard UTF8Validation.firstInvalidOffset(bytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[range]) }) == nil else {
                bytes.removeSubrange(arenaStart...)
                throw LexiconErrors(errors: [LexiconError(file: url.path, line: 0, column: 0, reason: "not valid UTF-8")])
            }
            // Foundation's String(data:encoding: .utf8), which read these files before,
            // drops a leading byte-order mark.
            let start = bytes[range].starts(with: [0xEF, 0xBB, 0xBF]) ? range.lowerBound + 3 : range.lowerBound
            if Self.isEntityFile(name) {
                files.append((url.path, .arena(start..<range.upperBound)))
                bytes.append(0x0A)  // so that no line runs on into the next file
            } else {
                files.append((url.path, .bytes(Array(bytes[start..<range.upperBound]))))
                bytes.removeSubrange(range)
            }
        }
        try add(files: files)
    }

    /// Appends a file's bytes to `bytes`; where they are.
    private mutating func appendFile(_ url: URL) throws -> Range<Int> {
        let base = bytes.count
        if let grown = Self.read(url.path, after: bytes) {
            bytes = grown
        } else {
            // Anything unusual (not a regular file, a read error): Foundation reads it, or
            // throws the error readout always reported.
            bytes += try Data(contentsOf: url)
        }
        precondition(bytes.count < Int(UInt32.max), "lexicon files over 4 GB")
        return base..<bytes.count
    }

    /// `prefix` followed by the bytes of a regular file, read in one allocation; nil when
    /// the file cannot be read that way.
    private static func read(_ path: String, after prefix: [UInt8]) -> [UInt8]? {
        #if !os(Linux)
        return nil
        #else
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: prefix.count + size + 1) { buffer, count in
            _ = prefix.withUnsafeBufferPointer { memcpy(buffer.baseAddress!, $0.baseAddress!, prefix.count) }
            var done = 0
            // One byte more than the size: it must find the end of the file.
            while done <= size {
                let n = Foundation.read(fd, buffer.baseAddress! + prefix.count + done, size + 1 - done)
                if n < 0 { if errno == EINTR { continue }; complete = false; break }
                if n == 0 { break }
                done += n
            }
            if done != size { complete = false }
            count = prefix.count + min(done, size)
        }
        return complete ? bytes : nil
        #endif
    }

    /// Whether a lexicon file holds entities (not cues, abbreviations or demonyms).
    static func isEntityFile(_ name: String) -> Bool {
        let base = (name as NSString).lastPathComponent
        return !base.hasSuffix(".txt") && !base.hasPrefix("cues")
    }

    /// Adds lexicon files given as (name, contents); reports every problem found.
    public mutating func add(files: [(String, String)]) throws(LexiconErrors) {
        try add(files: files.map { ($0.0, .text($0.1)) })
    }

    /// A file's contents: text, bytes (valid UTF-8), or bytes already in `bytes`.
    enum Contents {
        case text(String)
        case bytes([UInt8])
        case arena(Range<Int>)
    }

    private func text(_ contents: Contents) -> String {
        switch contents {
        case .text(let text): text
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .arena(let range): String(decoding: bytes[range], as: UTF8.self)
        }
    }

    mutating func add(files: [(String, Contents)]) throws(LexiconErrors) {
        var errors: [LexiconError] = []
        for (name, contents) in files {
            self.files.append(name)
            let base = (name as NSString).lastPathComponent
            if base.hasSuffix(".txt") {
                if base.hasPrefix("abbreviations") {
                    do { abbreviations.merge(try Abbreviations(parsing: text(contents), file: name)) } catch { errors.append(error) }
                } else if base.hasPrefix("demonyms") {
                    errors += parseDemonyms(text(contents), file: name)
                }
                continue
            }
            if base.hasPrefix("cues") {
                let (parsed, problems) = Cue.parse(text(contents), file: name)
                cues += parsed
                errors += problems
                continue
            }
            let range: Range<Int>
            switch contents {
            case .text(let text): range = appendBytes(text.utf8)
            case .bytes(let file): range = appendBytes(file)
            case .arena(let r): range = r
            }
            errors += parseEntities(range, file: name)
        }
        if !errors.isEmpty { throw LexiconErrors(errors: errors) }
    }

    /// Reads an entity file: each line on its own (in two halves side by side for a large
    /// file), then, in file order, ids and forms checked against the entries before them.
    private mutating func appendBytes(_ file: some Collection<UInt8>) -> Range<Int> {
        precondition(bytes.count + file.count < Int(UInt32.max), "lexicon files over 4 GB")
        let base = bytes.count
        bytes += file
        defer { bytes.append(0x0A) }  // so that no line runs on into the next file
        return base..<bytes.count
    }

    private mutating func parseEntities(_ range: Range<Int>, file name: String) -> [LexiconError] {
        let fileIndex = Int32(entryFiles.count)
        entryFiles.append(name)
        let chunks: [EntityFileParser.Chunk]
        do {
            chunks = try bytes.withUnsafeBufferPointer { p throws(LexiconError) in
                try EntityFileParser.parse(p, from: range.lowerBound, to: range.upperBound, file: name, fileIndex: fileIndex)
            }
        } catch {
            return [error]
        }
        // Every candidate entry goes in, its forms counted from the lexicon's first.
        let base = records.count
        records.reserveCapacity(base + chunks.reduce(0) { $0 + $1.records.count })
        forms.reserveCapacity(forms.count + chunks.reduce(0) { $0 + $1.forms.count })
        var parseErrors: [LexiconError] = []
        for chunk in chunks {
            let formBase = UInt32(forms.count)
            forms += chunk.forms
            for var record in chunk.records {
                record.formStart += formBase
                records.append(record)
            }
            parseErrors += chunk.errors
        }
        // The usual case: no id repeats and no form is claimed twice. Then every entry is
        // indexed, and the two indexes are built side by side.
        if let (ids, aliases) = indexAll(from: base) {
            idIndex = ids
            aliasIndex = aliases
            makeEntries()
            return parseErrors
        }
        // Otherwise each entry, in file order, is checked against those before it.
        let candidates = Array(records[base...])
        records.removeSubrange(base...)
        var errors: [LexiconError] = []
        var pending = parseErrors[...]
        for record in candidates {
            while let first = pending.first, first.line <= Int(record.line) {
                errors.append(first)
                pending = pending.dropFirst()
            }
            if let problems = check(record) {
                errors += problems
                continue
            }
            let index = Int32(records.count)
            bytes.withUnsafeBytes { p in
                idIndex.set(Self.slice(p, record.id), tag: record.tag, value: index)
                for k in record.forms {
                    aliasIndex.set(Self.slice(p, forms[k]), tag: record.tag, value: index)
                }
            }
            records.append(record)
        }
        errors += pending
        makeEntries()
        return errors
    }

    /// The id and form indexes with entries `base...` added, built side by side; nil when an
    /// id or a form is already there (then entries must be checked one by one).
    private func indexAll(from base: Int) -> (FormTable, FormTable)? {
        let lexicon = self
        let batch = 16
        let aliases = ParallelResult { () -> FormTable? in
            var table = lexicon.aliasIndex
            let added = lexicon.forms.count - Int(lexicon.records[base...].first?.formStart ?? UInt32(lexicon.forms.count))
            table.reserveCapacity(table.count + added, keyBytes: 16 * added)
            let unique = lexicon.bytes.withUnsafeBytes { p in
                lexicon.records.withUnsafeBufferPointer { records in
                    lexicon.forms.withUnsafeBufferPointer { forms in
                        for first in stride(from: base, to: records.count, by: batch) {
                            let end = min(first + batch, records.count)
                            for i in first..<end {
                                for k in records[i].forms { table.prefetch(Self.slice(p, forms[k]), tag: records[i].tag) }
                            }
                            for i in first..<end {
                                for k in records[i].forms where table.insertIfAbsent(Self.slice(p, forms[k]), tag: records[i].tag, value: Int32(i)) != nil {
                                    return false
                                }
                            }
                        }
                        return true
                    }
                }
            }
            return unique ? table : nil
        }
        var ids = idIndex
        ids.reserveCapacity(ids.count + records.count - base, keyBytes: 16 * (records.count - base))
        let unique = bytes.withUnsafeBytes { p in
            records.withUnsafeBufferPointer { records in
                for first in stride(from: base, to: records.count, by: batch) {
                    let end = min(first + batch, records.count)
                    for i in first..<end { ids.prefetch(Self.slice(p, records[i].id), tag: records[i].tag) }
                    for i in first..<end where ids.insertIfAbsent(Self.slice(p, records[i].id), tag: records[i].tag, value: Int32(i)) != nil {
                        return false
                    }
                }
                return true
            }
        }
        guard let table = aliases.value, unique else { return nil }
        return (ids, table)
    }

    /// The problems of an entry against those before it: a duplicate id or a form claimed by
    /// another entry of its label; nil when it can be added.
    private func check(_ record: EntryRecord) -> [LexiconError]? {
        bytes.withUnsafeBytes { p -> [LexiconError]? in
            let label = record.label.rawValue
            if let other = idIndex.find(Self.slice(p, record.id), tag: record.tag) {
                let first = records[Int(other)]
                return [error(record, field: 0, "duplicate id '\(string(record.id))' for \(label) (first defined at \(entryFiles[Int(first.file)]):\(first.line))")]
            }
            var problems: [LexiconError] = []
            for k in record.forms {
                if let other = aliasIndex.find(Self.slice(p, forms[k]), tag: record.tag) {
                    let claimant = records[Int(other)]
                    guard !sameText(claimant.id, record.id) else { continue }
                    problems.append(error(record, field: k == Int(record.formStart) ? 2 : 3,
                                          "alias '\(string(forms[k]))' is already claimed by \(label) '\(string(claimant.id))' (\(entryFiles[Int(claimant.file)]):\(claimant.line))"))
                }
            }
            return problems.isEmpty ? nil : problems
        }
    }

    private func error(_ record: EntryRecord, field k: Int, _ reason: String) -> LexiconError {
        let column = bytes.withUnsafeBufferPointer { EntityFileParser.column(k, p: $0, lineStart: Int(record.lineStart)) }
        return LexiconError(file: entryFiles[Int(record.file)], line: Int(record.line), column: column, reason: reason)
    }

    @inline(__always)
    static func slice(_ p: UnsafeRawBufferPointer, _ r: ByteRange) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: p[Int(r.start)..<Int(r.start) + Int(r.count)])
    }

    /// The text of a byte range.
    func string(_ r: ByteRange) -> String {
        bytes.withUnsafeBufferPointer { p in
            String(decoding: UnsafeBufferPointer(rebasing: p[Int(r.start)..<Int(r.start) + Int(r.count)]), as: UTF8.self)
        }
    }

    /// `String` equality of two ranges (canonical equivalence beyond ASCII).
    func sameText(_ a: ByteRange, _ b: ByteRange) -> Bool {
        bytes.withUnsafeBytes { p in EntityFileParser.sameText(Self.slice(p, a), Self.slice(p, b)) }
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

    // MARK: Entries

    /// The number of entries.
    var count: Int { records.count }

    /// The label of entry i, without making the entry.
    func label(at i: Int) -> EntityLabel { records[i].label }

    /// Entry i.
    @inline(__always)
    func entry(at i: Int) -> LexiconEntry {
        i < made.count ? made[i] : make(i)
    }

    /// Up to this many entries are made as soon as they are read: the entries of the default
    /// lexicons (and of small user lexicons) are the ones texts match again and again.
    static let madeEntries = 50_000

    /// Makes the entries read so far while there are few.
    private mutating func makeEntries() {
        guard records.count <= Self.madeEntries else { return }
        made.reserveCapacity(records.count)
        for i in made.count..<records.count { made.append(make(i)) }
    }

    /// Entry i, made from its record.
    private func make(_ i: Int) -> LexiconEntry {
        let r = records[i]
        return bytes.withUnsafeBufferPointer { p in
            func text(_ x: ByteRange) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: p[Int(x.start)..<Int(x.start) + Int(x.count)]), as: UTF8.self)
            }
            let forms = r.forms
            var aliases: [String] = []
            if forms.count > 1 {
                aliases.reserveCapacity(forms.count - 1)
                for k in forms.dropFirst() { aliases.append(text(self.forms[k])) }
            }
            return LexiconEntry(
                id: text(r.id), label: r.label, name: text(self.forms[forms.lowerBound]), aliases: aliases,
                country: r.country.count == 0 ? nil : text(r.country),
                roles: r.roles.count == 0 ? [] : ByteText.split(text(r.roles), UInt8(ascii: "|")),
                validFrom: r.from.count == 0 ? nil : text(r.from), validTo: r.to.count == 0 ? nil : text(r.to),
                file: entryFiles[Int(r.file)], line: Int(r.line))
        }
    }

    /// The entries with this label, made from their records.
    func entries(labelled label: EntityLabel) -> [LexiconEntry] {
        records.indices.filter { records[$0].label == label }.map(entry(at:))
    }

    /// The entry that has this surface form for this label.
    public func entry(alias: String, label: EntityLabel) -> LexiconEntry? {
        aliasIndex.find(alias, tag: EntryRecord.tag(label)).map { entry(at: Int($0)) }
    }

    /// The entry with this id and label.
    public func entry(id: String, label: EntityLabel) -> LexiconEntry? {
        idIndex.find(id, tag: EntryRecord.tag(label)).map { entry(at: Int($0)) }
    }

    /// A side of a meeting by its id: a country's code ("JPN") or an international body's
    /// ("EU"), with the lexicon's name for it (the id when the lexicon has none).
    func sideReference(_ id: String) -> Reference {
        Reference(id: id, name: (entry(id: id, label: .place) ?? entry(id: id, label: .organization))?.name ?? id)
    }
}

/// The entries of a lexicon, each made from its record when read.
public struct LexiconEntries: RandomAccessCollection, Sendable {
    let lexicon: Lexicon

    public var startIndex: Int { 0 }
    public var endIndex: Int { lexicon.count }
    public subscript(i: Int) -> LexiconEntry { lexicon.entry(at: i) }
}

/// Bytes `[start, start + count)` of `Lexicon.bytes`.
struct ByteRange: Sendable, Equatable {
    var start: UInt32
    var count: UInt32

    static let empty = ByteRange(start: 0, count: 0)

    init(start: UInt32, count: UInt32) {
        self.start = start
        self.count = count
    }

    init(_ r: Range<Int>) {
        start = UInt32(r.lowerBound)
        count = UInt32(r.count)
    }
}

/// One entry of an entity file as byte ranges of the file: what `LexiconEntry` is made from.
struct EntryRecord: Sendable {
    var id: ByteRange
    var country: ByteRange
    /// The role column as written (`|`-separated).
    var roles: ByteRange
    var from: ByteRange
    var to: ByteRange
    /// `Lexicon.forms[formStart ..< formStart + formCount]`: the name, then the aliases
    /// (trimmed, without the name and without repeats).
    var formStart: UInt32
    var formCount: UInt32
    /// Where the line starts in `Lexicon.bytes` (for error columns).
    var lineStart: UInt32
    var line: Int32
    var file: Int32
    var label: EntityLabel

    var forms: Range<Int> { Int(formStart)..<Int(formStart) + Int(formCount) }

    var tag: UInt8 { Self.tag(label) }

    static func tag(_ label: EntityLabel) -> UInt8 {
        switch label {
        case .person: 0
        case .place: 1
        case .organization: 2
        case .title: 3
        case .meeting: 4
        case .date: 5
        case .actor: 6
        }
    }
}
