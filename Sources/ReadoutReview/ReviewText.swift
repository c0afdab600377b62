/// A document's text as the review sees it: code points (brat's offsets) and the boundaries of
/// user-perceived characters, so that no span starts or ends inside an "é" written as e + ◌́,
/// a flag or an emoji sequence.
struct ReviewText: Sendable {
    let text: String
    let scalars: [Unicode.Scalar]
    /// `isBoundary[k]`: code point offset `k` lies between two characters (grapheme clusters).
    private let isBoundary: [Bool]

    init(_ text: String) {
        self.text = text
        scalars = Array(text.unicodeScalars)
        var boundary = [Bool](repeating: false, count: scalars.count + 1)
        var offset = 0
        boundary[0] = true
        for character in text {
            offset += character.unicodeScalars.count
            boundary[offset] = true
        }
        isBoundary = boundary
    }

    var count: Int { scalars.count }

    func slice(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// The span `[start, end)` checked for use as an annotation, or the reason it cannot be one.
    func validate(start: Int?, end: Int?, what: String = "span") throws(APIError) -> Range<Int> {
        guard let start, let end else {
            throw APIError(.badRequest, "the \(what) needs 'start' and 'end' (code point offsets)")
        }
        guard start >= 0, end <= count else {
            throw APIError(.unprocessable, "the \(what) \(start)–\(end) lies outside the text, which has \(count) code points")
        }
        guard start < end else {
            throw APIError(.unprocessable, "the \(what) \(start)–\(end) is empty: 'end' must be greater than 'start'")
        }
        for offset in [start, end] where !isBoundary[offset] {
            var from = offset, to = offset
            while !isBoundary[from] { from -= 1 }
            while !isBoundary[to] { to += 1 }
            throw APIError(.unprocessable, "offset \(offset) falls inside the character \"\(slice(from, to))\" (code points \(from)–\(to)); a span must start and end between characters")
        }
        if scalars[start].properties.isWhitespace || scalars[end - 1].properties.isWhitespace {
            throw APIError(.unprocessable, "the \(what) \"\(slice(start, end))\" starts or ends with white space")
        }
        if scalars[start..<end].contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            throw APIError(.unprocessable, "the \(what) \(start)–\(end) crosses a line break, which a brat annotation cannot")
        }
        return start..<end
    }
}
