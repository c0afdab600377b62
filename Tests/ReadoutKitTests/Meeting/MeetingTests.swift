import Testing
@testable import ReadoutKit

@Suite struct MeetingTests {
    func meeting(_ text: String, file: String = "readout.txt") -> Meeting {
        sharedPipeline.annotate(Document(name: file, text: text)).meeting
    }

    let mofaStyle = """
        Japan-Brazil Relations

        Japan-Brazil Foreign Ministers’ Meeting

        March 4, 2024

        On March 3, commencing at 9:15 a.m. for approximately an hour and 10 minutes, Ms. Kamikawa Yoko, Minister for Foreign Affairs of Japan, held a meeting with H.E. Mr. Mauro Vieira, Minister of Foreign Affairs of Brazil, in Rio de Janeiro. The overview is as follows.
        """

    @Test func everythingFromAMinistryStyleReadout() {
        let m = meeting(mofaStyle)
        #expect(m.title == "Japan-Brazil Foreign Ministers’ Meeting")
        // The opening sentence's date, completed by the header's year (the header is the publication date).
        #expect(m.date == "2024-03-03")
        #expect(m.dateSource == .textWithHeaderYear)
        #expect(m.kind == "meeting")
        #expect(m.startTime == "09:15")
        #expect(m.durationMinutes == 70)
        #expect(m.place?.name == "Rio de Janeiro")
        #expect(m.participants.map(\.id) == ["kamikawa-yoko", "mauro-vieira"])
        #expect(m.participants.map(\.country) == ["JPN", "BRA"])
        #expect(m.participants.first?.title == "Minister for Foreign Affairs of Japan")
        #expect(m.countries.map(\.id) == ["JPN", "BRA"])
    }

    @Test func someoneInARelativeClauseIsNoParticipant() {
        let text = "On May 2, Ms. Kamikawa Yoko, Minister for Foreign Affairs of Japan, who was in Paris to accompany Prime Minister Kishida Fumio, held a meeting with Mr. Mauro Vieira, Minister of Foreign Affairs of Brazil. The two Ministers agreed to meet again."
        #expect(meeting(text).participants.map(\.id) == ["kamikawa-yoko", "mauro-vieira"])
        // Without a third person the clause's person stays: two are needed.
        let two = "Ms. Kamikawa Yoko, who accompanied Prime Minister Kishida Fumio, spoke at the dinner on May 2 in Paris."
        #expect(meeting(two).participants.map(\.id) == ["kamikawa-yoko", "kishida-fumio"])
    }

    @Test func theFourMinistersOfATwoPlusTwoAreAllParticipants() {
        let text = "On June 9, Mr. Motegi Toshimitsu, Minister for Foreign Affairs, and Mr. Kishi Nobuo, Minister of Defense, held consultations with Senator Marise Payne, Minister for Foreign Affairs, and Mr. Peter Dutton, Minister for Defence of Australia. The four Ministers welcomed the progress."
        #expect(meeting(text).participants.map(\.name) == ["Motegi Toshimitsu", "Kishi Nobuo", "Marise Payne", "Peter Dutton"])
        let found = stances(text)
        #expect(found.first?.holders == ["The four Ministers"] && found.first?.ids.count == 4)
    }

    @Test func aTwoPlusTwoOfTheHeaderOrAForeignAndDefenceMeetingHasFour() {
        let people = "Minister for Defence Ekene Adaeze and Minister for Foreign Affairs Ada Okafor hosted Minister for Foreign Affairs Kamikawa Yoko and Minister of Defense Kihara Minoru in Perth"
        let later = "Joint Statement\nThe 11th Australia-Japan 2+2\n\n" + people + ". The Ministers welcomed the progress."
        #expect(meeting(later).participants.count == 4)
        #expect(stances(later).first?.ids.count == 4)
        let named = "Australia-Japan Foreign and Defence Ministerial Consultations\n\n" + people + "."
        #expect(meeting(named).participants.count == 4)
        #expect(meeting("Joint Statement\n\n" + people + ".").participants.count == 2)
        // A "2+2" mentioned later is another meeting.
        #expect(meeting("Japan-Australia Foreign Ministers’ Meeting\n\n" + people + ". They will hold the next Australia-Japan 2+2 in May.").participants.count == 2)
        #expect(meeting("Japan-Australia Foreign Ministers’ Meeting\n\n" + people + " after the Japan-Australia Foreign and Defence Ministerial Consultations.").participants.count == 2)
    }

    @Test func anUnnamedPrincipalIsWhoHeldTheOfficeThatYear() {
        let text = "PM meeting with Prime Minister of Japan: 9 May 2025\n\nThe Prime Minister met Prime Minister Ishiba of Japan in London today. The Prime Minister welcomed the new accord. Prime Minister Ishiba thanked the Prime Minister for the invitation. The Prime Minister said she looked forward to meeting again."
        let found = meeting(text)
        #expect(found.title == "PM meeting with Prime Minister of Japan: 9 May 2025")
        #expect(found.participants.map(\.id) == ["keir-starmer", "ishiba-shigeru"])
        #expect(found.participants.first?.country == "GBR" && found.participants.first?.title == "Prime Minister")
        #expect(stances(text).map(\.ids) == [["keir-starmer"], ["ishiba-shigeru"], ["keir-starmer"]])
        // In a year of two office holders the lexicon cannot tell which: the country holds.
        let ambiguous = text.replacingOccurrences(of: "2025", with: "2024")
        #expect(meeting(ambiguous).participants.map(\.id) == ["ishiba-shigeru"])
        #expect(stances(ambiguous).first?.ids == ["GBR"])
        // Their country is the meeting place's (London), not the other side's (Tokyo).
        #expect(meeting(text.replacingOccurrences(of: "London", with: "Tokyo")).participants.map(\.id) == ["ishiba-shigeru"])
        // The place's country, though the body names another more often than the UK.
        let topical = text + " Turning to Ukraine, the leaders discussed support for Ukraine."
        #expect(meeting(topical).participants.map(\.id) == ["keir-starmer", "ishiba-shigeru"])
        // A third country's venue of a named meeting is not the principal's country.
        let venue = "9 May 2025\n\nThe Prime Minister met Prime Minister Ishiba of Japan at the G7 Summit in Rome. They discussed Canada."
        #expect(meeting(venue).participants.map(\.id) == ["ishiba-shigeru"])
        // A named principal is left alone.
        let named = "The Prime Minister, Ada Okafor, met Prime Minister Ishiba of Japan in London on 9 May 2025."
        #expect(meeting(named).participants.map(\.id) == ["ada-okafor", "ishiba-shigeru"])
    }

    @Test func officeHoldersAnswerOnlyWhenOnePersonHeldTheOffice() {
        func entry(_ id: String, _ roles: [String], _ from: String?, _ to: String?) -> LexiconEntry {
            LexiconEntry(id: id, label: .person, name: id, aliases: [], country: "GBR", roles: roles, validFrom: from, validTo: to, file: "t", line: 1)
        }
        let holders = OfficeHolders(people: [
            entry("a", ["head-of-government"], "2010", "2016"), entry("b", ["head-of-government"], "2016", "2019"),
            entry("c", ["foreign-minister"], "2014", nil), entry("d", ["head-of-government"], nil, nil),
        ])
        #expect(holders.holder(of: "prime minister", country: "GBR", year: 2012)?.id == "a")
        #expect(holders.holder(of: "prime minister", country: "GBR", year: 2016) == nil)
        #expect(holders.holder(of: "foreign secretary", country: "GBR", year: 2030)?.id == "c")
        #expect(holders.holder(of: "prime minister", country: "FRA", year: 2012) == nil)
        #expect(holders.holder(of: "ambassador", country: "GBR", year: 2012) == nil)
    }

    @Test func anUnnamedSecretaryGeneralIsAParticipantOfTheBody() {
        let text = "Readout of the Secretary-General's meeting with President Lio Wenbo\n\n5 March 2025\n\nThe Secretary-General met today with President Lio Wenbo of Ghana at United Nations Headquarters."
        let m = meeting(text)
        #expect(m.participants.map(\.id) == ["antonio-guterres", "lio-wenbo"])
        #expect(m.participants.map(\.country) == ["UN", "GHA"])
        // A readout that names NATO and not the UN: NATO's, the one in office that year.
        let nato = "12 July 2020\n\nThe Secretary General met with President Lio Wenbo of Ghana at NATO Headquarters in Brussels."
        #expect(meeting(nato).participants.map(\.id) == ["jens-stoltenberg", "lio-wenbo"])
        #expect(meeting(nato).participants.first?.country == "NATO")
    }

    @Test func secretariesGeneralByBodyAndYear() {
        func entry(_ id: String, _ roles: [String], _ from: String?, _ to: String?) -> LexiconEntry {
            LexiconEntry(id: id, label: .person, name: id, aliases: [], country: nil, roles: roles, validFrom: from, validTo: to, file: "t", line: 1)
        }
        let holders = OfficeHolders(people: [
            entry("a", ["UN", "secretary-general"], "2007", "2016"), entry("b", ["UN", "secretary-general"], "2017", nil),
            entry("c", ["NATO", "secretary-general"], "2014", "2024"),
        ])
        #expect(holders.secretaryGeneral(of: "UN", year: 2010)?.id == "a")
        #expect(holders.secretaryGeneral(of: "UN", year: nil)?.id == "b")
        #expect(holders.secretaryGeneral(of: "NATO", year: 2020)?.id == "c")
        #expect(holders.secretaryGeneral(of: "NATO", year: nil) == nil)
        // Years that run back over earlier offices: the predecessor until their years end.
        let merged = OfficeHolders(people: [
            entry("p", ["NATO", "secretary-general", "head-of-government"], "2005", "2024"),
            entry("q", ["NATO", "secretary-general", "head-of-government"], "2010", nil),
        ])
        #expect(merged.secretaryGeneral(of: "NATO", year: 2020)?.id == "p")
        #expect(merged.secretaryGeneral(of: "NATO", year: 2025)?.id == "q")
    }

    @Test func anOfficeOfAnInternationalBodyIsThatBodysSide() {
        // The lexicon gives Kaja Kallas Estonia (her earlier office) and the EU's High Representative.
        let text = "High Representative/Vice-President Kaja Kallas met Minister for Foreign Affairs Ada Okafor of Ghana in Accra on 4 June 2025."
        #expect(meeting(text).participants.map(\.country) == ["EU", "GHA"])
        #expect(stances(text + " Both sides welcomed the agreement.").first?.ids == ["EU", "GHA"])
        // Titled with an office of her country, she stands for it.
        let earlier = "Prime Minister Kaja Kallas met Minister for Foreign Affairs Ada Okafor of Ghana in Accra on 4 June 2022."
        #expect(meeting(earlier).participants.map(\.country) == ["EST", "GHA"])
        // A country written as the title's possessor.
        #expect(meeting("Ghana's Minister for Foreign Affairs, Ada Okafor, met Minister Lio Wenbo of Togo in Accra.").participants.map(\.country) == ["GHA", "TGO"])
    }

    @Test func theOneParticipantOfNoKnownCountry() {
        // A country written joined to the other side's.
        let paired = "On August 22, State Minister Ada Okafor held a meeting with Secretary-General Lio Wenbo of ASEAN in Jakarta. They discussed ASEAN-Japan cooperation."
        #expect(meeting(paired).participants.map(\.country) == ["JPN", "ASEAN"])
        // Else the meeting place's country, when the other side is a country.
        let placed = "Deputy Secretary Ada Okafor met Foreign Minister Lio Wenbo of Ghana in Washington, D.C. on May 2, 2025. They discussed trade."
        #expect(meeting(placed).participants.map(\.country) == ["USA", "GHA"])
        // The country an envoy is accredited to: who receives them is of it.
        let envoy = "On March 14, Vice-Minister Ada Okafor received a courtesy call from H.E. Mr. Lio Wenbo, Ambassador of the Republic of Kenya to Japan."
        #expect(meeting(envoy).participants.map(\.country) == ["JPN", "KEN"])
        // Not a country the other participant is of.
        let home = "Deputy Secretary Ada Okafor met Foreign Minister Lio Wenbo of Ghana in Accra on May 2, 2025."
        #expect(meeting(home).participants.map(\.country) == [nil, "GHA"])
    }

    @Test func smallNumbersInAnyCase() {
        #expect(["three", "Four", "FIVE", "six", "the", "fours", "sixty", "Tree"].map(MeetingExtractor.smallNumber) == [3, 4, 5, 6, nil, nil, nil, nil])
    }

    @Test func theVisitorOfTheOpeningSentenceIsAParticipant() {
        let text = "Visit of the Minister to Japan\n\nMinister for Foreign Affairs Ekene Adaeze paid an official visit to Japan from 6 to 8 March 2025. The Minister held talks with Foreign Minister Iwaya Takeshi and called on Prime Minister Ishiba Shigeru. Both Ministers agreed to meet again."
        #expect(meeting(text).participants.map(\.name) == ["Ekene Adaeze", "Iwaya Takeshi"])
    }

    @Test func anOfficeOfAnInternationalBodyMakesTheBodyTheSide() {
        let text = "On May 3, Ms. Kamikawa Yoko, Minister for Foreign Affairs of Japan, held a dialogue with Mr. Josep Borrell, High Representative of the European Union for Foreign Affairs and Security Policy, in Brussels. The two sides welcomed the new partnership."
        let m = meeting(text)
        #expect(m.participants.map(\.country) == ["JPN", "EU"])
        #expect(m.countries.map(\.name) == ["Japan", "European Union"])
        #expect(stances(text).first?.ids == ["JPN", "EU"])
    }

    @Test func anEnvoysCountryIsTheOneThatSendsThem() {
        let text = "Vice Foreign Minister Sun Weidong met with Japanese Ambassador to China Kanasugi Kenji in Beijing on June 11, 2024."
        #expect(meeting(text).participants.last?.country == "JPN")
    }

    @Test func theTitleOfACRLFReadoutIsOneLine() {
        let m = meeting(mofaStyle.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(m.title == "Japan-Brazil Foreign Ministers’ Meeting")
        #expect(m.date == "2024-03-03")
        // A byte order mark before the title is no part of it.
        #expect(meeting("\u{FEFF}Japan-Ghana Foreign Ministers’ Meeting\r\n\r\nOn May 2, 2024, Minister Ada Okafor met Minister Lio Wenbo.").title
            == "Japan-Ghana Foreign Ministers’ Meeting")
    }

    @Test func aFullDateInTheTextWins() {
        let m = meeting("Readout\n\nOn Tuesday, August 22, 2017, Foreign Minister Ekene Adaeze had a telephone conversation with Foreign Minister Mauro Vieira for 15 minutes.", file: "2019-01-01-x.txt")
        #expect(m.date == "2017-08-22")
        #expect(m.dateSource == .text)
        #expect(m.kind == "telephone talk")
        #expect(m.durationMinutes == 15)
    }

    @Test func theNearestDateToTheMeetingVerb() {
        let m = meeting("Relations\n\nNovember 23, 2015\nOn November 21, Foreign Minister Ekene Adaeze attended a dinner, and on November 22 the two foreign ministers held a meeting with Foreign Minister Mauro Vieira in Sydney.")
        #expect(m.date == "2015-11-22")
    }

    @Test func datesInParenthesesAreOtherTimeZones() {
        let m = meeting("Relations\n\nMay 21, 2012\nOn Sunday, May 20, commencing at 4:05 pm local time (6:05 a.m. on Monday, May 21, Japan time), Foreign Minister Ekene Adaeze held a meeting with Foreign Minister Mauro Vieira.")
        #expect(m.date == "2012-05-20")
        #expect(m.startTime == "16:05")
    }

    @Test func noDateInTheTextFallsBackToTheFileNameOrStaysUnknown() {
        let text = "Secretary Ekene Adaeze spoke today with Foreign Minister Mauro Vieira about the summit and trade."
        let fromName = meeting(text, file: "034-2022-05-23-call.txt")
        #expect(fromName.date == "2022-05-23")
        #expect(fromName.dateSource == .fileName)
        let unknown = meeting(text, file: "call.txt")
        #expect(unknown.date == nil)
        #expect(unknown.dateSource == .unknown)
        // Month and day without any year source: unknown, not guessed.
        let noYear = meeting("On March 3, Foreign Minister Ekene Adaeze held a meeting with Foreign Minister Mauro Vieira in Lagos.", file: "x.txt")
        #expect(noYear.date == nil)
    }

    @Test func kinds() {
        #expect(MeetingExtractor.kind(of: " courtesy call on the prime minister ") == "courtesy call")
        #expect(MeetingExtractor.kind(of: " japan-china foreign ministers’ telephone talk ") == "telephone talk")
        #expect(MeetingExtractor.kind(of: " held a video conference with ") == "video conference")
        #expect(MeetingExtractor.kind(of: " japan-rok summit meeting ") == "summit")
        #expect(MeetingExtractor.kind(of: " foreign ministers’ working lunch ") == "working meal")
        #expect(MeetingExtractor.kind(of: " annual report ") == nil)
    }

    @Test func durations() {
        #expect(MeetingExtractor.duration(in: "for approximately 85 minutes") == 85)
        #expect(MeetingExtractor.duration(in: "for about an hour and 40 minutes") == 100)
        #expect(MeetingExtractor.duration(in: "for approximately half an hour") == 30)
        #expect(MeetingExtractor.duration(in: "lasted approximately three hours including lunch") == 180)
        #expect(MeetingExtractor.duration(in: "for the first time") == nil)
    }

    @Test func calendarDatesAndClockTimes() {
        #expect(CalendarDate.parse("November 26, 2023")?.iso == "2023-11-26")
        #expect(CalendarDate.parse("04 November 2019")?.iso == "2019-11-04")
        #expect(CalendarDate.parse("22 to 23 November 2019")?.iso == "2019-11-22")
        #expect(CalendarDate.parse("2015-03-21")?.iso == "2015-03-21")
        #expect(CalendarDate.parse("2025/03/22")?.iso == "2025-03-22")
        #expect(CalendarDate.parse("Feb. 15") == CalendarDate(year: nil, month: 2, day: 15))
        #expect(CalendarDate.parse("Friday, September 9")?.day == 9)
        #expect(clockTime("09:00 a.m.") == "09:00")
        #expect(clockTime("6:50pm") == "18:50")
        #expect(clockTime("11 p.m.") == "23:00")
        #expect(clockTime("12:30 a.m.") == "00:30")
        #expect(clockTime("2019") == nil)
    }
}
