import Testing
@testable import ReadoutKit

@Suite struct FlatLayerTests {
    @Test func countriesInHyphenatedCompoundsSplit() {
        #expect(texts("The Japan-China-ROK process goes on.", .place) == ["Japan", "China", "ROK"])
        #expect(texts("A U.S.-Japan summit took place.", .place) == ["U.S.", "Japan"])
    }

    @Test func aRoleThenATitledNameAreTwoPeople() {
        let text = "Secretary Ekene Adaeze met Foreign Minister Lio Wenbo. The Secretary and Foreign Minister Lio discussed trade."
        #expect(texts(text, .title) == ["Secretary", "Foreign Minister", "Foreign Minister"])
        // Without "the", or with no earlier title of that role, the offices chain into one title.
        #expect(texts("He met Deputy Prime Minister and Minister of Foreign Affairs Lio Wenbo.", .title) == ["Deputy Prime Minister and Minister of Foreign Affairs"])
        #expect(texts("He met the Deputy Prime Minister and Foreign Minister Lio Wenbo.", .title) == ["Deputy Prime Minister and Foreign Minister"])
        // Each office of a slashed title was given: "High Representative/Vice-President".
        let slashed = "High Representative/Vice-President Ekene Adaeze met Minister Lio Wenbo. The High Representative and Minister Lio discussed trade."
        #expect(texts(slashed, .title) == ["High Representative/Vice-President", "Minister", "Minister"])
        let both = stances(slashed + " The High Representative and the Minister welcomed the talks. They urged restraint.")
        #expect(both.map(\.ids) == [["ekene-adaeze", "lio-wenbo"], ["ekene-adaeze", "lio-wenbo"]])
    }

    @Test func theFrenchPresidentsTitle() {
        #expect(texts("The President of the Republic, Ada Okafor, spoke with the President of the Republic of Korea, Lio Wenbo.", .title)
            == ["President of the Republic", "President of the Republic of Korea"])
    }

    @Test func aGeographicPrefixMakesAnAdjective() {
        #expect(texts("The Trans-Pacific Partnership, pan-African unity and the anti-Japan demonstrations.", .place) == ["Japan"])
    }

    @Test func aSeasOneWordNameBeforeANounIsAnAdjective() {
        let text = "The Pacific trade bloc, the Pacific Bond Policy and Mediterranean countries; peace in the Pacific and the Pacific region."
        #expect(texts(text, .place) == ["Pacific", "Pacific"])
    }

    @Test func anOrganizationEndsBeforeAPersonsFullName() {
        let text = "Director of the Office of the Central Foreign Affairs Commission Wang Yi held talks."
        #expect(texts(text, .organization) == ["Office of the Central Foreign Affairs Commission"])
        #expect(texts(text, .person) == ["Wang Yi"])
    }

    @Test func theAcronymOfAnAgreementIsNoBody() {
        // The lexicon's SPA is a press agency.
        #expect(texts("They promoted the Strategic Partnership Agreement (SPA) with the International Atomic Energy Agency (IAEA).", .organization)
            == ["International Atomic Energy Agency", "IAEA"])
    }

    @Test func euroAtlanticIsARegionLikeTheIndoPacific() {
        #expect(texts("The security of the Euro-Atlantic and Indo-Pacific regions is linked.", .place) == ["Euro-Atlantic", "Indo-Pacific"])
    }

    @Test func aNameSetOffAfterACoordinatedRoleIsAPerson() {
        let text = "Japan's Minister for Foreign Affairs, Kamikawa Yoko, and Minister of Defense, Ekene Adaeze, met in Tokyo. He met the Minister of Trade, Japan, and others."
        #expect(texts(text, .person) == ["Kamikawa Yoko", "Ekene Adaeze"])
    }

    @Test func possessivesStayOutside() {
        #expect(texts("They deplored North Korea’s test and Japan's stance.", .place) == ["North Korea", "Japan"])
    }

    @Test func longestMatchWins() {
        let text = "The Seoul High Court ruled, and the United Nations Security Council met in Seoul."
        #expect(texts(text, .organization) == ["Seoul High Court", "United Nations Security Council"])
        #expect(texts(text, .place) == ["Seoul"])
        #expect(ids(text, of: "United Nations Security Council") == ["UNSC"])
    }

    @Test func countryIdsAreAlpha3() {
        let text = "Officials of the Republic of Korea, the DPRK, Viet Nam and Türkiye met."
        #expect(ids(text, of: "Republic of Korea") == ["KOR"])
        #expect(ids(text, of: "DPRK") == ["PRK"])
        #expect(ids(text, of: "Viet Nam") == ["VNM"])
        #expect(ids(text, of: "Türkiye") == ["TUR"])
    }

    @Test func demonymsAreNotEntities() {
        #expect(texts("Japanese and Korean officials met North Korean envoys.", .place).isEmpty)
    }

    @Test func commonNounsAreNotEntities() {
        let text = "The Government said the Ministers would walk in the park."
        #expect(mentions(text, [.person, .place, .organization]).isEmpty)
    }

    @Test func acronymInParenthesesBecomesAnAlias() {
        let text = "The Pacific Tuna Council (PTC) met. Later the PTC issued a statement."
        #expect(texts(text, .organization) == ["Pacific Tuna Council", "PTC", "PTC"])
        let ptc = ids(text, of: "PTC")
        #expect(ptc.count == 2 && Set(ptc) == Set(ids(text, of: "Pacific Tuna Council")))
    }

    @Test func aMeetingAcronymWithItsNumberNamesTheMeeting() {
        let text = "They met at the Ninth Tokyo International Conference on African Development (TICAD 9) in Yokohama. Both welcomed the outcome of TICAD 9 and of the East Asia Summit (EAS). The EAS met. TICAD was old."
        #expect(texts(text, .meeting) == ["Ninth Tokyo International Conference on African Development", "TICAD 9", "TICAD 9", "East Asia Summit", "EAS", "EAS"])
    }

    @Test func anAcronymThatDoesNotAbbreviateIsNotAnAlias() {
        #expect(texts("They back a free Indo-Pacific (FOIP) order.", .place) == ["Indo-Pacific"])
    }

    @Test func coordinatedSeasAreOnePlaceWithTwoIds() {
        let text = "They discussed the East and South China Sea."
        #expect(texts(text, .place) == ["East and South China Sea"])
        #expect(ids(text, of: "East and South China Sea").count == 2)
        // With a plural head, in either order.
        let plural = "They discussed the East and South China Seas, then the South and East China Seas, and Japan and China."
        #expect(texts(plural, .place) == ["East and South China Seas", "South and East China Seas", "Japan", "China"])
        #expect(ids(plural, of: "South and East China Seas") == ["south-china-sea", "east-china-sea"])
        // A plural right after "and X", also at the end of the text: no sea, no trap.
        #expect(texts("Japan and Korea Teams", .place) == ["Japan", "Korea"])
        #expect(texts("Japan and Korea", .place) == ["Japan", "Korea"])
    }

    @Test func organizationsByHeadNoun() {
        #expect(texts("Officials of the Pacific and Arctic Affairs Bureau attended.", .organization) == ["Pacific and Arctic Affairs Bureau"])
        #expect(texts("The Ministry of Fisheries and Oceans agreed.", .organization) == ["Ministry of Fisheries and Oceans"])
        #expect(texts("The Coast Guard Law was discussed.", .organization).isEmpty)
        #expect(texts("They dined at the State Guest House.", .organization).isEmpty)
        // "and the", name words and a head start a second name.
        #expect(texts("The Lagos Institute of Maritime Law and the Accra Institute of Public Policy signed.", .organization)
            == ["Lagos Institute of Maritime Law", "Accra Institute of Public Policy"])
        // "People's" inside a name.
        #expect(texts("Members of the People's Unity Party attended.", .organization) == ["People's Unity Party"])
    }

    @Test func aRoleAfterAndEndsAnOrganizationsName() {
        let text = "Member of the Standing Bureau of the Harbour Party Central Committee and Foreign Minister Lio Wenbo held talks."
        #expect(texts(text, .organization) == ["Standing Bureau of the Harbour Party Central Committee"])
        #expect(texts(text, .title).contains("Foreign Minister"))
        #expect(texts(text, .person) == ["Lio Wenbo"])
        // "and the" + a head starts a second name; "and" + a word that is no head does not.
        #expect(texts("Officials of the Ministry of Foreign Affairs and the Ministry of Trade attended.", .organization)
            == ["Ministry of Foreign Affairs", "Ministry of Trade"])
        #expect(texts("Officials of the Ministry of Harbours and Fisheries attended.", .organization) == ["Ministry of Harbours and Fisheries"])
        #expect(texts("Officials of the Harbour Cooperation Organisation and the African Union attended.", .organization)
            == ["Harbour Cooperation Organisation", "African Union"])
        // "of the" + a title word still continues a name.
        #expect(texts("The Office of the Spokesperson said so.", .organization) == ["Office of the Spokesperson"])
    }
}

@Suite struct PersonTests {
    @Test func aFamilyNameCommaAndHyphenatedGivenName() {
        let text = "Minister of Foreign Affairs Kang, Kyung-wha had a meeting with Minister Lio, who arrived."
        #expect(texts(text, .person) == ["Kang, Kyung-wha", "Lio"])
        #expect(ids(text, of: "Kang, Kyung-wha") == ["kang-kyung-wha"])
    }

    @Test func aNameAfterATitleIsAPersonEvenWhenUnknown() {
        let text = "Foreign Minister Ekene Adaeze received H.E. Mr. Adebayo Okonkwo in Lagos."
        #expect(texts(text, .person) == ["Ekene Adaeze", "Adebayo Okonkwo"])
        #expect(ids(text, of: "Adebayo Okonkwo") == ["adebayo-okonkwo"])
        #expect(texts(text, .title) == ["Foreign Minister", "H.E. Mr."])
    }

    @Test func particlesInsideNames() {
        #expect(texts("President Luiz Inácio Lula da Silva met Commissioner Anna van der Berg in Brasília.", .person) == ["Luiz Inácio Lula da Silva", "Anna van der Berg"])
        // Not a particle at the end of a name: "Minister Ekene de" stops before "de".
        #expect(texts("Minister Ekene de facto agreed.", .person) == ["Ekene"])
    }

    @Test func lexiconPeopleInEitherNameOrder() {
        #expect(ids("Yoko Kamikawa spoke.", of: "Yoko Kamikawa") == ["kamikawa-yoko"])
        #expect(ids("Ms. Kamikawa Yoko spoke.", of: "Kamikawa Yoko") == ["kamikawa-yoko"])
        #expect(ids("Minister KAMIKAWA Yoko spoke.", of: "KAMIKAWA Yoko") == ["kamikawa-yoko"])
    }

    @Test func aSurnameResolvesToTheFullNameMetEarlier() {
        let text = "Ms. Kamikawa Yoko met Foreign Minister Ekene Adaeze. Minister Kamikawa thanked him. Adaeze agreed."
        #expect(ids(text, of: "Kamikawa") == ["kamikawa-yoko"])
        #expect(ids(text, of: "Adaeze") == ["ekene-adaeze"])
    }

    @Test func aLoneSurnameNeedsContext() {
        // A surname in the lexicon, with no title and no full name in the document, is left alone.
        #expect(texts("Kamikawa is a town.", .person).isEmpty)
    }

    @Test func commonWordsFromNamesAreNotTagged() {
        let text = "Minister Park Jin spoke. They met in a park by the Chosen Tsushinshi memorial."
        #expect(texts(text, .person) == ["Park Jin"])
    }

    @Test func aFormOfStateBeforeACountryIsOnePlace() {
        let text = "Minister for Foreign Affairs of the Kingdom of Japan Ekene Adaeze met the President of the Federal Republic of Brazil."
        #expect(texts(text, .place) == ["Kingdom of Japan", "Federal Republic of Brazil"])
        #expect(ids(text, of: "Kingdom of Japan") == ["JPN"])
        #expect(texts(text, .title).first == "Minister for Foreign Affairs of the Kingdom of Japan")
        // Names of the lexicon stay as they are.
        #expect(ids("The Republic of Korea and Japan met.", of: "Republic of Korea") == ["KOR"])
    }

    @Test func anHonorificAfterTheContinuesATitle() {
        #expect(texts("Senator the Hon Ekene Adaeze met Lio Wenbo.", .title) == ["Senator the Hon"])
        #expect(texts("Senator the Hon Ekene Adaeze met Lio Wenbo.", .person) == ["Ekene Adaeze"])
    }

    @Test func aHyphenatedSurnameIsKnownAsAWhole() {
        let text = "President Ekene Abdel-Adaeze met Minister Lio Wenbo. President Abdel-Adaeze thanked him, and Abdel-Adaeze left. Then Abdel-Karim spoke."
        #expect(texts(text, .person) == ["Ekene Abdel-Adaeze", "Lio Wenbo", "Abdel-Adaeze", "Abdel-Adaeze"])
        #expect(Set(ids(text, of: "Abdel-Adaeze")) == ["ekene-abdel-adaeze"])
    }

    @Test func wordsBeforeATitleThatBelongToIt() {
        let text = "Acting Foreign Minister Ekene Adaeze met former President Lio Wenbo and Interim Prime Minister Ada Okafor."
        #expect(texts(text, .title) == ["Acting Foreign Minister", "former President", "Interim Prime Minister"])
        #expect(texts(text, .person) == ["Ekene Adaeze", "Lio Wenbo", "Ada Okafor"])
    }

    @Test func officesJoinedByASlashAreOneTitle() {
        let text = "Deputy Prime Minister/Foreign Minister Ekene Adaeze met Lio Wenbo."
        #expect(texts(text, .title) == ["Deputy Prime Minister/Foreign Minister"])
        #expect(texts(text, .person) == ["Ekene Adaeze"])
    }

    @Test func fieldsOfOfficeAndRegionsInTitles() {
        let text = "Minister of State for the Indo-Pacific Ekene Adaeze met Minister of Foreign Affairs, Trade and Development Lio Wenbo and Minister for Foreign Affairs and Worship Ada Okafor."
        #expect(texts(text, .title) == [
            "Minister of State for the Indo-Pacific", "Minister of Foreign Affairs, Trade and Development",
            "Minister for Foreign Affairs and Worship",
        ])
        #expect(texts(text, .person) == ["Ekene Adaeze", "Lio Wenbo", "Ada Okafor"])
        // A possessor after "for" is no part of a title.
        #expect(texts("Minister Park thanked Prime Minister Ekene Adaeze for Japan's support.", .title) == ["Minister", "Prime Minister"])
    }

    @Test func officeFieldsWithANationalityOrAUnionAndANameAtTheSentenceEnd() {
        let text = "He met the Minister of Foreign Affairs, Emigration and Ghanaian Expatriates of the Republic of Ghana, Ekene Adaeze."
        #expect(texts(text, .title) == ["Minister of Foreign Affairs, Emigration and Ghanaian Expatriates of the Republic of Ghana"])
        #expect(texts(text, .person) == ["Ekene Adaeze"])
        let union = "She met the Minister of Foreign Affairs, European Union and Cooperation of Spain, Lio Wenbo."
        #expect(texts(union, .title) == ["Minister of Foreign Affairs, European Union and Cooperation of Spain"])
        #expect(texts(union, .person) == ["Lio Wenbo"])
        // The last item of a list is no name set off.
        #expect(texts("She met the Minister of Trade, the Minister of Defence, Ghana Ports.", .person).isEmpty)
    }

    @Test func aPostnominalTitleMayCloseANameSetOff() {
        let text = "The Tánaiste and Minister for Foreign Affairs and Trade, Ekene Adaeze TD, met the press."
        #expect(texts(text, .person) == ["Ekene Adaeze"])
        #expect(texts(text, .title) == ["Tánaiste and Minister for Foreign Affairs and Trade", "TD"])
        #expect(texts("The President of the Government, Lio Wenbo, met the King.", .title) == ["President of the Government"])
    }

    @Test func aRoleSetOffBeforeANameIsATitle() {
        let text = "The Foreign Secretary, Ekene Adaeze, met Minister Park in Seoul."
        #expect(texts(text, .title).contains("Foreign Secretary"))
        #expect(texts(text, .person).contains("Ekene Adaeze"))
        // Without a name after the comma the role stays untagged.
        #expect(!texts("The Foreign Secretary, in turn, spoke first.", .title).contains("Foreign Secretary"))
        // An article may open the honorific or the name set off.
        let article = "Deputy Prime Minister and Minister for Defence, the Hon Ekene Adaeze MP, met the Minister for Trade, the Chair of the panel."
        #expect(texts(article, .title) == ["Deputy Prime Minister and Minister for Defence", "Hon", "MP"])
    }

    @Test func namesSetOffBeforeARole() {
        #expect(texts("Attending were Nnamdi Eze, Permanent Representative to the United Nations.", .person) == ["Nnamdi Eze"])
    }

    @Test func aLowercaseRoleAfterANameIsATitle() {
        #expect(texts("She met Dr. Kang Kyung-wha, minister of Foreign Affairs of the ROK, in Seoul.", .title)
            .contains("minister of Foreign Affairs of the ROK"))
        // Without a field or a country it is a common noun.
        #expect(texts("She met Kang Kyung-wha, minister and friend.", .title).isEmpty)
    }

    @Test func aLowercaseRoleAfterANationalityBeforeANameIsATitle() {
        #expect(texts("The talks between President Lula and Chilean president Gabriel Boric went well.", .title) == ["President", "Chilean president"])
        #expect(texts("The talks with North Korean leader Kim Jong Un went well.", .title) == ["North Korean leader"])
        // No name after it: a common noun.
        #expect(texts("The Chilean president said so.", .title).isEmpty)
    }

    @Test func anEnvoysTitleGoesOnWithTo() {
        #expect(texts("He met Ambassador of Brazil to Japan Silva.", .title) == ["Ambassador of Brazil to Japan"])
        #expect(texts("She met Tanaka Aiko, Permanent Representative of Japan to the United Nations.", .title)
            == ["Permanent Representative of Japan to the United Nations"])
        // Other titles do not take "to".
        #expect(texts("She met Tanaka Aiko, Minister of Trade to discuss Japan.", .title) == ["Minister of Trade"])
    }

    @Test func geographicNamesByTheirHead() {
        #expect(texts("A vessel sank off the west coast of the Danjo Islands in Nagasaki Prefecture.", .place)
            == ["Danjo Islands", "Nagasaki Prefecture"])
        #expect(texts("They discussed peace across the Tawain Strait and in Manila Bay.", .place) == ["Tawain Strait", "Manila Bay"])
        // A head followed by another name word names something else.
        #expect(!texts("Leaders met at the Pacific Islands Forum.", .place).contains("Pacific Islands Forum"))
        #expect(texts("The Minister visited the Island.", .place).isEmpty)
    }

    @Test func aNameBeforeARoleDoesNotReachIntoTheTitleBeforeIt() {
        let text = "Mr. Lee also met Minister of Defense Hara Kenji, Minister of the Environment Sato."
        #expect(texts(text, .person) == ["Lee", "Hara Kenji", "Sato"])
        #expect(texts(text, .title).contains("Minister of Defense"))
    }

    @Test func rolesAfterANameAreTitles() {
        let text = "Ms. Kamikawa Yoko, Minister for Foreign Affairs of Japan, held a meeting."
        #expect(texts(text, .title) == ["Ms.", "Minister for Foreign Affairs of Japan"])
        #expect(texts(text, .place) == ["Japan"])
    }

    @Test func aRoleWithoutANameIsNotATitle() {
        #expect(texts("The Prime Minister congratulated the President.", .title).isEmpty)
    }

    @Test func headlineVerbsAreNotNames() {
        #expect(texts("Foreign Minister Meets with Counterpart", .person).isEmpty)
        // And their past: "Minister ... Met with ...".
        #expect(texts("Minister of Foreign Affairs Ekene Adaeze Met with Foreign Minister Lio Wenbo", .person) == ["Ekene Adaeze", "Lio Wenbo"])
        // Verbs of protest: "Vice Minister ... Lodges Solemn Representations with ...".
        #expect(texts("Vice Foreign Minister Lio Wenbo Lodges Solemn Representations with Japan", .person) == ["Lio Wenbo"])
        // In capitals too: the word lists see "Holds" in "HOLDS".
        let caps = "PRESIDENT ADAEZE HOLDS TALKS WITH VISITING PRIME MINISTER\n\nPresident Ekene Adaeze met Prime Minister Lio Wenbo."
        #expect(texts(caps, .person) == ["ADAEZE", "Ekene Adaeze", "Lio Wenbo"])
        #expect(texts(caps, .meeting).isEmpty)
    }

    @Test func aCityEndingALocativePhraseIsNoPartOfATitle() {
        #expect(texts("The Emir received at the palace in Doha President Ekene Adaeze.", .title) == ["President"])
        // A country or a body before a title is: "Republic of Korea Foreign Minister".
        #expect(texts("She met Republic of Korea Foreign Minister Park Jin.", .title) == ["Republic of Korea Foreign Minister"])
    }

    @Test func malaysianHonorificsOfSeveralWords() {
        let text = "He met the Minister of Foreign Affairs of Malaysia, Dato' Seri Utama Aziz bin Rahman, in Putrajaya."
        #expect(texts(text, .title).contains("Dato' Seri Utama"))
        #expect(texts(text, .person) == ["Aziz bin Rahman"])
    }
}

@Suite struct DateAndMeetingTests {
    @Test func anAllCapitalHeadlineOfTwoPeople() {
        let text = "SECRETARY ADAEZE, JAPANESE FOREIGN MINISTER IWAYA HOLD BILATERAL MEETING IN MANILA\n\nJAPAN-GHANA FOREIGN MINISTERS' MEETING\n"
        #expect(texts(text, .person) == ["ADAEZE", "IWAYA"])
        #expect(texts(text, .meeting) == ["JAPAN-GHANA FOREIGN MINISTERS' MEETING"])
    }

    @Test func aMonthsAbbreviationWithoutItsPeriod() {
        #expect(texts("New Delhi, Aug 29 (PTI) The leaders met on 29 Aug 2025; Jan Lipavsky attended.", .date) == ["Aug 29", "29 Aug 2025"])
    }

    @Test func aDatelineDayMonthCommaYear() {
        #expect(texts("ACCRA, 14th January, 2025 (GNA) -- The Minister met the envoy.", .date) == ["14th January, 2025"])
    }

    @Test func aLongerPatronymicChainIsTheLexiconsPerson() {
        #expect(ids("Minister of Foreign Affairs Prince Faisal bin Farhan bin Abdullah spoke.", of: "Faisal bin Farhan bin Abdullah") == ["faisal-bin-farhan-al-saud"])
    }

    @Test func aWeekdayOrMonthAfterOnIsNoSubjectOfTheMeeting() {
        let text = "They met at the Vilnius Summit on Wednesday and the Tokyo Conference on May 3, before the Tokyo Conference on Disarmament."
        #expect(texts(text, .meeting) == ["Vilnius Summit", "Tokyo Conference", "Tokyo Conference on Disarmament"])
        #expect(texts(text, .date) == ["Wednesday", "May 3"])
    }

    @Test func calendarDatesTimesAndModifiers() {
        let text = "On Friday, May 3, 2024, from 9:15 a.m. to 6:50pm, and in late April, January this year, 2019 and on 22 to 23 November 2019 (ISO 2019-11-22)."
        #expect(texts(text, .date) == [
            "Friday, May 3, 2024", "9:15 a.m.", "6:50pm", "late April", "January this year", "2019",
            "22 to 23 November 2019", "2019-11-22",
        ])
        // Year first with slashes; not a day-first or a ratio.
        #expect(texts("Posted 2025/03/22, on 22/03/2025 at a 3/4 majority.", .date) == ["2025/03/22"])
    }

    @Test func rangesOfDaysAfterTheMonth() {
        #expect(texts("The visit (March 21-23, 2025) and the talks of July 8 to 10 went well.", .date) == ["March 21-23, 2025", "July 8 to 10"])
    }

    @Test func aPartOfAYear() {
        #expect(texts("The talks will resume in early 2026 or by mid-2027, not next 2028.", .date) == ["early 2026", "mid-2027", "2028"])
    }

    @Test func theSubjectOfAConferenceIsPartOfItsName() {
        let text = "She attended the 5th Lagos Conference on Maritime Security and Trade in Lagos and a Summit on the Future."
        #expect(texts(text, .meeting) == ["5th Lagos Conference on Maritime Security and Trade"])
    }

    @Test func theYearOfANameIsNotADate() {
        #expect(texts("She will attend the opening of Japonism 2018 and Expo 2025 in Osaka.", .date).isEmpty)
        #expect(texts("In 2018 the two countries met again, as in May 2019.", .date) == ["2018", "May 2019"])
    }

    @Test func relativeExpressionsAndTheModalMayAreNotDates() {
        #expect(texts("Today they may meet again next week.", .date).isEmpty)
        #expect(texts("May the talks succeed.", .date).isEmpty)
    }

    @Test func namedMeetings() {
        let text = "They met at the Japan-ROK Foreign Ministers’ Meeting and prepared the Trilateral Summit, the APEC Leaders' Week 2023 and the Japan-U.S. “2+2”."
        #expect(texts(text, .meeting) == ["Japan-ROK Foreign Ministers’ Meeting", "Trilateral Summit", "APEC Leaders' Week 2023", "Japan-U.S. “2+2”"])
        // Places and organizations inside a meeting are still tagged; the year is not a date.
        #expect(texts(text, .place) == ["Japan", "ROK", "Japan", "U.S."])
        #expect(texts(text, .organization) == ["APEC"])
        #expect(texts(text, .date).isEmpty)
    }

    @Test func aLowerCaseMeetingNeedsAnEntity() {
        #expect(texts("the Japan-Chile summit meeting", .meeting) == ["Japan-Chile summit meeting"])
        #expect(texts("Working lunch scene", .meeting).isEmpty)
    }
}

@Suite struct OffsetPropertyTests {
    static let hostile = [
        "🇺🇳🇯🇵 Japan-ROK 👋🏽 talks; 👨‍👩‍👧 Minister Kamikawa met H.E. Dr. Park Jin.",
        "日本国外務大臣 Minister Kamikawa 与 中国 Wang Yi 会谈。 China and Japan.",
        "Cafe\u{301} Se\u{301}oul: Minister Park Jin met the U\u{308}N in Busan.",
        "\u{FEFF}Japan-Republic of Korea Relations\r\n\r\nNovember 26, 2023\r\nMinister Kamikawa met Minister Park.\r\n",
        "𝔘𝔑 𐍈 the UN Security Council (UNSC) and the UNSC again. \u{200D}\u{200F}Israel\u{202E}",
    ]

    @Test(arguments: hostile)
    func everySpanCoversItsCodePointSlice(text: String) throws {
        let annotated = sharedPipeline.annotate(Document(name: "t", text: text))
        #expect(!annotated.mentions.isEmpty)
        let json = DocumentJSON(annotated)
        for e in json.entities {
            #expect(codePointSlice(text, e.start, e.end) == e.text)
        }
        #expect(Checker.check(ann: BratWriter.ann(annotated), text: text).isEmpty)
        // The flat layer never overlaps itself.
        let flat = annotated.mentions.filter(\.label.isFlat).map(\.span)
        for (a, b) in zip(flat, flat.dropFirst()) { #expect(a.end <= b.start) }
    }
}
