import Foundation

/// The full annotation of one document as JSON (`NAME.json`). Every offset is in Unicode
/// code points, `start` inclusive and `end` exclusive, like the `.ann` file.
public struct DocumentJSON: Codable, Sendable, Equatable {
    /// The version of this format.
    public var format: String = "readout-document/1"
    /// The source file's name (without folders), or `-` for standard input.
    public var source: String
    /// SHA-256 of the text's UTF-8 bytes, lowercase hex.
    public var sha256: String
    /// Length of the text in code points.
    public var length: Int
    /// Length of the text in UTF-8 bytes.
    public var utf8Length: Int
    public var sentences: [SentenceJSON]
    public var entities: [EntityJSON]
    public var stances: [StanceJSON]
    /// The meeting: title, date (and where it came from), kind, place, participants ...
    public var meeting: Meeting

    public struct SentenceJSON: Codable, Sendable, Equatable {
        public var start: Int
        public var end: Int
    }

    public struct EntityJSON: Codable, Sendable, Equatable {
        /// The `T` id of the same mention in the `.ann` file.
        public var id: String
        public var label: String
        public var start: Int
        public var end: Int
        public var text: String
        /// Canonical entities the mention refers to (Person, Place, Organization, Actor).
        public var references: [Reference]
        /// The rule that found it (`lexicon`, `title-person`, `org-head`, ...).
        public var rule: String
        /// The lexicon file and line the mention or its id came from, if any.
        public var lexicon: String?
        public var line: Int?
        /// Index into `sentences` of the sentence that contains the mention, if any.
        public var sentence: Int?
    }

    public struct SpanJSON: Codable, Sendable, Equatable {
        /// The `T` id of the span in the `.ann` file.
        public var id: String
        public var start: Int
        public var end: Int
        public var text: String
    }

    public struct HolderJSON: Codable, Sendable, Equatable {
        /// The `T` id of the holder mention (Person, Place, Organization or Actor).
        public var id: String
        public var label: String
        public var text: String
        /// The entities the holder stands for (an Actor's referents).
        public var references: [Reference]
    }

    public struct TargetJSON: Codable, Sendable, Equatable {
        public var id: String
        public var start: Int
        public var end: Int
        public var text: String
        /// Ids of the Person, Place and Organization mentions inside the target.
        public var entities: [String]
    }

    public struct AttributesJSON: Codable, Sendable, Equatable {
        /// `High` when an intensifier modifies the cue.
        public var intensity: String?
        public var negated: Bool
        public var repeated: Bool
    }

    public struct StanceJSON: Codable, Sendable, Equatable {
        /// The `E` id in the `.ann` file.
        public var id: String
        public var category: String
        /// negative, directive or positive.
        public var polarity: String
        /// CAMEO 1.1b3 event code, with its leading zero.
        public var cameo: String
        public var cue: SpanJSON
        public var holders: [HolderJSON]
        public var target: TargetJSON?
        public var sentence: Int?
        public var attributes: AttributesJSON
        /// How the holder was found: subject, copula, possessor, light-verb, pronoun, group ...
        public var rule: String
    }

    public init(_ annotated: AnnotatedDocument) {
        self.init(annotated, index: CodePointIndex(annotated.document), ids: Numbering(annotated))
    }

    /// With the offset index and brat ids the caller already has (the `.ann` writer shares them).
    init(_ annotated: AnnotatedDocument, index: CodePointIndex, ids: Numbering) {
        source = annotated.document.name
        sha256 = SHA256.hex(annotated.document.bytes)
        length = index.scalarCount
        utf8Length = annotated.document.bytes.count
        let sentenceSpans = annotated.segmentation.sentences
        sentences = sentenceSpans.map {
            SentenceJSON(start: index.codePoint(atByte: $0.start), end: index.codePoint(atByte: $0.end))
        }
        func sentence(of span: Span) -> Int? {
            Segmentation.sentence(containing: span, in: sentenceSpans)
        }
        let document = annotated.document
        meeting = annotated.meeting
        entities = annotated.mentions.enumerated().map { k, m in
            EntityJSON(
                id: ids.mentionIDs[k], label: m.label.rawValue,
                start: index.codePoint(atByte: m.span.start), end: index.codePoint(atByte: m.span.end),
                text: annotated.document.text(of: m.span), references: m.references,
                rule: m.provenance.rule, lexicon: m.provenance.lexicon, line: m.provenance.line,
                sentence: sentence(of: m.span))
        }
        var mentionBySpan: [Span: Mention] = [:]
        for m in annotated.mentions where m.label.isFlat || m.label == .actor {
            if mentionBySpan[m.span] == nil || m.label == .actor { mentionBySpan[m.span] = m }
        }
        let flat = annotated.mentions.filter(\.label.isFlat).sorted { $0.span.start < $1.span.start }
        func json(_ id: String, _ span: Span) -> SpanJSON {
            SpanJSON(id: id, start: index.codePoint(atByte: span.start), end: index.codePoint(atByte: span.end), text: document.text(of: span))
        }
        stances = annotated.stances.enumerated().map { k, s in
            let holders = s.holders.compactMap { span -> HolderJSON? in
                guard let m = mentionBySpan[span], let id = ids.holderIDs[span] else { return nil }
                return HolderJSON(id: id, label: m.label.rawValue, text: document.text(of: span), references: m.references)
            }
            let target = s.target.flatMap { span -> TargetJSON? in
                guard let id = ids.targetIDs[k] else { return nil }
                var entityIDs: [String] = []
                var lo = flat.partitionIndex { $0.span.start >= span.start }
                while lo < flat.count, flat[lo].span.start < span.end {
                    if span.contains(flat[lo].span) {
                        for r in flat[lo].references where !entityIDs.contains(r.id) { entityIDs.append(r.id) }
                    }
                    lo += 1
                }
                let base = json(id, span)
                return TargetJSON(id: id, start: base.start, end: base.end, text: base.text, entities: entityIDs)
            }
            return StanceJSON(
                id: ids.eventIDs[k], category: s.category.rawValue, polarity: s.category.polarity.rawValue,
                cameo: s.category.cameo, cue: json(ids.cueIDs[k], s.cue), holders: holders, target: target,
                sentence: sentence(of: s.cue),
                attributes: AttributesJSON(intensity: s.intense ? "High" : nil, negated: s.negated, repeated: s.repeated),
                rule: s.rule)
        }
    }

    /// Deterministic, human-readable encoding: keys sorted, two-space indentation, absent
    /// optional fields left out. Written by hand: Foundation's encoder was a fifth of the
    /// annotation time.
    public func encoded() throws -> Data { Data(encodedBytes()) }

    /// The encoding's UTF-8 bytes (see ``encoded()``).
    public func encodedBytes() -> [UInt8] {
        var out = JSONOutput(capacity: 256 + entities.count * 220 + stances.count * 600)
        out.beginObject()
        out.key("entities")
        out.beginArray()
        for e in entities {
            out.element()
            out.beginObject()
            out.member("end", e.end)
            out.member("id", e.id)
            out.member("label", e.label)
            if let lexicon = e.lexicon { out.member("lexicon", lexicon) }
            if let line = e.line { out.member("line", line) }
            out.key("references")
            Self.write(e.references, to: &out)
            out.member("rule", e.rule)
            if let sentence = e.sentence { out.member("sentence", sentence) }
            out.member("start", e.start)
            out.member("text", e.text)
            out.endObject()
        }
        out.endArray()
        out.member("format", format)
        out.member("length", length)
        out.key("meeting")
        Self.write(meeting, to: &out)
        out.key("sentences")
        out.beginArray()
        for sentence in sentences {
            out.element()
            out.beginObject()
            out.member("end", sentence.end)
            out.member("start", sentence.start)
            out.endObject()
        }
        out.endArray()
        out.member("sha256", sha256)
        out.member("source", source)
        out.key("stances")
        out.beginArray()
        for s in stances {
            out.element()
            out.beginObject()
            out.key("attributes")
            out.beginObject()
            if let intensity = s.attributes.intensity { out.member("intensity", intensity) }
            out.member("negated", s.attributes.negated)
            out.member("repeated", s.attributes.repeated)
            out.endObject()
            out.member("cameo", s.cameo)
            out.member("category", s.category)
            out.key("cue")
            out.beginObject()
            out.member("end", s.cue.end)
            out.member("id", s.cue.id)
            out.member("start", s.cue.start)
            out.member("text", s.cue.text)
            out.endObject()
            out.key("holders")
            out.beginArray()
            for h in s.holders {
                out.element()
                out.beginObject()
                out.member("id", h.id)
                out.member("label", h.label)
                out.key("references")
                Self.write(h.references, to: &out)
                out.member("text", h.text)
                out.endObject()
            }
            out.endArray()
            out.member("id", s.id)
            out.member("polarity", s.polarity)
            out.member("rule", s.rule)
            if let sentence = s.sentence { out.member("sentence", sentence) }
            if let t = s.target {
                out.key("target")
                out.beginObject()
                out.member("end", t.end)
                out.key("entities")
                out.beginArray()
                for id in t.entities { out.element(); out.string(id) }
                out.endArray()
                out.member("id", t.id)
                out.member("start", t.start)
                out.member("text", t.text)
                out.endObject()
            }
            out.endObject()
        }
        out.endArray()
        out.member("utf8Length", utf8Length)
        out.endObject()
        return out.finished()
    }

    private static func write(_ m: Meeting, to out: inout JSONOutput) {
        out.beginObject()
        out.key("countries")
        write(m.countries, to: &out)
        if let date = m.date { out.member("date", date) }
        out.member("dateSource", m.dateSource.rawValue)
        if let minutes = m.durationMinutes { out.member("durationMinutes", minutes) }
        if let government = m.government { out.member("government", government) }
        out.member("kind", m.kind)
        out.key("participants")
        out.beginArray()
        for p in m.participants {
            out.element()
            out.beginObject()
            if let country = p.country { out.member("country", country) }
            out.member("id", p.id)
            out.member("name", p.name)
            if let title = p.title { out.member("title", title) }
            out.endObject()
        }
        out.endArray()
        if let place = m.place {
            out.key("place")
            out.beginObject()
            out.member("id", place.id)
            out.member("name", place.name)
            out.endObject()
        }
        if let start = m.startTime { out.member("startTime", start) }
        if let title = m.title { out.member("title", title) }
        out.endObject()
    }

    private static func write(_ references: [Reference], to out: inout JSONOutput) {
        out.beginArray()
        for r in references {
            out.element()
            out.beginObject()
            out.member("id", r.id)
            out.member("name", r.name)
            out.endObject()
        }
        out.endArray()
    }
}
