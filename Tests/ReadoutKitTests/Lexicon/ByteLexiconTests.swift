import Foundation
import Testing
@testable import ReadoutKit

/// The lexicon is read on bytes (`EntityFileParser`, `FormTable`); these tests hold it to
/// the `String`-based reading it replaced: the same entries, the same errors in the same
/// order, the same look-ups.

/// The `String`-based entity file reading that `EntityFileParser` replaced, kept here as the
/// reference: every line split into `String` fields, entries checked in file order against
/// `[String: Int]` indexes.
private struct ReferenceLexicon {
    struct Key: Hashable {
        var label: EntityLabel
        var text: String
    }

    var entries: [LexiconEntry] = []
    var idIndex: [Key: Int] = [:]
    var aliasIndex: [Key: Int] = [:]

    mutating func parse(_ text: String, file: String) -> [LexiconError] {
        let lines = TSVLine.lines(of: text)
        guard let header = lines.first else {
            return [LexiconError(file: file, line: 1, column: 1, reason: "missing header line")]
        }
        guard header.fields == Lexicon.header else {
            return [LexiconError(file: file, line: header.number, column: header.column(0),
                                 reason: "expected the header line '\(Lexicon.header.joined(separator: "<TAB>"))'")]
        }
        var errors: [LexiconError] = []
        for line in lines.dropFirst() {
            let (entry, problems) = Self.candidate(line, file: file)
            errors += problems
            guard let entry else { continue }
            func fail(_ k: Int, _ reason: String) {
                errors.append(LexiconError(file: file, line: entry.line, column: line.column(k), reason: reason))
            }
            let key = Key(label: entry.label, text: entry.id)
            if let other = idIndex[key] {
                fail(0, "duplicate id '\(entry.id)' for \(entry.label.rawValue) (first defined at \(entries[other].file):\(entries[other].line))")
                continue
            }
            var clash = false
            for form in entry.surfaceForms {
                if let other = aliasIndex[Key(label: entry.label, text: form)], entries[other].id != entry.id {
                    fail(form == entry.name ? 2 : 3, "alias '\(form)' is already claimed by \(entry.label.rawValue) '\(entries[other].id)' (\(entries[other].file):\(entries[other].line))")
                    clash = true
                }
            }
            if clash { continue }
            idIndex[key] = entries.count
            for form in entry.surfaceForms { aliasIndex[Key(label: entry.label, text: form)] = entries.count }
            entries.append(entry)
        }
        return errors
    }

    static func candidate(_ tsv: TSVLine, file: String) -> (LexiconEntry?, [LexiconError]) {
        var errors: [LexiconError] = []
        let fields = tsv.fields
        func fail(_ k: Int, _ reason: String) -> (LexiconEntry?, [LexiconError]) {
            errors.append(LexiconError(file: file, line: tsv.number, column: tsv.column(k), reason: reason))
            return (nil, errors)
        }
        guard fields.count == Lexicon.header.count else {
            return fail(0, "expected \(Lexicon.header.count) TAB-separated columns, found \(fields.count)")
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
        if let country, !Lexicon.isCountryCode(country) {
            _ = fail(4, "country '\(country)' is not an ISO 3166-1 alpha-3 code")
        }
        for k in [6, 7] where !fields[k].isEmpty && !Lexicon.isDate(fields[k]) {
            _ = fail(k, "'\(fields[k])' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        let entry = LexiconEntry(
            id: id, label: label, name: name, aliases: aliases, country: country,
            roles: ByteText.split(fields[5], UInt8(ascii: "|")),
            validFrom: fields[6].isEmpty ? nil : fields[6], validTo: fields[7].isEmpty ? nil : fields[7],
            file: file, line: tsv.number)
        return (entry, errors)
    }
}

/// A small deterministic generator (SplitMix64).
private struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
}

private let header = Lexicon.header.joined(separator: "\t")

/// Lexicon lines with every kind of problem and every special case of the format: repeated
/// ids and forms, canonically equivalent spellings (é and e + U+0301, KELVIN SIGN and K),
/// white space to trim (ASCII and not), combining marks after separators, empty aliases,
/// bad countries and dates, wrong column counts, comments, blank lines and CRLF.
private func generatedLexicon(lines count: Int, seed: UInt64, clean: Bool = false) -> String {
    var g = Generator(state: seed)
    let words = ["Alda", "Bora", "Café", "Cafe\u{301}", "\u{212A}elvin", "Kelvin", "O’Neil", "O'Neil", "Zed", "Ümit",
                 "Nova", "Ross", "Ta;m", "Ta\u{37E}m", "Lee", "Mo-Ri", "G20", "Vik"]
    let spaces = ["", " ", "\u{2003}", "\u{A0}", "\t"]
    var out = "# generated\n" + header + (g.chance(10) ? "\r\n" : "\n")
    for n in 0..<count {
        if !clean, g.chance(3) { out += g.pick(["# comment\n", "\n", " \t \n", "\r\n"]); continue }
        let id: String
        if clean { id = "g\(n)" } else { id = g.chance(5) ? g.pick(["dup", "\u{212A}", "K", "e\u{301}", "\u{E9}"]) : "g\(n % (count / 2 + 1))" }
        let label = clean ? g.pick(["Person", "Place", "Organization", "Title"])
            : (g.chance(2) ? g.pick(["Thing", "person", "Meeting", ""]) : g.pick(["Person", "Place", "Organization", "Title"]))
        func name() -> String {
            let parts = (0..<(1 + g.next() % 3)).map { _ in g.pick(words) }
            return parts.joined(separator: " ") + (clean ? " \(n)" : (g.chance(50) ? " \(g.next() % 50)" : ""))
        }
        var nameField = name()
        if !clean, g.chance(8) { nameField = g.pick(spaces) + nameField + g.pick(spaces) }
        if !clean, g.chance(1) { nameField = g.pick(spaces) }
        var aliases: [String] = []
        for _ in 0..<(g.next() % 3) {
            var a = g.chance(20) ? nameField : name()
            if !clean, g.chance(5) { a = g.pick(spaces) + a + g.pick(spaces) }
            if !clean, g.chance(3) { a = g.pick(["", " ", "\u{301}x"]) }
            aliases.append(a)
        }
        var aliasField = aliases.joined(separator: "|")
        if !clean, g.chance(3) { aliasField += "|\u{301}b" }
        let country = clean ? g.pick(["", "JPN", "KOR"]) : g.pick(["", "", "JPN", "KOR", "jp", "JAPAN", "ÅLA"])
        let role = g.pick(["", "city", "foreign-minister|head-of-state", "a||b", "x|\u{301}y"])
        let from = clean ? g.pick(["", "2020", "2020-01"]) : g.pick(["", "", "2020", "2020-01", "2020-01-31", "2020-1", "２０２０", "2020-01-\u{661}\u{662}", "20x0"])
        let to = clean ? "" : g.pick(["", "", "2024", "2024-13", "2024--01"])
        var fields = [id, label, nameField, aliasField, country, role, from, to]
        if !clean, g.chance(2) { fields.removeLast() }
        if !clean, g.chance(1) { fields.append("extra") }
        out += fields.joined(separator: "\t") + (g.chance(10) ? "\r\n" : "\n")
    }
    return out
}

@Suite struct ByteLexiconTests {
    /// Loads `text` both ways; the entries and the error messages must be the same.
    @discardableResult
    func expectSameAsReference(_ text: String, file: String = "gen.tsv", sourceLocation: SourceLocation = #_sourceLocation) -> (entries: Int, errors: Int) {
        var reference = ReferenceLexicon()
        let expectedErrors = reference.parse(text, file: file).map(\.description)
        var lexicon = Lexicon()
        var errors: [String] = []
        do { try lexicon.add(files: [(file, text)]) } catch { errors = error.errors.map(\.description) }
        #expect(errors == expectedErrors, sourceLocation: sourceLocation)
        #expect(Array(lexicon.entries) == reference.entries, sourceLocation: sourceLocation)
        // Look-ups answer as the String-keyed dictionaries did, canonical equivalence included.
        for (key, index) in reference.aliasIndex {
            #expect(lexicon.entry(alias: key.text, label: key.label) == reference.entries[index], sourceLocation: sourceLocation)
        }
        for (key, index) in reference.idIndex {
            #expect(lexicon.entry(id: key.text, label: key.label) == reference.entries[index], sourceLocation: sourceLocation)
        }
        return (reference.entries.count, expectedErrors.count)
    }

    @Test(arguments: 1...12)
    func generatedFilesLoadAsTheStringCodeDid(seed: UInt64) {
        let (entries, errors) = expectSameAsReference(generatedLexicon(lines: 400, seed: seed))
        #expect(entries > 100 && errors > 50)
    }

    /// A file over 1 MB is read in two halves side by side: the errors of both halves come in
    /// file order, and the entries of the second half are checked against the first.
    @Test func aLargeFileReadInTwoHalvesGivesTheSameEntriesAndErrors() {
        var text = generatedLexicon(lines: 30_000, seed: 99)
        #expect(text.utf8.count >= EntityFileParser.parallelBytes)
        text += generatedLexicon(lines: 300, seed: 7).split(separator: "\n").dropFirst(2).joined(separator: "\n")
        let (entries, errors) = expectSameAsReference(text)
        #expect(entries > 5_000 && errors > 1_000)
        let clean = generatedLexicon(lines: 30_000, seed: 5, clean: true)
        #expect(expectSameAsReference(clean).entries > 20_000)
    }

    @Test func specialFilesLoadAsTheStringCodeDid() {
        for text in ["", "\n\n# only comments\n", "\u{FEFF}" + header + "\nx\tPlace\tX\t\t\t\t\t", "id\tlabel\n",
                     header + "\r\n\r\nx\tPlace\tX\t\t\t\t\t\r\n", "\u{FEFF}\u{FEFF}" + header + "\nx\tPlace\tX\t\t\t\t\t\n",
                     header + "\n" + "x\tPlace\t\u{2003}\t\t\t\t\t\n" + "y\tPlace\t\u{2003}Y\u{A0}\t|\u{2003}|Y\t\t\t\t\n",
                     header + "\n" + "a\tPlace\tX\u{301}\tx \u{301}| \u{301}y|Ä\u{3000}|\u{3000}Ö\t\t\t\t\n" + "b\tPlace\t\u{1680}B\u{202F}\tÉ|\u{85}É\u{85}\t\t\t\t\n"] {
            expectSameAsReference(text)
        }
    }

    /// The default lexicons and a user lexicon over them: entries made on demand equal those
    /// the String code made.
    @Test func builtInLexiconsAreTheSameEntries() throws {
        var reference = ReferenceLexicon()
        var expectedErrors: [LexiconError] = []
        for file in EmbeddedLexicons.files {
            let base = (file.name as NSString).lastPathComponent
            guard base.hasSuffix(".tsv"), !base.hasPrefix("cues") else { continue }
            expectedErrors += reference.parse(file.text, file: file.name)
        }
        #expect(expectedErrors.isEmpty)
        let lexicon = try Lexicon.builtIn()
        #expect(Array(lexicon.entries) == reference.entries)
        #expect(lexicon.entries(labelled: .title) == reference.entries.filter { $0.label == .title })
    }

    @Test func aFolderIsReadAsItsFilesWere() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "readout-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Foundation dropped one byte-order mark when reading the file, the line splitter another.
        try Data(("\u{FEFF}\u{FEFF}" + header + "\nab\tPlace\tAb Cd\tCd\tJPN\tcity\t\t\n").utf8).write(to: folder.appending(path: "a.tsv"))
        let lexicon = try Lexicon.load(userFolders: [folder])
        let entry = try #require(lexicon.entry(alias: "Cd", label: .place))
        #expect(entry.id == "ab" && entry.file == folder.appending(path: "a.tsv").path && entry.line == 2)
        #expect(entry.roles == ["city"] && entry.country == "JPN")
        try Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array((header + "\n").utf8)).write(to: folder.appending(path: "b.tsv"))
        #expect(throws: LexiconErrors.self) { try Lexicon.load(userFolders: [folder]) }
        try Data(Array((header + "\nx\tPlace\t").utf8) + [0xC3, 0x28] + Array("\t\t\t\t\t\n".utf8)).write(to: folder.appending(path: "b.tsv"))
        do {
            _ = try Lexicon.load(userFolders: [folder])
            Issue.record("a file that is not UTF-8 loaded")
        } catch let error as LexiconErrors {
            #expect(error.description == "\(folder.appending(path: "b.tsv").path):0:0: not valid UTF-8")
        }
    }
}

@Suite struct ByteTableTests {
    /// `FormTable` against a `[String: Int32]` dictionary: insertions, replacements and
    /// look-ups of keys that are equal as Strings but not as bytes.
    @Test func formTableHasStringEquality() {
        let texts = ["", "a", "K", "\u{212A}", "Kelvin", "\u{212A}elvin", ";", "\u{37E}", "`", "\u{1FEF}", "é", "e\u{301}",
                     "Café", "Cafe\u{301}", "ﬁ", "fi", "Å", "A\u{30A}", "\u{212B}", "x\u{301}\u{323}", "x\u{323}\u{301}",
                     "long key over sixteen bytes", "long key over sixteen bytez", "日本", "O’Neil", "O'Neil"]
        struct Key: Hashable { var tag: UInt8; var text: String }
        var table = FormTable()
        var reference: [Key: Int32] = [:]
        var g = Generator(state: 3)
        for step in 0..<2_000 {
            let key = Key(tag: UInt8(g.next() % 3), text: g.pick(texts))
            let value = Int32(step)
            if g.chance(30) {
                Array(key.text.utf8).withUnsafeBytes { table.set($0, tag: key.tag, value: value) }
                reference[key] = value
            } else {
                let old = table.insertIfAbsent(key.text, tag: key.tag, value: value)
                #expect(old == reference[key], "\(key)")
                if reference[key] == nil { reference[key] = value }
            }
        }
        for text in texts {
            for tag: UInt8 in 0..<4 {
                #expect(table.find(text, tag: tag) == reference[Key(tag: tag, text: text)], "\(text) \(tag)")
            }
        }
        #expect(table.count == reference.count)
    }

    @Test func tablesGrowAndFindEveryKey() {
        var table = ByteKeyTable()
        var edges = EdgeTable()
        for i in 0..<50_000 {
            let key = Array("key \(i)".utf8)
            #expect(key.withUnsafeBytes { table.insertIfAbsent($0, tag: UInt8(i % 2), value: Int32(i)) } == nil)
            #expect(edges.insertIfAbsent(UInt64(i) << 32 | UInt64(i % 7), value: Int32(i + 1)) == nil)
        }
        for i in 0..<50_000 {
            let key = Array("key \(i)".utf8)
            #expect(key.withUnsafeBytes { table.find($0, tag: UInt8(i % 2)) } == Int32(i))
            #expect(key.withUnsafeBytes { table.find($0, tag: UInt8(1 - i % 2)) } == nil)
            #expect(edges[UInt64(i) << 32 | UInt64(i % 7)] == Int32(i + 1))
            #expect(edges[UInt64(i) << 32 | UInt64(i % 7 + 1)] == nil)
        }
        #expect(table.count == 50_000 && edges.count == 50_000)
    }

    /// Keys spread over the whole table, whatever its size (a probe starts near its home).
    @Test func keysSpreadOverTheTable() {
        for capacity in [16, 1_000, 4_096, 1_428_571] {
            var edgeHomes = Set<Int>(), byteHomes = Set<Int>()
            for node in 0..<100 {
                for token in 0..<100 {
                    let home = EdgeTable.home(UInt64(node) << 32 | UInt64(token), capacity)
                    #expect(home >= 0 && home < capacity)
                    edgeHomes.insert(home)
                }
            }
            for i in 0..<10_000 {
                let hash = UInt32(truncatingIfNeeded: Array("key \(i)".utf8).withUnsafeBytes { byteHash($0, tag: 0) } >> 32)
                let home = ByteKeyTable.home(hash, capacity)
                #expect(home >= 0 && home < capacity)
                byteHomes.insert(home)
            }
            #expect(edgeHomes.count > min(capacity, 10_000) / 2)
            #expect(byteHomes.count > min(capacity, 10_000) / 2)
        }
    }

    /// The byte tokenizer for lexicon forms splits as ICU does (the text is split by ICU).
    @Test func asciiTokensSplitAsICUDoes() throws {
        let breaker = try Breaker(kind: .word, locale: Segmenter.locale)
        var g = Generator(state: 11)
        let alphabet = Array("aZk09 -".utf8)
        var samples = ["GEN-123", "G20", "20G", "a-b", "--", " - ", "Council 99999", "x  y", "-a-", "12 34", ""]
        for _ in 0..<3_000 {
            samples.append(String(decoding: (0..<(g.next() % 12)).map { _ in g.pick(alphabet) }, as: UTF8.self))
        }
        var tokens: [Range<Int>] = []
        for s in samples {
            let bytes = Array(s.utf8)
            let fast = bytes.withUnsafeBufferPointer { p -> [String]? in
                guard Segmenter.asciiTokens(p, 0..<p.count, into: &tokens) else { return nil }
                return tokens.map { String(decoding: p[$0], as: UTF8.self) }
            }
            #expect(fast == Segmenter.tokenTexts(of: bytes, breaker: breaker), "\(s)")
        }
        #expect(!Array("U.S.".utf8).withUnsafeBufferPointer { Segmenter.asciiTokens($0, 0..<$0.count, into: &tokens) })
    }
}

@Suite struct LazyEntryMatchingTests {
    /// Forms in every spelling the trie must treat as one: canonically equivalent texts and
    /// typographic apostrophes match the lexicon's form.
    @Test func equivalentSpellingsMatchTheSameEntry() throws {
        var lexicon = try Lexicon.builtIn()
        try lexicon.add(files: [("mine.tsv", header + "\n"
            + "cafe-x\tOrganization\tCafé Norte Council\tCNC-7\t\t\t\t\n"
            + "kel\tPlace\t\u{212A}elvinburg\t\t\t\t\t\n"
            + "oneil\tPerson\tMara O’Neil\tO’Neil Mara\t\t\t\t\n")])
        let pipeline = try Pipeline(lexicon: lexicon)
        func ids(_ text: String) -> [String] {
            pipeline.annotate(Document(name: "t.txt", text: text)).mentions.flatMap { $0.references.map(\.id) }
        }
        #expect(ids("They met at Cafe\u{301} Norte Council on Monday.").contains("cafe-x"))
        #expect(ids("They met at CNC-7 on Monday.").contains("cafe-x"))
        #expect(ids("The delegation travelled to Kelvinburg on Monday.").contains("kel"))
        #expect(ids("Minister Mara O'Neil spoke.").contains("oneil"))
    }
}

@Suite struct UTF8FastPathTests {
    /// The byte-at-a-time check that the eight-byte ASCII skip sits in front of.
    static func reference(_ p: [UInt8]) -> Int? {
        var i = 0
        while i < p.count {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: return i
            }
            if i + need >= p.count { return i }
            if p[i + 1] < lower || p[i + 1] > upper { return i }
            for k in 2..<(need + 1) where p[i + k] & 0xC0 != 0x80 { return i }
            i += need + 1
        }
        return nil
    }

    @Test func invalidBytesAreFoundAtTheSameOffset() {
        var g = Generator(state: 21)
        let pieces: [[UInt8]] = [Array("plain ASCII text ".utf8), Array("é".utf8), Array("日本".utf8), Array("🇯🇵".utf8),
                                 [0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(g.next() % 12) { bytes += g.chance(85) ? pieces[Int(g.next() % 4)] : g.pick(pieces) }
            #expect(UTF8Validation.firstInvalidOffset(bytes) == Self.reference(bytes), "\(bytes)")
        }
    }
}
