import Foundation
import Hummingbird
import Logging
import NIOCore

/// `readout review`'s web server: the page and the JSON API of ``ReviewAPI`` over HTTP/1.1.
public enum ReviewServer {
    /// Whether a host name binds the loopback interface only.
    public static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "::1", "localhost"].contains(host.lowercased()) || host.hasPrefix("127.")
    }

    /// Runs until SIGINT or SIGTERM. `ready` is called with the port once the server listens
    /// (the port chosen by the system when `port` is 0).
    public static func run(api: ReviewAPI, host: String, port: Int, ready: @escaping @Sendable (Int) async -> Void) async throws {
        let loopbackOnly = isLoopback(host)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var request = request
            
            // Against DNS rebinding: a loopback server answers only to loopback host names.
            if loopbackOnly, let hostHeader = request.head.authority {
                let name = hostHeader.hasPrefix("[") ? String(hostHeader.prefix { $0 != "]" }.dropFirst()) : String(hostHeader.prefix { $0 != ":" })
                if !isLoopback(name) {
                    return response(ReviewAPI.json(["error": "this server answers to localhost only, not '\(hostHeader)'"], status: 421))
                }
            }
            var body: [UInt8] = []
            if request.method == .post {
                do {
                    let buffer = try await request.collectBody(upTo: ReviewAPI.maxBody)
                    body = Array(buffer.readableBytesView)
                } catch {
                    return response(ReviewAPI.json(["error": "the request body is larger than \(ReviewAPI.maxBody) bytes"], status: 413))
                }
            }
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            let answer = await api.handle(method: request.method.rawValue, path: request.uri.path, query: query,
                                          contentType: request.headers[.contentType], body: body)
            return response(answer)
        }
        var logger = Logger(label: "readout-review")
        logger.logLevel = .warning
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: "readout"),
            onServerRunning: { channel in await ready(channel.localAddress?.port ?? port) },
            logger: logger)
        try await app.runService()
    }

    private static func response(_ answer: ReviewAPI.Response) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .init(code: answer.status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
