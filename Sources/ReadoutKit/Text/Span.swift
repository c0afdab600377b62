/// A half-open range `[start, end)` of **UTF-8 byte offsets** into a ``Document``'s bytes.
///
/// Every offset inside ReadoutKit is in this unit: it is what ICU's UTF-8 `UText` reports and
/// what slices the text cheaply. Offsets are converted to Unicode code points (the unit of brat
/// and of every file readout writes) only at the output boundary, by ``CodePointIndex``.
public struct Span: Hashable, Comparable, Sendable, Codable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "span start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    /// One combine of both offsets: spans key many dictionaries of the taggers and writers.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(start &* 0x1_0000_0001 ^ end)
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }

    public static func < (a: Span, b: Span) -> Bool {
        a.start != b.start ? a.start < b.start : a.end > b.end
    }
}
