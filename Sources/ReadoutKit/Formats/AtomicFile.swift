import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written.
public struct WriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot write: \(reason)" }
}

/// Writes files atomically: the bytes go to a temporary file in the same folder, which is
/// renamed over the target. A reader (or a run killed half-way) sees the old file or the new
/// one, never a part. `durable` also flushes the file to disk before the rename (against a
/// power loss); a batch instead flushes everything once at its end (``flushAll()``).
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL, durable: Bool = true) throws(WriteError) {
        var failure: WriteError?
        data.withUnsafeBytes { raw in
            do throws(WriteError) { try write(raw, toPath: url.path, durable: durable) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes bytes without copying them into a `Data` first.
    public static func write(_ bytes: [UInt8], to url: URL, durable: Bool = true) throws(WriteError) {
        try write(bytes, toPath: url.path, durable: durable)
    }

    /// Writes bytes to a file path (a batch keeps its paths as strings: building URLs for
    /// every output was a tenth of the annotation time).
    public static func write(_ bytes: [UInt8], toPath path: String, durable: Bool = true) throws(WriteError) {
        var failure: WriteError?
        bytes.withUnsafeBytes { raw in
            do throws(WriteError) { try write(raw, toPath: path, durable: durable) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    static func write(_ raw: UnsafeRawBufferPointer, toPath path: String, durable: Bool) throws(WriteError) {
        let (folder, name) = folderAndName(path)
        var temporary = ""
        var fd: Int32 = -1
        // A name taken (a file left by a killed run of a process with the same id) takes the next.
        for _ in 0..<100 {
            temporary = "\(folder)/.\(name).\(processID).\(temporaryCounter.next()).tmp"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        var offset = 0
        while offset < raw.count {
            let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                break
            }
            offset += n
        }
        if failure == nil, durable, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
    }

    /// A path's folder and last component, split at its last "/" ("." for a bare name).
    static func folderAndName(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return (".", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// The process id and a counter name the temporary files: unique within a folder, and
    /// without a `getpid` and a `getrandom` call for each file.
    static let processID = getpid()
    static let temporaryCounter = Counter()

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value: UInt64 = 0
        func next() -> UInt64 {
            lock.lock(); defer { lock.unlock() }
            value += 1
            return value
        }
    }

    public static func write(_ text: String, to url: URL, durable: Bool = true) throws(WriteError) {
        var text = text
        var failure: WriteError?
        text.withUTF8 { p in
            do throws(WriteError) { try write(UnsafeRawBufferPointer(p), toPath: url.path, durable: durable) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Flushes every written file to disk.
    public static func flushAll() { sync() }

    /// Whether a file name is one of this writer's temporary files (`.NAME.PID.RANDOM.tmp`).
    static func isTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let parts = name.dropLast(4).split(separator: ".")
        return parts.count >= 3 && parts.suffix(2).allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    /// Removes temporary files that a killed run left behind in these folders.
    public static func removeStaleTemporaries(in folders: Set<URL>) {
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names where isTemporary(name) {
                try? FileManager.default.removeItem(at: folder.appending(path: name))
            }
        }
    }
}

func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, pointer, count)
    #else
    Darwin.write(fd, pointer, count)
    #endif
}

func systemRead(_ fd: Int32, _ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, pointer, count)
    #else
    Darwin.read(fd, pointer, count)
    #endif
}
