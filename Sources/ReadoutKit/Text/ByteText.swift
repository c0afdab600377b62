/// Byte-level replacements for the few String operations the writers repeat on every field:
/// the same results as the Character-based (or Foundation) code they replace, without
/// decoding grapheme clusters or bridging to NSString. Where a special character touches a
/// non-ASCII scalar (a combining mark may join it), they call the original code.
import Foundation

enum ByteText {
    /// Whether the ASCII byte at `i` is a grapheme cluster of its own: its neighbours are
    /// ASCII, so no combining mark follows it and no prepended mark precedes it (the only
    /// ASCII pair that joins, CR LF, is handled by the callers that care about it).
    @inline(__always)
    static func isLoneASCII(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        (i == 0 || p[i - 1] < 0x80) && (i + 1 == p.count || p[i + 1] < 0x80)
    }

    /// `text` with every LF replaced by a space and every CR removed: what
    /// `replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: "")`
    /// gives (Foundation replaces code units literally).
    static func flattenLineBreaks(_ bytes: ArraySlice<UInt8>) -> String {
        guard let first = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let unusual = bytes[first...].indices.contains { i in
            let b = bytes[i]
            guard b == 0x0A || b == 0x0D else { return false }
            return b == 0x0D || (i > bytes.startIndex && bytes[i - 1] >= 0x80) || (i + 1 < bytes.endIndex && bytes[i + 1] >= 0x80)
        }
        if unusual {
            return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: "")
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes {
            if b == 0x0A { out.append(0x20) } else if b != 0x0D { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// HTML escaping exactly as swift-mustache's `String.htmlEscape` does it: the Characters
    /// `<`, `>`, `&`, `"`, `'` (whole grapheme clusters: a `<` carrying a combining mark is
    /// left alone) become entities.
    static func mustacheHTMLEscape(_ text: String) -> String {
        var text = text
        let result: String?? = text.withUTF8 { p -> String?? in
            var first = -1
            for i in 0..<p.count {
                switch p[i] {
                case 0x3C, 0x3E, 0x26, 0x22, 0x27:
                    guard isLoneASCII(p, i) else { return .some(nil) }  // clusters: the slow path
                    if first < 0 { first = i }
                default: continue
                }
            }
            if first < 0 { return .none }  // nothing to escape
            var out: [UInt8] = []
            out.reserveCapacity(p.count + 32)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[0..<first]))
            for i in first..<p.count {
                switch p[i] {
                case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
                case 0x27: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
                default: out.append(p[i])
                }
            }
            return .some(String(decoding: out, as: UTF8.self))
        }
        switch result {
        case .none: return text
        case .some(.some(let escaped)): return escaped
        case .some(.none): return slowMustacheHTMLEscape(text)
        }
    }

    private static let htmlEntities: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]

    /// swift-mustache's own algorithm, for texts where a special character is next to a
    /// non-ASCII scalar.
    static func slowMustacheHTMLEscape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            if let replacement = htmlEntities[c] { out += replacement } else { out.append(c) }
        }
        return out
    }

    /// Whether a CSV field must be quoted: it holds a comma, a quote, a CR or an LF.
    static func csvNeedsQuotes(_ value: String) -> Bool {
        // On bytes, as RFC 4180 counts: a comma or a quote followed by a combining mark, and a
        // CRLF, are still a comma, a quote and a line break for a CSV reader.
        var value = value
        return value.withUTF8 { p in p.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } }
    }

    /// Every `"` byte doubled.
    static func doublingQuotes(_ value: String) -> String {
        guard value.utf8.contains(0x22) else { return value }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 8)
        for b in value.utf8 {
            out.append(b)
            if b == 0x22 { out.append(0x22) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Foundation's `haystack.contains(needle)` (a search that respects combining marks and
    /// canonical equivalence), done as a plain byte search where that gives the same answer:
    /// an ASCII needle in a text whose other characters are all ``isInert(_:)``.
    static func foundationContains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack, needle = needle
        let answer: Bool? = needle.withUTF8 { n -> Bool? in
            guard n.count > 0, !n.contains(where: { $0 >= 0x80 }) else { return nil }
            return haystack.withUTF8 { h -> Bool? in
                var i = 0
                while i < h.count {
                    let lead = h[i]
                    if lead < 0x80 { i += 1; continue }
                    // Valid UTF-8 (a String's): the lead byte gives the length.
                    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    guard i + length <= h.count else { return nil }
                    var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for k in 1..<length { scalar = scalar << 6 | UInt32(h[i + k] & 0x3F) }
                    guard isInert(scalar) else { return nil }
                    i += length
                }
                return occurs(n, in: h, ==)
            }
        }
        return answer ?? haystack.contains(needle)
    }

    /// Whether a character outside ASCII leaves a byte search for an ASCII needle right: a
    /// letter, sign or punctuation mark that is a grapheme of its own (it joins no neighbour)
    /// and is not canonically equivalent to ASCII (as the Kelvin sign is to K). Latin-1 (but
    /// the soft hyphen), Latin Extended-A and -B, the dashes, quotation marks and other general
    /// punctuation (but the format controls), the currency signs and the CJK ideographs; not
    /// the combining marks, joiners, variation selectors and the like, for which Foundation
    /// answers.
    static func isInert(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xA0...0xAC, 0xAE...0x24F, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x4E00...0x9FFF: true
        default: false
        }
    }

    /// `s.trimmingCharacters(in: .whitespaces)`, without Foundation when both ends are ASCII
    /// and not blank (nothing to trim).
    static func trimmingWhitespaces(_ s: String) -> String {
        var s = s
        let untouched = s.withUTF8 { p in
            guard let first = p.first, let last = p.last else { return true }
            return first < 0x80 && last < 0x80 && first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09
        }
        return untouched ? s : s.trimmingCharacters(in: .whitespaces)
    }

    /// The non-empty lines of UTF-8 bytes, as `String(decoding:).split(whereSeparator:
    /// \.isNewline)` gives them, found on bytes: every line break (LF, VT, FF, CR, CR LF, NEL,
    /// LINE and PARAGRAPH SEPARATOR) is a grapheme of its own, so a split on its bytes falls
    /// where the Character-level split does.
    static func lines(_ bytes: ArraySlice<UInt8>) -> [String] {
        bytes.withUnsafeBufferPointer { p in
            var lines: [String] = []
            var start = 0
            var i = 0
            func cut(_ end: Int, next: Int) {
                if end > start { lines.append(String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)) }
                start = next
                i = next
            }
            while i < p.count {
                let b = p[i]
                if b >= 0x0A && b <= 0x0D {
                    cut(i, next: i + 1)
                } else if b == 0xC2, i + 1 < p.count, p[i + 1] == 0x85 {
                    cut(i, next: i + 2)
                } else if b == 0xE2, i + 2 < p.count, p[i + 1] == 0x80, p[i + 2] == 0xA8 || p[i + 2] == 0xA9 {
                    cut(i, next: i + 3)
                } else {
                    i += 1
                }
            }
            cut(p.count, next: p.count)
            return lines
        }
    }

    /// Whether `needle` (ASCII lower-case letters) occurs in `haystack` with ASCII letters of
    /// either case: a prefilter for a search of `haystack.lowercased()`, which finds every
    /// occurrence that search finds (the only non-ASCII letter that lowers to an ASCII one is
    /// the Kelvin sign, to "k", so a needle without "k" loses nothing).
    static func containsASCIICaseInsensitive(_ haystack: String, _ needle: StaticString) -> Bool {
        var haystack = haystack
        return haystack.withUTF8 { h in needle.withUTF8Buffer { n in occurs(n, in: h) { $0 | 0x20 == $1 } } }
    }

    /// Whether the UTF-8 bytes of `needle` occur in those of `haystack`.
    static func containsBytes(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack, needle = needle
        return needle.withUTF8 { n in haystack.withUTF8 { h in occurs(n, in: h, ==) } }
    }

    /// Whether `needle` occurs in `haystack`, a byte of each compared by `same(haystack byte,
    /// needle byte)`: the one search loop of the searches above.
    @inline(__always)
    static func occurs(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                       _ same: (UInt8, UInt8) -> Bool) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        var k = 0
        while k + needle.count <= haystack.count {
            var j = 0
            while j < needle.count, same(haystack[k + j], needle[j]) { j += 1 }
            if j == needle.count { return true }
            k += 1
        }
        return false
    }

    /// `s.split(separator: Character(separator), omittingEmptySubsequences:)` as Strings. An
    /// ASCII separator followed by a non-ASCII byte may carry a combining mark (then it is not
    /// the separator Character): such strings take the Character-level split.
    static func split(_ s: String, _ separator: UInt8, omittingEmptySubsequences: Bool = true) -> [String] {
        var s = s
        let fast: [String]? = s.withUTF8 { p -> [String]? in
            var parts: [String] = []
            var start = 0
            for i in 0...p.count where i == p.count || p[i] == separator {
                if i < p.count, i + 1 < p.count, p[i + 1] >= 0x80 { return nil }
                if !(omittingEmptySubsequences && i == start) {
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self))
                }
                start = i + 1
            }
            return parts
        }
        return fast ?? s.split(separator: Character(Unicode.Scalar(separator)), omittingEmptySubsequences: omittingEmptySubsequences).map(String.init)
    }
}
