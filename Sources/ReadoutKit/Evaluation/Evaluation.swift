/// Entity scores of GUIDELINES.md section 5: precision, recall and F1 per label, exact
/// (same label and span) and lenient (same label, any overlap), and micro averages.
public struct EntityEvaluation: Codable, Sendable {
    public struct Counts: Codable, Sendable, Equatable {
        public var gold = 0
        public var predicted = 0
        /// Exact: predicted spans equal to a gold span of the same label.
        public var exact = 0
        /// Lenient: gold mentions overlapped by a prediction of the same label.
        public var lenientRecalled = 0
        /// Lenient: predictions overlapping a gold mention of the same label.
        public var lenientPrecise = 0

        public var precision: Double { ratio(exact, predicted) }
        public var recall: Double { ratio(exact, gold) }
        public var f1: Double { harmonic(precision, recall) }
        public var lenientPrecision: Double { ratio(lenientPrecise, predicted) }
        public var lenientRecall: Double { ratio(lenientRecalled, gold) }
        public var lenientF1: Double { harmonic(lenientPrecision, lenientRecall) }

        static func + (a: Counts, b: Counts) -> Counts {
            Counts(gold: a.gold + b.gold, predicted: a.predicted + b.predicted, exact: a.exact + b.exact,
                   lenientRecalled: a.lenientRecalled + b.lenientRecalled, lenientPrecise: a.lenientPrecise + b.lenientPrecise)
        }
    }

    /// Counts per label, for every entity label found in gold or prediction.
    public var labels: [String: Counts] = [:]
    /// Documents scored, and gold documents that had no prediction.
    public var documents = 0
    public var missing: [String] = []

    public init() {}

    /// Micro average over some labels.
    public func micro(_ labels: [String]) -> Counts {
        labels.compactMap { self.labels[$0] }.reduce(Counts(), +)
    }

    /// Person, Place and Organization.
    public static let flatLabels = EntityLabel.allCases.filter(\.isFlat).map(\.rawValue)
    /// The entity labels scored: all but Actor, which belongs to stances.
    public static let scoredLabels = EntityLabel.allCases.filter { $0 != .actor }.map(\.rawValue)

    /// Adds one document's gold and predicted annotations.
    public mutating func add(gold: BratDocument, predicted: BratDocument) {
        documents += 1
        for label in Self.scoredLabels {
            let g = gold.textBounds.filter { $0.label == label }.map { $0.start..<$0.end }
            let p = predicted.textBounds.filter { $0.label == label }.map { $0.start..<$0.end }
            if g.isEmpty && p.isEmpty { continue }
            var counts = labels[label] ?? Counts()
            counts.gold += g.count
            counts.predicted += p.count
            var remaining = Dictionary(grouping: g, by: { $0 }).mapValues(\.count)
            for span in p where (remaining[span] ?? 0) > 0 {
                remaining[span]! -= 1
                counts.exact += 1
            }
            counts.lenientRecalled += g.filter { gs in p.contains { $0.overlaps(gs) } }.count
            counts.lenientPrecise += p.filter { ps in g.contains { $0.overlaps(ps) } }.count
            labels[label] = counts
        }
    }

    /// A plain-text table.
    public func table() -> String {
        var rows: [(String, Counts)] = Self.scoredLabels.compactMap { l in labels[l].map { (l, $0) } }
        rows.append(("micro P/P/O", micro(Self.flatLabels)))
        rows.append(("micro all", micro(Self.scoredLabels)))
        func f(_ x: Double) -> String { String(format3: x) }
        var out = "label          gold  pred  exact-P exact-R exact-F1  lenient-P lenient-R lenient-F1\n"
        for (name, c) in rows {
            out += name.padding(13) + String(c.gold).leftPadding(6) + String(c.predicted).leftPadding(6)
            out += f(c.precision).leftPadding(9) + f(c.recall).leftPadding(8) + f(c.f1).leftPadding(9)
            out += f(c.lenientPrecision).leftPadding(11) + f(c.lenientRecall).leftPadding(10) + f(c.lenientF1).leftPadding(11) + "\n"
        }
        return out
    }
}

func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
func harmonic(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }

extension String {
    init(format3 x: Double) {
        let scaled = Int((x * 1000).rounded())
        let whole = scaled / 1000, frac = scaled % 1000
        self = "\(whole)." + String(repeating: "0", count: 3 - String(frac).count) + String(frac)
    }

    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int) -> String { count >= width ? " " + self : String(repeating: " ", count: width - count) + self }
}
