import Foundation
import Testing
@testable import ReadoutKit

@Suite struct UTF8ValidationTests {
    @Test func acceptsValidText() throws {
        try UTF8Validation.validate(Array("Japan 🇯🇵 日本 e\u{301}".utf8))
        try UTF8Validation.validate([])
    }

    @Test func reportsTheFirstBadByte() {
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 0)) { try UTF8Validation.validate([0xFF, 0x41]) }
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 3)) { try UTF8Validation.validate([0x41, 0x42, 0x43, 0xC3, 0x28]) }
        // A multi-byte character cut off at the end.
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 2)) { try UTF8Validation.validate([0x41, 0x42, 0xE6, 0x97]) }
        // Overlong encoding of "/" and an encoded surrogate.
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 0)) { try UTF8Validation.validate([0xC0, 0xAF]) }
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 1)) { try UTF8Validation.validate([0x20, 0xED, 0xA0, 0x80]) }
        // Above U+10FFFF.
        #expect(throws: TextDecodingError.invalidUTF8(byteOffset: 0)) { try UTF8Validation.validate([0xF4, 0x90, 0x80, 0x80]) }
    }

    @Test func recognizesUTF16() {
        #expect(throws: TextDecodingError.utf16(bigEndian: false)) { try UTF8Validation.validate([0xFF, 0xFE, 0x41, 0x00]) }
        #expect(throws: TextDecodingError.utf16(bigEndian: true)) { try UTF8Validation.validate([0xFE, 0xFF, 0x00, 0x41]) }
        let noBOM = Array("Japan and Korea".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(throws: TextDecodingError.utf16(bigEndian: false)) { try UTF8Validation.validate(noBOM) }
    }

    @Test func rejectsBinaryWithNUL() {
        #expect(throws: TextDecodingError.binary(byteOffset: 5)) { try UTF8Validation.validate(Array("Hello\0world, this is longer text".utf8)) }
    }
}

@Suite struct CodePointIndexTests {
    /// Each case: a text, and a substring whose code point offsets must round-trip.
    static let hardTexts: [(String, String)] = [
        ("🇺🇳 and 🇯🇵 flags: Japan", "Japan"),
        ("skin tones 👋🏽👋🏿 then Korea", "Korea"),
        ("family 👨‍👩‍👧‍👦 ZWJ then China", "China"),
        ("叶 and 日本語 then ROK", "ROK"),
        ("combining Cafe\u{301} and n\u{303} then Busan", "Busan"),
        ("astral 𝔘𝔑 𐍈 then UN", "UN"),
        ("CRLF\r\nline two\r\nJapan", "Japan"),
        ("\u{FEFF}BOM first, then Japan", "Japan"),
    ]

    @Test(arguments: hardTexts)
    func convertsByteOffsetsToCodePoints(text: String, needle: String) throws {
        let doc = Document(name: "t", text: text)
        let index = CodePointIndex(doc)
        let range = try #require(text.range(of: needle))
        let byteStart = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let byteEnd = byteStart + needle.utf8.count
        let start = index.codePoint(atByte: byteStart)
        let end = index.codePoint(atByte: byteEnd)
        #expect(codePointSlice(text, start, end) == needle)
        #expect(index.scalarCount == text.unicodeScalars.count)
    }

    @Test func worksAcrossCheckpoints() {
        let text = String(repeating: "é🇺🇳x", count: 200)
        let doc = Document(name: "t", text: text)
        let index = CodePointIndex(doc)
        var scalars = 0
        var bytes = 0
        for scalar in text.unicodeScalars {
            #expect(index.codePoint(atByte: bytes) == scalars)
            bytes += String(scalar).utf8.count
            scalars += 1
        }
        #expect(index.codePoint(atByte: bytes) == scalars)
    }
}

@Suite struct SHA256Tests {
    @Test func matchesKnownDigests() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

@Suite struct WordSetTests {
    /// Words and queries where byte equality and String equality differ, or where the
    /// short-word table cannot answer (over 16 bytes, non-ASCII).
    static let words = [
        "Summit", "’s", "K9", "caf\u{E9}", "n\u{303}o", "semicolon;", "a`b", "",
        "exactly16bytes!!", "seventeen bytes!!", "Ministerial", "日本",
    ]
    static let queries = words + [
        "summit", "SUMMIT", "Summi", "Summitt", "\u{212A}9", "cafe\u{301}", "\u{F1}o", "semicolon\u{37E}",
        "a\u{1FEF}b", "exactly16bytes!", "exactly16bytes!!!", "seventeen bytes!!", "日本", "日", "'s",
        "x", " ", "Ministeria", "Ministerials", "\u{212B}", "\u{C5}",
    ]

    @Test func answersAsSetOfString() {
        let reference = Set(Self.words)
        let set = WordSet(Self.words)
        for query in Self.queries {
            #expect(set.contains(query) == reference.contains(query), "\(query.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(set.contains("\u{212A}9"))
        #expect(set.contains("cafe\u{301}"))
        #expect(!set.contains("summit"))
        #expect(set.count == reference.count)
    }

    @Test func mapAnswersAsDictionary() {
        let reference = Dictionary(uniqueKeysWithValues: Self.words.enumerated().map { ($1, $0) })
        let map = WordMap(reference)
        for query in Self.queries { #expect(map[query] == reference[query]) }
    }

    @Test func manyWordsKeepTheirValues() {
        let words = (0..<5000).map { "w\($0)" }
        let map = WordMap(Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, $0) }))
        for (i, word) in words.enumerated() { #expect(map[word] == i) }
        #expect(map["w5000"] == nil)
    }
}

@Suite struct ByteSearchTests {
    /// The byte searches answer as Foundation's `contains` and a search of the lowered text do,
    /// on texts with the characters they pass (accents, dashes, quotes, CJK) and those they
    /// leave to Foundation (combining marks, joiners, the Kelvin sign).
    @Test func byteSearchesAgreeWithFoundation() {
        let pieces = ["met", " met ", "visit", "e", "\u{301}", "\u{200D}", "\u{FE0F}", "é", "–", "’", "\u{A0}", "\u{AD}",
                      "日本", "K", "\u{212A}", "k", "À", "A\u{300}", "call with", "Hour", "MINUTE", "🇯🇵", "\r\n", " "]
        let needles = ["met", " met ", "visit", "e", "k", "call with", "a", "hour", "minute"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let haystack = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for needle in needles {
                #expect(ByteText.foundationContains(haystack, needle) == haystack.contains(needle), "\(haystack.debugDescription) \(needle)")
            }
            for needle: StaticString in ["hour", "minute"] where ByteText.containsBytes(haystack.lowercased(), needle.description) {
                #expect(ByteText.containsASCIICaseInsensitive(haystack, needle), "\(haystack.debugDescription)")
            }
        }
    }
}
