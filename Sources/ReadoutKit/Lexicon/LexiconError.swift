/// A problem in a lexicon file, reported as `file:line:column: reason`.
public struct LexiconError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var reason: String

    public init(file: String, line: Int, column: Int = 1, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String { "\(file):\(line):\(column): \(reason)" }
}

/// Every problem found while loading lexicons (loading goes on to report them all).
public struct LexiconErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [LexiconError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
