/// The closed set of stance categories of GUIDELINES.md section 3, with their polarity and
/// CAMEO event code: the one definition from which brat's configuration, the JSON and the
/// evaluation are derived.
public enum StanceCategory: String, CaseIterable, Codable, Sendable, Comparable {
    case condemn = "Condemn"
    case regret = "Regret"
    case concern = "Concern"
    case protest = "Protest"
    case urge = "Urge"
    case welcome = "Welcome"
    case appreciate = "Appreciate"
    case support = "Support"
    case agree = "Agree"
    case commit = "Commit"
    case hope = "Hope"
    case congratulate = "Congratulate"
    case sympathize = "Sympathize"

    public enum Polarity: String, Codable, Sendable {
        case negative, directive, positive
    }

    public var polarity: Polarity {
        switch self {
        case .condemn, .regret, .concern, .protest: .negative
        case .urge: .directive
        default: .positive
        }
    }

    /// The CAMEO 1.1b3 event code, with its leading zero.
    public var cameo: String {
        switch self {
        case .condemn: "111"
        case .regret: "110"
        case .concern: "012"
        case .protest: "114"
        case .urge: "020"
        case .welcome, .appreciate, .support, .congratulate: "051"
        case .agree: "019"
        case .commit: "030"
        case .hope: "013"
        case .sympathize: "018"
        }
    }

    /// Colour of the cue in brat's `visual.conf`.
    public var color: String {
        switch polarity {
        case .negative: "#ff9999"
        case .directive: "#ffcc66"
        case .positive: "#99dd99"
        }
    }

    public static func < (a: StanceCategory, b: StanceCategory) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A stance: who took which attitude toward what (GUIDELINES.md section 3).
public struct Stance: Hashable, Sendable {
    public var category: StanceCategory
    /// The cue span ("condemned", "shared the view").
    public var cue: Span
    /// Spans of the holder mentions (Person, Place, Organization or Actor) in `mentions`.
    public var holders: [Span]
    /// What the stance is about, if expressed.
    public var target: Span?
    /// An intensifier modifies the cue.
    public var intense: Bool
    public var negated: Bool
    /// Reiterated, reaffirmed, again.
    public var repeated: Bool
    /// The rule that found the holder (`subject`, `reporting-verb`, `possessor`, ...).
    public var rule: String

    public init(category: StanceCategory, cue: Span, holders: [Span], target: Span?, intense: Bool,
                negated: Bool, repeated: Bool, rule: String) {
        self.category = category
        self.cue = cue
        self.holders = holders
        self.target = target
        self.intense = intense
        self.negated = negated
        self.repeated = repeated
        self.rule = rule
    }
}
