import Foundation
import Mustache
import Testing
@testable import ReadoutKit

/// The report's fast template renderer must give swift-mustache's bytes.
@Suite struct ReportRenderingTests {
    /// Renders with swift-mustache alone.
    func mustache(_ name: String, _ context: [String: Any]) throws -> String? {
        try ReportWriter.library().render(context, withTemplate: name)
    }

    func fast(_ name: String, _ context: [String: Any]) -> String? {
        ReportWriter.compiled[name]?.render(context)
    }

    @Test func reportTemplatesAreCompiled() {
        #expect(ReportWriter.compiled["report.html"] != nil)
        #expect(ReportWriter.compiled["report.md"] != nil)
    }

    @Test func reportOfReadoutsRendersAsSwiftMustacheDoes() throws {
        let texts = [
            "Japan-ROK Foreign Ministers’ Meeting\n\nOn November 26, 2023, Minister for Foreign Affairs Kamikawa Yoko held a meeting with Foreign Minister Park Jin of the Republic of Korea in Busan. Minister Kamikawa strongly condemned North Korea’s launch of a \"satellite\" & <missile>, and the two Ministers welcomed the progress.\n",
            "Call\n\nOn 3 May 2024 Secretary Blinken spoke with Foreign Minister Wong. They expressed concern about the South China Sea; the Secretary urged China to refrain from 'coercive' actions.\r\n",
            "",
            "Mixed: \u{600}\"x\" <\u{301} & \"\u{300} Minister Kamikawa welcomed\u{301} Japan\u{301}’s role.\n",
        ]
        let documents = texts.enumerated().map { k, text in
            ReportDocument(path: "d\(k)", annotated: sharedPipeline.annotate(Document(name: "d\(k).txt", text: text)))
        }
        for set in [documents, [], [documents[0]]] {
            let context = ReportWriter(documents: set).context()
            for name in ["report.html", "report.md"] {
                let expected = try mustache(name, context)
                #expect(expected != nil)
                #expect(fast(name, context) == expected, "\(name) differs")
            }
        }
    }

    @Test func subsetRendersAsSwiftMustache() throws {
        let template = """
            {{% CONTENT_TYPE: HTML}}
            <ul>
              {{#items}}
              <li>{{name}} {{a.b}}{{#flag}} yes{{/flag}}{{^flag}} no{{/flag}}</li>
              {{/items}}
            {{^items}}none{{/items}}
            </ul>  {{#items}}{{name}},{{/items}} {{ title }} {{missing}}{{#items}}{{#a}}{{b}}{{/a}}{{/items}}
              {{#obj}}{{x}} {{title}}{{/obj}}
            {{#n}}n={{n}}{{/n}} {x} { {{d}}
            """
        let context: [String: Any] = [
            "items": [["name": "<a&b>", "a": ["b": 1], "flag": true], ["name": "’q'\"", "a": [:] as [String: Any], "flag": false]],
            "title": "T & \"u\"", "obj": ["x": 3], "n": 0, "d": 0.25,
        ]
        let reference = try MustacheTemplate(string: template).render(context)
        #expect(CompiledTemplate(template)?.render(context) == reference)
        let empty: [String: Any] = ["items": [] as [Any], "title": "", "n": false]
        #expect(CompiledTemplate(template)?.render(empty) == (try MustacheTemplate(string: template).render(empty)))
    }

    @Test func unsupportedTemplatesAreRefused() {
        #expect(CompiledTemplate("{{{raw}}}") == nil)
        #expect(CompiledTemplate("{{>partial}}") == nil)
        #expect(CompiledTemplate("{{#a}}x") == nil)
        #expect(CompiledTemplate("{{name(upper)}}") == nil)
    }
}
