/// Verifies a brat `.ann` file against its text: offsets inside the text, covered text equal
/// to the text's slice (in code points), and every reference to an existing annotation.
public enum Checker {
    public struct Problem: Sendable, CustomStringConvertible, Equatable {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The problems in `ann` for `text` (empty when the file is sound).
    public static func check(ann: String, text: String) -> [Problem] {
        let document: BratDocument
        do {
            document = try BratDocument(parsing: ann)
        } catch {
            return [Problem(line: error.line, message: error.reason)]
        }
        let scalars = Array(text.unicodeScalars)
        var problems: [Problem] = []
        var ids = Set<String>()
        var textIDs = Set<String>()
        func claim(_ id: String, _ line: Int) {
            if !ids.insert(id).inserted { problems.append(Problem(line: line, message: "duplicate id \(id)")) }
        }
        for t in document.textBounds {
            claim(t.id, t.line)
            textIDs.insert(t.id)
            var pieces: [String] = []
            var inside = true
            for fragment in t.fragments {
                if fragment.upperBound > scalars.count {
                    problems.append(Problem(line: t.line, message: "\(t.id) ends at \(fragment.upperBound), past the text's \(scalars.count) code points"))
                    inside = false
                    break
                }
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[fragment])
                pieces.append(String(s))
            }
            guard inside else { continue }
            let covered = pieces.joined(separator: " ")
            if covered != t.text {
                problems.append(Problem(line: t.line, message: "\(t.id) covers \(quoted(covered)) but the file says \(quoted(t.text))"))
            }
        }
        for e in document.events {
            claim(e.id, e.line)
        }
        let eventIDs = Set(document.events.map(\.id))
        for e in document.events {
            if !textIDs.contains(e.trigger) {
                problems.append(Problem(line: e.line, message: "\(e.id) has trigger \(e.trigger), which is not a text annotation"))
            }
            for argument in e.arguments where !textIDs.contains(argument.id) && !eventIDs.contains(argument.id) {
                problems.append(Problem(line: e.line, message: "\(e.id) argument \(argument.role):\(argument.id) points to nothing"))
            }
        }
        for n in document.normalizations {
            claim(n.id, n.line)
            if !ids.contains(n.target) {
                problems.append(Problem(line: n.line, message: "\(n.id) normalizes \(n.target), which does not exist"))
            }
        }
        for a in document.attributes {
            claim(a.id, a.line)
            if !ids.contains(a.target) {
                problems.append(Problem(line: a.line, message: "\(a.id) qualifies \(a.target), which does not exist"))
            }
        }
        return problems.sorted { $0.line < $1.line }
    }

    static func quoted(_ s: String) -> String {
        "\"" + (s.count > 60 ? String(s.prefix(57)) + "..." : s) + "\""
    }
}
