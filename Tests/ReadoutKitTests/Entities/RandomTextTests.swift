import Foundation
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

    /// Iterations: 2,000 in `swift test`; `READOUT_FUZZ_ITERATIONS` asks for more
    /// (`scripts/fuzz.sh` runs long campaigns on a release build).
    static let iterations = ProcessInfo.processInfo.environment["READOUT_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 2000
    static let seed = ProcessInfo.processInfo.environment["READOUT_FUZZ_SEED"].flatMap(UInt64.init) ?? 42

    @Test func invariantsHoldOnRandomTexts() {
        var g = Generator(state: Self.seed)
        for _ in 0..<Self.iterations {
            let count = 1 + g.next(80)
            var text = ""
            for _ in 0..<count {
                text += Self.vocabulary[g.next(Self.vocabulary.count)]
                text += [" ", " ", " ", "", "\n"][g.next(5)]
            }
            check(text)
        }
    }

    /// Random Unicode: any scalar (controls, combining marks, astral, bidi, private use).
    @Test func invariantsHoldOnRandomUnicode() {
        var g = Generator(state: Self.seed &+ 1)
        let ranges: [ClosedRange<UInt32>] = [0x0...0x7F, 0x80...0x24F, 0x300...0x36F, 0x590...0x6FF, 0x2000...0x206F,
                                             0x3000...0x30FF, 0x4E00...0x4E80, 0x1F300...0x1FAFF, 0xE000...0xE0FF, 0x10000...0x10FFFF]
        for _ in 0..<(Self.iterations / 4) {
            var text = String.UnicodeScalarView()
            for _ in 0..<(1 + g.next(120)) {
                let r = ranges[g.next(ranges.count)]
                let value = r.lowerBound + UInt32(g.next(Int(r.upperBound - r.lowerBound) + 1))
                if let scalar = Unicode.Scalar(value) { text.append(scalar) }
                if g.next(4) == 0 { text.append(contentsOf: " Minister Park Jin met the UN in Japan. ".unicodeScalars) }
            }
            check(String(text))
        }
    }

    /// Mutated readouts: pieces of a readout cut, repeated, swapped and spliced.
    @Test func invariantsHoldOnMutatedReadouts() {
        var g = Generator(state: Self.seed &+ 2)
        let base = Array((opening + "The two Ministers strongly condemned North Korea’s launch on November 21, stressing that it violates UNSC resolutions. She again urged the ROK to act; they shared serious concern about it, and affirmed that they would continue. Minister Park concurred, and looked forward to the Japan-China-ROK Trilateral Summit.\r\n  2. Back to Japan-Republic of Korea Relations").unicodeScalars)
        for _ in 0..<(Self.iterations / 4) {
            var scalars = base
            for _ in 0..<(1 + g.next(6)) {
                let a = g.next(scalars.count), b = min(scalars.count, a + g.next(40))
                switch g.next(4) {
                case 0: scalars.removeSubrange(a..<b)
                case 1: scalars.insert(contentsOf: scalars[a..<b], at: g.next(scalars.count + 1))
                case 2: scalars.insert(contentsOf: ["\u{301}", "\n", "(", "’", "\u{1F44B}", "\u{1F3FD}"][g.next(6)].unicodeScalars, at: g.next(scalars.count + 1))
                default: if b > a { scalars[a..<b].reverse() }
                }
                if scalars.isEmpty { scalars = base }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            check(String(view))
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
