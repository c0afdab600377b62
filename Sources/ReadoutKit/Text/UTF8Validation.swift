/// Why a file's bytes cannot be read as a readout.
public enum TextDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not valid UTF-8: the byte offset of the first bad sequence.
    case invalidUTF8(byteOffset: Int)
    /// Starts with a UTF-16 byte-order mark or has the NUL pattern of UTF-16 text.
    case utf16(bigEndian: Bool)
    /// Holds a NUL byte: a binary file, not text.
    case binary(byteOffset: Int)

    public var description: String {
        switch self {
        case .invalidUTF8(let offset):
            return "not valid UTF-8: bad byte sequence at byte offset \(offset)"
        case .utf16(let bigEndian):
            return "not UTF-8: looks like UTF-16 (\(bigEndian ? "big" : "little")-endian); convert it with `iconv -f UTF-16 -t UTF-8`"
        case .binary(let offset):
            return "binary file: NUL byte at byte offset \(offset)"
        }
    }
}

/// Strict UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
public enum UTF8Validation {
    public static func validate(_ bytes: [UInt8]) throws(TextDecodingError) {
        if bytes.count >= 2 {
            if bytes[0] == 0xFF && bytes[1] == 0xFE { throw .utf16(bigEndian: false) }
            if bytes[0] == 0xFE && bytes[1] == 0xFF { throw .utf16(bigEndian: true) }
        }
        if let offset = firstInvalidOffset(bytes) {
            throw .invalidUTF8(byteOffset: offset)
        }
        if let nul = bytes.firstIndex(of: 0) {
            if looksLikeUTF16(bytes) { throw .utf16(bigEndian: bytes[0] == 0) }
            throw .binary(byteOffset: nul)
        }
    }

    /// ASCII text stored as UTF-16 without a BOM has a NUL in every other byte.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(512)
        guard sample.count >= 4 else { return false }
        var evenNUL = 0, oddNUL = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { evenNUL += 1 } else { oddNUL += 1 }
        }
        let half = sample.count / 2
        return evenNUL * 10 >= half * 8 || oddNUL * 10 >= half * 8
    }

    /// The byte offset of the first ill-formed sequence, or nil.
    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
    }

    /// The byte offset of the first ill-formed sequence, or nil.
    static func firstInvalidOffset(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = p.count
        var i = 0
        while i < n {
            // Eight ASCII bytes at a time.
            while i + 8 <= n, UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            if i == n { break }
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: return i
            }
            if i + need >= n { return i }  // truncated at the end of the text
            let c1 = p[i + 1]
            if c1 < lower || c1 > upper { return i }
            var k = 2
            while k <= need {
                if p[i + k] & 0xC0 != 0x80 { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }
}
