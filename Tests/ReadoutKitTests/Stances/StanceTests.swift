import Testing
@testable import ReadoutKit

/// A stance as the tests read it: category, cue text, holder texts, holder ids, target text.
struct Found: Equatable, CustomStringConvertible {
    var category: StanceCategory
    var cue: String
    var holders: [String]
    var ids: [String]
    var target: String?
    var intense: Bool
    var negated: Bool
    var repeated: Bool

    var description: String { "\(category) '\(cue)' by \(holders) \(ids) -> \(target ?? "-")" }
}

/// The opening sentence used by most tests: it names the two participants.
let opening = "Ms. Kamikawa Yoko, Minister for Foreign Affairs of Japan, held a meeting with H.E. Dr. Park Jin, Minister of Foreign Affairs of the Republic of Korea. "

func stances(_ text: String) -> [Found] {
    let doc = Document(name: "t", text: text)
    let annotated = sharedPipeline.annotate(doc)
    var refs: [Span: [String]] = [:]
    for m in annotated.mentions where m.label.isFlat || m.label == .actor {
        if refs[m.span] == nil || m.label == .actor { refs[m.span] = m.references.map(\.id) }
    }
    return annotated.stances.map { s in
        Found(category: s.category, cue: doc.text(of: s.cue), holders: s.holders.map { doc.text(of: $0) },
              ids: s.holders.flatMap { refs[$0] ?? [] }, target: s.target.map { doc.text(of: $0) },
              intense: s.intense, negated: s.negated, repeated: s.repeated)
    }
}

@Suite struct StanceCueTests {
    @Test func categoriesFromVerbsNounsAndAdjectives() {
        let found = stances(opening + "Minister Kamikawa condemned the launch. Minister Park welcomed the visit. They shared the view that talks matter. Minister Park looked forward to the summit.")
        #expect(found.map(\.category) == [.condemn, .welcome, .agree, .hope])
        #expect(found.map(\.cue) == ["condemned", "welcomed", "shared the view", "looked forward"])
    }

    @Test func cueWordsInOtherSensesAreNotStances() {
        let text = opening + "The agreed text includes logistical support for the region. The two countries share common values. Minister Park said the program has called for exchanges. It was the countries concerned that met."
        #expect(stances(text).isEmpty, "\(stances(text))")
    }

    @Test func aCueFormAfterAnAdjectivalParticipleIsANoun() {
        let text = opening + "Minister Park reaffirmed the partnership based on shared values and principles. The two countries, with our shared values, met."
        #expect(stances(text).map(\.cue) == ["reaffirmed"])
        #expect(stances(opening + "Minister Park values the partnership.").map(\.category) == [.welcome])
    }

    @Test func aGerundAfterFromOrCoordinatedAfterAPrepositionIsNoStance() {
        let found = stances(opening + "The two Ministers confirmed that they would refrain from accusing or criticizing each other.")
        #expect(found.map(\.cue) == ["confirmed"])
    }

    @Test func likeOnlyAfterWould() {
        let found = stances(opening + "Minister Kamikawa stated that she would like to visit Seoul. They discussed issues like trade.")
        #expect(found.map(\.cue) == ["like"])
        #expect(found.first?.category == .hope)
    }

    @Test func aPurposeClauseIsNotAStance() {
        let found = stances(opening + "They confirmed that they will cooperate in order to urge North Korea to comply.")
        #expect(found.map(\.category) == [.commit])
    }

    @Test func coordinatedCuesOfOneCategoryAreOneCue() {
        let found = stances(opening + "Minister Park offered words of sympathy and condolence for the victims.")
        #expect(found.map(\.cue) == ["sympathy and condolence"])
        #expect(found.first?.target == "for the victims")
    }
}

@Suite struct StanceAttributeTests {
    @Test func intensity() {
        let found = stances(opening + "The two Ministers strongly condemned the launch. They shared serious concern about the tests. Minister Kamikawa welcomed the visit.")
        #expect(found.map(\.intense) == [true, true, false])
    }

    @Test func negationScopedToTheClause() {
        let found = stances(opening + "Minister Park did not welcome the decision. Minister Kamikawa welcomed the visit, although no one objected.")
        #expect(found.first { $0.cue == "welcome" }?.negated == true)
        #expect(found.first { $0.cue == "welcomed" }?.negated == false)
    }

    @Test func protestIsNotNegated() {
        let found = stances(opening + "Minister Kamikawa stated that Japan could not accept the claim.")
        #expect(found.map(\.category) == [.protest])
        #expect(found.first?.negated == false)
    }

    @Test func toleratedIsAnEvaluationLikeUnacceptable() {
        let passive = stances(opening + "Minister Park stated that such provocations cannot be tolerated, and that the launch can never be accepted.")
        #expect(passive.map(\.cue) == ["cannot be tolerated", "never be accepted"])
        #expect(passive.allSatisfy { $0.category == .protest && !$0.negated && $0.holders == ["Park"] })
        #expect(passive.map(\.target) == ["such provocations", "the launch"])
        // A subject with a coordinated predicate; a subject inside "the view that".
        let coordinated = stances(opening + "Minister Park stated that the launch is a serious provocation and cannot be tolerated.")
        #expect(coordinated.first?.target == "the launch")
        // The possessive "'s" is no "is".
        let possessive = stances(opening + "Minister Park stated that North Korea's launch is a clear violation and is deplorable.")
        #expect(possessive.first?.target == "North Korea's launch")
        let relative = stances(opening + "Minister Park stated that North Korea conducted a nuclear test, which is a challenge to the world, and is unforgivable.")
        #expect(relative.first?.target == "North Korea conducted a nuclear test")
        let view = stances(opening + "The two Ministers shared the view that a nuclear-armed North Korea would never be accepted.")
        #expect(view.last?.category == .protest && view.last?.target == "a nuclear-armed North Korea")
        let active = stances(opening + "Minister Kamikawa said that Japan will not tolerate any attempt to change the status quo.")
        #expect(active.first?.cue == "will not tolerate" && active.first?.holders == ["Japan"] && active.first?.negated == false)
    }

    @Test func appreciatingAnActionWelcomesIt() {
        // GUIDELINES.md lists "appreciate" under Appreciate, and decides: "appreciate" + an
        // action → Welcome. Thanks to someone for something and a courtesy stay Appreciate.
        let found = stances(opening + "Minister Park highly appreciated Japan’s efforts to rebuild the port. Minister Park appreciated the warm hospitality of the Japanese side. Minister Park appreciated Japan for its help. Minister Park appreciated that Japan had joined the sanctions. Minister Park expressed appreciation for the talks.")
        #expect(found.map(\.category) == [.welcome, .appreciate, .appreciate, .welcome, .appreciate])
        #expect(found.first?.intense == true)
    }

    @Test func repetition() {
        let found = stances(opening + "She again urged the ROK to act. Minister Kamikawa reiterated Japan’s continued support for the efforts. They reaffirmed that they will cooperate. Minister Park welcomed the visit.")
        #expect(found.map(\.repeated) == [true, true, true, false])
    }
}

@Suite struct HolderTests {
    @Test func weAfterACountrySpeakingOfItselfIsThatCountry() {
        let text = "Q: What is your comment on the remarks?\n\nA: China has noted the remarks. We urge Japan to act prudently.\n"
        #expect(stances(text).first?.ids == ["CHN"])
    }

    @Test func aCountryAfterOfHoldsTheNoun() {
        let found = stances(opening + "Minister Park reaffirmed the unwavering commitment of the Republic of Korea to the alliance.")
        #expect(found.first?.ids == ["KOR"])
        #expect(found.first?.target == "to the alliance")
        #expect(found.first?.repeated == true)
    }

    @Test func aCountryModifyingTheNounHoldsIt() {
        let found = stances(opening + "Minister Park reaffirmed the ironclad Republic of Korea commitment to the alliance.")
        #expect(found.map(\.cue) == ["commitment"])
        #expect(found.first?.ids == ["KOR"] && found.first?.target == "to the alliance" && found.first?.repeated == true)
    }

    @Test func aBareRoleOfTwoParticipantsIsTheReadoutsOwn() {
        let text = "Minister of Foreign Affairs of Ghana Ada Okafor met Minister of Foreign Affairs of Togo Lio Wenbo in Accra. The Minister thanked Togo for its support."
        #expect(stances(text).first?.ids == ["ada-okafor"])
        // A nationality names the country too: the bare role is the one whose title does not.
        let secretaries = "Secretary of State Ada Okafor met Ghanaian Foreign Secretary Lio Wenbo today. The Secretary condemned the attack."
        #expect(stances(secretaries).first?.ids == ["ada-okafor"])
    }

    @Test func theyAfterAMeetingAreTheTwoWhoMet() {
        let text = opening + "Minister Park also held talks with Prime Minister Lio Wenbo. They welcomed the agreement."
        #expect(stances(text).first?.ids == ["park-jin", "lio-wenbo"])
        // A role as the subject of the meeting: "EAM held talks with ...".
        let role = "External Affairs Minister Dr. Ekene Adaeze called on Prime Minister Ada Okafor. EAM also held talks with Minister Lio Wenbo. They welcomed the agreement."
        #expect(stances(role).first?.ids == ["ekene-adaeze", "lio-wenbo"])
        // Not after a sentence with no verb of meeting: the participants.
        let discussed = opening + "They discussed the visit of Prime Minister Lio Wenbo and President Ada Okafor. They welcomed the agreement."
        #expect(stances(discussed).first?.ids == ["kamikawa-yoko", "park-jin"])
    }

    @Test func theSubjectOfTheCue() {
        let found = stances(opening + "Minister Park condemned the launch.")
        #expect(found.first?.holders == ["Park"])
        #expect(found.first?.ids == ["park-jin"])
    }

    @Test func theSubjectOfAReportingVerb() {
        let found = stances(opening + "Minister Kamikawa stated that it was extremely regrettable that the court had ruled.")
        #expect(found.first?.category == .regret)
        #expect(found.first?.holders == ["Kamikawa"])
        #expect(found.first?.target == "that the court had ruled")
        #expect(found.first?.intense == true)
    }

    @Test func aPurposeInfinitiveAfterAnObjectTakesTheClauseSubject() {
        let found = stances("President Ada Okafor spoke today with Prime Minister Ishiba Shigeru of Japan to congratulate him on his election.")
        #expect(found.first?.category == .congratulate && found.first?.holders == ["Ada Okafor"])
        // After "met" too: the one met is an object.
        let met = stances(opening + "Minister Park met Minister Kamikawa to welcome the agreement.")
        #expect(met.first?.holders == ["Park"])
    }

    @Test func theFormerAndTheLatterAreTheLastTwoPeopleNamed() {
        let found = stances(opening + "Minister Park thanked Minister Kamikawa. The former urged restraint, while the latter expressed hope for dialogue. The former Prime Minister spoke.")
        #expect(found.dropFirst().map(\.holders) == [["The former"], ["the latter"]])
        #expect(found.dropFirst().map(\.ids) == [["park-jin"], ["kamikawa-yoko"]])
        let possessive = stances(opening + "Minister Park met Minister Kamikawa. The former welcomed the latter’s support.")
        #expect(possessive.map(\.holders) == [["The former"], ["the latter"]])
        #expect(possessive.map(\.ids) == [["park-jin"], ["kamikawa-yoko"]])
    }

    @Test func aMeetingAtSomeonesRequestIsNoStance() {
        #expect(stances(opening + "Minister Park met Minister Kamikawa at Japan’s request.").isEmpty)
        #expect(stances(opening + "Minister Park granted Japan’s request for a meeting.").first?.holders == ["Japan"])
    }

    @Test func anEvaluationIsHeldByTheSpeakerNotTheThingJudged() {
        let found = stances(opening + "Minister Park stated that the nuclear test by North Korea was totally unacceptable.")
        #expect(found.first?.category == .protest)
        #expect(found.first?.holders == ["Park"])
        #expect(found.first?.target == "the nuclear test by North Korea")
    }

    @Test func aPossessorHoldsANominalCue() {
        let found = stances(opening + "Minister Kamikawa reiterated Japan’s continued support for the efforts of the ROK.")
        #expect(found.first?.category == .support)
        #expect(found.first?.holders == ["Japan"])
        #expect(found.first?.target == "for the efforts of the ROK")
    }

    @Test func aLightVerbPassesItsSubject() {
        let found = stances(opening + "Minister Kamikawa also expressed her appreciation for the invitation.")
        #expect(found.first?.category == .appreciate)
        #expect(found.first?.holders == ["Kamikawa"])
    }

    @Test func anAgentAfterANominalCueHoldsIt() {
        let words = stances(opening + "Minister Kamikawa thanked the Minister for the words of sympathy by Minister Park after the floods.")
        #expect(words.contains { $0.category == .sympathize && $0.cue == "sympathy" && $0.holders == ["Park"] && $0.target == "after the floods" })
        let message = stances(opening + "Minister Park expressed his gratitude for the congratulatory message from Prime Minister Kishida.")
        #expect(message.contains { $0.category == .congratulate && $0.cue == "congratulatory" && $0.holders == ["Kishida"] })
        // Without an agent, neither is a stance.
        #expect(!stances(opening + "The congratulatory message was read aloud.").contains { $0.category == .congratulate })
        #expect(!stances(opening + "They discussed the words of sympathy.").contains { $0.category == .sympathize })
    }

    @Test func anAdjectiveAfterACopulaIsNoPassive() {
        let aligned = stances(opening + "Minister Park said that the ROK was closely aligned with Japan on export controls.")
        #expect(aligned.contains { $0.category == .agree && $0.cue == "aligned" && $0.holders == ["ROK"] && $0.target == "with Japan on export controls" })
        let worried = stances(opening + "The two Ministers were worried about the floods.")
        #expect(worried.contains { $0.category == .concern && $0.cue == "worried" && $0.target == "about the floods" })
    }

    @Test func oppositionIsProtest() {
        let verb = stances(opening + "Minister Park said that the ROK opposes the reclamation work.")
        #expect(verb.contains { $0.category == .protest && $0.cue == "opposes" && $0.holders == ["ROK"] && $0.target == "the reclamation work" })
        let adjective = stances(opening + "Minister Kamikawa stated that Japan is firmly opposed to any change of the status quo by force.")
        #expect(adjective.contains { $0.category == .protest && $0.cue == "opposed" && $0.holders == ["Japan"]
            && $0.target == "to any change of the status quo by force" && $0.intense })
        #expect(stances(opening + "The opposing teams played in Seoul.").isEmpty)
    }

    @Test func moreCueWordsOfTheGuidelinesCategories() {
        let found = stances(opening + "Minister Park lauded the efforts of the volunteers. Both Ministers expressed their willingness to cooperate. Japan expressed its readiness to help.")
        #expect(found.map(\.category) == [.welcome, .commit, .commit])
        #expect(found.map(\.cue) == ["lauded", "willingness", "readiness"])
    }

    @Test func lodgedRepresentationsAreAProtest() {
        let found = stances(opening + "Japan lodged stern representations over the remarks.")
        #expect(found.first?.category == .protest && found.first?.cue == "representations" && found.first?.holders == ["Japan"])
        #expect(found.first?.target == "over the remarks" && found.first?.intense == true)
    }

    @Test func aQuotedPhraseEndingATargetKeepsItsClosingQuote() {
        let found = stances(opening + "Minister Park said that the ROK opposes any form of \"unilateral change\".")
        #expect(found.first?.target == "any form of \"unilateral change\"")
        let curly = stances(opening + "Minister Park welcomed the \u{201C}Busan Declaration\u{201D}.")
        #expect(curly.first?.target == "the \u{201C}Busan Declaration\u{201D}")
    }

    @Test func rejectionIsProtest() {
        let found = stances(opening + "Minister Park expressed the ROK's rejection of the claim.")
        #expect(found.contains { $0.category == .protest && $0.cue == "rejection" && $0.holders == ["ROK"] && $0.target == "of the claim" })
    }

    @Test func weInAChairsStatementIsTheOrganizationWhoseMeetingItIs() {
        let text = "Chair's Statement of the 12th ASEAN Foreign Ministers' Meeting\n\nWe welcomed the progress of the working group. We strongly condemned the attacks on civilians."
        let found = stances(text)
        #expect(found.map(\.category) == [.welcome, .condemn])
        #expect(found.allSatisfy { $0.holders == ["We"] && $0.ids == ["ASEAN"] })
        // With two participants, "we" are they.
        let joint = stances(opening + "We welcomed the progress of the working group.")
        #expect(joint.first?.ids == ["kamikawa-yoko", "park-jin"])
    }

    @Test func iInAFirstPersonStatementIsItsAuthor() {
        let found = stances("Statement by High Representative Ekene Adaeze after meeting Foreign Minister Lio Wenbo\n\nToday I met Foreign Minister Lio Wenbo in Brussels. I welcomed the progress on reforms.")
        #expect(found.first?.holders == ["I"])
        #expect(found.first?.ids == ["ekene-adaeze"])
    }

    @Test func presentTenseVerbsOfTheHolderEndATarget() {
        let found = stances(opening + "We welcome the new ferry link between our ports and call on all parties to keep the sea lanes open.")
        #expect(found.map(\.category) == [.welcome, .urge])
        #expect(found.first?.target == "the new ferry link between our ports")
        #expect(found.last?.target == "all parties to keep the sea lanes open")
        // A noun after "and" is still part of the target.
        let nouns = stances(opening + "We welcome the pledges of aid and support in kind from the donors.")
        #expect(nouns.first?.target == "the pledges of aid and support in kind from the donors")
        // Past tense does not change: a present form after "and" in a past-tense sentence is no verb of the holder's.
        let past = stances(opening + "Minister Park welcomed the proposal to expand trade and support the exporters.")
        #expect(past.first?.target == "the proposal to expand trade and support the exporters")
    }

    @Test func aCapitalizedVerbAfterItsSubjectInAHeadline() {
        let found = stances("Japan Condemns the Missile Launch by the Militia\n\nTokyo, 3 May 2025\n\nThe ministry issued a statement.")
        #expect(found.first?.category == .condemn && found.first?.cue == "Condemns" && found.first?.holders == ["Japan"])
        #expect(found.first?.target == "the Missile Launch by the Militia")
        // Not in a navigation line, and not without a subject.
        #expect(stances("Back to Press Releases\n\nSee Our Support Pages").isEmpty)
        // Not in running text.
        #expect(stances(opening + "They signed the Paris Agreement.").isEmpty)
    }

    @Test func butAndAVerbOfTheHolderEndATarget() {
        let found = stances(opening + "The two Ministers did not agree on the timeline for the talks but committed to continue discussions.")
        #expect(found.map(\.category) == [.agree, .commit])
        #expect(found.first?.target == "on the timeline for the talks" && found.first?.negated == true)
        // "but" inside a noun phrase stays.
        let phrase = stances(opening + "Minister Park welcomed the small but steady progress.")
        #expect(phrase.first?.target == "the small but steady progress")
    }

    @Test func aRelativeClauseCueTargetsItsAntecedent() {
        let text = opening + "The ministers discussed:\n\u{2022} the repeated cyber attacks on ports, which both Ministers strongly condemned;\n\u{2022} trade."
        let found = stances(text)
        #expect(found.first?.category == .condemn && found.first?.target == "the repeated cyber attacks on ports")
        // A main clause before the comma is no antecedent.
        let main = stances(opening + "Minister Park said the port was closed, which Japan regretted.")
        #expect(main.first?.category == .regret && main.first?.target == nil)
    }

    @Test func aCopulaAndAStanceAdjectiveEndATarget() {
        let found = stances(opening + "Japan deplores the closure of the border crossing and is deeply concerned about the shortages.")
        #expect(found.map(\.category) == [.condemn, .concern])
        #expect(found.first?.target == "the closure of the border crossing")
        #expect(found.last?.target == "about the shortages" && found.last?.intense == true)
    }

    @Test func inTheStrongestTermsIntensifiesAndIsNoTarget() {
        let found = stances(opening + "We condemn in the strongest possible terms the shelling of the hospital.")
        #expect(found.first?.target == "the shelling of the hospital")
        #expect(found.first?.intense == true)
        let pronoun = stances(opening + "Minister Park condemned it in no uncertain terms.")
        #expect(pronoun.first?.target == "it" && pronoun.first?.intense == true)
    }

    @Test func callingOnAPersonIsAVisitNotAnAppeal() {
        #expect(stances(opening + "Minister Park called on Prime Minister Lio Wenbo at his office.").isEmpty)
        #expect(stances(opening + "Minister Park called on Prime Minister Lio Wenbo to discuss the railway project.").isEmpty)
        let appeal = stances(opening + "Minister Park called on Prime Minister Lio Wenbo to release the detained fishermen.")
        #expect(appeal.first?.category == .urge && appeal.first?.target == "Prime Minister Lio Wenbo to release the detained fishermen")
        let country = stances(opening + "Minister Park called on Japan to lift the restrictions.")
        #expect(country.first?.category == .urge)
    }

    @Test func whatAnotherIsAskedToDoIsNoStanceOfTheirs() {
        let found = stances(opening + "Minister Park urged the militia to agree to a ceasefire.")
        #expect(found.map(\.category) == [.urge])
        #expect(found.first?.target == "the militia to agree to a ceasefire")
        // The holder's own infinitive stays: "agreed to support".
        let own = stances(opening + "Minister Park and Minister Kamikawa agreed to support the reconstruction.")
        #expect(own.map(\.category) == [.agree, .support])
    }

    @Test func aTitlesAcronymAsSubjectStandsForItsBearer() {
        let found = stances("External Affairs Minister Dr. Ekene Adaeze met Foreign Minister Lio Wenbo in Hanoi. EAM thanked the Vietnamese side for the arrangements.")
        #expect(found.first?.category == .appreciate && found.first?.holders == ["EAM"] && found.first?.ids == ["ekene-adaeze"])
        // An acronym that is no title's stays without a holder.
        #expect(stances("Foreign Minister Lio Wenbo met the delegation. ABC thanked the hosts.").isEmpty)
    }

    @Test func anUnnamedSecretaryGeneralIsTheOneInOffice() {
        let dated = stances("Readout of the Secretary-General's meeting with President Lio Wenbo\n\nNew York, 5 March 2015\n\nThe Secretary-General met today with President Lio Wenbo. The Secretary-General thanked the President for the support of his country.")
        #expect(dated.first?.category == .appreciate && dated.first?.holders == ["The Secretary-General"] && dated.first?.ids == ["ban-ki-moon"])
        let undated = stances("The Secretary-General met today with President Lio Wenbo. The Secretary-General welcomed the ceasefire.")
        #expect(undated.first?.ids == ["antonio-guterres"])
        let nato = stances("The Secretary General met President Lio Wenbo. The Secretary General thanked the President for his support to NATO.")
        #expect(nato.first?.ids == ["mark-rutte"])
        // A Secretary-General named in the readout is that person.
        let named = stances("Secretary-General Ekene Adaeze met President Lio Wenbo. The Secretary-General welcomed the ceasefire.")
        #expect(named.first?.ids == ["ekene-adaeze"])
    }

    @Test func aVerbAfterCommaAndIsCoordinatedWithTheReportingVerb() {
        let found = stances(opening + "Minister Park noted that this year marks the anniversary of ties between the Republic of Korea and Japan, and expressed hope that the ties would grow.")
        #expect(found.first?.category == .hope && found.first?.ids == ["park-jin"])
        // Without the comma the verb may belong to the that-clause's own subject.
        let inner = stances(opening + "Minister Park said that Japan had lifted the ban and welcomed the decision.")
        #expect(inner.first?.category == .welcome && inner.first?.ids == ["JPN"])
    }

    @Test func twoNamesJoinedByAndHoldACoordinatedVerbTogether() {
        let found = stances(opening + "Kamikawa Yoko and Minister Park Jin expressed serious concern over the floods and called for more relief.")
        #expect(found.map(\.category) == [.concern, .urge])
        #expect(found.allSatisfy { $0.ids == ["kamikawa-yoko", "park-jin"] })
    }

    @Test func aRoleWithANationalityStandsForThatCountrysOfficial() {
        let text = "Foreign Minister Ekene Adaeze of Nigeria received a call from the Foreign Minister of Iran, Dr. Lio Wenbo. The Iranian Foreign Minister thanked Nigeria for its stance. The Nigerian Foreign Minister welcomed the call."
        let found = stances(text)
        #expect(found.map(\.category) == [.appreciate, .welcome])
        #expect(found.map(\.ids) == [["lio-wenbo"], ["ekene-adaeze"]])
    }

    @Test func aBareRoleSharedByBothParticipantsIsTheOneWhoseTitleNamesNoCountry() {
        let text = "Prime Minister Ekene Adaeze met the Prime Minister of Japan, H.E. Mr. Lio Wenbo, in Bangkok. The Prime Minister congratulated Prime Minister Lio on his election."
        #expect(stances(text).first?.ids == ["ekene-adaeze"])
    }

    @Test func aBareRoleOfTwoCountriesIsTheOneWhoseTitleIsJustThatRole() {
        let text = "Mr. Ekene Adaeze, Minister of Foreign Affairs of Ghana, held talks with H.E. Mr. Lio Wenbo, Deputy Prime Minister and Minister of Foreign Affairs and International Cooperation of the Kingdom of Cambodia. The Minister of Foreign Affairs expressed regret over the incident."
        #expect(stances(text).first?.ids == ["ekene-adaeze"])
    }

    @Test func aQuotationOverSeveralSentencesAndItsNextParagraphAreTheSpeakers() {
        let text = "Foreign Minister of Ghana Ekene Adaeze met Foreign Minister Lio Wenbo in Accra.\n\n\u{201C}We had a frank discussion,\u{201D} Mr Adaeze said.\n\n\u{201C}Ghana welcomed the talks. We also raised our concerns about the detentions.\u{201D}"
        let found = stances(text)
        #expect(found.map(\.category) == [.welcome, .concern])
        #expect(found.last?.holders == ["We"] && found.last?.ids == ["GHA"])
        // Without a speaker before or after, "we" stays the participants'.
        let unattributed = stances("Foreign Minister Ekene Adaeze met Foreign Minister Lio Wenbo in Accra.\n\nThe talks went on.\n\n\u{201C}Trade matters. We also raised our concerns about the detentions.\u{201D}")
        #expect(Set(unattributed.last?.ids ?? []) == ["ekene-adaeze", "lio-wenbo"])
    }

    @Test func notedWithConcernIsTheSubjectsConcern() {
        let found = stances(opening + "Japan noted with grave concern the recent launches. They walked with concern.")
        #expect(found.count == 1)
        #expect(found.first?.category == .concern && found.first?.holders == ["Japan"] && found.first?.target == "the recent launches" && found.first?.intense == true)
    }

    @Test func aCoordinatedVerbKeepsTheWholeGroupSubject() {
        let text = "Secretary of State Ekene Adaeze spoke with Foreign Minister Lio Wenbo. The Secretary and the Foreign Minister welcomed the truce and agreed to continue close coordination."
        let found = stances(text)
        #expect(found.map(\.category) == [.welcome, .agree])
        #expect(found.allSatisfy { $0.holders == ["The Secretary and the Foreign Minister"] && Set($0.ids) == ["ekene-adaeze", "lio-wenbo"] })
    }

    @Test func aCountryBeforeANounCueHoldsItAsAPossessor() {
        let found = stances(opening + "Minister Kamikawa also raised Japan concerns about the new export controls. Coast Guard concerns were not discussed.")
        #expect(found.count == 1 && found.first?.category == .concern && found.first?.holders == ["Japan"])
        #expect(found.first?.target == "about the new export controls")
    }

    @Test func continuingAStanceNamedByANounIsTheSubjects() {
        let found = stances(opening + "Minister Kamikawa stated that Japan would continue its support for the reconstruction. The road continues its course.")
        #expect(found.count == 1 && found.first?.category == .support && found.first?.holders == ["Japan"] && found.first?.target == "for the reconstruction")
    }

    @Test func aNounCueCoordinatedAfterALightVerbIsTheVerbsSubjects() {
        let found = stances(opening + "The Korean side expressed its deep disappointment and firm opposition to the decision.")
        #expect(found.map(\.category) == [.regret, .protest])
        #expect(found.allSatisfy { $0.holders == ["The Korean side"] })
        #expect(found.last?.target == "to the decision")
    }

    @Test func reaffirmingASharedCommitmentIsOneStance() {
        let found = stances(opening + "The two Ministers reaffirmed their shared commitment to open markets.")
        #expect(found.count == 1 && found.first?.cue == "commitment" && found.first?.target == "to open markets")
        let two = stances(opening + "Minister Park expressed his gratitude for Japan’s and the United States’ support for the policy.")
        #expect(two.last?.category == .support && two.last?.holders == ["Japan", "United States"] && two.last?.target == "for the policy")
        let ironclad = stances(opening + "Minister Kamikawa reaffirmed the United States’ ironclad commitment to the defense of Japan.")
        #expect(ironclad.count == 1 && ironclad.first?.cue == "commitment" && ironclad.first?.holders == ["United States"])
    }

    @Test func aCountryAfterAndTheStartsANewClause() {
        let found = stances(opening + "The two Ministers welcomed the progress in the talks, and the Republic of Korea reaffirmed its support for the plan.")
        #expect(found.first?.target == "the progress in the talks")
    }

    @Test func theTwoOfThreeAreThoseTheSentenceDidNotNameBefore() {
        let text = "Ms. Kamikawa Yoko, Minister for Foreign Affairs of Japan, met Mr. Antony Blinken, Secretary of State of the United States, and Mr. Cho Tae-yul, Minister of Foreign Affairs of the Republic of Korea. The three Ministers met. Minister Kamikawa sought the understanding of the two countries, and the two Ministers expressed their support. The two Ministers welcomed the talks."
        let found = stances(text)
        #expect(found.map(\.category) == [.urge, .support, .welcome])
        #expect(found[1].ids == ["antony-blinken", "cho-tae-yul"])
        // Without anyone named before them in the sentence: the first two.
        #expect(found[2].ids == ["kamikawa-yoko", "antony-blinken"])
    }

    @Test func theMinistersWithNoNumberAreAllTheParticipants() {
        let text = "Mr. Motegi Toshimitsu, Minister for Foreign Affairs, and Mr. Kishi Nobuo, Minister of Defense, held consultations with Senator Marise Payne, Minister for Foreign Affairs, and Mr. Peter Dutton, Minister for Defence of Australia. The four Ministers met. The Ministers welcomed the progress."
        #expect(stances(text).last?.ids.count == 4)
    }

    @Test func negationStaysWithItsOwnVerb() {
        // The negation of a first verb with its object does not reach a coordinated cue.
        let deplored = stances(opening + "Minister Park stated that Korea did not accept the report and deplored the decision.")
        #expect(deplored.last?.cue == "deplored" && deplored.last?.negated == false)
        // Nor past a possessor: Korea's protest was made, whatever was not accepted.
        let protest = stances(opening + "Minister Park said that Japan did not accept Korea's protest.")
        #expect(protest.first { $0.cue == "protest" }?.negated == false)
        // A negated protest verb is negated ("cannot accept" carries its negation in the cue).
        let oppose = stances(opening + "Minister Park expressed his disappointment at the response but did not oppose further dialogue.")
        #expect(oppose.map(\.target) == ["at the response", "further dialogue"])
        #expect(oppose.last?.category == .protest && oppose.last?.negated == true)
    }

    @Test func neverAcceptIsAProtest() {
        let found = stances(opening + "Minister Park stated that Korea would never accept the seizure.")
        #expect(found.map(\.cue) == ["would never accept"])
        #expect(found.first?.category == .protest && found.first?.negated == false && found.first?.target == "the seizure")
    }

    @Test func neitherNorAreNegatedStancesOnOneObject() {
        let found = stances(opening + "The two Ministers neither welcomed nor rejected the proposal for a summit.")
        #expect(found.map(\.category) == [.welcome, .protest])
        #expect(found.allSatisfy { $0.negated && $0.target == "the proposal for a summit" && $0.holders == ["The two Ministers"] })
    }

    @Test func theTwoAloneBeforeAVerbAreTheParticipants() {
        let text = "Secretary Ekene Adaeze spoke with Foreign Minister Lio Wenbo. The Secretary thanked Lio for his support, and the two agreed to stay in touch. Both welcomed the truce. The two countries' ships met."
        let found = stances(text)
        #expect(found.first?.target == "Lio for his support")
        #expect(found.dropFirst().map(\.holders) == [["the two"], ["Both"]])
        #expect(found.dropFirst().allSatisfy { Set($0.ids) == ["ekene-adaeze", "lio-wenbo"] })
    }

    @Test func twoSidesJoinedByAndHoldTogether() {
        let found = stances(opening + "The Japanese side and the ROK side welcomed the new guidelines.")
        #expect(found.first?.holders == ["The Japanese side", "the ROK side"] && found.first?.ids == ["JPN", "KOR"])
    }

    @Test func ministersOpeningASentenceAreAllTheParticipants() {
        let text = "Japan's Minister for Foreign Affairs, Kamikawa Yoko, and Minister of Defense, Ekene Adaeze, met Australia's Minister for Foreign Affairs, Penny Wong, and Minister for Defence, Lio Wenbo, for the Japan-Australia 2+2 in Tokyo. Ministers condemned the launches. The ministers' aides met."
        let found = stances(text)
        #expect(found.count == 1 && found.first?.holders == ["Ministers"] && found.first?.ids.count == 4)
    }

    @Test func seekingSomethingOfAnotherIsAnAppeal() {
        let found = stances(opening + "Minister Kamikawa sought Minister Park's understanding toward the early return of the abductees. Japan sought to expand trade. Both sides will seek a settlement.")
        #expect(found.count == 1 && found.first?.category == .urge && found.first?.holders == ["Kamikawa"])
        #expect(found.first?.target == "Minister Park's understanding toward the early return of the abductees")
    }

    @Test func intendIsACommitment() {
        // GUIDELINES.md lists "intend" with intention, willing and ready under Commit.
        let found = stances(opening + "Minister Kamikawa stated that Japan intends to double its assistance. The intended route was closed.")
        #expect(found.count == 1 && found.first?.category == .commit && found.first?.holders == ["Japan"] && found.first?.target == "to double its assistance")
    }

    @Test func aPronounAfterStatedThatIsTheOneWhoStated() {
        let text = "Minister Ekene Adaeze met Deputy Prime Minister Lio Wenbo. Minister Adaeze welcomed Deputy Prime Minister Lio's visit and stated that he would like to deepen the partnership."
        let found = stances(text)
        #expect(found.last?.category == .hope && found.last?.holders == ["he"] && found.last?.ids == ["ekene-adaeze"])
    }

    @Test func aPronounInACoordinatedThatClauseIsTheOneWhoStated() {
        let text = "Minister Ekene Adaeze met Deputy Prime Minister Lio Wenbo. Furthermore, Minister Adaeze stated that trade is growing, and that he would like to visit Accra soon."
        let found = stances(text)
        #expect(found.last?.category == .hope && found.last?.holders == ["he"] && found.last?.ids == ["ekene-adaeze"])
    }

    @Test func theyAreTheTwoPeopleOfTheLastCoordinatedSubject() {
        let text = "Minister Ekene Adaeze called on President Tomas Halvorsen and met Foreign Minister Lio Wenbo. Minister Adaeze and Foreign Minister Lio welcomed the new air links. They agreed to meet again."
        let found = stances(text)
        #expect(found.last?.category == .agree && found.last?.holders == ["They"] && found.last?.ids == ["ekene-adaeze", "lio-wenbo"])
    }

    @Test func aThingThatConfirmsHoldsNoStance() {
        let found = stances(opening + "Both sides welcomed the adoption of the joint statement, which confirmed the roadmap for the next decade.")
        #expect(found.map(\.category) == [.welcome])
        // An entity described by the clause holds: "the Secretariat, which welcomed ...".
        let entity = stances(opening + "They briefed the ASEAN Secretariat, which welcomed the initiative.")
        #expect(entity.last?.category == .welcome && entity.last?.holders == ["ASEAN Secretariat"])
    }

    @Test func aNounCueAfterToIsAVerbOfAnotherSense() {
        let found = stances(opening + "Minister Park expressed his support for Japan's efforts to resolve the issue.")
        #expect(found.map(\.category) == [.support])
        // A carrier noun keeps its "of": "Minister Park's words of welcome".
        let words = stances(opening + "Following Minister Park's words of welcome, the two Ministers held talks.")
        #expect(words.first?.category == .welcome && words.first?.holders == ["Park"])
    }

    @Test func aPastVerbAfterAPresentThatClauseGoesWithTheReportingVerb() {
        let text = opening + "Minister Park said that Korea highly values its partnership with Japan and congratulated the new government on its launch."
        let found = stances(text)
        #expect(found.map(\.category) == [.welcome, .congratulate])
        #expect(found.first?.holders == ["Korea"])
        #expect(found.last?.holders == ["Park"])
        // A clause in the past keeps its own subject: "that Japan lodged a protest and condemned it".
        let past = stances(opening + "Minister Kamikawa stated that it is unacceptable, that Japan lodged a protest and condemned it.")
        #expect(past.first { $0.category == .condemn }?.holders == ["Japan"])
    }

    @Test func aMinistryStatementIsTheMinistrys() {
        let text = "The Ministry of Foreign Affairs of the Republic of Ghana strongly condemns the attack on the convoy. The Ministry expresses its condolences to the families of the victims."
        let found = stances(text)
        #expect(found.map(\.category) == [.condemn, .sympathize])
        #expect(found.first?.holders == ["Ministry of Foreign Affairs"])
        #expect(found.last?.holders == ["The Ministry"] && found.last?.ids == found.first?.ids)
    }

    @Test func twoRolesWithOneArticleAreOneSubject() {
        let text = "Secretary of State Ekene Adaeze spoke with Foreign Minister Lio Wenbo. The Secretary and Foreign Minister reviewed the talks and called for an early ceasefire."
        let found = stances(text)
        #expect(found.first?.holders == ["The Secretary and Foreign Minister"] && Set(found.first?.ids ?? []) == ["ekene-adaeze", "lio-wenbo"])
    }

    @Test func aRoleAndATitledNameHoldTogether() {
        let text = "Secretary Ekene Adaeze met Foreign Minister Lio Wenbo. The Secretary and Foreign Minister Lio reaffirmed the alliance. They underscored their commitment to open trade."
        let found = stances(text)
        #expect(found.first?.holders == ["The Secretary", "Lio"] && found.first?.ids == ["ekene-adaeze", "lio-wenbo"])
        // "underscored" carries a nominal cue like "expressed".
        #expect(found.last?.category == .commit && found.last?.holders == ["They"] && found.last?.target == "to open trade")
    }

    @Test func aGroupOfTwoRolesWithQualifiersIsOneSubject() {
        let text = "Deputy Secretary of State Ekene Adaeze met Armenian Foreign Minister Lio Wenbo. The Deputy Secretary and the Foreign Minister discussed trade and agreed on the importance of connectivity."
        #expect(stances(text).first?.holders == ["The Deputy Secretary and the Foreign Minister"])
    }

    @Test func theTwoHeadsOfGovernmentAreTheParticipants() {
        let found = stances("Chancellor Ekene Adaeze received Prime Minister Lio Wenbo in Berlin. The two heads of government agreed to expand cooperation.")
        #expect(found.first?.holders == ["The two heads of government"] && Set(found.first?.ids ?? []) == ["ekene-adaeze", "lio-wenbo"])
    }

    @Test func bothOfficialsAreTheParticipants() {
        let found = stances("Foreign Minister Ekene Adaeze met Foreign Minister Lio Wenbo in Accra. Both officials condemned the violence in the region.")
        #expect(found.first?.category == .condemn && Set(found.first?.ids ?? []) == ["ekene-adaeze", "lio-wenbo"])
    }

    @Test func firstPersonPronounsInAQuotationAreTheOneQuoted() {
        let before = stances(opening + "After the meeting, Minister Park said: \u{201C}I welcome the new ferry link.\u{201D}")
        #expect(before.first?.category == .welcome && before.first?.holders == ["I"] && before.first?.ids == ["park-jin"])
        // "We" is the speaker's country when it is known.
        let we = stances(opening + "Minister Kamikawa said: \"We condemn the attack and welcome Korea's support.\"")
        #expect(we.first?.category == .condemn && we.first?.ids == ["JPN"] && we.first?.target == "the attack")
        // After the quotation: ", he added".
        let after = stances(opening + "Minister Park thanked his host. \u{201C}I look forward to meeting again in Seoul,\u{201D} he added.")
        #expect(after.last?.category == .hope && after.last?.ids == ["park-jin"] && after.last?.target == "to meeting again in Seoul")
    }

    @Test func anHonorificAsSubjectStandsForItsBearerInAnyForm() {
        // "His Excellency" for a bearer of "HE" or "H.E.": of two, the one whose title names no country.
        let text = "HE Prime Minister Sheikh Ekene Adaeze met today with H.E. Minister of Foreign Affairs of Egypt Dr. Lio Wenbo. His Excellency condemned the attacks on the convoy."
        #expect(stances(text).first?.ids == ["ekene-adaeze"])
        #expect(texts(text, .title).first == "HE Prime Minister Sheikh")
        // "HE" before a word in capitals, or a lower-case one, is a pronoun.
        #expect(texts("HE MET THE PRESS. HE said so.", .title).isEmpty)
    }

    @Test func anHonorificAsSubjectStandsForItsBearer() {
        let found = stances("His Highness Sheikh Ekene Adaeze received Foreign Minister Lio Wenbo in Abu Dhabi. His Highness welcomed the minister and praised the growing ties.")
        #expect(found.map(\.category) == [.welcome, .welcome])
        #expect(found.allSatisfy { $0.holders == ["His Highness"] && $0.ids == ["ekene-adaeze"] })
        #expect(found.first?.target == "the minister")
    }

    @Test func standReadyIsACopula() {
        let found = stances(opening + "Minister Park said that the ROK stands ready to provide assistance.")
        #expect(found.contains { $0.category == .commit && $0.cue == "ready" && $0.holders == ["ROK"] && $0.target == "to provide assistance" })
        #expect(stances(opening + "The memorial stands in the square.").isEmpty)
    }

    @Test func partiesNamedWithBetweenHoldASharedView() {
        let group = stances(opening + "This goal was an important shared recognition between the two Ministers.")
        #expect(group.contains { $0.category == .agree && $0.cue == "shared recognition" && $0.holders == ["the two Ministers"] && $0.target == nil })
        let pair = stances(opening + "The new line builds on the consensus between Japan and China on fisheries.")
        #expect(pair.contains { $0.category == .agree && $0.cue == "consensus" && $0.holders == ["Japan", "China"] && $0.target == "on fisheries" })
        // Without "between", no holder and no stance.
        #expect(!stances(opening + "The shared recognition was recorded.").contains { $0.category == .agree })
    }

    @Test func aGerundAfterWhileContinuesTheSubject() {
        let found = stances(opening + "Minister Kamikawa explained Japan’s position, while welcoming the progress in bilateral relations.")
        #expect(found.contains { $0.category == .welcome && $0.cue == "welcoming" && $0.holders == ["Kamikawa"] })
        let along = stances(opening + "Minister Park stressed cooperation, along with sharing the view that the two countries will work together.")
        #expect(along.contains { $0.category == .agree && $0.holders == ["Park"] })
        // A gerund as a modifier after "with" is not a stance.
        #expect(!stances(opening + "Minister Park opened the meeting with welcoming remarks.").contains { $0.category == .welcome })
    }

    @Test func eagernessIsHope() {
        let found = stances(opening + "Minister Park said that he was eager to visit Tokyo soon.")
        #expect(found.contains { $0.category == .hope && $0.cue == "eager" && $0.holders == ["he"] })
    }

    @Test func pronounsResolveToTheNearestPerson() {
        let found = stances(opening + "Minister Kamikawa spoke on the ruling. She again urged the ROK to take measures.")
        #expect(found.first?.holders == ["She"])
        #expect(found.first?.ids == ["kamikawa-yoko"])
    }

    @Test func groupExpressionsStandForTheParticipantsOrTheirCountries() {
        let found = stances(opening + "The two Ministers welcomed the progress. Both sides agreed to meet again. The Japanese side hoped to deepen ties.")
        #expect(found.map(\.holders) == [["The two Ministers"], ["Both sides"], ["the Japanese side"].map { $0.capitalizedFirst }])
        #expect(Set(found[0].ids) == ["kamikawa-yoko", "park-jin"])
        #expect(Set(found[1].ids) == ["JPN", "KOR"])
        #expect(found[2].ids == ["JPN"])
    }

    @Test func aDelegationByNationalityAndTheirExcellencies() {
        let found = stances(opening + "The Korean delegation expressed appreciation for the hospitality. Their Excellencies looked forward to the summit.")
        #expect(found.map(\.holders) == [["The Korean delegation"], ["Their Excellencies"]])
        #expect(found.first?.ids == ["KOR"])
        #expect(Set(found.last?.ids ?? []) == ["kamikawa-yoko", "park-jin"])
    }

    @Test func theyAfterACoordinatedVerb() {
        let found = stances(opening + "Furthermore, they shared serious concern about the launches, and affirmed that they would continue close coordination.")
        #expect(found.map(\.category) == [.concern, .commit])
        #expect(found.allSatisfy { $0.holders == ["they"] })
        #expect(found[0].target == "about the launches")
        #expect(Set(found[1].ids) == ["kamikawa-yoko", "park-jin"])
    }

    @Test func aRoleStandsForTheParticipantWithThatTitle() {
        let found = stances("The Foreign Secretary Ekene Adaeze met Chinese Foreign Minister Wang Yi in Beijing today. The Foreign Secretary expressed his hope that dialogue would continue.")
        #expect(found.first?.holders == ["The Foreign Secretary"])
        #expect(found.first?.ids == ["ekene-adaeze"])
    }

    @Test func aRoleSetOffBeforeTheNameStandsForThatPerson() {
        let found = stances("The Foreign Secretary, Ekene Adaeze, met Chinese Foreign Minister Wang Yi in Beijing today. The Foreign Secretary regretted that the talks had stalled.")
        #expect(found.first?.holders == ["The Foreign Secretary"])
        #expect(found.first?.ids == ["ekene-adaeze"])
    }

    @Test func aPronounOpeningASentenceContinuesItsSubject() {
        let found = stances("The Foreign Secretary Ekene Adaeze met Chinese Foreign Minister Wang Yi in Beijing today. The Foreign Secretary raised the situation in Hong Kong. He called on China to act.")
        #expect(found.first?.holders == ["He"])
        #expect(found.first?.ids == ["ekene-adaeze"])
    }

    @Test func aCommitVerbBeforeAPossessedNominalCueLeavesTheStanceToTheNoun() {
        let found = stances(opening + "The Secretary reaffirmed the United States’ commitment to a free and open Indo-Pacific.")
        #expect(found.map(\.cue) == ["commitment"])
        #expect(found.first?.holders == ["United States"])
    }

    @Test func twoNamedHolders() {
        let found = stances(opening + "Deputy Secretary Sullivan and Foreign Minister Kono agreed that pressure must be maintained.")
        #expect(found.first?.holders == ["Sullivan", "Kono"])
    }

    @Test func coordinatedCountriesAndBodiesHoldTogether() {
        #expect(stances("Ghana and the European Union condemned the attack on the convoy.").first?.holders == ["Ghana", "European Union"])
        #expect(stances("Peru and Chile Agree to Reopen Border Crossings").first?.holders == ["Peru", "Chile"])
        // The object of a preposition is no subject: only the country next to the verb.
        #expect(stances("Trade between Peru and Chile welcomed the reform.").first?.holders == ["Chile"])
    }

    @Test func participantsComeFromTheOpening() {
        let found = stances("Prime Minister Ekene Adaeze held a telephone talk with President Mauro Vieira. The two leaders agreed to meet.")
        #expect(Set(found.first?.ids ?? []) == ["ekene-adaeze", "mauro-vieira"])
    }

    @Test func theSpeakerOfAnImpersonalSentence() {
        let found = stances(opening + "Minister Park said that relations are important. It is hoped that Japan will act.")
        #expect(found.first?.category == .hope)
        #expect(found.first?.holders == ["Park"])
    }
}

@Suite struct TargetTests {
    @Test func targetsStopAtTheClauseBoundary() {
        let found = stances(opening + "The two Ministers strongly condemned North Korea’s launch conducted on November 21, stressing that it violates resolutions.")
        #expect(found.first?.target == "North Korea’s launch conducted on November 21")
    }

    @Test func aQuotedTargetWithThePeriodInsideLosesMarksAndPeriod() {
        let found = stances(opening + "Japan does not support \"Taiwan independence.\" Japan opposes any form of \u{201C}hegemony\u{201D} in the region.")
        #expect(found.map(\.target) == ["Taiwan independence", "any form of \u{201C}hegemony\u{201D} in the region"])
    }

    @Test func aCoordinatedPredicateWithSoughtEndsTheTarget() {
        let found = stances(opening + "Minister Park stated that he was grateful for Japan's help, and sought Japan's understanding on the issue.")
        #expect(found.first?.target == "for Japan's help")
        #expect(found.last?.cue == "sought" && found.last?.target == "Japan's understanding on the issue")
    }

    @Test func coordinatedNounCuesShareTheirComplement() {
        let found = stances(opening + "Minister Kamikawa expressed serious concern and strong protest over the intrusion into Japan’s airspace.")
        #expect(found.map(\.category) == [.concern, .protest])
        #expect(found.allSatisfy { $0.target == "over the intrusion into Japan’s airspace" && $0.holders == ["Kamikawa"] })
        // Coordinated verbs too: "strongly deplores and firmly opposes X".
        let verbs = stances(opening + "Minister Park strongly deplored and firmly opposed the seizure of the vessel.")
        #expect(verbs.map(\.category) == [.condemn, .protest])
        #expect(verbs.allSatisfy { $0.target == "the seizure of the vessel" && $0.intense })
    }

    @Test func aCongratulatoryMessageSentOrExchangedIsItsSendersStance() {
        let found = stances(opening + "The two Ministers exchanged congratulatory messages on the anniversary of the treaty. Minister Park sent a congratulatory message to the team.")
        #expect(found.map(\.category) == [.congratulate, .congratulate])
        #expect(found.map(\.holders) == [["The two Ministers"], ["Park"]])
        #expect(found.map(\.target) == ["on the anniversary of the treaty", "to the team"])
    }

    @Test func aRelativeClauseOfAnotherSpeakerEndsTheTarget() {
        let found = stances(opening + "Minister Kamikawa requested the ROK's support regarding the abductions issue, to which Minister Park expressed his support.")
        #expect(found.first?.target == "the ROK's support regarding the abductions issue")
        #expect(found.last?.holders == ["Park"])
        // A relative clause of the object itself stays: ", to which the two countries belong".
        let own = stances(opening + "Minister Park welcomed the new forum, to which both countries belong.")
        #expect(own.first?.target == "the new forum, to which both countries belong")
    }

    @Test func aNewVerbOfTheHolderEndsTheTarget() {
        let found = stances(opening + "The two Ministers welcomed the recovery of exchanges between their countries, and expressed their hope to see more youth exchanges.")
        #expect(found.map(\.target) == ["the recovery of exchanges between their countries", "to see more youth exchanges"])
    }

    @Test func aTitledNameAfterAndStartsANewClause() {
        let found = stances(opening + "Minister Kamikawa requested cooperation toward the early return of the abductees, and Minister Park expressed his support.")
        #expect(found.first?.target == "cooperation toward the early return of the abductees")
        #expect(found.last?.category == .support && found.last?.holders == ["Park"])
    }

    @Test func aMeetingVerbOfTheHolderEndsTheTarget() {
        let found = stances(opening + "The two Ministers welcomed the steady growth of trade between their countries, and discussed maritime security and energy.")
        #expect(found.map(\.target) == ["the steady growth of trade between their countries"])
        let joined = stances(opening + "Minister Park welcomed the new fisheries arrangement and exchanged views on tourism.")
        #expect(joined.map(\.target) == ["the new fisheries arrangement"])
    }

    @Test func aRelativeClauseStaysWithItsNounPhrase() {
        let found = stances(opening + "The two Ministers welcomed the opening of the new consulate, which will serve travellers from both countries.")
        #expect(found.first?.target == "the opening of the new consulate, which will serve travellers from both countries")
        // The next that-clause of the reporting verb is not part of it.
        let next = stances(opening + "Minister Park stated that it was deeply regrettable that the vessel had entered the zone, which violates the agreement, that Seoul had protested.")
        #expect(next.first?.target == "that the vessel had entered the zone, which violates the agreement")
    }

    @Test func anObjectPronounIsTheWholeTarget() {
        let found = stances(opening + "Minister Park recalled the drone incursion and condemned it in the strongest terms through diplomatic channels.")
        #expect(found.first?.target == "it")
    }

    @Test func aNewSubjectEndsTheTarget() {
        // A subject pronoun after ", and".
        let pronoun = stances(opening + "Minister Park welcomed the release of the detained crew, and she was ready to assist their return.")
        #expect(pronoun.first?.target == "the release of the detained crew")
        // A role as subject, with no name attached.
        let role = stances(opening + "Both leaders condemned the attack on the convoy, and the Prime Minister said relief would continue.")
        #expect(role.first?.target == "the attack on the convoy")
        // A verb of thought of the holder's.
        let thought = stances(opening + "Japan supports the reconstruction effort and understands that the costs are high.")
        #expect(thought.first?.target == "the reconstruction effort")
    }

    @Test func aThatClauseAfterAnotherComplementEndsTheTarget() {
        let found = stances(opening + "Minister Park stated that he hoped to visit Tokyo soon and that he would also like to see the exhibition.")
        #expect(found.first { $0.category == .hope }?.target == "to visit Tokyo soon")
    }

    @Test func anAdverbialAloneIsNoTarget() {
        let found = stances(opening + "Minister Park expressed his appreciation for Japan’s support so far.")
        #expect(found.contains { $0.category == .support && $0.target == nil })
    }

    @Test func theSubjectOfACoordinatedThatClauseIsJudged() {
        let found = stances(opening + "The two Ministers shared the view that trade is vital, and that coercion by any country is not acceptable.")
        #expect(found.first { $0.category == .protest }?.target == "coercion by any country")
    }

    @Test func coordinatedThatClausesStayInTheTarget() {
        let found = stances(opening + "They shared the view that security is indivisible, and that force is not acceptable.")
        #expect(found.first?.target == "that security is indivisible, and that force is not acceptable")
    }

    @Test func aCueWithoutComplementHasNoTarget() {
        let found = stances(opening + "Minister Park concurred, and looked forward to closer cooperation.")
        #expect(found.map(\.cue) == ["concurred", "looked forward"])
        #expect(found[0].target == nil)
        #expect(found[1].target == "to closer cooperation")
    }

    @Test func nestedStancesAreKept() {
        let found = stances(opening + "Minister Kamikawa expressed her appreciation for the ROK government’s consistent support on the abductions issue.")
        #expect(found.map(\.category) == [.appreciate, .support])
        #expect(found[0].target == "for the ROK government’s consistent support on the abductions issue")
        #expect(found[1].holders == ["ROK"])
        #expect(found[1].target == "on the abductions issue")
    }
}

@Suite struct StanceOutputTests {
    @Test func bratEventsRolesAndAttributes() {
        let doc = Document(name: "t", text: opening + "The two Ministers strongly condemned the launch.")
        let annotated = sharedPipeline.annotate(doc)
        let ann = BratWriter.ann(annotated)
        #expect(ann.contains("\tActor "))
        #expect(ann.contains("\tCondemn "))
        #expect(ann.contains("\tTarget "))
        #expect(ann.range(of: #"E1\tCondemn:T\d+ Holder:T\d+ Target:T\d+\n"#, options: .regularExpression) != nil)
        #expect(ann.contains("A1\tIntensity E1 High\n"))
        #expect(Checker.check(ann: ann, text: doc.text).isEmpty)
    }

    @Test func everyTypeRoleAndAttributeIsDeclared() throws {
        let conf = BratWriter.annotationConf()
        for category in StanceCategory.allCases {
            #expect(conf.contains("\n\(category.rawValue)\tHolder?:"))
        }
        for word in ["Target", "Holder2?:", "Intensity\tArg:<EVENT>, Value:High", "Negated\tArg:<EVENT>", "Repeated\tArg:<EVENT>"] {
            #expect(conf.contains(word))
        }
        // Everything a real output uses is declared.
        let text = opening + "The two Ministers strongly condemned the launch. Deputy Secretary Sullivan and Foreign Minister Kono agreed that pressure must be kept. Minister Park again did not welcome it."
        let parsed = try BratDocument(parsing: BratWriter.ann(sharedPipeline.annotate(Document(name: "t", text: text))))
        let entities = Set(conf.components(separatedBy: "[relations]")[0].split(separator: "\n").map(String.init))
        for t in parsed.textBounds { #expect(entities.contains(t.label) || conf.contains("\n\(t.label)\t"), "\(t.label)") }
        for e in parsed.events {
            for role in e.arguments.map(\.role) { #expect(conf.contains("\(role)?:"), "\(role)") }
        }
        for a in parsed.attributes { #expect(conf.contains("\n\(a.name)\tArg:"), "\(a.name)") }
        #expect(Set(parsed.attributes.map(\.name)) == ["Intensity", "Negated", "Repeated"])
    }

    @Test func jsonCarriesCategoryPolarityCameoAndRule() throws {
        let doc = Document(name: "t", text: opening + "Minister Kamikawa strongly condemned North Korea’s launch.")
        let json = DocumentJSON(sharedPipeline.annotate(doc))
        let s = try #require(json.stances.first)
        #expect(s.category == "Condemn" && s.polarity == "negative" && s.cameo == "111")
        #expect(s.holders.first?.references.first?.id == "kamikawa-yoko")
        #expect(s.target?.entities == ["PRK"])
        #expect(s.attributes.intensity == "High")
        #expect(s.rule == "subject")
        #expect(StanceCategory.concern.cameo == "012")
    }
}

@Suite struct StanceEvaluationTests {
    @Test func matchesByCueOverlapAndCategory() throws {
        let gold = try BratDocument(parsing: """
            T1\tPerson 0 5\tAlice
            N1\tReference T1 Lexicon:alice\tAlice
            T2\tCondemn 6 15\tcondemned
            T3\tTarget 16 26\tthe launch
            E1\tCondemn:T2 Holder:T1 Target:T3
            T4\tHope 30 34\thope

            """)
        let pred = try BratDocument(parsing: """
            T1\tActor 0 5\tAlice
            N1\tReference T1 Lexicon:alice\tAlice
            T2\tCondemn 6 15\tcondemned
            T3\tTarget 20 26\tlaunch
            E1\tCondemn:T2 Holder:T1 Target:T3
            T4\tWelcome 30 34\thope
            E2\tWelcome:T4 Holder:T1

            """)
        var e = StanceEvaluation()
        e.add(gold: gold, predicted: pred)
        #expect(e.overall.gold == 1 && e.overall.predicted == 2 && e.overall.matched == 1)
        #expect(e.holderAccuracy == 1)
        #expect(abs(e.targetDice - 2.0 / 3.0) < 1e-9)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
