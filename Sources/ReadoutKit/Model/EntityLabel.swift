/// The entity labels of GUIDELINES.md section 2: the one definition from which the brat
/// configuration, the JSON and the evaluation tables are derived.
public enum EntityLabel: String, CaseIterable, Codable, Sendable, Comparable {
    case person = "Person"
    case place = "Place"
    case organization = "Organization"
    case title = "Title"
    case meeting = "Meeting"
    case date = "Date"
    /// A pronoun or group expression that stands for entities ("The two Ministers", "she").
    case actor = "Actor"

    /// Person, Place and Organization: the flat layer, which never overlaps itself and whose
    /// mentions are normalized to ids.
    public var isFlat: Bool { self == .person || self == .place || self == .organization }

    /// Whether mentions carry `Reference` normalizations.
    public var isNormalized: Bool { isFlat || self == .actor }

    /// Labels a lexicon file may define.
    public static let lexiconLabels: [EntityLabel] = [.person, .place, .organization, .title]

    /// Background colour in brat's `visual.conf` (and the review page).
    public var color: String {
        switch self {
        case .person: "#ffccaa"
        case .place: "#aaddff"
        case .organization: "#bbeebb"
        case .title: "#eeeeaa"
        case .meeting: "#ddccff"
        case .date: "#dddddd"
        case .actor: "#ffbbdd"
        }
    }

    public static func < (a: EntityLabel, b: EntityLabel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
