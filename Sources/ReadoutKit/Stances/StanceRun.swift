/// The state of finding stances in one document.
struct StanceRun {
    let view: TokenView
    let tagger: StanceTagger
    let mentions: [Mention]
    let lower: [String]
    /// Flat-layer mention ending at each token (exclusive end index -> mention).
    var flatEndingAt: TokenMap<Mention>
    var flatStartingAt: TokenMap<Mention>
    /// Token ranges of the flat mentions, in order.
    var flatRanges: [(Range<Int>, Mention)] = []
    var titleRanges: [Range<Int>] = []
    var titleStartingAt: TokenMap<Range<Int>>
    var titleEndingAt: TokenMap<Range<Int>>
    /// Exclusive end tokens of the person mentions, ascending.
    var personEnds: [Int] = []
    var actors: [Span: Mention] = [:]
    /// The meeting's participants (people) and their countries (see ``MeetingExtractor``).
    var participants: [Reference] = []
    var countries: [Reference] = []
    /// Organizations named inside the document's meetings ("the 58th ASEAN Foreign Ministers'
    /// Meeting"): whose statement a "we" may be.
    var meetingOrganizations: [Reference] = []
    /// The country each participant represents (person id -> ISO code), where known.
    var participantCountries: [String: String] = [:]
    /// The year of the meeting, when the readout gives its date.
    var meetingYear: Int?
    /// Exclusive ends of the sentences written in title case (headlines: "Japan Condemns
    /// North Korea's Missile Launch"), where a cue verb is capitalized too.
    var headlineEnds: TokenSet
    /// The tokens that are quotation marks (" “ ”), in text order.
    var quoteMarks: [Int] = []
    /// The holder of the last stance or reporting verb, for "it is hoped that ...".
    var lastSpeaker: Holder?
    /// Whom the last plural subject stands for ("the two Ministers", "A and B"), for "they".
    var lastPlural: [Reference]?
    /// The readout's own principal when it never names them ("The Prime Minister met Prime
    /// Minister X"), from the meeting extractor.
    let principal: MeetingExtractor.Principal?

    /// Keeps a plural subject's referents for a later "they" (none leaves the last ones).
    mutating func remember(plural refs: [Reference]) {
        if !refs.isEmpty { lastPlural = refs }
    }

    struct Holder {
        var spans: [Span]
        var rule: String
    }

    init(view: TokenView, tagger: StanceTagger, mentions: [Mention], meeting: Meeting, principal: MeetingExtractor.Principal? = nil) {
        self.view = view
        self.tagger = tagger
        self.mentions = mentions
        self.participants = meeting.participants.map { Reference(id: $0.id, name: $0.name) }
        self.countries = meeting.countries
        self.meetingYear = meeting.date.flatMap { Int($0.prefix(4)) }
        for p in meeting.participants { if let country = p.country { participantCountries[p.id] = country } }
        self.principal = principal
        let meetingSpans = mentions.filter { $0.label == .meeting }.map(\.span)
        for m in mentions where m.label == .organization && meetingSpans.contains(where: { $0.contains(m.span) }) {
            for r in m.references where !meetingOrganizations.contains(r) { meetingOrganizations.append(r) }
        }
        self.lower = view.texts.map(TokenView.lowercased)
        headlineEnds = TokenSet(bound: view.count + 1)
        // " is 22, “ and ” are E2 80 9C and E2 80 9D in UTF-8: read on bytes.
        let bytes = view.document.bytes
        for (k, token) in view.tokens.enumerated() {
            let a = token.span.start, length = token.span.end - token.span.start
            if length == 1 && bytes[a] == 0x22 || length == 3 && bytes[a] == 0xE2 && bytes[a + 1] == 0x80 && (bytes[a + 2] == 0x9C || bytes[a + 2] == 0x9D) {
                quoteMarks.append(k)
            }
        }
        for sentence in view.sentences where Self.isTitleCase(sentence, view) { headlineEnds.insert(sentence.upperBound) }
        // Keys are token indexes and exclusive ends: 0...count.
        flatEndingAt = TokenMap(bound: view.count + 1)
        flatStartingAt = TokenMap(bound: view.count + 1)
        titleStartingAt = TokenMap(bound: view.count + 1)
        titleEndingAt = TokenMap(bound: view.count + 1)
        for m in mentions where m.label.isFlat || m.label == .title {
            guard let range = tokenRange(of: m.span) else { continue }
            if m.label == .title {
                titleRanges.append(range)
                titleStartingAt[range.lowerBound] = titleStartingAt[range.lowerBound] ?? range
                titleEndingAt[range.upperBound] = range
            } else {
                if m.label == .person { personEnds.append(range.upperBound) }
                flatEndingAt[range.upperBound] = m
                flatStartingAt[range.lowerBound] = m
                flatRanges.append((range, m))
            }
        }
    }

    /// The tokens a span covers.
    func tokenRange(of span: Span) -> Range<Int>? {
        let lo = view.firstToken(atOrAfter: span.start)
        var end = lo
        while end < view.count, view.tokens[end].span.end <= span.end { end += 1 }
        return end > lo ? lo..<end : nil
    }

    // MARK: Word classes

    static let skippable: WordSet = [
        "also", "again", "strongly", "firmly", "deeply", "once", "further", "fully", "highly", "extremely",
        "seriously", "gravely", "warmly", "eagerly", "sincerely", "greatly", "particularly", "repeatedly",
        "jointly", "both", "all", "each", "clearly", "totally", "completely", "very", "truly", "would",
        "will", "could", "can", "should", "shall", "may", "might", "must", "did", "do", "does", "had",
        "has", "have", "to", "not", "never", "continue", "continues", "continued", "already", "today",
        "then", "thus", "therefore", "equally", "likewise", "respectively", "personally", "immediately",
        "only", "still", "hereby", "wholeheartedly", "unanimously", "together", "keenly", "much",
        "reportedly", "earlier", "yesterday", "previously", "firmly", "resolutely", "categorically",
        "fundamentally", "readily", "actively", "n't", "cannot",
    ]
    /// Copulas: forms of be, and verbs that link a subject to an adjective the same way
    /// ("remained concerned", "felt regrettable", "stands ready to").
    static let beForms: WordSet = ["is", "are", "was", "were", "be", "been", "being", "remain", "remains", "remained", "feel", "felt", "stand", "stands", "stood", "'s", "\u{2019}s", "am"]
    static let determiners: WordSet = [
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
        "your", "any", "some", "no", "every", "each", "such",
    ]
    static let possessivePronouns: WordSet = ["her", "his", "their", "its", "our", "my", "your"]
    static let prepositions: WordSet = ["to", "of", "for", "in", "at", "on", "by", "with", "without", "from", "about", "into", "through", "toward", "towards", "upon", "over", "under"]
    /// Verbs that introduce a nominal cue: "expressed her appreciation", "reached agreement".
    static let lightVerbs: WordSet = [
        "express", "expressed", "expresses", "expressing", "convey", "conveyed", "conveys", "conveying",
        "extend", "extended", "extends", "reiterate", "reiterated", "reiterates", "reiterating", "voice",
        "voiced", "voices", "offer", "offered", "offers", "give", "gave", "gives", "state", "stated",
        "states", "share", "shared", "shares", "sharing", "show", "showed", "shows", "renew", "renewed",
        "renews", "made", "make", "makes", "lodge", "lodged", "lodges", "reach", "reached", "reaches",
        "register", "registered", "underline", "underlined", "emphasize", "emphasized", "emphasise",
        "emphasised", "demonstrate", "demonstrated", "display", "displayed", "communicate",
        "communicated", "send", "sent", "sends", "confirm", "confirmed", "confirms", "affirm", "affirmed",
        "affirms", "reaffirm", "reaffirmed", "reaffirms", "reaffirming", "pledge", "pledged", "provide",
        "provided", "provides", "stressed", "noted", "announced", "presented", "raised", "stress", "stresses",
        "underscore", "underscored", "underscores", "underlines", "highlight", "highlighted", "highlights",
        "restate", "restated", "restates",
    ]
    /// Verbs that carry on a stance named by a noun after a possessive: "would continue its
    /// support", "maintained their commitment". (They are skippable before a verb cue.)
    static let carryingVerbs: WordSet = [
        "continue", "continues", "continued", "continuing", "maintain", "maintains", "maintained", "maintaining",
    ]
    /// Verbs that report what someone said: the holder of a cue in their clause is their subject.
    static let reportingVerbs: WordSet = [
        "stated", "said", "says", "explained", "noted", "emphasized", "emphasised", "stressed", "added",
        "pointed", "mentioned", "underscored", "underlined", "indicated", "remarked", "told", "replied",
        "responded", "conveyed", "expressed", "reiterated", "raised", "highlighted", "asserted",
        "believed", "believes", "recognized", "recognised", "observed", "commented", "declared",
        "states", "expresses", "notes", "stresses", "emphasizes", "reiterates", "confirmed", "affirmed",
        "reaffirmed", "agreed", "shared", "hoped", "hopes", "welcomed", "requested", "urged", "asked",
        "proposed", "suggested", "informed", "briefed", "explained", "argued", "insisted", "concluded",
        "acknowledged", "assured", "promised", "announced", "warned", "cautioned", "advised",
    ]
    static let openers: WordSet = [
        "at", "on", "in", "during", "furthermore", "moreover", "also", "additionally", "then", "next",
        "however", "regarding", "concerning", "following", "after", "before", "since", "when", "while",
        "as", "with", "besides", "finally", "meanwhile", "in addition", "for", "from", "under", "amid",
        "against", "through", "thereafter", "subsequently", "lastly", "first", "second", "third",
    ]
    static let intensifiers: WordSet = [
        "strongly", "extremely", "deeply", "serious", "seriously", "grave", "gravely", "firmly", "highly",
        "utmost", "strong", "strongest", "deepest", "deep", "totally", "resolute", "resolutely", "eagerly",
        "profound", "profoundly", "great", "greatly", "firm", "keenly", "vehemently", "categorically",
        "sincerest", "heartfelt", "warmest", "wholeheartedly", "stern", "sternly",
    ]
    /// Cues that judge a thing; their holder is the speaker ("X said it is unacceptable").
    static let evaluativeLemmas: WordSet = ["regrettable", "deplorable", "unacceptable", "unforgivable"]
    /// Nouns that carry a nominal cue after "of": "words of sympathy", "a message of condolence".
    static let carrierNouns: WordSet = ["words", "message", "messages", "expression", "expressions", "letter", "note", "statement", "gesture", "sign"]
    /// Words after which a verb can follow without its own subject.
    static let verbPredecessors: WordSet = ["and", "but", "or", "that", "who", "which", "to", ",", "also", "then", "jointly", "both", "it", "neither", "nor", "either"]
    static let negations: WordSet = ["not", "n't", "never", "no", "neither", "nor", "without", "cannot"]
    static let repetitions: WordSet = [
        "again", "reiterated", "reiterate", "reiterates", "reiterating", "reaffirmed", "reaffirm",
        "reaffirms", "reaffirming", "renewed", "restated", "repeated",
    ]
    /// Adjectives that may stand between a possessor or light verb and a nominal cue.
    static let nounModifiers: WordSet = [
        "continued", "consistent", "strong", "full", "firm", "deep", "deepest", "sincere", "sincerest",
        "serious", "resolute", "unwavering", "steadfast", "heartfelt", "warm", "warmest", "utmost",
        "great", "profound", "renewed", "strongest", "grave", "continuing", "active", "firmest",
        "unswerving", "unequivocal", "steady", "deep-felt", "high", "highest", "earnest", "strenuous",
        "further", "enthusiastic", "complete", "total", "unchanged", "solid", "unconditional", "clear",
        "mutual", "common", "same", "close", "growing", "concrete", "stern", "solemn", "formal",
        "ironclad", "unshakable", "unshakeable", "staunch", "robust", "enduring", "abiding",
        "longstanding", "long-standing", "unflinching", "unstinting", "tireless",
    ]
    /// What may stand between a light verb and a carrier noun: "offered (his) deep words of ...".
    static let skippableBeforeCarrier = skippable.union(determiners).union(nounModifiers)
    /// Participles after a comma that start a new clause of the holder's, ending a target.
    static let clauseParticiples: WordSet = [
        "stressing", "emphasizing", "emphasising", "noting", "adding", "saying", "stating", "expressing",
        "underlining", "underscoring", "pointing", "highlighting", "reaffirming", "reiterating",
        "welcoming", "calling", "urging", "confirming", "affirming", "agreeing", "hoping", "explaining",
        "mentioning", "recalling", "recognizing", "recognising", "asserting", "building", "adding",
    ]
    static let clauseConjunctions: WordSet = ["and", "but", "while", "whereas", "although", "though", "whilst", "yet"]

    // MARK: Cues

    /// The cue forms matching at token i, longest first.
    func cueForms(at i: Int) -> [StanceTagger.Form] {
        guard let candidates = tagger.forms[lower[i]] else { return [] }
        return candidates.filter { form in
            guard i + form.tokens.count <= view.sentenceEnd[i] else { return false }
            for (k, t) in form.tokens.enumerated() where lower[i + k] != t { return false }
            // Cue words are lower case in running text (not "the Paris Agreement"); a verb right
            // after its subject may be capitalized in a headline ("Japan Condemns ...").
            for k in 0..<form.tokens.count where view.isCapitalized(i + k) && (k > 0 || view.sentenceStart(i) != i) {
                if !view.isAllCaps(i + k), !(form.cue.partOfSpeech == .verb && headlineEnds.contains(view.sentenceEnd[i]) && flatEndingAt[i] != nil) {
                    return false
                }
            }
            return true
        }
    }

    /// A headline: three words or more, every one capitalized but short function words, and
    /// no full stop at the end.
    static func isTitleCase(_ sentence: Range<Int>, _ view: TokenView) -> Bool {
        guard sentence.count >= 3, ![".", "!", "?"].contains(view[sentence.upperBound - 1]) else { return false }
        var words = 0
        for k in sentence where view.isWord(k) {
            words += 1
            if !view.isCapitalized(k) && !headlineFunctionWords.contains(view[k]) { return false }
        }
        return words >= 3
    }

    static let headlineFunctionWords: WordSet = [
        "a", "an", "the", "of", "on", "in", "for", "to", "with", "and", "at", "by", "from", "over", "as", "or", "via",
    ]

    mutating func run() -> (stances: [Stance], actors: [Mention]) {
        var stances: [Stance] = []
        for sentence in view.sentences {
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                let forms = cueForms(at: i)
                guard !forms.isEmpty else { i += 1; continue }
                var consumed = i + 1
                for form in forms {
                    let end = i + form.tokens.count
                    if let stance = stance(for: form.cue, cue: i..<end, sentence: sentence, allForms: forms) {
                        var s = stance
                        // "sympathy and condolence": one cue.
                        if end + 1 < sentence.upperBound, view[end] == "and",
                           let next = cueForms(at: end + 1).first(where: { $0.cue.category == form.cue.category }) {
                            let nextEnd = end + 1 + next.tokens.count
                            s.cue = view.span(i..<nextEnd)
                            s.target = target(after: nextEnd, sentence: sentence)
                            consumed = nextEnd
                        } else {
                            consumed = end
                        }
                        stances.append(s)
                        break
                    }
                }
                i = consumed
            }
        }
        // Only actors that hold a stance are annotated.
        let used = Set(stances.flatMap(\.holders))
        return (stances, actors.values.filter { used.contains($0.span) }.sorted { $0.span < $1.span })
    }

    /// The token before i, skipping adverbs and auxiliaries; nil at the sentence start.
    func previousContent(_ i: Int, from start: Int, skipping words: WordSet = StanceRun.skippable) -> Int? {
        var k = i - 1
        while k >= start, words.contains(lower[k]) || (lower[k].hasSuffix("ly") && view.isLowercaseWord(k) && lower[k].count > 4) {
            k -= 1
        }
        return k >= start ? k : nil
    }

    /// The reporting verb of the "that" at token t: "stated that", and through a coordinated
    /// clause "stated that A ..., and that he ..." (at most 80 tokens back).
    func reportingVerb(ofThatAt t: Int, sentence: Range<Int>) -> Int? {
        guard let p = previousContent(t, from: sentence.lowerBound) else { return nil }
        if Self.reportingVerbs.contains(lower[p]) { return p }
        guard lower[p] == "and" else { return nil }
        var k = p - 1
        while k > max(sentence.lowerBound, p - 80) {
            if lower[k] == "that", let v = previousContent(k, from: sentence.lowerBound), Self.reportingVerbs.contains(lower[v]) { return v }
            k -= 1
        }
        return nil
    }

    /// A stance for a cue at tokens `cue`, or nil when the rules say the word is not one here.
    mutating func stance(for entry: Cue, cue: Range<Int>, sentence: Range<Int>, allForms: [StanceTagger.Form]) -> Stance? {
        let c = cue.lowerBound
        let s = sentence.lowerBound
        let partsOfSpeech = Set(allForms.filter { $0.tokens.count == cue.count }.map(\.cue.partOfSpeech))
        let before = previousContent(c, from: s)
        let beforeWord = before.map { lower[$0] } ?? ""
        // "would like": only after "would".
        if entry.lemma == "would like" {
            let would: Set<String> = ["would", "\u{2019}d", "'d"]
            guard c > s, would.contains(lower[c - 1]) || c - 1 > s && would.contains(lower[c - 2]) && ["also", "very", "really"].contains(lower[c - 1]) else { return nil }
        }
        // "called on President X at the palace": a courtesy call, not an appeal.
        if entry.lemma == "call on", isCourtesyCall(after: cue.upperBound, sentence: sentence) { return nil }
        // "sought X's understanding" asks for something; "sought to strengthen" is an attempt.
        if entry.lemma == "seek", cue.upperBound >= sentence.upperBound || ["to", "for", "out", "ways", "a", "an"].contains(lower[cue.upperBound]) { return nil }
        // "urged the RSF to agree to a ceasefire": what another is asked to do is no stance of theirs.
        if c >= s + 3, lower[c - 1] == "to", isDirectedAt(before: c - 1, from: s) { return nil }
        // A purpose clause ("in order to urge ...") states an aim, not a stance taken.
        if c >= s + 3, lower[c - 1] == "to", ["order", "as"].contains(lower[c - 2]), ["in", "so"].contains(lower[c - 3]) { return nil }
        // Nominal reading: after a determiner, possessive, modifier or light verb.
        var k = c - 1
        while k >= s, Self.nounModifiers.contains(lower[k]) || Self.intensifiers.contains(lower[k]) && view.isLowercaseWord(k) && !lower[k].hasSuffix("ly") { k -= 1 }
        // A possessor a few adjectives back: "Japan’s financial support", "both leaders’ sincere determination".
        if k >= s, !isPossessive(k), let p = (max(s, k - 2)...k).reversed().first(where: { isPossessive($0) }),
           (p + 1...k).allSatisfy({ view.isLowercaseWord($0) && !Self.lightVerbs.contains(lower[$0]) && !tagger.verbForms.contains(lower[$0])
               && (!Self.prepositions.contains(lower[$0]) || lower[$0] == "of" && Self.carrierNouns.contains(lower[$0 - 1])) }) {
            k = p
        }
        let nominalContext = k >= s && (Self.determiners.contains(lower[k]) || isPossessive(k) || Self.lightVerbs.contains(lower[k])
            // "expressed concern and strong protest": an adjective after "and" makes a noun.
            || lower[k] == "and" && k < c - 1 && lightVerbOfFirstConjunct(before: k, sentence: sentence) != nil)
        let canBeNoun = partsOfSpeech.contains(.noun)
        let canBeVerb = partsOfSpeech.contains(.verb) || partsOfSpeech.contains(.phrase)
        // A form that is also a verb is an adjective after a copula ("the UK was aligned with").
        let isAdjective = partsOfSpeech.contains(.adjective) && (!canBeVerb || Self.beForms.contains(beforeWord))
        var holder: Holder?
        var rule = "subject"
        var ofPossessorEnd: Int?
        let evaluative = isAdjective && Self.evaluativeLemmas.contains(entry.lemma)
            || entry.partOfSpeech == .phrase && ["acceptable", "accepted", "tolerated"].contains(lower[cue.upperBound - 1])
        if evaluative {
            // "X stated that the test was totally unacceptable": the speaker holds the stance,
            // not the thing judged.
            if isAdjective { guard let b = before, Self.beForms.contains(lower[b]) else { return nil } }
            holder = speaker(before: c, sentence: sentence)
            rule = "evaluation"
        } else if isAdjective {
            // "they were deeply concerned", "Japan is ready to".
            if let b = before, Self.beForms.contains(lower[b]) {
                holder = subject(ofVerbAt: b, sentence: sentence, depth: 3)
                rule = "copula"
            } else if cue.upperBound < sentence.upperBound, Self.carrierNouns.contains(lower[cue.upperBound]),
                      let agent = agent(after: cue.upperBound + 1, sentence: sentence) {
                // "the congratulatory message from Foreign Minister Swaraj".
                holder = agent
                rule = "agent"
            } else if cue.upperBound < sentence.upperBound, Self.carrierNouns.contains(lower[cue.upperBound]),
                      let v = previousContent(c, from: s, skipping: Self.skippableBeforeCarrier),
                      Self.lightVerbs.contains(lower[v]) || Self.exchangeVerbs.contains(lower[v]) {
                // "sent a congratulatory message", "exchanged congratulatory messages".
                holder = subject(ofVerbAt: v, sentence: sentence, depth: 3)
                rule = "light-verb"
            } else {
                return nil
            }
        } else if canBeNoun && (nominalContext || !canBeVerb) {
            guard k >= s else { return nil }
            // "efforts to resolve the issue": after "to", a word that is only a noun cue is a verb.
            if !canBeVerb, !nominalContext, lower[c - 1] == "to" { return nil }
            let w = lower[k]
            if Self.determiners.contains(w), !Self.possessivePronouns.contains(w), let owner = ofPossessor(after: cue.upperBound, sentence: sentence) {
                // "the unwavering commitment of the United States to ...": a country or body
                // after "of" holds the noun, as a possessor before it does.
                holder = Holder(spans: [owner.span], rule: "possessor")
                rule = "possessor"
                ofPossessorEnd = owner.end
            } else if isPossessive(k) {
                holder = possessor(endingBefore: k, sentence: sentence)
                rule = "possessor"
                // "met ... at Japan’s request": who asked for the meeting, no stance.
                if entry.lemma == "request", let first = holder?.spans.compactMap({ tokenRange(of: $0)?.lowerBound }).min(),
                   first > s, lower[first - 1] == "at" { return nil }
                if holder == nil { holder = subject(ofVerbAt: k, sentence: sentence, depth: 3) }
            } else if Self.possessivePronouns.contains(w) || Self.determiners.contains(w) {
                // "expressed her appreciation", "reached an agreement".
                if let v = previousContent(k, from: s), Self.lightVerbs.contains(lower[v]) {
                    holder = subject(ofVerbAt: v, sentence: sentence, depth: 3)
                    rule = "light-verb"
                } else if k - 1 >= s, Self.carryingVerbs.contains(lower[k - 1]), Self.possessivePronouns.contains(w) {
                    holder = subject(ofVerbAt: k - 1, sentence: sentence, depth: 3)
                    rule = "light-verb"
                } else if entry.category == .agree, let parties = sharers(after: cue.upperBound, sentence: sentence) {
                    // "the consensus between Japan and China".
                    holder = parties
                    rule = "agent"
                } else {
                    return nil
                }
            } else if Self.lightVerbs.contains(w) {
                holder = subject(ofVerbAt: k, sentence: sentence, depth: 3)
                rule = "light-verb"
            } else if w == "and", let v = lightVerbOfFirstConjunct(before: k, sentence: sentence) {
                // "expressed its strong dissatisfaction and firm opposition to ...".
                holder = subject(ofVerbAt: v, sentence: sentence, depth: 3)
                rule = "light-verb"
            } else if w == "of", k - 1 > s, Self.carrierNouns.contains(lower[k - 1]),
                      let v = previousContent(k - 1, from: s, skipping: Self.skippableBeforeCarrier),
                      Self.lightVerbs.contains(lower[v]) {
                // "offered words of sympathy", "sent a message of condolence".
                holder = subject(ofVerbAt: v, sentence: sentence, depth: 3)
                rule = "light-verb"
            } else if w == "with", let v = previousContent(k, from: s), Self.mannerVerbs.contains(lower[v]) {
                // "We noted with concern the developments", "viewed with grave concern".
                holder = subject(ofVerbAt: v, sentence: sentence, depth: 3)
                rule = "light-verb"
            } else if let m = flatEndingAt[k + 1], m.label == .place || m.label == .organization, k + 1 == c,
                      let first = tokenRange(of: m.span)?.lowerBound, first > s,
                      let opener = previousContent(first, from: s, skipping: Self.nounModifiers),
                      Self.lightVerbs.contains(lower[opener]) || Self.determiners.contains(lower[opener]) || Self.repetitions.contains(lower[opener]) {
                // "raised U.S. concerns about ...", "the ASEAN consensus", "reaffirmed the
                // ironclad U.S. commitment": a country or body right before the noun holds it,
                // as a possessor does.
                holder = Holder(spans: [m.span], rule: "possessor")
                rule = "possessor"
            } else if let agent = agent(after: cue.upperBound, sentence: sentence) {
                // "the words of condolence by Deputy Prime Minister Minh", "support from Japan".
                holder = agent
                rule = "agent"
            } else {
                return nil
            }
        } else if canBeVerb, entry.category == .agree, let parties = sharers(after: cue.upperBound, sentence: sentence) {
            // "an important shared recognition between the two leaders".
            holder = parties
            rule = "agent"
        } else if canBeVerb {
            // Not a verb after a determiner ("the agreed text") or as a gerund after a
            // preposition ("to welcoming"); not passive ("was welcomed by").
            if let b = before {
                if Self.determiners.contains(beforeWord) && !Self.possessivePronouns.contains(beforeWord) { return nil }
                // A gerund after a preposition ("looked forward to welcoming") is part of another's target.
                // Also coordinated, and after "from": "refrain from accusing or criticizing each other".
                if lower[c].hasSuffix("ing"), c > s, Self.gerundPrepositions.contains(lower[c - 1]) { return nil }
                if lower[c].hasSuffix("ing"), c >= s + 3, ["or", "and"].contains(lower[c - 1]), lower[c - 2].hasSuffix("ing"),
                   Self.gerundPrepositions.contains(lower[c - 3]) { return nil }
                if Self.beForms.contains(beforeWord), lower[c].hasSuffix("ed") || lower[c].hasSuffix("en") {
                    // Passive: only the impersonal "it is hoped that ..." keeps a holder (the speaker).
                    guard b > s, lower[b - 1] == "it" else { return nil }
                    holder = speaker(before: b - 1, sentence: sentence)
                }
                // A gerund after "while" or "along with" continues its clause's subject:
                // "..., while welcoming the progress", "along with sharing the view that".
                let continuing = lower[c].hasSuffix("ing")
                    && (["while", "thus", "thereby"].contains(beforeWord) || beforeWord == "with" && b > s && lower[b - 1] == "along")
                // A participle after a preposition or determiner is an adjective, and the cue
                // form after it a noun: "based on shared values", "our shared values".
                if beforeWord.hasSuffix("ed"), tagger.verbForms.contains(beforeWord), b > s,
                   Self.prepositions.contains(lower[b - 1]) || Self.determiners.contains(lower[b - 1]) || Self.possessivePronouns.contains(lower[b - 1]) {
                    return nil
                }
                // After a common noun ("shared values", "the program has called for") the word is
                // a noun or its subject is no actor.
                if holder == nil, !continuing, view.isLowercaseWord(b), !Self.verbPredecessors.contains(beforeWord),
                   !Self.reportingVerbs.contains(beforeWord), !Self.lightVerbs.contains(beforeWord),
                   !tagger.verbForms.contains(beforeWord), !Self.beForms.contains(beforeWord),
                   holderEnding(at: b, sentence: sentence) == nil {
                    return nil
                }
            }
            // confirm/affirm/reaffirm + a nominal cue ("reaffirmed their commitment"): the noun is the stance.
            if entry.category == .commit || entry.lemma == "share the view" {
                var n = cue.upperBound
                while n < sentence.upperBound, n < cue.upperBound + 8 {
                    // "reaffirmed their shared commitment": "shared" is an adjective here.
                    if Self.determiners.contains(lower[n]) || Self.nounModifiers.contains(lower[n]) || Self.intensifiers.contains(lower[n])
                        || lower[n] == "shared" && n > cue.upperBound { n += 1; continue }
                    // A possessor: "reaffirmed the United States’ commitment"; a country or body
                    // as a modifier: "reaffirmed the ironclad U.S. commitment".
                    if let m = flatStartingAt[n], m.label == .place || m.label == .organization,
                       let r = tokenRange(of: m.span), r.upperBound < sentence.upperBound {
                        if isPossessive(r.upperBound) { n = r.upperBound + 1; continue }
                        if cueForms(at: r.upperBound).contains(where: { $0.cue.partOfSpeech == .noun }) { n = r.upperBound; continue }
                    }
                    break
                }
                if n > cue.upperBound, n < sentence.upperBound,
                   cueForms(at: n).contains(where: { $0.cue.partOfSpeech == .noun }) { return nil }
            }
            if holder == nil { holder = subject(ofVerbAt: c, sentence: sentence, depth: 4) }
        } else {
            return nil
        }
        guard let holder else { return nil }
        let window = attributeWindow(cue: c, holder: holder, sentence: sentence)
        let lemmaRepeats = Self.repetitions.contains(lower[c])
        // After an agent ("the words of condolence by Minister X regarding ..."), the target
        // is what follows the agent's name.
        let agentEnd = rule == "agent" ? holder.spans.compactMap({ tokenRange(of: $0)?.upperBound }).max() : ofPossessorEnd
        // "condemned in the strongest terms the attacks ...": the manner intensifies the cue and
        // the target follows it.
        let mannerEnd = agentEnd == nil ? intensifyingManner(at: cue.upperBound, limit: sentence.upperBound) : nil
        // "sent a congratulatory message on ...": the target follows the message.
        let carrierEnd = isAdjective && rule == "light-verb" ? cue.upperBound + 1 : nil
        var targetSpan = target(after: agentEnd ?? carrierEnd ?? mannerEnd ?? cue.upperBound, sentence: sentence)
        // "expressed serious concern and protest over X": coordinated nouns share the complement.
        if targetSpan == nil, canBeNoun, rule != "agent", let next = coordinatedCue(after: cue.upperBound, sentence: sentence, .noun) {
            targetSpan = target(after: next, sentence: sentence)
        }
        // "strongly deplores and firmly opposes X": so do coordinated verbs.
        if targetSpan == nil, canBeVerb, !isAdjective, !(canBeNoun && nominalContext), rule != "agent",
           let next = coordinatedCue(after: cue.upperBound, sentence: sentence, .verb) {
            targetSpan = target(after: next, sentence: sentence)
        }
        if evaluative, let subject = evaluatedSubject(before: c, sentence: sentence) {
            targetSpan = subject
        }
        // "North Korea's launches, which both leaders condemned": the antecedent.
        if targetSpan == nil, !evaluative, let antecedent = relativeAntecedent(holder: holder, cue: c, sentence: sentence) {
            targetSpan = antecedent
        }
        // GUIDELINES: the verb "appreciate" with an action ("appreciated Japan's efforts")
        // welcomes it; thanks to someone for something stays Appreciate.
        let category = entry.lemma == "appreciate" && entry.partOfSpeech == .verb && targetSpan != nil
            && appreciatesAnAction(after: mannerEnd ?? cue.upperBound, sentence: sentence) ? .welcome : entry.category
        let stance = Stance(
            category: category, cue: view.span(cue), holders: holder.spans,
            target: targetSpan,
            intense: window.contains { Self.intensifiers.contains(lower[$0]) } || mannerEnd != nil
                || isObjectPronoun(cue.upperBound, sentence: sentence)
                    && intensifyingManner(at: cue.upperBound + 1, limit: sentence.upperBound) != nil,
            // "cannot accept" carries its negation in the cue: a Protest, not negated.
            negated: window.contains { Self.negations.contains(lower[$0]) } && !(entry.category == .protest && entry.partOfSpeech == .phrase),
            repeated: lemmaRepeats || window.contains { Self.repetitions.contains(lower[$0]) },
            rule: rule == "subject" ? holder.rule : rule)
        lastSpeaker = holder
        return stance
    }

    /// Whether the object of "appreciate" at token t is an action ("Japan's efforts", "the
    /// decision to ...", "that Japan ...") rather than someone thanked for something ("Japan for
    /// its support") or a courtesy ("the warm hospitality", "the invitation").
    func appreciatesAnAction(after t: Int, sentence: Range<Int>) -> Bool {
        guard t < sentence.upperBound else { return false }
        if lower[t] == "that" { return true }
        var k = t
        if let title = titleStartingAt[k] { k = title.upperBound }
        if let m = flatStartingAt[k], let r = tokenRange(of: m.span), r.upperBound < sentence.upperBound, lower[r.upperBound] == "for" { return false }
        if Self.objectPronouns.contains(lower[t]), t + 1 < sentence.upperBound, lower[t + 1] == "for" { return false }
        var n = t
        while n < min(sentence.upperBound, t + 8), !Self.prepositions.contains(lower[n]), view.isWord(n) || isPossessive(n) {
            if Self.courtesies.contains(lower[n]) { return false }
            n += 1
        }
        // "appreciated Testland for its support": a name thanked, even one no lexicon has.
        if n > t, n < sentence.upperBound, lower[n] == "for",
           (t..<n).allSatisfy({ view.isCapitalized($0) || Self.determiners.contains(lower[$0]) }) { return false }
        return true
    }

    static let objectPronouns: WordSet = ["him", "her", "them", "us", "me"]
    /// What one thanks for rather than welcomes: "appreciated the warm hospitality".
    static let courtesies: WordSet = [
        "hospitality", "opportunity", "invitation", "kindness", "words", "message", "messages", "remarks",
        "welcome", "reception", "time", "chance", "letter", "gift", "gifts", "courtesy", "arrangements",
    ]

    /// Prepositions before a gerund that make it part of another's target: "looked forward
    /// to welcoming", "refrain from criticizing".
    static let gerundPrepositions: WordSet = ["to", "of", "for", "at", "in", "on", "by", "from"]

    /// Verbs that pass a message between both subjects: "exchanged congratulatory messages".
    static let exchangeVerbs: WordSet = ["exchange", "exchanged", "exchanges", "exchanging"]

    /// After a cue, "and" and another cue of the same part of speech (past adjectives or
    /// adverbs): the end of that cue. "concern and protest over X" gives the end of
    /// "protest"; "deplores and firmly opposes X" the end of "opposes".
    func coordinatedCue(after t: Int, sentence: Range<Int>, _ partOfSpeech: Cue.PartOfSpeech) -> Int? {
        guard t + 1 < sentence.upperBound, lower[t] == "and" else { return nil }
        var n = t + 1
        while n < min(sentence.upperBound, t + 4),
              partOfSpeech == .noun && Self.nounModifiers.contains(lower[n]) || Self.intensifiers.contains(lower[n]) { n += 1 }
        guard n < sentence.upperBound, let form = cueForms(at: n).first(where: { $0.cue.partOfSpeech == partOfSpeech }) else { return nil }
        return n + form.tokens.count
    }

    /// The light verb of a noun phrase coordinated before token `and`: "expressed its strong
    /// dissatisfaction" in "expressed its strong dissatisfaction and firm opposition". The
    /// first conjunct is a possessive or determiner, lower-case words, and no cue, verb or
    /// comma (at most five tokens).
    func lightVerbOfFirstConjunct(before and: Int, sentence: Range<Int>) -> Int? {
        var k = and - 1
        while k > max(sentence.lowerBound, and - 6) {
            let w = lower[k]
            if Self.possessivePronouns.contains(w) || Self.determiners.contains(w) {
                guard let v = previousContent(k, from: sentence.lowerBound), Self.lightVerbs.contains(lower[v]) else { return nil }
                return v
            }
            // Without an article: "expressed serious concern and strong protest".
            if Self.lightVerbs.contains(w), k < and - 1 { return k }
            guard view.isLowercaseWord(k), !tagger.verbForms.contains(w), !Self.lightVerbs.contains(w), !Self.prepositions.contains(w) else { return nil }
            k -= 1
        }
        return nil
    }

    /// The noun phrase that a non-restrictive relative clause describes, when the clause is
    /// the holder and the cue with nothing after ("X's launches, which both leaders strongly
    /// condemned"). The phrase runs from the start of its clause (the sentence, or after a
    /// colon, semicolon or bullet) to the comma, and holds no verb of a speaker.
    func relativeAntecedent(holder: Holder, cue c: Int, sentence: Range<Int>) -> Span? {
        guard let h = holder.spans.compactMap({ tokenRange(of: $0)?.lowerBound }).min(), h < c,
              h - 2 > sentence.lowerBound, ["which", "that"].contains(lower[h - 1]), lower[h - 2] == "," else { return nil }
        let end = h - 2
        var start = end
        while start > sentence.lowerBound, ![";", ":", "\u{2022}", "\u{25CF}", "\u{00B7}"].contains(lower[start - 1]) { start -= 1 }
        while start < end, ["\u{2022}", "-", "*", "\u{2013}"].contains(lower[start]) { start += 1 }
        guard end > start, end - start <= 25 else { return nil }
        for k in start..<end {
            let w = lower[k]
            if Self.reportingVerbs.contains(w) || Self.lightVerbs.contains(w) || tagger.verbForms.contains(w) { return nil }
            if Self.beForms.contains(w), !isPossessive(k) { return nil }
        }
        return view.span(start..<end)
    }

    /// The end of a manner adverbial that intensifies a cue, starting at token n: "in the
    /// strongest (possible) terms", "in the firmest manner", "in no uncertain terms".
    func intensifyingManner(at n: Int, limit: Int) -> Int? {
        guard n + 3 < limit, lower[n] == "in" else { return nil }
        var k = n + 1
        if lower[k] == "the", Self.mannerSuperlatives.contains(lower[k + 1]) {
            k += 2
        } else if lower[k] == "no", lower[k + 1] == "uncertain" {
            k += 2
        } else {
            return nil
        }
        if k < limit, lower[k] == "possible" { k += 1 }
        guard k < limit, Self.mannerNouns.contains(lower[k]) else { return nil }
        return k + 1
    }

    static let mannerSuperlatives: WordSet = ["strongest", "firmest", "harshest", "sternest", "clearest", "most"]
    static let mannerNouns: WordSet = ["terms", "manner", "way", "words"]

    /// "condemned it in ...": an object pronoun right after the cue.
    func isObjectPronoun(_ n: Int, sentence: Range<Int>) -> Bool {
        n < sentence.upperBound && ["it", "them", "this"].contains(lower[n])
    }

    /// "called on President X (at the palace)": a person, with or without a title, as the
    /// object of "call on", and no appeal after it ("to stop ...", "for restraint"). A
    /// purpose "to discuss ..." or "to exchange views" is still a visit.
    func isCourtesyCall(after n: Int, sentence: Range<Int>) -> Bool {
        let limit = sentence.upperBound
        var k = n
        while k < limit, ["the", "his", "her", "h.e.", "h.e"].contains(lower[k]) { k += 1 }
        var sawPerson = false
        // Titles and names, and an apposition set off by commas ("X, Prime Minister of Y,").
        while k < limit {
            if let title = titleStartingAt[k] { k = title.upperBound; continue }
            if let m = flatStartingAt[k], let r = tokenRange(of: m.span) {
                if m.label == .person { sawPerson = true } else if !sawPerson { return false }
                k = r.upperBound
                continue
            }
            if sawPerson, lower[k] == ",", k + 1 < limit, titleStartingAt[k + 1] != nil { k += 1; continue }
            if sawPerson, lower[k] == ",", k + 1 < limit, lower[k + 1] == "to" { k += 1 }
            break
        }
        guard sawPerson else { return false }
        guard k < limit else { return true }
        if lower[k] == "for" { return false }
        if lower[k] == "to", k + 1 < limit { return Self.visitPurposes.contains(lower[k + 1]) }
        return true
    }

    /// Whether a directive verb ("urged", "called on", "asked") and its object come right
    /// before token t (the "to" of an infinitive), with no clause boundary between.
    func isDirectedAt(before t: Int, from s: Int) -> Bool {
        var j = t - 1
        while j >= max(s, t - 12) {
            let w = lower[j]
            if [",", ";", ":", ".", "and", "that"].contains(w) { return false }
            if Self.directives.contains(w) || ["on", "upon"].contains(w) && j > s && lower[j - 1].hasPrefix("call") {
                return j < t - 1
            }
            j -= 1
        }
        return false
    }

    static let directives: WordSet = [
        "urge", "urges", "urged", "urging", "ask", "asks", "asked", "asking", "request", "requests",
        "requested", "requesting", "encourage", "encourages", "encouraged", "encouraging", "press",
        "presses", "pressed", "pressing", "invite", "invites", "invited", "inviting", "demand",
        "demands", "demanded", "demanding",
    ]

    /// Verbs of a visit's purpose: "called on the President to discuss ...".
    static let visitPurposes: WordSet = [
        "discuss", "exchange", "review", "brief", "convey", "pay", "deliver", "present", "explore",
        "hand", "introduce", "bid", "meet", "share", "extend",
    ]

    /// The agent of a nominal cue, named right after it: "from" or "by", then (past titles
    /// and determiners, before any comma) a person, place or organization.
    func agent(after n: Int, sentence: Range<Int>) -> Holder? {
        guard n < sentence.upperBound, ["from", "by"].contains(lower[n]) else { return nil }
        var m = n + 1
        while m < min(sentence.upperBound, n + 8) {
            if let mention = flatStartingAt[m] { return Holder(spans: [mention.span], rule: "agent") }
            guard view.isWord(m) else { return nil }
            m += 1
        }
        return nil
    }

    /// A country or body named with "of" right after a nominal cue, before its complement
    /// ("commitment of the United States to ...", "support of Japan for ..."): its span and the
    /// token after it.
    func ofPossessor(after n: Int, sentence: Range<Int>) -> (span: Span, end: Int)? {
        guard n + 1 < sentence.upperBound, lower[n] == "of" else { return nil }
        let m = lower[n + 1] == "the" ? n + 2 : n + 1
        guard let mention = flatStartingAt[m], mention.label == .place || mention.label == .organization,
              let r = tokenRange(of: mention.span), r.upperBound <= sentence.upperBound else { return nil }
        guard r.upperBound == sentence.upperBound || Self.complementStarts.contains(lower[r.upperBound]) else { return nil }
        return (mention.span, r.upperBound)
    }

    /// Words that open a nominal cue's complement after its holder.
    static let complementStarts: WordSet = ["to", "for", "toward", "towards", "on", "regarding", "against", "about", "over", "in", "with", ",", ".", ";"]

    /// The parties of a view held in common, named after it with "between": two mentions
    /// ("the consensus between Japan and China") or a group ("a shared recognition between
    /// the two leaders").
    mutating func sharers(after n: Int, sentence: Range<Int>) -> Holder? {
        guard n + 1 < sentence.upperBound, lower[n] == "between" else { return nil }
        var first = n + 1
        if let title = titleStartingAt[first] { first = title.upperBound }
        if let a = flatStartingAt[first], let ra = tokenRange(of: a.span),
           ra.upperBound + 1 < sentence.upperBound, lower[ra.upperBound] == "and" {
            var second = ra.upperBound + 1
            if let title = titleStartingAt[second] { second = title.upperBound }
            if let b = flatStartingAt[second] { return Holder(spans: [a.span, b.span], rule: "agent") }
        }
        for end in stride(from: min(sentence.upperBound, n + 6), to: n + 1, by: -1) {
            if let group = actorExpression(start: n + 1, end: end, sentence: sentence) { return group }
        }
        return nil
    }

    /// Tokens between the holder (or a few tokens back) and the cue, where modifiers count.
    func attributeWindow(cue c: Int, holder: Holder, sentence: Range<Int>) -> Range<Int> {
        var start = max(sentence.lowerBound, c - 4)
        if let last = holder.spans.compactMap({ tokenRange(of: $0) }).filter({ $0.upperBound <= c && $0.lowerBound >= sentence.lowerBound }).map(\.upperBound).max(),
           c - last <= 8 {
            start = min(start, last)
        }
        // A possessor opens the noun phrase: "did not accept Japan's protest" is no negated
        // protest; after a light verb the verb's words count ("reiterated Ireland's support").
        if holder.rule == "possessor", let first = holder.spans.compactMap({ tokenRange(of: $0)?.lowerBound }).min(), first < c {
            if let opener = openerOfNounPhrase(before: first, from: sentence.lowerBound),
               Self.lightVerbs.contains(lower[opener]) || Self.repetitions.contains(lower[opener]) {
                // "reaffirmed the ironclad U.S. commitment": the verb's words count.
                start = min(start, opener)
            } else {
                start = max(start, first)
            }
        }
        // Not past a clause boundary: "regretted X, and strongly condemned" stays with its own
        // verb, and so does "did not accept X and deplored Y" (not "did not welcome and support").
        var k = c - 1
        while k > start {
            if lower[k] == "," || lower[k] == ";" || lower[k] == "that" || lower[k] == "but" { start = k + 1; break }
            if lower[k] == "and", k - 1 >= start, !Self.negations.contains(lower[k - 1]), !tagger.verbForms.contains(lower[k - 1]),
               !Self.lightVerbs.contains(lower[k - 1]) {
                start = k + 1
                break
            }
            k -= 1
        }
        return start..<c
    }

    /// The content word before a noun phrase starting at token i, past determiners and
    /// modifiers ("reaffirmed the ironclad U.S. commitment": "reaffirmed").
    func openerOfNounPhrase(before i: Int, from start: Int) -> Int? {
        var k = previousContent(i, from: start)
        while let p = k, Self.nounModifiers.contains(lower[p]) || Self.determiners.contains(lower[p]) { k = previousContent(p, from: start) }
        return k
    }

    // MARK: Holders

    /// The holder of the verb (or copula) at token v: its subject, or through coordination,
    /// reporting verbs and "that"-clauses, the subject of the clause that introduces it.
    mutating func subject(ofVerbAt v: Int, sentence: Range<Int>, depth: Int) -> Holder? {
        let s = sentence.lowerBound
        guard depth > 0 else { return clauseSubject(sentence: sentence, before: v) }
        guard let k = previousContent(v, from: s) else {
            return clauseSubject(sentence: sentence, before: v) ?? lastSpeaker
        }
        if let holder = holderEnding(at: k, sentence: sentence) {
            if isExpletive(holder, k) {
                return outerClause(before: k, sentence: sentence, depth: depth)
            }
            // A purpose infinitive after an object ("spoke with Prime Minister X of Japan to
            // congratulate him"): the clause's subject acts, not the one spoken with.
            if k + 1 < v, lower[v - 1] == "to", let first = holder.spans.compactMap({ tokenRange(of: $0)?.lowerBound }).min(),
               let object = objectStart(first, sentence: sentence),
               let outer = clauseSubject(sentence: sentence, before: object) {
                return outer
            }
            return holder
        }
        let w = lower[k]
        if w == "and" || w == "," || w == "but" {
            // "X noted that A, and expressed hope ...": after a comma, the verb is coordinated
            // with the reporting verb, not with a verb of A.
            if w == "and", k > s, lower[k - 1] == ",", let verb = reportingVerb(before: k - 1, sentence: sentence),
               let outer = subject(ofVerbAt: verb, sentence: sentence, depth: depth - 1) {
                return outer
            }
            // "X said that Poland highly values A and congratulated B": a verb in the past after
            // a that-clause in the present goes with the past reporting verb, not the clause.
            if w == "and", isPastVerb(v), let verb = reportingVerb(before: k, sentence: sentence), isPastVerb(verb),
               let that = (verb + 1..<k).last(where: { lower[$0] == "that" }), isPresentClause(that + 1..<k),
               let outer = subject(ofVerbAt: verb, sentence: sentence, depth: depth - 1) {
                return outer
            }
            return clauseSubject(sentence: sentence, before: v) ?? lastSpeaker
        }
        if Self.beForms.contains(w) || Self.lightVerbs.contains(w) || Self.reportingVerbs.contains(w) || tagger.verbForms.contains(w) {
            return subject(ofVerbAt: k, sentence: sentence, depth: depth - 1)
        }
        if w == "that" {
            return outerClause(before: k + 1, sentence: sentence, depth: depth)
        }
        // ", which confirmed ...": the thing described confirms, not the clause's subject; it
        // holds only when it is an entity ("the Secretariat, which welcomed ...").
        if w == "which", k - 2 >= s, lower[k - 1] == "," {
            return holderEnding(at: k - 2, sentence: sentence).flatMap { $0.spans.isEmpty ? nil : $0 }
        }
        if w == "it" {
            return outerClause(before: k, sentence: sentence, depth: depth)
        }
        return clauseSubject(sentence: sentence, before: v) ?? lastSpeaker
    }

    /// The start of the object phrase that an entity starting at token `first` belongs to, when
    /// it is the object of a verb of meeting or of "with": "met (with) [Prime Minister X of
    /// Japan]". Nil when the entity is no such object.
    func objectStart(_ first: Int, sentence: Range<Int>) -> Int? {
        let s = sentence.lowerBound
        var t = first
        // "Prime Minister X of [Japan]": the whole phrase.
        if t - 2 > s, lower[t - 1] == "of", let m = flatEndingAt[t - 1], let r = tokenRange(of: m.span) { t = r.lowerBound }
        if let title = titleEndingAt[t] { t = title.lowerBound }
        guard t > s, Self.objectMarkers.contains(lower[t - 1]) else { return nil }
        return t
    }

    /// Words after which an entity is an object, not a subject: "spoke with", "met".
    static let objectMarkers: WordSet = ["with", "met", "visited", "received", "telephoned", "phoned"]

    func isExpletive(_ holder: Holder, _ k: Int) -> Bool { lower[k] == "it" && holder.spans.isEmpty }

    func isPastVerb(_ k: Int) -> Bool {
        let w = lower[k]
        return w.hasSuffix("ed") || Self.irregularPasts.contains(w)
    }

    static let irregularPasts: WordSet = [
        "said", "told", "made", "gave", "took", "held", "met", "sent", "saw", "felt", "paid", "spoke",
        "thought", "brought", "put", "led", "left", "underwent", "sought", "won", "began",
    ]

    /// Whether a clause has a verb in the present tense: a copula, auxiliary or modal of the
    /// present ("is", "has", "will"), or a word in -s right after an entity or an adverb in -ly
    /// ("Poland highly values", "Egypt firmly adheres").
    func isPresentClause(_ range: Range<Int>) -> Bool {
        range.contains { t in
            let w = lower[t]
            if Self.presentAuxiliaries.contains(w) { return true }
            guard t > range.lowerBound, w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), view.isLowercaseWord(t) else { return false }
            return flatEndingAt[t] != nil || lower[t - 1].hasSuffix("ly")
        }
    }

    static let presentAuxiliaries: WordSet = ["is", "are", "has", "have", "remains", "remain", "will", "can", "does", "do", "stands"]

    /// "X stated that it was regrettable ...": the subject of the verb before "that".
    mutating func outerClause(before k: Int, sentence: Range<Int>, depth: Int) -> Holder? {
        var t = k - 1
        while t >= max(sentence.lowerBound, k - Self.window), lower[t] != "that" { t -= 1 }
        if t < max(sentence.lowerBound, k - Self.window) { return lastSpeaker }
        if t > sentence.lowerBound, let verb = previousContent(t, from: sentence.lowerBound) {
            return subject(ofVerbAt: verb + 1, sentence: sentence, depth: depth - 1)
        }
        return lastSpeaker
    }

    /// The holder of an evaluation at token c: the subject of the reporting verb whose
    /// "that"-clause contains it, else the speaker of the text before.
    mutating func speaker(before c: Int, sentence: Range<Int>) -> Holder? {
        var t = c - 1
        while t > max(sentence.lowerBound, c - Self.window) {
            if lower[t] == "that", let verb = previousContent(t, from: sentence.lowerBound),
               Self.reportingVerbs.contains(lower[verb]) || Self.lightVerbs.contains(lower[verb]) {
                return subject(ofVerbAt: verb, sentence: sentence, depth: 3)
            }
            t -= 1
        }
        return lastSpeaker ?? previousSpeaker(before: sentence.lowerBound)
    }

    /// The subject of the last reporting verb in the sentence before token i ("Wang Yi said
    /// ... . It is hoped that ..."): who is speaking when a sentence names no one.
    mutating func previousSpeaker(before i: Int) -> Holder? {
        guard let index = view.sentences.lastIndex(where: { $0.upperBound <= i }) else { return nil }
        let previous = view.sentences[index]
        for t in previous.reversed().prefix(Self.window) where Self.reportingVerbs.contains(lower[t]) && !view.isCapitalized(t) {
            if let h = subject(ofVerbAt: t, sentence: previous, depth: 2), !h.spans.isEmpty { return h }
        }
        return nil
    }

    /// The reporting verb whose that-clause runs up to token v ("noted that ..."), if any.
    func reportingVerb(before v: Int, sentence: Range<Int>) -> Int? {
        var t = v - 1
        while t > max(sentence.lowerBound, v - Self.window) {
            if [";", ":"].contains(lower[t]) { return nil }
            if lower[t] == "that", let verb = previousContent(t, from: sentence.lowerBound),
               Self.reportingVerbs.contains(lower[verb]) || Self.lightVerbs.contains(lower[verb]) {
                return verb
            }
            t -= 1
        }
        return nil
    }

    /// The start of the clause that contains token v: after the last "that" introduced by a
    /// reporting verb or cue, else the sentence start.
    func clauseStart(before v: Int, sentence: Range<Int>) -> Int {
        var t = v - 1
        while t > max(sentence.lowerBound, v - Self.window) {
            if lower[t] == "that", let verb = previousContent(t, from: sentence.lowerBound),
               Self.reportingVerbs.contains(lower[verb]) || Self.lightVerbs.contains(lower[verb]) || tagger.verbForms.contains(lower[verb]) {
                return t + 1
            }
            // "shared the view that A, and that B": a coordinated that-clause starts here.
            if lower[t] == "that", lower[t - 1] == "and" { return t + 1 }
            t -= 1
        }
        return max(sentence.lowerBound, v - Self.window)
    }

    /// Nouns whose "that" opens a clause: "the view that", "the recognition that".
    static let clauseNouns: WordSet = ["view", "views", "recognition", "idea", "understanding", "position", "belief", "opinion", "assessment", "fact", "hope", "concern", "conviction"]

    /// How far back (in tokens) clause and speaker searches look: sentences of readouts are
    /// far shorter; a pathological one-line megabyte stays linear.
    static let window = 150

    /// The subject at the start of the clause, after an opening phrase ("At the outset, ...").
    mutating func clauseSubject(sentence: Range<Int>, before limit: Int) -> Holder? {
        var start = clauseStart(before: limit, sentence: sentence)
        if start < limit, Self.openers.contains(lower[start]) {
            var k = start
            while k < limit, lower[k] != "," { k += 1 }
            if k < limit { start = k + 1 }
        }
        var k = start
        while k < limit {
            // A title before a name: the name is the subject.
            if let t = titleStartingAt[k], t.upperBound < limit, flatStartingAt[t.upperBound] != nil {
                k = t.upperBound
                continue
            }
            if let m = flatStartingAt[k], let range = tokenRange(of: m.span) {
                // "Sergey Lavrov and (Minister) Badr Abdelatty": both are the subject.
                var j = range.upperBound + 1
                if m.label == .person, j < limit, lower[j - 1] == "and" {
                    if let t = titleStartingAt[j] { j = t.upperBound }
                    if let other = flatStartingAt[j], other.label == .person, let r = tokenRange(of: other.span), r.upperBound <= limit {
                        return holderEnding(at: r.upperBound - 1, sentence: sentence)
                    }
                }
                return holderEnding(at: range.upperBound - 1, sentence: sentence)
            }
            // An actor expression starting here, the longest ("The Secretary and the Foreign
            // Minister", not "The Secretary").
            var end = min(limit, k + 8)
            while end > k {
                if let h = actorExpression(start: k, end: end, sentence: sentence) { return h }
                end -= 1
            }
            if Self.determiners.contains(lower[k]) || view.isCapitalized(k) || lower[k] == "," { k += 1; continue }
            break
        }
        return nil
    }

    /// A holder mention that ends at token k: an entity (two joined by "and" are both
    /// holders), a pronoun or a group expression.
    mutating func holderEnding(at k: Int, sentence: Range<Int>) -> Holder? {
        if let m = flatEndingAt[k + 1] {
            var spans = [m.span]
            guard let range = tokenRange(of: m.span) else { return Holder(spans: spans, rule: "subject") }
            /// The token before token i, past one "the".
            func before(_ i: Int) -> Int {
                let j = i - 1
                return j > sentence.lowerBound && lower[j] == "the" ? j - 1 : j
            }
            switch m.label {
            case .person:
                // "Deputy Secretary Sullivan and Foreign Minister Kono".
                let j = (titleEndingAt[range.lowerBound]?.lowerBound ?? range.lowerBound) - 1
                // "The Secretary and Foreign Minister Kono": a role, then the titled name.
                if j > sentence.lowerBound, lower[j] == "and", flatEndingAt[j] == nil,
                   let role = longestActor(endingBefore: j, longest: 5, shortest: 2, sentence: sentence)?.holder.spans[0],
                   actors[role]?.references != m.references {
                    spans.insert(role, at: 0)
                }
                if j > sentence.lowerBound, lower[j] == "and", let other = flatEndingAt[j], other.label == .person {
                    spans.insert(other.span, at: 0)
                    // "They" after "Minister A and Deputy Prime Minister B agreed ..." are A and B.
                    let people = (other.references + m.references).reduce(into: [Reference]()) { if !$0.contains($1) { $0.append($1) } }
                    if people.count == 2 { remember(plural: people) }
                }
            case .place, .organization:
                let j = before(range.lowerBound)
                // "The Ministry of Foreign Affairs of the Kingdom of Bahrain condemns": the body,
                // not the country that names it.
                if m.label == .place, j > sentence.lowerBound, lower[j] == "of", let body = flatEndingAt[j], body.label == .organization {
                    return Holder(spans: [body.span], rule: "subject")
                }
                // "Japan and the United States condemned ...", "Indonesia and Malaysia Agree ...":
                // countries and bodies as one subject, unless they are the object of a
                // preposition ("relations between Japan and China").
                if j > sentence.lowerBound, lower[j] == "and", let other = flatEndingAt[j],
                   other.label == .place || other.label == .organization, let first = tokenRange(of: other.span) {
                    let g = before(first.lowerBound)
                    if g < sentence.lowerBound || !Self.coordinationGovernors.contains(lower[g]) { spans.insert(other.span, at: 0) }
                }
            default:
                break
            }
            return Holder(spans: spans, rule: "subject")
        }
        // "It" as a subject is an expletive ("it was regrettable that").
        if lower[k] == "it" { return Holder(spans: [], rule: "expletive") }
        guard let (start, h) = longestActor(endingBefore: k + 1, longest: 8, sentence: sentence) else { return nil }
        // "The Japanese side and the ROK side welcomed": both sides hold.
        if start - 2 >= sentence.lowerBound, lower[start - 1] == "and",
           let other = longestActor(endingBefore: start - 1, longest: 5, sentence: sentence)?.holder {
            return Holder(spans: other.spans + h.spans, rule: h.rule)
        }
        return h
    }

    /// The longest actor expression (of `shortest` to `longest` tokens) that ends before token
    /// `end`, with its first token: "The two Ministers", not "two Ministers". An expression
    /// is one span (``actorExpression(start:end:sentence:)``).
    mutating func longestActor(endingBefore end: Int, longest: Int, shortest: Int = 1, sentence: Range<Int>) -> (start: Int, holder: Holder)? {
        var start = max(sentence.lowerBound, end - longest)
        while start <= end - shortest {
            if let h = actorExpression(start: start, end: end, sentence: sentence) { return (start, h) }
            start += 1
        }
        return nil
    }

    /// Heads of bodies that "the <head>" refers back to: "The Ministry", "The Embassy".
    static let bodyNouns: WordSet = ["ministry", "department", "embassy", "secretariat", "commission", "council", "office", "agency"]

    /// Verbs after which "with" + a stance noun is the subject's stance: "noted with concern".
    static let mannerVerbs: WordSet = [
        "note", "notes", "noted", "noting", "view", "views", "viewed", "viewing", "follow", "follows",
        "followed", "following", "watch", "watches", "watched", "watching", "observed", "received", "welcomed",
    ]

    /// Words before "A and B" that make the pair no subject: "between Japan and China".
    static let coordinationGovernors: WordSet = ["between", "of", "with", "among", "from", "to", "in", "for", "by", "and", ","]

    /// A possessive ending: "’s", or a bare apostrophe after a plural ("leaders’").
    func isPossessive(_ k: Int) -> Bool {
        let w = lower[k]
        if w == "\u{2019}s" || w == "'s" { return true }
        return (w == "\u{2019}" || w == "'") && k > 0 && view.joined(k - 1) && lower[k - 1].hasSuffix("s")
    }

    /// A possessor before "’s": "Japan’s", "the ROK government’s", "both leaders’".
    mutating func possessor(endingBefore k: Int, sentence: Range<Int>) -> Holder? {
        if let m = flatEndingAt[k] {
            // "Japan’s and the United States’ support": both possessors hold it.
            if var j = tokenRange(of: m.span)?.lowerBound {
                if j > sentence.lowerBound, lower[j - 1] == "the" { j -= 1 }
                if j - 2 > sentence.lowerBound, lower[j - 1] == "and", isPossessive(j - 2), let first = flatEndingAt[j - 2] {
                    return Holder(spans: [first.span, m.span], rule: "possessor")
                }
            }
            return Holder(spans: [m.span], rule: "possessor")
        }
        // "the latter's support".
        if k - 2 >= sentence.lowerBound, lower[k - 2] == "the", ["former", "latter"].contains(lower[k - 1]) {
            return actorExpression(start: k - 2, end: k, sentence: sentence)
        }
        if k - 1 >= sentence.lowerBound, Self.groupNouns.contains(lower[k - 1]) {
            for start in max(sentence.lowerBound, k - 5)..<k {
                if let h = actorExpression(start: start, end: k, sentence: sentence) { return h }
            }
        }
        if k - 1 > sentence.lowerBound, ["government", "side", "people", "administration"].contains(lower[k - 1]),
           let m = flatEndingAt[k - 1] {
            return Holder(spans: [m.span], rule: "possessor")
        }
        return nil
    }

    static let groupNouns: WordSet = [
        "ministers", "leaders", "sides", "countries", "parties", "delegations", "counterparts",
        "governments", "nations", "secretaries", "presidents", "heads", "excellencies", "officials",
    ]
    static let peopleGroups: WordSet = ["ministers", "leaders", "counterparts", "secretaries", "presidents", "heads", "delegations", "excellencies", "officials"]
    /// "the Japanese side", "the Ghanaian delegation": a country's side by its nationality.
    static let sideNouns: WordSet = ["side", "delegation", "government", "authorities"]

    /// A pronoun or group expression over tokens [start, end), normalized to the entities it
    /// stands for: "The two Ministers", "both sides", "the Japanese side", "she", "The Secretary
    /// and the Foreign Minister".
    mutating func actorExpression(start: Int, end: Int, sentence: Range<Int>) -> Holder? {
        let words = (start..<end).map { lower[$0] }
        let span = view.span(start..<end)
        func make(_ refs: [Reference], _ rule: String) -> Holder? {
            guard !refs.isEmpty else { return nil }
            actors[span] = Mention(label: .actor, span: span, references: refs, provenance: Provenance(rule: rule))
            return Holder(spans: [span], rule: rule)
        }
        // "EAM thanked ...", "the FM said ...": a title's acronym stands for its bearer.
        if words.count <= 2, view.isAllCaps(end - 1), words.count == 1 || words[0] == "the",
           let forms = tagger.roleAcronyms[words[words.count - 1]] {
            for form in forms {
                if let r = personWithRole(form, before: start) { return make([r], "role") }
            }
        }
        // Before a verb, "the two agreed ...", "Both welcomed ..." and, opening a sentence,
        // "Ministers condemned ..." are the participants.
        let bareGroup = words == ["the", "two"] || words == ["both"] || words == ["the", "three"]
            || words.count == 1 && start == sentence.lowerBound && view.isCapitalized(start) && Self.peopleGroups.contains(words[0])
        if bareGroup, end < sentence.upperBound, view.isLowercaseWord(end), isHolderVerb(end) || tagger.verbForms.contains(lower[end]) {
            remember(plural: participants)
            return make(participants, "group")
        }
        // "The former requested ..., while the latter expressed ...": of the last two people
        // named, the earlier or the later. Not "the former Prime Minister".
        if words.count == 2, words[0] == "the", words[1] == "former" || words[1] == "latter", end < sentence.upperBound,
           isPossessive(end) || (end..<min(sentence.upperBound, end + 3)).first(where: { !Self.skippable.contains(lower[$0]) }).map({
               view.isLowercaseWord($0) && (isHolderVerb($0) || tagger.verbForms.contains(lower[$0])) }) == true {
            let pair = lastTwoPeople(before: start)
            guard pair.count == 2 else { return nil }
            return make([words[1] == "former" ? pair[0] : pair[1]], "pronoun")
        }
        if words.count == 1 {
            switch words[0] {
            case "he", "she", "herself", "himself":
                // "Minister Iwaya ... stated that he would like ...": the reporting verb's subject.
                if start > sentence.lowerBound + 1, lower[start - 1] == "that",
                   let verb = reportingVerb(ofThatAt: start - 1, sentence: sentence),
                   let person = quotedPerson(subject(ofVerbAt: verb, sentence: sentence, depth: 2)) {
                    return make([person], "pronoun")
                }
                // "The Prime Minister said she looked forward ...": without "that" too.
                if start > sentence.lowerBound, Self.reportingVerbs.contains(lower[start - 1]), isPastVerb(start - 1),
                   let person = quotedPerson(subject(ofVerbAt: start - 1, sentence: sentence, depth: 2)) {
                    return make([person], "pronoun")
                }
                // A pronoun opening a sentence continues the previous sentence's subject.
                if start == sentence.lowerBound || start > sentence.lowerBound && lower[start - 1] == "," && start - sentence.lowerBound <= 6,
                   let person = previousSubjectPerson(before: sentence.lowerBound) {
                    return make([person], "pronoun")
                }
                return make(nearestPerson(before: start).map { [$0] } ?? [], "pronoun")
            case "they", "themselves":
                // "X also held talks with Y. They reviewed ...": the two who just met.
                if start == sentence.lowerBound, let pair = pairWhoMet(before: sentence.lowerBound) {
                    remember(plural: pair)
                    return make(pair, "pronoun")
                }
                if let refs = lastPlural { return make(refs, "pronoun") }
                return make(participants, "pronoun")
            case "i", "myself", "we", "ourselves":
                let plural = words[0] == "we" || words[0] == "ourselves"
                // Inside a quotation: the one quoted ("X said: "We condemn ..."", ""I look
                // forward ...," he added"); "we" is the speaker's country when it is known.
                if let speaker = quotation(around: start, sentence: sentence).flatMap({ quoteSpeaker($0, sentence: sentence) })
                    ?? speakerOfLongQuotation(around: start) {
                    if plural, let code = participantCountries[speaker.id] ?? tagger.lexicon.entry(id: speaker.id, label: .person)?.country {
                        return make([tagger.lexicon.sideReference(code)], "pronoun")
                    }
                    return make([speaker], "pronoun")
                }
                if plural {
                    // "China has noted the remarks. We urge Japan ...": a country speaking of
                    // itself just before, in the same paragraph (a spokesperson's answer).
                    if start == sentence.lowerBound, let code = countrySpeaking(before: start) {
                        return make([tagger.lexicon.sideReference(code)], "pronoun")
                    }
                    // The authors of a joint or chair's statement: the participants, else the
                    // organization whose meeting it reports ("the ASEAN Foreign Ministers' Meeting").
                    if participants.count >= 2 { return make(participants, "pronoun") }
                    if !meetingOrganizations.isEmpty { return make(meetingOrganizations, "pronoun") }
                    return make(participants.isEmpty ? countries : participants, "pronoun")
                }
                // A statement in the first person: its author, the first participant named.
                return make(participants.first.map { [$0] } ?? nearestPerson(before: start).map { [$0] } ?? [], "pronoun")
            default:
                return nil
            }
        }
        guard let first = words.first, ["the", "both", "two", "all"].contains(first) || Self.determiners.contains(first) else { return nil }
        // "The two heads of government (of state, of delegation)": a group of heads.
        let n = words.count
        let headsOf = n >= 4 && words[n - 3] == "heads" && words[n - 2] == "of"
            && ["government", "state", "delegation", "delegations"].contains(words[n - 1])
        let group = words.dropLast(headsOf ? 2 : 0)
        let last = group.last!
        let inner = group.dropFirst().dropLast()
        // "The Ministry expresses its condolences": the last organization named with that head
        // ("the Ministry of Foreign Affairs of the Kingdom of Bahrain").
        if words.count == 2, first == "the", Self.bodyNouns.contains(last), view.isCapitalized(start + 1),
           let body = flatRanges.last(where: { range, m in
               range.upperBound <= start && m.label == .organization && lower[range.lowerBound..<range.upperBound].contains(last)
           }) {
            return make(body.1.references, "body")
        }
        if Self.groupNouns.contains(last) {
            // "the two Ministers", "both Prime Ministers", "The three Foreign Ministers", "both sides".
            let allowed: Set<String> = ["two", "three", "both", "foreign", "prime", "all", "four", "the", "respective"]
            guard inner.allSatisfy({ allowed.contains($0) }) else { return nil }
            // "Their Excellencies" too.
            if first != "both" && first != "the" && first != "all" && first != "two" && !(first == "their" && last == "excellencies") { return nil }
            if Self.peopleGroups.contains(last) {
                // "The Ministers" with no number are all of them.
                let count = words.contains("three") ? 3 : words.contains("four") ? 4
                    : words.contains("two") || words.contains("both") ? 2 : participants.count
                var refs = count > participants.count ? participants : Array(participants.prefix(max(2, count)))
                // Of three, "X sought ..., and the two Ministers expressed their support": the
                // two other than the one the sentence named before.
                if count < participants.count {
                    let ids = Set(participants.map(\.id))
                    var named = Set<String>()
                    for (range, m) in flatRanges where m.label == .person && range.lowerBound >= sentence.lowerBound && range.upperBound <= start {
                        if let id = m.references.first?.id, ids.contains(id) { named.insert(id) }
                    }
                    let others = participants.filter { !named.contains($0.id) }
                    if named.count == participants.count - count, others.count == count { refs = others }
                }
                remember(plural: refs)
                return make(refs, "group")
            }
            remember(plural: countries)
            return make(countries, "group")
        }
        if Self.sideNouns.contains(last), words.count >= 3, first == "the" {
            // "the Japanese side", "the ROK side", "the Ghanaian delegation".
            let middle = (start + 1..<end - 1)
            let text = middle.map { view[$0] }.joined(separator: " ")
            if let code = tagger.lexicon.demonyms[text] { return make([tagger.lexicon.sideReference(code)], "side") }
            if let m = flatStartingAt[start + 1], m.label != .person, tokenRange(of: m.span)?.upperBound == end - 1 {
                return make(m.references, "side")
            }
            return nil
        }
        // "His Highness welcomed ...": the person who bears the honorific.
        if ["his", "her"].contains(first), view.isCapitalized(start + 1) {
            let honorific = words.joined(separator: " ")
            if let forms = tagger.honorifics[honorific], let r = personWithRole(anyOf: forms, before: start) { return make([r], "role") }
        }
        // "The Prime Minister", "the Secretary and the Foreign Minister", "the Secretary and
        // Foreign Minister".
        let phrase = written(start + 1..<end)
        if first == "the" {
            var parts = phrase.components(separatedBy: " and the ")
            // "The Secretary and Foreign Minister discussed": two roles without a second "the".
            if parts.count == 1, !tagger.roles.contains(phrase) { parts = phrase.components(separatedBy: " and ") }
            var refs: [Reference] = []
            // "The Iranian Foreign Minister": the foreign minister who represents Iran.
            if parts.count == 1, !tagger.roles.contains(phrase), let (country, role) = demonymRole(after: start, end: end) {
                guard let r = personWithRole(role, before: start, country: country), view.isCapitalized(start + 1) else { return nil }
                return make([r], "role")
            }
            for part in parts {
                // The readout's unnamed principal: "The Prime Minister met Prime Minister X ...
                // The Prime Minister welcomed ...".
                if let principal, principal.role == part {
                    for r in principal.refs where !refs.contains(r) { refs.append(r) }
                    continue
                }
                guard tagger.roles.contains(part), let r = personWithRole(part, before: start) ?? secretaryGeneral(part) else { return nil }
                if !refs.contains(r) { refs.append(r) }
            }
            if !refs.isEmpty, view.isCapitalized(start + 1) {
                // "The High Representative and the Minister ...": a later "they" is the two.
                if refs.count >= 2 { remember(plural: refs) }
                return make(refs, "role")
            }
        }
        return nil
    }

    /// Tokens in lower case as written, one space where the text has space between them:
    /// "secretary-general" is one word of three tokens.
    func written(_ range: Range<Int>) -> String {
        var text = ""
        for k in range {
            if k > range.lowerBound, !view.joined(k - 1) { text += " " }
            text += lower[k]
        }
        return text
    }

    /// "The Secretary-General" when the readout never names them (the UN's readouts): the
    /// Secretary-General of the organization the role names ("UN", "NATO"), else of NATO in a
    /// readout that names NATO and not the UN, else of the UN; the one in office in the year
    /// of the meeting, or today's when the readout has no date.
    func secretaryGeneral(_ role: String) -> Reference? {
        let words = role.split(separator: " ")
        guard let last = words.last, last == "secretary-general" || words.suffix(2) == ["secretary", "general"] else { return nil }
        let prefix = words.dropLast(last == "secretary-general" ? 1 : 2).joined(separator: " ")
        let organization: String
        switch prefix {
        case "un", "united nations": organization = "UN"
        case "nato": organization = "NATO"
        case "":
            organization = OfficeHolders.bodyOfSecretaryGeneral(in: mentions)
        default: return nil
        }
        return tagger.officeHolders.secretaryGeneral(of: organization, year: meetingYear)
    }

    /// The person the previous sentence is about: its subject, when that is one person.
    mutating func previousSubjectPerson(before i: Int) -> Reference? {
        guard let index = view.sentences.lastIndex(where: { $0.upperBound <= i }) else { return nil }
        let previous = view.sentences[index]
        guard let holder = clauseSubject(sentence: previous, before: previous.upperBound), holder.spans.count == 1,
              let span = holder.spans.first else { return nil }
        if let actor = actors[span], actor.references.count == 1 { return actor.references[0] }
        if let range = tokenRange(of: span), let m = flatEndingAt[range.upperBound], m.label == .person { return m.references.first }
        return nil
    }

    /// The two people of the sentence before the one starting at token s, when it names
    /// exactly two and a verb of meeting ("met", "held talks with", "spoke"), the earlier first.
    func pairWhoMet(before s: Int) -> [Reference]? {
        let n = sentenceIndex(ofToken: s)
        guard n > 0 else { return nil }
        let previous = view.sentences[n - 1]
        guard previous.contains(where: { MeetingExtractor.mainVerbs.contains(lower[$0]) }) else { return nil }
        var found: [Reference] = []
        var k = personEnds.partitionIndex { $0 > previous.lowerBound }
        while k < personEnds.count, personEnds[k] <= previous.upperBound {
            if let r = flatEndingAt[personEnds[k]]?.references.first, !found.contains(where: { $0.id == r.id }) { found.append(r) }
            k += 1
        }
        // Its subject a role: "EAM also held talks with Minister X", "The Minister met X".
        if found.count == 1 {
            let f = previous.lowerBound
            var subject: Reference?
            if let forms = tagger.roleAcronyms[lower[f]] {
                subject = personWithRole(anyOf: forms, before: f)
            } else if lower[f] == "the", previous.upperBound >= f + 2,
                      let e = (f + 2...min(f + 4, previous.upperBound)).reversed().first(where: { tagger.roles.contains(written(f + 1..<$0)) }) {
                subject = personWithRole(written(f + 1..<e), before: f)
            }
            if let subject, subject.id != found[0].id { found.insert(subject, at: 0) }
        }
        return found.count == 2 ? found : nil
    }

    /// The country that opens the sentence before token s as its subject ("China has noted
    /// ..."), when that sentence is in the same paragraph; a leading "A:" of an answer is skipped.
    func countrySpeaking(before s: Int) -> String? {
        let n = sentenceIndex(ofToken: s)
        guard n > 0, view.sameLine(s - 1) else { return nil }
        var k = view.sentences[n - 1].lowerBound
        if k + 1 < s, view[k] == "A", view[k + 1] == ":" { k += 2 }
        guard let m = flatStartingAt[k], m.label == .place, let id = m.references.first?.id, Lexicon.isCountryCode(id),
              let r = tokenRange(of: m.span), r.upperBound < s, view.isLowercaseWord(r.upperBound),
              !Self.prepositions.contains(lower[r.upperBound]) else { return nil }
        return id
    }

    /// The last two different people named before token i, the earlier first.
    func lastTwoPeople(before i: Int) -> [Reference] {
        var found: [Reference] = []
        var k = personEnds.partitionIndex { $0 > i }
        while k > 0, found.count < 2 {
            k -= 1
            if let r = flatEndingAt[personEnds[k]]?.references.first, !found.contains(where: { $0.id == r.id }) { found.append(r) }
        }
        return found.reversed()
    }

    /// The nearest person mentioned before token i.
    func nearestPerson(before i: Int) -> Reference? {
        // The last person ending at or before i (binary search over their ends).
        let k = personEnds.partitionIndex { $0 > i }
        guard k > 0 else { return nil }
        return flatEndingAt[personEnds[k - 1]]?.references.first
    }

    /// The participant (or else the last person) whose title contains the role word.
    func personWithRole(_ role: String, before i: Int, country: String? = nil) -> Reference? {
        personWithRole(anyOf: [role], before: i, country: country)
    }

    /// The same for a role written in any of several forms ("his excellency", "h.e.").
    func personWithRole(anyOf roles: [String], before i: Int, country: String? = nil) -> Reference? {
        var candidates: [Reference] = []
        /// People with a title that names a place ("Prime Minister of Japan").
        var qualified: Set<String> = []
        var unknownCountry: [Reference] = []
        /// People whose title is the role alone, or the role and "of" a place ("Minister of
        /// Foreign Affairs of Thailand" for "the Minister of Foreign Affairs").
        var exact: Set<String> = []
        // The last fifty titles before i.
        let before = titleRanges.lazy.filter { $0.upperBound <= i }
        for t in before.suffix(50) {
            let title = written(t)
            // The person right after the title, after it and a comma ("The Foreign Secretary,
            // David Lammy"), or right before it.
            var appositive: Mention?
            if t.upperBound + 1 < view.count, lower[t.upperBound] == "," {
                // "..., Dr. Abbas Araghchi": past an honorific.
                let k = titleStartingAt[t.upperBound + 1]?.upperBound ?? t.upperBound + 1
                appositive = flatStartingAt[k]
            }
            guard let role = roles.first(where: { title.contains($0) }), let person = flatStartingAt[t.upperBound] ?? appositive ?? flatEndingAt[t.lowerBound - 1],
                  person.label == .person, let r = person.references.first else { continue }
            if let country {
                // Of the country named, else of no known country.
                let own = self.country(of: r, title: t)
                if own == nil { unknownCountry.append(r) }
                if own != country { continue }
            }
            candidates.append(r)
            let places = places(startingIn: t)
            // A title that names a country, also by its nationality ("Philippine Foreign Secretary").
            if !places.isEmpty || t.contains(where: { tagger.lexicon.demonyms[view[$0]] != nil }) { qualified.insert(r.id) }
            if title == role || title.hasPrefix(role + " of ") && places.contains(where: { $0.0.upperBound == t.upperBound }) {
                exact.insert(r.id)
            }
        }
        // Of two participants with the role, the bare role is the one whose title names no
        // country ("Prime Minister Modi ... the Prime Minister of Japan, Mr. Abe"): the
        // readout's own side.
        if candidates.isEmpty { candidates = unknownCountry }
        let named = candidates.filter { participants.contains($0) }
        if Set(named).count > 1, named.contains(where: { qualified.contains($0.id) }),
           let own = named.last(where: { !qualified.contains($0.id) }) { return own }
        // Both name a country: the one whose title is just the role of a country ("the Minister
        // of Foreign Affairs": not "Deputy Prime Minister and Minister of Foreign Affairs and
        // International Cooperation of Cambodia").
        if Set(named).count > 1, Set(named.filter { exact.contains($0.id) }).count == 1,
           let own = named.last(where: { exact.contains($0.id) }) { return own }
        // Still two: the readout's own principal, its first participant ("Minister of Foreign
        // Affairs of Ukraine X met Foreign Minister of Poland Y ... The Minister thanked Poland").
        if Set(named).count > 1, let first = participants.first(where: { named.contains($0) }) { return first }
        return named.last ?? candidates.last
    }

    /// The country a titled person represents: a place named in the title ("Foreign Minister
    /// of Iran"), else the meeting's record of the participant, else the lexicon's.
    func country(of person: Reference, title: Range<Int>) -> String? {
        for (range, m) in places(startingIn: title) where range.upperBound <= title.upperBound {
            if let id = m.references.first?.id { return id }
        }
        if let code = participantCountries[person.id] { return code }
        return tagger.lexicon.entry(id: person.id, label: .person)?.country
    }

    /// The place mentions that start at a token of `range`, in text order, with their tokens.
    func places(startingIn range: Range<Int>) -> some Collection<(Range<Int>, Mention)> {
        range.lazy.compactMap { k in
            flatStartingAt[k].flatMap { m in m.label == .place ? tokenRange(of: m.span).map { ($0, m) } : nil }
        }
    }

    /// "Iranian foreign minister" -> ("IRN", "foreign minister"): a role after a nationality
    /// adjective (one or two words) of the demonym lexicon, from the tokens after `start`.
    func demonymRole(after start: Int, end: Int) -> (country: String, role: String)? {
        for n in [2, 1] where start + 1 + n < end {
            let words = (start + 1..<start + 1 + n).map { view[$0] }.joined(separator: " ")
            if let code = tagger.lexicon.demonyms[words] {
                let role = written(start + 1 + n..<end)
                if tagger.roles.contains(role) { return (code, role) }
            }
        }
        return nil
    }

    // MARK: Targets

    /// The complement of a cue ending at token `start`, up to the clause boundary: the end of
    /// the sentence, a semicolon, a new clause of the holder's (", stressing ...", ", and
    /// expressed ...", ", he added"). A non-restrictive relative clause (", which ...") is part
    /// of the noun phrase it describes, so it stays in the target.
    func target(after start: Int, sentence: Range<Int>) -> Span? {
        let limit = sentence.upperBound
        guard start < limit, ![",", ".", ";", ":", ")", "!", "?", "and", "but"].contains(lower[start]) else { return nil }
        // "condemned it in the strongest terms": an object pronoun is the whole target.
        if ["it", "them"].contains(lower[start]), start + 1 == limit || Self.afterObjectPronoun.contains(lower[start + 1]) {
            return view.span(start..<start + 1)
        }
        // "neither welcomed nor rejected the proposal": the object after the second verb.
        var start = start
        if ["nor", "or"].contains(lower[start]), start + 2 < limit, tagger.verbForms.contains(lower[start + 1]) { start += 2 }
        var end = start
        var depth = 0
        // A cue inside a quotation: its target ends with the quotation.
        let quoteEnd = quotation(around: start, sentence: sentence)?.close ?? limit
        // Inside a non-restrictive relative clause (", which ..."), which belongs to the noun
        // phrase; a following ", that ..." is the next complement of the reporting verb.
        var relative = false
        while end < min(limit, quoteEnd) {
            let w = lower[end]
            if w == "(" { depth += 1 }
            if w == ")" { if depth == 0 { break }; depth -= 1 }
            if w == ";" { break }
            if w == ",", end + 1 < limit {
                let next = lower[end + 1]
                if next == "which" { relative = true }
                if relative, next == "that" { break }
                // ", to which Minister Y expressed his support": another's answer.
                if Self.prepositions.contains(next), end + 3 < limit, ["which", "whom"].contains(lower[end + 2]),
                   titleStartingAt[end + 3] != nil || flatStartingAt[end + 3] != nil { break }
                if Self.clauseParticiples.contains(next) || ["while", "whereas", "although", "though", "whilst", "along"].contains(next) { break }
                if ["and", "but", "yet"].contains(next), newClauseOfHolder(at: end + 2, limit: limit) { break }
                // ", and she was ...": a subject pronoun starts a clause of its own.
                if ["and", "but", "yet"].contains(next), end + 2 < limit, Self.subjectPronouns.contains(lower[end + 2]) { break }
                // ", he added", ", she said".
                if reportingTail(at: end + 1, limit: limit) { break }
            }
            // "... and expressed ...", "... but committed ...": a new verb of the holder's.
            if w == "and" || w == "but", end > start, newClauseOfHolder(at: end + 1, limit: limit) { break }
            // "hoped to meet X soon and that he would ...": a that-clause coordinated with a
            // target that is no that-clause is the next complement of the reporting verb.
            if w == "and", end > start, end + 1 < limit, lower[end + 1] == "that", lower[start] != "that" { break }
            end += 1
        }
        // Trailing punctuation and conjunctions are not part of the target (an abbreviation's period is).
        while end > start, [".", ",", ":", "!", "?", "\u{201D}", "\"", "and", "or", "but"].contains(lower[end - 1]) {
            if lower[end - 1] == ".", end - 2 >= start, view.joined(end - 2), lower[end - 2].contains(".") { break }
            // A quotation that is the whole target, with the sentence's period inside
            // ("does not support "Taiwan independence."") loses its marks and the period.
            let closing = lower[end - 1] == "\"" || lower[end - 1] == "\u{201D}"
            if closing, end - 2 > start + 1, [".", ","].contains(lower[end - 2]), lower[start] == "\"" || lower[start] == "\u{201C}",
               !lower[start + 1..<end - 1].contains(where: { $0 == "\"" || $0 == "\u{201C}" || $0 == "\u{201D}" }) {
                start += 1
                end -= 1
                continue
            }
            // A closing quote whose opening quote is in the target stays: "any form of "Taiwan independence"".
            if lower[end - 1] == "\"", lower[start..<end - 1].filter({ $0 == "\"" }).count % 2 == 1 { break }
            if lower[end - 1] == "\u{201D}", lower[start..<end - 1].contains("\u{201C}") { break }
            end -= 1
        }
        // An adverbial alone is no target: "its support so far".
        if end - start <= Self.longestAdverbial, Self.adverbials.contains(lower[start..<end].joined(separator: " ")) { return nil }
        return end > start ? view.span(start..<end) : nil
    }

    static let adverbials: WordSet = [
        "so far", "as well", "again", "too", "also", "together", "today", "once again", "to date",
        "thus far", "as always", "then", "now",
    ]
    /// The most tokens an adverbial has (a token holds no space).
    static let longestAdverbial = adverbials.map { $0.split(separator: " ").count }.max() ?? 0

    /// Whether a clause of the holder's starts at token n: an optional subject, then a
    /// reporting verb, light verb or stance verb in the past tense ("and expressed", "and
    /// both parties shared views", "and they stressed").
    func newClauseOfHolder(at n: Int, limit: Int) -> Bool {
        var k = n
        while k < limit, Self.skippable.contains(lower[k]) { k += 1 }
        if k < limit, isHolderVerb(k) || isPresentHolderVerb(k, limit: limit) || startsPredicate(at: k, limit: limit) { return true }
        // "... but did not oppose ...": an auxiliary, then the base form of a verb.
        if k < limit, k > n, (n..<k).contains(where: { ["did", "does", "do"].contains(lower[$0]) }),
           tagger.baseVerbForms.contains(lower[k]) || Self.lightVerbs.contains(lower[k]) || Self.reportingVerbs.contains(lower[k]) {
            return true
        }
        // A subject first: a pronoun, a group ("both parties"), or a name.
        var subjectEnd: Int?
        if k < limit, ["he", "she", "they", "we"].contains(lower[k]) { subjectEnd = k + 1 }
        if subjectEnd == nil, let m = flatStartingAt[k], m.label != .organization, let r = tokenRange(of: m.span) { subjectEnd = r.upperBound }
        // "and the United States reaffirmed": a country after "the".
        if subjectEnd == nil, k + 1 < limit, lower[k] == "the", let m = flatStartingAt[k + 1], m.label == .place,
           let r = tokenRange(of: m.span) {
            subjectEnd = r.upperBound
        }
        // A titled name: "and Minister Yun expressed".
        if subjectEnd == nil, let title = titleStartingAt[k], let m = flatStartingAt[title.upperBound], m.label == .person,
           let r = tokenRange(of: m.span) {
            subjectEnd = r.upperBound
        }
        // A role: "and the Prime Minister said".
        if subjectEnd == nil, k + 1 < limit, lower[k] == "the" {
            if let title = titleStartingAt[k + 1] {
                subjectEnd = title.upperBound
            } else if let n = (1...3).last(where: { k + 1 + $0 <= limit && tagger.roles.contains(lower[k + 1..<k + 1 + $0].joined(separator: " ")) }) {
                subjectEnd = k + 1 + n
            }
        }
        if subjectEnd == nil {
            var e = k
            while e < min(limit, k + 5) {
                if Self.groupNouns.contains(lower[e]) { subjectEnd = e + 1; break }
                // "..., and the two agreed ...".
                if e > k || lower[e] == "both", ["two", "both", "three"].contains(lower[e]), e + 1 < limit, isHolderVerb(e + 1) { subjectEnd = e + 1; break }
                if !["the", "both", "two", "three", "all", "foreign", "prime"].contains(lower[e]) { break }
                e += 1
            }
        }
        guard var j = subjectEnd else { return false }
        // A parenthetical ", for the purpose of ..., " between subject and verb.
        if j < limit, lower[j] == "," {
            var close = j + 1
            while close < min(limit, j + 15), lower[close] != "," { close += 1 }
            if close < limit, lower[close] == "," { j = close + 1 }
        }
        while j < limit, Self.skippable.contains(lower[j]) { j += 1 }
        return j < limit && isHolderVerb(j)
    }

    /// A verb of the holder's in the present tense, in a statement whose subject is "we",
    /// "I" or "they" ("We welcome X and call on Y ..."): the base form of a stance, light or
    /// reporting verb with an object after it (a determiner, a possessive, "that", "on"), so
    /// that a noun ("concern and support for ...") is not taken for it.
    func isPresentHolderVerb(_ k: Int, limit: Int) -> Bool {
        let w = lower[k]
        guard k + 1 < limit, !w.hasSuffix("ed"), !w.hasSuffix("ing"), !w.hasSuffix("s") || w.hasSuffix("ss"),
              tagger.baseVerbForms.contains(w) || Self.lightVerbs.contains(w) || Self.reportingVerbs.contains(w),
              Self.determiners.contains(lower[k + 1]) || Self.possessivePronouns.contains(lower[k + 1])
                || ["that", "on", "upon"].contains(lower[k + 1]) || flatStartingAt[k + 1] != nil else { return false }
        let start = view.sentenceStart(k)
        return (start..<k).contains { ["we", "i", "they"].contains(lower[$0]) }
    }

    /// "... and is deeply concerned about ...": a copula, then (past intensifiers) a stance
    /// adjective, starts a predicate of the holder's.
    func startsPredicate(at k: Int, limit: Int) -> Bool {
        guard k < limit, Self.beForms.contains(lower[k]) else { return false }
        var j = k + 1
        while j < limit, Self.skippable.contains(lower[j]) || Self.intensifiers.contains(lower[j]) { j += 1 }
        return j < limit && cueForms(at: j).contains { $0.cue.partOfSpeech == .adjective }
    }

    func isHolderVerb(_ k: Int) -> Bool {
        let w = lower[k]
        if Self.meetingVerbs.contains(w) { return true }
        guard w.hasSuffix("ed") || Self.irregularPasts.contains(w) || w.hasSuffix("s") && tagger.verbForms.contains(w) else { return false }
        return Self.reportingVerbs.contains(w) || Self.lightVerbs.contains(w) || tagger.verbForms.contains(w)
    }

    /// Subject pronouns: after ", and" one starts a clause of its own.
    static let subjectPronouns: WordSet = ["he", "she", "they", "we", "i"]
    /// What may follow an object pronoun that is a whole target: punctuation, a preposition,
    /// an adverb ("condemned it in the strongest terms", "welcomed it as a step").
    static let afterObjectPronoun: WordSet = [
        ",", ".", ";", ":", "in", "as", "and", "through", "at", "on", "for", "with", "from", "by",
        "again", "strongly", "firmly", "also", "once", "fully", "warmly", "together",
    ]

    /// What the participants of a meeting did or thought: after "and" such a verb starts a
    /// new predicate of the holder's ("reaffirmed the relations ..., and discussed regional
    /// developments", "supports the fight against X and understands that ..."), which ends
    /// the target.
    static let meetingVerbs: WordSet = [
        "discussed", "exchanged", "held", "met", "talked", "spoke", "reviewed", "briefed", "visited",
        "attended", "signed", "invited", "decided", "announced", "planned", "thanked", "touched",
        "understands", "understood", "considers", "considered", "acknowledges", "acknowledged",
    ]

    /// ", he added", ", the Minister said": a reporting clause closing the sentence.
    func reportingTail(at n: Int, limit: Int) -> Bool {
        var k = n
        if k < limit, ["he", "she", "they"].contains(lower[k]) { k += 1 }
        else if let m = flatStartingAt[k], let r = tokenRange(of: m.span) { k = r.upperBound }
        else { return false }
        return k < limit && Self.reportingVerbs.contains(lower[k]) && (k + 1 >= limit || [".", ","].contains(lower[k + 1]))
    }

    /// The quotation inside a sentence that holds token i: the tokens of its opening and
    /// closing marks (the closing one, or the sentence end when the quotation runs on).
    func quotation(around i: Int, sentence: Range<Int>) -> (open: Int, close: Int)? {
        // Only the quotation marks of the sentence are read (`quoteMarks`, in text order).
        var n = quoteMarks.partitionIndex { $0 >= sentence.lowerBound }
        var open: Int?
        while n < quoteMarks.count, quoteMarks[n] < i {
            let k = quoteMarks[n]
            let w = lower[k]
            if w == "\u{201C}" { open = k } else if w == "\u{201D}" { open = nil } else { open = open == nil ? k : nil }
            n += 1
        }
        guard let open else { return nil }
        while n < quoteMarks.count, quoteMarks[n] < sentence.upperBound, lower[quoteMarks[n]] == "\u{201C}" { n += 1 }
        let close = n < quoteMarks.count && quoteMarks[n] < sentence.upperBound ? quoteMarks[n] : sentence.upperBound
        return (open, close)
    }

    /// Who is quoted: the subject of the reporting verb before the quotation ("X said:
    /// "..."") or the speaker named after it (""...," he added", ""...," said Minister X").
    mutating func quoteSpeaker(_ q: (open: Int, close: Int), sentence: Range<Int>) -> Reference? {
        speakerBefore(open: q.open, sentence: sentence) ?? speakerAfter(close: q.close, open: q.open, sentence: sentence)
    }

    /// The quotations of the document that run over more than one sentence, as pairs of
    /// mark tokens, and the speaker of one of them ("“New Zealand welcomed .... We also raised
    /// our concerns ...”"), named before or after it; a quotation without a speaker that
    /// opens right after the sentence in which another one closed continues it (the next
    /// paragraph of the same statement): its speaker is that one's.
    mutating func speakerOfLongQuotation(around i: Int) -> Reference? {
        var pairs: [(open: Int, close: Int)] = []
        var open: Int?
        for k in quoteMarks {
            switch lower[k] {
            case "\u{201C}": open = k
            case "\u{201D}": if let o = open { pairs.append((o, k)); open = nil }
            default: if let o = open { pairs.append((o, k)); open = nil } else { open = k }
            }
        }
        if let o = open { pairs.append((o, view.count)) }
        guard var n = pairs.firstIndex(where: { $0.open < i && i < $0.close }) else { return nil }
        while true {
            let pair = pairs[n]
            let first = sentenceIndex(ofToken: pair.open), last = sentenceIndex(ofToken: max(pair.open, min(pair.close, view.count - 1)))
            if let speaker = speakerBefore(open: pair.open, sentence: view.sentences[first])
                ?? (pair.close < view.count ? speakerAfter(close: pair.close, open: pair.open, sentence: view.sentences[last]) : nil) {
                return speaker
            }
            // A continued quotation: the one before closes in the sentence before this one opens.
            guard n > 0, pairs[n - 1].close < view.count, sentenceIndex(ofToken: pairs[n - 1].close) + 1 >= first else { return nil }
            n -= 1
        }
    }

    /// The index of the sentence that holds token k (or the next one).
    func sentenceIndex(ofToken k: Int) -> Int {
        min(view.sentences.partitionIndex { $0.upperBound > k }, view.sentences.count - 1)
    }

    /// The quoted person's reference, from a holder that is one person.
    func quotedPerson(_ holder: Holder?) -> Reference? {
        guard let holder, holder.spans.count == 1, let span = holder.spans.first else { return nil }
        if let actor = actors[span], actor.references.count == 1 { return actor.references[0] }
        if let r = tokenRange(of: span), let m = flatEndingAt[r.upperBound], m.label == .person { return m.references.first }
        return nil
    }

    /// "X said: “...": the subject of "said:", "said,", "stated that" right before the
    /// opening mark.
    mutating func speakerBefore(open: Int, sentence: Range<Int>) -> Reference? {
        guard open >= sentence.lowerBound + 2, [":", ","].contains(lower[open - 1]), Self.reportingVerbs.contains(lower[open - 2]) else { return nil }
        return quotedPerson(subject(ofVerbAt: open - 2, sentence: sentence, depth: 2))
    }

    /// "...,” he added", "...”, said Minister X": the speaker named after the closing mark.
    mutating func speakerAfter(close: Int, open: Int, sentence: Range<Int>) -> Reference? {
        var k = close + 1
        if k < sentence.upperBound, lower[k] == "," { k += 1 }
        guard k < sentence.upperBound else { return nil }
        if ["he", "she"].contains(lower[k]), k + 1 < sentence.upperBound, Self.reportingVerbs.contains(lower[k + 1]) {
            return previousSubjectPerson(before: sentence.lowerBound) ?? nearestPerson(before: open)
        }
        if Self.reportingVerbs.contains(lower[k]) { k += 1 }
        if let t = titleStartingAt[k] { k = t.upperBound }
        if let m = flatStartingAt[k], m.label == .person { return m.references.first }
        return nil
    }

    /// Modals before an evaluative phrase: "can never be accepted", "will not be tolerated".
    static let evaluativeModals: WordSet = ["would", "will", "can", "cannot", "could", "should", "must", "may"]

    /// The subject of the copula before an evaluative cue ("North Korea’s test was totally
    /// unacceptable"): from the clause start to the verb; nil for an expletive "it".
    func evaluatedSubject(before c: Int, sentence: Range<Int>) -> Span? {
        // "... cannot be tolerated": the cue begins with its own modal.
        let verb: Int
        if Self.evaluativeModals.contains(lower[c]) {
            verb = c
        } else if c > sentence.lowerBound, Self.evaluativeModals.contains(lower[c - 1]) {
            // "can never be accepted".
            verb = c - 1
        } else {
            guard let v = previousContent(c, from: sentence.lowerBound), Self.beForms.contains(lower[v]) || Self.evaluativeModals.contains(lower[v]) else { return nil }
            verb = v
        }
        var v = verb
        while v > sentence.lowerBound, Self.skippable.contains(lower[v - 1]) || Self.beForms.contains(lower[v - 1]) { v -= 1 }
        var start = clauseStart(before: v, sentence: sentence)
        // "shared the view that A would never be accepted": A.
        if let that = (start..<v).last(where: { lower[$0] == "that" && $0 > start && Self.clauseNouns.contains(lower[$0 - 1]) }) { start = that + 1 }
        // "the launch is a serious provocation and cannot be tolerated": the subject ends at
        // the first predicate.
        // Not the possessive "’s" ("Russia's invasion is a violation and is deplorable").
        if v > start, lower[v - 1] == "and", let first = (start..<v).first(where: {
            Self.beForms.contains(lower[$0]) && !isPossessive($0) || Self.evaluativeModals.contains(lower[$0]) }) {
            v = first
            // "X conducted a test, which is a challenge ..., and is unforgivable": X's clause.
            if v - 2 > start, ["which", "who", "that"].contains(lower[v - 1]), lower[v - 2] == "," { v -= 2 }
        }
        guard start < v, !(v - start == 1 && lower[start] == "it") else { return nil }
        var first = start
        if Self.openers.contains(lower[first]) {
            while first < v, lower[first] != "," { first += 1 }
            first += 1
        }
        return first < v ? view.span(first..<v) : nil
    }
}
