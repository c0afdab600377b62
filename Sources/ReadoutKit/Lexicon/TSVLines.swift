/// One data line of a tab-separated lexicon file.
struct TSVLine: Sendable {
    /// 1-based line number in the file.
    let number: Int
    let fields: [String]

    /// 1-based column (in characters) where field `k` starts, for error messages.
    func column(_ k: Int) -> Int {
        fields.prefix(k).reduce(1) { $0 + $1.count + 1 }
    }

    /// The data lines of a lexicon file: `#` comments and blank lines (spaces and tabs only)
    /// skipped, a trailing CR and a leading byte-order mark dropped.
    ///
    /// Works on the UTF-8 bytes: a line feed, a carriage return and a tab are single bytes
    /// that never occur inside a multi-byte character, so a million-line lexicon is split
    /// without walking it character by character.
    static func lines(of text: String) -> [TSVLine] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [TSVLine] = []
            var start = 0
            var number = 0
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            while start <= bytes.count {
                number += 1
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                let next = end + 1
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                if start == bytes.count { break }
                defer { start = next }
                if bytes[start] == UInt8(ascii: "#") { continue }
                var blank = true
                for k in start..<end where bytes[k] != 0x20 && bytes[k] != 0x09 { blank = false; break }
                if blank { continue }
                var fields: [String] = []
                fields.reserveCapacity(8)
                var fieldStart = start
                for k in start...end where k == end || bytes[k] == 0x09 {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<k]), as: UTF8.self))
                    fieldStart = k + 1
                }
                out.append(TSVLine(number: number, fields: fields))
            }
            return out
        }
    }
}
