/// Named meetings: "Japan-ROK Foreign Ministers’ Meeting", "APEC Leaders' Week 2023",
/// "the Trilateral Summit", "2+2 Foreign and Defence Ministerial Dialogue", "Japan-U.S. “2+2”".
///
/// A meeting word (the head) with a name before it: capitalized words, numbers, ordinals or
/// entities. The name runs left over those, hyphens, apostrophes, quotes and a few lower-case
/// meeting words; right over further name words up to a last head, and a year. A lower-case
/// head ("Japan-China foreign ministers’ meeting") needs an entity in the name. An acronym in
/// parentheses after a meeting ("East Asia Summit (EAS)") names it too.
struct MeetingRules {
    let view: TokenView
    let flat: [Candidate]

    static let heads: WordSet = [
        "Meeting", "Meetings", "Summit", "Dialogue", "Conference", "Talk", "Talks", "Conversation",
        "Consultation", "Consultations", "Lunch", "Dinner", "Breakfast", "Week", "Session", "Congress",
        "Roundtable",
    ]
    /// Lower-case words that may stand inside a meeting's name ("trilateral Foreign Ministers’ Meeting").
    static let lowerWords: WordSet = [
        "trilateral", "bilateral", "summit", "foreign", "ministers", "telephone", "working", "strategic",
        "annual", "ministerial", "leaders", "defense", "defence", "security", "economic", "policy",
        "consultative", "video", "and", "plenary", "informal", "special", "vice", "inter", "governmental",
    ]
    /// Ordinals that open a meeting's name and not its acronym ("Ninth ... (TICAD 9)").
    static let ordinals: WordSet = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
        "eighteenth", "nineteenth", "twentieth",
    ]
    static let openingWords: WordSet = ["The", "A", "An", "At", "In", "On", "During", "For", "To", "After", "Before"]

    /// The heads as written, in lower case and in capitals: an ASCII token is a head when
    /// it is one of these (see `isHead`).
    static let headForms = WordSet(heads.flatMap { [$0, $0.lowercased(), $0.uppercased()] })

    /// A meeting word: as written in `heads`, or all in lower case or all in capitals.
    func isHead(_ i: Int) -> Bool {
        guard view.isWord(i) else { return false }
        let t = view[i]
        // ASCII words: title case of an all-lower-case or all-capital word is a head exactly
        // when the word is the head in lower case or in capitals.
        if let known = Self.headForms.containsASCII(t) { return known }
        if t.utf8.allSatisfy({ $0 < 0x80 }) { return Self.headForms.contains(t) }
        if Self.heads.contains(t) { return true }
        let title = t.prefix(1).uppercased() + t.dropFirst().lowercased()
        return Self.heads.contains(title) && (view.isAllCaps(i) || t == t.lowercased())
    }

    /// The end of "on" and a capitalized subject after a head that ends at `end` ("... Conference
    /// on African Development"): capitalized words, entities, hyphens and "and", up to eight
    /// tokens; nil when a lower-case word or a date follows "on" ("the Vilnius Summit on
    /// Wednesday", "on May 3").
    func subject(after end: Int) -> Int? {
        guard end + 1 < view.count, view[end] == "on", view.isCapitalized(end - 1), Self.subjectHeads.contains(view[end - 1]),
              view.sameLine(end - 1), view.sameLine(end), view.isCapitalized(end + 1),
              !DateRules.weekdays.contains(view[end + 1]), DateRules.months[view[end + 1]] == nil else { return nil }
        var k = end + 1
        var last = k
        while k < view.count, k - end <= 8 {
            if view.isCapitalized(k) && !Self.openingWords.contains(view[k]) { k += 1; last = k }
            else if ["-", "and", "&"].contains(view[k]), k + 1 < view.count, view.isCapitalized(k + 1) { k += 1 }
            else { break }
            if !view.sameLine(k - 1) { break }
        }
        return last
    }

    static let subjectHeads: WordSet = ["Conference", "Dialogue", "Consultations", "Consultation", "Talks", "Summit", "Forum", "Roundtable"]

    /// "2+2" or "2 + 2": the end token of this meeting format at i.
    func twoPlusTwo(_ i: Int) -> Int? {
        guard i + 2 < view.count, view[i] == "2", view[i + 1] == "+", view[i + 2] == "2" else { return nil }
        return i + 3
    }

    func isOrdinal(_ i: Int) -> Bool {
        let t = view[i]
        guard let first = t.first, first.isNumber else { return false }
        return ["st", "nd", "rd", "th"].contains { t.hasSuffix($0) } && t.dropLast(2).allSatisfy(\.isNumber)
    }

    func isNameWord(_ i: Int) -> Bool {
        let word = view.listForm(i)
        if TaggingRun.headlineWords.contains(word) && !Self.heads.contains(word) && !["Telephone", "Phone"].contains(word) { return false }
        // In capitals, "BILATERAL" is the lower-case word of "a bilateral meeting".
        if view.isAllCaps(i), isLowerWord(i) { return false }
        return (view.isCapitalized(i) && !Self.openingWords.contains(view[i])) || view.isAllCaps(i) || isOrdinal(i)
    }

    /// One of `lowerWords`, also in capitals ("FOREIGN MINISTERS’ MEETING").
    func isLowerWord(_ i: Int) -> Bool {
        Self.lowerWords.contains(view[i]) || view.isAllCaps(i) && Self.lowerWords.contains(view[i].lowercased())
    }

    func meetings() -> [Mention] {
        var flatEndingAt = TokenMap<Int>(bound: view.count + 1)
        var flatTokens = TokenSet(bound: view.count)
        // People do not name meetings ("Wang Yi Holds Talks").
        for c in flat where c.label != .person {
            flatEndingAt[c.end] = c.start
            for k in c.start..<c.end { flatTokens.insert(k) }
        }
        var spans: [Range<Int>] = []
        var i = 0
        while i < view.count {
            let formatEnd = twoPlusTwo(i)
            guard isHead(i) || formatEnd != nil else { i += 1; continue }
            let lowerHead = formatEnd == nil && !view.isCapitalized(i)
            var end = formatEnd ?? i + 1
            // Right: more name words up to a last head ("Summit Telephone Talk"), then a year.
            var k = end
            var headRun = formatEnd == nil ? 1 : 0
            while k < view.count, k - end < 6, view.sameLine(k - 1) {
                if isHead(k) { k += 1; end = k; headRun += 1; continue }
                if isNameWord(k) || isLowerWord(k) || view[k] == "\u{201D}" { k += 1; continue }
                break
            }
            // "Conference on African Development", "Dialogue on Cooperation and Security": the
            // subject of a capitalized head, in capitalized words.
            if !lowerHead, let subjectEnd = subject(after: end) { end = subjectEnd }
            if end < view.count, view.sameLine(end - 1), view.tokens[end].kind == .number, view[end].count == 4 { end += 1 }
            // Left.
            let first = view.sentenceStart(i)
            var start = i
            var hasName = formatEnd != nil || headRun >= 2 && !lowerHead
            var hasEntity = false
            k = i - 1
            while k >= first, view.sameLine(k) {
                if let s = flatEndingAt[k + 1] {
                    start = s; hasName = true; hasEntity = true; k = s - 1; continue
                }
                let t = view[k]
                if isNameWord(k) || twoPlusTwo(k) != nil {
                    start = k; hasName = true; k -= 1; continue
                }
                if view.tokens[k].kind == .number, !(k > first && DateRules.months[view[k - 1]] != nil) {
                    start = k; hasName = true; k -= 1; continue
                }
                if ["-", "+", "'", "\u{2019}", "\u{201C}", "\u{201D}", "\"", "&"].contains(t) && (view.joined(k) || view.joined(k - 1)) {
                    k -= 1; continue
                }
                // "ASEAN-related", "inter-governmental": a lower-case word hyphened to the name.
                if view.isLowercaseWord(k), k > first, view[k - 1] == "-", view.joined(k - 1) {
                    k -= 1; continue
                }
                if t == ")", k - 2 >= first, view[k - 2] == "(", view.isAllCaps(k - 1) { k -= 3; continue }
                if isLowerWord(k) || (t == "and" && k > first && isNameWord(k - 1)) {
                    k -= 1; continue
                }
                break
            }
            // The name starts at a name word, number or entity, not at punctuation.
            while start < i, !(isNameWord(start) || view.tokens[start].kind == .number || flatTokens.contains(start)) {
                start += 1
            }
            // Quotes stay paired: “2+2” Ministerial Meeting, Japan-U.S. “2+2”.
            let quotes = (start..<end).map { view[$0] }
            let opens = quotes.filter { $0 == "\u{201C}" }.count, closes = quotes.filter { $0 == "\u{201D}" }.count
            if closes > opens, start > 0, view[start - 1] == "\u{201C}" { start -= 1 }
            if opens > closes, end < view.count, view[end] == "\u{201D}" { end += 1 }
            if (hasName && start < i || formatEnd != nil || headRun >= 2 && !lowerHead) && (!lowerHead || hasEntity) {
                spans.append(start..<end)
            }
            i = max(end, i + 1)
        }
        // A meeting inside another's name is part of it.
        spans.sort { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound > $1.upperBound }
        var outer: [Range<Int>] = []
        for span in spans where outer.last.map({ !($0.lowerBound <= span.lowerBound && span.upperBound <= $0.upperBound) }) ?? true {
            outer.append(span)
        }
        spans = outer
        var mentions = spans.map { Mention(label: .meeting, span: view.span($0), provenance: Provenance(rule: "meeting")) }
        // "East Asia Summit (EAS)": the acronym names the meeting, here and later.
        // With its number too: "Ninth Tokyo International Conference on African Development
        // (TICAD 9)" (an ordinal opening the name is not abbreviated).
        var acronyms = Set<String>()
        var numbered = Set<[String]>()
        for span in spans where span.upperBound + 2 < view.count && view[span.upperBound] == "(" {
            let a = span.upperBound + 1
            guard view.isAllCaps(a) else { continue }
            let name = view.text(span)
            // Without an opening ordinal first, then as written.
            let unnumbered = name.split(separator: " ").first.flatMap { Self.ordinals.contains($0.lowercased()) ? String(name.dropFirst($0.count + 1)) : nil }
            guard unnumbered.map({ TaggingRun.abbreviates(view[a], $0) }) == true || TaggingRun.abbreviates(view[a], name) else { continue }
            if view[a + 1] == ")" {
                acronyms.insert(view[a])
            } else if a + 2 < view.count, view[a + 2] == ")", view[a + 1].allSatisfy({ $0.isASCII && $0.isNumber }), view.sameLine(a) {
                numbered.insert([view[a], view[a + 1]])
            }
        }
        if !acronyms.isEmpty || !numbered.isEmpty {
            var k = 0
            while k < view.count {
                if view.isWord(k), !flatTokens.contains(k), k + 1 < view.count, numbered.contains([view[k], view[k + 1]]), view.sameLine(k) {
                    mentions.append(Mention(label: .meeting, span: view.span(k..<k + 2), provenance: Provenance(rule: "meeting-acronym")))
                    k += 2
                    continue
                }
                if acronyms.contains(view[k]), !flatTokens.contains(k), view.isWord(k) {
                    mentions.append(Mention(label: .meeting, span: view.tokens[k].span, provenance: Provenance(rule: "meeting-acronym")))
                }
                k += 1
            }
        }
        return mentions
    }
}
