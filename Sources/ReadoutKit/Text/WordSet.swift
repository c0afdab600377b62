/// A fixed set of words that the rules test tokens against ("Summit", "reiterated", "’s").
///
/// It answers exactly as `Set<String>` would (String equality is canonical equivalence:
/// "e\u{301}" is "é", KELVIN SIGN is "K"), but faster for the questions the rules ask of
/// every token, several times: see ``ShortWordTable``.
struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    /// The words, for iteration and for building other sets.
    let words: Set<String>
    private let table: ShortWordTable

    init(_ words: some Sequence<String>) {
        self.words = Set(words)
        self.table = ShortWordTable(Array(self.words))
    }

    init(arrayLiteral words: String...) { self.init(words) }

    @inline(__always)
    func contains(_ word: String) -> Bool {
        let found = table.find(word)
        return found == ShortWordTable.unanswered ? words.contains(word) : found >= 0
    }

    /// Whether the set holds a word, when that is known from the ASCII table alone (nil for a
    /// word that is not ASCII or longer than 16 bytes).
    @inline(__always)
    func containsASCII(_ word: String) -> Bool? {
        let found = table.find(word)
        return found == ShortWordTable.unanswered ? nil : found >= 0
    }

    var count: Int { words.count }

    func makeIterator() -> Set<String>.Iterator { words.makeIterator() }

    func union(_ other: WordSet) -> WordSet { WordSet(words.union(other.words)) }
}

/// Open addressing over ASCII words of at most 16 bytes, each kept inline as two 64-bit
/// words, so that a look-up is one multiply and one or two 16-byte comparisons.
///
/// `find` answers for ASCII queries of at most 16 bytes only (nil otherwise: the caller
/// asks its `Set<String>` or `Dictionary`). That is exact: an ASCII string is canonically
/// equivalent to a word only if the word's NFC form is that same ASCII string, and the
/// table holds every word whose NFC form is short ASCII (a word with KELVIN SIGN under "K").
struct ShortWordTable: Sendable {
    private struct Slot: Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        /// Length + 1, 0 when empty.
        var size: UInt32 = 0
        var value: Int32 = 0
    }

    private var slots: [Slot]
    private let shift: UInt64

    /// `words[i]` gets the value i (the first of canonically equal words keeps it).
    init(_ words: [String]) {
        var capacity = 16
        while capacity < 2 * words.count { capacity *= 2 }
        slots = [Slot](repeating: Slot(), count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for (i, word) in words.enumerated() {
            guard let key = Self.asciiKey(word) else { continue }
            var k = Self.home(key.low, key.high, shift)
            while slots[k].size != 0 {
                if slots[k].low == key.low && slots[k].high == key.high && slots[k].size == key.size { break }
                k = (k + 1) & (capacity - 1)
            }
            if slots[k].size == 0 { slots[k] = Slot(low: key.low, high: key.high, size: key.size, value: Int32(i)) }
        }
    }

    /// The ASCII string a word is canonically equivalent to (``asciiEquivalent(_:)``),
    /// packed, if it is at most 16 bytes.
    private static func asciiKey(_ word: String) -> (low: UInt64, high: UInt64, size: UInt32)? {
        guard let bytes = asciiEquivalent(word), bytes.count <= 16 else { return nil }
        var low: UInt64 = 0, high: UInt64 = 0
        for (i, b) in bytes.enumerated() {
            if i < 8 { low |= UInt64(b) << (8 * UInt64(i)) } else { high |= UInt64(b) << (8 * UInt64(i - 8)) }
        }
        return (low, high, UInt32(bytes.count + 1))
    }

    @inline(__always)
    private static func home(_ low: UInt64, _ high: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: ((low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD) >> shift)
    }

    /// What `find` returns for a query the table cannot answer.
    static let unanswered: Int32 = -2

    /// The value of an ASCII query of at most 16 bytes, -1 when it is not in the table;
    /// `unanswered` for any other query.
    @inline(__always)
    func find(_ word: String) -> Int32 {
        var word = word
        return word.withUTF8 { p -> Int32 in
            let n = p.count
            guard n <= 16 else { return Self.unanswered }
            var low: UInt64 = 0, high: UInt64 = 0, any: UInt64 = 0
            var i = 0
            while i < n {
                let b = UInt64(p[i])
                if i < 8 { low |= b << (8 * UInt64(i)) } else { high |= b << (8 * UInt64(i - 8)) }
                any |= b
                i += 1
            }
            guard any < 0x80 else { return Self.unanswered }
            let size = UInt32(n + 1)
            return slots.withUnsafeBufferPointer { s -> Int32 in
                let mask = s.count - 1
                var k = Self.home(low, high, shift)
                while true {
                    let slot = s[k]
                    if slot.size == 0 { return -1 }
                    if slot.low == low && slot.high == high && slot.size == size { return slot.value }
                    k = (k + 1) & mask
                }
            }
        }
    }
}

/// A fixed map from words to values with `Dictionary<String, Value>`'s answers and the
/// look-up of ``WordSet``.
struct WordMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    let dictionary: [String: Value]
    private let table: ShortWordTable
    private let values: [Value]

    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        let keys = Array(dictionary.keys)
        self.table = ShortWordTable(keys)
        self.values = keys.map { dictionary[$0]! }
    }

    init(dictionaryLiteral elements: (String, Value)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
    }

    @inline(__always)
    subscript(word: String) -> Value? {
        let found = table.find(word)
        if found == ShortWordTable.unanswered { return dictionary[word] }
        return found >= 0 ? values[Int(found)] : nil
    }

    var keys: Dictionary<String, Value>.Keys { dictionary.keys }
}
