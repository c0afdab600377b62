import Testing
@testable import ReadoutKit

@Suite struct SentenceTests {
    func sentences(_ text: String) -> [String] {
        let doc = Document(name: "t", text: text)
        return sharedPipeline.segmenter.segment(doc).sentences.map { doc.text(of: $0) }
    }

    @Test func titlesAndHonorificsDoNotEndSentences() {
        let s = sentences("Minister Ota met H.E. Dr. Lee Min, Minister of Trade. The two sides talked.")
        #expect(s == ["Minister Ota met H.E. Dr. Lee Min, Minister of Trade.", "The two sides talked."])
        // Highnesses and majesties too.
        let h = sentences("Minister Ota met H.H. Sheikh Hamad and H.R.H. Prince Ali. They met H.M. King Abdullah.")
        #expect(h == ["Minister Ota met H.H. Sheikh Hamad and H.R.H. Prince Ali.", "They met H.M. King Abdullah."])
        #expect(sentences("She received H. E. Mr. Tan Wei at noon.").count == 1)
    }

    @Test func anAcronymEndsASentenceThatICUWouldGoOn() {
        // ICU's English exceptions keep "ROK." and "NATO." inside a sentence.
        #expect(sentences("They backed the ROK. Both Ministers agreed. It stays in NATO. The talks ended.")
            == ["They backed the ROK.", "Both Ministers agreed.", "It stays in NATO.", "The talks ended."])
        // Abbreviations of the list and lower-case continuations stay.
        #expect(sentences("Dr. Park met Mr. Lee at the U.S. Embassy.") == ["Dr. Park met Mr. Lee at the U.S. Embassy."])
    }

    @Test func clockTimesStayInside() {
        let s = sentences("The call began at 10:30 a.m. and lasted an hour. Then it ended.")
        #expect(s == ["The call began at 10:30 a.m. and lasted an hour.", "Then it ended."])
    }

    @Test func usGoesOnUnlessASentenceStarts() {
        #expect(sentences("They met the U.S. Secretary of State in Rome.").count == 1)
        #expect(sentences("They will work with the U.S. and the ROK on this.").count == 1)
        #expect(sentences("They thanked the U.S. The meeting then closed.").count == 2)
        #expect(sentences("Antony J. Blinken spoke today.").count == 1)
    }

    @Test func headerLinesListMarkersAndBackLinesStandAlone() {
        let text = """
            Relations between two states

            March 3, 2024
            Two ministers shaking hands
              1. At the outset, the Minister spoke.
              (2) The two sides then agreed.
            Back to Relations
            """
        #expect(sentences(text) == [
            "Relations between two states", "March 3, 2024", "Two ministers shaking hands",
            "At the outset, the Minister spoke.", "The two sides then agreed.", "Back to Relations",
        ])
    }

    @Test func hardWrappedLinesJoin() {
        #expect(sentences("The Minister stated that the two\ncountries would cooperate.").count == 1)
    }

    @Test func japaneseAndChineseSegment() {
        let s = sentences("日本とインドの外相が会談した。双方は協力を確認した。中国外交部表示欢迎。")
        #expect(s.count == 3)
    }

    @Test func emptyAndBlankTextsHaveNoSentences() {
        #expect(sentences("").isEmpty)
        #expect(sentences(" \n\t\r\n ").isEmpty)
    }
}

@Suite struct TokenTests {
    func tokens(_ text: String) -> [(String, TokenKind)] {
        let doc = Document(name: "t", text: text)
        return sharedPipeline.segmenter.segment(doc).tokens.map { (doc.text(of: $0.span), $0.kind) }
    }

    @Test func kindsComeFromICURuleStatus() {
        let t = tokens("Japan 2024 . 日本 テキスト")
        #expect(t.map(\.0) == ["Japan", "2024", ".", "日本", "テキスト"])
        #expect(t.map(\.1) == [.word, .number, .punctuation, .ideographic, .ideographic])
        #expect(tokens("ひらがな").allSatisfy { $0.1 == .kana || $0.1 == .ideographic })
    }

    @Test func possessivesSplitFromTheirWord() {
        #expect(tokens("North Korea’s launch").map(\.0) == ["North", "Korea", "’s", "launch"])
        #expect(tokens("Japan's role").map(\.0) == ["Japan", "'s", "role"])
        #expect(tokens("its").map(\.0) == ["its"])
    }

    @Test func hyphensSplitCompounds() {
        #expect(tokens("Japan-China-ROK").map(\.0) == ["Japan", "-", "China", "-", "ROK"])
    }

    @Test func whiteSpaceIsNotAToken() {
        #expect(tokens(" a\u{00A0}b\u{3000}c\r\n").map(\.0) == ["a", "b", "c"])
    }
}

/// The ASCII shortcut of `tokenTexts` must split as ICU does.
@Suite struct ASCIIWordsTests {
    @Test func asciiWordsSplitAsICUDoes() throws {
        let breaker = try Breaker(kind: .word, locale: Segmenter.locale)
        var samples = sharedPipeline.lexicon.entries.flatMap(\.surfaceForms)
        samples += ["", " ", "  Foo  Bar ", "McDonald", "a b c", "ABC def", "Foo-Bar", "U.S.", "O'Brien", "Japan's", "x1", "Ünal"]
        var checked = 0
        for s in samples {
            let bytes = Array(s.utf8)
            let icu = Segmenter.tokens(of: bytes, breaker: breaker).map { Segmenter.text($0, bytes) }
            if let fast = Segmenter.asciiWords(s) {
                #expect(fast == icu, "\(s)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test func byteLinesMatchCharacterLines() {
        let samples = ["", "\n", "a\nb", "a\r\nb\r\n\r\nc", "x\u{0B}y\u{0C}z", "a\u{85}b\u{2028}c\u{2029}d",
                       "\n\u{301}x\n", "\u{FEFF}Title\r\n\r\nBody é\u{301} 🇯🇵\n", "\r\u{301}\n", "中文\n日本\r"]
        for s in samples {
            #expect(ByteText.lines(Array(s.utf8)[...]) == s.split(whereSeparator: \.isNewline).map(String.init), "\(s.debugDescription)")
        }
        // A cut inside a character decodes as the Character split of the same cut does.
        let cut = Array("Title\nMinisters met 日本".utf8).dropLast(2)
        #expect(ByteText.lines(cut) == String(decoding: cut, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init))
    }

    @Test func byteSplitMatchesCharacterSplit() {
        for s in ["a|b||c", "|a|", "", "x", "a|\u{301}b|c", "Foo Bar  Baz", " \u{301}x y"] {
            for omit in [true, false] {
                #expect(ByteText.split(s, UInt8(ascii: "|"), omittingEmptySubsequences: omit)
                        == s.split(separator: "|", omittingEmptySubsequences: omit).map(String.init))
                #expect(ByteText.split(s, UInt8(ascii: " "), omittingEmptySubsequences: omit)
                        == s.split(separator: " ", omittingEmptySubsequences: omit).map(String.init))
            }
        }
    }
}
