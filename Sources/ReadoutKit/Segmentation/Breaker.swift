import CICU
import Foundation

/// Why ICU could not be used.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// One ICU break iterator (sentence or word) over UTF-8 text. Not thread-safe: each
/// thread clones its own from a prototype.
final class Breaker {
    enum Kind: Int32 { case sentence = 0, word = 1 }
    let handle: OpaquePointer

    init(kind: Kind, locale: String) throws {
        var error = [CChar](repeating: 0, count: 64)
        guard let handle = cicu_breaker_open(kind.rawValue, locale, &error, Int32(error.count)) else {
            let name = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw ICUError(description: "ICU could not open a \(kind) break iterator for \(locale): \(name)")
        }
        self.handle = handle
    }

    private init(handle: OpaquePointer) { self.handle = handle }

    func clone() -> Breaker {
        guard let copy = cicu_breaker_clone(handle) else {
            fatalError("ICU could not clone a break iterator (out of memory)")
        }
        return Breaker(handle: copy)
    }

    deinit { cicu_breaker_close(handle) }

    /// Calls `body` with every boundary after 0 and the rule status of the segment before it.
    /// Offsets are UTF-8 byte offsets.
    func forEachBoundary(in bytes: [UInt8], _ body: (Int, Int32) -> Void) {
        guard !bytes.isEmpty else { return }
        precondition(bytes.count < Int(Int32.max), "ICU break iterators index texts below 2 GiB")
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                let status = cicu_breaker_set_text(handle, base, Int64(buffer.count))
                precondition(status == 0, "ICU rejected a UTF-8 text (status \(status))")
                let capacity: Int32 = 256
                var offsets = [Int64](repeating: 0, count: Int(capacity))
                var statuses = [Int32](repeating: 0, count: Int(capacity))
                while true {
                    let n = cicu_breaker_fill(handle, &offsets, &statuses, capacity)
                    for i in 0..<Int(n) { body(Int(offsets[i]), statuses[i]) }
                    if n < capacity { break }
                }
                // Drop the pointer to the buffer before it goes away.
                _ = cicu_breaker_set_text(handle, base, 0)
            }
        }
    }
}

/// The ICU library readout is linked against, e.g. "72.1".
public var icuVersion: String { String(cString: cicu_version()) }
