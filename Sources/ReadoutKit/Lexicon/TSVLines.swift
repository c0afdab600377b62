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
        if let fast = asciiLines(of: text) { return fast }
        return characterLines(of: text)
    }

    /// The same lines found on bytes. A Character-level split on "\n" or "\t" is a byte split
    /// (LF and TAB are grapheme clusters of their own, except LF after CR, which stays inside
    /// the line as the original does); "#" and the BOM can carry combining marks, so a line
    /// where they are followed by a non-ASCII byte is left to the Character-level code (nil).
    static func asciiLines(of text: String) -> [TSVLine]? {
        var text = text
        return text.withUTF8 { p -> [TSVLine]? in
            var out: [TSVLine] = []
            var start = 0
            var number = 0
            var i = 0
            while start <= p.count {
                // The end of this line: an LF not preceded by CR, or the end of the text.
                i = start
                while i < p.count, !(p[i] == 0x0A && (i == 0 || p[i - 1] != 0x0D)) { i += 1 }
                number += 1
                var a = start, b = i
                if b > a, p[b - 1] == 0x0D { b -= 1 }
                if number == 1, b - a >= 3, p[a] == 0xEF, p[a + 1] == 0xBB, p[a + 2] == 0xBF {
                    if b - a > 3, p[a + 3] >= 0x80 { return nil }
                    a += 3
                }
                var blank = true
                for k in a..<b where p[k] != 0x20 && p[k] != 0x09 { blank = false; break }
                let comment = b > a && p[a] == UInt8(ascii: "#")
                if comment, b - a > 1, p[a + 1] >= 0x80 { return nil }
                if !blank && !comment {
                    var fields: [String] = []
                    var f = a
                    for k in a...b where k == b || p[k] == 0x09 {
                        fields.append(String(decoding: UnsafeBufferPointer(rebasing: p[f..<k]), as: UTF8.self))
                        f = k + 1
                    }
                    out.append(TSVLine(number: number, fields: fields))
                }
                start = i + 1
            }
            return out
        }
    }

    static func characterLines(of text: String) -> [TSVLine] {
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
