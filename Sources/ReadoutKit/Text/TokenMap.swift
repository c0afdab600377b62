/// A map from token indexes (or any small non-negative integers below a bound fixed at
/// creation) to values: an array look-up where a `[Int: Value]` would hash. Indexes outside
/// the bound read as absent, as missing keys of a dictionary do; writing one is an error.
struct TokenMap<Value> {
    /// Index into `values` per key, -1 for none.
    private var slots: [Int32]
    private var values: [Value] = []

    /// A map for the keys 0..<bound.
    init(bound: Int) {
        slots = [Int32](repeating: -1, count: max(bound, 0))
    }

    subscript(key: Int) -> Value? {
        get {
            guard key >= 0, key < slots.count else { return nil }
            let slot = slots[key]
            return slot >= 0 ? values[Int(slot)] : nil
        }
        set {
            precondition(key >= 0 && key < slots.count, "token index \(key) outside 0..<\(slots.count)")
            if let newValue {
                let slot = slots[key]
                if slot >= 0 {
                    values[Int(slot)] = newValue
                } else {
                    slots[key] = Int32(values.count)
                    values.append(newValue)
                }
            } else {
                slots[key] = -1
            }
        }
    }
}

/// A set of token indexes below a bound fixed at creation (see ``TokenMap``).
struct TokenSet {
    private var members: [Bool]

    init(bound: Int) { members = [Bool](repeating: false, count: max(bound, 0)) }

    func contains(_ key: Int) -> Bool { key >= 0 && key < members.count && members[key] }

    mutating func insert(_ key: Int) {
        precondition(key >= 0 && key < members.count, "token index \(key) outside 0..<\(members.count)")
        members[key] = true
    }
}
