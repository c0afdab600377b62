/// The bytes of `String(n)`, most significant first, without making the `String` (the
/// writers put thousands of offsets and counts into every file).
@inline(__always)
func forEachDecimalByte(of n: Int, _ body: (UInt8) -> Void) {
    guard n >= 0 else {
        for b in String(n).utf8 { body(b) }
        return
    }
    var divisor = 1
    while divisor <= n / 10 { divisor *= 10 }
    var rest = n
    while divisor > 0 {
        body(UInt8(truncatingIfNeeded: 0x30 + rest / divisor))
        rest %= divisor
        divisor /= 10
    }
}
