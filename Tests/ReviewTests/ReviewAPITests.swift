import Foundation
import Testing
@testable import ReadoutKit
@testable import ReadoutReview

/// A collection of one readout written for these tests: a decomposed "é", a flag and an emoji
/// sit among the annotations, so every offset check meets a multi-code-point character. The
/// folder is removed when the test lets go of the fixture.
final class Fixture {
    static let text = "Minister Aiko Tanaka met Foreign Minister Jose\u{301} Ruiz in Lisbon \u{1F1F5}\u{1F1F9} on 3 May.\n"
        + "The two Ministers welcomed the progress of the talks \u{1F91D}.\n"
        + "Tanaka urged Portugal to join the initiative.\n"

    let folder: URL
    let store: ReviewStore
    let api: ReviewAPI
    var ann: URL { folder.appending(path: "sub/meeting.ann") }
    var log: URL { folder.appending(path: ReviewStore.logName) }
    let key = "sub/meeting"

    /// Code point offsets of the `occurrence`-th appearance of `part` in the text.
    static func span(_ part: String, occurrence: Int = 1) -> (Int, Int) {
        let scalars = Array(text.unicodeScalars), needle = Array(part.unicodeScalars)
        var seen = 0
        for k in 0...(scalars.count - needle.count) where Array(scalars[k..<(k + needle.count)]) == needle {
            seen += 1
            if seen == occurrence { return (k, k + needle.count) }
        }
        fatalError("'\(part)' not in the fixture")
    }

    static func t(_ id: String, _ label: String, _ part: String, occurrence: Int = 1) -> String {
        let (s, e) = span(part, occurrence: occurrence)
        return "\(id)\t\(label) \(s) \(e)\t\(part)"
    }

    static let annText = [
        t("T1", "Title", "Minister"),
        t("T2", "Person", "Aiko Tanaka"),
        "N1\tReference T2 Lexicon:tanaka-aiko\tTanaka Aiko",
        t("T3", "Person", "Jose\u{301} Ruiz"),
        t("T4", "Place", "Lisbon"),
        "N2\tReference T4 Lexicon:lisbon\tLisbon",
        t("T5", "Actor", "The two Ministers"),
        t("T6", "Person", "Tanaka", occurrence: 2),
        t("T7", "Place", "Portugal"),
        "N3\tReference T7 Lexicon:PRT\tPortugal",
        t("T8", "Welcome", "welcomed"),
        t("T9", "Target", "the progress of the talks"),
        "E1\tWelcome:T8 Holder:T5 Target:T9",
        "A1\tIntensity E1 High",
        t("T10", "Urge", "urged"),
        t("T11", "Target", "Portugal to join the initiative"),
        "E2\tUrge:T10 Holder:T6 Target:T11",
    ].joined(separator: "\n") + "\n"

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "readout-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appending(path: "sub"), withIntermediateDirectories: true)
        try Data(Self.text.utf8).write(to: folder.appending(path: "sub/meeting.txt"))
        try Data(Self.annText.utf8).write(to: folder.appending(path: "sub/meeting.ann"))
        store = try ReviewStore(folder: folder)
        api = ReviewAPI(store: store)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func annOnDisk() throws -> String { try String(contentsOf: ann, encoding: .utf8) }
    func logOnDisk() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    func version() async throws -> String {
        try await store.document(key).summary.version
    }

    func get(_ path: String, query: [String: String] = [:]) async -> ReviewAPI.Response {
        await api.handle(method: "GET", path: path, query: query)
    }

    func post(_ path: String, _ body: String, contentType: String? = "application/json") async -> ReviewAPI.Response {
        await api.handle(method: "POST", path: path, contentType: contentType, body: Array(body.utf8))
    }

    /// Posts a decision (as JSON fields) on the current version unless one is given.
    func decide(_ fields: [String: Any], version: String? = nil) async throws -> ReviewAPI.Response {
        var body = fields
        if let version { body["version"] = version } else { body["version"] = try await self.version() }
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        return await post("/api/documents/sub%2Fmeeting/decisions", String(decoding: data, as: UTF8.self))
    }

    func view() async throws -> ReviewStore.DocumentView { try await store.document(key) }

    /// Every `.ann` written must pass `readout check`.
    func checked() throws {
        #expect(Checker.check(ann: try annOnDisk(), text: Self.text) == [])
    }
}

func json(_ response: ReviewAPI.Response) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
}

@Suite("Review API")
struct ReviewAPITests {
    @Test func listsDocumentsWithCounts() async throws {
        let f = try Fixture()
        let response = await f.get("/api/documents")
        #expect(response.status == 200)
        let documents = try #require(json(response)["documents"] as? [[String: Any]])
        #expect(documents.count == 1)
        #expect(documents[0]["name"] as? String == "sub/meeting")
        // 7 entities (cues and targets belong to their stance) + 2 stances.
        #expect(documents[0]["pending"] as? Int == 9)
        #expect(documents[0]["accepted"] as? Int == 0)
        #expect(documents[0]["reviewed"] as? Bool == false)
    }

    @Test func documentViewGivesEntitiesAndStances() async throws {
        let f = try Fixture()
        let view = try await f.view()
        #expect(view.entities.map(\.id) == ["T1", "T2", "T3", "T4", "T5", "T6", "T7"])
        #expect(view.entities[1].references == [.init(id: "tanaka-aiko", name: "Tanaka Aiko")])
        #expect(view.stances.map(\.id) == ["E1", "E2"])
        #expect(view.stances[0].holders == [.init(role: "Holder", id: "T5")])
        #expect(view.stances[0].target?.text == "the progress of the talks")
        #expect(view.stances[0].attributes == ["Intensity": true, "Negated": false, "Repeated": false])
        #expect(view.text == Fixture.text)
    }

    @Test func acceptMarksReviewedAndLogs() async throws {
        let f = try Fixture()
        let before = try await f.version()
        let response = try await f.decide(["action": "accept", "annotation": "T2"])
        #expect(response.status == 200)
        #expect(try f.annOnDisk() == Fixture.annText + "A2\tReviewed T2\n")
        let view = try await f.view()
        #expect(view.entities[1].status == "accepted")
        #expect(view.summary.accepted == 1 && view.summary.pending == 8)
        #expect(view.summary.version != before)
        let entries = try await f.store.logEntries()
        #expect(entries.count == 1)
        #expect(entries[0].action == "accept" && entries[0].annotation == "T2")
        #expect(entries[0].before == [] && entries[0].after.map(\.line) == ["A2\tReviewed T2"])
        #expect(entries[0].versionBefore == before && entries[0].versionAfter == view.summary.version)
        // Accepting again changes nothing and logs nothing.
        #expect(try await f.decide(["action": "accept", "annotation": "T2"]).status == 200)
        #expect(try await f.store.logEntries().count == 1)
        try f.checked()
    }

    @Test func rejectEntityRemovesItsLinesAndHolderRole() async throws {
        let f = try Fixture()
        #expect(try await f.decide(["action": "reject", "annotation": "T6"]).status == 200)
        let ann = try f.annOnDisk()
        #expect(!ann.contains("T6\t"))
        #expect(ann.contains("E2\tUrge:T10 Target:T11\n"))
        let summary = try await f.view().summary
        #expect(summary.rejected == 1 && summary.pending == 8)
        try f.checked()
    }

    @Test func rejectStanceRemovesCueTargetAndAttributes() async throws {
        let f = try Fixture()
        #expect(try await f.decide(["action": "reject", "annotation": "E1"]).status == 200)
        let ann = try f.annOnDisk()
        for gone in ["T8\t", "T9\t", "E1\t", "A1\t"] { #expect(!ann.contains(gone)) }
        #expect(ann.contains("T5\tActor"))  // the holder is an entity and stays
        let view = try await f.view()
        #expect(view.stances.map(\.id) == ["E2"])
        try f.checked()
    }

    @Test func relabelEntityAndStance() async throws {
        let f = try Fixture()
        #expect(try await f.decide(["action": "relabel", "annotation": "T4", "label": "Organization"]).status == 200)
        #expect(try await f.decide(["action": "relabel", "annotation": "E1", "category": "Appreciate"]).status == 200)
        let ann = try f.annOnDisk()
        #expect(ann.contains("T4\tOrganization "))
        #expect(ann.contains("T8\tAppreciate "))
        #expect(ann.contains("E1\tAppreciate:T8 Holder:T5 Target:T9"))
        // A Title is not normalized: relabelling to one drops the reference.
        #expect(try await f.decide(["action": "relabel", "annotation": "T7", "label": "Title"]).status == 200)
        #expect(!(try f.annOnDisk()).contains("Lexicon:PRT"))
        let view = try await f.view()
        #expect(view.entities.first { $0.id == "T4" }?.status == "accepted")
        try f.checked()
    }

    @Test func boundaryFixRewritesCoveredText() async throws {
        let f = try Fixture()
        let (s, e) = Fixture.span("Minister Aiko Tanaka")
        #expect(try await f.decide(["action": "resize", "annotation": "T2", "start": s, "end": e]).status == 200)
        #expect(try f.annOnDisk().contains("T2\tPerson \(s) \(e)\tMinister Aiko Tanaka\n"))
        // A stance's target is resized through its own id.
        let (ts, te) = Fixture.span("the progress")
        #expect(try await f.decide(["action": "resize", "annotation": "T9", "start": ts, "end": te]).status == 200)
        let view = try await f.view()
        #expect(view.stances[0].target?.text == "the progress")
        #expect(view.stances[0].status == "accepted")
        try f.checked()
    }

    @Test func addEntityWithReference() async throws {
        let f = try Fixture()
        let (s, e) = Fixture.span("Foreign Minister")
        let response = try await f.decide(["action": "add", "label": "Title", "start": s, "end": e])
        #expect(response.status == 200)
        #expect(json(response)["subject"] as? String == "T12")
        let (ps, pe) = Fixture.span("Ministers")
        #expect(try await f.decide(["action": "add", "label": "Person", "start": ps, "end": pe, "reference": "x-y"]).status == 200)
        let ann = try f.annOnDisk()
        #expect(ann.contains("T12\tTitle \(s) \(e)\tForeign Minister\nA2\tReviewed T12\n"))
        #expect(ann.contains("T13\tPerson \(ps) \(pe)\tMinisters\nN4\tReference T13 Lexicon:x-y\tMinisters\nA3\tReviewed T13\n"))
        // The same span and label again is a conflict, and nothing changes.
        let again = try await f.decide(["action": "add", "label": "Title", "start": s, "end": e])
        #expect(again.status == 409)
        #expect(try f.annOnDisk() == ann)
        try f.checked()
    }

    @Test func stanceEditing() async throws {
        let f = try Fixture()
        let (s, e) = Fixture.span("join")
        let added = try await f.decide(["action": "add-stance", "category": "Support", "start": s, "end": e, "holders": ["T7"],
                                        "target": ["start": Fixture.span("the initiative").0, "end": Fixture.span("the initiative").1]])
        #expect(added.status == 200)
        #expect(json(added)["subject"] as? String == "E3")
        #expect(try await f.decide(["action": "set-holders", "annotation": "E1", "holders": ["T2", "T3"]]).status == 200)
        #expect(try await f.decide(["action": "set-target", "annotation": "E2"]).status == 200)
        #expect(try await f.decide(["action": "set-attribute", "annotation": "E1", "name": "Intensity", "value": false]).status == 200)
        #expect(try await f.decide(["action": "set-attribute", "annotation": "E2", "name": "Negated", "value": true]).status == 200)
        let ann = try f.annOnDisk()
        #expect(ann.contains("E1\tWelcome:T8 Holder:T2 Holder2:T3 Target:T9\n"))
        #expect(ann.contains("E2\tUrge:T10 Holder:T6\n"))
        #expect(!ann.contains("T11\t"))
        #expect(!ann.contains("Intensity E1"))
        #expect(ann.contains("Negated E2"))
        #expect(ann.contains("E3\tSupport:T12 Holder:T7 Target:T13\n"))
        // A holder must be a flat entity or an actor.
        let bad = try await f.decide(["action": "set-holders", "annotation": "E1", "holders": ["T1"]])
        #expect(bad.status == 422)
        #expect((json(bad)["error"] as? String)?.contains("Title") == true)
        try f.checked()
    }

    @Test func normalizeChangesAndRemovesTheId() async throws {
        let f = try Fixture()
        #expect(try await f.decide(["action": "normalize", "annotation": "T3", "reference": "ruiz-jose", "name": "José Ruiz"]).status == 200)
        #expect(try f.annOnDisk().contains("N4\tReference T3 Lexicon:ruiz-jose\tJosé Ruiz\n"))
        #expect(try await f.decide(["action": "normalize", "annotation": "T2", "reference": "tanaka-a"]).status == 200)
        #expect(try f.annOnDisk().contains("N1\tReference T2 Lexicon:tanaka-a\tAiko Tanaka\n"))
        #expect(try await f.decide(["action": "normalize", "annotation": "T4", "reference": ""]).status == 200)
        #expect(!(try f.annOnDisk()).contains("Lexicon:lisbon"))
        try f.checked()
    }

    @Test func undoRestoresTheFileStepByStep() async throws {
        let f = try Fixture()
        _ = try await f.decide(["action": "accept", "annotation": "T1"])
        let afterAccept = try f.annOnDisk()
        _ = try await f.decide(["action": "reject", "annotation": "E1"])
        _ = try await f.decide(["action": "relabel", "annotation": "T4", "label": "Organization"])
        let undo1 = await f.post("/api/documents/sub%2Fmeeting/undo", #"{"version":"\#(try await f.version())"}"#)
        #expect(undo1.status == 200)
        let undo2 = await f.post("/api/documents/sub%2Fmeeting/undo", #"{"version":"\#(try await f.version())"}"#)
        #expect(undo2.status == 200)
        #expect(try f.annOnDisk() == afterAccept)
        #expect(try await f.view().summary.rejected == 0)
        _ = await f.post("/api/documents/sub%2Fmeeting/undo", #"{"version":"\#(try await f.version())"}"#)
        #expect(try f.annOnDisk() == Fixture.annText)
        let nothing = await f.post("/api/documents/sub%2Fmeeting/undo", #"{"version":"\#(try await f.version())"}"#)
        #expect(nothing.status == 409)
        let entries = try await f.store.logEntries()
        #expect(entries.map(\.action) == ["accept", "reject", "relabel", "undo", "undo", "undo"])
        #expect(entries.compactMap(\.undoes) == [3, 2, 1])
    }

    @Test func decisionsPersistAcrossARestart() async throws {
        let f = try Fixture()
        _ = try await f.decide(["action": "accept", "annotation": "T2"])
        _ = try await f.decide(["action": "reject", "annotation": "T6"])
        let restarted = try ReviewStore(folder: f.folder)
        let summary = try await restarted.document(f.key).summary
        #expect(summary.accepted == 1 && summary.rejected == 1 && summary.pending == 7)
        // The log survives too: the rejection can still be undone.
        let view = try await restarted.undo(f.key, version: summary.version)
        #expect(view.summary.rejected == 0)
        #expect(view.entities.contains { $0.id == "T6" })
        #expect(try f.annOnDisk() == Fixture.annText + "A2\tReviewed T2\n")
    }

    @Test func acceptAllReviewsTheDocument() async throws {
        let f = try Fixture()
        _ = try await f.decide(["action": "reject", "annotation": "T1"])
        #expect(try await f.decide(["action": "accept-all"]).status == 200)
        let summary = try await f.view().summary
        #expect(summary.pending == 0 && summary.accepted == 8 && summary.rejected == 1 && summary.reviewed)
        try f.checked()
    }

    @Test func anEmptyDocumentIsReviewedByAcceptingAll() async throws {
        let f = try Fixture()
        try Data("Nothing to see.\n".utf8).write(to: f.folder.appending(path: "empty.txt"))
        try Data().write(to: f.folder.appending(path: "empty.ann"))
        let before = try await f.store.document("empty").summary
        #expect(before.pending == 0 && !before.reviewed)
        let response = await f.post("/api/documents/empty/decisions", #"{"action":"accept-all","version":"\#(before.version)"}"#)
        #expect(response.status == 200)
        #expect(try await f.store.document("empty").summary.reviewed)
        #expect(try await f.store.logEntries(document: "empty").map(\.action) == ["accept-all"])
    }

    /// A refused request answers 4xx with a message and leaves the files as they were.
    func refused(_ f: Fixture, _ response: ReviewAPI.Response, _ status: Int, _ fragment: String,
                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        let message = json(response)["error"] as? String ?? ""
        #expect(message.contains(fragment), "\(message)", sourceLocation: sourceLocation)
        #expect(try f.annOnDisk() == Fixture.annText, sourceLocation: sourceLocation)
        #expect(f.logOnDisk() == "", sourceLocation: sourceLocation)
    }

    @Test func badRequestsChangeNothing() async throws {
        let f = try Fixture()
        let v = try await f.version()
        let body = #"{"action":"accept","annotation":"T1","version":"\#(v)"}"#
        try refused(f, await f.post("/api/documents/nowhere/decisions", body), 404, "no document 'nowhere'")
        try refused(f, await f.get("/api/documents/nowhere"), 404, "no document")
        try refused(f, try await f.decide(["action": "accept", "annotation": "T99"]), 404, "no annotation T99")
        let count = Fixture.text.unicodeScalars.count
        try refused(f, try await f.decide(["action": "add", "label": "Place", "start": count - 2, "end": count + 3]), 422, "outside the text")
        try refused(f, try await f.decide(["action": "add", "label": "Place", "start": -1, "end": 4]), 422, "outside the text")
        try refused(f, try await f.decide(["action": "resize", "annotation": "T2", "start": 9, "end": 9]), 422, "empty")
        // Inside "é" written as e + U+0301, and between the two regional indicators of a flag.
        let (js, je) = Fixture.span("Jose\u{301}")
        try refused(f, try await f.decide(["action": "resize", "annotation": "T3", "start": js, "end": je - 1]), 422, "inside the character \"e\u{301}\"")
        let (fs, _) = Fixture.span("\u{1F1F5}\u{1F1F9}")
        try refused(f, try await f.decide(["action": "add", "label": "Place", "start": fs, "end": fs + 1]), 422, "inside the character")
        try refused(f, try await f.decide(["action": "add", "label": "Place", "start": Fixture.span(" Lisbon").0, "end": Fixture.span("Lisbon").1]), 422, "white space")
        try refused(f, try await f.decide(["action": "add", "label": "Place", "start": Fixture.span("May.").0, "end": Fixture.span("The").1]), 422, "line break")
        try refused(f, try await f.decide(["action": "accept", "annotation": "T1"], version: "0123456789abcdef"), 409, "changed since you loaded it")
        try refused(f, await f.post("/api/documents/sub%2Fmeeting/decisions", #"{"action":"accept","annotation":"T1"}"#), 400, "version")
        try refused(f, await f.post("/api/documents/sub%2Fmeeting/decisions", "{not json"), 400, "not valid JSON")
        try refused(f, await f.post("/api/documents/sub%2Fmeeting/decisions", body, contentType: "text/plain"), 415, "application/json")
        try refused(f, try await f.decide(["action": "promote", "annotation": "T1"]), 400, "unknown action (expected accept, reject")
        try refused(f, try await f.decide(["action": "relabel", "annotation": "T1", "label": "Fruit"]), 422, "unknown entity label 'Fruit'")
        try refused(f, try await f.decide(["action": "relabel", "annotation": "E1", "category": "Adore"]), 422, "unknown stance category")
        try refused(f, try await f.decide(["action": "accept", "annotation": "T8"]), 422, "part of stance E1")
        try refused(f, try await f.decide(["action": "set-attribute", "annotation": "E1", "name": "Sarcastic", "value": true]), 422, "unknown stance attribute")
        try refused(f, await f.api.handle(method: "DELETE", path: "/api/documents/sub%2Fmeeting"), 405, "not allowed")
        try refused(f, await f.get("/api/nothing"), 404, "no such API route")
    }

    @Test func aConflictBetweenTwoTabsIsDetected() async throws {
        let f = try Fixture()
        let shared = try await f.version()  // both tabs loaded this version
        #expect(try await f.decide(["action": "accept", "annotation": "T1"], version: shared).status == 200)
        let afterFirst = try f.annOnDisk()
        let second = try await f.decide(["action": "reject", "annotation": "T1"], version: shared)
        #expect(second.status == 409)
        #expect(try f.annOnDisk() == afterFirst)
        // An edit made outside the review (in brat, say) is a new version too.
        let current = try await f.version()
        try (afterFirst + "T50\tPlace 0 8\tMinister\n").write(to: f.ann, atomically: true, encoding: .utf8)
        #expect(try await f.decide(["action": "accept", "annotation": "T2"], version: current).status == 409)
    }

    @Test func addToLexiconIsFoundByTheNextAnnotate() async throws {
        let f = try Fixture()
        let response = await f.post("/api/lexicon", #"{"label":"Person","name":"Aiko Tanaka","aliases":["Tanaka Aiko"],"country":"JPN"}"#)
        #expect(response.status == 201)
        #expect(json(response)["id"] as? String == "aiko-tanaka")
        let file = f.folder.appending(path: "lexicons/reviewed.tsv")
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.hasSuffix("aiko-tanaka\tPerson\tAiko Tanaka\tTanaka Aiko\tJPN\t\t\t\n"))
        // The next annotate, given the folder, tags and normalizes the new name.
        let pipeline = try Pipeline(userLexicons: [f.folder.appending(path: "lexicons")])
        let document = Document(name: "x.txt", text: "The Prime Minister met Aiko Tanaka in Tokyo.")
        let found = pipeline.annotate(document).mentions.filter { $0.references.contains { $0.id == "aiko-tanaka" } }
        #expect(found.map { document.text(of: $0.span) } == ["Aiko Tanaka"])
        // The same id again, or an alias another entry claims, is refused and nothing is written.
        #expect(await f.post("/api/lexicon", #"{"label":"Person","name":"Aiko Tanaka"}"#).status == 409)
        let clash = await f.post("/api/lexicon", #"{"label":"Place","name":"Tokyo Bay","id":"x","aliases":["Japan"]}"#)
        #expect(clash.status == 409)
        #expect((json(clash)["error"] as? String)?.contains("already claimed") == true)
        #expect(try String(contentsOf: file, encoding: .utf8) == written)
        #expect(await f.post("/api/lexicon", #"{"label":"Date","name":"May"}"#).status == 422)
        // The look-up the page uses finds it.
        let hits = json(await f.get("/api/lexicon", query: ["q": "aiko", "label": "Person"]))["entries"] as? [[String: Any]]
        #expect(hits?.first?["id"] as? String == "aiko-tanaka")
    }

    @Test func servesThePageAndItsConfig() async throws {
        let f = try Fixture()
        let page = await f.get("/")
        #expect(page.status == 200 && page.contentType.hasPrefix("text/html"))
        #expect(page.text.contains("/app.js"))
        #expect(await f.get("/app.js").contentType.hasPrefix("text/javascript"))
        #expect(await f.get("/app.css").status == 200)
        #expect(await f.get("/secret.txt").status == 404)
        let config = json(await f.get("/api/config"))
        let labels = config["labels"] as? [[String: Any]] ?? []
        // The palette is visual.conf's.
        for label in EntityLabel.allCases {
            #expect(labels.contains { $0["name"] as? String == label.rawValue && $0["color"] as? String == label.color })
            #expect(BratWriter.visualConf().contains("\(label.rawValue)\tbgColor:\(label.color)"))
        }
    }

    @Test func reportAndCheckReflectTheReview() async throws {
        let f = try Fixture()
        _ = try await f.decide(["action": "reject", "annotation": "E2"])
        _ = try await f.decide(["action": "relabel", "annotation": "E1", "category": "Appreciate"])
        let (documents, failures) = CollectionReader(pipeline: try Pipeline()).read(folder: f.folder)
        #expect(failures.isEmpty)
        let stances = try #require(documents.first).annotated.stances
        #expect(stances.map(\.category) == [.appreciate])
        try f.checked()
        // Review's attribute is declared for brat.
        #expect(BratWriter.annotationConf().contains("Reviewed\tArg:<ENTITY>|<EVENT>"))
    }
}
