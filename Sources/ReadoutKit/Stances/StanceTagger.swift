/// Finds stances (GUIDELINES.md section 3): cues from the cue lexicon, filtered by part of
/// speech rules; holders from the cue's subject, the subject of the verb that introduces it,
/// a possessor, or a pronoun or group expression resolved to the meeting's participants;
/// targets up to the clause boundary; and the Intensity, Negated and Repeated attributes.
public struct StanceTagger: Sendable {
    /// A cue form in tokens. A class: the stance run hands forms around for every candidate
    /// cue, and a reference is one retain where the struct was several.
    final class Form: Sendable {
        let tokens: [String]
        let cue: Cue

        init(tokens: [String], cue: Cue) {
            self.tokens = tokens
            self.cue = cue
        }
    }

    /// Forms by their first token (lower case), longest first.
    let forms: WordMap<[Form]>
    let lexicon: Lexicon
    /// Every token of a verb form (lower case): to spot a coordinated verb ("... and welcomed").
    let verbForms: WordSet
    /// The first token of each verb form in the base form ("welcome", "call", "urge"): the
    /// present tense of "we" and "they".
    let baseVerbForms: WordSet
    /// Titles of office from the title lexicon, lower case ("foreign secretary", "prime
    /// minister"): "The Foreign Secretary" stands for the participant with that title.
    let roles: WordSet
    /// Acronyms of titles of office, lower case, with the title's other forms: "eam" ->
    /// "external affairs minister". "EAM thanked ..." stands for the participant with that title.
    let roleAcronyms: WordMap<[String]>
    /// Who held a country's high office, or a body's secretary-generalship, in a year: the
    /// unnamed "The Prime Minister" or "The Secretary-General" of a readout.
    let officeHolders: OfficeHolders
    /// Honorifics of several words, lower case ("his highness", "her excellency"), each with
    /// every form of its honorific ("h.e.", "his excellency" ...): one used as a subject ("His
    /// Excellency welcomed ...") stands for the person who bears it in any form.
    let honorifics: WordMap<[String]>

    public init(lexicon: Lexicon, segmenter: Segmenter) {
        self.lexicon = lexicon
        var all: [Form] = []
        var verbForms = Set<String>(), baseVerbForms = Set<String>()
        let flat = lexicon.cues.flatMap { cue in cue.forms.map { (cue, $0) } }
        let tokenized = segmenter.tokenTexts(flat.map(\.1))
        for ((cue, _), tokens) in zip(flat, tokenized) where !tokens.isEmpty {
            let lowered = tokens.map { $0.lowercased() }
            all.append(Form(tokens: lowered, cue: cue))
            if cue.partOfSpeech == .verb, let first = lowered.first {
                // The past of an irregular verb ("sought", "saw eye to eye") is no base form.
                if first.hasSuffix("ed") || first.hasSuffix("s") || StanceRun.irregularPasts.contains(first) {
                    verbForms.insert(first)
                } else if !first.hasSuffix("ing") {
                    baseVerbForms.insert(first)
                }
            }
        }
        var byFirst: [String: [Form]] = [:]
        for form in all { byFirst[form.tokens[0], default: []].append(form) }
        for key in byFirst.keys { byFirst[key]!.sort { $0.tokens.count > $1.tokens.count } }
        self.forms = WordMap(byFirst)
        self.verbForms = WordSet(verbForms)
        self.baseVerbForms = WordSet(baseVerbForms)
        let titles = lexicon.entries(labelled: .title)
        var honorifics: [String: [String]] = [:]
        for entry in titles where entry.roles.contains("honorific") {
            let forms = entry.surfaceForms.map { $0.lowercased() }
            for form in forms where form.contains(" ") { honorifics[form] = forms }
        }
        self.honorifics = WordMap(honorifics)
        let offices = titles.filter { !$0.roles.contains("honorific") }
        self.roles = WordSet(offices.flatMap { $0.surfaceForms.map { $0.lowercased() } })
        var acronyms: [String: [String]] = [:]
        for office in offices {
            let forms = office.surfaceForms
            for form in forms where form.count >= 2 && form.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                acronyms[form.lowercased(), default: []] += forms.filter { $0 != form }.map { $0.lowercased() }
            }
        }
        self.roleAcronyms = WordMap(acronyms)
        let people = lexicon.entries(labelled: .person)
        self.officeHolders = OfficeHolders(people: people)
    }

    /// Stances and the Actor mentions (pronouns, group expressions) that hold them.
    func tag(view: TokenView, mentions: [Mention], meeting: Meeting, principal: MeetingExtractor.Principal? = nil) -> (stances: [Stance], actors: [Mention]) {
        var run = StanceRun(view: view, tagger: self, mentions: mentions, meeting: meeting, principal: principal)
        return run.run()
    }
}
