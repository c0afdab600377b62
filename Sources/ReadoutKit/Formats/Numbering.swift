/// The brat ids of one document's annotations, shared by the `.ann` and JSON writers so that
/// both name every annotation the same way: mentions are `T1`...`Tn` in text order, then
/// each stance has its cue `T`, its target `T` (if any) and its `E`.
struct Numbering {
    var mentionIDs: [String] = []
    var cueIDs: [String] = []
    var targetIDs: [String?] = []
    var eventIDs: [String] = []
    /// Holder spans to the T id of the mention they point to.
    var holderIDs: [Span: String] = [:]

    init(_ annotated: AnnotatedDocument) {
        mentionIDs.reserveCapacity(annotated.mentions.count)
        var t = 0
        for mention in annotated.mentions {
            t += 1
            mentionIDs.append("T" + String(t))
            if mention.label.isFlat || mention.label == .actor, holderIDs[mention.span] == nil || mention.label == .actor {
                holderIDs[mention.span] = mentionIDs[mentionIDs.count - 1]
            }
        }
        for (e, stance) in annotated.stances.enumerated() {
            t += 1
            cueIDs.append("T" + String(t))
            if stance.target != nil {
                t += 1
                targetIDs.append("T" + String(t))
            } else {
                targetIDs.append(nil)
            }
            eventIDs.append("E" + String(e + 1))
        }
    }
}
