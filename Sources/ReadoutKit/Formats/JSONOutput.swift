/// A small, fast writer of pretty-printed JSON (two-space indentation, `"key" : value`, the
/// layout of Foundation's `JSONEncoder` with `.prettyPrinted`). Callers give keys in sorted
/// order, so the output is deterministic. Keys are literals, written without escaping.
///
/// The bytes go into a buffer of its own (not an `Array`, whose every append checks that
/// it is the only owner); the writer cannot be copied, and frees the buffer when it ends.
struct JSONOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// How many containers are open (at most 63).
    private var depth = 0
    /// Bit d - 1: whether the container at depth d has had a member yet.
    private var hasMember: UInt64 = 0

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Room for n more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = size
    }

    @inline(__always)
    private mutating func put(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    private mutating func put(_ p: UnsafeBufferPointer<UInt8>) {
        guard let source = p.baseAddress, !p.isEmpty else { return }
        reserve(p.count)
        (base + count).update(from: source, count: p.count)
        count += p.count
    }

    private mutating func put(_ text: StaticString) { text.withUTF8Buffer { put($0) } }

    private mutating func newline() {
        let n = depth * 2
        reserve(1 + n)
        base[count] = 0x0A
        (base + count + 1).update(repeating: 0x20, count: n)
        count += 1 + n
    }

    private mutating func beginMember() {
        if depth > 0 {
            let bit: UInt64 = 1 << (depth - 1)
            if hasMember & bit != 0 { put(UInt8(ascii: ",")) }
            hasMember |= bit
        }
        newline()
    }

    /// `"name" : `; the name needs no escaping.
    mutating func key(_ name: StaticString) {
        beginMember()
        put(UInt8(ascii: "\""))
        put(name)
        put("\" : ")
    }

    /// An array element's position.
    mutating func element() { beginMember() }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        precondition(depth < 63, "JSON nested too deeply")
        put(bracket)
        depth += 1
        hasMember &= ~(1 << (depth - 1))
    }

    private mutating func close(_ bracket: UInt8) {
        let bit: UInt64 = 1 << (depth - 1)
        depth -= 1
        if hasMember & bit != 0 { newline() }
        put(bracket)
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { p in
            put(UInt8(ascii: "\""))
            // Runs of bytes that need no escape are copied whole.
            var start = 0
            for i in 0..<p.count {
                let b = p[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == 0x5C else { continue }
                put(UnsafeBufferPointer(rebasing: p[start..<i]))
                start = i + 1
                switch b {
                case UInt8(ascii: "\""): put("\\\"")
                case 0x5C: put("\\\\")
                case 0x0A: put("\\n")
                case 0x0D: put("\\r")
                case 0x09: put("\\t")
                case 0x08: put("\\b")
                case 0x0C: put("\\f")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    put("\\u00")
                    hex.withUTF8Buffer { h in
                        put(h[Int(b >> 4)])
                        put(h[Int(b & 15)])
                    }
                }
            }
            put(UnsafeBufferPointer(rebasing: p[start...]))
            put(UInt8(ascii: "\""))
        }
    }

    mutating func int(_ n: Int) { forEachDecimalByte(of: n) { put($0) } }

    mutating func bool(_ b: Bool) { put(b ? "true" : "false") }
    mutating func null() { put("null") }

    // Conveniences for members.
    mutating func member(_ name: StaticString, _ value: String) { key(name); string(value) }
    mutating func member(_ name: StaticString, _ value: Int) { key(name); int(value) }
    mutating func member(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    mutating func member(_ name: StaticString, _ value: String?) { key(name); if let value { string(value) } else { null() } }
    mutating func member(_ name: StaticString, _ value: Int?) { key(name); if let value { int(value) } else { null() } }

    /// The bytes written, with a final line break.
    consuming func finished() -> [UInt8] {
        put(0x0A)
        return Array(UnsafeBufferPointer(start: base, count: count))
    }
}
