/// Abbreviations after which ICU's sentence rules would wrongly end a sentence.
///
/// Read from `abbreviations.txt`: one abbreviation and its kind per line, TAB-separated.
/// - `title`: stands before a name ("Dr.", "H.E."): never ends a sentence.
/// - `inline`: usually inside a sentence ("U.S.", "a.m."): ends one only when the next word
///   starts a sentence ("... with the U.S. The two Ministers ...").
public struct Abbreviations: Sendable {
    public enum Kind: String, Sendable { case title, inline }
    public private(set) var kinds: [String: Kind] = [:]

    public init() {}

    public init(parsing text: String, file: String) throws(LexiconError) {
        for tsv in TSVLine.lines(of: text) {
            let fields = tsv.fields
            guard fields.count == 2 else {
                throw LexiconError(file: file, line: tsv.number, column: 1,
                                   reason: "expected 2 TAB-separated columns (abbreviation, kind), found \(fields.count)")
            }
            let word = String(fields[0])
            guard word.hasSuffix("."), word.count > 1 else {
                throw LexiconError(file: file, line: tsv.number, column: 1,
                                   reason: "abbreviation '\(word)' must end with a period")
            }
            guard let kind = Kind(rawValue: String(fields[1])) else {
                throw LexiconError(file: file, line: tsv.number, column: tsv.column(1),
                                   reason: "unknown kind '\(fields[1])' (expected title or inline)")
            }
            kinds[word] = kind
        }
    }

    public mutating func merge(_ other: Abbreviations) {
        kinds.merge(other.kinds) { _, new in new }
    }

    public func kind(of abbreviation: String) -> Kind? { kinds[abbreviation] }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
