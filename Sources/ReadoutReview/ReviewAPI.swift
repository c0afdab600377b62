import Foundation
import ReadoutKit

/// The review app's HTTP interface, independent of the server that carries it: a request
/// (method, path, query, body) in, a status and a body out. The routes are documented in the
/// README ("Reviewing"); every error is `{"error": "message"}` with a 4xx status, and a refused
/// request changes nothing on disk.
public struct ReviewAPI: Sendable {
    public let store: ReviewStore

    public init(store: ReviewStore) { self.store = store }

    public struct Response: Sendable {
        public var status: Int
        public var contentType: String
        public var body: [UInt8]

        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Largest request body accepted.
    public static let maxBody = 1 << 20

    public func handle(method: String, path: String, query: [String: String] = [:], contentType: String? = nil,
                       body: [UInt8] = []) async -> Response {
        do {
            return try await route(method: method.uppercased(), path: path, query: query, contentType: contentType, body: body)
        } catch let error as APIError {
            return Self.json(["error": error.message], status: error.status.rawValue)
        } catch {
            return Self.json(["error": "\(error)"], status: 500)
        }
    }

    private func route(method: String, path: String, query: [String: String], contentType: String?, body: [UInt8]) async throws -> Response {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { String($0).removingPercentEncoding ?? String($0) }
        guard parts.first == "api" else { return try Self.asset(path) }
        if method == "POST" {
            guard body.count <= Self.maxBody else { throw APIError(.payloadTooLarge, "the request body is larger than \(Self.maxBody) bytes") }
            // JSON only: a cross-site form cannot post to the review server.
            guard let contentType, contentType.lowercased().hasPrefix("application/json") else {
                throw APIError(.unsupportedMediaType, "send the request body as JSON with 'Content-Type: application/json'")
            }
        }
        let route = Array(parts.dropFirst())
        let key = route.count >= 2 && route[0] == "documents" ? route[1] : ""
        switch (method, route.count, route.first ?? "", route.count == 3 ? route[2] : "") {
        case ("GET", 1, "config", _):
            return Self.json(Self.config)
        case ("GET", 1, "documents", _):
            return try Self.encode(["documents": await store.documents()])
        case ("GET", 2, "documents", _):
            return try Self.encode(await store.document(key))
        case ("POST", 3, "documents", "decisions"):
            let decision: Decision = try Self.decode(body)
            return try Self.encode(await store.decide(key, decision))
        case ("POST", 3, "documents", "undo"):
            struct Undo: Decodable { var version: String? }
            let undo: Undo = try Self.decode(body)
            return try Self.encode(await store.undo(key, version: undo.version))
        case ("GET", 3, "documents", "log"):
            return try Self.encode(["entries": await store.logEntries(document: key)])
        case ("GET", 1, "log", _):
            return try Self.encode(["entries": await store.logEntries()])
        case ("GET", 1, "lexicon", _):
            return try Self.encode(["entries": await store.searchLexicon(query["q"] ?? "", label: query["label"].flatMap { $0.isEmpty ? nil : $0 })])
        case ("POST", 1, "lexicon", _):
            let entry: ReviewStore.NewEntry = try Self.decode(body)
            return try Self.encode(await store.addToLexicon(entry), status: 201)
        case (_, 1, "config", _), (_, 1, "documents", _), (_, 2, "documents", _), (_, 1, "log", _), (_, 1, "lexicon", _),
             (_, 3, "documents", "decisions"), (_, 3, "documents", "undo"), (_, 3, "documents", "log"):
            throw APIError(.methodNotAllowed, "\(method) is not allowed on \(path)")
        default:
            throw APIError(.notFound, "no such API route: \(method) \(path)")
        }
    }

    // MARK: - JSON

    static func decode<T: Decodable>(_ body: [UInt8]) throws(APIError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            if field == "action" {
                throw APIError(.badRequest, "unknown action (expected \(Decision.Action.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            throw APIError(.badRequest, "'\(field)' has an invalid value")
        } catch let DecodingError.dataCorrupted(context) {
            throw APIError(.badRequest, "the request body is not valid JSON: \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError(.badRequest, "the request needs '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw APIError(.badRequest, "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw APIError(.badRequest, "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' is null")
        } catch {
            throw APIError(.badRequest, "the request body is not understood: \(error)")
        }
    }

    /// The review's JSON, for answers and for the log: keys sorted, slashes as they are.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func encode<T: Encodable>(_ value: T, status: Int = 200) throws -> Response {
        Response(status: status, contentType: "application/json; charset=utf-8", body: [UInt8](try encoder().encode(value)))
    }

    /// A value that always encodes (an error message, the configuration).
    static func json<T: Encodable>(_ value: T, status: Int = 200) -> Response {
        (try? encode(value, status: status)) ?? Response(status: 500, contentType: "text/plain", body: Array("error".utf8))
    }

    /// Labels, categories and colours: the same definitions as `visual.conf`.
    struct Config: Encodable {
        struct Label: Encodable { var name: String; var color: String; var normalized: Bool; var lexicon: Bool }
        struct Category: Encodable { var name: String; var color: String; var polarity: String; var cameo: String }
        var labels: [Label]
        var categories: [Category]
        var attributes: [String]
        var targetColor: String
    }

    static let config = Config(
        labels: EntityLabel.allCases.map {
            .init(name: $0.rawValue, color: $0.color, normalized: $0.isNormalized, lexicon: EntityLabel.lexiconLabels.contains($0))
        },
        categories: StanceCategory.allCases.map { .init(name: $0.rawValue, color: $0.color, polarity: $0.polarity.rawValue, cameo: $0.cameo) },
        attributes: stanceAttributes.map(\.name),
        targetColor: "#f0f0f0")

    // MARK: - The page

    static func asset(_ path: String) throws -> Response {
        let name = path == "/" || path.isEmpty ? "index.html" : String(path.drop { $0 == "/" })
        guard let file = EmbeddedWeb.files.first(where: { $0.name == name }) else {
            throw APIError(.notFound, "no such page: \(path)")
        }
        let type = name.hasSuffix(".html") ? "text/html; charset=utf-8"
            : name.hasSuffix(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8"
        return Response(status: 200, contentType: type, body: Array(file.text.utf8))
    }
}
