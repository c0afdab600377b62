/// A fast renderer for the part of Mustache the report templates use: text, `{{name}}` and
/// dotted `{{a.b}}` variables, `{{#section}}` and `{{^inverted}}` sections, and the
/// `{{% CONTENT_TYPE: ...}}` pragma, with the standalone-line rules of swift-mustache's
/// parser reproduced step by step. It gives the same bytes as swift-mustache (a test renders
/// both) at a fraction of the cost: names are split once, dictionaries are cast once per
/// section instead of being probed for several protocols at every tag.
///
/// Anything outside that subset (partials, lambdas, transforms, unescaped tags, set
/// delimiters, a value of another type) makes `init` or `render` fail, and the caller uses
/// swift-mustache instead.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable([String])
        case section([String], [Node])
        case inverted([String], [Node])
        /// `escape` false for CONTENT_TYPE TEXT.
        case contentType(escape: Bool)
    }

    struct Unsupported: Error {}

    let nodes: [Node]

    /// Parses a template; nil when it uses anything outside the subset.
    init?(_ source: String) {
        let chars = Array(source)
        // Only "\n" line breaks: swift-mustache treats other newline Characters specially.
        guard !chars.contains(where: { $0.isNewline && $0 != "\n" }) else { return nil }
        var cursor = Cursor(chars: chars)
        guard let nodes = try? Self.parse(&cursor, section: nil, newLine: true) else { return nil }
        self.nodes = nodes
    }

    // MARK: Parsing (mirrors MustacheTemplate.parse)

    struct Cursor {
        let chars: [Character]
        var i = 0
        var atEnd: Bool { i >= chars.count }
        var current: Character? { i < chars.count ? chars[i] : nil }

        mutating func read(while set: (Character) -> Bool) -> String {
            var s = ""
            while i < chars.count, set(chars[i]) { s.append(chars[i]); i += 1 }
            return s
        }
    }

    static let nameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

    static func parse(_ p: inout Cursor, section: String?, newLine startsOnNewLine: Bool) throws -> [Node] {
        var nodes: [Node] = []
        var newLine = startsOnNewLine
        var whiteSpace = ""
        func text(_ s: String) { nodes.append(.text(Array(s.utf8))) }
        while !p.atEnd {
            if newLine { whiteSpace = p.read { $0 == " " || $0 == "\t" } }
            let content = readUntilTagOrNewline(&p)
            if p.current == "\n" {
                text(whiteSpace + content + "\n")
                newLine = true
                p.i += 1
                continue
            }
            if !content.isEmpty {
                text(whiteSpace + content)
                whiteSpace = ""
                newLine = false
            }
            guard let c = p.current else { break }
            var setNewLine = false
            switch c {
            case "#", "^":
                p.i += 1
                let name = try parseName(&p)
                if newLine && lineFinished(&p) {
                    setNewLine = true
                } else if !whiteSpace.isEmpty {
                    text(whiteSpace)
                    whiteSpace = ""
                }
                let body = try parse(&p, section: name, newLine: setNewLine)
                let path = name.split(separator: ".").map(String.init)
                nodes.append(c == "#" ? .section(path, body) : .inverted(path, body))
            case "/":
                p.i += 1
                let name = try parseName(&p)
                guard name == section else { throw Unsupported() }
                if newLine && lineFinished(&p) {
                } else if !whiteSpace.isEmpty {
                    text(whiteSpace)
                }
                return nodes
            case "%":
                p.i += 1
                _ = p.read(while: \.isWhitespace)
                let variable = p.read { nameChars.contains($0) && $0 != "(" && $0 != ")" }
                _ = p.read(while: \.isWhitespace)
                guard p.current == ":" else { throw Unsupported() }
                p.i += 1
                _ = p.read(while: \.isWhitespace)
                let value = p.read { nameChars.contains($0) }
                _ = p.read(while: \.isWhitespace)
                guard variable == "CONTENT_TYPE", readDelimiter(&p, "}}") else { throw Unsupported() }
                switch value {
                case "TEXT": nodes.append(.contentType(escape: false))
                case "HTML", ReportWriter.HTMLEscaper.name: nodes.append(.contentType(escape: true))
                default: throw Unsupported()
                }
                setNewLine = newLine && lineFinished(&p)
            case "{", "&", ">", "<", "$", "=", "!":
                throw Unsupported()
            default:
                if !whiteSpace.isEmpty {
                    text(whiteSpace)
                    whiteSpace = ""
                }
                let name = try parseName(&p)
                nodes.append(.variable(name == "." ? ["."] : name.split(separator: ".").map(String.init)))
            }
            newLine = setNewLine
        }
        guard section == nil else { throw Unsupported() }
        return nodes
    }

    static func readDelimiter(_ p: inout Cursor, _ delimiter: String) -> Bool {
        let d = Array(delimiter)
        guard p.i + d.count <= p.chars.count, Array(p.chars[p.i..<(p.i + d.count)]) == d else { return false }
        p.i += d.count
        return true
    }

    /// Text up to a line break (left unread) or a `{{` (read).
    static func readUntilTagOrNewline(_ p: inout Cursor) -> String {
        var s = ""
        while let c = p.current {
            if c == "\n" { break }
            if c == "{" {
                if readDelimiter(&p, "{{") { break }
                s.append(c)
                p.i += 1
                continue
            }
            s.append(c)
            p.i += 1
        }
        return s
    }

    static func parseName(_ p: inout Cursor) throws -> String {
        _ = p.read(while: \.isWhitespace)
        let name = p.read { nameChars.contains($0) }
        _ = p.read(while: \.isWhitespace)
        guard readDelimiter(&p, "}}"), !name.isEmpty, name == "." || name.first != "." else { throw Unsupported() }
        return name
    }

    /// The rest of the line is blank: reads it with its line break.
    static func lineFinished(_ p: inout Cursor) -> Bool {
        if p.atEnd { return true }
        var q = p
        _ = q.read { $0 == " " || $0 == "\t" }
        if q.current == "\n" {
            p.i = q.i + 1
            return true
        }
        return false
    }

    // MARK: Rendering

    /// A context object on the stack: dictionaries are cast once, when pushed.
    enum Frame {
        case dict([String: Any])
        case other(Any)

        init(_ any: Any) {
            if let d = any as? [String: Any] { self = .dict(d) } else { self = .other(any) }
        }
    }

    /// Renders with a context; nil when the context holds something outside the subset.
    func render(_ context: [String: Any]) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        var stack: [Frame] = [.dict(context)]
        do {
            try Self.render(nodes, stack: &stack, escape: true, into: &out, drain: nil)
        } catch {
            return nil
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Renders piece by piece: `drain` receives the bytes whenever about `chunk` of them are
    /// ready (and once at the end), so a page of any size takes a bounded buffer. The context
    /// may hold ``TemplateList``s. Throws ``Unsupported`` for anything outside the subset, and
    /// whatever `drain` or a list throws.
    func render(_ context: [String: Any], chunk: Int = 1 << 20, drain: (UnsafeRawBufferPointer) throws -> Void) throws {
        var out: [UInt8] = []
        out.reserveCapacity(chunk + chunk / 4)
        var stack: [Frame] = [.dict(context)]
        try withoutActuallyEscaping(drain) { drain in
            let flush = Drain(chunk: chunk) { bytes in try bytes.withUnsafeBytes { try drain($0) } }
            try Self.render(nodes, stack: &stack, escape: true, into: &out, drain: flush)
            try flush.body(out)
        }
    }

    /// Where a streamed render sends its bytes once `chunk` are buffered.
    final class Drain {
        let chunk: Int
        let body: ([UInt8]) throws -> Void

        init(chunk: Int, body: @escaping ([UInt8]) throws -> Void) {
            self.chunk = chunk
            self.body = body
        }

        func callAsFunction(_ out: inout [UInt8]) throws {
            guard out.count >= chunk else { return }
            try body(out)
            out.removeAll(keepingCapacity: true)
        }
    }

    static func lookup(_ path: [String], in stack: [Frame]) throws -> Any? {
        if path == ["."] {
            switch stack.last {
            case .dict(let d)?: return d
            case .other(let o)?: return o
            case nil: return nil
            }
        }
        guard let first = path.first else { return nil }
        for frame in stack.reversed() {
            switch frame {
            case .dict(let d):
                guard var value = d[first] else { continue }
                for name in path.dropFirst() {
                    guard let inner = value as? [String: Any], let next = inner[name] else { return nil }
                    value = next
                }
                return value
            case .other(let o):
                // swift-mustache looks into other values by reflection: only plain values
                // (which have no named children) are handled here.
                switch o {
                case is String, is Int, is Bool, is Double, is [Any]: continue
                default: throw Unsupported()
                }
            }
        }
        return nil
    }

    static func render(_ nodes: [Node], stack: inout [Frame], escape: Bool, into out: inout [UInt8], drain: Drain?) throws {
        var escape = escape
        for node in nodes {
            switch node {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let path):
                guard let value = try lookup(path, in: stack) else { continue }
                let text: String
                switch value {
                case let s as String: text = s
                case let b as Bool: text = b ? "true" : "false"
                case let i as Int: text = String(i)
                case let d as Double: text = String(describing: d)
                default: throw Unsupported()
                }
                if escape {
                    var escaped = ByteText.mustacheHTMLEscape(text)
                    escaped.withUTF8 { out.append(contentsOf: $0) }
                } else {
                    var text = text
                    text.withUTF8 { out.append(contentsOf: $0) }
                }
            case .section(let path, let body):
                guard let value = try lookup(path, in: stack) else { continue }
                switch value {
                case let dicts as [[String: Any]]:
                    for element in dicts {
                        stack.append(.dict(element))
                        try render(body, stack: &stack, escape: escape, into: &out, drain: drain)
                        stack.removeLast()
                        try drain?(&out)
                    }
                case let b as Bool:
                    if b { try render(body, stack: &stack, escape: escape, into: &out, drain: drain) }
                case let elements as [Any]:
                    for element in elements {
                        stack.append(Frame(element))
                        try render(body, stack: &stack, escape: escape, into: &out, drain: drain)
                        stack.removeLast()
                    }
                case let list as TemplateList:
                    try list.forEach { element in
                        stack.append(Frame(element))
                        try render(body, stack: &stack, escape: escape, into: &out, drain: drain)
                        stack.removeLast()
                        try drain?(&out)
                    }
                case is String, is Int, is Double, is [String: Any]:
                    stack.append(Frame(value))
                    try render(body, stack: &stack, escape: escape, into: &out, drain: drain)
                    stack.removeLast()
                default:
                    throw Unsupported()
                }
            case .inverted(let path, let body):
                let value = try lookup(path, in: stack)
                switch value {
                case .none:
                    try render(body, stack: &stack, escape: escape, into: &out, drain: drain)
                case let b as Bool:
                    if !b { try render(body, stack: &stack, escape: escape, into: &out, drain: drain) }
                case let elements as [Any]:
                    if elements.isEmpty {
                        stack.append(.other(elements))
                        try render(body, stack: &stack, escape: escape, into: &out, drain: drain)
                        stack.removeLast()
                    }
                case let list as TemplateList:
                    if list.isEmpty {
                        stack.append(.other([Any]()))
                        try render(body, stack: &stack, escape: escape, into: &out, drain: drain)
                        stack.removeLast()
                    }
                case is String, is Int, is Double, is [String: Any]:
                    continue
                default:
                    throw Unsupported()
                }
            case .contentType(let e):
                escape = e
            }
        }
    }
}

/// A section's elements made one at a time, as the page is written (read from disk, say),
/// instead of an array held whole: what ``CompiledTemplate/render(_:chunk:drain:)`` takes
/// where swift-mustache takes an array. Elements are what an array element may be.
protocol TemplateList {
    var isEmpty: Bool { get }
    func forEach(_ body: (Any) throws -> Void) throws
}
