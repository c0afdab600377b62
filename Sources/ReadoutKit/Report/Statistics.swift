/// A way to group stances, as `readout stats --by` names it.
public enum StanceDimension: String, CaseIterable, Sendable {
    case document, date, year, month, holder
    case holderCountry = "holder-country"
    case category, polarity, cameo, target, cue

    /// The values a stance has for this dimension; holders and targets may be several.
    func values(_ row: StanceRow) -> [String] {
        switch self {
        case .document: [row.document]
        case .date: [row.meetingDate ?? "unknown"]
        case .year: [row.meetingDate.map { String($0.prefix(4)) } ?? "unknown"]
        case .month: [row.meetingDate.map { String($0.prefix(7)) } ?? "unknown"]
        case .holder: row.holderIDs.isEmpty ? ["none"] : row.holderIDs
        case .holderCountry: row.holderCountries.isEmpty ? ["unknown"] : row.holderCountries
        case .category: [row.category.rawValue]
        case .polarity: [row.category.polarity.rawValue]
        case .cameo: [row.category.cameo]
        case .target: row.targetEntityIDs.isEmpty ? ["none"] : row.targetEntityIDs
        case .cue: [row.cue.lowercased()]
        }
    }
}

/// Which stances to count and how to group them.
public struct StanceQuery: Sendable {
    public var by: [StanceDimension]
    /// Conditions that must all hold: the stance has this value for the dimension.
    public var filters: [(StanceDimension, String)]
    /// Meeting dates, ISO, inclusive; stances of undated meetings are left out when set.
    public var from: String?
    public var to: String?

    public init(by: [StanceDimension], filters: [(StanceDimension, String)] = [], from: String? = nil, to: String? = nil) {
        self.by = by
        self.filters = filters
        self.from = from
        self.to = to
    }

    public func matches(_ row: StanceRow) -> Bool {
        if from != nil || to != nil {
            guard let date = row.meetingDate else { return false }
            if let from, date < from { return false }
            if let to, date > to { return false }
        }
        return filters.allSatisfy { dimension, value in
            dimension.values(row).contains { $0.caseInsensitiveCompare(value) == .orderedSame }
        }
    }
}

/// A group of stances and its count.
public struct StanceGroup: Sendable {
    public var keys: [String]
    public var count: Int
    /// Indexes of the stances behind the count.
    public var rows: [Int]
}

public enum Statistics {
    /// Counts stances by the query's dimensions: a stance with two holders counts once for
    /// each. Groups come most frequent first, then by key.
    public static func group(_ rows: [StanceRow], _ query: StanceQuery) -> [StanceGroup] {
        var groups: [[String]: [Int]] = [:]
        for (n, row) in rows.enumerated() where query.matches(row) {
            var combinations: [[String]] = [[]]
            for dimension in query.by {
                let values = Array(Set(dimension.values(row))).sorted()
                combinations = combinations.flatMap { prefix in values.map { prefix + [$0] } }
            }
            for keys in combinations { groups[keys, default: []].append(n) }
        }
        return groups.map { StanceGroup(keys: $0.key, count: $0.value.count, rows: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.keys.lexicographicallyPrecedes($1.keys) }
    }
}
