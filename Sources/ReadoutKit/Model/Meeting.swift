/// What a readout says about its meeting: title, date, kind, place, participants.
public struct Meeting: Hashable, Codable, Sendable {
    public struct Participant: Hashable, Codable, Sendable {
        public var id: String
        public var name: String
        /// The title the readout gives the person ("Minister for Foreign Affairs of Japan").
        public var title: String?
        /// ISO 3166-1 alpha-3 of the country the person represents, if known; or the lexicon
        /// id of the international body whose office the title names ("EU", "NATO", "UN").
        public var country: String?
    }

    /// Where the meeting date came from.
    public enum DateSource: String, Codable, Sendable {
        /// A full date in the opening sentence.
        case text
        /// Month and day from the opening sentence, the year from the header date.
        case textWithHeaderYear = "text+header-year"
        /// Month and day from the opening sentence, the year from the file name.
        case textWithFileNameYear = "text+file-name-year"
        /// The date line of the header (often the publication date).
        case header
        /// A YYYY-MM-DD date in the file name.
        case fileName = "file-name"
        /// Not stated anywhere.
        case unknown
    }

    public var title: String?
    /// ISO 8601 (YYYY-MM-DD), or nil when unknown.
    public var date: String?
    public var dateSource: DateSource
    /// meeting, telephone talk, video conference, summit, courtesy call, working meal, visit.
    public var kind: String
    /// Where it took place (the first place named "in", "at" or "visit to" in the opening).
    public var place: Reference?
    public var participants: [Participant]
    /// The countries the participants represent (for "both sides", "the two countries").
    public var countries: [Reference]
    /// Start time as HH:MM (24 h), when stated.
    public var startTime: String?
    public var durationMinutes: Int?
    /// The issuing government (alpha-3), when the text names an office of it in its header.
    public var government: String?

    public init(title: String? = nil, date: String? = nil, dateSource: DateSource = .unknown, kind: String = "meeting",
                place: Reference? = nil, participants: [Participant] = [], countries: [Reference] = [],
                startTime: String? = nil, durationMinutes: Int? = nil, government: String? = nil) {
        self.title = title
        self.date = date
        self.dateSource = dateSource
        self.kind = kind
        self.place = place
        self.participants = participants
        self.countries = countries
        self.startTime = startTime
        self.durationMinutes = durationMinutes
        self.government = government
    }
}
