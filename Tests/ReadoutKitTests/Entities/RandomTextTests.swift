import Testing
@testable import ReadoutKit

/// Random readout-like texts through the whole pipeline: no crash, and every invariant of
/// the output holds (spans on scalar boundaries and inside the text, covered text equal to
/// its slice, a flat layer without overlaps, stance holders that exist).
@Suite struct RandomTextTests {
    static let vocabulary: [String] = [
        "Minister", "Foreign", "Prime", "H.E.", "Dr.", "Mr.", "Ms.", "Kamikawa", "Yoko", "Park", "Jin",
        "Wang", "Yi", "Blinken", "Japan", "ROK", "Republic", "of", "Korea", "the", "The", "two",
        "Ministers", "leaders", "both", "sides", "they", "she", "he", "it", "was", "is", "that",
        "strongly", "condemned", "welcomed", "regrettable", "unacceptable", "not", "again",
        "reiterated", "expressed", "her", "their", "appreciation", "support", "for", "to", "and",
        ",", ".", ";", "(", ")", "’s", "'s", "-", "“", "”", "2+2", "Meeting", "Summit", "Council",
        "United", "Nations", "Security", "UNSC", "(UNSC)", "November", "26", "2023", "09:00",
        "a.m.", "U.S.", "would", "like", "hope", "looked", "forward", "concurred", "shared", "view",
        "\n", "\r\n", "  1.", "🇯🇵", "👨‍👩‍👧", "日本", "e\u{301}", "\u{FEFF}", "\u{200D}", "Back",
        "Bureau", "Ministry", "Court", "Seoul", "High", "late", "April", "said", "stated", "concern",
        "about", "could", "accept", "sympathy", "condolence", "East", "South", "China", "Sea",
    ]

    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    @Test func invariantsHoldOnRandomTexts() {
        var g = Generator(state: 42)
        for _ in 0..<2000 {
            let count = 1 + g.next(80)
            var text = ""
            for _ in 0..<count {
                text += Self.vocabulary[g.next(Self.vocabulary.count)]
                text += [" ", " ", " ", "", "\n"][g.next(5)]
            }
            check(text)
        }
    }

    func check(_ text: String) {
        let doc = Document(name: "r", text: text)
        let annotated = sharedPipeline.annotate(doc)
        let n = doc.bytes.count
        for m in annotated.mentions {
            #expect(m.span.start >= 0 && m.span.end <= n && m.span.start < m.span.end)
            #expect(doc.isScalarBoundary(m.span.start) && doc.isScalarBoundary(m.span.end))
        }
        let flat = annotated.mentions.filter(\.label.isFlat).map(\.span).sorted()
        for (a, b) in zip(flat, flat.dropFirst()) { #expect(a.end <= b.start, "flat overlap in \(text.debugDescription)") }
        let holderSpans = Set(annotated.mentions.filter { $0.label.isFlat || $0.label == .actor }.map(\.span))
        for s in annotated.stances {
            #expect(!s.holders.isEmpty)
            for h in s.holders { #expect(holderSpans.contains(h), "missing holder in \(text.debugDescription)") }
            if let t = s.target { #expect(t.start < t.end && t.end <= n) }
        }
        let problems = Checker.check(ann: BratWriter.ann(annotated), text: text)
        #expect(problems.isEmpty, "\(problems) in \(text.debugDescription)")
    }
}
