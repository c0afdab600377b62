import Foundation
import Mustache

/// Writes a collection's summary report: `report.html` (self-contained, inline SVG charts,
/// every figure linked to the sentences behind it), `report.md`, and the tidy CSV files
/// `stances.csv`, `entities.csv`, `meetings.csv`. The HTML and Markdown come from the
/// Mustache templates in `Templates/`. The same documents always give the same bytes.
public struct ReportWriter: Sendable {
    public static let files = ["report.html", "report.md", "stances.csv", "entities.csv", "meetings.csv"]
    /// How many sentences the HTML lists behind one figure, and behind one entity; the CSV
    /// files hold them all (a large collection would otherwise make a page of hundreds of MB).
    static let sentencesPerGroup = 200
    static let sentencesPerEntity = 50

    let documents: [ReportDocument]
    let stances: [StanceRow]
    let entities: [EntityRow]
    /// Display names of entity ids.
    let names: [String: String]

    public init(documents: [ReportDocument]) {
        self.documents = documents.sorted { $0.path < $1.path }
        stances = self.documents.flatMap(\.stances)
        entities = self.documents.flatMap(\.entities)
        var names: [String: String] = [:]
        for e in entities { for (id, name) in zip(e.entityIDs, e.names) where names[id] == nil { names[id] = name } }
        for s in stances { for (id, name) in zip(s.holderIDs, s.holderNames) where names[id] == nil { names[id] = name } }
        self.names = names
    }

    /// Writes every report file into the folder (atomically, each). With `parallel`, the
    /// HTML and Markdown pages and the CSV files are made on two threads (same bytes).
    public func write(to folder: URL, parallel: Bool = false) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pages: @Sendable () throws -> Void = { [self] in
            let context = context()
            guard let html = try Self.render("report.html", context),
                  let markdown = try Self.render("report.md", context) else {
                throw WriteError(path: folder.path, reason: "the report templates did not render")
            }
            try AtomicFile.write(html, to: folder.appending(path: "report.html"))
            try AtomicFile.write(markdown, to: folder.appending(path: "report.md"))
        }
        let tables: @Sendable () throws -> Void = { [self] in
            try AtomicFile.write(CSV.stancesBytes(stances), to: folder.appending(path: "stances.csv"))
            try AtomicFile.write(CSV.entitiesBytes(entities), to: folder.appending(path: "entities.csv"))
            try AtomicFile.write(CSV.meetingsBytes(documents), to: folder.appending(path: "meetings.csv"))
        }
        guard parallel else {
            try pages()
            try tables()
            return
        }
        _ = try Concurrently.run([pages, tables])
    }

    /// The report templates, parsed once for the fast renderer (see ``CompiledTemplate``).
    static let compiled: [String: CompiledTemplate] = {
        var templates: [String: CompiledTemplate] = [:]
        for (name, text) in EmbeddedTemplates.files {
            templates[String(name.dropLast(".mustache".count))] = CompiledTemplate(text)
        }
        return templates
    }()

    /// Renders a template with the fast renderer, or with swift-mustache when the template or
    /// the context uses something the fast renderer does not handle.
    static func render(_ name: String, _ context: [String: Any]) throws -> String? {
        if let template = compiled[name], let text = template.render(context) { return text }
        return try library().render(context, withTemplate: name)
    }

    static func library() throws -> MustacheLibrary {
        _ = registerHTMLEscaper
        var library = MustacheLibrary()
        for (name, text) in EmbeddedTemplates.files {
            let name = String(name.dropLast(".mustache".count))
            // HTML templates escape with the byte-level escaper (same output as Mustache's own).
            let source = name.hasSuffix(".html") ? "{{% CONTENT_TYPE: \(HTMLEscaper.name)}}" + text : text
            try library.register(source, named: name)
        }
        return library
    }

    /// swift-mustache's HTML content type, with its Character-by-Character escaping done on bytes.
    struct HTMLEscaper: MustacheContentType {
        static let name = "READOUT_HTML"
        func escapeText(_ text: String) -> String { ByteText.mustacheHTMLEscape(text) }
    }

    private static let registerHTMLEscaper: Void = MustacheContentTypes.register(HTMLEscaper(), named: HTMLEscaper.name)

    // MARK: Context

    func name(_ id: String) -> String { names[id] ?? id }

    /// An HTML id for a group of evidence.
    /// The bars of the timeline between two months ("2023-04"): every month, or every year
    /// when they are more than three years apart.
    static func timeline(from first: String, to last: String) -> (byYear: Bool, keys: [String]) {
        let (y0, m0) = (Int(first.prefix(4))!, Int(first.suffix(2))!)
        let (y1, m1) = (Int(last.prefix(4))!, Int(last.suffix(2))!)
        if (y1 * 12 + m1) - (y0 * 12 + m0) > 36 { return (true, (y0...y1).map(String.init)) }
        var keys: [String] = []
        var (y, m) = (y0, m0)
        while y * 12 + m <= y1 * 12 + m1 {
            keys.append("\(y)-" + (m < 10 ? "0\(m)" : "\(m)"))
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return (false, keys)
    }

    static func anchor(_ parts: String...) -> String { anchor(parts) }

    static func anchor(_ parts: [String]) -> String {
        parts.joined(separator: "-").map { $0.isLetter || $0.isNumber || $0 == "-" ? String($0) : "_" }.joined()
    }

    func context() -> [String: Any] {
        let dated = documents.compactMap(\.meeting.date).sorted()
        var evidence: [[String: Any]] = []
        func group(_ id: String, _ heading: String, _ rows: [Int]) -> String {
            evidence.append([
                "id": id, "heading": heading, "count": rows.count,
                "more": max(0, rows.count - Self.sentencesPerGroup), "hasMore": rows.count > Self.sentencesPerGroup,
                "items": rows.prefix(Self.sentencesPerGroup).map { n -> [String: Any] in
                    let r = stances[n]
                    return ["document": r.document, "date": r.meetingDate ?? "undated", "category": r.category.rawValue,
                            "holder": r.holderNames.joined(separator: ", "), "cue": r.cue, "sentence": r.sentence,
                            "target": r.targetText]
                },
            ])
            return id
        }
        // By category, polarity, holder, target, month.
        let byCategory = Statistics.group(stances, StanceQuery(by: [.category]))
        let categoryRows: [[String: Any]] = StanceCategory.allCases.compactMap { category in
            guard let g = byCategory.first(where: { $0.keys == [category.rawValue] }) else { return nil }
            return ["category": category.rawValue, "polarity": category.polarity.rawValue, "cameo": category.cameo,
                    "count": g.count, "href": group(Self.anchor("category", category.rawValue), "Category \(category.rawValue)", g.rows),
                    "color": category.color]
        }
        let polarityRows: [[String: Any]] = Statistics.group(stances, StanceQuery(by: [.polarity])).map { g in
            ["polarity": g.keys[0], "count": g.count, "href": group(Self.anchor("polarity", g.keys[0]), "Polarity \(g.keys[0])", g.rows)]
        }
        let holderGroups = Statistics.group(stances, StanceQuery(by: [.holder]))
        let holderRows: [[String: Any]] = holderGroups.map { g in
            ["name": name(g.keys[0]), "id": g.keys[0], "count": g.count,
             "href": group(Self.anchor("holder", g.keys[0]), "Held by \(name(g.keys[0]))", g.rows)]
        }
        let targetGroups = Statistics.group(stances, StanceQuery(by: [.target])).filter { $0.keys[0] != "none" }
        let targetRows: [[String: Any]] = targetGroups.map { g in
            ["name": name(g.keys[0]), "id": g.keys[0], "count": g.count,
             "href": group(Self.anchor("target", g.keys[0]), "About \(name(g.keys[0]))", g.rows)]
        }
        let countryGroups = Statistics.group(stances, StanceQuery(by: [.holderCountry, .category]))
        let countryRows: [[String: Any]] = countryGroups.map { g in
            ["country": name(g.keys[0]), "id": g.keys[0], "category": g.keys[1], "count": g.count,
             "href": group(Self.anchor("country", g.keys[0], g.keys[1]), "\(name(g.keys[0])): \(g.keys[1])", g.rows)]
        }
        // Charts.
        let categoryChart = Self.barChart(categoryRows.map { ($0["category"] as! String, $0["count"] as! Int, $0["href"] as! String, $0["color"] as! String) })
        // A continuous time axis: months, or years when the meetings span more than three years.
        let monthGroups = Statistics.group(stances, StanceQuery(by: [.month])).filter { $0.keys[0] != "unknown" }
        let monthKeys = monthGroups.map { $0.keys[0] }.sorted()
        var months: [(String, Int, String)] = []
        if let first = monthKeys.first, let last = monthKeys.last {
            let (byYear, keys) = Self.timeline(from: first, to: last)
            let dimension: StanceDimension = byYear ? .year : .month
            let groups = Dictionary(uniqueKeysWithValues: Statistics.group(stances, StanceQuery(by: [dimension])).map { ($0.keys[0], $0) })
            months = keys.map { key in
                guard let g = groups[key] else { return (key, 0, "") }
                return (key, g.count, group(Self.anchor("time", key), "Meetings in \(key)", g.rows))
            }
        }
        let timeline = Self.timeline(months)
        let pairs = Statistics.group(stances, StanceQuery(by: [.holder, .target])).filter { $0.keys[1] != "none" }
        let topHolders = Array(holderGroups.prefix(8).map { $0.keys[0] })
        let topTargets = Array(targetGroups.prefix(8).map { $0.keys[0] })
        var cells: [String: (Int, String)] = [:]
        for p in pairs where topHolders.contains(p.keys[0]) && topTargets.contains(p.keys[1]) {
            cells[p.keys[0] + "\u{0}" + p.keys[1]] = (p.count, group(Self.anchor("pair", p.keys[0], p.keys[1]), "\(name(p.keys[0])) about \(name(p.keys[1]))", p.rows))
        }
        let matrix = Self.matrix(rows: topHolders.map { ($0, name($0)) }, columns: topTargets.map { ($0, name($0)) }, cells: cells)
        // Meetings.
        var docIndex = 0
        var rowsByDocument: [String: [Int]] = [:]
        for (n, r) in stances.enumerated() { rowsByDocument[r.document, default: []].append(n) }
        let cards: [[String: Any]] = documents.map { d in
            docIndex += 1
            let m = d.meeting
            let counts = Dictionary(grouping: d.stances, by: \.category).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
            let rows = rowsByDocument[d.path] ?? []
            return [
                "document": d.path, "title": m.title ?? d.path, "date": m.date ?? "undated", "dateSource": m.dateSource.rawValue,
                "kind": m.kind, "place": m.place?.name ?? "", "startTime": m.startTime ?? "",
                "duration": m.durationMinutes.map { "\($0) min" } ?? "",
                "participants": m.participants.map { p in
                    ["name": p.name, "title": p.title ?? "", "country": p.country ?? ""] as [String: Any]
                },
                "stances": counts.map { ["category": $0.0.rawValue, "count": $0.1, "color": $0.0.color] as [String: Any] },
                "stanceCount": d.stances.count, "mentionCount": d.entities.count,
                "href": group(Self.anchor("doc", String(docIndex)), "Stances in \(d.path)", rows),
            ]
        }
        // Entity index, with the sentences of each entity's mentions.
        var mentionsByEntity: [String: [EntityRow]] = [:]
        for e in entities where e.label.isFlat { for id in e.entityIDs { mentionsByEntity[id, default: []].append(e) } }
        var entityGroups: [[String: Any]] = []
        let entityRows: [[String: Any]] = mentionsByEntity.sorted { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : a.key < b.key
        }.map { id, rows in
            let anchor = Self.anchor("entity", id)
            entityGroups.append(["id": anchor, "heading": name(id), "count": rows.count,
                                 "more": max(0, rows.count - Self.sentencesPerEntity), "hasMore": rows.count > Self.sentencesPerEntity,
                                 "items": rows.prefix(Self.sentencesPerEntity).map { ["document": $0.document, "text": $0.text, "sentence": $0.sentence] as [String: Any] }])
            return ["id": id, "name": name(id), "label": rows[0].label.rawValue, "mentions": rows.count,
                    "documents": Set(rows.map(\.document)).count, "href": anchor]
        }
        return [
            "title": "Readout report",
            "documentCount": documents.count, "stanceCount": stances.count, "mentionCount": entities.count,
            "dateFrom": dated.first ?? "", "dateTo": dated.last ?? "", "hasDates": !dated.isEmpty,
            "categories": categoryRows, "polarities": polarityRows, "holders": holderRows, "targets": targetRows,
            "countries": countryRows,
            "categoryChart": categoryChart, "timeline": timeline, "matrix": matrix, "hasMatrix": !cells.isEmpty,
            "hasTimeline": !months.isEmpty,
            "meetings": cards, "entities": entityRows, "evidence": evidence, "entityEvidence": entityGroups,
        ]
    }

    // MARK: Charts (geometry for the SVG in the template)

    static func barChart(_ bars: [(String, Int, String, String)]) -> [String: Any] {
        let label = 110, width = 360, row = 26
        let maximum = max(1, bars.map(\.1).max() ?? 1)
        return [
            "width": label + width + 60, "height": max(row, bars.count * row + 10),
            "bars": bars.enumerated().map { k, bar in
                let w = max(2, bar.1 * width / maximum)
                return ["label": bar.0, "count": bar.1, "href": bar.2, "color": bar.3, "x": label, "y": 5 + k * row,
                        "width": w, "height": row - 8, "textY": 5 + k * row + row / 2 + 1, "countX": label + w + 6] as [String: Any]
            },
        ]
    }

    static func timeline(_ months: [(String, Int, String)]) -> [String: Any] {
        let bar = 26, height = 160, top = 20, bottom = 40
        let maximum = max(1, months.map(\.1).max() ?? 1)
        let step = max(1, months.count / 12)
        return [
            "width": max(320, 80 + months.count * bar), "height": top + height + bottom, "baseline": top + height,
            "axisEnd": 40 + months.count * bar,
            "bars": months.enumerated().map { k, m in
                let h = m.1 == 0 ? 0 : max(2, m.1 * height / maximum)
                return ["label": m.0, "count": m.1, "hasCount": m.1 > 0, "href": m.2, "x": 40 + k * bar + 3, "y": top + height - h, "width": bar - 6,
                        "height": h, "labelX": 40 + k * bar + bar / 2, "labelY": top + height + 14, "countY": top + height - h - 4,
                        "showLabel": k % step == 0] as [String: Any]
            },
        ]
    }

    static func matrix(rows: [(String, String)], columns: [(String, String)], cells: [String: (Int, String)]) -> [String: Any] {
        let cell = 46, left = 170, top = 150
        let maximum = max(1, cells.values.map(\.0).max() ?? 1)
        return [
            "width": left + columns.count * cell + 120, "height": top + rows.count * cell + 10,
            "columns": columns.enumerated().map { k, c in
                ["name": c.1.count > 24 ? String(c.1.prefix(23)) + "…" : c.1, "x": left + k * cell + cell / 2, "y": top - 8] as [String: Any]
            },
            "rows": rows.enumerated().map { r, row in
                [
                    "name": row.1, "y": top + r * cell + cell / 2 + 4,
                    "cells": columns.enumerated().map { k, c -> [String: Any] in
                        let value = cells[row.0 + "\u{0}" + c.0]
                        let opacity = value.map { 0.15 + 0.85 * Double($0.0) / Double(maximum) } ?? 0
                        return ["x": left + k * cell + 1, "y": top + r * cell + 1, "size": cell - 2, "count": value?.0 ?? 0,
                                "hasCount": value != nil, "href": value?.1 ?? "", "opacity": String(format: "%.2f", opacity),
                                "textX": left + k * cell + cell / 2, "textY": top + r * cell + cell / 2 + 4]
                    },
                ] as [String: Any]
            },
        ]
    }
}

/// Runs tasks side by side (at most one thread per core) and gives their values in task
/// order, or throws the error of the lowest task that failed (what the serial path throws);
/// every task has finished by then.
enum Concurrently {
    static func run<Value: Sendable>(_ tasks: [@Sendable () throws -> Value]) throws -> [Value] {
        let slots = Slots<Value>(count: tasks.count)
        DispatchQueue.concurrentPerform(iterations: tasks.count) { k in slots.set(k, Result { try tasks[k]() }) }
        return try slots.results.map { try $0!.get() }
    }

    private final class Slots<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Result<Value, Error>?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ k: Int, _ result: Result<Value, Error>) { lock.lock(); values[k] = result; lock.unlock() }

        var results: [Result<Value, Error>?] { lock.lock(); defer { lock.unlock() }; return values }
    }
}
