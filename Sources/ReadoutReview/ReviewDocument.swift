import ReadoutKit

/// One document under review: its text and its `.ann` file, with the entities and stances
/// they hold. Entities are the text annotations that are not a stance's cue or target.
struct ReviewDocument {
    /// The document's key: its path relative to the collection, without `.txt`.
    let name: String
    let text: ReviewText
    let ann: AnnFile

    let stanceIDs: [String]
    let entityIDs: [String]
    /// Cue and target ids -> the stance they belong to.
    private let owners: [String: String]

    init(name: String, text: ReviewText, ann: AnnFile) {
        self.name = name
        self.text = text
        self.ann = ann
        var owners: [String: String] = [:]
        var stances: [String] = []
        for line in ann.lines {
            guard case let .event(_, trigger, arguments) = line.body else { continue }
            stances.append(line.id)
            owners[trigger] = owners[trigger] ?? line.id
            for argument in arguments where argument.role == "Target" { owners[argument.id] = owners[argument.id] ?? line.id }
        }
        self.owners = owners
        stanceIDs = stances
        entityIDs = ann.lines.compactMap { line in
            if case .textBound = line.body, owners[line.id] == nil { line.id } else { nil }
        }
    }

    func owner(of id: String) -> String? { owners[id] }

    func isAccepted(_ id: String) -> Bool { ann.attribute(BratWriter.reviewedAttribute, on: id) != nil }

    var pending: Int { (entityIDs + stanceIDs).filter { !isAccepted($0) }.count }
    var accepted: Int { (entityIDs + stanceIDs).count - pending }

    // MARK: - The JSON view

    struct SpanView: Codable, Equatable {
        var id: String
        var start: Int
        var end: Int
        var text: String
    }

    struct ReferenceView: Codable, Equatable {
        var id: String
        var name: String
    }

    struct EntityView: Codable, Equatable {
        var id: String
        var label: String
        var start: Int
        var end: Int
        var text: String
        var references: [ReferenceView]
        /// `pending` or `accepted`.
        var status: String
    }

    struct HolderView: Codable, Equatable {
        var role: String
        var id: String
    }

    struct StanceView: Codable, Equatable {
        var id: String
        var category: String
        var polarity: String?
        var cue: SpanView?
        var holders: [HolderView]
        var target: SpanView?
        var attributes: [String: Bool]
        var status: String
    }

    func entities() -> [EntityView] {
        entityIDs.compactMap { id in
            guard case let .textBound(label, start, end, text)? = ann.line(id)?.body else { return nil }
            let references = ann.normalizations(of: id).compactMap { line -> ReferenceView? in
                guard case let .normalization(_, _, key, name) = line.body else { return nil }
                return ReferenceView(id: key, name: name ?? key)
            }
            return EntityView(id: id, label: label, start: start, end: end, text: text, references: references,
                              status: isAccepted(id) ? "accepted" : "pending")
        }
    }

    func stances() -> [StanceView] {
        stanceIDs.compactMap { id in
            guard case let .event(type, trigger, arguments)? = ann.line(id)?.body else { return nil }
            func span(_ id: String) -> SpanView? {
                guard case let .textBound(_, start, end, text)? = ann.line(id)?.body else { return nil }
                return SpanView(id: id, start: start, end: end, text: text)
            }
            var attributes: [String: Bool] = [:]
            for attribute in stanceAttributes { attributes[attribute.name] = ann.attribute(attribute.name, on: id) != nil }
            return StanceView(
                id: id, category: type, polarity: StanceCategory(rawValue: type)?.polarity.rawValue, cue: span(trigger),
                holders: arguments.filter { $0.role.hasPrefix("Holder") }.map { HolderView(role: $0.role, id: $0.id) },
                target: arguments.first { $0.role == "Target" }.flatMap { span($0.id) },
                attributes: attributes, status: isAccepted(id) ? "accepted" : "pending")
        }
    }
}
