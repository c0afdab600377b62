/// What ICU's word break rules said about a token.
public enum TokenKind: UInt8, Sendable, Codable, CustomStringConvertible {
    /// Letters (ICU rule status 200–299).
    case word
    /// Numbers (100–199).
    case number
    /// Kana (300–399).
    case kana
    /// Ideographs (400–499).
    case ideographic
    /// Anything else that is not white space: punctuation, symbols, emoji (0–99).
    case punctuation

    init(ruleStatus: Int32) {
        switch ruleStatus {
        case 100..<200: self = .number
        case 200..<300: self = .word
        case 300..<400: self = .kana
        case 400..<500: self = .ideographic
        default: self = .punctuation
        }
    }

    public var description: String {
        switch self {
        case .word: "word"
        case .number: "number"
        case .kana: "kana"
        case .ideographic: "ideographic"
        case .punctuation: "punctuation"
        }
    }
}

/// A word-break token; white space is not a token.
public struct Token: Sendable, Hashable {
    public var span: Span
    public var kind: TokenKind

    public init(span: Span, kind: TokenKind) {
        self.span = span
        self.kind = kind
    }
}
