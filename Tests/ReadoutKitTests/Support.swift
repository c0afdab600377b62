import Foundation
@testable import ReadoutKit

/// One pipeline over the built-in lexicons, shared by the tests.
let sharedPipeline: Pipeline = {
    do { return try Pipeline() } catch { fatalError("built-in lexicons do not load: \(error)") }
}()

/// Annotates a text and returns (label, covered text) pairs of the mentions.
func mentions(_ text: String, _ labels: Set<EntityLabel>? = nil) -> [(EntityLabel, String)] {
    let doc = Document(name: "t.txt", text: text)
    return sharedPipeline.annotate(doc).mentions
        .filter { labels?.contains($0.label) ?? true }
        .map { ($0.label, doc.text(of: $0.span)) }
}

/// The covered texts of mentions with one label.
func texts(_ text: String, _ label: EntityLabel) -> [String] {
    mentions(text, [label]).map(\.1)
}

/// The reference ids of mentions whose covered text is `surface`.
func ids(_ text: String, of surface: String) -> [String] {
    let doc = Document(name: "t.txt", text: text)
    return sharedPipeline.annotate(doc).mentions
        .filter { doc.text(of: $0.span) == surface }
        .flatMap { $0.references.map(\.id) }
}

/// Slices a string by code points, as Python and brat do.
func codePointSlice(_ text: String, _ start: Int, _ end: Int) -> String {
    let scalars = Array(text.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
}
