import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a collection's summary report in bounded memory, whatever the size of the
/// collection: the same bytes as ``ReportWriter``, which holds every row.
///
/// Each document given to ``add(_:)`` (from any thread, in any order) goes to temporary files
/// at once, in a hidden folder inside the report's folder (``SpillDirectory``): its lines of
/// `stances.csv`, `entities.csv` and `meetings.csv`, its meeting card and its stances as
/// evidence records. What stays in memory is small: an index entry per document (path,
/// date, counts, where its pieces are), and the aggregates the statistics need: a count per
/// category, polarity, holder, target, holder country × category, month, year and holder ×
/// target pair, and per entity its mentions, readouts, first label and name, each with the
/// places of the first sentences the HTML lists behind it (at most
/// ``ReportWriter/sentencesPerGroup`` or ``ReportWriter/sentencesPerEntity``). That is
/// O(documents + distinct entities), not O(rows).
///
/// ``finish()`` writes the report files in a second pass that streams: the pages are
/// rendered piece by piece into temporary files, reading the cards and sentences back from
/// disk; the CSV files are the temporary files themselves when the documents came in path
/// order (else they are copied in path order). Every file is renamed into place whole.
/// Rows are ordered as ``ReportWriter`` orders them: by document path, then as in the
/// document; the first sentences of a figure are the first in that order, whatever the order
/// in which documents were added.
public final class ReportCollector: @unchecked Sendable {
    /// The folder the report goes to.
    public let folder: URL
    /// The paths of the documents that may be added, in report order.
    private let order: [String]
    private let parallel: Bool
    private let lock = NSLock()
    private var spill: Spill?
    private var failure: Error?
    private var finished = false
    private var aggregate = Aggregate()

    /// `paths`: every document path that may be added (paths inside the collection without
    /// extension, as ``ReportDocument/path``); documents may be left out. With `parallel`, the
    /// pages and the CSV files are written on two threads.
    public init(folder: URL, paths: [String], parallel: Bool = false) {
        self.folder = folder
        order = paths.sorted()
        self.parallel = parallel
    }

    deinit { discard() }

    /// Documents added so far.
    public var count: Int {
        lock.lock(); defer { lock.unlock() }
        return aggregate.documents.count
    }

    /// The first error met while adding documents (the report cannot be written then).
    public var error: Error? {
        lock.lock(); defer { lock.unlock() }
        return failure
    }

    /// Adds a document: its rows go to disk now. Thread-safe. An error (a full disk, an
    /// unwritable folder) gives up the report, removes its temporary files and is thrown by
    /// ``finish()``; later documents are ignored.
    public func add(_ document: ReportDocument) {
        let prepared = PreparedDocument(document)
        lock.lock(); defer { lock.unlock() }
        guard failure == nil, !finished else { return }
        do {
            guard let rank = rank(of: document.path) else {
                throw Failure(path: folder.appending(path: document.path).path, reason: "not one of the report's documents")
            }
            if spill == nil { spill = try Spill(in: folder) }
            try aggregate.add(prepared, rank: rank, spill: spill!)
        } catch {
            failure = error
            spill?.remove()
            spill = nil
        }
    }

    /// Writes the report files (nothing when no document was added) and removes the
    /// temporary files, also when it fails.
    public func finish() throws {
        lock.lock(); defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        defer {
            spill?.remove()
            spill = nil
            aggregate = Aggregate()
        }
        if let failure { throw failure }
        guard let spill, !aggregate.documents.isEmpty else { return }
        try aggregate.write(to: folder, spill: spill, parallel: parallel)
    }

    /// Gives the report up: removes the temporary files (an interrupted run).
    public func discard() {
        lock.lock(); defer { lock.unlock() }
        finished = true
        spill?.remove()
        spill = nil
        aggregate = Aggregate()
    }

    /// Position of a path in report order.
    private func rank(of path: String) -> Int? {
        var low = 0, high = order.count
        while low < high {
            let mid = (low + high) / 2
            if order[mid] < path { low = mid + 1 } else { high = mid }
        }
        return low < order.count && order[low] == path ? low : nil
    }
}

// MARK: - The temporary files

/// The temporary folder and its files: one per CSV file (its header, then each document's
/// lines as the document comes) and `records` (meeting cards, stance and mention evidence).
final class Spill: @unchecked Sendable {
    let directory: URL
    let stances: SpillFile
    let entities: SpillFile
    let meetings: SpillFile
    let records: SpillFile

    init(in folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: folder.path, reason: BatchAnnotator.reason(error))
        }
        directory = try SpillDirectory.create(in: folder)
        do {
            stances = try SpillFile(directory.appending(path: "stances.csv"))
            entities = try SpillFile(directory.appending(path: "entities.csv"))
            meetings = try SpillFile(directory.appending(path: "meetings.csv"))
            records = try SpillFile(directory.appending(path: "records"))
            for (file, header) in [(stances, CSV.stancesHeader), (entities, CSV.entitiesHeader), (meetings, CSV.meetingsHeader)] {
                var out = CSV.Writer(capacity: 256)
                out.line(header)
                try file.append(out.bytes)
            }
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// A place in one of the files.
    struct Extent {
        var offset: Int
        var length: Int
    }

    func remove() {
        for file in [stances, entities, meetings, records] { file.close() }
        try? FileManager.default.removeItem(at: directory)
    }
}

// MARK: - One document, made ready outside the lock

/// A document's bytes for the temporary files and what the aggregates need of it, made by the
/// thread that annotated it.
struct PreparedDocument {
    let document: ReportDocument
    var stancesCSV = CSV.Writer(capacity: 0)
    var entitiesCSV = CSV.Writer(capacity: 0)
    var meetingsCSV = CSV.Writer(capacity: 0)
    /// The meeting card, then one evidence record per stance.
    var record = SpillEncoder()
    var cardLength = 0
    /// End of each stance's record in `record`.
    var stanceEnds: [Int] = []

    init(_ d: ReportDocument) {
        document = d
        stancesCSV.bytes.reserveCapacity(d.stances.count * 400)
        for r in d.stances { stancesCSV.stance(r) }
        entitiesCSV.bytes.reserveCapacity(d.entities.count * 300)
        for r in d.entities { entitiesCSV.entity(r) }
        meetingsCSV.meeting(d)
        // The card.
        let m = d.meeting
        record.optional(m.title)
        record.optional(m.date)
        record.string(m.dateSource.rawValue)
        record.string(m.kind)
        record.optional(m.place?.name)
        record.optional(m.startTime)
        record.optional(m.durationMinutes)
        record.int(m.participants.count)
        for p in m.participants {
            record.string(p.name)
            record.optional(p.title)
            record.optional(p.country)
        }
        var counts = Array(repeating: 0, count: StanceCategory.allCases.count)
        for r in d.stances { counts[r.category.index] += 1 }
        record.int(counts.count { $0 > 0 })
        for (k, n) in counts.enumerated() where n > 0 {
            record.int(k)
            record.int(n)
        }
        cardLength = record.bytes.count
        // The stances, as the HTML lists them behind a figure.
        stanceEnds.reserveCapacity(d.stances.count)
        for r in d.stances {
            record.int(r.category.index)
            record.string(r.holderNames.joined(separator: ", "))
            record.string(r.cue)
            record.string(r.sentence)
            record.string(r.targetText)
            stanceEnds.append(record.bytes.count)
        }
    }
}

extension StanceCategory {
    /// Position in `allCases` (the report's order of categories).
    var index: Int {
        switch self {
        case .condemn: 0
        case .regret: 1
        case .concern: 2
        case .protest: 3
        case .urge: 4
        case .welcome: 5
        case .appreciate: 6
        case .support: 7
        case .agree: 8
        case .commit: 9
        case .hope: 10
        case .congratulate: 11
        case .sympathize: 12
        }
    }
}

// MARK: - The aggregates

/// Where an evidence record is, and its place in report order (document rank, then the
/// row's place in its document), by which the first ones of a group are kept.
struct EvidenceRef {
    var key: UInt64
    var document: Int32
    var length: Int32
    var offset: Int

    static func key(rank: Int, seq: Int) -> UInt64 { UInt64(rank) << 32 | UInt64(seq) }
}

/// A count and the first evidence records behind it (at most `cap`, the smallest keys).
struct EvidenceGroup {
    var count = 0
    var first: [EvidenceRef] = []

    /// Whether a record with this key would be kept now.
    func wants(_ key: UInt64, cap: Int) -> Bool {
        first.count < cap || key < first[first.count - 1].key
    }

    mutating func offer(_ ref: EvidenceRef, cap: Int) {
        guard wants(ref.key, cap: cap) else { return }
        if first.count == cap { first.removeLast() }
        if let last = first.last, last.key > ref.key {
            var low = 0, high = first.count
            while low < high {
                let mid = (low + high) / 2
                if first[mid].key < ref.key { low = mid + 1 } else { high = mid }
            }
            first.insert(ref, at: low)
        } else {
            first.append(ref)
        }
    }
}

/// Two keys (holder × target, country × category), ordered as `[a, b]`.
struct KeyPair: Hashable {
    var a: String
    var b: String

    static func precedes(_ x: KeyPair, _ y: KeyPair) -> Bool { x.a != y.a ? x.a < y.a : x.b < y.b }
}

/// An entity of the index: its flat mentions.
struct EntityEntry {
    var group = EvidenceGroup()
    var documents = 0
    var firstKey = UInt64.max
    var label = EntityLabel.actor
}

/// A document of the report: what the pages and the CSV copy need of it without its rows.
struct DocumentEntry {
    var path: String
    var date: String?
    var rank: Int
    var stanceCount: Int
    var entityCount: Int
    var stancesCSV: Spill.Extent
    var entitiesCSV: Spill.Extent
    var meetingsCSV: Spill.Extent
    var card: Spill.Extent
    /// The records of the stances the document's own evidence group lists (the first ones).
    var stances: Spill.Extent
}

/// Everything the report knows before its second pass.
struct Aggregate {
    var documents: [DocumentEntry] = []
    /// Whether documents came in report order (the CSV files need no reordering then).
    var inOrder = true
    var lastRank = -1
    var stanceCount = 0
    var mentionCount = 0
    var firstDate: String?
    var lastDate: String?
    var categories = Array(repeating: EvidenceGroup(), count: StanceCategory.allCases.count)
    var polarities: [String: EvidenceGroup] = [:]
    var holders: [String: EvidenceGroup] = [:]
    var targets: [String: EvidenceGroup] = [:]
    var countries: [KeyPair: EvidenceGroup] = [:]
    var months: [String: EvidenceGroup] = [:]
    var years: [String: EvidenceGroup] = [:]
    var pairs: [KeyPair: EvidenceGroup] = [:]
    var entities: [String: EntityEntry] = [:]
    /// Display names of ids: the first a mention gives, else the first a stance holder gives.
    var mentionNames: [String: (key: UInt64, name: String)] = [:]
    var holderNames: [String: (key: UInt64, name: String)] = [:]

    static let perGroup = ReportWriter.sentencesPerGroup
    static let perEntity = ReportWriter.sentencesPerEntity

    mutating func add(_ p: PreparedDocument, rank: Int, spill: Spill) throws {
        let d = p.document
        let slot = Int32(documents.count)
        let stancesCSV = Spill.Extent(offset: try spill.stances.append(p.stancesCSV.bytes), length: p.stancesCSV.bytes.count)
        let entitiesCSV = Spill.Extent(offset: try spill.entities.append(p.entitiesCSV.bytes), length: p.entitiesCSV.bytes.count)
        let meetingsCSV = Spill.Extent(offset: try spill.meetings.append(p.meetingsCSV.bytes), length: p.meetingsCSV.bytes.count)
        let base = try spill.records.append(p.record.bytes)
        let listed = min(d.stances.count, Self.perGroup)
        let ownEnd = listed > 0 ? p.stanceEnds[listed - 1] : p.cardLength
        documents.append(DocumentEntry(
            path: d.path, date: d.meeting.date, rank: rank, stanceCount: d.stances.count, entityCount: d.entities.count,
            stancesCSV: stancesCSV, entitiesCSV: entitiesCSV, meetingsCSV: meetingsCSV,
            card: Spill.Extent(offset: base, length: p.cardLength),
            stances: Spill.Extent(offset: base + p.cardLength, length: ownEnd - p.cardLength)))
        if rank < lastRank { inOrder = false }
        lastRank = rank
        stanceCount += d.stances.count
        mentionCount += d.entities.count
        if let date = d.meeting.date {
            if firstDate.map({ date < $0 }) ?? true { firstDate = date }
            if lastDate.map({ date > $0 }) ?? true { lastDate = date }
        }
        addStances(p, rank: rank, slot: slot, base: base)
        try addEntities(d, rank: rank, slot: slot, spill: spill)
    }

    /// The stances' groups, as ``Statistics/group(_:_:)`` makes them for each dimension.
    private mutating func addStances(_ p: PreparedDocument, rank: Int, slot: Int32, base: Int) {
        let d = p.document
        let month = d.meeting.date.map { String($0.prefix(7)) }
        let year = d.meeting.date.map { String($0.prefix(4)) }
        for (n, r) in d.stances.enumerated() {
            let start = n == 0 ? p.cardLength : p.stanceEnds[n - 1]
            let ref = EvidenceRef(key: EvidenceRef.key(rank: rank, seq: n), document: slot,
                                  length: Int32(p.stanceEnds[n] - start), offset: base + start)
            let cap = Self.perGroup
            categories[r.category.index].add(ref, cap: cap)
            polarities[r.category.polarity.rawValue, default: EvidenceGroup()].add(ref, cap: cap)
            let holderKeys = r.holderIDs.isEmpty ? ["none"] : unique(r.holderIDs)
            for h in holderKeys { holders[h, default: EvidenceGroup()].add(ref, cap: cap) }
            let targetKeys = unique(r.targetEntityIDs).filter { $0 != "none" }
            for t in targetKeys { targets[t, default: EvidenceGroup()].add(ref, cap: cap) }
            for c in r.holderCountries.isEmpty ? ["unknown"] : unique(r.holderCountries) {
                countries[KeyPair(a: c, b: r.category.rawValue), default: EvidenceGroup()].add(ref, cap: cap)
            }
            if let month, let year {
                months[month, default: EvidenceGroup()].add(ref, cap: cap)
                years[year, default: EvidenceGroup()].add(ref, cap: cap)
            }
            for h in holderKeys {
                for t in targetKeys { pairs[KeyPair(a: h, b: t), default: EvidenceGroup()].add(ref, cap: cap) }
            }
            for (id, name) in zip(r.holderIDs, r.holderNames) {
                let key = EvidenceRef.key(rank: rank, seq: n)
                if holderNames[id].map({ key < $0.key }) ?? true { holderNames[id] = (key, name) }
            }
        }
    }

    /// The entity index: flat mentions by id; a mention's evidence record is written only when
    /// it is among the first of one of its entities.
    private mutating func addEntities(_ d: ReportDocument, rank: Int, slot: Int32, spill: Spill) throws {
        var wanted: [Int] = []
        for (n, e) in d.entities.enumerated() {
            for (id, name) in zip(e.entityIDs, e.names) {
                let key = EvidenceRef.key(rank: rank, seq: n)
                if mentionNames[id].map({ key < $0.key }) ?? true { mentionNames[id] = (key, name) }
            }
            guard e.label.isFlat else { continue }
            if e.entityIDs.contains(where: { entities[$0]?.group.wants(EvidenceRef.key(rank: rank, seq: 0), cap: Self.perEntity) ?? true }) {
                wanted.append(n)
            }
        }
        var places: [Int: (offset: Int, length: Int32)] = [:]
        if !wanted.isEmpty {
            var out = SpillEncoder()
            var ends: [Int] = []
            for n in wanted {
                out.string(d.entities[n].text)
                out.string(d.entities[n].sentence)
                ends.append(out.bytes.count)
            }
            let base = try spill.records.append(out.bytes)
            var start = 0
            for (n, end) in zip(wanted, ends) {
                places[n] = (base + start, Int32(end - start))
                start = end
            }
        }
        var seen = Set<String>()
        var seq = 0
        for (n, e) in d.entities.enumerated() where e.label.isFlat {
            for id in e.entityIDs {
                // Each (mention, id) is one entry of the entity's list, as in ReportWriter.
                let key = EvidenceRef.key(rank: rank, seq: seq)
                seq += 1
                var entry = entities[id] ?? EntityEntry()
                if key < entry.firstKey {
                    entry.firstKey = key
                    entry.label = e.label
                }
                if seen.insert(id).inserted { entry.documents += 1 }
                entry.group.count += 1
                if let place = places[n] {
                    entry.group.offer(EvidenceRef(key: key, document: slot, length: place.length, offset: place.offset), cap: Self.perEntity)
                }
                entities[id] = entry
            }
        }
    }

    private func unique(_ values: [String]) -> [String] {
        if values.count < 2 { return values }
        var result: [String] = []
        for v in values where !result.contains(v) { result.append(v) }
        return result
    }
}

extension EvidenceGroup {
    mutating func add(_ ref: EvidenceRef, cap: Int) {
        count += 1
        offer(ref, cap: cap)
    }
}

// MARK: - The second pass

extension Aggregate {
    /// Writes the five report files into the folder, each renamed into place whole.
    func write(to folder: URL, spill: Spill, parallel: Bool) throws {
        let order = documents.indices.sorted { documents[$0].rank < documents[$1].rank }
        // Each part writes its files into the temporary folder and says where they go; they
        // are renamed into place only when every part has succeeded, in this order.
        typealias Written = [(file: SpillFile, target: URL)]
        func page(_ name: String) -> @Sendable () throws -> Written {
            { [self] in
                guard let template = ReportWriter.compiled[name] else {
                    throw WriteError(path: folder.appending(path: name).path, reason: "the report templates did not render")
                }
                let temporary = try SpillFile(spill.directory.appending(path: name))
                do {
                    try template.render(context(order: order, spill: spill)) { try temporary.append($0) }
                } catch is CompiledTemplate.Unsupported {
                    throw WriteError(path: folder.appending(path: name).path, reason: "the report templates did not render")
                }
                return [(temporary, folder.appending(path: name))]
            }
        }
        let tables: @Sendable () throws -> Written = { [self] in
            let files = [(spill.stances, \DocumentEntry.stancesCSV, CSV.stancesHeader), (spill.entities, \.entitiesCSV, CSV.entitiesHeader),
                         (spill.meetings, \.meetingsCSV, CSV.meetingsHeader)]
            return try files.map { file, extent, header in
                (inOrder ? file : try copy(file, extent, header: header, order: order, in: spill), folder.appending(path: file.url.lastPathComponent))
            }
        }
        // The two pages take most of the time: with two threads each gets one.
        let parts = [page("report.html"), page("report.md"), tables]
        var written: Written = []
        if parallel {
            written = try Concurrently.run(parts).flatMap { $0 }
        } else {
            for part in parts { written += try part() }
        }
        for (file, target) in written { try Self.publish(file, as: target) }
    }

    /// Flushes a finished temporary file to disk and renames it into place.
    static func publish(_ file: SpillFile, as target: URL) throws {
        try file.sync()
        file.close()
        guard rename(file.path, target.path) == 0 else {
            throw WriteError(path: target.path, reason: String(cString: strerror(errno)))
        }
    }

    /// A CSV file's lines in report order: its header, then each document's lines.
    func copy(_ file: SpillFile, _ extent: KeyPath<DocumentEntry, Spill.Extent>, header: [String], order: [Int],
              in spill: Spill) throws -> SpillFile {
        let sorted = try SpillFile(spill.directory.appending(path: "sorted-" + file.url.lastPathComponent))
        var pending = CSV.Writer(capacity: 1 << 20 + 1 << 18)
        pending.line(header)
        var buffer: [UInt8] = []
        for slot in order {
            let e = documents[slot][keyPath: extent]
            try file.read(at: e.offset, count: e.length, into: &buffer)
            pending.bytes.append(contentsOf: buffer)
            if pending.bytes.count >= 1 << 20 {
                try sorted.append(pending.bytes)
                pending.bytes.removeAll(keepingCapacity: true)
            }
        }
        try sorted.append(pending.bytes)
        return sorted
    }

    /// Display name of an id.
    func name(_ id: String) -> String { mentionNames[id]?.name ?? holderNames[id]?.name ?? id }

    /// Groups most frequent first, then by key (``Statistics/group(_:_:)``'s order).
    static func sorted<Key>(_ groups: [Key: EvidenceGroup], _ precedes: (Key, Key) -> Bool) -> [(key: Key, group: EvidenceGroup)] {
        groups.map { (key: $0.key, group: $0.value) }.sorted { x, y in
            x.group.count != y.group.count ? x.group.count > y.group.count : precedes(x.key, y.key)
        }
    }

    /// The templates' context, as ``ReportWriter/context()`` makes it, with the meeting cards
    /// and the sentences behind the figures read from the temporary files as the pages are
    /// written.
    func context(order: [Int], spill: Spill) -> [String: Any] {
        let source = EvidenceSource(spill: spill, documents: documents)
        var evidence: [[String: Any]] = []
        func group(_ id: String, _ heading: String, _ g: EvidenceGroup) -> String {
            evidence.append([
                "id": id, "heading": heading, "count": g.count,
                "more": max(0, g.count - Self.perGroup), "hasMore": g.count > Self.perGroup,
                "items": EvidenceItems.stances(source, g.first),
            ])
            return id
        }
        let anchor = ReportWriter.anchor
        let categoryRows: [[String: Any]] = StanceCategory.allCases.compactMap { category in
            let g = categories[category.index]
            guard g.count > 0 else { return nil }
            return ["category": category.rawValue, "polarity": category.polarity.rawValue, "cameo": category.cameo,
                    "count": g.count, "href": group(anchor(["category", category.rawValue]), "Category \(category.rawValue)", g),
                    "color": category.color]
        }
        let polarityRows: [[String: Any]] = Self.sorted(polarities, <).map { key, g in
            ["polarity": key, "count": g.count, "href": group(anchor(["polarity", key]), "Polarity \(key)", g)]
        }
        let holderGroups = Self.sorted(holders, <)
        let holderRows: [[String: Any]] = holderGroups.map { key, g in
            ["name": name(key), "id": key, "count": g.count, "href": group(anchor(["holder", key]), "Held by \(name(key))", g)]
        }
        let targetGroups = Self.sorted(targets, <)
        let targetRows: [[String: Any]] = targetGroups.map { key, g in
            ["name": name(key), "id": key, "count": g.count, "href": group(anchor(["target", key]), "About \(name(key))", g)]
        }
        let countryRows: [[String: Any]] = Self.sorted(countries, KeyPair.precedes).map { key, g in
            ["country": name(key.a), "id": key.a, "category": key.b, "count": g.count,
             "href": group(anchor(["country", key.a, key.b]), "\(name(key.a)): \(key.b)", g)]
        }
        let categoryChart = ReportWriter.barChart(categoryRows.map { ($0["category"] as! String, $0["count"] as! Int, $0["href"] as! String, $0["color"] as! String) })
        // The time axis, as ReportWriter draws it.
        let monthKeys = months.keys.sorted()
        var timeBars: [(String, Int, String)] = []
        if let first = monthKeys.first, let last = monthKeys.last {
            let (y0, m0) = (Int(first.prefix(4))!, Int(first.suffix(2))!)
            let (y1, m1) = (Int(last.prefix(4))!, Int(last.suffix(2))!)
            let (byYear, keys) = ReportWriter.timeline(from: first, to: last)
            let groups = byYear ? years : months
            timeBars = keys.map { key in
                guard let g = groups[key] else { return (key, 0, "") }
                return (key, g.count, group(anchor(["time", key]), "Meetings in \(key)", g))
            }
        }
        let timeline = ReportWriter.timeline(timeBars)
        let topHolders = Array(holderGroups.prefix(8).map(\.key))
        let topTargets = Array(targetGroups.prefix(8).map(\.key))
        var cells: [String: (Int, String)] = [:]
        for (p, g) in Self.sorted(pairs, KeyPair.precedes) where topHolders.contains(p.a) && topTargets.contains(p.b) {
            cells[p.a + "\u{0}" + p.b] = (g.count, group(anchor(["pair", p.a, p.b]), "\(name(p.a)) about \(name(p.b))", g))
        }
        let matrix = ReportWriter.matrix(rows: topHolders.map { ($0, name($0)) }, columns: topTargets.map { ($0, name($0)) }, cells: cells)
        // The entity index.
        let entityList = entities.sorted { a, b in
            a.value.group.count != b.value.group.count ? a.value.group.count > b.value.group.count : a.key < b.key
        }
        var entityGroups: [[String: Any]] = []
        let entityRows: [[String: Any]] = entityList.map { id, entry in
            let g = entry.group
            let href = anchor(["entity", id])
            entityGroups.append(["id": href, "heading": name(id), "count": g.count,
                                 "more": max(0, g.count - Self.perEntity), "hasMore": g.count > Self.perEntity,
                                 "items": EvidenceItems.mentions(source, g.first)])
            return ["id": id, "name": name(id), "label": entry.label.rawValue, "mentions": g.count,
                    "documents": entry.documents, "href": href]
        }
        return [
            "title": "Readout report",
            "documentCount": documents.count, "stanceCount": stanceCount, "mentionCount": mentionCount,
            "dateFrom": firstDate ?? "", "dateTo": lastDate ?? "", "hasDates": firstDate != nil,
            "categories": categoryRows, "polarities": polarityRows, "holders": holderRows, "targets": targetRows,
            "countries": countryRows,
            "categoryChart": categoryChart, "timeline": timeline, "matrix": matrix, "hasMatrix": !cells.isEmpty,
            "hasTimeline": !timeBars.isEmpty,
            "meetings": MeetingCards(source: source, order: order),
            "entities": entityRows,
            "evidence": Evidence(groups: evidence, documents: DocumentEvidence(source: source, order: order)),
            "entityEvidence": entityGroups,
        ]
    }
}

// MARK: - Lists read from disk as the pages are written

/// Reads the records behind the lazy lists (one reader per list walk).
struct EvidenceSource {
    let spill: Spill
    let documents: [DocumentEntry]

    func stanceItem(_ d: DocumentEntry, _ decoder: inout SpillDecoder) throws -> [String: Any] {
        let index = try decoder.int()
        guard index < StanceCategory.allCases.count else { throw decoder.corrupt() }
        let holder = try decoder.string(), cue = try decoder.string(), sentence = try decoder.string(), target = try decoder.string()
        return ["document": d.path, "date": d.date ?? "undated", "category": StanceCategory.allCases[index].rawValue,
                "holder": holder, "cue": cue, "sentence": sentence, "target": target]
    }
}

/// The records listed behind a figure (stances) or an entity of the index (mentions), read
/// back from the spill file in order.
struct EvidenceItems: TemplateList {
    let source: EvidenceSource
    let refs: [EvidenceRef]
    /// Decodes one record of a document into what the template shows.
    let item: (EvidenceSource, DocumentEntry, inout SpillDecoder) throws -> Any

    var isEmpty: Bool { refs.isEmpty }

    func forEach(_ body: (Any) throws -> Void) throws {
        var reader = SpillReader(source.spill.records)
        let path = source.spill.records.path
        // The records lie anywhere in the file (one per document, say). They are read in
        // runs: a record and those after it in the list that follow it within one window,
        // read together; not a whole window per record. refs[..<planned] are in runs.
        var planned = 0, runEnd = 0
        for (k, ref) in refs.enumerated() {
            if k >= planned {
                runEnd = ref.offset + Int(ref.length)
                planned = k + 1
                while planned < refs.count, refs[planned].offset >= ref.offset,
                      refs[planned].offset + Int(refs[planned].length) - ref.offset <= SpillReader.windowSize {
                    runEnd = max(runEnd, refs[planned].offset + Int(refs[planned].length))
                    planned += 1
                }
            }
            var decoder = SpillDecoder(try reader.bytes(at: ref.offset, count: Int(ref.length), readAhead: runEnd), path: path)
            try body(try item(source, source.documents[Int(ref.document)], &decoder))
        }
    }

    static func stances(_ source: EvidenceSource, _ refs: [EvidenceRef]) -> EvidenceItems {
        EvidenceItems(source: source, refs: refs) { source, document, decoder in try source.stanceItem(document, &decoder) }
    }

    static func mentions(_ source: EvidenceSource, _ refs: [EvidenceRef]) -> EvidenceItems {
        EvidenceItems(source: source, refs: refs) { _, document, decoder in
            let text = try decoder.string(), sentence = try decoder.string()
            return ["document": document.path, "text": text, "sentence": sentence] as [String: Any]
        }
    }
}

/// A card per meeting, in report order.
struct MeetingCards: TemplateList {
    let source: EvidenceSource
    let order: [Int]

    var isEmpty: Bool { order.isEmpty }

    func forEach(_ body: (Any) throws -> Void) throws {
        var reader = SpillReader(source.spill.records)
        let path = source.spill.records.path
        for (k, slot) in order.enumerated() {
            let d = source.documents[slot]
            var r = SpillDecoder(try reader.bytes(at: d.card.offset, count: d.card.length), path: path)
            let title = try r.optional(), date = try r.optional(), dateSource = try r.string(), kind = try r.string()
            let place = try r.optional(), startTime = try r.optional(), duration = try r.optionalInt()
            var participants: [[String: Any]] = []
            for _ in 0..<(try r.int()) {
                let name = try r.string(), title = try r.optional(), country = try r.optional()
                participants.append(["name": name, "title": title ?? "", "country": country ?? ""])
            }
            var stances: [[String: Any]] = []
            for _ in 0..<(try r.int()) {
                let index = try r.int(), count = try r.int()
                guard index < StanceCategory.allCases.count else { throw r.corrupt() }
                let category = StanceCategory.allCases[index]
                stances.append(["category": category.rawValue, "count": count, "color": category.color])
            }
            try body([
                "document": d.path, "title": title ?? d.path, "date": date ?? "undated", "dateSource": dateSource,
                "kind": kind, "place": place ?? "", "startTime": startTime ?? "",
                "duration": duration.map { "\($0) min" } ?? "",
                "participants": participants, "stances": stances,
                "stanceCount": d.stanceCount, "mentionCount": d.entityCount,
                "href": ReportWriter.anchor(["doc", String(k + 1)]),
            ] as [String: Any])
        }
    }
}

/// The evidence groups of the figures, then one per document (its stances), in report order.
struct Evidence: TemplateList {
    let groups: [[String: Any]]
    let documents: DocumentEvidence

    var isEmpty: Bool { groups.isEmpty && documents.isEmpty }

    func forEach(_ body: (Any) throws -> Void) throws {
        for g in groups { try body(g) }
        try documents.forEach(body)
    }
}

/// Each document's own evidence group: its first stances.
struct DocumentEvidence: TemplateList {
    let source: EvidenceSource
    let order: [Int]

    var isEmpty: Bool { order.isEmpty }

    func forEach(_ body: (Any) throws -> Void) throws {
        for (k, slot) in order.enumerated() {
            let d = source.documents[slot]
            try body([
                "id": ReportWriter.anchor(["doc", String(k + 1)]), "heading": "Stances in \(d.path)", "count": d.stanceCount,
                "more": max(0, d.stanceCount - ReportWriter.sentencesPerGroup), "hasMore": d.stanceCount > ReportWriter.sentencesPerGroup,
                "items": DocumentStances(source: source, document: d),
            ] as [String: Any])
        }
    }
}

/// A document's first stances, read in one piece.
struct DocumentStances: TemplateList {
    let source: EvidenceSource
    let document: DocumentEntry

    var isEmpty: Bool { document.stances.length == 0 }

    func forEach(_ body: (Any) throws -> Void) throws {
        guard document.stances.length > 0 else { return }
        var bytes: [UInt8] = []
        try source.spill.records.read(at: document.stances.offset, count: document.stances.length, into: &bytes)
        var decoder = SpillDecoder(bytes[...], path: source.spill.records.path)
        while !decoder.atEnd { try body(try source.stanceItem(document, &decoder)) }
    }
}
