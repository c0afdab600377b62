import ReadoutKit

/// A brat `.ann` file that can be edited line by line. Untouched lines keep their exact text;
/// lines readout does not interpret (relations, notes, blank lines) are kept as they are.
/// New annotations get the next free number of their kind, as brat does.
struct AnnFile: Equatable {
    enum Body: Equatable {
        case textBound(label: String, start: Int, end: Int, text: String)
        case normalization(target: String, database: String, key: String, name: String?)
        case event(type: String, trigger: String, arguments: [Argument])
        case attribute(name: String, target: String, value: String?)
        /// A line kept verbatim (no id readout edits).
        case other
    }

    struct Argument: Equatable {
        var role: String
        var id: String
    }

    struct Line: Equatable {
        /// `T3`, `N1`, `E2`, `A4`; empty for lines kept verbatim.
        var id: String
        var body: Body
        /// The line as read, until it is changed.
        var raw: String?

        var text: String { raw ?? Self.format(id, body) }

        static func format(_ id: String, _ body: Body) -> String {
            switch body {
            case let .textBound(label, start, end, text):
                return "\(id)\t\(label) \(start) \(end)\t\(text)"
            case let .normalization(target, database, key, name):
                return "\(id)\tReference \(target) \(database):\(key)" + (name.map { "\t\($0)" } ?? "")
            case let .event(type, trigger, arguments):
                return "\(id)\t\(type):\(trigger)" + arguments.map { " \($0.role):\($0.id)" }.joined()
            case let .attribute(name, target, value):
                return "\(id)\t\(name) \(target)" + (value.map { " \($0)" } ?? "")
            case .other:
                return ""
            }
        }
    }

    var lines: [Line] = []

    struct ParseError: Error {
        var line: Int
        var reason: String
    }

    init(lines: [Line] = []) { self.lines = lines }

    /// Parses an `.ann` file with the same rules as `readout check`. Discontinuous text-bound
    /// annotations (brat's `start end;start end`) are kept verbatim and cannot be edited.
    init(parsing text: String) throws(ParseError) {
        let parsed: BratDocument
        do { parsed = try BratDocument(parsing: text) } catch { throw ParseError(line: error.line, reason: error.reason) }
        var byLine: [Int: (String, Body)] = [:]
        for t in parsed.textBounds where t.fragments.count == 1 {
            byLine[t.line] = (t.id, .textBound(label: t.label, start: t.start, end: t.end, text: t.text))
        }
        for n in parsed.normalizations {
            byLine[n.line] = (n.id, .normalization(target: n.target, database: n.database, key: n.key, name: n.name))
        }
        for e in parsed.events {
            byLine[e.line] = (e.id, .event(type: e.type, trigger: e.trigger,
                                           arguments: e.arguments.map { Argument(role: $0.role, id: $0.id) }))
        }
        for a in parsed.attributes {
            byLine[a.line] = (a.id, .attribute(name: a.name, target: a.target, value: a.value))
        }
        var raws = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        if raws.last == "" { raws.removeLast() }
        for (k, raw) in raws.enumerated() {
            if let (id, body) = byLine[k + 1] {
                lines.append(Line(id: id, body: body, raw: raw))
            } else {
                // Verbatim lines still own their id (discontinuous T, R, #) so new ids never clash.
                let id = raw.prefix { $0 != "\t" }
                lines.append(Line(id: raw.isEmpty ? "" : String(id), body: .other, raw: raw))
            }
        }
    }

    /// The file's text: one line each, LF, a final newline.
    var text: String { lines.isEmpty ? "" : lines.map(\.text).joined(separator: "\n") + "\n" }

    func index(of id: String) -> Int? { lines.firstIndex { $0.id == id && $0.body != .other } }

    func line(_ id: String) -> Line? { index(of: id).map { lines[$0] } }

    /// The next free id of a kind (`T`, `N`, `E`, `A`).
    func nextID(_ kind: Character) -> String {
        var highest = 0
        for line in lines where line.id.first == kind {
            if let n = Int(line.id.dropFirst()), n > highest { highest = n }
        }
        return "\(kind)\(highest + 1)"
    }

    /// Events whose trigger or arguments refer to an id.
    func events(referring id: String) -> [String] {
        lines.compactMap { line in
            if case let .event(_, trigger, arguments) = line.body, trigger == id || arguments.contains(where: { $0.id == id }) {
                return line.id
            }
            return nil
        }
    }

    /// Ids of the normalization and attribute lines that qualify an annotation.
    func qualifiers(of id: String) -> [String] {
        lines.compactMap { line in
            switch line.body {
            case let .normalization(target, _, _, _) where target == id: line.id
            case let .attribute(_, target, _) where target == id: line.id
            default: nil
            }
        }
    }

    /// The normalization lines of an annotation.
    func normalizations(of id: String) -> [Line] {
        lines.filter { if case let .normalization(target, _, _, _) = $0.body { target == id } else { false } }
    }

    func attribute(_ name: String, on id: String) -> Line? {
        lines.first { if case let .attribute(n, t, _) = $0.body { n == name && t == id } else { false } }
    }

    mutating func replace(_ id: String, with body: Body) {
        guard let k = index(of: id) else { return }
        lines[k] = Line(id: id, body: body, raw: nil)
    }

    mutating func remove(_ ids: Set<String>) {
        lines.removeAll { ids.contains($0.id) && $0.body != .other }
    }

    @discardableResult
    mutating func append(_ kind: Character, _ body: Body) -> String {
        let id = nextID(kind)
        lines.append(Line(id: id, body: body, raw: nil))
        return id
    }
}
