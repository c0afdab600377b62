/// Converts UTF-8 byte offsets of a document into Unicode code point offsets, the unit of
/// brat files, of Python's `str` and of every offset readout writes.
///
/// Keeps the code point count at every 64th byte, so memory is 1/8 of the text's size in the
/// worst case and each conversion scans at most 63 bytes.
/// - Complexity: O(n) to build; O(1) per conversion.
public struct CodePointIndex: Sendable {
    private static let stride = 64
    private let checkpoints: [Int]
    private let bytes: [UInt8]

    public init(_ document: Document) { self.init(bytes: document.bytes) }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var checkpoints = [Int]()
        checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
        var count = 0
        bytes.withUnsafeBufferPointer { p in
            for i in 0..<p.count {
                if i % Self.stride == 0 { checkpoints.append(count) }
                if p[i] & 0xC0 != 0x80 { count += 1 }
            }
        }
        if bytes.count % Self.stride == 0 { checkpoints.append(count) }
        self.checkpoints = checkpoints
        self.scalarCount = count
    }

    /// The number of code points in the whole text.
    public let scalarCount: Int

    /// The code point offset of a byte offset that lies on a scalar boundary.
    public func codePoint(atByte offset: Int) -> Int {
        precondition(offset >= 0 && offset <= bytes.count, "byte offset \(offset) outside the text")
        let block = offset / Self.stride
        var count = checkpoints[block]
        var i = block * Self.stride
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}
