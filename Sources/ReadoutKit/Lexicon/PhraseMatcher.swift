/// A token-level trie over every surface form of a lexicon.
///
/// Forms are split into tokens by the same ICU word rules as the text, and each token is
/// interned once, so matching looks up one hash per token per step. The tables hash bytes
/// (`FormTable`, `EdgeTable`), and the entries are made from the lexicon's records only when
/// a form ends at a node.
/// - Complexity: matching at one token costs O(k) for the longest form of k tokens that
///   starts there, whatever the number of entries.
public struct PhraseMatcher: Sendable {
    /// Token key -> id.
    private var vocabulary = FormTable()
    /// (node << 32 | token id) -> child node.
    private var edges = EdgeTable()
    /// The entry a node spells (>= 0), none (-1), or several: -2 - k for `shared[k]`.
    private var terminals: [Int32] = [-1]
    private var shared: [[Int32]] = []
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
        let wordBreaker = segmenter.wordBreaker()
        // About one edge and one node per form, and a token in a quarter of them that no
        // form before had (a generated million-entry lexicon: 1.8 M forms, 1.8 M edges,
        // 415 k tokens); the tables grow if need be.
        let forms = lexicon.forms.count
        edges.reserveCapacity(forms + forms / 8)
        vocabulary.reserveCapacity(forms / 4, keyBytes: 2 * forms)
        terminals.reserveCapacity(forms + forms / 8 + 1)
        // Forms go in batches, in entry order. The table slots a batch will need are fetched
        // into the cache together (tokens, then the root edges, then the second edges)
        // instead of one miss after another; the owners of a node still come in entry order.
        var batch = FormBatch()
        let (records, allForms) = (lexicon.records, lexicon.forms)
        lexicon.bytes.withUnsafeBufferPointer { p in
            for owner in records.indices {
                for k in records[owner].forms {
                    let form = allForms[k]
                    batch.add(owner: Int32(owner), Int(form.start)..<Int(form.start) + Int(form.count), p)
                    if batch.count == FormBatch.size { insert(&batch, p, wordBreaker) }
                }
            }
            insert(&batch, p, wordBreaker)
        }
    }

    /// Forms waiting to go into the trie, with their tokens.
    private struct FormBatch {
        static let size = 32
        var owners: [Int32] = []
        var forms: [Range<Int>] = []
        /// Each form's tokens in `tokens` (split on bytes), or nil where ICU must split it.
        var tokenRanges: [Range<Int>?] = []
        var tokens: [Range<Int>] = []
        var scratch: [Range<Int>] = []
        /// Each form's token ids in `ids`.
        var idRanges: [Range<Int>] = []
        var ids: [Int32] = []
        var nodes: [Int32] = []
        var count: Int { owners.count }

        mutating func add(owner: Int32, _ form: Range<Int>, _ p: UnsafeBufferPointer<UInt8>) {
            owners.append(owner)
            forms.append(form)
            // Forms of ASCII letters, digits, spaces and hyphens are split on bytes; any
            // other goes through ICU.
            if Segmenter.asciiTokens(p, form, into: &scratch) {
                tokenRanges.append(tokens.count..<tokens.count + scratch.count)
                tokens += scratch
            } else {
                tokenRanges.append(nil)
            }
        }

        mutating func clear() {
            owners.removeAll(keepingCapacity: true)
            forms.removeAll(keepingCapacity: true)
            tokenRanges.removeAll(keepingCapacity: true)
            tokens.removeAll(keepingCapacity: true)
            idRanges.removeAll(keepingCapacity: true)
            ids.removeAll(keepingCapacity: true)
            nodes.removeAll(keepingCapacity: true)
        }
    }

    private mutating func insert(_ batch: inout FormBatch, _ p: UnsafeBufferPointer<UInt8>, _ wordBreaker: Breaker) {
        @inline(__always) func bytes(_ r: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: p[r])) }
        for token in batch.tokens { vocabulary.prefetch(bytes(token), tag: 0) }
        for k in 0..<batch.count {
            let start = batch.ids.count
            if let tokens = batch.tokenRanges[k] {
                for t in tokens { batch.ids.append(intern(bytes(batch.tokens[t]))) }
            } else {
                for token in Segmenter.tokenTexts(of: Array(p[batch.forms[k]]), breaker: wordBreaker) {
                    batch.ids.append(intern(Self.key(token)))
                }
            }
            batch.idRanges.append(start..<batch.ids.count)
            if batch.ids.count > start { edges.prefetch(UInt64(UInt32(batch.ids[start]))) }
        }
        for k in 0..<batch.count {
            let ids = batch.idRanges[k]
            guard !ids.isEmpty else { batch.nodes.append(-1); continue }
            let node = child(of: 0, batch.ids[ids.lowerBound])
            batch.nodes.append(node)
            if ids.count > 1 { edges.prefetch(UInt64(UInt32(node)) << 32 | UInt64(UInt32(batch.ids[ids.lowerBound + 1]))) }
        }
        for k in 0..<batch.count where batch.nodes[k] >= 0 {
            var node = batch.nodes[k]
            for i in batch.idRanges[k].dropFirst() { node = child(of: node, batch.ids[i]) }
            addTerminal(node, batch.owners[k])
        }
        batch.clear()
    }

    @inline(__always)
    private mutating func intern(_ key: UnsafeRawBufferPointer) -> Int32 {
        let id = Int32(vocabulary.count)
        return vocabulary.insertIfAbsent(key, tag: 0, value: id) ?? id
    }

    private mutating func intern(_ key: String) -> Int32 {
        let id = Int32(vocabulary.count)
        return vocabulary.insertIfAbsent(key, tag: 0, value: id) ?? id
    }

    @inline(__always)
    private mutating func child(of node: Int32, _ id: Int32) -> Int32 {
        let edge = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
        if let existing = edges.insertIfAbsent(edge, value: nodeCount) { return existing }
        terminals.append(-1)
        nodeCount += 1
        return nodeCount - 1
    }

    /// Adds an owner to a node; owners come in entry order, so a repeat is the last one.
    private mutating func addTerminal(_ node: Int32, _ owner: Int32) {
        let t = terminals[Int(node)]
        if t == -1 {
            terminals[Int(node)] = owner
        } else if t >= 0 {
            if t != owner {
                terminals[Int(node)] = -2 - Int32(shared.count)
                shared.append([t, owner])
            }
        } else if shared[Int(-2 - t)].last != owner {
            shared[Int(-2 - t)].append(owner)
        }
    }

    /// The entries that terminal `t` (a `terminals` value other than -1) spells and
    /// `accept` takes (by label and entry index), in entry order; nil when there are none.
    @inline(__always)
    private func entries(_ t: Int32, _ accept: (EntityLabel, Int) -> Bool) -> [LexiconEntry]? {
        if t >= 0 {
            return accept(lexicon.label(at: Int(t)), Int(t)) ? [lexicon.entry(at: Int(t))] : nil
        }
        var accepted: [LexiconEntry] = []
        for owner in shared[Int(-2 - t)] where accept(lexicon.label(at: Int(owner)), Int(owner)) {
            accepted.append(lexicon.entry(at: Int(owner)))
        }
        return accepted.isEmpty ? nil : accepted
    }

    /// How many trie nodes the forms take (the root included).
    public var nodes: Int { Int(nodeCount) }

    /// The interned id of a token text, or -1 when no form contains it.
    public func keyID(_ token: String) -> Int32 { vocabulary.find(Self.key(token), tag: 0) ?? -1 }

    /// A match: tokens `[start, end)` and the entries whose form they spell.
    public struct Match: Sendable {
        public var start: Int
        public var end: Int
        public var entries: [LexiconEntry]
    }

    /// Which entries a walk takes: by label and entry index, for forms matched on exact
    /// keys and for forms that needed an alternate key.
    public struct Filter {
        public var exact: (EntityLabel, Int) -> Bool
        public var alternate: (EntityLabel, Int) -> Bool
    }

    /// The longest form starting at token `start` with at least one accepted entry.
    ///
    /// `keys[i]` is the id of token i, `alternates[i]` an optional second id (the title-case
    /// form of an ALL-CAPS name), used only for entries `acceptAlternate` allows.
    public func longestMatch(
        keys: [Int32], alternates: [Int32], from start: Int, upTo limit: Int,
        accept: (LexiconEntry) -> Bool, acceptAlternate: (LexiconEntry) -> Bool = { _ in false }
    ) -> Match? {
        withoutActuallyEscaping(accept) { accept in
            withoutActuallyEscaping(acceptAlternate) { acceptAlternate in
                let filter = Filter(exact: { accept(lexicon.entry(at: $1)) }, alternate: { acceptAlternate(lexicon.entry(at: $1)) })
                return longestMatches(keys: keys, alternates: alternates, from: start, upTo: limit, filter, nil).0
            }
        }
    }

    /// The longest forms starting at token `start` for two filters at once, in one walk of
    /// the trie (the second is optional).
    public func longestMatches(
        keys: [Int32], alternates: [Int32], from start: Int, upTo limit: Int, _ first: Filter, _ second: Filter?
    ) -> (Match?, Match?) {
        var best: (Match?, Match?)
        var length = (0, 0)
        // Two walks: exact keys, and keys where ALL-CAPS tokens may use their alternate.
        for pass in 0..<2 {
            let useAlternates = pass == 1
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
                let t = terminals[Int(node)]
                guard t != -1 else { continue }
                // Only a longer match can replace the best: shorter ones need no entries made.
                if i - start > length.0, let accepted = entries(t, usedAlternate ? first.alternate : first.exact) {
                    best.0 = Match(start: start, end: i, entries: accepted)
                    length.0 = i - start
                }
                if let second, i - start > length.1, let accepted = entries(t, usedAlternate ? second.alternate : second.exact) {
                    best.1 = Match(start: start, end: i, entries: accepted)
                    length.1 = i - start
                }
            }
            if !useAlternates && !alternates[start..<min(limit, start + 8)].contains(where: { $0 >= 0 }) { break }
        }
        return best
    }
}
