import CICU
import Foundation

/// Hash tables for lexicon loading and matching: keys are UTF-8 bytes (no `String` per key),
/// hashed with a cheap multiply-and-rotate hash instead of Swift's seeded SipHash.
///
/// `FormTable` keeps Swift's `String` equality (canonical equivalence: "e\u{301}" equals
/// "é", and KELVIN SIGN equals "K"), so that it answers exactly as the `[String: Int]`
/// dictionaries it replaces: keys made of ASCII (or canonically equivalent to an ASCII string)
/// go to the byte table, every other key to a `String`-keyed dictionary.

/// A 64-bit hash of bytes and a tag.
@inline(__always)
func byteHash(_ p: UnsafeRawBufferPointer, tag: UInt8) -> UInt64 {
    let k: UInt64 = 0x517C_C1B7_2722_0A95
    var h = (UInt64(p.count) &+ UInt64(tag) << 40) &* k
    var i = 0
    let n = p.count
    while i + 8 <= n {
        h = ((h << 5) | (h >> 59)) ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        h = h &* k
        i += 8
    }
    if i < n {
        var w: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            w |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        h = (((h << 5) | (h >> 59)) ^ w) &* k
    }
    // Murmur3's finalizer: every input bit reaches the high bits the table uses.
    h ^= h >> 33
    h = h &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    h = h &* 0xC4CE_B9FE_1A85_EC53
    h ^= h >> 33
    return h
}

/// `count` copies of `value`, in memory for which the kernel is asked to use huge pages when
/// it is large: the tables of a million-entry lexicon are read at random, and with 4 KB
/// pages nearly every probe also missed the TLB.
func hugePageArray<T>(repeating value: T, count: Int) -> [T] {
    let bytes = count * MemoryLayout<T>.stride
    guard bytes >= 8 << 20 else { return Array(repeating: value, count: count) }
    return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
        #if os(Linux)
        let huge = 2 << 20
        let base = Int(bitPattern: buffer.baseAddress!)
        let start = (base + huge - 1) & ~(huge - 1)
        let end = (base + bytes) & ~(huge - 1)
        if end > start {
            _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, Int32(MADV_HUGEPAGE))
        }
        #endif
        buffer.initialize(repeating: value)
        initialized = count
    }
}

/// The bytes of the ASCII string that a text is canonically equivalent to, or nil when it is
/// equivalent to none. Besides ASCII itself, only three scalars decompose to ASCII (the only
/// ones in Unicode): GREEK QUESTION MARK (;), GREEK VARIA (`), KELVIN SIGN (K); a combining
/// mark is not ASCII, so a text with one is equivalent to no ASCII string.
func asciiEquivalent(_ text: String) -> [UInt8]? {
    var bytes: [UInt8] = []
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0..<0x80: bytes.append(UInt8(scalar.value))
        case 0x37E: bytes.append(UInt8(ascii: ";"))
        case 0x1FEF: bytes.append(UInt8(ascii: "`"))
        case 0x212A: bytes.append(UInt8(ascii: "K"))
        default: return nil
        }
    }
    return bytes
}

/// Open addressing (linear probing) from byte strings with a tag to Int32 values; the table
/// keeps its own copy of each key's bytes. Byte equality only: see `FormTable`.
struct ByteKeyTable: Sendable {
    /// One slot: a probe reads the hash, length and tag here and the key's bytes only when
    /// they agree.
    private struct Slot: Sendable {
        /// The high 32 bits of the key's hash (they also place it: `home`).
        var hash: UInt32 = 0
        /// 0: empty; else the key's length << 8 | its tag, with the top bit set.
        var meta: UInt32 = 0
        var start: UInt32 = 0
        var value: Int32 = 0
    }

    /// Any number of slots (not only powers of two: a table of a large lexicon is sized
    /// to its keys); a hash is placed by `home`.
    private var slots = [Slot](repeating: Slot(), count: 16)
    private var keyBytes: [UInt8] = []
    private(set) var count = 0

    mutating func reserveCapacity(_ n: Int, keyBytes bytes: Int = 0) {
        keyBytes.reserveCapacity(keyBytes.count + bytes)
        let capacity = (10 * n + 6) / 7
        if capacity > slots.count { rehash(capacity) }
    }

    /// The slot where a hash's probe starts: the hash scaled to the table (Lemire's
    /// multiply-shift).
    @inline(__always)
    static func home(_ hash: UInt32, _ capacity: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(hash) &* UInt64(capacity)) >> 32)
    }

    private mutating func rehash(_ capacity: Int) {
        var fresh = hugePageArray(repeating: Slot(), count: capacity)
        fresh.withUnsafeMutableBufferPointer { f in
            for slot in slots where slot.meta != 0 {
                var i = Self.home(slot.hash, capacity)
                while f[i].meta != 0 { i = i + 1 == capacity ? 0 : i + 1 }
                f[i] = slot
            }
        }
        slots = fresh
    }

    @inline(__always)
    private static func meta(_ count: Int, _ tag: UInt8) -> UInt32 {
        0x8000_0000 | UInt32(count) << 8 | UInt32(tag)
    }

    /// The slot holding the key, or the empty slot where it would go (negative: -1 - slot).
    @inline(__always)
    private func probe(_ key: UnsafeRawBufferPointer, tag: UInt8, hash: UInt32) -> Int {
        let meta = Self.meta(key.count, tag)
        return slots.withUnsafeBufferPointer { s in
            keyBytes.withUnsafeBytes { kb in
                let capacity = s.count
                var i = Self.home(hash, capacity)
                while true {
                    let slot = s[i]
                    if slot.meta == 0 { return -1 - i }
                    if slot.hash == hash, slot.meta == meta,
                       key.count == 0 || memcmp(kb.baseAddress! + Int(slot.start), key.baseAddress!, key.count) == 0 {
                        return i
                    }
                    i = i + 1 == capacity ? 0 : i + 1
                }
            }
        }
    }

    @inline(__always)
    private static func hash(_ key: UnsafeRawBufferPointer, _ tag: UInt8) -> UInt32 {
        UInt32(truncatingIfNeeded: byteHash(key, tag: tag) >> 32)
    }

    /// Brings the slot where the key's probe starts into the cache.
    @inline(__always)
    func prefetch(_ key: UnsafeRawBufferPointer, tag: UInt8) {
        slots.withUnsafeBufferPointer { s in
            cicu_prefetch(s.baseAddress! + Self.home(Self.hash(key, tag), s.count))
        }
    }

    func find(_ key: UnsafeRawBufferPointer, tag: UInt8) -> Int32? {
        let i = probe(key, tag: tag, hash: Self.hash(key, tag))
        return i >= 0 ? slots[i].value : nil
    }

    /// The value already stored for the key, or nil after storing `value` for it.
    mutating func insertIfAbsent(_ key: UnsafeRawBufferPointer, tag: UInt8, value: Int32) -> Int32? {
        precondition(key.count < 1 << 23, "a lexicon key over 8 MB")
        let hash = Self.hash(key, tag)
        var i = probe(key, tag: tag, hash: hash)
        if i >= 0 { return slots[i].value }
        if 10 * (count + 1) > 7 * slots.count {
            rehash(2 * slots.count)
            i = probe(key, tag: tag, hash: hash)
        }
        precondition(keyBytes.count + key.count <= Int(UInt32.max), "lexicon keys over 4 GB")
        slots[-1 - i] = Slot(hash: hash, meta: Self.meta(key.count, tag), start: UInt32(keyBytes.count), value: value)
        keyBytes.append(contentsOf: key.bindMemory(to: UInt8.self))
        count += 1
        return nil
    }

    /// Stores `value` for the key, replacing any value it had.
    mutating func set(_ key: UnsafeRawBufferPointer, tag: UInt8, value: Int32) {
        let i = probe(key, tag: tag, hash: Self.hash(key, tag))
        if i >= 0 {
            slots[i].value = value
        } else {
            _ = insertIfAbsent(key, tag: tag, value: value)
        }
    }
}

/// A map from (tag, text) to Int32 with `String`'s equality, over UTF-8 bytes.
struct FormTable: Sendable {
    private struct SlowKey: Hashable, Sendable {
        var tag: UInt8
        var text: String
    }

    private var fast = ByteKeyTable()
    private var slow: [SlowKey: Int32] = [:]

    var count: Int { fast.count + slow.count }

    mutating func reserveCapacity(_ n: Int, keyBytes: Int = 0) {
        fast.reserveCapacity(n, keyBytes: keyBytes)
        // Untouched until used: a lexicon of non-ASCII names does not rehash String keys.
        slow.reserveCapacity(slow.count + n)
    }

    /// How a key is stored: its bytes (ASCII), the bytes of the ASCII string it is canonically
    /// equivalent to, or a `String`.
    private enum Home {
        case bytes
        case mapped([UInt8])
        case string(String)
    }

    @inline(__always)
    private static func home(_ key: UnsafeRawBufferPointer) -> Home {
        var ascii = true
        for b in key where b >= 0x80 { ascii = false; break }
        if ascii { return .bytes }
        let text = String(decoding: key.bindMemory(to: UInt8.self), as: UTF8.self)
        return asciiEquivalent(text).map { .mapped($0) } ?? .string(text)
    }

    /// Brings the slot of an ASCII key into the cache (a hint: other keys are left alone).
    @inline(__always)
    func prefetch(_ key: UnsafeRawBufferPointer, tag: UInt8) {
        for b in key where b >= 0x80 { return }
        fast.prefetch(key, tag: tag)
    }

    func find(_ key: UnsafeRawBufferPointer, tag: UInt8) -> Int32? {
        switch Self.home(key) {
        case .bytes: return fast.find(key, tag: tag)
        case .mapped(let bytes): return bytes.withUnsafeBytes { fast.find($0, tag: tag) }
        case .string(let text): return slow[SlowKey(tag: tag, text: text)]
        }
    }

    func find(_ key: String, tag: UInt8) -> Int32? {
        var key = key
        return key.withUTF8 { find(UnsafeRawBufferPointer($0), tag: tag) }
    }

    /// The value already stored for the key, or nil after storing `value` for it.
    mutating func insertIfAbsent(_ key: UnsafeRawBufferPointer, tag: UInt8, value: Int32) -> Int32? {
        switch Self.home(key) {
        case .bytes: return fast.insertIfAbsent(key, tag: tag, value: value)
        case .mapped(let bytes): return bytes.withUnsafeBytes { fast.insertIfAbsent($0, tag: tag, value: value) }
        case .string(let text):
            let k = SlowKey(tag: tag, text: text)
            if let old = slow[k] { return old }
            slow[k] = value
            return nil
        }
    }

    mutating func insertIfAbsent(_ key: String, tag: UInt8, value: Int32) -> Int32? {
        var key = key
        return key.withUTF8 { insertIfAbsent(UnsafeRawBufferPointer($0), tag: tag, value: value) }
    }

    /// Stores `value` for the key, replacing any value it had.
    mutating func set(_ key: UnsafeRawBufferPointer, tag: UInt8, value: Int32) {
        switch Self.home(key) {
        case .bytes: fast.set(key, tag: tag, value: value)
        case .mapped(let bytes): bytes.withUnsafeBytes { fast.set($0, tag: tag, value: value) }
        case .string(let text): slow[SlowKey(tag: tag, text: text)] = value
        }
    }
}

/// Open addressing from UInt64 keys (never `UInt64.max`) to Int32 values: the trie's edges.
struct EdgeTable: Sendable {
    private struct Slot: Sendable {
        var key: UInt64 = .max
        var value: Int32 = 0
    }

    /// Any number of slots, as in `ByteKeyTable`.
    private var slots = [Slot](repeating: Slot(), count: 16)
    private(set) var count = 0

    mutating func reserveCapacity(_ n: Int) {
        let capacity = (10 * n + 6) / 7
        if capacity > slots.count { rehash(capacity) }
    }

    /// Fibonacci hashing, scaled to the table.
    @inline(__always)
    static func home(_ key: UInt64, _ capacity: Int) -> Int {
        Int(truncatingIfNeeded: (((key &* 0x9E37_79B9_7F4A_7C15) >> 32) &* UInt64(capacity)) >> 32)
    }

    private mutating func rehash(_ capacity: Int) {
        var fresh = hugePageArray(repeating: Slot(), count: capacity)
        fresh.withUnsafeMutableBufferPointer { f in
            for slot in slots where slot.key != .max {
                var i = Self.home(slot.key, capacity)
                while f[i].key != .max { i = i + 1 == capacity ? 0 : i + 1 }
                f[i] = slot
            }
        }
        slots = fresh
    }

    /// Brings the slot where the key's probe starts into the cache.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        slots.withUnsafeBufferPointer { s in cicu_prefetch(s.baseAddress! + Self.home(key, s.count)) }
    }

    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { s in
            let capacity = s.count
            var i = Self.home(key, capacity)
            while true {
                let slot = s[i]
                if slot.key == key { return slot.value }
                if slot.key == .max { return nil }
                i = i + 1 == capacity ? 0 : i + 1
            }
        }
    }

    /// The value already stored for the key, or nil after storing `value` for it.
    mutating func insertIfAbsent(_ key: UInt64, value: Int32) -> Int32? {
        if 10 * (count + 1) > 7 * slots.count { rehash(2 * slots.count) }
        let found: Int32? = slots.withUnsafeMutableBufferPointer { s in
            let capacity = s.count
            var i = Self.home(key, capacity)
            while true {
                if s[i].key == key { return s[i].value }
                if s[i].key == .max { break }
                i = i + 1 == capacity ? 0 : i + 1
            }
            s[i] = Slot(key: key, value: value)
            return nil
        }
        if found == nil { count += 1 }
        return found
    }
}
