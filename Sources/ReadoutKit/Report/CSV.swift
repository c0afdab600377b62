/// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, lines
/// end with CRLF. Several values in one field are joined with `|`.
public enum CSV {
    public static func field(_ value: String) -> String {
        guard ByteText.csvNeedsQuotes(value) else { return value }
        return "\"" + ByteText.doublingQuotes(value) + "\""
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func join(_ values: [String]) -> String { values.joined(separator: "|") }

    /// Lines written straight into UTF-8 bytes (what `line` gives, without a String per line).
    struct Writer {
        var bytes: [UInt8] = []

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func line(_ fields: [String]) {
            for (k, value) in fields.enumerated() {
                if k > 0 { bytes.append(UInt8(ascii: ",")) }
                field(value)
            }
            endLine()
        }

        /// One field (the caller writes the commas between fields).
        mutating func field(_ value: String) {
            let quoted = ByteText.csvNeedsQuotes(value)
            if quoted { bytes.append(UInt8(ascii: "\"")) }
            put(value, doublingQuotes: quoted)
            if quoted { bytes.append(UInt8(ascii: "\"")) }
        }

        /// The field `CSV.join(values)` (`field` of the values joined with `|`), without
        /// joining them first.
        mutating func joinedField(_ values: [String]) {
            let quoted = values.contains(where: ByteText.csvNeedsQuotes)
            if quoted { bytes.append(UInt8(ascii: "\"")) }
            for (k, value) in values.enumerated() {
                if k > 0 { bytes.append(UInt8(ascii: "|")) }
                put(value, doublingQuotes: quoted)
            }
            if quoted { bytes.append(UInt8(ascii: "\"")) }
        }

        /// A value's bytes, inside quotes with each quote doubled (ByteText.doublingQuotes,
        /// straight into the line).
        private mutating func put(_ value: String, doublingQuotes: Bool) {
            var value = value
            value.withUTF8 { p in
                guard doublingQuotes else { bytes.append(contentsOf: p); return }
                var start = 0
                for i in 0..<p.count where p[i] == 0x22 {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[start...i]))
                    bytes.append(0x22)
                    start = i + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[start...]))
            }
        }

        /// A number field (never quoted).
        mutating func field(_ n: Int) { forEachDecimalByte(of: n) { bytes.append($0) } }

        mutating func comma() { bytes.append(UInt8(ascii: ",")) }
        mutating func endLine() { bytes.append(contentsOf: [0x0D, 0x0A] as [UInt8]) }
    }

    public static func stances(_ rows: [StanceRow]) -> String { String(decoding: stancesBytes(rows), as: UTF8.self) }
    public static func entities(_ rows: [EntityRow]) -> String { String(decoding: entitiesBytes(rows), as: UTF8.self) }
    public static func meetings(_ documents: [ReportDocument]) -> String { String(decoding: meetingsBytes(documents), as: UTF8.self) }

    static let stancesHeader = ["document", "meeting_date", "stance_id", "holder_ids", "holder_names", "holder_countries", "category",
                                "polarity", "cameo", "cue", "target_text", "target_entity_ids", "sentence", "intensity", "negated", "repeated"]
    static let entitiesHeader = ["document", "mention_id", "label", "text", "entity_ids", "entity_names", "start", "end", "sentence"]
    static let meetingsHeader = ["document", "file", "title", "date", "date_source", "kind", "place", "participants", "participant_ids",
                                 "countries", "start_time", "duration_minutes", "government", "stances", "mentions"]

    static func stancesBytes(_ rows: [StanceRow]) -> [UInt8] {
        var out = Writer(capacity: 64 + rows.count * 400)
        out.line(stancesHeader)
        for r in rows { out.stance(r) }
        return out.bytes
    }

    static func entitiesBytes(_ rows: [EntityRow]) -> [UInt8] {
        var out = Writer(capacity: 64 + rows.count * 300)
        out.line(entitiesHeader)
        for r in rows { out.entity(r) }
        return out.bytes
    }

    static func meetingsBytes(_ documents: [ReportDocument]) -> [UInt8] {
        var out = Writer(capacity: 64 + documents.count * 300)
        out.line(meetingsHeader)
        for d in documents { out.meeting(d) }
        return out.bytes
    }
}

/// One line per row: the in-memory report and the streamed one (``ReportCollector``) write
/// the same bytes through these.
extension CSV.Writer {
    mutating func stance(_ r: StanceRow) {
        field(r.document); comma(); field(r.meetingDate ?? ""); comma(); field(r.id); comma()
        joinedField(r.holderIDs); comma(); joinedField(r.holderNames); comma(); joinedField(r.holderCountries); comma()
        field(r.category.rawValue); comma(); field(r.category.polarity.rawValue); comma(); field(r.category.cameo); comma()
        field(r.cue); comma(); field(r.targetText); comma(); joinedField(r.targetEntityIDs); comma(); field(r.sentence); comma()
        field(r.intense ? "High" : ""); comma(); field(r.negated ? "true" : "false"); comma(); field(r.repeated ? "true" : "false")
        endLine()
    }

    mutating func entity(_ r: EntityRow) {
        // As line([document, id, label, text, join(entityIDs), join(names), start, end, sentence]).
        field(r.document); comma(); field(r.id); comma(); field(r.label.rawValue); comma(); field(r.text); comma()
        joinedField(r.entityIDs); comma(); joinedField(r.names); comma(); field(r.start); comma(); field(r.end); comma()
        field(r.sentence)
        endLine()
    }

    mutating func meeting(_ d: ReportDocument) {
        let m = d.meeting
        let participants = m.participants.map { p in
            p.name + ([p.title, p.country].compactMap { $0 }.isEmpty ? "" : " (" + [p.title, p.country].compactMap { $0 }.joined(separator: ", ") + ")")
        }
        line([d.path, d.path + ".txt", m.title ?? "", m.date ?? "", m.dateSource.rawValue, m.kind, m.place?.name ?? "",
              CSV.join(participants), CSV.join(m.participants.map(\.id)), CSV.join(m.countries.map(\.id)), m.startTime ?? "",
              m.durationMinutes.map(String.init) ?? "", m.government ?? "", String(d.stances.count), String(d.entities.count)])
    }
}
