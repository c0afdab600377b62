/// One stance as a row of the report and of `stances.csv`.
public struct StanceRow: Sendable, Hashable {
    public var document: String
    public var meetingDate: String?
    public var id: String
    public var category: StanceCategory
    public var cue: String
    public var holderIDs: [String]
    public var holderNames: [String]
    /// Countries of the holders: a country holder itself, a person's country.
    public var holderCountries: [String]
    public var targetText: String
    public var targetEntityIDs: [String]
    public var targetEntityNames: [String]
    public var sentence: String
    public var intense: Bool
    public var negated: Bool
    public var repeated: Bool
}

/// One mention as a row of `entities.csv`.
public struct EntityRow: Sendable, Hashable {
    public var document: String
    public var id: String
    public var label: EntityLabel
    public var text: String
    public var entityIDs: [String]
    public var names: [String]
    /// Code point offsets.
    public var start: Int
    public var end: Int
    public var sentence: String
}

/// What the report knows of one document.
public struct ReportDocument: Sendable {
    /// Sentences longer than this (in bytes) are shown as a window around the annotation.
    static let maximumContext = 600

    /// Path inside the collection without extension ("2024/x").
    public var path: String
    public var meeting: Meeting
    public var stances: [StanceRow]
    public var entities: [EntityRow]

    /// Summarizes an annotated document (`json`: its JSON form, when the caller has it already).
    public init(path: String, annotated: AnnotatedDocument, json: DocumentJSON? = nil) {
        self.path = path
        meeting = annotated.meeting
        let json = json ?? DocumentJSON(annotated)
        let document = annotated.document
        let sentenceSpans = annotated.segmentation.sentences
        // The sentence around a span (bytes), cut to a window for very long sentences.
        // Short sentences do not depend on the span: each is built once.
        var whole: [Int: String] = [:]
        func sentence(_ n: Int?, around span: Span) -> String {
            guard let n else { return "" }
            var s = sentenceSpans[n]
            if s.length <= Self.maximumContext {
                if let known = whole[n] { return known }
                let text = ByteText.flattenLineBreaks(document.bytes[s.start..<s.end])
                whole[n] = text
                return text
            }
            var prefix = "", suffix = ""
            if s.length > Self.maximumContext {
                var a = max(s.start, span.start - Self.maximumContext / 2), b = min(s.end, span.end + Self.maximumContext / 2)
                while !document.isScalarBoundary(a) { a -= 1 }
                while !document.isScalarBoundary(b) { b += 1 }
                if a > s.start { prefix = "… " }
                if b < s.end { suffix = " …" }
                s = Span(a, b)
            }
            return prefix + ByteText.flattenLineBreaks(document.bytes[s.start..<s.end]) + suffix
        }
        var countryOf: [String: String] = [:]
        for p in annotated.meeting.participants { if let c = p.country { countryOf[p.id] = c } }
        entities = zip(json.entities, annotated.mentions).map { e, mention in
            EntityRow(document: path, id: e.id, label: EntityLabel(rawValue: e.label) ?? .actor, text: e.text,
                      entityIDs: e.references.map(\.id), names: e.references.map(\.name), start: e.start, end: e.end,
                      sentence: sentence(e.sentence, around: mention.span))
        }
        var nameOf: [String: String] = [:]
        for e in json.entities { for r in e.references { nameOf[r.id] = nameOf[r.id] ?? r.name } }
        stances = zip(json.stances, annotated.stances).map { s, stance in
            let ids = s.holders.flatMap { $0.references.map(\.id) }
            let countries = ids.compactMap { id -> String? in
                if id.count == 3, id == id.uppercased() { return id }
                return countryOf[id]
            }
            var uniqueCountries: [String] = []
            for c in countries where !uniqueCountries.contains(c) { uniqueCountries.append(c) }
            let targetIDs = s.target?.entities ?? []
            return StanceRow(
                document: path, meetingDate: annotated.meeting.date, id: s.id,
                category: StanceCategory(rawValue: s.category)!, cue: s.cue.text, holderIDs: ids,
                holderNames: s.holders.flatMap { $0.references.map(\.name) }, holderCountries: uniqueCountries,
                targetText: s.target?.text ?? "", targetEntityIDs: targetIDs,
                targetEntityNames: targetIDs.map { nameOf[$0] ?? $0 }, sentence: sentence(s.sentence, around: stance.cue),
                intense: s.attributes.intensity != nil, negated: s.attributes.negated, repeated: s.attributes.repeated)
        }
    }
}
