import Foundation

/// Reads an annotated collection back from its files (`NAME.txt` + `NAME.ann`, brat being the
/// truth after a review) into annotated documents: mentions, stances and attributes from the
/// `.ann`, sentences and meeting metadata recomputed from the text.
public struct CollectionReader: Sendable {
    public let pipeline: Pipeline

    public init(pipeline: Pipeline) { self.pipeline = pipeline }

    /// Every `.ann` under the folder that has its `.txt`, by relative path; unreadable or
    /// malformed files are reported and skipped.
    public func read(folder: URL) -> (documents: [(path: String, annotated: AnnotatedDocument)], failures: [Failure]) {
        var documents: [(String, AnnotatedDocument)] = []
        var failures: [Failure] = []
        for (relative, ann) in annotationFiles(under: folder) {
            switch read(ann: ann, relative: relative) {
            case .success(let document): documents.append(document)
            case .failure(let failure): failures.append(failure)
            }
        }
        return (documents, failures)
    }

    /// Rebuilds the summary report of the collection in `folder` into `target` one document
    /// at a time (see ``ReportCollector``): memory does not grow with the collection. Writes
    /// nothing when no document can be read. Returns the documents summarized and the files
    /// that could not be read; throws when the report cannot be written.
    public func writeReport(of folder: URL, to target: URL) throws -> (documents: Int, failures: [Failure]) {
        let files = annotationFiles(under: folder).map { (path: String($0.relative.dropLast(4)), relative: $0.relative, url: $0.url) }
            .sorted { $0.path < $1.path }
        SpillDirectory.removeStale(in: target)
        let collector = ReportCollector(folder: target, paths: files.map(\.path))
        var failures: [Failure] = []
        for file in files {
            switch read(ann: file.url, relative: file.relative) {
            case .success(let (path, annotated)): collector.add(ReportDocument(path: path, annotated: annotated))
            case .failure(let failure): failures.append(failure)
            }
        }
        let count = collector.count
        guard count > 0 else {
            collector.discard()
            return (0, failures)
        }
        try collector.finish()
        return (count, failures)
    }

    /// One document from its `.ann` and the `.txt` beside it.
    func read(ann: URL, relative: String) -> Result<(path: String, annotated: AnnotatedDocument), Failure> {
        let path = String(relative.dropLast(4))
        let txt = ann.deletingPathExtension().appendingPathExtension("txt")
        do {
            guard let textData = FileManager.default.contents(atPath: txt.path) else {
                throw Failure(path: ann.path, reason: "no text file \(txt.lastPathComponent) beside it")
            }
            guard let annData = FileManager.default.contents(atPath: ann.path),
                  let annText = String(data: annData, encoding: .utf8) else {
                throw Failure(path: ann.path, reason: "cannot read it as UTF-8")
            }
            let document = try Document(name: txt.lastPathComponent, bytes: [UInt8](textData))
            let brat: BratDocument
            do { brat = try BratDocument(parsing: annText) } catch {
                throw Failure(path: ann.path, reason: "line \(error.line): \(error.reason)")
            }
            return .success((path, try annotated(document, brat, path: ann.path)))
        } catch let failure as Failure {
            return .failure(failure)
        } catch let error as TextDecodingError {
            return .failure(Failure(path: txt.path, reason: error.description))
        } catch {
            return .failure(Failure(path: ann.path, reason: "\(error)"))
        }
    }

    /// An annotated document from a text and its brat annotations.
    public func annotated(_ document: Document, _ brat: BratDocument, path: String = "") throws -> AnnotatedDocument {
        // Code point offset -> byte offset.
        var byteAt = [Int]()
        byteAt.reserveCapacity(document.bytes.count + 1)
        for (i, b) in document.bytes.enumerated() where b & 0xC0 != 0x80 { byteAt.append(i) }
        byteAt.append(document.bytes.count)
        func span(_ t: BratDocument.TextBound) throws -> Span {
            guard t.start >= 0, t.end < byteAt.count, t.start <= t.end else {
                throw Failure(path: path, reason: "line \(t.line): \(t.id) lies outside the text")
            }
            return Span(byteAt[t.start], byteAt[t.end])
        }
        var references: [String: [Reference]] = [:]
        for n in brat.normalizations { references[n.target, default: []].append(Reference(id: n.key, name: n.name ?? n.key)) }
        var spans: [String: Span] = [:]
        var mentions: [Mention] = []
        for t in brat.textBounds {
            let s = try span(t)
            spans[t.id] = s
            if let label = EntityLabel(rawValue: t.label) {
                mentions.append(Mention(label: label, span: s, references: references[t.id] ?? [], provenance: Provenance(rule: "brat")))
            }
        }
        var attributes: [String: Set<String>] = [:]
        for a in brat.attributes { attributes[a.target, default: []].insert(a.name) }
        var stances: [Stance] = []
        for e in brat.events {
            guard let category = StanceCategory(rawValue: e.type), let cue = spans[e.trigger] else { continue }
            let holders = e.arguments.filter { $0.role.hasPrefix("Holder") }.compactMap { spans[$0.id] }
            let target = e.arguments.first { $0.role == "Target" }.flatMap { spans[$0.id] }
            let a = attributes[e.id] ?? []
            stances.append(Stance(category: category, cue: cue, holders: holders, target: target,
                                  intense: a.contains("Intensity"), negated: a.contains("Negated"),
                                  repeated: a.contains("Repeated"), rule: "brat"))
        }
        mentions.sort { a, b in a.span != b.span ? a.span < b.span : a.label < b.label }
        stances.sort { $0.cue < $1.cue }
        let segmentation = pipeline.segmenter.segment(document)
        let view = TokenView(document: document, segmentation: segmentation, matcher: pipeline.entityTagger.matcher)
        let meeting = MeetingExtractor(view: view, mentions: mentions.filter { $0.label != .actor }, lexicon: pipeline.lexicon,
                                       fileName: document.name, officeHolders: pipeline.stanceTagger.officeHolders).extract()
        return AnnotatedDocument(document: document, segmentation: segmentation, mentions: mentions, stances: stances, meeting: meeting)
    }
}

extension Failure: Error {}
