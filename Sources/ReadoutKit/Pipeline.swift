import Foundation

/// The stages in order: text -> sentences and tokens (ICU) -> entities -> stances -> writers.
public final class Pipeline: Sendable {
    public let lexicon: Lexicon
    public let segmenter: Segmenter
    public let entityTagger: EntityTagger
    public let stanceTagger: StanceTagger

    /// A pipeline over the built-in lexicons plus the user's lexicon folders.
    public convenience init(userLexicons: [URL] = []) throws {
        try self.init(lexicon: Lexicon.load(userFolders: userLexicons))
    }

    public init(lexicon: Lexicon) throws {
        self.lexicon = lexicon
        self.segmenter = try Segmenter(abbreviations: lexicon.abbreviations)
        self.entityTagger = EntityTagger(lexicon: lexicon, segmenter: segmenter)
        self.stanceTagger = StanceTagger(lexicon: lexicon, segmenter: segmenter)
    }

    public func annotate(_ document: Document) -> AnnotatedDocument {
        let segmentation = segmenter.segment(document)
        let view = TokenView(document: document, segmentation: segmentation, matcher: entityTagger.matcher)
        let mentions = entityTagger.tag(view: view)
            .filter { !document.bytes[$0.span.start..<$0.span.end].contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }
        let (stances, actors) = stanceTagger.tag(view: view, mentions: mentions)
        let all = (mentions + actors).sorted { a, b in a.span != b.span ? a.span < b.span : a.label < b.label }
        return AnnotatedDocument(document: document, segmentation: segmentation, mentions: all,
                                 stances: stances.filter { stance in
                                     // A stance lies within one line (brat spans cannot hold a line break).
                                     let start = min(stance.cue.start, stance.target?.start ?? stance.cue.start)
                                     let end = max(stance.cue.end, stance.target?.end ?? stance.cue.end)
                                     return !document.bytes[start..<end].contains { $0 == 0x0A || $0 == 0x0D }
                                 })
    }
}
