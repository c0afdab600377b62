import Foundation

/// The stages in order: text -> sentences and tokens (ICU) -> entities -> meeting metadata
/// (participants) -> stances -> writers.
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
        // brat spans cannot hold a line break or a tab: nothing is annotated across one.
        func withinLine(_ span: Span) -> Bool {
            !document.bytes[span.start..<span.end].contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        }
        let mentions = entityTagger.tag(view: view).filter { withinLine($0.span) }
        let (meeting, principal) = MeetingExtractor(view: view, mentions: mentions, lexicon: lexicon, fileName: document.name,
                                                    officeHolders: stanceTagger.officeHolders).extractWithPrincipal()
        let (stances, actors) = stanceTagger.tag(view: view, mentions: mentions, meeting: meeting, principal: principal)
        let all = (mentions + actors.filter { withinLine($0.span) })
            .sorted { a, b in a.span != b.span ? a.span < b.span : a.label < b.label }
        let holders = Set(all.map(\.span))
        let kept = stances.filter { stance in
            let start = min(stance.cue.start, stance.target?.start ?? stance.cue.start)
            let end = max(stance.cue.end, stance.target?.end ?? stance.cue.end)
            return withinLine(Span(start, end)) && stance.holders.allSatisfy(holders.contains)
        }
        return AnnotatedDocument(document: document, segmentation: segmentation, mentions: all, stances: kept, meeting: meeting)
    }
}
