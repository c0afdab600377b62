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

    public init(_ annotated: AnnotatedDocument) {
        let index = CodePointIndex(annotated.document)
        source = annotated.document.name
        sha256 = SHA256.hex(annotated.document.bytes)
        length = index.scalarCount
        utf8Length = annotated.document.bytes.count
        let sentenceSpans = annotated.segmentation.sentences
        sentences = sentenceSpans.map {
            SentenceJSON(start: index.codePoint(atByte: $0.start), end: index.codePoint(atByte: $0.end))
        }
        entities = annotated.mentions.enumerated().map { k, m in
            var lo = 0, hi = sentenceSpans.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if sentenceSpans[mid].end <= m.span.start { lo = mid + 1 } else { hi = mid }
            }
            let sentence = lo < sentenceSpans.count && sentenceSpans[lo].contains(m.span) ? lo : nil
            return EntityJSON(
                id: "T\(k + 1)", label: m.label.rawValue,
                start: index.codePoint(atByte: m.span.start), end: index.codePoint(atByte: m.span.end),
                text: annotated.document.text(of: m.span), references: m.references,
                rule: m.provenance.rule, lexicon: m.provenance.lexicon, line: m.provenance.line,
                sentence: sentence)
        }
    }

    /// Deterministic, human-readable encoding (sorted keys, two-space indentation).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
