import Testing
@testable import ReadoutKit

@Suite struct CSVTests {
    @Test func fieldsAreQuotedAsACSVReaderSplitsThem() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("a, b") == "\"a, b\"")
        #expect(CSV.field("say \"no\"") == "\"say \"\"no\"\"\"")
        // A quote or a comma carrying a combining mark is still a quote or a comma on disk.
        #expect(CSV.field("x\"\u{301}y") == "\"x\"\"\u{301}y\"")
        #expect(CSV.field("x,\u{301}y") == "\"x,\u{301}y\"")
        // A CR LF pair (one Character in Swift) is a line break.
        #expect(CSV.field("two\r\nlines") == "\"two\r\nlines\"")
        #expect(CSV.line(["a", "b,c"]) == "a,\"b,c\"\r\n")
    }
}
