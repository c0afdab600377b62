/// A token-level trie over every surface form of a lexicon.
///
/// Forms are split into tokens by the same ICU word rules as the text, and each token is
/// interned once, so matching looks up one hash per token per step.
/// - Complexity: matching at one token costs O(k) for the longest form of k tokens that
///   starts there, whatever the number of entries.
public struct PhraseMatcher: Sendable {
    private var vocabulary: [String: Int32] = [:]
    private var edges: [UInt64: Int32] = [:]
    private var terminals: [Int32: [Int32]] = [:]
    private var nodeCount: Int32 = 1  // node 0 is the root

    public let lexicon: Lexicon

    /// The key a token is matched by: typographic apostrophes fold to ASCII ones.
    @inline(__always)
    public static func key(_ token: String) -> String {
        // U+2019 is E2 80 99 in UTF-8; most tokens are ASCII and pass untouched.
        var probe = token
        guard probe.withUTF8({ $0.contains(0xE2) }), token.unicodeScalars.contains("\u{2019}") else { return token }
        return String(String.UnicodeScalarView(token.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
    }

    public init(lexicon: Lexicon, segmenter: Segmenter) {
        self.lexicon = lexicon
        var forms: [String] = []
        var owners: [Int32] = []
        for (index, entry) in lexicon.entries.enumerated() {
            for form in entry.surfaceForms {
                forms.append(form)
                owners.append(Int32(index))
            }
        }
        let tokenized = segmenter.tokenTexts(forms)
        edges.reserveCapacity(2 * forms.count)
        terminals.reserveCapacity(forms.count)
        for (tokens, owner) in zip(tokenized, owners) where !tokens.isEmpty {
            var node: Int32 = 0
            for token in tokens {
                let key = Self.key(token)
                let id: Int32
                if let existing = vocabulary[key] {
                    id = existing
                } else {
                    id = Int32(vocabulary.count)
                    vocabulary[key] = id
                }
                let edge = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
                if let child = edges[edge] {
                    node = child
                } else {
                    edges[edge] = nodeCount
                    node = nodeCount
                    nodeCount += 1
                }
            }
            if terminals[node, default: []].contains(owner) == false {
                terminals[node, default: []].append(owner)
            }
        }
    }

    /// How many trie nodes the forms take (the root included).
    public var nodes: Int { Int(nodeCount) }

    /// The interned id of a token text, or -1 when no form contains it.
    public func keyID(_ token: String) -> Int32 { vocabulary[Self.key(token)] ?? -1 }

    /// A match: tokens `[start, end)` and the entries whose form they spell.
    public struct Match: Sendable {
        public var start: Int
        public var end: Int
        public var entries: [LexiconEntry]
    }

    /// The longest form starting at token `start` with at least one accepted entry.
    ///
    /// `keys[i]` is the id of token i, `alternates[i]` an optional second id (the title-case
    /// form of an ALL-CAPS name), used only for entries `acceptAlternate` allows.
    public func longestMatch(
        keys: [Int32], alternates: [Int32], from start: Int, upTo limit: Int,
        accept: (LexiconEntry) -> Bool, acceptAlternate: (LexiconEntry) -> Bool = { _ in false }
    ) -> Match? {
        var best: Match?
        // Two walks: exact keys, and keys where ALL-CAPS tokens may use their alternate.
        for useAlternates in [false, true] {
            var node: Int32 = 0
            var i = start
            var usedAlternate = false
            while i < limit {
                var next: Int32?
                if keys[i] >= 0 { next = edges[UInt64(UInt32(node)) << 32 | UInt64(UInt32(keys[i]))] }
                if next == nil, useAlternates, alternates[i] >= 0 {
                    next = edges[UInt64(UInt32(node)) << 32 | UInt64(UInt32(alternates[i]))]
                    if next != nil { usedAlternate = true }
                }
                guard let child = next else { break }
                node = child
                i += 1
                if let owners = terminals[node] {
                    let accepted = owners.map { lexicon.entries[Int($0)] }
                        .filter { usedAlternate ? acceptAlternate($0) : accept($0) }
                    if !accepted.isEmpty, i - start > (best.map { $0.end - $0.start } ?? 0) {
                        best = Match(start: start, end: i, entries: accepted)
                    }
                }
            }
            if !useAlternates && !alternates[start..<min(limit, start + 8)].contains(where: { $0 >= 0 }) { break }
        }
        return best
    }
}
