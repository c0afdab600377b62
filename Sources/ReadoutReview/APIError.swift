/// A request the review API refuses: an HTTP status and a message for the user. Nothing is
/// written when one is thrown.
public struct APIError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Status: Int, Sendable {
        case badRequest = 400
        case notFound = 404
        case methodNotAllowed = 405
        case conflict = 409
        case payloadTooLarge = 413
        case unsupportedMediaType = 415
        case misdirected = 421
        case unprocessable = 422
        case internalError = 500
    }

    public var status: Status
    public var message: String

    public init(_ status: Status, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { "\(status.rawValue): \(message)" }
}
