/// A calendar date read from a Date mention's text: "November 26, 2023", "26 November 2023",
/// "Feb. 15", "Friday, September 9", "2015-03-21", "22 to 23 November 2019" (the first day).
struct CalendarDate: Hashable {
    var year: Int?
    var month: Int
    var day: Int?

    static func parse(_ text: String) -> CalendarDate? {
        // ISO first.
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        if parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2].prefix(2)),
           (1...12).contains(m), (1...31).contains(d) {
            return CalendarDate(year: y, month: m, day: d)
        }
        let words = text.utf8.allSatisfy({ $0 < 0x80 })
            ? text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x2C || $0 == 0x28 || $0 == 0x29 }).map { String(decoding: $0, as: UTF8.self) }
            : text.split(whereSeparator: { " ,()".contains($0) }).map(String.init)
        var month: Int?, day: Int?, year: Int?
        for word in words {
            let bare = word.hasSuffix(".") ? String(word.dropLast()) : word
            if month == nil, let m = DateRules.months[word] ?? DateRules.months[bare + "."] ?? DateRules.months[bare] ?? DateRules.months[bare.capitalized] {
                month = m
                continue
            }
            let digits = bare.prefix { $0.isNumber }
            guard !digits.isEmpty, let n = Int(digits) else { continue }
            if digits.count == 4, (1900...2099).contains(n) { year = year ?? n } else if day == nil, (1...31).contains(n), digits.count <= 2 { day = n }
        }
        guard let month else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    var iso: String? {
        guard let year, let day else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}

/// A clock time read from a Date mention: "09:00 a.m." -> "09:00", "6:50pm" -> "18:50".
func clockTime(_ text: String) -> String? {
    let lower = text.lowercased()
    let digits = lower.prefix { $0.isNumber || $0 == ":" }
    guard !digits.isEmpty else { return nil }
    let pieces = digits.split(separator: ":")
    guard let h = Int(pieces[0]), h <= 24 else { return nil }
    let m = pieces.count > 1 ? Int(pieces[1]) ?? 0 : 0
    let rest = lower.dropFirst(digits.count).filter { $0.isLetter }
    guard pieces.count > 1 || rest == "am" || rest == "pm" else { return nil }
    var hour = h
    if rest == "pm", h < 12 { hour += 12 }
    if rest == "am", h == 12 { hour = 0 }
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(two(hour)):\(two(m))"
}
