/// Stance scores of GUIDELINES.md section 5: a predicted stance matches a gold one when the
/// cues overlap and the categories are equal (each gold stance matches once); precision,
/// recall and F1 per category and overall; over matched stances, holder accuracy (the holder
/// spans overlap, or both resolve to a shared id) and token-level Dice of the targets.
public struct StanceEvaluation: Codable, Sendable {
    public struct Counts: Codable, Sendable, Equatable {
        public var gold = 0
        public var predicted = 0
        public var matched = 0
        public var precision: Double { ratio(matched, predicted) }
        public var recall: Double { ratio(matched, gold) }
        public var f1: Double { harmonic(precision, recall) }
    }

    public var categories: [String: Counts] = [:]
    public var overall = Counts()
    /// Matched stances whose holder is right.
    public var holdersCorrect = 0
    /// Sum of target Dice over matched stances.
    public var diceSum = 0.0

    public var holderAccuracy: Double { ratio(holdersCorrect, overall.matched) }
    public var targetDice: Double { overall.matched == 0 ? 0 : diceSum / Double(overall.matched) }

    public init() {}

    struct Event {
        var category: String
        var cue: Range<Int>
        var holders: [BratDocument.TextBound]
        var holderIDs: Set<String>
        var target: BratDocument.TextBound?
    }

    static func events(_ document: BratDocument) -> [Event] {
        let bounds = Dictionary(document.textBounds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var refs: [String: Set<String>] = [:]
        for n in document.normalizations { refs[n.target, default: []].insert(n.key) }
        return document.events.compactMap { e in
            guard let trigger = bounds[e.trigger] else { return nil }
            let holders = e.arguments.filter { $0.role.hasPrefix("Holder") }.compactMap { bounds[$0.id] }
            let target = e.arguments.first { $0.role == "Target" }.flatMap { bounds[$0.id] }
            return Event(category: e.type, cue: trigger.start..<trigger.end, holders: holders,
                         holderIDs: holders.reduce(into: Set<String>()) { $0.formUnion(refs[$1.id] ?? []) }, target: target)
        }
    }

    public mutating func add(gold: BratDocument, predicted: BratDocument) {
        let g = Self.events(gold)
        let p = Self.events(predicted)
        for e in g { categories[e.category, default: Counts()].gold += 1 }
        for e in p { categories[e.category, default: Counts()].predicted += 1 }
        overall.gold += g.count
        overall.predicted += p.count
        var used = [Bool](repeating: false, count: g.count)
        for pe in p {
            guard let k = g.indices.first(where: { !used[$0] && g[$0].category == pe.category && g[$0].cue.overlaps(pe.cue) }) else { continue }
            used[k] = true
            let ge = g[k]
            overall.matched += 1
            categories[pe.category, default: Counts()].matched += 1
            let overlap = pe.holders.contains { ph in ge.holders.contains { ($0.start..<$0.end).overlaps(ph.start..<ph.end) } }
            if overlap || !pe.holderIDs.isDisjoint(with: ge.holderIDs) { holdersCorrect += 1 }
            diceSum += Self.dice(pe.target, ge.target)
        }
    }

    /// Token-level Dice of two targets (word tokens by code point position); two absent
    /// targets agree fully.
    static func dice(_ a: BratDocument.TextBound?, _ b: BratDocument.TextBound?) -> Double {
        guard let a, let b else { return a == nil && b == nil ? 1 : 0 }
        let ta = tokens(a), tb = tokens(b)
        if ta.isEmpty && tb.isEmpty { return 1 }
        return 2 * Double(ta.intersection(tb).count) / Double(ta.count + tb.count)
    }

    static func tokens(_ t: BratDocument.TextBound) -> Set<Int> {
        var out = Set<Int>()
        var inWord = false
        for (k, scalar) in t.text.unicodeScalars.enumerated() {
            let word = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if word && !inWord { out.insert(t.start + k) }
            inWord = word
        }
        return out
    }

    public func table() -> String {
        func f(_ x: Double) -> String { String(format3: x) }
        var out = "category        gold  pred  match  precision  recall     F1\n"
        let rows = StanceCategory.allCases.map(\.rawValue).compactMap { c in categories[c].map { (c, $0) } }
            + [("overall", overall)]
        for (name, c) in rows {
            out += name.padding(14) + String(c.gold).leftPadding(6) + String(c.predicted).leftPadding(6) + String(c.matched).leftPadding(7)
            out += f(c.precision).leftPadding(11) + f(c.recall).leftPadding(8) + f(c.f1).leftPadding(7) + "\n"
        }
        out += "holder accuracy \(f(holderAccuracy))   target Dice \(f(targetDice))   (over \(overall.matched) matched stances)\n"
        return out
    }
}
