/// Organizations that no lexicon lists, found by their head noun: "Seoul High Court",
/// "Asian and Oceanian Affairs Bureau", "Ministry of Foreign Affairs and Trade",
/// "Central Committee of the Communist Party of Viet Nam".
struct OrganizationRules {
    let view: TokenView
    let run: TaggingRun

    static let heads: WordSet = [
        "Ministry", "Bureau", "Department", "Office", "Court", "Corporation", "Company", "Party",
        "Committee", "Council", "Commission", "Agency", "Secretariat", "Assembly", "Parliament",
        "House", "Bank", "Fund", "Institute", "University", "Embassy", "Consulate", "Forces",
        "Army", "Navy", "Guard", "Police", "Authority", "Board", "League", "Tribunal",
        "Directorate", "Organization", "Organisation", "Foundation", "Association", "Center",
        "Centre", "Senate", "Diet", "Inc", "Ltd", "Cabinet",
    ]
    /// Heads that take an "of" complement as part of the name ("Ministry of Defense").
    static let ofHeads: WordSet = [
        "Ministry", "Department", "Office", "Court", "Committee", "Council", "Commission",
        "Agency", "Bank", "Embassy", "Consulate", "Bureau", "Secretariat", "Assembly",
        "Parliament", "House", "Institute", "University", "League", "Board", "Directorate",
    ]
    static let connectors: WordSet = ["and", "of", "for", "the", "&", "AND", "OF", "FOR", "THE", "on", "ON"]
    static let openers: WordSet = [
        "The", "A", "An", "In", "On", "At", "As", "After", "Both", "This", "That", "These", "His",
        "Her", "Their", "Its", "Our", "Minister", "Foreign", "Prime", "President", "Secretary",
        "Mr", "Ms", "Dr", "He", "She", "They", "It", "Also", "However", "With", "For", "To", "By",
    ]

    struct Match {
        var start: Int
        var end: Int
        var rule: String
    }

    func headWord(_ i: Int) -> String? {
        guard view.isWord(i) else { return nil }
        let t = view[i]
        if Self.heads.contains(t) { return t }
        if view.isAllCaps(i), t.count > 2 {
            let title = String(t.prefix(1)) + t.dropFirst().lowercased()
            if Self.heads.contains(title) { return title }
        }
        return nil
    }

    /// Whether a full name of the lexicon's people (two words or more) starts at token i.
    func startsPerson(_ i: Int) -> Bool {
        guard let m = run.flatMatch(at: i), m.end - m.start >= 2 else { return false }
        return m.entries.contains { $0.label == .person }
    }

    func isNameWord(_ i: Int) -> Bool {
        guard i < view.count else { return false }
        return view.isCapitalized(i) || (view.tokens[i].kind == .number && i + 1 < view.count && view.joined(i))
    }

    /// Whether the words at n, after "and" (and "the" when `afterThe`), start something other
    /// than more of the name:
    /// - a title: "... Central Committee and Foreign Minister Wang Yi";
    /// - a second name: a head after "and the" ("the Ministry of Foreign Affairs and the
    ///   Ministry of Trade"), an of-head with its "of" ("... and Ministry of Trade"), or an
    ///   organization of the lexicon after "and the" ("... Organisation and the African Union").
    func startsAnotherName(at n: Int, afterThe: Bool, limit: Int) -> Bool {
        guard let head = headWord(n) else {
            if run.titleMatch(at: n) != nil
                || afterThe && run.flatMatch(at: n)?.entries.contains(where: { $0.label == .organization }) == true {
                return true
            }
            // "and the Ghana Institute of ...": "the", name words and a head.
            guard afterThe else { return false }
            var m = n + 1
            while m < min(limit, n + 4), isNameWord(m) {
                if headWord(m) != nil { return true }
                m += 1
            }
            return false
        }
        return afterThe || (n + 1 < limit && (view[n + 1] == "of" || view[n + 1] == "OF") && Self.ofHeads.contains(head))
    }

    func match(at j: Int) -> Match? {
        guard j < view.count, view.isCapitalized(j), !Self.openers.contains(view[j]) else { return nil }
        if j > 0, view.isCapitalized(j - 1), view.sameLine(j - 1), !Self.openers.contains(view[j - 1]) { return nil }
        if run.titleMatch(at: j) != nil, headWord(j) == nil { return nil }
        let limit = view.sentenceEnd[j]
        // The capitalized phrase: words, hyphenated words, connectors between words.
        var k = j
        var heads: [Int] = []
        while k < limit {
            // "... Foreign Affairs Commission Wang Yi": a person's full name is no more of it.
            if k > j, startsPerson(k) { break }
            if isNameWord(k) {
                if headWord(k) != nil { heads.append(k) }
                k = view.hyphenatedWordEnd(from: k, limit: limit)
                continue
            }
            // "People's Democratic Party": the possessive of "People" inside a name.
            if view[k] == "'s" || view[k] == "\u{2019}s", k > j, view[k - 1] == "People", view.joined(k - 1),
               k + 1 < limit, view.sameLine(k), isNameWord(k + 1) {
                k += 1
                continue
            }
            // "of" and "for" follow a head ("Ministry of Defense", "Organization for ...");
            // "and" joins any two name words.
            let ofLike = ["of", "OF", "for", "FOR", "on", "ON"].contains(view[k])
            if ofLike, headWord(k - 1) == nil { break }
            if Self.connectors.contains(view[k]), k + 1 < limit, view.sameLine(k), view.sameLine(k - 1) {
                var n = k + 1
                if view[n] == "the" || view[n] == "THE", n + 1 < limit { n += 1 }
                if isNameWord(n), !(["and", "AND", "&"].contains(view[k]) && startsAnotherName(at: n, afterThe: n > k + 1, limit: limit)) {
                    k = n
                    continue
                }
            }
            break
        }
        let phraseEnd = k
        // The furthest head; an of-head followed by "of" takes the rest of the phrase.
        var end = 0
        for h in heads {
            let isOfHead = Self.ofHeads.contains(headWord(h)!) && h + 1 < phraseEnd && (view[h + 1] == "of" || view[h + 1] == "OF")
            end = max(end, isOfHead ? phraseEnd : h + 1)
        }
        guard end > j else { return nil }
        // Trim trailing connectors.
        while end > j + 1, Self.connectors.contains(view[end - 1]) { end -= 1 }
        let span = j..<end
        let hasModifier = span.contains { headWord($0) == nil && view.isCapitalized($0) }
        guard hasModifier else { return nil }
        // A name that goes on past the head names something else: a role ("LDP General
        // Council Chairman"), a law ("Coast Guard Law"), a meeting ("National Party Congress").
        if end < view.count, view.sameLine(end - 1), view.isCapitalized(end) && !startsPerson(end) || run.titleMatch(at: end) != nil { return nil }
        // Buildings are not organizations.
        if let h = heads.last, h + 1 == end, headWord(h) == "House", h > j, ["Guest", "Opera", "State"].contains(view[h - 1]) { return nil }
        return Match(start: j, end: end, rule: "org-head")
    }
}
