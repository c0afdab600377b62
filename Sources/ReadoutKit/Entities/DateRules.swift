/// Date and time expressions (GUIDELINES.md: calendar dates, months, years, weekdays and
/// clock times, with attached modifiers; not relative expressions such as "today").
struct DateRules {
    let view: TokenView

    static let months: WordMap<Int> = {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December"]
        var table: [String: Int] = [:]
        for (i, n) in names.enumerated() {
            table[n] = i + 1
            table[n.uppercased()] = i + 1
        }
        for (short, m) in [("Jan", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Jun", 6), ("Jul", 7), ("Aug", 8),
                           ("Sep", 9), ("Sept", 9), ("Oct", 10), ("Nov", 11), ("Dec", 12)] {
            table[short + "."] = m
        }
        return WordMap(table)
    }()
    static let weekdays: WordSet = {
        let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return WordSet(names + names.map { $0.uppercased() })
    }()
    /// Modifiers that may stand before a year alone ("early 2026"; not "next 2026").
    static let partsOfYear: WordSet = ["early", "late", "mid", "Early", "Late", "Mid"]
    static let closingMarks: WordSet = [")", ",", ".", ";", ":", "\u{201D}", "\""]
    static let modifiers: WordSet = ["early", "late", "mid", "last", "next", "this", "Early", "Late", "Mid", "Last", "Next"]
    static let relativeYears: WordSet = ["this", "last", "next"]
    static let meridiems: WordSet = ["a.m", "p.m", "am", "pm", "A.M", "P.M", "AM", "PM"]

    /// First bytes of every month, weekday and modifier word (all ASCII), and 0xE2, the first
    /// byte of the one non-ASCII letter canonically equal to an ASCII one (KELVIN SIGN).
    static let initials: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for word in Array(months.keys) + Array(weekdays) + Array(modifiers) { table[Int(word.utf8.first!)] = true }
        table[0xE2] = true
        return table
    }()

    /// Every word a date expression can start with: months (and "Feb" of "Feb."), weekdays
    /// and modifiers.
    static let startWords: WordSet = {
        var words = Set(months.keys).union(weekdays).union(modifiers)
        for key in months.keys where key.hasSuffix(".") { words.insert(String(key.dropLast())) }
        return WordSet(words)
    }()

    /// Whether token i could be a month, weekday or modifier (a cheap test before the look-ups).
    func mayBeName(_ i: Int) -> Bool {
        guard let b = view[i].utf8.first else { return false }
        return Self.initials[Int(b)]
    }

    /// A month name at token i: its length in tokens ("Feb." is two).
    func month(at i: Int) -> Int? {
        guard view.isWord(i), mayBeName(i) else { return nil }
        if Self.months[view[i]] != nil { return 1 }
        if i + 1 < view.count, view[i + 1] == ".", view.joined(i), Self.months[view[i] + "."] != nil { return 2 }
        // Without its period before a day or year: "Aug 29 (PTI)", "29 Aug 2025".
        if i + 1 < view.count, Self.months[view[i] + "."] != nil, view.sameLine(i), day(i + 1) || year(i + 1) { return 1 }
        return nil
    }

    func number(_ i: Int, in range: ClosedRange<Int>, digits: ClosedRange<Int> = 1...2) -> Bool {
        guard i >= 0, i < view.count, view.tokens[i].kind == .number, digits.contains(view[i].count),
              let n = Int(view[i]) else { return false }
        return range.contains(n)
    }

    /// A day of the month: "21", "1st", "7th".
    func day(_ i: Int) -> Bool {
        if number(i, in: 1...31) { return true }
        guard i < view.count else { return false }
        let t = view[i]
        // "1st": Int() below needs a digit or a sign first.
        guard Self.startsLikeNumber(t) else { return false }
        for suffix in ["st", "nd", "rd", "th"] where t.hasSuffix(suffix) {
            if let n = Int(t.dropLast(2)), (1...31).contains(n), t.count <= 4 { return true }
        }
        return false
    }

    /// A digit or a sign first: what `Int()` needs.
    static func startsLikeNumber(_ t: String) -> Bool {
        guard let first = t.utf8.first else { return false }
        return (first >= 0x30 && first <= 0x39) || first == 0x2B || first == 0x2D
    }

    func year(_ i: Int) -> Bool { number(i, in: 1900...2099, digits: 4...4) }

    func dates() -> [Mention] {
        var found: [Range<Int>] = []
        var i = 0
        while i < view.count {
            if let end = match(at: i) {
                found.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        return found.map { Mention(label: .date, span: view.span($0), provenance: Provenance(rule: "date")) }
    }

    /// The end of a date or time expression starting at token i.
    func match(at i: Int) -> Int? {
        // Every expression below starts with a number, a day ("1st": a digit or sign first),
        // or a month, weekday or modifier: most tokens are none of these.
        // A word that does not start like a number must be one of `startWords`: one look-up
        // instead of the four below.
        guard view.tokens[i].kind == .number || view.isWord(i) && mayBeName(i) || Self.startsLikeNumber(view[i]) else { return nil }
        if view.isWord(i), !Self.startsLikeNumber(view[i]), !Self.startWords.contains(view[i]) { return nil }
        if let end = clockTime(at: i) { return end }
        if let end = isoDate(at: i) { return end }
        if year(i) {
            // A year alone, not part of a code or a larger number ("2+2", "2019-nCoV").
            let before = i > 0 && view.joined(i - 1) && !["(", "\u{201C}", "\""].contains(view[i - 1])
            let after = view.joined(i) && ![")", ",", ".", ";", ":", "\u{201D}", "\""].contains(view[i + 1])
            // The year of a name: "Japonism 2018", "Expo 2025", "Vision 2030" (a capitalized word
            // before it, not the first of its sentence: "In 2018" is a date).
            let named = i > 0 && view.sameLine(i - 1) && view.isCapitalized(i - 1) && view.sentenceStart(i - 1) != i - 1
            return before || after || named ? nil : i + 1
        }
        let start = i
        var k = i
        // A modifier: "late April", "mid-May".
        if view.isWord(k), mayBeName(k), Self.modifiers.contains(view[k]), k + 1 < view.count {
            var n = k + 1
            if view[n] == "-", view.joined(k) { n += 1 }
            if month(at: n) != nil {
                k = n
            } else if Self.partsOfYear.contains(view[k]), n < view.count, year(n), view.sameLine(n - 1),
                      !(n + 1 < view.count && view.joined(n) && !Self.closingMarks.contains(view[n + 1])) {
                // "early 2026", "mid-2025".
                return n + 1
            } else {
                return nil
            }
        }
        // A weekday, maybe leading a date: "Friday, September 9".
        if view.isWord(k), mayBeName(k), Self.weekdays.contains(view[k]) {
            var n = k + 1
            if n < view.count, view[n] == "," { n += 1 }
            if n < view.count, month(at: n) != nil || day(n) {
                k = n
            } else {
                return k + 1
            }
        }
        // Day first: "04 November 2019", "22 to 23 November 2019".
        if day(k) {
            var n = k + 1
            if n + 1 < view.count, ["to", "-", "–", "and"].contains(view[n]), day(n + 1) { n += 2 }
            guard let m = month(at: n) else { return nil }
            var end = n + m
            // "14th January, 2025" (news agencies' datelines).
            if end + 1 < view.count, view[end] == ",", year(end + 1), view.sameLine(end) { end += 2 }
            else if year(end) { end += 1 }
            return end
        }
        guard let m = month(at: k) else { return nil }
        let monthToken = k
        var end = k + m
        var complete = false
        if day(end) {
            end += 1
            complete = true
            // A range of days: "March 21-23, 2025", "July 8 to 10".
            if end + 1 < view.count, ["to", "-", "–", "and"].contains(view[end]), day(end + 1) { end += 2 }
            if end + 1 < view.count, view[end] == ",", year(end + 1) { end += 2 }
            else if year(end) { end += 1 }
            // "May 5 (Thursday)"
            if end + 2 < view.count, view[end] == "(", Self.weekdays.contains(view[end + 1]), view[end + 2] == ")" { end += 3 }
        } else if year(end) {
            end += 1
            complete = true
        } else if end + 1 < view.count, Self.relativeYears.contains(view[end]), view[end + 1] == "year" {
            end += 2
            complete = true
        }
        if !complete {
            // A month alone: not "May" (the verb) unless a modifier or preposition marks it.
            let word = view[monthToken]
            let marked = start < monthToken || (monthToken > 0 && ["in", "since", "until", "of", "by", "from", "during", "for", "to", "before", "after", "early", "late", "last", "next", "this", "mid"].contains(view[monthToken - 1]))
            if word == "May" || word == "MAY" || word == "March" || m == 2 { if !marked { return nil } }
            if !view.isCapitalized(monthToken) { return nil }
        }
        return end
    }

    /// "09:00 a.m.", "9 a.m.", "6:50pm", "4:05 pm", "15:30".
    func clockTime(at i: Int) -> Int? {
        guard number(i, in: 0...24) else { return nil }
        var k = i + 1
        var hasMinutes = false
        if k + 1 < view.count, view[k] == ":", view.joined(i), view.joined(k) {
            let minutes = view[k + 1]
            let digits = minutes.prefix { $0.isNumber }
            if digits.count == 2, let mm = Int(digits), mm < 60 {
                hasMinutes = true
                if minutes.count > 2 {
                    // "50pm" is one token.
                    return Self.meridiems.contains(String(minutes.dropFirst(2))) ? k + 2 : nil
                }
                k += 2
            } else {
                return nil
            }
        }
        if k < view.count, view.isWord(k), Self.meridiems.contains(view[k]) {
            var end = k + 1
            if view[k].contains("."), end < view.count, view[end] == ".", view.joined(k) { end += 1 }
            return end
        }
        return hasMinutes ? k : nil
    }

    /// "2015-03-21", and with slashes, year first: "2025/03/22".
    func isoDate(at i: Int) -> Int? {
        guard year(i), i + 4 < view.count, view[i + 1] == "-" && view[i + 3] == "-" || view[i + 1] == "/" && view[i + 3] == "/",
              number(i + 2, in: 1...12, digits: 2...2), number(i + 4, in: 1...31, digits: 2...2),
              (i..<(i + 4)).allSatisfy({ view.joined($0) }) else { return nil }
        return i + 5
    }
}
