import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The compact binary form in which a streamed report keeps its rows on disk: unsigned
/// LEB128 integers, strings as their byte count and UTF-8 bytes, optional strings with a
/// presence flag first.
struct SpillEncoder {
    var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var v = UInt(bitPattern: value)
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { p in
            int(p.count)
            bytes.append(contentsOf: p)
        }
    }

    mutating func optional(_ value: Int?) {
        if let value {
            int(1)
            int(value)
        } else {
            int(0)
        }
    }

    mutating func optional(_ value: String?) {
        if let value {
            int(1)
            string(value)
        } else {
            int(0)
        }
    }
}

/// Reads what ``SpillEncoder`` wrote; a record that ends too soon is an error naming the file.
struct SpillDecoder {
    let bytes: ArraySlice<UInt8>
    let path: String
    var i: Int

    init(_ bytes: ArraySlice<UInt8>, path: String) {
        self.bytes = bytes
        self.path = path
        i = bytes.startIndex
    }

    var atEnd: Bool { i >= bytes.endIndex }

    func corrupt() -> Failure { Failure(path: path, reason: "the report's temporary file is damaged (changed while readout ran?)") }

    mutating func int() throws -> Int {
        var value: UInt = 0, shift: UInt = 0
        while true {
            guard i < bytes.endIndex, shift < 64 else { throw corrupt() }
            let b = bytes[i]
            i += 1
            value |= UInt(b & 0x7F) << shift
            if b < 0x80 { return Int(bitPattern: value) }
            shift += 7
        }
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, count <= bytes.endIndex - i else { throw corrupt() }
        defer { i += count }
        return String(decoding: bytes[i..<(i + count)], as: UTF8.self)
    }

    mutating func optional() throws -> String? {
        try int() == 0 ? nil : try string()
    }

    mutating func optionalInt() throws -> Int? {
        try int() == 0 ? nil : try int()
    }
}

/// A temporary file a streamed report appends to and reads back from (`pread`, so several
/// threads may read at once). Appends are not synchronized: the owner serializes them.
final class SpillFile: @unchecked Sendable {
    let url: URL
    private var fd: Int32
    private(set) var size = 0

    var path: String { url.path }

    init(_ url: URL) throws {
        self.url = url
        fd = open(url.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
    }

    deinit { close() }

    func close() {
        if fd >= 0 { _ = systemClose(fd) }
        fd = -1
    }

    /// Appends bytes; returns the offset they start at.
    @discardableResult
    func append(_ bytes: [UInt8]) throws -> Int {
        try bytes.withUnsafeBytes { try append($0) }
    }

    @discardableResult
    func append(_ raw: UnsafeRawBufferPointer) throws -> Int {
        let offset = size
        var done = 0
        while done < raw.count {
            let n = systemWrite(fd, raw.baseAddress! + done, raw.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            done += n
        }
        size += raw.count
        return offset
    }

    /// Reads `count` bytes at `offset` into `buffer` (replacing its contents).
    func read(at offset: Int, count: Int, into buffer: inout [UInt8]) throws {
        buffer.removeAll(keepingCapacity: true)
        guard count > 0 else { return }
        buffer.reserveCapacity(count)
        var failure: Int32 = 0
        buffer.append(contentsOf: repeatElement(0, count: count))
        let got = buffer.withUnsafeMutableBytes { raw -> Int in
            var done = 0
            while done < count {
                let n = pread(fd, raw.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                done += n
            }
            return done
        }
        if failure != 0 { throw Failure(path: path, reason: "cannot read: \(String(cString: strerror(failure)))") }
        guard got == count else { throw Failure(path: path, reason: "cannot read: the file is shorter than written (changed while readout ran?)") }
    }

    /// Flushes the file to disk.
    func sync() throws {
        guard fsync(fd) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
    }
}

/// Reads records of a spill file through a window, so that records read in file order (the
/// usual case: documents are added in about their order) cost one system call per window.
struct SpillReader {
    let file: SpillFile
    private var window: [UInt8] = []
    private var windowStart = 0
    static let windowSize = 1 << 16

    init(_ file: SpillFile) { self.file = file }

    /// The bytes of one record. When they are not in the window, the window is read again
    /// from `offset`: up to `readAhead` (the end of the records the caller will ask for next,
    /// when it knows them), else `windowSize` bytes.
    mutating func bytes(at offset: Int, count: Int, readAhead: Int? = nil) throws -> ArraySlice<UInt8> {
        if offset < windowStart || offset + count > windowStart + window.count {
            let size = min(max(count, readAhead.map { $0 - offset } ?? Self.windowSize), file.size - offset)
            guard size >= count else { throw Failure(path: file.path, reason: "cannot read: a record lies past the end of the file") }
            try file.read(at: offset, count: size, into: &window)
            windowStart = offset
        }
        let start = offset - windowStart
        return window[start..<(start + count)]
    }
}

/// The hidden folder that holds a streamed report's temporary files, inside the folder the
/// report goes to (so that the finished files are renamed into place, never copied across
/// file systems): `.readout-report-PID-RANDOM.tmp`. Hidden, and without `.txt` or `.ann`
/// files, so brat, `readout check` and `readout report` never take it for documents; removed
/// when the report is written or given up, and by the next run after a crash.
enum SpillDirectory {
    static let prefix = ".readout-report-"
    static let suffix = ".tmp"

    static func create(in folder: URL) throws -> URL {
        let url = folder.appending(path: "\(prefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))\(suffix)")
        guard mkdir(url.path, 0o700) == 0 else { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
        return url
    }

    /// The process id in a spill folder's name, or nil when the name is not one.
    static func owner(_ name: String) -> Int32? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let parts = name.dropFirst(prefix.count).dropLast(suffix.count).split(separator: "-")
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        return Int32(parts[0])
    }

    /// Removes the spill folders that runs which no longer exist (killed, crashed) left in a
    /// folder; those of a live process (another readout writing there now) are left alone.
    static func removeStale(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names {
            guard let pid = owner(name) else { continue }
            if pid > 0, kill(pid, 0) == 0 || errno == EPERM { continue }
            try? FileManager.default.removeItem(at: folder.appending(path: name))
        }
    }
}

private func systemClose(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(fd)
    #else
    Darwin.close(fd)
    #endif
}
