/// People of the lexicon who held a country's high office in known years (head of government
/// or of state, foreign minister): who "The Prime Minister" of a readout that never names its
/// own principal is ("The Prime Minister met Prime Minister X of Japan in London today").
struct OfficeHolders: Sendable {
    struct Holder: Sendable {
        let reference: Reference
        let roles: [String]
        let from: Int
        let to: Int?
    }

    /// Holders by country code. Only entries with a start year: a lexicon without years
    /// (a generated one) adds nothing.
    private let byCountry: [String: [Holder]]
    /// Secretaries-general of international bodies, in lexicon order; their other roles name
    /// the body ("UN", "NATO"). A missing start year counts as always.
    private let secretariesGeneral: [Holder]

    /// The lexicon role a title of office stands for, by the title in lower case.
    static let offices: [String: String] = [
        "prime minister": "head-of-government", "premier": "head-of-government",
        "chancellor": "head-of-government", "taoiseach": "head-of-government",
        "president": "head-of-state",
        "foreign secretary": "foreign-minister", "foreign minister": "foreign-minister",
        "secretary of state": "foreign-minister", "minister for foreign affairs": "foreign-minister",
        "minister of foreign affairs": "foreign-minister", "external affairs minister": "foreign-minister",
    ]

    init(people: some Sequence<LexiconEntry>) {
        let kinds = Set(Self.offices.values)
        var byCountry: [String: [Holder]] = [:]
        var secretariesGeneral: [Holder] = []
        for e in people {
            if e.roles.contains("secretary-general") {
                secretariesGeneral.append(Holder(
                    reference: Reference(id: e.id, name: e.name), roles: e.roles,
                    from: e.validFrom.flatMap { Int($0.prefix(4)) } ?? Int.min, to: e.validTo.flatMap { Int($0.prefix(4)) }))
            }
            guard let country = e.country, let from = e.validFrom.flatMap({ Int($0.prefix(4)) }),
                  e.roles.contains(where: kinds.contains) else { continue }
            byCountry[country, default: []].append(Holder(
                reference: Reference(id: e.id, name: e.name), roles: e.roles, from: from,
                to: e.validTo.flatMap { Int($0.prefix(4)) }))
        }
        self.byCountry = byCountry
        self.secretariesGeneral = secretariesGeneral
    }

    /// Whether a title in lower case is a secretary-general's ("secretary-general",
    /// "secretary general").
    static func isSecretaryGeneral(_ office: String) -> Bool {
        office == "secretary-general" || office == "secretary general"
    }

    /// The body an unnamed "the Secretary-General" heads, from the organizations a readout
    /// mentions: NATO when it names NATO and not the UN, else the UN.
    static func bodyOfSecretaryGeneral(in mentions: [Mention]) -> String {
        let ids = Set(mentions.lazy.filter { $0.label == .organization }.flatMap { $0.references.map(\.id) })
        return ids.contains("NATO") && !ids.contains("UN") ? "NATO" : "UN"
    }

    /// The secretary-general of a body ("UN", "NATO") in a year; without a year, the last in
    /// lexicon order still in office. When the years of several hold it, the one whose years
    /// end first: a person's years run over all their offices (Mark Rutte's from 2010, when
    /// he became Prime Minister), so a successor's may start long before their term, while a
    /// predecessor's end with it.
    func secretaryGeneral(of body: String, year: Int?) -> Reference? {
        let holders = secretariesGeneral.filter { $0.roles.contains(body) }
        guard let year else { return holders.last { $0.to == nil }?.reference }
        let inOffice = holders.filter { $0.from <= year && year <= ($0.to ?? Int.max) }
        return inOffice.min { ($0.to ?? Int.max) < ($1.to ?? Int.max) }?.reference
    }

    /// The one person who held the office (a title in lower case: "prime minister") in the
    /// country in that year; nil when none or several did (the lexicon's years cannot tell a
    /// change of office within the year).
    func holder(of office: String, country: String, year: Int) -> Reference? {
        guard let kind = Self.offices[office] else { return nil }
        let found = (byCountry[country] ?? []).filter { h in
            h.roles.contains(kind) && h.from <= year && year <= (h.to ?? Int.max)
        }
        return found.count == 1 ? found[0].reference : nil
    }
}
