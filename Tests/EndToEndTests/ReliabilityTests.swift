import Foundation
import Testing

/// Hostile inputs, interrupted runs and determinism (the built binary on generated folders).
@Suite(.serialized) struct ReliabilityTests {
    func write(_ bytes: [UInt8], _ name: String, in folder: URL) throws {
        try Data(bytes).write(to: folder.appending(path: name))
    }

    @Test func hostileInputsEachHaveTheirOutcome() throws {
        let folder = try temporaryFolder(), out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: out) }
        let sample = Array("Minister Kamikawa met Foreign Minister Wang Yi in Tokyo.".utf8)
        try write([0xC0] + sample, "invalid-start.txt", in: folder)
        try write(sample + [0xFF, 0xFE] + sample, "invalid-middle.txt", in: folder)
        try write(sample + [0xE6, 0x97], "truncated-end.txt", in: folder)
        try write([0xFF, 0xFE] + Array("Japan".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "utf16.txt", in: folder)
        try write(sample + [0] + sample, "nul.txt", in: folder)
        try write([], "empty.txt", in: folder)
        try write(Array(" \n\t \r\n".utf8), "blank.txt", in: folder)
        try write(Array((String(repeating: "(", count: 10_000) + "Japan and Korea" + String(repeating: ")", count: 10_000)).utf8), "parens.txt", in: folder)
        try write(Array(String(repeating: "👋🏽", count: 1_000_000 / 8).utf8), "emoji.txt", in: folder)
        try write(Array("وزير الخارجية \u{202B}Japan\u{202C} שלום \u{200F}Korea\u{200E} 👨\u{200D}👩\u{200D}👧 Minister Park Jin \u{2066}met\u{2069} Busan.".utf8), "bidi.txt", in: folder)
        try write(Array("Japan\u{0001}\u{0008}Korea \u{0085}Busan\u{009B} Minister\u{000B}Kamikawa\u{000C} met Park Jin.".utf8), "controls.txt", in: folder)
        try write(Array(("Japan " + String(repeating: "x", count: 200_000) + " Korea").utf8), "long-token.txt", in: folder)
        // A folder that links back to its parent: walked once, not forever.
        try FileManager.default.createDirectory(at: folder.appending(path: "sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appending(path: "sub/loop"), withDestinationURL: folder)
        try write(sample, "sub/inside.txt", in: folder)
        // 100 MB without a newline: refused by size, the rest goes on.
        FileManager.default.createFile(atPath: folder.appending(path: "huge.txt").path, contents: Data(repeating: UInt8(ascii: "a"), count: 100_000_000))
        let run = try readout(["annotate", folder.path, "-o", out.path, "--no-report"])
        #expect(run.status == 1)
        let err = run.stderr
        #expect(err.contains("invalid-start.txt: not valid UTF-8: bad byte sequence at byte offset 0"))
        #expect(err.contains("invalid-middle.txt: not valid UTF-8: bad byte sequence at byte offset \(sample.count)"))
        #expect(err.contains("truncated-end.txt: not valid UTF-8: bad byte sequence at byte offset \(sample.count)"))
        #expect(err.contains("utf16.txt: not UTF-8: looks like UTF-16"))
        #expect(err.contains("nul.txt: binary file: NUL byte at byte offset \(sample.count)"))
        #expect(err.contains("huge.txt: too large: 100.0 MB"))
        #expect(err.contains("6 failed"))
        #expect(!err.contains("Fatal error"))
        #expect(files(under: out, ext: "ann") == [
            "bidi.ann", "blank.ann", "controls.ann", "emoji.ann", "empty.ann", "long-token.ann", "parens.ann", "sub/inside.ann",
        ])
        let check = try readout(["check", out.path])
        #expect(check.status == 0, "\(check.stdout)")
        // No output at all for a refused file.
        #expect(!FileManager.default.fileExists(atPath: out.appending(path: "nul.json").path))
    }

    /// Runs the binary as the unprivileged user "nobody" (permissions do not bind root).
    func asNobody(_ arguments: [String]) throws -> Run? {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        probe.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Paths.binary.path, "--help"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Paths.binary.path] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func unreadableFilesAndUnwritableFoldersAreReported() throws {
        let folder = try temporaryFolder(), out = try temporaryFolder(), locked = try temporaryFolder()
        defer { for f in [folder, out, locked] { try? FileManager.default.removeItem(at: f) } }
        try write(Array("Minister Kamikawa met Foreign Minister Wang Yi.".utf8), "good.txt", in: folder)
        try write(Array("Japan".utf8), "secret.txt", in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.appending(path: "secret.txt").path)
        for f in [folder, out] { try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: f.path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path)
        guard let run = try asNobody(["annotate", folder.path, "-o", out.path, "--no-report"]) else {
            // No unprivileged user to run as on this machine: nothing to check here.
            return
        }
        #expect(run.status == 1)
        #expect(run.stderr.contains("secret.txt: cannot read: permission denied"), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appending(path: "good.ann").path))
        // An output folder it may not write to: every document fails with the reason, no crash.
        let denied = try #require(try asNobody(["annotate", folder.appending(path: "good.txt").path, "-o", locked.appending(path: "out").path]))
        #expect(denied.status == 1)
        #expect(denied.stderr.contains("Permission denied") || denied.stderr.contains("permission"), "\(denied.stderr)")
        #expect(!denied.stderr.contains("Fatal error"))
    }

    /// A folder of many readouts made from the fixtures.
    func manyReadouts(_ count: Int) throws -> URL {
        let folder = try temporaryFolder()
        let texts = try files(under: Paths.fixtures.appending(path: "basic/input"), ext: "txt").map {
            try String(contentsOf: Paths.fixtures.appending(path: "basic/input/\($0)"), encoding: .utf8)
        }
        for i in 0..<count {
            try (texts[i % texts.count] + "\nRevision \(i).\n").write(to: folder.appending(path: "doc\(1000 + i).txt"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// Every output file of a folder with its bytes.
    func contents(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isDirectory: ObjCBool = false
            let url = folder.appending(path: path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: url)
            }
        }
        return result
    }

    @Test func outputIsIdenticalAcrossRunsAndJobs() throws {
        let input = try manyReadouts(24)
        let one = try temporaryFolder(), two = try temporaryFolder(), again = try temporaryFolder()
        defer { for f in [input, one, two, again] { try? FileManager.default.removeItem(at: f) } }
        #expect(try readout(["annotate", input.path, "-o", one.path, "--jobs", "1"]).status == 0)
        #expect(try readout(["annotate", input.path, "-o", two.path, "--jobs", "2"]).status == 0)
        #expect(try readout(["annotate", input.path, "-o", again.path, "--jobs", "2"]).status == 0)
        let a = try contents(one)
        #expect(a.count == 24 * 3 + 7)
        #expect(a == (try contents(two)))
        #expect(a == (try contents(again)))
    }

    @Test func aKilledRunLeavesNoPartialFileAndARerunCompletesIt() throws {
        let input = try manyReadouts(150)
        let reference = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: reference) }
        #expect(try readout(["annotate", input.path, "-o", reference.path]).status == 0)
        let expected = try contents(reference)
        for delay in [0.15, 0.4, 0.8] {
            let out = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: out) }
            let process = Process()
            process.executableURL = Paths.binary
            process.arguments = ["annotate", input.path, "-o", out.path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Whatever was written is whole: every .ann is complete and checks out.
            for name in files(under: out, ext: "ann") {
                #expect(try Data(contentsOf: out.appending(path: name)) == expected[name], "\(name) after a kill at \(delay) s")
            }
            #expect(try readout(["check", out.path]).status == 0)
            // A rerun finishes the job with the same bytes, and no temporary file is left.
            #expect(try readout(["annotate", input.path, "-o", out.path]).status == 0)
            #expect(try contents(out) == expected)
        }
    }

    @Test func ctrlCStopsAfterTheDocumentsUnderWay() throws {
        let input = try manyReadouts(400)
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = Paths.binary
        process.arguments = ["annotate", input.path, "-o", out.path, "--jobs", "2"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 0.5)
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 0 { return }  // It finished before the signal came.
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("interrupted:"), "\(stderr)")
        #expect(stderr.contains("of 400 documents annotated"))
        #expect(try readout(["check", out.path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: out.appending(path: "report.html").path))
    }
}
