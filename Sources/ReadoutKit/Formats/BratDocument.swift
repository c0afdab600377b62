/// A parsed brat `.ann` file (the parts readout reads back: text-bound annotations,
/// normalizations, events and attributes). Offsets are code points, as in the file.
public struct BratDocument: Sendable {
    public struct TextBound: Sendable, Hashable {
        public var id: String
        public var label: String
        /// One or more `[start, end)` fragments (brat's discontinuous spans).
        public var fragments: [Range<Int>]
        public var text: String
        public var line: Int

        public var start: Int { fragments.first!.lowerBound }
        public var end: Int { fragments.last!.upperBound }
    }

    public struct Normalization: Sendable, Hashable {
        public var id: String
        public var target: String
        public var database: String
        public var key: String
        /// The text after the reference (brat's free-form name), if any.
        public var name: String?
        public var line: Int
    }

    public struct Event: Sendable, Hashable {
        public var id: String
        public var type: String
        public var trigger: String
        public var arguments: [(role: String, id: String)]
        public var line: Int

        public static func == (a: Event, b: Event) -> Bool {
            a.id == b.id && a.type == b.type && a.trigger == b.trigger && a.line == b.line
                && a.arguments.map(\.role) == b.arguments.map(\.role) && a.arguments.map(\.id) == b.arguments.map(\.id)
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    }

    public struct Attribute: Sendable, Hashable {
        public var id: String
        public var name: String
        public var target: String
        public var value: String?
        public var line: Int
    }

    public var textBounds: [TextBound] = []
    public var normalizations: [Normalization] = []
    public var events: [Event] = []
    public var attributes: [Attribute] = []

    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public init() {}

    /// Parses an `.ann` file; every malformed line is an error naming it.
    public init(parsing text: String) throws(ParseError) {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty { continue }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            let id = fields[0]
            guard let kind = id.first else { continue }
            func fail(_ reason: String) -> ParseError { ParseError(line: lineNumber, reason: reason) }
            switch kind {
            case "T":
                guard fields.count == 3 else { throw fail("a T line needs 3 TAB-separated fields") }
                let head = fields[1].split(separator: " ", maxSplits: 1).map(String.init)
                guard head.count == 2 else { throw fail("a T line needs a label and offsets") }
                var fragments: [Range<Int>] = []
                for part in head[1].split(separator: ";") {
                    let numbers = part.split(separator: " ").compactMap { Int($0) }
                    guard numbers.count == 2, numbers[0] >= 0, numbers[0] <= numbers[1] else {
                        throw fail("bad offsets '\(head[1])'")
                    }
                    fragments.append(numbers[0]..<numbers[1])
                }
                guard !fragments.isEmpty else { throw fail("no offsets") }
                textBounds.append(TextBound(id: id, label: head[0], fragments: fragments, text: fields[2], line: lineNumber))
            case "N":
                let head = fields.count > 1 ? fields[1].split(separator: " ").map(String.init) : []
                guard head.count == 3, let colon = head[2].firstIndex(of: ":") else {
                    throw fail("an N line needs 'Reference TARGET DB:KEY'")
                }
                normalizations.append(Normalization(id: id, target: head[1], database: String(head[2][..<colon]),
                                                    key: String(head[2][head[2].index(after: colon)...]),
                                                    name: fields.count > 2 ? fields[2] : nil, line: lineNumber))
            case "E":
                guard fields.count >= 2 else { throw fail("an E line needs 2 TAB-separated fields") }
                let parts = fields[1].split(separator: " ").map(String.init)
                guard let first = parts.first, let colon = first.firstIndex(of: ":") else { throw fail("an E line needs TYPE:TRIGGER") }
                var arguments: [(String, String)] = []
                for part in parts.dropFirst() {
                    guard let c = part.firstIndex(of: ":") else { throw fail("bad event argument '\(part)'") }
                    arguments.append((String(part[..<c]), String(part[part.index(after: c)...])))
                }
                events.append(Event(id: id, type: String(first[..<colon]), trigger: String(first[first.index(after: colon)...]),
                                    arguments: arguments, line: lineNumber))
            case "A", "M":
                let parts = fields.count > 1 ? fields[1].split(separator: " ").map(String.init) : []
                guard parts.count == 2 || parts.count == 3 else { throw fail("an A line needs 'NAME TARGET [VALUE]'") }
                attributes.append(Attribute(id: id, name: parts[0], target: parts[1], value: parts.count == 3 ? parts[2] : nil, line: lineNumber))
            case "R", "*", "#":
                continue
            default:
                throw fail("unknown annotation id '\(id)'")
            }
        }
    }
}
