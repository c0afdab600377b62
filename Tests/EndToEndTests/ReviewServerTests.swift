import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// A `readout review` server run from the built binary on a free port.
final class ReviewServerProcess {
    let process = Process()
    let port: Int
    private let errors = Pipe()

    init(_ arguments: [String]) throws {
        process.executableURL = Paths.binary
        process.arguments = ["review"] + arguments + ["--port", "0"]
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The start-up line names the port the system chose.
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
            if let range = seen.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                let address = seen[range]
                port = Int(address.dropFirst("http://127.0.0.1:".count).dropLast())!
                return
            }
        }
        process.terminate()
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "review did not start: \(seen)"])
    }

    /// Stops the server as Ctrl-C does and returns its exit status.
    @discardableResult
    func stop() -> Int32 {
        process.interrupt()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func request(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> (status: Int, json: [String: Any]) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? ["body": String(decoding: data, as: UTF8.self)]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
    }
}

@Suite("readout review (the binary)", .serialized)
struct ReviewServerTests {
    let document = "2024%2F2024-02-21-japan-brazil-fmm"

    @Test func reviewOverHTTPPersistsAcrossRestartsAndShowsInTheReport() async throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try readout(["annotate", Paths.fixtures.appending(path: "basic/input").path, "-o", out.path]).status == 0)
        let annURL = out.appending(path: "2024/2024-02-21-japan-brazil-fmm.ann")
        let original = try String(contentsOf: annURL, encoding: .utf8)
        let stancesBefore = try String(contentsOf: out.appending(path: "stances.csv"), encoding: .utf8).split(separator: "\r\n").count

        var server = try ReviewServerProcess([out.path])
        let list = try await server.request("GET", "/api/documents")
        #expect(list.status == 200)
        let names = (list.json["documents"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names == ["2023-09-14-canada-korea-call", "2024/2024-02-21-japan-brazil-fmm"])
        let page = try await server.request("GET", "/api/documents/\(document)")
        let version = try #require((page.json["summary"] as? [String: Any])?["version"] as? String)
        let entity = try #require((page.json["entities"] as? [[String: Any]])?.first?["id"] as? String)
        let stance = try #require((page.json["stances"] as? [[String: Any]])?.first?["id"] as? String)
        let accepted = try await server.request("POST", "/api/documents/\(document)/decisions",
                                                ["action": "accept", "annotation": entity, "version": version])
        #expect(accepted.status == 200)
        let version2 = try #require((accepted.json["summary"] as? [String: Any])?["version"] as? String)
        let rejected = try await server.request("POST", "/api/documents/\(document)/decisions",
                                                ["action": "reject", "annotation": stance, "version": version2])
        #expect(rejected.status == 200)
        // A second tab still on the first version is refused.
        let stale = try await server.request("POST", "/api/documents/\(document)/decisions",
                                             ["action": "reject", "annotation": entity, "version": version])
        #expect(stale.status == 409)
        #expect(server.stop() == 0)

        let edited = try String(contentsOf: annURL, encoding: .utf8)
        #expect(edited != original)
        #expect(edited.contains("Reviewed \(entity)\n"))
        #expect(!edited.contains("\(stance)\t"))
        let log = try String(contentsOf: out.appending(path: "review-log.jsonl"), encoding: .utf8)
        #expect(log.split(separator: "\n").count == 2)

        server = try ReviewServerProcess([out.path])
        let again = try await server.request("GET", "/api/documents/\(document)")
        let summary = again.json["summary"] as? [String: Any] ?? [:]
        #expect(summary["accepted"] as? Int == 1)
        #expect(summary["rejected"] as? Int == 1)
        server.stop()

        let check = try readout(["check", out.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(try readout(["report", out.path]).status == 0)
        let stancesAfter = try String(contentsOf: out.appending(path: "stances.csv"), encoding: .utf8).split(separator: "\r\n").count
        #expect(stancesAfter == stancesBefore - 1)

        // Annotating into the same folder again keeps the reviewed file, says so, and fails.
        let input = Paths.fixtures.appending(path: "basic/input").path
        let rerun = try readout(["annotate", input, "-o", out.path])
        #expect(rerun.status == 1)
        #expect(rerun.stderr.contains("2024-02-21-japan-brazil-fmm.ann holds reviewed annotations"))
        #expect(try String(contentsOf: annURL, encoding: .utf8) == edited)
        #expect(try readout(["annotate", input, "-o", out.path, "--overwrite-reviewed"]).status == 0)
        #expect(try String(contentsOf: annURL, encoding: .utf8) == original)
    }

    @Test func startUpProblemsAreClear() throws {
        let empty = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try readout(["review", empty.path, "--port", "0"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no annotated readouts"))
        let missing = try readout(["review", empty.appending(path: "nope").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("not a folder"))
        let help = try readout(["review", "--help"])
        #expect(help.stdout.contains("--host"))
        #expect(help.stdout.contains("127.0.0.1 only"))
        // Line continuations in the help texts are not printed.
        for command in [["review"], ["report"], ["lexicon", "export"], ["annotate"]] {
            let text = try readout(command + ["--help"]).stdout
            #expect(!text.contains("\\\n"), "\(command)")
        }
    }
}
