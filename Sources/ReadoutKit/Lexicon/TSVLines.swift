/// One data line of a tab-separated lexicon file.
struct TSVLine {
    /// 1-based line number in the file.
    let number: Int
    let fields: [String]

    /// 1-based column (in characters) where field `k` starts, for error messages.
    func column(_ k: Int) -> Int {
        fields.prefix(k).reduce(1) { $0 + $1.count + 1 }
    }

    /// The data lines of a lexicon file: `#` comments and blank lines skipped, a trailing CR
    /// and a leading byte-order mark dropped.
    static func lines(of text: String) -> [TSVLine] {
        var out: [TSVLine] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw
            if line.hasSuffix("\r") { line = line.dropLast() }
            if index == 0, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.trimmingSpaces.isEmpty || line.hasPrefix("#") { continue }
            out.append(TSVLine(number: index + 1, fields: line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
        }
        return out
    }
}
