/// Named meetings: "Japan-ROK Foreign Ministers’ Meeting", "APEC Leaders' Week 2023",
/// "the Trilateral Summit", "2+2 Foreign and Defence Ministerial Dialogue".
///
/// A meeting word (the head) with at least one capitalized word, number or entity before it;
/// the name runs left over capitalized words, entities, hyphens, apostrophes and a few
/// lower-case meeting words, and right over a year.
struct MeetingRules {
    let view: TokenView
    let flat: [Candidate]

    static let heads: Set<String> = [
        "Meeting", "Meetings", "Summit", "Dialogue", "Conference", "Talk", "Talks", "Conversation",
        "Consultation", "Consultations", "Lunch", "Dinner", "Breakfast", "Week", "Session", "Congress",
    ]
    /// Lower-case words that may stand inside a meeting's name ("trilateral Foreign Ministers’ Meeting").
    static let lowerWords: Set<String> = [
        "trilateral", "bilateral", "summit", "foreign", "ministers", "telephone", "working", "strategic",
        "annual", "ministerial", "leaders", "defense", "defence", "security", "economic", "policy",
        "consultative", "inter-governmental", "intergovernmental", "vice-ministerial", "video", "and",
        "high-level", "plenary", "informal", "special",
    ]

    func headWord(_ i: Int) -> Bool {
        guard view.isWord(i) else { return false }
        let t = view[i]
        if Self.heads.contains(t) { return true }
        let title = t.prefix(1).uppercased() + t.dropFirst().lowercased()
        return Self.heads.contains(title) && (view.isAllCaps(i) || t == t.lowercased())
    }

    func meetings() -> [Mention] {
        var flatEndingAt: [Int: Int] = [:]
        for c in flat { flatEndingAt[c.end] = c.start }
        var spans: [Range<Int>] = []
        var i = 0
        while i < view.count {
            guard headWord(i) else { i += 1; continue }
            // Extend over further heads: "Summit Meeting", "Ministerial Meeting".
            var end = i + 1
            while end < view.count, view.sameLine(end - 1), headWord(end) { end += 1 }
            if end < view.count, view.sameLine(end - 1), view.tokens[end].kind == .number, view[end].count == 4 { end += 1 }
            let first = view.sentenceStart(i)
            var start = i
            var hasName = false
            var k = i - 1
            while k >= first, view.sameLine(k) {
                if let s = flatEndingAt[k + 1] {
                    start = s; hasName = true; k = s - 1; continue
                }
                let t = view[k]
                if view.isCapitalized(k) && !["The", "A", "An", "At", "In", "On", "During", "For", "To"].contains(t) || view.isAllCaps(k) {
                    start = k; hasName = true; k -= 1; continue
                }
                if view.tokens[k].kind == .number, !(k > first && DateRules.months[view[k - 1]] != nil) {
                    start = k; hasName = true; k -= 1; continue
                }
                if ["-", "+", "'", "\u{2019}", "\u{201C}", "\u{201D}", "\"", "&"].contains(t) && (view.joined(k) || view.joined(k - 1)) {
                    k -= 1; continue
                }
                if t == ")", k - 2 >= first, view[k - 2] == "(", view.isAllCaps(k - 1) { k -= 3; continue }
                if Self.lowerWords.contains(t) || (t == "and" && k > first && view.isCapitalized(k - 1)) {
                    k -= 1; continue
                }
                break
            }
            // The name starts at a capitalized word, number or entity, not at punctuation.
            while start < i, !(view.isCapitalized(start) || view.isAllCaps(start) || view.tokens[start].kind == .number || view[start] == "\u{201C}") {
                start += 1
            }
            if view[start] == "\u{201C}" {
                // Keep an opening quote only when its closing quote is inside: “2+2” Ministerial Meeting.
                if !(start..<end).contains(where: { view[$0] == "\u{201D}" }) { start += 1 }
            }
            let capitalizedHead = view.isCapitalized(i)
            if hasName && start < i && (capitalizedHead || (start..<i).contains { view.isCapitalized($0) }) {
                spans.append(start..<end)
            }
            i = end
        }
        return spans.map { Mention(label: .meeting, span: view.span($0), provenance: Provenance(rule: "meeting")) }
    }
}
