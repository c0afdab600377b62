import Foundation

/// Reads the lines of an entity lexicon file on its UTF-8 bytes: each line checked on its own
/// and turned into an `EntryRecord` (byte ranges, no `String`), with the same errors, in the
/// same order, as reading it field by field as `String`s. Where a special byte is next to a
/// non-ASCII one (a combining mark may join it) or a field must be trimmed of non-ASCII
/// white space, the `String` code is used for that field.
enum EntityFileParser {
    /// The records, forms (`EntryRecord.formStart` counts from this chunk's first form) and
    /// the problems of a run of lines, in file order.
    struct Chunk: Sendable {
        var records: [EntryRecord] = []
        var forms: [ByteRange] = []
        var errors: [LexiconError] = []
    }

    /// An unsafe pointer handed to the thread that reads the second half of a file; the
    /// buffer outlives it and nobody writes to it meanwhile.
    private struct SharedBytes: @unchecked Sendable {
        let p: UnsafeBufferPointer<UInt8>
    }

    /// Files at least this large are read in two halves side by side.
    static let parallelBytes = 1 << 20

    /// The lines of the file `p[from..<to]`: the header is checked (a missing or wrong header
    /// is the only problem reported then), the other lines read in one or two chunks.
    static func parse(_ p: UnsafeBufferPointer<UInt8>, from: Int, to end: Int, file: String, fileIndex: Int32) throws(LexiconError) -> [Chunk] {
        var start = from
        if end - start >= 3, p[start] == 0xEF, p[start + 1] == 0xBB, p[start + 2] == 0xBF { start += 3 }
        var number = 0
        var header: Range<Int>?
        while start < end {
            number += 1
            let (lineEnd, next) = TSVLine.bounds(p, start, end)
            let skipped = TSVLine.isSkipped(p, start, lineEnd)
            if !skipped { header = start..<lineEnd }
            start = next
            if !skipped { break }
        }
        guard let header else { throw LexiconError(file: file, line: 1, column: 1, reason: "missing header line") }
        guard isHeader(p, header) else {
            throw LexiconError(file: file, line: number, column: 1,
                               reason: "expected the header line '\(Lexicon.header.joined(separator: "<TAB>"))'")
        }
        let firstLine = number + 1
        guard end - start >= parallelBytes else {
            return [lines(p, from: start, to: end, firstLine: firstLine, file: file, fileIndex: fileIndex)]
        }
        // Split after the line feed that ends the line holding the middle byte.
        let middle = start + (end - start) / 2
        let split = memchr(p.baseAddress! + middle, 0x0A, end - middle)
            .map { p.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) + 1 } ?? end
        var newlines = 0
        for i in start..<split where p[i] == 0x0A { newlines += 1 }
        let shared = SharedBytes(p: p)
        let secondLine = firstLine + newlines
        let second = ParallelResult { lines(shared.p, from: split, to: end, firstLine: secondLine, file: file, fileIndex: fileIndex) }
        let first = lines(p, from: start, to: split, firstLine: firstLine, file: file, fileIndex: fileIndex)
        return [first, second.value]
    }

    private static let headerBytes = Lexicon.header.map { Array($0.utf8) }

    private static func isHeader(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let fields = TSVLine.fieldRanges(p, line)
        guard fields.count == headerBytes.count else { return false }
        return zip(fields, headerBytes).allSatisfy { p[$0].elementsEqual($1) }
    }

    /// The 1-based column (in characters) where field `k` of the line starting at `lineStart`
    /// begins, for error messages.
    static func column(_ k: Int, p: UnsafeBufferPointer<UInt8>, lineStart: Int) -> Int {
        let (lineEnd, _) = TSVLine.bounds(p, lineStart, p.count)
        return TSVLine.fieldRanges(p, lineStart..<lineEnd).prefix(k).reduce(1) { column, field in
            column + String(decoding: UnsafeBufferPointer(rebasing: p[field]), as: UTF8.self).count + 1
        }
    }

    /// Reads the lines of `p[from..<to]`, the first of which is line `firstLine` of the file.
    static func lines(_ p: UnsafeBufferPointer<UInt8>, from: Int, to end: Int, firstLine: Int, file: String, fileIndex: Int32) -> Chunk {
        var chunk = Chunk()
        chunk.records.reserveCapacity((end - from) / 48 + 1)
        chunk.forms.reserveCapacity((end - from) / 24 + 1)
        var fields = [Range<Int>](repeating: 0..<0, count: 8)
        var start = from
        var number = firstLine - 1
        while start < end {
            number += 1
            let (lineEnd, next) = TSVLine.bounds(p, start, end)
            defer { start = next }
            if TSVLine.isSkipped(p, start, lineEnd) { continue }
            // The fields (the first 8) and how many there are.
            var count = 0
            var fieldStart = start
            var k = start
            while k <= lineEnd {
                if k == lineEnd || p[k] == 0x09 {
                    if count < 8 { fields[count] = fieldStart..<k }
                    count += 1
                    fieldStart = k + 1
                }
                k += 1
            }
            line(p, fields: fields, count: count, lineStart: start, number: number, file: file, fileIndex: fileIndex, into: &chunk)
        }
        return chunk
    }

    private static let labels: [(bytes: [UInt8], label: EntityLabel)] =
        EntityLabel.lexiconLabels.map { (Array($0.rawValue.utf8), $0) }

    /// One entry line: its record (when the line can make one) and the problems in its fields.
    @inline(__always)
    private static func line(_ p: UnsafeBufferPointer<UInt8>, fields: [Range<Int>], count: Int, lineStart: Int, number: Int,
                             file: String, fileIndex: Int32, into chunk: inout Chunk) {
        func fail(_ k: Int, _ reason: String) {
            chunk.errors.append(LexiconError(file: file, line: number, column: column(k, p: p, lineStart: lineStart), reason: reason))
        }
        func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self) }
        guard count == 8 else {
            return fail(0, "expected \(Lexicon.header.count) TAB-separated columns, found \(count)")
        }
        let id = trimmed(p, fields[0])
        guard !id.isEmpty else { return fail(0, "empty id") }
        guard let label = labels.first(where: { p[fields[1]].elementsEqual($0.bytes) })?.label else {
            return fail(1, "unknown label '\(text(fields[1]))' (expected \(EntityLabel.lexiconLabels.map(\.rawValue).joined(separator: ", ")))")
        }
        let name = trimmed(p, fields[2])
        guard !name.isEmpty else { return fail(2, "empty name") }
        let formStart = chunk.forms.count
        chunk.forms.append(ByteRange(name))
        if !fields[3].isEmpty {
            split(p, fields[3]) { part in
                let alias = trimmed(p, part)
                if alias.isEmpty { fail(3, "empty alias"); return }
                let raw = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: p[alias]))
                for k in formStart..<chunk.forms.count {
                    let form = chunk.forms[k]
                    if sameText(raw, UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: p[Int(form.start)..<Int(form.start) + Int(form.count)]))) { return }
                }
                chunk.forms.append(ByteRange(alias))
            }
        }
        let country = fields[4]
        if !country.isEmpty, !(country.count == 3 && p[country].allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
            fail(4, "country '\(text(country))' is not an ISO 3166-1 alpha-3 code")
        }
        for k in [6, 7] where !fields[k].isEmpty && !isDate(p, fields[k]) {
            fail(k, "'\(text(fields[k]))' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        chunk.records.append(EntryRecord(
            id: ByteRange(id), country: ByteRange(country), roles: ByteRange(fields[5]),
            from: ByteRange(fields[6]), to: ByteRange(fields[7]),
            formStart: UInt32(formStart), formCount: UInt32(chunk.forms.count - formStart),
            lineStart: UInt32(lineStart), line: Int32(number), file: fileIndex, label: label))
    }

    /// `ByteText.trimmingWhitespaces` as a byte range: untouched when neither the first nor
    /// the last scalar is white space (Foundation trims scalars of `.whitespaces`: Zs and
    /// TAB), else what Foundation's trimming leaves of the field.
    @inline(__always)
    static func trimmed(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        guard !r.isEmpty else { return r }
        let first = p[r.lowerBound], last = p[r.upperBound - 1]
        if first < 0x80, last < 0x80, first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return r }
        if !isWhiteSpace(firstScalar(p, r)), !isWhiteSpace(lastScalar(p, r)) { return r }
        let trimmed = Array(String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self).trimmingCharacters(in: .whitespaces).utf8)
        if trimmed.isEmpty { return r.lowerBound..<r.lowerBound }
        // Trimming removes characters at the ends: what is left is a run of the field's bytes.
        var a = r.lowerBound
        while a + trimmed.count <= r.upperBound {
            if p[a..<a + trimmed.count].elementsEqual(trimmed) { return a..<a + trimmed.count }
            a += 1
        }
        preconditionFailure("trimming white space changed the text of a lexicon field")
    }

    /// The first scalar of valid UTF-8 bytes.
    static func firstScalar(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Unicode.Scalar {
        var iterator = UnsafeBufferPointer(rebasing: p[r]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    /// The last scalar of valid UTF-8 bytes.
    static func lastScalar(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Unicode.Scalar {
        var start = r.upperBound - 1
        while start > r.lowerBound, p[start] & 0xC0 == 0x80 { start -= 1 }
        return firstScalar(p, start..<r.upperBound)
    }

    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" : CharacterSet.whitespaces.contains(scalar)
    }

    /// `ByteText.split(field, "|", omittingEmptySubsequences: false)` as byte ranges: on
    /// bytes unless a `|` is followed by a non-ASCII byte (it may carry a combining mark, and
    /// then it is no separator Character).
    static func split(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ body: (Range<Int>) -> Void) {
        var bytewise = true
        for i in r where p[i] == UInt8(ascii: "|") && i + 1 < r.upperBound && p[i + 1] >= 0x80 { bytewise = false; break }
        if bytewise {
            var start = r.lowerBound
            for i in r.lowerBound...r.upperBound where i == r.upperBound || p[i] == UInt8(ascii: "|") {
                body(start..<i)
                start = i + 1
            }
            return
        }
        let s = String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self)
        for part in s.split(separator: "|", omittingEmptySubsequences: false) {
            let offset = s.utf8.distance(from: s.utf8.startIndex, to: part.startIndex)
            body(r.lowerBound + offset..<r.lowerBound + offset + part.utf8.count)
        }
    }

    /// `String` equality of two byte strings: bytes when both are ASCII, else canonical
    /// equivalence as `String` compares.
    @inline(__always)
    static func sameText(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        if a.count == b.count, a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 { return true }
        if !a.contains(where: { $0 >= 0x80 }), !b.contains(where: { $0 >= 0x80 }) { return false }
        return String(decoding: a.bindMemory(to: UInt8.self), as: UTF8.self) == String(decoding: b.bindMemory(to: UInt8.self), as: UTF8.self)
    }

    /// `Lexicon.isDate` on bytes (the `String` code for a non-ASCII field).
    static func isDate(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        if p[r].contains(where: { $0 >= 0x80 }) {
            return Lexicon.isDate(String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self))
        }
        var parts = 0
        var start = r.lowerBound
        for i in r.lowerBound...r.upperBound where i == r.upperBound || p[i] == UInt8(ascii: "-") {
            let length = i - start
            guard length == (parts == 0 ? 4 : 2) else { return false }
            for k in start..<i where p[k] < UInt8(ascii: "0") || p[k] > UInt8(ascii: "9") { return false }
            parts += 1
            start = i + 1
        }
        return parts <= 3
    }
}
