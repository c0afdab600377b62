import Foundation

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
            var start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            var number = 0
            while start < bytes.count {
                number += 1
                let (end, next) = bounds(bytes, start, bytes.count)
                defer { start = next }
                if isSkipped(bytes, start, end) { continue }
                let fields = fieldRanges(bytes, start..<end).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
                out.append(TSVLine(number: number, fields: fields))
            }
            return out
        }
    }

    // The line and field splitting that this and the entity files' byte parser
    // (``EntityFileParser``) share.

    /// The end of the line starting at `start` (without a trailing CR) and where the next one starts.
    @inline(__always)
    static func bounds(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (lineEnd: Int, next: Int) {
        var lineEnd = end
        if let nl = memchr(p.baseAddress! + start, 0x0A, end - start) {
            lineEnd = p.baseAddress!.distance(to: nl.assumingMemoryBound(to: UInt8.self))
        }
        let next = lineEnd + 1
        if lineEnd > start, p[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        return (lineEnd, next)
    }

    /// A `#` comment or a line of spaces and tabs only.
    @inline(__always)
    static func isSkipped(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ lineEnd: Int) -> Bool {
        if p[start] == UInt8(ascii: "#") { return true }
        for k in start..<lineEnd where p[k] != 0x20 && p[k] != 0x09 { return false }
        return true
    }

    /// The TAB-separated fields of a line.
    static func fieldRanges(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        var fieldStart = line.lowerBound
        for k in line.lowerBound...line.upperBound where k == line.upperBound || p[k] == 0x09 {
            fields.append(fieldStart..<k)
            fieldStart = k + 1
        }
        return fields
    }
}
