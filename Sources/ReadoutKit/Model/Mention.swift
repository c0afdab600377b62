/// The canonical entity a mention refers to: a brat `N` line's id and name.
public struct Reference: Hashable, Codable, Sendable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// How a mention was found: which lexicon line, or which rule.
public struct Provenance: Hashable, Codable, Sendable {
    /// The rule that produced the mention, e.g. `lexicon`, `title-person`, `org-head`.
    public var rule: String
    /// The lexicon file (for `lexicon` and rules that resolved to an entry).
    public var lexicon: String?
    /// The 1-based line in that file.
    public var line: Int?

    public init(rule: String, lexicon: String? = nil, line: Int? = nil) {
        self.rule = rule
        self.lexicon = lexicon
        self.line = line
    }

    static func from(_ entry: LexiconEntry, rule: String) -> Provenance {
        var file = entry.file
        // The last path component ("a/b/" gives "b"), found on bytes for ASCII paths.
        let base = file.withUTF8 { p -> String? in
            guard !p.contains(where: { $0 >= 0x80 }) else { return nil }
            var end = p.count
            while end > 0, p[end - 1] == UInt8(ascii: "/") { end -= 1 }
            guard end > 0 else { return entry.file }
            var start = end
            while start > 0, p[start - 1] != UInt8(ascii: "/") { start -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
        } ?? (entry.file.split(separator: "/").last.map(String.init) ?? entry.file)
        return Provenance(rule: rule, lexicon: base, line: entry.line)
    }
}

/// An entity mention: a labelled span of the text, its normalizations and its provenance.
public struct Mention: Hashable, Sendable {
    public var label: EntityLabel
    public var span: Span
    public var references: [Reference]
    public var provenance: Provenance

    public init(label: EntityLabel, span: Span, references: [Reference] = [], provenance: Provenance) {
        self.label = label
        self.span = span
        self.references = references
        self.provenance = provenance
    }
}

/// A document with everything the pipeline found in it.
public struct AnnotatedDocument: Sendable {
    public var document: Document
    public var segmentation: Segmentation
    /// Entity mentions in text order (flat and overlapping layers together, and the Actor
    /// mentions that hold stances).
    public var mentions: [Mention]
    /// Stances in text order; their holders are spans of mentions in `mentions`.
    public var stances: [Stance]
    /// What the readout says about its meeting.
    public var meeting: Meeting

    public init(document: Document, segmentation: Segmentation, mentions: [Mention], stances: [Stance] = [], meeting: Meeting = Meeting()) {
        self.document = document
        self.segmentation = segmentation
        self.mentions = mentions
        self.stances = stances
        self.meeting = meeting
    }
}
