import Foundation

/// The stages in order: text -> sentences and tokens (ICU) -> entities -> writers.
public final class Pipeline: Sendable {
    public let lexicon: Lexicon
    public let segmenter: Segmenter
    public let entityTagger: EntityTagger

    /// A pipeline over the built-in lexicons plus the user's lexicon folders.
    public convenience init(userLexicons: [URL] = []) throws {
        try self.init(lexicon: Lexicon.load(userFolders: userLexicons))
    }

    public init(lexicon: Lexicon) throws {
        self.lexicon = lexicon
        self.segmenter = try Segmenter(abbreviations: lexicon.abbreviations)
        self.entityTagger = EntityTagger(lexicon: lexicon, segmenter: segmenter)
    }

    public func annotate(_ document: Document) -> AnnotatedDocument {
        let segmentation = segmenter.segment(document)
        let mentions = entityTagger.tag(document, segmentation: segmentation)
            .filter { !document.bytes[$0.span.start..<$0.span.end].contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }
        return AnnotatedDocument(document: document, segmentation: segmentation, mentions: mentions)
    }
}
