import Foundation

/// Tags Person, Place and Organization (the flat layer) and Title, Meeting and Date (the
/// overlapping layer) as GUIDELINES.md section 2 defines them.
///
/// Lexicon look-ups come first; rules then find names after titles, organizations by their
/// head nouns, acronyms in parentheses, surnames of people met in the same document,
/// dates and meetings. Where flat candidates overlap, the longest wins.
public struct EntityTagger: Sendable {
    public let lexicon: Lexicon
    public let matcher: PhraseMatcher

    /// People by the first and last word of any of their forms ("antony blinken" for
    /// "Antony J. Blinken"), so that a name with a middle part resolves in O(1).
    /// "first last" (lowercased) of every person's multiword form -> the entry's index.
    let peopleByEnds: FormTable

    public init(lexicon: Lexicon, segmenter: Segmenter) {
        self.lexicon = lexicon
        // The two indexes are independent: with a large user lexicon, build them side by side.
        let byEnds = ParallelResult { Self.peopleByEnds(lexicon) }
        self.matcher = PhraseMatcher(lexicon: lexicon, segmenter: segmenter)
        self.peopleByEnds = byEnds.value
    }

    static func peopleByEnds(_ lexicon: Lexicon) -> FormTable {
        var byEnds = FormTable()
        let people = lexicon.records.withUnsafeBufferPointer { $0.reduce(0) { $0 + ($1.label == .person ? Int($1.formCount) : 0) } }
        byEnds.reserveCapacity(people, keyBytes: 16 * people)
        // Keys are made for a batch of forms, their slots fetched together, then inserted
        // in order (the first entry with a key keeps it).
        var keys: [UInt8] = []
        var batch: [(key: Range<Int>, text: String?, entry: Int32)] = []
        lexicon.bytes.withUnsafeBufferPointer { p in
            lexicon.records.withUnsafeBufferPointer { records in
                lexicon.forms.withUnsafeBufferPointer { forms in
                    for index in 0..<records.count where records[index].label == .person {
                        for k in records[index].forms {
                            let f = forms[k]
                            let form = UnsafeBufferPointer(rebasing: p[Int(f.start)..<Int(f.start) + Int(f.count)])
                            // The first and the last space-separated parts ("Kamikawa" and "Yoko").
                            guard let firstSpace = form.firstIndex(of: 0x20), let lastSpace = form.lastIndex(of: 0x20),
                                  firstSpace != 0, lastSpace + 1 != form.count else { continue }
                            if form.contains(where: { $0 >= 0x80 }) {
                                // Lower case beyond ASCII: String's.
                                let key = TaggingRun.nameKey(String(decoding: form[..<firstSpace], as: UTF8.self)) + " "
                                    + TaggingRun.nameKey(String(decoding: form[(lastSpace + 1)...], as: UTF8.self))
                                batch.append((0..<0, key, Int32(index)))
                            } else {
                                let start = keys.count
                                for b in form[..<firstSpace] { keys.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
                                keys.append(0x20)
                                for b in form[(lastSpace + 1)...] { keys.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
                                batch.append((start..<keys.count, nil, Int32(index)))
                            }
                            if batch.count == 16 { insert(&batch, &keys, into: &byEnds) }
                        }
                    }
                }
            }
        }
        insert(&batch, &keys, into: &byEnds)
        return byEnds
    }

    private static func insert(_ batch: inout [(key: Range<Int>, text: String?, entry: Int32)], _ keys: inout [UInt8], into table: inout FormTable) {
        keys.withUnsafeBytes { k in
            for item in batch where item.text == nil { table.prefetch(UnsafeRawBufferPointer(rebasing: k[item.key]), tag: 0) }
            for item in batch {
                if let text = item.text {
                    _ = table.insertIfAbsent(text, tag: 0, value: item.entry)
                } else {
                    _ = table.insertIfAbsent(UnsafeRawBufferPointer(rebasing: k[item.key]), tag: 0, value: item.entry)
                }
            }
        }
        keys.removeAll(keepingCapacity: true)
        batch.removeAll(keepingCapacity: true)
    }

    public func tag(_ document: Document, segmentation: Segmentation) -> [Mention] {
        tag(view: TokenView(document: document, segmentation: segmentation, matcher: matcher))
    }

    func tag(view: TokenView) -> [Mention] {
        var run = TaggingRun(view: view, tagger: self)
        return run.run()
    }
}

/// A flat-layer candidate over tokens `[start, end)`.
struct Candidate {
    var start: Int
    var end: Int
    var label: EntityLabel
    var references: [Reference]
    var provenance: Provenance
    /// Breaks ties between candidates of equal length: higher wins.
    var priority: Int

    var length: Int { end - start }
}

/// The state of tagging one document.
struct TaggingRun {
    let view: TokenView
    let tagger: EntityTagger
    var lexicon: Lexicon { tagger.lexicon }
    var matcher: PhraseMatcher { tagger.matcher }

    var candidates: [Candidate] = []
    /// Merged title spans (token ranges), before the check that a name is attached.
    var titles: [Range<Int>] = []
    /// People found so far: key token text -> reference (full names, first and last tokens).
    var knownNameParts: [String: Reference] = [:]
    var chosen: [Candidate] = []

    let flatMatches: [PhraseMatcher.Match?]
    let titleMatches: [PhraseMatcher.Match?]

    init(view: TokenView, tagger: EntityTagger) {
        self.view = view
        self.tagger = tagger
        (flatMatches, titleMatches) = Self.matches(view, tagger.matcher)
    }

    mutating func run() -> [Mention] {
        lexiconPass()
        statePlaces()
        coordinatedPlaces()
        titlePass()
        personsAfterTitles()
        personsBeforeAppositions()
        personsAfterAppositions()
        organizationRules()
        geographicFeatures()
        resolveFlat()
        surnamesAndAcronyms()
        var mentions = chosen.map { c in
            Mention(label: c.label, span: view.span(c.start..<c.end), references: c.references, provenance: c.provenance)
        }
        mentions += keptTitles()
        let meetings = MeetingRules(view: view, flat: chosen).meetings()
        // A year inside a meeting's name ("Summit 2019") is part of the name, not a date.
        mentions += DateRules(view: view).dates().filter { date in !meetings.contains { $0.span.contains(date.span) } }
        mentions += meetings
        return mentions.sorted { a, b in
            a.span != b.span ? a.span < b.span : a.label < b.label
        }
    }

    // MARK: Lexicon

    /// The longest flat-layer lexicon match at token i.
    func flatMatch(at i: Int) -> PhraseMatcher.Match? { i >= 0 && i < flatMatches.count ? flatMatches[i] : nil }

    func titleMatch(at i: Int) -> PhraseMatcher.Match? { i >= 0 && i < titleMatches.count ? titleMatches[i] : nil }

    /// The longest flat-layer and title matches at every token, looked up once: the rules
    /// ask for them again and again.
    static func matches(_ view: TokenView, _ matcher: PhraseMatcher) -> (flat: [PhraseMatcher.Match?], titles: [PhraseMatcher.Match?]) {
        var flat = [PhraseMatcher.Match?](repeating: nil, count: view.count)
        var titles = [PhraseMatcher.Match?](repeating: nil, count: view.count)
        let lexicon = matcher.lexicon
        let flatFilter = PhraseMatcher.Filter(
            exact: { label, _ in label.isFlat },
            alternate: { label, k in
                label == .person || label == .place || label == .organization && lexicon.entry(at: k).name.contains(" ")
            })
        let titleFilter = PhraseMatcher.Filter(exact: { label, _ in label == .title }, alternate: { label, _ in label == .title })
        for i in 0..<view.count where view.keys[i] >= 0 || view.alternates[i] >= 0 {
            (flat[i], titles[i]) = matcher.longestMatches(
                keys: view.keys, alternates: view.alternates, from: i, upTo: view.sentenceEnd[i], flatFilter, titleFilter)
        }
        return (flat, titles)
    }

    static func reference(_ e: LexiconEntry) -> Reference { Reference(id: e.id, name: e.name) }

    /// Lexicon matches of places, organizations and full person names. A single-token form
    /// of a person (a surname) is left for the surname rule, which needs context.
    mutating func lexiconPass() {
        for i in 0..<view.count where view.keys[i] >= 0 || view.alternates[i] >= 0 {
            guard let m = flatMatch(at: i) else { continue }
            // "Strategic Partnership Agreement (SPA)": the acronym of an agreement is none of
            // the lexicon's bodies that share it (GUIDELINES: agreements are not entities).
            if m.end == i + 1, i >= 3, view[i - 1] == "(", m.end < view.count, view[m.end] == ")",
               Self.agreementNouns.contains(view[i - 2]),
               (max(0, i - 12)..<i - 2).contains(where: { view.isCapitalized($0) && Self.abbreviates(view[i], view.text($0..<i - 1)) }) { continue }
            // Prefer places, then organizations, then people when one form names several.
            let ranked = m.entries.sorted { rank($0.label) > rank($1.label) }
            let entry = ranked[0]
            // "Trans-Pacific", "pan-African": a prefix makes an adjective of a region's name.
            if entry.label == .place, i >= 2, view[i - 1] == "-", view.joined(i - 2), view.joined(i - 1),
               Self.adjectivePrefixes.contains(view[i - 2].lowercased()) { continue }
            // A sea named by one word before another word is an adjective: "the Pacific trade
            // bloc", "the Pacific Bond Policy", "Mediterranean countries"; not "in the Pacific"
            // or "the Pacific region".
            if m.end == i + 1, m.end < view.count, view.isWord(m.end), view.sameLine(i), !Self.afterSeaName.contains(view[m.end]),
               entry.label == .place, entry.roles.contains("sea") { continue }
            if entry.label == .person && m.end - m.start == 1 {
                // A lone surname: only with a title (personsAfterTitles) or a full name seen.
                if let place = m.entries.first(where: { $0.label != .person }) {
                    add(m, entry: place)
                }
                continue
            }
            add(m, entry: entry)
        }
    }

    /// Words after a sea's one-word name that leave it a name: "the Pacific and ...", "the
    /// Pacific is ...", "the Pacific region".
    static let afterSeaName: WordSet = [
        "and", "or", "of", "in", "to", "with", "as", "at", "by", "for", "from", "on", "is", "was", "are",
        "were", "has", "have", "had", "which", "that", "where", "while", "but", "through", "into", "remains",
        // "the Pacific region" names the region, as "the Asia-Pacific region" does.
        "region", "regions",
    ]

    /// Last words of the names of agreements, treaties and the like.
    static let agreementNouns: WordSet = [
        "Agreement", "Partnership", "Treaty", "Framework", "Initiative", "Arrangement", "Accord",
        "Convention", "Pact", "Declaration", "Programme", "Program", "Strategy", "Plan",
    ]

    /// Prefixes that make a geographic adjective of a region's name joined to them by a hyphen
    /// ("Trans-Pacific Partnership", "pan-African", "sub-Saharan"). Not "anti-" or "pro-":
    /// "anti-Japan demonstrations" are about the country, which stays tagged.
    static let adjectivePrefixes: WordSet = ["trans", "pan", "sub", "inter", "intra", "cross"]

    /// "Republic of Germany", "Federal Republic of Somalia": a form of state, "of" and a
    /// country of the lexicon, where the lexicon lacks the whole name. One Place, the country.
    func statePlace(at j: Int) -> (end: Int, entry: LexiconEntry)? {
        var k = j
        while k < view.count, k - j < 3, Self.stateModifiers.contains(view[k]) { k += 1 }
        guard k + 2 < view.count, Self.stateNouns.contains(view[k]), view[k + 1] == "of",
              (j..<k + 2).allSatisfy({ view.sameLine($0) }),
              let country = flatMatch(at: k + 2), let entry = country.entries.first(where: Self.isCountry),
              (flatMatch(at: j)?.end ?? 0) < country.end else { return nil }
        return (country.end, entry)
    }

    static func isCountry(_ e: LexiconEntry) -> Bool {
        e.label == .place && e.id.utf8.count == 3 && e.id.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    static let stateNouns: WordSet = [
        "Republic", "Kingdom", "State", "Sultanate", "Principality", "Commonwealth", "Federation",
        "Emirate", "Duchy", "Confederation",
    ]
    static let stateModifiers: WordSet = [
        "Federal", "Islamic", "Democratic", "Socialist", "Arab", "United", "Bolivarian", "Plurinational",
        "Hashemite", "Independent", "Grand", "Oriental", "Cooperative", "Co-operative", "Federative",
    ]

    mutating func statePlaces() {
        var i = 0
        while i < view.count {
            // Cheap tests first: a capitalized word before "of" or another capitalized word.
            guard view.isCapitalized(i), i + 2 < view.count, view.isCapitalized(i + 1) || view[i + 1] == "of",
                  Self.stateNouns.contains(view[i]) || Self.stateModifiers.contains(view[i]),
                  let (end, entry) = statePlace(at: i) else { i += 1; continue }
            candidates.append(Candidate(start: i, end: end, label: .place, references: [Self.reference(entry)],
                                        provenance: .from(entry, rule: "state-name"), priority: 1))
            i = end
        }
    }

    /// "East and South China Sea": one Place span normalized to both seas.
    mutating func coordinatedPlaces() {
        for c in candidates where c.label == .place && c.length >= 2 && c.start >= 2 {
            let w = c.start - 2
            guard view[c.start - 1] == "and", view.isCapitalized(w), view.sameLine(w), view.sameLine(c.start - 1) else { continue }
            let form = view[w] + " " + view.text((c.start + 1)..<c.end)
            guard let other = lexicon.entry(alias: form, label: .place) else { continue }
            candidates.append(Candidate(start: w, end: c.end, label: .place,
                                        references: [Self.reference(other)] + c.references,
                                        provenance: Provenance(rule: "coordinated-places"), priority: 2))
        }
        // With a plural head: "the East and South China Seas" is the East China Sea and the
        // South China Sea.
        var k = 1
        while k + 2 < view.count {
            defer { k += 1 }
            guard view[k] == "and", view.isCapitalized(k - 1), view.isCapitalized(k + 1), view.sameLine(k - 1), view.sameLine(k) else { continue }
            for end in (k + 3)...min(view.count, k + 5) {
                let head = view[end - 1]
                guard head.count > 3, head.hasSuffix("s"), view.isCapitalized(end - 1), view.sameLine(end - 2) else { continue }
                let singular = (end - 1 > k + 2 ? " " + view.text((k + 2)..<(end - 1)) : "") + " " + head.dropLast()
                guard let second = lexicon.entry(alias: view[k + 1] + singular, label: .place),
                      let first = lexicon.entry(alias: view[k - 1] + singular, label: .place) else { continue }
                candidates.append(Candidate(start: k - 1, end: end, label: .place,
                                            references: [Self.reference(first), Self.reference(second)],
                                            provenance: Provenance(rule: "coordinated-places"), priority: 2))
                break
            }
        }
    }

    private func rank(_ label: EntityLabel) -> Int {
        switch label {
        case .place: 3
        case .organization: 2
        case .person: 1
        default: 0
        }
    }

    private mutating func add(_ m: PhraseMatcher.Match, entry: LexiconEntry) {
        guard !isCommonWordMatch(m) else { return }
        candidates.append(Candidate(start: m.start, end: m.end, label: entry.label,
                                    references: [Self.reference(entry)],
                                    provenance: .from(entry, rule: "lexicon"), priority: 2))
        if entry.label == .person { remember(person: Self.reference(entry), tokens: m.start..<m.end) }
    }

    /// A one-word match that is really a common word: lower case text, or a capitalized
    /// sentence-initial word that the lexicon has in another case.
    private func isCommonWordMatch(_ m: PhraseMatcher.Match) -> Bool {
        guard m.end - m.start == 1 else { return false }
        let text = view[m.start]
        if let first = text.unicodeScalars.first, first.properties.isLowercase { return true }
        return false
    }

    mutating func remember(person: Reference, tokens: Range<Int>) {
        for i in tokens where view.isWord(i) && view[i].count > 1 {
            let key = Self.nameKey(view[i])
            if knownNameParts[key] == nil { knownNameParts[key] = person }
        }
        // A hyphenated part as a whole: "El-Sisi" of "Abdel Fattah El-Sisi".
        var i = tokens.lowerBound
        while i < tokens.upperBound {
            let end = view.hyphenatedWordEnd(from: i, limit: tokens.upperBound)
            if end - i > 1 {
                let key = Self.nameKey(view.text(i..<end))
                if knownNameParts[key] == nil { knownNameParts[key] = person }
            }
            i = max(end, i + 1)
        }
    }

    /// Name parts match regardless of ALL-CAPS styling ("HAYASHI" = "Hayashi").
    static func nameKey(_ s: String) -> String { s.lowercased() }

    // MARK: Titles

    /// Title spans: consecutive title words form one title ("H.E. Dr."), as do "X and Y"
    /// chains of titles; a nationality word before a title and "of <place or organization>"
    /// after it belong to it.
    mutating func titlePass() {
        var i = 0
        while i < view.count {
            guard let first = titleMatch(at: i) ?? lowercaseRole(at: i) else { i += 1; continue }
            // "HE" (His Excellency) before a word in capitals is the pronoun of an all-caps line.
            if first.end == i + 1, view[i] == "HE", view.isAllCaps(i + 1) || !view.isCapitalized(i + 1) { i += 1; continue }
            // "General Council", "Secretary Office": a title word naming a body is not a title.
            if first.end < view.count, view.sameLine(first.end - 1), OrganizationRules.heads.contains(view[first.end]) {
                i = first.end
                continue
            }
            var start = first.start
            var end = first.end
            // A nationality adjective right before: "Japanese Foreign Minister".
            if start > 0, view.sameLine(start - 1) {
                if lexicon.demonyms[view[start - 1]] != nil {
                    start -= 1
                    if start > 0, view.sameLine(start - 1), lexicon.demonyms[view[start - 1] + " " + view[start]] != nil { start -= 1 }
                }
            }
            // "former President", "Acting Foreign Minister".
            if start > 0, view.sameLine(start - 1), Self.titlePrefixes.contains(view[start - 1]) { start -= 1 }
            while end < view.count {
                if view.sameLine(end - 1), let next = titleMatch(at: end) {
                    end = next.end
                    continue
                }
                // "Senator the Hon Penny Wong": an honorific after "the".
                if view[end] == "the", view.sameLine(end - 1), view.sameLine(end), end + 1 < view.count,
                   let next = titleMatch(at: end + 1), isBareHonorific(next) {
                    end = next.end
                    continue
                }
                // "Deputy Prime Minister/Foreign Minister": offices joined by a slash.
                if view[end] == "/", view.joined(end - 1), view.joined(end), let next = titleMatch(at: end + 1), !isBareHonorific(next) {
                    end = next.end
                    continue
                }
                if view[end] == "and", view.sameLine(end - 1), end + 1 < view.count, let next = titleMatch(at: end + 1),
                   !isBareHonorific(next), !isRoleThenTitledName(start..<end, next, earlier: titles) {
                    end = next.end
                    continue
                }
                // "Minister of Foreign Affairs and Trade", "Minister of Foreign Affairs, Trade and Development".
                if isOfficeField(end - 1), moreOfficeFields(at: end) {
                    end += 1
                    while isOfficeField(end) { end += 1 }
                    continue
                }
                // "Ambassador to Japan", "Permanent Representative of China to the United Nations".
                if view[end] == "to", view.sameLine(end - 1), (start..<end).contains(where: { Self.envoyWords.contains(view[$0]) }),
                   let extended = placeOrBody(at: end + 1 < view.count && view[end + 1] == "the" ? end + 2 : end + 1) {
                    end = extended
                    continue
                }
                if let extended = titleComplement(after: end) {
                    end = extended
                    continue
                }
                // "Director-General, Department of Asian Affairs, Ministry of Foreign Affairs";
                // "Deputy Prime Minister, Socialist Republic of Viet Nam".
                if view[end] == ",", view.sameLine(end), end + 1 < view.count, let next = bodyAfterComma(end + 1) {
                    end = next
                    continue
                }
                break
            }
            titles.append(start..<end)
            i = end
        }
    }

    /// "The Secretary and Foreign Minister Kono": after "the", a role that an earlier title
    /// gave someone, then "and" and a title right before a name, are two people, not one
    /// title ("Deputy Prime Minister and Minister of Foreign Affairs Bui Thanh Son" has no
    /// "the").
    func isRoleThenTitledName(_ role: Range<Int>, _ next: PhraseMatcher.Match, earlier: [Range<Int>]) -> Bool {
        guard role.lowerBound > 0, view[role.lowerBound - 1].lowercased() == "the", next.end < view.count,
              view.isCapitalized(next.end), titleMatch(at: next.end) == nil else { return false }
        let words = role.map { view[$0].lowercased() }
        // Each office of "High Representative/Vice-President" counts on its own.
        let offices = earlier.flatMap { t in t.split { view[$0] == "/" } }
        return offices.contains { t in t.count >= words.count && t.suffix(words.count).map { view[$0].lowercased() } == words }
    }

    /// A title word written in lower case as a role after a comma, when its field or country
    /// follows: "Kang Kyung-wha, minister of Foreign Affairs of the ROK".
    ///
    /// Also after a nationality word, when a name follows: "North Korean leader Kim Jong Un".
    func lowercaseRole(at i: Int) -> PhraseMatcher.Match? {
        guard i >= 1, i + 1 < view.count, view.isLowercaseWord(i) else { return nil }
        let afterComma = i >= 2 && view[i - 1] == ","
        let afterNationality = view.isCapitalized(i + 1) && view.sameLine(i - 1) && view.sameLine(i)
            && lexicon.demonyms[view[i - 1]] != nil
        guard afterComma || afterNationality else { return nil }
        let word = view[i]
        guard let entry = lexicon.entry(alias: word.prefix(1).uppercased() + word.dropFirst(), label: .title),
              !entry.roles.contains("honorific"), afterNationality || titleComplement(after: i + 1) != nil else { return nil }
        return PhraseMatcher.Match(start: i, end: i + 1, entries: [entry])
    }

    /// An organization, or a country's official name, that continues a title after a comma.
    func bodyAfterComma(_ j: Int) -> Int? {
        if let m = flatMatch(at: j), let entry = m.entries.first, entry.label != .person {
            let text = view.text(m.start..<m.end)
            if entry.label == .organization || ["Republic", "Kingdom", "Federation", "Commonwealth", "State of"].contains(where: text.contains) {
                return m.end
            }
        }
        return organizationAt(j)
    }

    /// Fields of office in titles ("Minister of the Environment", "Minister for Foreign Affairs").
    static let officeFields: WordSet = [
        "Foreign", "Affairs", "External", "Defense", "Defence", "Environment", "Finance", "Trade",
        "Economy", "Economic", "Industry", "Justice", "Health", "Education", "Home", "Interior",
        "Internal", "Labour", "Labor", "Agriculture", "Culture", "Energy", "Transport", "Infrastructure",
        "Land", "Tourism", "Science", "Technology", "Commerce", "Development", "International",
        "Cooperation", "Security", "Europe", "European", "Commonwealth", "State", "Political", "Public",
        "Safety", "Digital", "Communications", "Information", "Overseas", "National", "Policy",
        "Reconstruction", "Strategy", "Planning", "Investment", "Welfare", "Women", "Family", "Youth",
        "Sports", "Veterans", "Social", "Human", "Rights", "Climate", "Change", "Natural", "Resources",
        "Fisheries", "Forestry", "Water", "Maritime", "Ocean", "Oceans", "Fiscal", "Budget", "Treasury",
        "Legal", "Multilateral", "Bilateral", "Global", "Issues", "Disarmament", "Non-Proliferation",
        "Relations", "Unification", "Asian", "Oceanian", "Northeast", "Southeast", "Middle", "Eastern",
        "African", "American", "Latin", "Pacific", "Consular", "Protocol", "Administration", "Affair",
        "Regional", "Revitalization", "Okinawa", "Northern", "Territories", "Gender", "Equality",
        "Immigration", "Emergency", "Management", "Communication", "Economics", "Research",
        "Worship", "Religion", "Religious", "Diaspora", "Expatriates", "Emigration", "Migration",
        "Integration", "Francophonie", "Solidarity", "Indigenous", "Arts", "Heritage", "Sport",
        "Mines", "Mining", "Petroleum", "Housing", "Urban", "Rural", "Aviation", "Wellbeing",
        "Union", "Nationals", "Abroad", "Republic",
    ]

    func isOfficeField(_ i: Int) -> Bool {
        guard i >= 0, i < view.count, view.isCapitalized(i) else { return false }
        if Self.officeFields.contains(view[i]) { return true }
        // A nationality before a field: "Emigration and Egyptian Expatriates".
        return i + 1 < view.count && lexicon.demonyms[view[i]] != nil && view.sameLine(i)
            && view.isCapitalized(i + 1) && Self.officeFields.contains(view[i + 1])
    }

    private func isBareHonorific(_ m: PhraseMatcher.Match) -> Bool {
        m.entries.allSatisfy { $0.roles.contains("honorific") }
    }

    /// Words before a title that belong to it: "former President", "Acting Foreign Minister".
    static let titlePrefixes: WordSet = [
        "former", "Former", "Acting", "acting", "Interim", "interim", "Incoming", "incoming", "Outgoing", "outgoing",
    ]

    /// Title words of envoys, whose title goes on with "to <country or body>".
    static let envoyWords: WordSet = ["Ambassador", "Representative", "Envoy", "Delegate", "Observer", "Consul"]

    /// The end of a place or an organization starting at token j, if one does.
    func placeOrBody(at j: Int) -> Int? {
        guard j < view.count else { return nil }
        if let m = flatMatch(at: j), m.entries.contains(where: { $0.label != .person }) { return m.end }
        return organizationAt(j)
    }

    /// "for Foreign Affairs", "of Defense", "of the Environment", "of Japan",
    /// "of the Republic of Korea (ROK)" after a title: the end token, or nil.
    func titleComplement(after end: Int) -> Int? {
        guard end < view.count, view[end] == "of" || view[end] == "for", view.sameLine(end - 1) else { return nil }
        var j = end + 1
        if j < view.count, view[j] == "the" { j += 1 }
        guard j < view.count, view.isCapitalized(j) || view.tokens[j].kind == .number else { return nil }
        if view[end] == "of", let k = statePlace(at: j)?.end { return k }
        if view[end] == "of", let place = flatMatch(at: j), place.entries.contains(where: { $0.label != .person }) {
            var k = place.end
            if k + 2 < view.count, view[k] == "(", view.isAllCaps(k + 1), view[k + 2] == ")" { k += 3 }
            return k
        }
        if let org = organizationAt(j) { return org }
        // "Minister of State for the Indo-Pacific": a region or country after "for" (not a
        // possessor: "thanked the Prime Minister for Japan's support").
        if view[end] == "for", let place = flatMatch(at: j), place.entries.contains(where: { $0.label == .place }),
           !(place.end < view.count && ["\u{2019}s", "'s", "\u{2019}", "'"].contains(view[place.end])) {
            return place.end
        }
        // A field of office: "for Foreign Affairs", "of the Environment", and a list of them:
        // "of Foreign Affairs, Trade and Development".
        var k = j
        while isOfficeField(k) {
            k += 1
            if moreOfficeFields(at: k) { k += 1 }
        }
        return k > j ? k : nil
    }

    /// Whether token k joins the field of office before it to more fields: "and" or "&"
    /// and a field ("Foreign Affairs and Trade"), or a comma in a list that ends with "and"
    /// and a field ("Foreign Affairs, Trade and Development").
    func moreOfficeFields(at k: Int) -> Bool {
        guard k + 1 < view.count, isOfficeField(k + 1) else { return false }
        if view[k] == "and" || view[k] == "&" { return true }
        return view[k] == "," && view.sameLine(k) && listGoesOnWithAnd(from: k + 1)
    }

    /// Whether the office fields from token k run on to "and" + a field ("Trade and
    /// Development" in "of Foreign Affairs, Trade and Development").
    func listGoesOnWithAnd(from k: Int) -> Bool {
        var i = k
        while isOfficeField(i) { i += 1 }
        return i > k && i + 1 < view.count && (view[i] == "and" || view[i] == "&" || view[i] == ",") && isOfficeField(i + 1)
            && (view[i] != "," || listGoesOnWithAnd(from: i + 1))
    }

    /// The end of an organization found by rule starting exactly at token j, if any.
    func organizationAt(_ j: Int) -> Int? {
        OrganizationRules(view: view, run: self).match(at: j).map(\.end)
    }

    // MARK: People after titles

    static let nameStopWords: WordSet = WordSet([
        "The", "A", "An", "And", "Of", "In", "On", "At", "To", "For", "With", "By", "From", "As",
        "He", "She", "They", "It", "His", "Her", "Their", "This", "That", "Minister", "Ministers",
        "Meeting", "Summit", "Talk", "Talks", "Conversation", "Call", "Dialogue", "Foreign",
        "Affairs", "Government", "Office", "Ministry", "Visit", "Statement", "Also", "Both",
        "Bilateral", "Trilateral",
    ]).union(headlineWords)

    /// Headline verbs and nouns: "Foreign Minister Meets with ...", "Wang Yi Holds Talks".
    static let headlineWords: WordSet = [
        "Meets", "Holds", "Visits", "Calls", "Receives", "Says", "Attends", "Hosts", "Speaks", "Pays",
        "Welcomes", "Congratulates", "Discusses", "Concludes", "Signs", "Joins", "Leaves", "Arrives",
        "Delivers", "Gives", "Makes", "Stresses", "Urges", "Condemns", "Expresses", "Thanks", "Talks",
        "Telephone", "Phone", "Courtesy", "Press", "Release", "Readout", "Overview", "Summary",
        // The past of the headline verbs: "Minister Hakan Fidan Met with ...".
        "Met", "Held", "Visited", "Called", "Received", "Said", "Attended", "Hosted", "Spoke", "Paid",
        "Welcomed", "Congratulated", "Discussed", "Concluded", "Signed", "Joined", "Arrived", "Delivered",
        "Urged", "Condemned", "Expressed", "Thanked", "Talked",
        // Verbs of protest and of statements: "Sun Weidong Lodges Solemn Representations".
        "Lodges", "Lodged", "Summons", "Summoned", "Protests", "Protested", "Rejects", "Rejected",
        "Opposes", "Opposed", "Reaffirms", "Reaffirmed", "Agrees", "Agreed", "Sends", "Sent",
        "Exchanges", "Exchanged", "Emphasizes", "Emphasized", "Underlines", "Underlined", "Briefs",
        "Briefed", "Raises", "Raised", "Supports", "Supported", "Hails", "Hailed", "Praises", "Praised",
        // The plural of two people: "Secretary Manalo, Foreign Minister Iwaya Hold Bilateral Meeting".
        "Hold", "Meet", "Discuss", "Sign", "Reaffirm", "Agree", "Pledge", "Pledges", "Vow", "Vows",
    ]

    /// The name tokens starting at i: capitalized words, initials ("J."), hyphenated parts
    /// ("Byung-se"), at most five words. Returns the end token, or nil when there is no name.
    func nameEnd(from i: Int) -> Int? {
        var j = i
        var words = 0
        while j < view.count, words < 5 {
            guard view.isCapitalized(j), !Self.nameStopWords.contains(view.listForm(j)), !OrganizationRules.heads.contains(view.listForm(j)) else { break }
            if j > i, titleMatch(at: j) != nil { break }
            if j > i, let m = flatMatch(at: j), !m.entries.contains(where: { $0.label == .person }) { break }
            // "Byung-se", "Jong-un": hyphen and a word, no spaces.
            var k = view.hyphenatedWordEnd(from: j, limit: view.count)
            // An initial: "J." or "L.P."
            if k < view.count, view[k] == ".", view.joined(k - 1),
               view[j].allSatisfy({ $0.isUppercase || $0 == "." }), view[j].count <= 4 {
                k += 1
            }
            words += 1
            j = k
            guard j < view.count, view.sameLine(j - 1), !view.joined(j - 1) || view[j - 1] == "." else { break }
            // A lower-case particle inside a name: "Lula da Silva", "Ursula von der Leyen".
            var p = j
            while p < view.count, p - j < 2, Self.nameParticles.contains(view[p]), view.sameLine(p) { p += 1 }
            if p > j, p < view.count, view.isCapitalized(p), !Self.nameStopWords.contains(view.listForm(p)) { j = p }
        }
        // A name does not end on an initial alone ("Shri" is a title; "J." needs a surname).
        return j > i ? j : nil
    }

    /// Words that link a name to a father's: "bin", "ibn".
    static let patronymics: WordSet = ["bin", "binti", "bint", "ibn"]

    static let nameParticles: WordSet = ["da", "de", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "ter", "bin", "binti", "al", "el", "la", "le", "ibn", "y"]

    mutating func personsAfterTitles() {
        for title in titles {
            let i = title.upperBound
            guard i < view.count, view.sameLine(i - 1) else { continue }
            if view[i] == "," { continue }
            guard let end = nameEnd(from: i) else { continue }
            // A trailing initial without a following surname is not part of the name.
            var e = end
            while e - 2 > i, view[e - 1] == "." { e -= 2 }
            guard e > i, view.isWord(e - 1) else { continue }
            // A family name, a comma and a hyphenated given name, then a verb: "Minister of
            // Foreign Affairs Kang, Kyung-wha had a meeting".
            if e == i + 1, e + 2 < view.count, view[e] == ",", view.sameLine(e), view.isCapitalized(e + 1) {
                let given = view.hyphenatedWordEnd(from: e + 1, limit: view.count)
                if given > e + 2, given < view.count, view.isLowercaseWord(given), view.isLowercaseWord(given - 1) { e = given }
            }
            let reference = resolvePerson(tokens: i..<e)
            candidates.append(Candidate(start: i, end: e, label: .person, references: [reference.0],
                                        provenance: reference.1, priority: 3))
            remember(person: reference.0, tokens: i..<e)
        }
    }

    /// A name set off before a role: "Li Baodong, Permanent Representative of ...".
    mutating func personsBeforeAppositions() {
        for title in titles where title.lowerBound >= 3 && view[title.lowerBound - 1] == "," {
            let end = title.lowerBound - 1
            var start = end
            while start > 0, end - start < 4, view.sameLine(start - 1) {
                let k = start - 1
                // Not into another title: "Minister of Defense Kono Taro, Minister of ...".
                guard view.isCapitalized(k), !Self.nameStopWords.contains(view.listForm(k)),
                      !OrganizationRules.heads.contains(view.listForm(k)), !isTitleWord(k), lexicon.demonyms[view[k]] == nil
                else { break }
                if let m = flatMatch(at: k), !m.entries.contains(where: { $0.label == .person }) { break }
                start = k
            }
            // Hyphenated given names: "Cho Sei-young" reads as "Cho", "Sei", "-", "young".
            guard end - start >= 2 else { continue }
            if start > 0, view.sameLine(start - 1), view.isCapitalized(start - 1) { continue }
            guard let nameEnd = nameEnd(from: start), nameEnd == end else { continue }
            addApposedPerson(start..<end)
        }
    }

    /// A name set off after a role: "The Foreign Secretary, Ekene Adaeze, met ...", "Kenya's
    /// Cabinet Secretary, Ekene Adaeze, ...". The role follows "the" or a possessive (or opens
    /// the sentence) and the name is closed by a second comma, or by the full stop that ends
    /// the sentence ("... with the Minister of Foreign Affairs of Spain, José Albares."): a
    /// parenthetical name, not the next item of a list.
    mutating func personsAfterAppositions() {
        for title in titles where title.upperBound + 3 < view.count && view[title.upperBound] == "," {
            let s = title.lowerBound
            // "the Minister of Defense, X Y,", "Japan's ...", "..., and Minister of Defense, X Y,".
            guard s == view.sentenceStart(s) || (s > 0 && ["the", "The", "\u{2019}s", "'s", "and"].contains(view[s - 1])) else { continue }
            let start = title.upperBound + 1
            guard view.sameLine(title.upperBound), let end = nameEnd(from: start), end - start >= 2 else { continue }
            // A postnominal title may close the name: "Simon Harris TD,".
            var close = end
            if close < view.count, view.isAllCaps(close), let t = titleMatch(at: close), t.end == close + 1 { close += 1 }
            guard close < view.count, view[close] == "," || view[close] == "." && view.sentenceEnd[close] == close + 1,
                  (start..<end).allSatisfy({ !isTitleWord($0) && lexicon.demonyms[view[$0]] == nil }),
                  flatMatch(at: start).map({ $0.entries.contains { $0.label == .person } }) ?? true else { continue }
            addApposedPerson(start..<end)
        }
    }

    /// A person found beside a role set off by a comma (rule `apposition-person`).
    private mutating func addApposedPerson(_ tokens: Range<Int>) {
        let (reference, provenance) = resolvePerson(tokens: tokens)
        candidates.append(Candidate(start: tokens.lowerBound, end: tokens.upperBound, label: .person, references: [reference],
                                    provenance: Provenance(rule: "apposition-person", lexicon: provenance.lexicon, line: provenance.line),
                                    priority: 2))
        remember(person: reference, tokens: tokens)
    }

    /// Whether token k starts a title form or lies inside a title span.
    func isTitleWord(_ k: Int) -> Bool {
        titleMatch(at: k) != nil || titles.contains { $0.contains(k) }
    }

    /// The person a name refers to: a lexicon form, a person met earlier, or a new slug id.
    func resolvePerson(tokens range: Range<Int>) -> (Reference, Provenance) {
        // A surname of someone met earlier in the document is that person ("Park Jin ...
        // Minister Park"), before any namesake in the lexicon.
        if range.count == 1, let known = knownNameParts[Self.nameKey(view[range.lowerBound])] {
            return (known, Provenance(rule: "title-surname"))
        }
        if range.count > 1, view.hyphenatedWordEnd(from: range.lowerBound, limit: range.upperBound) == range.upperBound,
           let known = knownNameParts[Self.nameKey(view.text(range))] {
            return (known, Provenance(rule: "title-surname"))
        }
        if let m = matcher.longestMatch(keys: view.keys, alternates: view.alternates, from: range.lowerBound,
                                        upTo: range.upperBound, accept: { $0.label == .person },
                                        acceptAlternate: { $0.label == .person }),
           m.end == range.upperBound, let entry = m.entries.first {
            return (Self.reference(entry), .from(entry, rule: range.count == 1 ? "title-surname" : "title-person"))
        }
        if range.count == 1, let known = knownNameParts[Self.nameKey(view[range.lowerBound])] {
            return (known, Provenance(rule: "title-surname"))
        }
        // A longer chain of the same patronymics: "Faisal bin Farhan bin Abdullah" is the
        // lexicon's "Faisal bin Farhan".
        if range.count > 3, let m = matcher.longestMatch(keys: view.keys, alternates: view.alternates, from: range.lowerBound,
                                                         upTo: range.upperBound, accept: { $0.label == .person },
                                                         acceptAlternate: { $0.label == .person }),
           m.end - range.lowerBound >= 3, m.end < range.upperBound, Self.patronymics.contains(view[m.end]), let entry = m.entries.first {
            return (Self.reference(entry), .from(entry, rule: "title-person"))
        }
        // "Antony J. Blinken" when the lexicon has "Antony Blinken": same first and last word.
        let words = range.filter { view.isWord($0) && view[$0].count > 1 }
        if words.count >= 2, let entry = personWithEnds(view[words.first!], view[words.last!]) {
            return (Self.reference(entry), .from(entry, rule: "title-person"))
        }
        let name = view.text(range)
        return (Reference(id: Self.slug(name), name: name), Provenance(rule: "title-person"))
    }

    func personWithEnds(_ first: String, _ last: String) -> LexiconEntry? {
        tagger.peopleByEnds.find(Self.nameKey(first) + " " + Self.nameKey(last), tag: 0).map { tagger.lexicon.entry(at: Int($0)) }
    }

    /// A lowercase ASCII slug: "Kamikawa Yoko" -> "kamikawa-yoko".
    static func slug(_ name: String) -> String {
        // An ASCII name has no diacritics: folding it only lowers the case (without Foundation).
        let folded = name.utf8.allSatisfy({ $0 < 0x80 })
            ? name.lowercased()
            : name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        // ASCII letters and digits, runs of anything else as one "-" (on bytes: every byte of a
        // character beyond ASCII is 0x80 or more).
        var out: [UInt8] = []
        var dash = false
        for b in folded.utf8 {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) {
                if dash, !out.isEmpty { out.append(0x2D) }
                dash = false
                out.append(b)
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "entity" : String(decoding: out, as: UTF8.self)
    }

    // MARK: Organizations by rule

    mutating func organizationRules() {
        let rules = OrganizationRules(view: view, run: self)
        var i = 0
        while i < view.count {
            if let m = rules.match(at: i) {
                candidates.append(Candidate(start: m.start, end: m.end, label: .organization,
                                            references: [Reference(id: Self.slug(view.text(m.start..<m.end)), name: view.text(m.start..<m.end))],
                                            provenance: Provenance(rule: m.rule), priority: 1))
                i = m.end
            } else {
                i += 1
            }
        }
    }

    // MARK: Places by rule

    /// Heads of geographic names that no lexicon can list in full: "the Danjo Islands",
    /// "Jeju Island", "Manila Bay".
    static let geographicHeads: WordSet = [
        "Islands", "Island", "Isles", "Strait", "Straits", "Peninsula", "Archipelago", "Atoll", "Reef",
        "Gulf", "Bay", "Sea",
    ]

    /// One to three capitalized words and a geographic head, where the head ends the name
    /// ("Pacific Islands Forum" is an organization, left to the lexicon and the head rule).
    mutating func geographicFeatures() {
        for h in 1..<max(1, view.count) where Self.geographicHeads.contains(view[h]) && view.isCapitalized(h) {
            if h + 1 < view.count, view.sameLine(h), view.isCapitalized(h + 1) || view[h + 1] == "-" { continue }
            var start = h
            while start > 0, h - start < 3, view.sameLine(start - 1), view.isCapitalized(start - 1),
                  !OrganizationRules.openers.contains(view[start - 1]), !Self.geographicHeads.contains(view[start - 1]),
                  !isTitleWord(start - 1) {
                start -= 1
            }
            guard start < h else { continue }
            let name = view.text(start..<(h + 1))
            candidates.append(Candidate(start: start, end: h + 1, label: .place,
                                        references: [Reference(id: Self.slug(name), name: name)],
                                        provenance: Provenance(rule: "geographic-head"), priority: 1))
        }
    }

    // MARK: Resolution

    /// Longest candidate first; ties go to the higher priority, then to the earlier start.
    mutating func resolveFlat() {
        let ordered = candidates.sorted {
            $0.length != $1.length ? $0.length > $1.length
                : $0.priority != $1.priority ? $0.priority > $1.priority : $0.start < $1.start
        }
        var taken = [Bool](repeating: false, count: view.count)
        for c in ordered where !taken[c.start..<c.end].contains(true) {
            for k in c.start..<c.end { taken[k] = true }
            chosen.append(c)
        }
        chosen.sort { $0.start < $1.start }
    }

    /// Later passes that need the resolved layer: an acronym in parentheses after an entity
    /// becomes its alias for the document, and a surname or given name of a person met in the
    /// document is that person.
    mutating func surnamesAndAcronyms() {
        var taken = [Bool](repeating: false, count: view.count)
        for c in chosen { for k in c.start..<c.end { taken[k] = true } }
        for c in chosen where c.label == .person {
            remember(person: c.references[0], tokens: c.start..<c.end)
        }
        var acronyms: [String: Candidate] = [:]
        for c in chosen where c.end + 2 < view.count && view[c.end] == "(" && view[c.end + 2] == ")" {
            let a = c.end + 1
            guard view.isAllCaps(a), view[a].count >= 2, !taken[a],
                  Self.abbreviates(view[a], view.text(c.start..<c.end)) else { continue }
            acronyms[view[a]] = c
        }
        var added: [Candidate] = []
        for i in 0..<view.count where !taken[i] && view.isWord(i) {
            if let source = acronyms[view[i]] {
                added.append(Candidate(start: i, end: i + 1, label: source.label, references: source.references,
                                       provenance: Provenance(rule: "acronym-alias"), priority: 2))
                taken[i] = true
                continue
            }
            guard view.isCapitalized(i), view[i].count > 1, let person = knownNameParts[Self.nameKey(view[i])] else { continue }
            // Not the start of a longer capitalized phrase that is something else.
            if Self.nameStopWords.contains(view[i]) || lexicon.demonyms[view[i]] != nil { continue }
            if view.tokens[i].kind != .word { continue }
            var end = i + 1
            // A hyphenated name is known as a whole or not at all ("El-Sisi", not "El").
            let hyphenEnd = view.hyphenatedWordEnd(from: i, limit: view.count)
            if hyphenEnd > end {
                guard knownNameParts[Self.nameKey(view.text(i..<hyphenEnd))] == person else { continue }
                end = hyphenEnd
            } else if let e = nameEnd(from: i), e > end {
                // "Kishida Fumio" written out again but not in the lexicon: the whole name.
                let words = (i..<e).filter { view.isWord($0) }
                if words.allSatisfy({ knownNameParts[Self.nameKey(view[$0])] == person }) { end = e }
            }
            if (i..<end).contains(where: { taken[$0] }) { continue }
            added.append(Candidate(start: i, end: end, label: .person, references: [person],
                                   provenance: Provenance(rule: "known-name"), priority: 2))
            for k in i..<end { taken[k] = true }
        }
        chosen = (chosen + added).sorted { $0.start < $1.start }
    }

    /// Whether an acronym can stand for a name: same first letter, and its letters appear in
    /// the name in order ("ROK" for "Republic of Korea", not "FOIP" for "Indo-Pacific").
    static func abbreviates(_ acronym: String, _ name: String) -> Bool {
        let letters = acronym.filter(\.isLetter).uppercased()
        let source = name.uppercased()
        guard let first = letters.first, source.first == first else { return false }
        var remaining = Substring(source)
        for letter in letters {
            guard let found = remaining.firstIndex(of: letter) else { return false }
            remaining = remaining[remaining.index(after: found)...]
        }
        return true
    }

    /// Titles attached to a person: right before the name ("Minister Kamikawa"), or a role
    /// after a name, set off by a comma ("Kamikawa Yoko, Minister for Foreign Affairs of Japan"),
    /// or before a comma and a name ("the Prime Minister of Japan, H.E. Mr. Shinzo Abe", "The
    /// Foreign Secretary, David Lammy").
    static let locativePrepositions: WordSet = ["in", "at", "near", "from", "In", "At", "From"]

    func keptTitles() -> [Mention] {
        var personStarts = Set<Int>(), personEnds = Set<Int>()
        var flatEndingAt: [Int: Candidate] = [:]
        for c in chosen {
            if c.label == .person {
                personStarts.insert(c.start)
                personEnds.insert(c.end)
            }
            flatEndingAt[c.end] = c
        }
        var keptEnds = Set<Int>()
        var kept: [Mention] = []
        for (n, t) in titles.enumerated() {
            var start = t.lowerBound
            let before = personStarts.contains(t.upperBound)
            let afterComma = t.lowerBound >= 2 && view[t.lowerBound - 1] == ","
                && (personEnds.contains(t.lowerBound - 1) || keptEnds.contains(t.lowerBound - 1))
            // "Julie Bishop MP": an all-caps title right after a name.
            let postnominal = personEnds.contains(t.lowerBound) && view.isAllCaps(t.lowerBound) && t.count == 1
            // "Minister for Defence, the Hon Richard Marles": an article may open what follows.
            let next = t.upperBound + 1 < view.count && view[t.upperBound + 1].lowercased() == "the" ? t.upperBound + 2 : t.upperBound + 1
            var chained = false
            if n + 1 < titles.count, next < view.count, view[t.upperBound] == ",",
               titles[n + 1].lowerBound == next, personStarts.contains(titles[n + 1].upperBound) {
                chained = true
            }
            // "The Foreign Secretary, David Lammy, met ...": a role set off before a name.
            let apposition = next < view.count && view[t.upperBound] == "," && view.sameLine(t.upperBound)
                && personStarts.contains(next)
            guard before || afterComma || postnominal || chained || apposition else { continue }
            // "Republic of Korea Foreign Minister Cho": a country or body before the title.
            // Not a place that ends a locative phrase: "received at the palace in Jeddah
            // President Zelenskyy".
            if before, start > 0, view.sameLine(start - 1), let body = flatEndingAt[start],
               body.label != .person, body.start == 0 || view[body.start - 1] != "-",
               !(body.label == .place && body.start > 0 && Self.locativePrepositions.contains(view[body.start - 1])) {
                start = body.start
            }
            kept.append(Mention(label: .title, span: view.span(start..<t.upperBound), provenance: Provenance(rule: "title")))
            keptEnds.insert(t.upperBound)
        }
        return kept
    }
}
