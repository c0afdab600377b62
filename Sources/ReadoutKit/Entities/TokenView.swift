/// Per-document views of the tokens that the entity rules read: texts, lexicon keys,
/// capitalization and sentence limits.
struct TokenView {
    let document: Document
    let tokens: [Token]
    let texts: [String]
    /// Lexicon key id of each token (-1: in no lexicon form).
    let keys: [Int32]
    /// Key id of the title-case form of an ALL-CAPS token (-1: none).
    let alternates: [Int32]
    /// For each token, the end (exclusive token index) of its sentence.
    let sentenceEnd: [Int]
    /// Token ranges of the sentences.
    let sentences: [Range<Int>]
    /// Byte spans of the sentences.
    let sentenceSpans: [Span]
    /// Capitalization of each word token (see `shape`).
    let shapes: [UInt8]

    init(document: Document, segmentation: Segmentation, matcher: PhraseMatcher) {
        self.document = document
        self.tokens = segmentation.tokens
        self.sentenceSpans = segmentation.sentences
        let bytes = document.bytes
        self.texts = segmentation.tokens.map { String(decoding: bytes[$0.span.start..<$0.span.end], as: UTF8.self) }
        self.keys = texts.map { matcher.keyID($0) }
        let shapes = zip(texts, segmentation.tokens).map { TokenView.shape($0, $1.kind) }
        self.shapes = shapes
        self.alternates = zip(texts, shapes).map { text, shape in
            guard shape & TokenView.allCaps != 0, text.count > 1 else { return -1 }
            return matcher.keyID(text.prefix(1) + text.dropFirst().lowercased())
        }
        var sentenceEnd = [Int](repeating: 0, count: tokens.count)
        var sentences: [Range<Int>] = []
        var t = 0
        for sentence in segmentation.sentences {
            while t < tokens.count, tokens[t].span.end <= sentence.start {
                sentenceEnd[t] = t + 1
                t += 1
            }
            let first = t
            while t < tokens.count, tokens[t].span.start < sentence.end { t += 1 }
            for k in first..<t { sentenceEnd[k] = t }
            if t > first { sentences.append(first..<t) }
        }
        while t < tokens.count {
            sentenceEnd[t] = t + 1
            t += 1
        }
        self.sentenceEnd = sentenceEnd
        self.sentences = sentences
    }

    var count: Int { tokens.count }

    subscript(i: Int) -> String { texts[i] }

    func span(_ range: Range<Int>) -> Span {
        Span(tokens[range.lowerBound].span.start, tokens[range.upperBound - 1].span.end)
    }

    func text(_ range: Range<Int>) -> String { document.text(of: span(range)) }

    /// No white space between tokens i and i+1.
    func joined(_ i: Int) -> Bool {
        i >= 0 && i + 1 < tokens.count && tokens[i].span.end == tokens[i + 1].span.start
    }

    /// Only spaces or tabs (no line break) between tokens i and i+1.
    func sameLine(_ i: Int) -> Bool {
        guard i >= 0, i + 1 < tokens.count else { return false }
        let gap = document.bytes[tokens[i].span.end..<tokens[i + 1].span.start]
        return !gap.contains(0x0A) && !gap.contains(0x0D)
    }

    func isWord(_ i: Int) -> Bool { i >= 0 && i < count && tokens[i].kind == .word }

    /// The end of the word that starts at token i and goes on over hyphens without space
    /// ("El-Sisi", "Byung-se": three tokens), before `limit`; i + 1 for a word without hyphen.
    func hyphenatedWordEnd(from i: Int, limit: Int) -> Int {
        var end = i + 1
        while end + 1 < limit, texts[end] == "-", joined(end - 1), joined(end), isWord(end + 1) { end += 2 }
        return end
    }

    /// Starts with an upper-case letter.
    /// Starts with an upper-case letter (precomputed: rules ask this of every token often).
    func isCapitalized(_ i: Int) -> Bool { i >= 0 && i < count && shapes[i] & Self.capitalized != 0 }

    func isAllCaps(_ i: Int) -> Bool { i >= 0 && i < count && shapes[i] & Self.allCaps != 0 }

    static let capitalized: UInt8 = 1, allCaps: UInt8 = 2, lowercase: UInt8 = 4

    /// Token i as the rules' word lists spell it: an ALL-CAPS word of two letters or more in
    /// title case ("HOLDS" -> "Holds"), any other token as it is. In an all-caps headline
    /// every word is capitalized, so the lists of words that are no names must see "Holds".
    func listForm(_ i: Int) -> String {
        let t = texts[i]
        guard isAllCaps(i), t.count > 1 else { return t }
        return t.prefix(1) + t.dropFirst().lowercased()
    }

    static func shape(_ text: String, _ kind: TokenKind) -> UInt8 {
        guard kind == .word else { return 0 }
        // ASCII words: the Unicode properties of ASCII letters, without looking them up.
        var text = text
        if let shape = text.withUTF8({ p -> UInt8? in
            guard !p.isEmpty, !p.contains(where: { $0 >= 0x80 }) else { return nil }
            let first = p[0]
            if first >= 0x41 && first <= 0x5A {
                // All caps: every letter upper case (and at least the first is a letter).
                let lower = p.contains { $0 >= 0x61 && $0 <= 0x7A }
                return lower ? capitalized : capitalized | allCaps
            }
            return first >= 0x61 && first <= 0x7A ? lowercase : 0
        }) {
            return shape
        }
        guard let first = text.unicodeScalars.first else { return 0 }
        var shape: UInt8 = 0
        if first.properties.isUppercase {
            shape |= capitalized
            if isAllCaps(text) { shape |= allCaps }
        } else if first.properties.isLowercase {
            shape |= lowercase
        }
        return shape
    }

    static func isAllCaps(_ text: String) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if !scalar.properties.isUppercase { return false }
            letters += 1
        }
        return letters > 0
    }

    /// `text.lowercased()`, without a new string for the ASCII words already in lower case
    /// (most tokens); ASCII's case mapping is Unicode's for ASCII text.
    static func lowercased(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) else { return text.lowercased() }
        return text
    }

    func isLowercaseWord(_ i: Int) -> Bool { i >= 0 && i < count && shapes[i] & Self.lowercase != 0 }

    /// Index of the first token of the sentence containing token i.
    func sentenceStart(_ i: Int) -> Int {
        let k = sentences.partitionIndex { $0.upperBound > i }
        return k < sentences.count && sentences[k].contains(i) ? sentences[k].lowerBound : i
    }

    /// Index of the first token that starts at or after a byte offset.
    func firstToken(atOrAfter offset: Int) -> Int {
        tokens.partitionIndex { $0.span.start >= offset }
    }
}
