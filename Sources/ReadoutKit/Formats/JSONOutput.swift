/// A small, fast writer of pretty-printed JSON (two-space indentation, `"key" : value`, the
/// layout of Foundation's `JSONEncoder` with `.prettyPrinted`). Callers give keys in sorted
/// order, so the output is deterministic. Keys are literals, written without escaping.
struct JSONOutput {
    private(set) var bytes: [UInt8] = []
    /// How many containers are open (at most 63).
    private var depth = 0
    /// Bit d - 1: whether the container at depth d has had a member yet.
    private var hasMember: UInt64 = 0

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    private mutating func newline() {
        bytes.append(0x0A)
        let n = depth * 2
        if n <= Self.spaces.count {
            Self.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
        } else {
            for _ in 0..<n { bytes.append(0x20) }
        }
    }

    private mutating func beginMember() {
        if depth > 0 {
            let bit: UInt64 = 1 << (depth - 1)
            if hasMember & bit != 0 { bytes.append(UInt8(ascii: ",")) }
            hasMember |= bit
        }
        newline()
    }

    /// `"name" : `; the name needs no escaping.
    mutating func key(_ name: StaticString) {
        beginMember()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), 0x20, UInt8(ascii: ":"), 0x20] as [UInt8])
    }

    /// An array element's position.
    mutating func element() { beginMember() }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        precondition(depth < 63, "JSON nested too deeply")
        bytes.append(bracket)
        depth += 1
        hasMember &= ~(1 << (depth - 1))
    }

    private mutating func close(_ bracket: UInt8) {
        let bit: UInt64 = 1 << (depth - 1)
        depth -= 1
        if hasMember & bit != 0 { newline() }
        bytes.append(bracket)
    }

    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape: copied whole.
        var s = s
        let plain = s.withUTF8 { p in
            guard !p.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == 0x5C }) else { return false }
            bytes.append(contentsOf: p)
            return true
        }
        if plain {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, b])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func int(_ n: Int) {
        guard n >= 0 else { bytes.append(contentsOf: String(n).utf8); return }
        // Decimal digits, most significant first.
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = n
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[19 - count] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
                v /= 10
                count += 1
            } while v > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[(20 - count)...]))
        }
    }
    mutating func bool(_ b: Bool) { bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    mutating func null() { bytes.append(contentsOf: "null".utf8) }

    // Conveniences for members.
    mutating func member(_ name: StaticString, _ value: String) { key(name); string(value) }
    mutating func member(_ name: StaticString, _ value: Int) { key(name); int(value) }
    mutating func member(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    mutating func member(_ name: StaticString, _ value: String?) { key(name); if let value { string(value) } else { null() } }
    mutating func member(_ name: StaticString, _ value: Int?) { key(name); if let value { int(value) } else { null() } }

    /// The bytes with a final line break.
    consuming func finished() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }
}
