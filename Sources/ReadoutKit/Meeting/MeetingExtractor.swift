import Foundation

/// Reads a readout's meeting metadata from its text and entity mentions: the title line, the
/// meeting date (the opening sentence's date, completed by the header or file name), the
/// kind, place, participants with their titles and countries, start time and duration.
struct MeetingExtractor {
    let view: TokenView
    let mentions: [Mention]
    let lexicon: Lexicon
    let fileName: String
    /// Who held a country's high office in a year, to name an unnamed principal.
    let officeHolders: OfficeHolders?
    /// Title mentions by their first and last byte.
    let titleStartingAt: [Int: Mention]
    let titleEndingAt: [Int: Mention]

    init(view: TokenView, mentions: [Mention], lexicon: Lexicon, fileName: String, officeHolders: OfficeHolders? = nil) {
        self.view = view
        self.mentions = mentions
        self.lexicon = lexicon
        self.fileName = fileName
        self.officeHolders = officeHolders
        var starts: [Int: Mention] = [:], ends: [Int: Mention] = [:]
        for m in mentions where m.label == .title {
            starts[m.span.start] = starts[m.span.start] ?? m
            ends[m.span.end] = m
        }
        self.titleStartingAt = starts
        self.titleEndingAt = ends
    }

    /// Verbs and nouns of meeting in an opening sentence.
    static let meetingWords: WordSet = [
        "held", "met", "meets", "meet", "had", "spoke", "speaks", "talked", "paid", "received",
        "receives", "hosted", "visited", "called", "telephoned", "talk", "talks", "meeting", "call",
        "conversation", "visit", "visiting", "attended",
    ]

    /// Verbs that report the meeting itself, most telling first.
    static let mainVerbs = ["held", "met", "had", "spoke", "talked", "paid", "received", "hosted", "meets", "speaks", "holds"]

    /// The readout's own principal when it never names them ("The Prime Minister met Prime
    /// Minister X"): the office in lower case ("prime minister") and who holds it, else their
    /// country. The stance run resolves "the Prime Minister" to it.
    struct Principal: Sendable {
        let role: String
        let refs: [Reference]
    }

    func extract() -> Meeting { extractWithPrincipal().meeting }

    /// The meeting, and its unnamed principal if the opening sentence has one.
    func extractWithPrincipal() -> (meeting: Meeting, principal: Principal?) {
        var meeting = Meeting()
        let opening = openingSentence()
        let headerEnd = opening.map { view.tokens[$0.lowerBound].span.start } ?? view.document.bytes.count
        meeting.title = title(before: headerEnd)
        (meeting.date, meeting.dateSource) = date(opening: opening, headerEnd: headerEnd)
        meeting.kind = Self.kind(of: " " + (meeting.title ?? "").lowercased() + " ")
            ?? Self.kind(of: " " + (opening.map { view.text($0) } ?? "").lowercased() + " ") ?? "meeting"
        if let opening {
            meeting.place = place(in: opening)
            meeting.startTime = mentions.lazy.filter { m in
                m.label == .date && m.span.start >= view.tokens[opening.lowerBound].span.start
                    && m.span.end <= view.tokens[opening.upperBound - 1].span.end && !insideParentheses(m.span, opening)
            }.compactMap { clockTime(view.document.text(of: $0.span)) }.first
            meeting.durationMinutes = Self.duration(in: view.text(opening))
        }
        meeting.participants = participants(opening: opening)
        meeting.countries = countries(of: meeting.participants)
        meeting.government = government(before: headerEnd)
        // One participant of no known country: the country written joined to the other
        // side's ("State Minister Takei" of a page on "ASEAN-Japan cooperation"), else the
        // country an envoy is accredited to ("Ambassador of Kenya to Japan" calls on someone
        // of Japan), else the meeting place's country (not when the other side is a body: it
        // meets at home, in another's country), else the issuing government's; never one
        // another participant is of.
        if let k = meeting.participants.indices.first(where: { meeting.participants[$0].country == nil }),
           meeting.participants.filter({ $0.country == nil }).count == 1 {
            let taken = Set(meeting.participants.compactMap(\.country))
            let venue = taken.allSatisfy(Lexicon.isCountryCode) ? placeCountry(of: meeting) : nil
            let found = pairedCountry(with: taken)
                ?? [envoyHost(), venue, meeting.government].compactMap { $0 }.first { !taken.contains($0) }
            if let found {
                meeting.participants[k].country = found
                meeting.countries = countries(of: meeting.participants)
            }
        }
        // "The Prime Minister met Prime Minister X of Japan": the readout's own principal,
        // never named, is the one who held the office in the other country that year; when
        // the lexicon cannot tell, their country stands for them.
        guard let opening, let found = unnamedPrincipal(in: opening) else { return (meeting, nil) }
        let year = meeting.date.flatMap { Int($0.prefix(4)) }
        // "The Secretary-General met today with ...": the body's secretary-general, on the
        // body's side. The stance run resolves the role itself.
        if OfficeHolders.isSecretaryGeneral(found.role) {
            let body = OfficeHolders.bodyOfSecretaryGeneral(in: mentions)
            if let person = officeHolders?.secretaryGeneral(of: body, year: year),
               !meeting.participants.contains(where: { $0.id == person.id }) {
                meeting.participants.insert(Meeting.Participant(id: person.id, name: person.name, title: view.text(found.tokens), country: body), at: 0)
                meeting.countries = countries(of: meeting.participants)
            }
            return (meeting, nil)
        }
        if let officeHolders, let year,
           let country = principalCountry(of: meeting, opening: opening),
           let person = officeHolders.holder(of: found.role, country: country, year: year),
           !meeting.participants.contains(where: { $0.id == person.id }) {
            meeting.participants.insert(Meeting.Participant(id: person.id, name: person.name, title: view.text(found.tokens), country: country), at: 0)
            meeting.countries = countries(of: meeting.participants)
            // Named later in the text, they are no unnamed principal.
            if !mentions.contains(where: { $0.label == .person && $0.references.contains { $0.id == person.id } }) {
                return (meeting, Principal(role: found.role, refs: [person]))
            }
        }
        guard let country = principalCountry(of: meeting, opening: opening) else { return (meeting, nil) }
        return (meeting, Principal(role: found.role, refs: [lexicon.sideReference(country)]))
    }

    /// "The Prime Minister met ...", "The Foreign Secretary spoke to ...": an office opening
    /// the sentence with no name after it, before a verb of meeting: the readout's own
    /// principal, whom it does not name. The office in lower case ("prime minister") and its tokens.
    func unnamedPrincipal(in sentence: Range<Int>) -> (role: String, tokens: Range<Int>)? {
        let s = sentence.lowerBound
        guard sentence.count >= 4, view[s] == "The" else { return nil }
        for end in (s + 2...min(s + 5, sentence.upperBound - 1)).reversed() {
            let role = (s + 1..<end).map { view[$0].lowercased() }.joined(separator: " ").replacingOccurrences(of: " - ", with: "-")
            guard OfficeHolders.offices[role] != nil || OfficeHolders.isSecretaryGeneral(role),
                  Self.meetingWords.contains(view[end].lowercased()) else { continue }
            let at = view.tokens[end].span.start
            guard !mentions.contains(where: { $0.label == .person && $0.span.start == at }) else { return nil }
            return (role, s + 1..<end)
        }
        return nil
    }

    /// The country of the meeting's place: the place's own when it is a country ("Japan"),
    /// else the one the lexicon puts it in ("Tokyo").
    func placeCountry(of meeting: Meeting) -> String? {
        guard let place = meeting.place else { return nil }
        return lexicon.entry(id: place.id, label: .place)?.country ?? (Lexicon.isCountryCode(place.id) ? place.id : nil)
    }

    /// The one country written joined by a hyphen to one of `sides` ("Japan-ASEAN",
    /// "ASEAN-Japan", "U.S.-Japan") and not among them; nil when none or several are.
    func pairedCountry(with sides: Set<String>) -> String? {
        let named = mentions.filter { ($0.label == .place || $0.label == .organization) && !$0.references.isEmpty }
            .sorted { $0.span.start < $1.span.start }
        var found = Set<String>()
        for (a, b) in zip(named, named.dropFirst()) where b.span.start == a.span.end + 1 && view.document.bytes[a.span.end] == 0x2D {
            let (x, y) = (a.references[0].id, b.references[0].id)
            if sides.contains(x), !sides.contains(y), Lexicon.isCountryCode(y) { found.insert(y) }
            if sides.contains(y), !sides.contains(x), Lexicon.isCountryCode(x) { found.insert(x) }
        }
        return found.count == 1 ? found.first : nil
    }

    /// The country of an unnamed principal: the issuing government when no participant is of
    /// it; else the country of the meeting's place ("met Prime Minister X of Japan in London")
    /// when no participant is of it and no named meeting there makes it a third country's
    /// venue ("on the margins of the UN General Assembly in New York"); else the one meeting
    /// country that no participant is of.
    func principalCountry(of meeting: Meeting, opening: Range<Int>) -> String? {
        let taken = Set(meeting.participants.compactMap(\.country))
        if let government = meeting.government, !taken.contains(government) { return government }
        let openingSpan = view.span(opening)
        if let country = placeCountry(of: meeting), !taken.contains(country), !mentions.contains(where: { $0.label == .meeting && openingSpan.contains($0.span) }) {
            return country
        }
        let others = meeting.countries.map(\.id).filter { !taken.contains($0) && Lexicon.isCountryCode($0) }
        return others.count == 1 ? others[0] : nil
    }

    // MARK: Structure

    /// The first sentence of the body: eight words or more, ending like a sentence (not a
    /// headline), with a person or a meeting word.
    func openingSentence() -> Range<Int>? {
        let withPeople = Set(mentions.filter { $0.label == .person }.compactMap { sentenceIndex(of: $0.span) })
        for (n, sentence) in view.sentences.enumerated() {
            let words = sentence.filter { view.isWord($0) }.count
            guard words >= 8, [".", "!", "?"].contains(view[sentence.upperBound - 1]) else { continue }
            let hasVerb = sentence.contains { Self.meetingWords.contains(view[$0].lowercased()) }
            if withPeople.contains(n) || hasVerb { return sentence }
        }
        return nil
    }

    /// The index of the sentence that contains a span, if any (binary search).
    func sentenceIndex(of span: Span) -> Int? {
        Segmentation.sentence(containing: span, in: view.sentenceSpans)
    }

    /// The header line that names the meeting, else the first header line that is not a date.
    func title(before headerEnd: Int) -> String? {
        guard let line = titleLine(before: headerEnd) else { return nil }
        return line.count > 200 ? String(line.prefix(199)) + "…" : line
    }

    func titleLine(before headerEnd: Int) -> String? {
        // A byte order mark opening the file is no part of the title.
        let lines = ByteText.lines(view.document.bytes[0..<min(headerEnd, 20_000)])
            .map { $0.unicodeScalars.first == "\u{FEFF}" ? String($0.unicodeScalars.dropFirst()) : $0 }
            .map(ByteText.trimmingWhitespaces)
            .filter { $0.count >= 8 }
        let meetingNames = mentions.filter { $0.label == .meeting && $0.span.end <= headerEnd }.map { view.document.text(of: $0.span) }
        let cues = ["Meeting", "Talk", "Call", "Summit", "Conversation", "Meets", "meets", "Visit", "visit", "Lunch", "Dinner", "Readout", "call with", "meeting with", "Courtesy"]
        if let line = lines.first(where: { line in
            meetingNames.contains { ByteText.foundationContains(line, $0) } || cues.contains { ByteText.foundationContains(line, $0) }
        }) {
            return line
        }
        // A headline naming people ("PM Modi congratulates PM Abe on ...").
        let people = mentions.filter { $0.label == .person && $0.span.end <= headerEnd }.map { view.document.text(of: $0.span) }
        if let line = lines.first(where: { line in people.contains { ByteText.foundationContains(line, $0) } }) { return line }
        return lines.first { CalendarDate.parse($0) == nil }
    }

    /// Whether a span lies inside parentheses in its sentence ("(about 6:05 a.m. on Monday,
    /// May 21, Japan time)"). Looks back at most 200 tokens.
    func insideParentheses(_ span: Span, _ sentence: Range<Int>) -> Bool {
        guard let k = tokenIndex(startingAt: span.start) else { return false }
        var depth = 0
        var t = k - 1
        while t >= max(sentence.lowerBound, k - 200) {
            if view[t] == ")" { depth += 1 }
            if view[t] == "(" { if depth == 0 { return true }; depth -= 1 }
            t -= 1
        }
        return false
    }

    /// The meeting date and where it came from.
    func date(opening: Range<Int>?, headerEnd: Int) -> (String?, Meeting.DateSource) {
        let dates = mentions.filter { $0.label == .date }
        let headerDates = dates.filter { $0.span.end <= headerEnd }.compactMap { CalendarDate.parse(view.document.text(of: $0.span)) }
        let headerDate = headerDates.first { $0.year != nil && $0.day != nil }
        let fileDate = Self.fileNameDate(fileName)
        // The opening sentence, or else the first of the next four that dates a meeting
        // ("... met ... at Bangkok on 04 November 2019").
        var sentences: [Range<Int>] = []
        if let opening, let n = view.sentences.firstIndex(of: opening) {
            sentences = [opening] + view.sentences[(n + 1)..<min(view.sentences.count, n + 5)].filter { s in
                s.contains { Self.mainVerbs.contains(view[$0]) }
            }
        }
        for sentence in sentences {
            let first = view.tokens[sentence.lowerBound].span.start, last = view.tokens[sentence.upperBound - 1].span.end
            let candidates = dates.filter { $0.span.start >= first && $0.span.end <= last && !insideParentheses($0.span, sentence) }
                .compactMap { m in CalendarDate.parse(view.document.text(of: m.span)).flatMap { $0.day == nil ? nil : (m.span, $0) } }
            // The date nearest the main meeting verb ("attended a dinner ..., and on November 22
            // the two ministers held ...").
            let verb = Self.mainVerbs.lazy.compactMap { v in sentence.first { view[$0] == v } }.first
                ?? sentence.first { Self.meetingWords.contains(view[$0].lowercased()) && view.isLowercaseWord($0) }
            let verbStart = verb.map { view.tokens[$0].span.start }
            let chosen = candidates.min { a, b in
                guard let v = verbStart else { return a.0.start < b.0.start }
                return abs(a.0.start - v) < abs(b.0.start - v)
            }?.1
            if var date = chosen {
                if date.year != nil { return (date.iso, .text) }
                if let header = headerDate, let y = header.year {
                    // A header dated early January for a late-December meeting.
                    date.year = date.month > header.month + 6 ? y - 1 : y
                    return (date.iso, .textWithHeaderYear)
                }
                if let file = fileDate {
                    date.year = file.year
                    return (date.iso, .textWithFileNameYear)
                }
                return (nil, .unknown)
            }
        }
        if let header = headerDate { return (header.iso, .header) }
        if let file = fileDate { return (file.iso, .fileName) }
        return (nil, .unknown)
    }

    /// A YYYY-MM-DD date anywhere in a file name.
    static func fileNameDate(_ name: String) -> CalendarDate? {
        let b = Array(name.utf8)
        guard b.count >= 10 else { return nil }
        func digit(_ i: Int) -> Bool { i >= 0 && i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        for i in 0...(b.count - 10) where b[i + 4] == 0x2D && b[i + 7] == 0x2D && digit(i) && !digit(i - 1) && !digit(i + 10) {
            if let d = CalendarDate.parse(String(decoding: b[i..<(i + 10)], as: UTF8.self)), d.year != nil, d.day != nil {
                return d
            }
        }
        return nil
    }

    /// The kind of meeting a title or opening sentence names, if any.
    static func kind(of context: String) -> String? {
        kinds.first { $0.1.contains { ByteText.foundationContains(context, $0) } }?.0
    }

    static let kinds: [(String, [String])] = [
        ("courtesy call", ["courtesy call"]),
        ("video conference", ["video conference", "videoconference", "video call", "virtual meeting", "video teleconference"]),
        ("telephone talk", ["telephone", "phone call", "phone talk", " call ", " call:", "call with", " spoke "]),
        ("summit", ["summit"]),
        ("meeting", ["meeting", " met ", " meets ", "talks", " talk ", "dialogue", "consultation"]),
        ("working meal", ["lunch", "dinner", "breakfast"]),
        ("visit", ["visit"]),
    ]

    /// "for approximately 85 minutes", "for about an hour and 40 minutes", "half an hour".
    static func duration(in text: String) -> Int? {
        // Every duration has a word starting "hour" or "minute".
        guard ByteText.containsASCIICaseInsensitive(text, "hour") || ByteText.containsASCIICaseInsensitive(text, "minute") else { return nil }
        let lowered = text.lowercased()
        let words = lowered.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let numbers: [String: Int] = ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "half": 0]
        for (i, w) in words.enumerated() where w == "for" || w == "lasted" {
            var k = i + 1
            while k < words.count, ["approximately", "about", "around", "some", "nearly", "almost", "roughly", "over"].contains(words[k]) { k += 1 }
            var total = 0
            var found = false
            while k + 1 < words.count {
                var n: Int?
                var halfHour = false
                if words[k] == "half", k + 2 < words.count, ["an", "a"].contains(words[k + 1]), words[k + 2] == "hour" { halfHour = true }
                if halfHour { total += 30; k += 3; found = true } else {
                    n = Int(words[k]) ?? numbers[words[k]]
                    guard let value = n, k + 1 < words.count else { break }
                    let unit = words[k + 1]
                    if unit.hasPrefix("hour") { total += value * 60 } else if unit.hasPrefix("minute") { total += value } else { break }
                    k += 2
                    found = true
                }
                if k < words.count, words[k] == "and" { k += 1 } else { break }
            }
            if found, total > 0 { return total }
        }
        return nil
    }

    // MARK: Place, people, countries

    func place(in opening: Range<Int>) -> Reference? {
        let places = mentions.filter { $0.label == .place }
        for m in places {
            guard let k = tokenIndex(startingAt: m.span.start), opening.contains(k), k > opening.lowerBound else { continue }
            let before = view[k - 1].lowercased()
            let visit = k >= 2 && ["visit", "visiting"].contains(view[k - 2].lowercased()) && before == "to"
            if before == "in" || before == "at" || visit || (before == "visiting" && view.isCapitalized(k)) {
                return m.references.first
            }
        }
        return nil
    }

    func tokenIndex(startingAt offset: Int) -> Int? {
        let k = view.firstToken(atOrAfter: offset)
        return k < view.count && view.tokens[k].span.start == offset ? k : nil
    }

    /// The people of the first sentence that names two or more; else the two named most.
    func participants(opening: Range<Int>?) -> [Meeting.Participant] {
        let people = mentions.filter { $0.label == .person && !$0.references.isEmpty }
        var chosen: [Mention] = []
        var current: Int?
        var seen = Set<String>()
        var inSentence: [Mention] = []
        for person in people.sorted(by: { $0.span.start < $1.span.start }) {
            let n = sentenceIndex(of: person.span)
            if n != current {
                if inSentence.count >= 2 { break }
                current = n
                seen = []
                inSentence = []
            }
            if n != nil, seen.insert(person.references[0].id).inserted { inSentence.append(person) }
        }
        // The one the opening sentence names ("Minister X paid an official visit to Japan"),
        // when the first sentence that names two names neither as X: the visitor, then the
        // first one met ("EAM held talks with Foreign Minister Y and called on Prime Minister Z").
        if inSentence.count >= 2, let opening, let n = current, view.sentenceSpans.indices.contains(n),
           view.tokens[opening.lowerBound].span.start < view.sentenceSpans[n].start {
            let named = people.filter { m in
                view.tokens[opening.lowerBound].span.start <= m.span.start && m.span.end <= view.tokens[opening.upperBound - 1].span.end
            }
            let ids = Set(named.map { $0.references[0].id })
            if ids.count == 1, let visitor = named.first, !inSentence.contains(where: { $0.references[0].id == visitor.references[0].id }) {
                inSentence = [visitor] + inSentence
            }
        }
        if inSentence.count >= 2 {
            // Someone named inside a relative clause ("Minister X, who was visiting China to
            // accompany Prime Minister Y, held a meeting with Z") is not a party to it.
            let inClause = inSentence.filter { insideRelativeClause($0.span) }
            chosen = inSentence.count - inClause.count >= 2 ? inSentence.filter { m in !inClause.contains { $0.span == m.span } } : inSentence
        }
        if chosen.isEmpty {
            var counts: [String: (Int, Mention)] = [:]
            for m in people { counts[m.references[0].id] = ((counts[m.references[0].id]?.0 ?? 0) + 1, counts[m.references[0].id]?.1 ?? m) }
            chosen = counts.values.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1.span.start < $1.1.span.start }.prefix(2).map(\.1)
        }
        // As many people as the meeting's name has countries ("Japan-UK-Australia"), or as a
        // group of people counts ("the four Ministers" of a "2+2"), at least two.
        var count = max(2, groupCount())
        if let meeting = mentions.first(where: { $0.label == .meeting }) {
            let places = Set(mentions.filter { $0.label == .place && meeting.span.contains($0.span) }.flatMap { $0.references.map(\.id) })
            count = max(count, places.count)
        }
        // A "2+2" (the first meeting name or one of the header that says so) and a "Foreign and
        // Defence Ministerial" meeting are two ministers of each side. Not a "2+2" the body
        // mentions ("following the Foreign and Defense Ministers' meeting held in January").
        let headerEnd = opening.map { view.tokens[$0.lowerBound].span.start } ?? 0
        let firstMeeting = mentions.first(where: { $0.label == .meeting })?.span
        if mentions.contains(where: { m in
            guard m.label == .meeting, m.span == firstMeeting || m.span.end <= headerEnd else { return false }
            let name = view.document.text(of: m.span)
            return ByteText.containsBytes(name, "2+2") || m.span.end <= headerEnd && ByteText.containsBytes(name, "Foreign and Defen")
        }) {
            count = max(count, 4)
        }
        chosen = Array(chosen.prefix(count))
        return chosen.map { person in
            let reference = person.references[0]
            let title = titleOf(person)
            // "High Representative of the European Union": the side is the body, whatever
            // country the person's earlier offices were in.
            let entry = lexicon.entry(id: reference.id, label: .person)
            var country = title.flatMap(bodyIn(title:)) ?? title.flatMap { t in entry.flatMap { bodyOfOffice($0, title: t) } } ?? entry?.country
            if country == nil, let title { country = countryIn(title: title) }
            if country == nil { country = countryBeside(person) }
            return Meeting.Participant(id: reference.id, name: reference.name, title: title.map { view.document.text(of: $0.span) }, country: country)
        }
    }

    /// The largest number in a group of people ("the three Foreign Ministers", "all four
    /// leaders"), or 0.
    func groupCount() -> Int {
        var most = 0
        for t in 0..<max(0, view.count - 1) {
            guard let n = Self.smallNumber(view[t]) else { continue }
            var k = t + 1
            if k < view.count, ["foreign", "prime", "defence", "defense"].contains(view[k].lowercased()) { k += 1 }
            if k < view.count, StanceRun.peopleGroups.contains(view[k].lowercased()) { most = max(most, n) }
        }
        return most
    }

    /// "three" ... "six" in any case, read on bytes (this looks at every token).
    static func smallNumber(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { p -> Int? in
            guard (3...5).contains(p.count) else { return nil }
            func spells(_ word: StaticString) -> Bool {
                word.withUTF8Buffer { w in w.count == p.count && zip(w, p).allSatisfy { $0 == $1 | 0x20 } }
            }
            return spells("three") ? 3 : spells("four") ? 4 : spells("five") ? 5 : spells("six") ? 6 : nil
        }
    }

    /// Whether a span lies in a relative clause set off by commas (", who ... ,").
    func insideRelativeClause(_ span: Span) -> Bool {
        guard let k = tokenIndex(startingAt: span.start) else { return false }
        let first = view.sentences.last { $0.lowerBound <= k }?.lowerBound ?? 0
        var t = k - 1
        while t > first, view[t] != "," {
            if Self.relativePronouns.contains(view[t]) { return view[t - 1] == "," }
            t -= 1
        }
        return false
    }

    static let relativePronouns: Set<String> = ["who", "whom", "whose"]

    /// The title right before a person, or set off after the name by a comma.
    func titleOf(_ person: Mention) -> Mention? {
        guard let k = tokenIndex(startingAt: person.span.start) else { return nil }
        var end = k
        while end < view.count, view.tokens[end].span.end <= person.span.end { end += 1 }
        // The role after the name says more than an honorific before it.
        if end + 1 < view.count, view[end] == ",", let after = titleStartingAt[view.tokens[end + 1].span.start] { return after }
        if k > 0, let before = titleEndingAt[view.tokens[k - 1].span.end] { return before }
        return nil
    }

    /// The country written beside any mention of a person the lexicon does not place: after
    /// the name ("President Lio Wenbo of Ghana", also a body: "of ASEAN") or as the possessor
    /// of their title ("Ghana's Minister for Foreign Affairs, Ada Okafor").
    func countryBeside(_ person: Mention) -> String? {
        // A country, or an international body ("Secretary-General Lio of ASEAN").
        func country(_ mention: Mention?) -> String? {
            guard let mention, let id = mention.references.first?.id else { return nil }
            if mention.label == .place { return Lexicon.isCountryCode(id) ? id : nil }
            guard let org = lexicon.entry(id: id, label: .organization), org.country == nil,
                  org.roles.contains(where: { Self.bodyRoles.contains($0) }) else { return nil }
            return id
        }
        let id = person.references.first?.id
        for mention in mentions where mention.label == .person && mention.references.first?.id == id {
            guard var k = tokenIndex(startingAt: mention.span.start) else { continue }
            var end = k
            while end < view.count, view.tokens[end].span.end <= mention.span.end { end += 1 }
            if end + 2 < view.count, view[end] == "of", view.sameLine(end) {
                let at = view.tokens[view[end + 1] == "the" ? end + 2 : end + 1].span.start
                if let code = country(mentions.first { ($0.label == .place || $0.label == .organization) && $0.span.start == at }) { return code }
            }
            // The title before the name, also set off by a comma, then its possessor.
            if k >= 2, view[k - 1] == ",", let t = titleEndingAt[view.tokens[k - 2].span.end], let start = tokenIndex(startingAt: t.span.start) {
                k = start
            } else if k >= 1, let t = titleEndingAt[view.tokens[k - 1].span.end], let start = tokenIndex(startingAt: t.span.start) {
                k = start
            }
            if k >= 2, ["\u{2019}s", "'s"].contains(view[k - 1]) {
                let end = view.tokens[k - 2].span.end
                if let code = country(mentions.first { $0.label == .place && $0.span.end == end }) { return code }
            }
        }
        return nil
    }

    /// Whether a place follows "to" ("Ambassador of Kenya to Japan", "to the ROK"): the
    /// country an envoy is sent to.
    func isHost(_ place: Mention) -> Bool {
        guard var k = tokenIndex(startingAt: place.span.start), k > 0 else { return false }
        if view[k - 1].lowercased() == "the", k > 1 { k -= 1 }
        return view[k - 1] == "to"
    }

    /// The country the first envoy's title sends them to ("Ambassador Extraordinary and
    /// Plenipotentiary of the Republic of Kenya to Japan": Japan).
    func envoyHost() -> String? {
        for title in mentions where title.label == .title {
            if let place = mentions.first(where: { $0.label == .place && title.span.contains($0.span) && isHost($0) }),
               let id = place.references.first?.id, Lexicon.isCountryCode(id) {
                return id
            }
        }
        return nil
    }

    /// The country a title names: a place inside it ("of Japan") or a nationality word.
    func countryIn(title: Mention) -> String? {
        // The place an envoy is sent to is not theirs: "Japanese Ambassador to China".
        if let place = mentions.first(where: { $0.label == .place && title.span.contains($0.span) && !isHost($0) }),
           let id = place.references.first?.id, Lexicon.isCountryCode(id) {
            return id
        }
        let words = view.document.text(of: title.span).split(separator: " ").map(String.init)
        for (i, w) in words.enumerated() {
            if i + 1 < words.count, let code = lexicon.demonyms[w + " " + words[i + 1]] { return code }
            if let code = lexicon.demonyms[w] { return code }
        }
        return nil
    }

    /// The international body a title names as the bearer's, if any: the first organization in
    /// it that belongs to no country and is a regional body, an alliance, or a UN organ, agency
    /// or bank ("Secretary General of NATO", "President of the European Commission").
    func bodyIn(title: Mention) -> String? {
        for m in mentions where m.label == .organization && title.span.contains(m.span) {
            guard let r = m.references.first, let entry = lexicon.entry(id: r.id, label: .organization) else { continue }
            if entry.country == nil, entry.roles.contains(where: { Self.bodyRoles.contains($0) }) { return r.id }
        }
        return nil
    }

    static let bodyRoles: Set<String> = ["regional", "alliance", "un-organ", "un-agency", "bank"]

    /// The international body whose office a title names, when the lexicon gives the person
    /// that office there: "High Representative/Vice-President Kaja Kallas" is the EU's side,
    /// though her entry's country is the one of her earlier offices. The same person titled
    /// "Prime Minister" keeps that country.
    func bodyOfOffice(_ person: LexiconEntry, title: Mention) -> String? {
        guard let body = person.roles.first(where: { role in
            guard let org = lexicon.entry(id: role, label: .organization) else { return false }
            return org.country == nil && org.roles.contains(where: { Self.bodyRoles.contains($0) })
        }) else { return nil }
        let written = view.document.text(of: title.span).lowercased()
        let holdsIt = person.roles.contains { role in
            lexicon.entry(id: role, label: .title)?.surfaceForms.contains { ByteText.containsBytes(written, $0.lowercased()) } ?? false
        }
        return holdsIt ? body : nil
    }

    /// The participants' countries; else the places in the first meeting's name; else the two
    /// countries named most.
    func countries(of participants: [Meeting.Participant]) -> [Reference] {
        var codes: [String] = []
        for p in participants { if let c = p.country, !codes.contains(c) { codes.append(c) } }
        if codes.count >= 2 { return codes.map { lexicon.sideReference($0) } }
        if let meeting = mentions.first(where: { $0.label == .meeting }) {
            var inName: [Reference] = []
            for m in mentions where m.label == .place && meeting.span.contains(m.span) {
                for r in m.references where Lexicon.isCountryCode(r.id) && !inName.contains(r) { inName.append(r) }
            }
            if inName.count >= 2 { return inName }
        }
        var counts: [String: (Int, Reference, Int)] = [:]
        for (n, m) in mentions.enumerated() where m.label == .place {
            for r in m.references where Lexicon.isCountryCode(r.id) { counts[r.id] = ((counts[r.id]?.0 ?? 0) + 1, r, counts[r.id]?.2 ?? n) }
        }
        let top = counts.values.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.2 < $1.2 }.prefix(2).map(\.1)
        return codes.count == 1 && top.count >= 1 ? (codes.map { lexicon.sideReference($0) } + top.filter { $0.id != codes[0] }).prefix(2).map { $0 } : top
    }

    /// The issuing government: an office of a country named in the header ("Office of the
    /// Spokesperson" of the U.S. Department of State, "Ministry of Foreign Affairs of Japan").
    func government(before headerEnd: Int) -> String? {
        for m in mentions where m.label == .organization && m.span.end <= headerEnd {
            for r in m.references {
                if let entry = lexicon.entry(id: r.id, label: .organization), let country = entry.country,
                   entry.roles.contains(where: { ["ministry", "agency", "office"].contains($0) }) {
                    return country
                }
            }
        }
        return nil
    }
}
