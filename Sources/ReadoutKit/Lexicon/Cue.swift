import Foundation

/// A stance cue of `cues.tsv`: a lemma, its category, part of speech and surface forms.
public struct Cue: Sendable, Hashable {
    public enum PartOfSpeech: String, Sendable, CaseIterable {
        case verb, noun, adjective, phrase
    }

    public var lemma: String
    public var category: StanceCategory
    public var partOfSpeech: PartOfSpeech
    public var forms: [String]
    public var file: String
    public var line: Int

    static let header = ["lemma", "category", "pos", "forms"]

    /// Parses a cue lexicon; every problem is reported with its file, line and column.
    static func parse(_ text: String, file: String) -> ([Cue], [LexiconError]) {
        var cues: [Cue] = []
        var errors: [LexiconError] = []
        var sawHeader = false
        for tsv in TSVLine.lines(of: text) {
            let fields = tsv.fields
            func fail(_ k: Int, _ reason: String) {
                errors.append(LexiconError(file: file, line: tsv.number, column: tsv.column(k), reason: reason))
            }
            if !sawHeader {
                sawHeader = true
                if fields != header { fail(0, "expected the header line '\(header.joined(separator: "<TAB>"))'"); break }
                continue
            }
            guard fields.count == header.count else { fail(0, "expected \(header.count) TAB-separated columns, found \(fields.count)"); continue }
            guard !fields[0].isEmpty else { fail(0, "empty lemma"); continue }
            guard let category = StanceCategory(rawValue: fields[1]) else {
                fail(1, "unknown category '\(fields[1])' (expected \(StanceCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            guard let pos = PartOfSpeech(rawValue: fields[2]) else {
                fail(2, "unknown part of speech '\(fields[2])' (expected verb, noun, adjective or phrase)")
                continue
            }
            let forms = fields[3].split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if forms.isEmpty || forms.contains("") { fail(3, "empty form"); continue }
            cues.append(Cue(lemma: fields[0], category: category, partOfSpeech: pos, forms: forms, file: file, line: tsv.number))
        }
        if !sawHeader { errors.append(LexiconError(file: file, line: 1, reason: "missing header line")) }
        return (cues, errors)
    }
}
