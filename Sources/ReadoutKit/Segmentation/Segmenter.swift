import Foundation

/// Sentences and tokens of a document.
public struct Segmentation: Sendable {
    /// Sentence spans, in order, without leading list markers or surrounding white space.
    public var sentences: [Span]
    /// Word-break tokens in order; white space is not a token. A possessive ending
    /// ("’s", "'s") is split from its word.
    public var tokens: [Token]
}

/// Sentence and word segmentation with ICU plus the project's abbreviation rules.
///
/// Thread-safe: each call clones ICU iterators from prototypes.
public final class Segmenter: @unchecked Sendable {
    public static let locale = "en@ss=standard"

    private let sentencePrototype: Breaker
    private let wordPrototype: Breaker
    private let lock = NSLock()
    public let abbreviations: Abbreviations

    public init(abbreviations: Abbreviations) throws {
        self.sentencePrototype = try Breaker(kind: .sentence, locale: Self.locale)
        self.wordPrototype = try Breaker(kind: .word, locale: Self.locale)
        self.abbreviations = abbreviations
    }

    private func clones() -> (Breaker, Breaker) {
        lock.lock()
        defer { lock.unlock() }
        return (sentencePrototype.clone(), wordPrototype.clone())
    }

    public func segment(_ document: Document) -> Segmentation {
        let (sentenceBreaker, wordBreaker) = clones()
        let tokens = Self.tokens(of: document.bytes, breaker: wordBreaker)
        var raw: [Int] = [0]
        sentenceBreaker.forEachBoundary(in: document.bytes) { offset, _ in raw.append(offset) }
        let sentences = sentenceSpans(rawBoundaries: raw, tokens: tokens, bytes: document.bytes)
        return Segmentation(sentences: sentences, tokens: tokens)
    }

    /// The token texts of each string (for lexicon forms), with one ICU iterator.
    public func tokenTexts(_ strings: [String]) -> [[String]] {
        // Large lists (a big user lexicon) are split in two halves tokenized side by side.
        if strings.count >= 100_000 {
            let half = strings.count / 2
            let second = ParallelResult { self.tokenTexts(strings[half...]) }
            return tokenTexts(strings[..<half]) + second.value
        }
        return tokenTexts(strings[...])
    }

    private func tokenTexts(_ strings: ArraySlice<String>) -> [[String]] {
        let (_, wordBreaker) = clones()
        return strings.map { string in
            if let words = Self.asciiWords(string) { return words }
            let bytes = Array(string.utf8)
            return Self.tokens(of: bytes, breaker: wordBreaker).map { Self.text($0, bytes) }
        }
    }

    /// A word iterator of this segmenter's own, for one thread.
    func wordBreaker() -> Breaker { clones().1 }

    /// The token texts of UTF-8 bytes, as ICU and `tokens(of:)` split them.
    static func tokenTexts(of bytes: [UInt8], breaker: Breaker) -> [String] {
        tokens(of: bytes, breaker: breaker).map { text($0, bytes) }
    }

    /// The tokens of `p[range]` when it holds only ASCII letters, digits, spaces and hyphens
    /// (false for any other byte): ICU's word rules make a run of letters and digits one word
    /// (WB5, WB8-WB10), a hyphen a segment of its own (WB999) and a run of spaces one
    /// white-space segment (WB3d), which `tokens(of:)` drops.
    static func asciiTokens(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [Range<Int>]) -> Bool {
        tokens.removeAll(keepingCapacity: true)
        var start = -1
        for i in range {
            let b = p[i]
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) {
                if start < 0 { start = i }
                continue
            }
            if start >= 0 {
                tokens.append(start..<i)
                start = -1
            }
            if b == 0x2D {
                tokens.append(i..<i + 1)
            } else if b != 0x20 {
                return false
            }
        }
        if start >= 0 { tokens.append(start..<range.upperBound) }
        return true
    }

    /// The tokens of a string of ASCII letters and spaces, which ICU's word rules split at
    /// the spaces only (letters join, a run of spaces is one white-space segment, dropped);
    /// nil for any other string.
    static func asciiWords(_ string: String) -> [String]? {
        var string = string
        return string.withUTF8 { p -> [String]? in
            var words: [String] = []
            var start = -1
            for i in 0...p.count {
                let b: UInt8 = i < p.count ? p[i] : 0x20
                if b == 0x20 {
                    if start >= 0 {
                        words.append(String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self))
                        start = -1
                    }
                } else if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
                    if start < 0 { start = i }
                } else {
                    return nil
                }
            }
            return words
        }
    }

    static func tokens(of bytes: [UInt8], breaker: Breaker) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        var previous = 0
        breaker.forEachBoundary(in: bytes) { offset, status in
            defer { previous = offset }
            let kind = TokenKind(ruleStatus: status)
            if kind == .punctuation && Self.isSpace(bytes, previous, offset) { return }
            if kind == .word, let split = Self.possessiveSplit(bytes, previous, offset) {
                tokens.append(Token(span: Span(previous, split), kind: .word))
                tokens.append(Token(span: Span(split, offset), kind: .punctuation))
                return
            }
            tokens.append(Token(span: Span(previous, offset), kind: kind))
        }
        return tokens
    }

    /// White space: ASCII spaces and controls, NBSP, and the Unicode space separators.
    static func isSpace(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            let b = bytes[i]
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) { i += 1; continue }
            if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 || bytes[i + 1] == 0x85 { i += 2; continue }
            if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80,
               (0x80...0x8A).contains(bytes[i + 2]) || bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 || bytes[i + 2] == 0xAF {
                i += 3; continue
            }
            if b == 0xE3, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { i += 3; continue }
            if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x81, bytes[i + 2] == 0x9F { i += 3; continue }
            return false
        }
        return true
    }

    /// The offset of a trailing "’s" / "'s" in a word token longer than the ending.
    static func possessiveSplit(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
        guard end - start >= 3, bytes[end - 1] == UInt8(ascii: "s") || bytes[end - 1] == UInt8(ascii: "S") else { return nil }
        if bytes[end - 2] == UInt8(ascii: "'"), end - 2 > start { return end - 2 }
        if end - start >= 5, bytes[end - 4] == 0xE2, bytes[end - 3] == 0x80, bytes[end - 2] == 0x99, end - 4 > start {
            return end - 4
        }
        return nil
    }

    // MARK: Sentences

    private func sentenceSpans(rawBoundaries raw: [Int], tokens: [Token], bytes: [UInt8]) -> [Span] {
        if bytes.isEmpty { return [] }
        // Token index of the first token at or after each offset.
        func firstToken(atOrAfter offset: Int) -> Int {
            tokens.partitionIndex { $0.span.start >= offset }
        }
        var kept: [Int] = [0]
        for boundary in raw.dropFirst() where boundary < bytes.count {
            let next = firstToken(atOrAfter: boundary)
            if next > 0, next < tokens.count, shouldJoin(tokens: tokens, before: next, bytes: bytes) {
                continue
            }
            kept.append(boundary)
        }
        kept.append(bytes.count)
        // ICU's English exceptions keep "ROK.", "NATO." and "WTO." inside a sentence; in
        // readouts an acronym of capitals before ". " and a capital ends one.
        let acronymEnds = acronymSentenceEnds(tokens: tokens, bytes: bytes)
        if !acronymEnds.isEmpty { kept = Array(Set(kept).union(acronymEnds)).sorted() }
        var spans: [Span] = []
        for i in 0..<(kept.count - 1) {
            if let span = trimmed(Span(kept[i], kept[i + 1]), tokens: tokens, bytes: bytes, firstToken: firstToken) {
                spans.append(span)
            }
        }
        return spans
    }

    /// Offsets where a sentence starts after an acronym of capital letters, a period and
    /// spaces ("... support for the ROK. Both Ministers ..."), unless the acronym with its
    /// period is an abbreviation of the list.
    private func acronymSentenceEnds(tokens: [Token], bytes: [UInt8]) -> [Int] {
        var ends: [Int] = []
        var t = 1
        while t + 1 < tokens.count {
            defer { t += 1 }
            let dot = tokens[t].span, word = tokens[t - 1].span, next = tokens[t + 1].span
            guard dot.end - dot.start == 1, bytes[dot.start] == 0x2E, word.end == dot.start, word.end - word.start >= 2,
                  next.start > dot.end, bytes[next.start] >= 0x41, bytes[next.start] <= 0x5A,
                  bytes[dot.end..<next.start].allSatisfy({ $0 == 0x20 }),
                  bytes[word.start..<word.end].allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { continue }
            if abbreviations.kind(of: Self.text(tokens[t - 1], bytes) + ".") != nil { continue }
            ends.append(next.start)
        }
        return ends
    }

    /// Whether ICU's break before token `next` should be undone.
    private func shouldJoin(tokens: [Token], before next: Int, bytes: [UInt8]) -> Bool {
        let last = tokens[next - 1]
        let gap = bytes[last.span.end..<tokens[next].span.start]
        let lineBreaks = gap.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let nextText = Self.text(tokens[next], bytes)
        // A hard-wrapped line: no end punctuation and the next line goes on in lower case.
        if lineBreaks == 1 {
            if ![".", "!", "?", ":", ";"].contains(Self.text(last, bytes)),
               last.kind == .word || last.kind == .number || Self.text(last, bytes) == ",",
               let first = nextText.unicodeScalars.first, first.properties.isLowercase {
                return true
            }
            return false
        }
        if lineBreaks > 0 { return false }
        guard Self.text(last, bytes) == ".", next >= 2, tokens[next - 2].span.end == last.span.start else { return false }
        let word = Self.text(tokens[next - 2], bytes) + "."
        // An initial ("Antony J. Blinken", "H. E.") does not end a sentence.
        if word.count == 2, word.first!.isUppercase { return true }
        guard let kind = abbreviations.kind(of: word) else { return false }
        switch kind {
        case .title: return true
        case .inline: return !Self.startsSentence(nextText)
        }
    }

    /// Words that begin sentences in readouts; after an inline abbreviation they mean a break.
    static let sentenceStarters: WordSet = [
        "The", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I", "In", "On",
        "At", "As", "After", "Before", "During", "Both", "Each", "Also", "However", "Furthermore",
        "Moreover", "In addition", "Following", "Finally", "Meanwhile", "There", "His", "Her",
        "Their", "Its", "Our", "A", "An", "Regarding", "With", "For", "To", "From", "While",
        "When", "Since", "Then", "Further", "Additionally", "Concerning",
    ]

    static func startsSentence(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return true }
        if !first.properties.isUppercase { return false }
        return sentenceStarters.contains(word)
    }

    /// Drops surrounding white space and leading list markers ("1.", "(2)", "a)", "•").
    private func trimmed(_ span: Span, tokens: [Token], bytes: [UInt8], firstToken: (Int) -> Int) -> Span? {
        var i = firstToken(span.start)
        while i < tokens.count, tokens[i].span.end <= span.end {
            let n = Self.listMarkerLength(tokens: tokens, at: i, end: span.end, bytes: bytes)
            if n == 0 { break }
            i += n
        }
        guard i < tokens.count, tokens[i].span.start < span.end else { return nil }
        let start = tokens[i].span.start
        var end = span.end
        while end > start, Self.isSpace(bytes, end - 1, end) { end -= 1 }
        // Multi-byte spaces (NBSP, ideographic space) at the end.
        var j = i
        var lastEnd = start
        while j < tokens.count, tokens[j].span.start < span.end { lastEnd = tokens[j].span.end; j += 1 }
        end = min(end, lastEnd)
        return end > start ? Span(start, end) : nil
    }

    /// How many tokens form a list marker at token `i`, or 0.
    static func listMarkerLength(tokens: [Token], at i: Int, end: Int, bytes: [UInt8]) -> Int {
        let t = tokens[i]
        // Most sentences start with a capitalized word, which no marker is.
        if t.kind == .word, t.span.start < bytes.count, bytes[t.span.start] >= 0x41, bytes[t.span.start] <= 0x5A { return 0 }
        let s = text(t, bytes)
        func isMarkerBody(_ token: Token) -> Bool {
            let body = text(token, bytes)
            if token.kind == .number { return body.utf8.count <= 3 && body.allSatisfy(\.isASCII) }
            return token.kind == .word && body.count == 1 && body.first!.isLowercase
                || ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].contains(body)
        }
        func followedBySpace(_ token: Token) -> Bool {
            let after = token.span.end
            return after >= end || isSpace(bytes, after, min(after + 1, bytes.count))
        }
        if ["•", "・", "-", "–", "*", "○", "●", "■", "□", "◆", "◇", "▪"].contains(s), followedBySpace(t) { return 1 }
        // "1." "a." "2)"
        if isMarkerBody(t), i + 1 < tokens.count {
            let p = tokens[i + 1]
            let ps = text(p, bytes)
            if p.span.start == t.span.end, ps == "." || ps == ")", followedBySpace(p) { return 2 }
        }
        // "(2)" "(a)"
        if s == "(", i + 2 < tokens.count, tokens[i + 1].span.start == t.span.end, isMarkerBody(tokens[i + 1]) {
            let c = tokens[i + 2]
            if text(c, bytes) == ")", c.span.start == tokens[i + 1].span.end, followedBySpace(c) { return 3 }
        }
        return 0
    }

    static func text(_ token: Token, _ bytes: [UInt8]) -> String {
        String(decoding: bytes[token.span.start..<token.span.end], as: UTF8.self)
    }
}
