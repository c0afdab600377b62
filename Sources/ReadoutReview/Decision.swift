import ReadoutKit

/// One reviewing decision, as the JSON API receives it (`POST /api/documents/DOC/decisions`).
/// Offsets are code points, as in brat.
public struct Decision: Codable, Sendable, Equatable {
    public enum Action: String, Codable, Sendable, CaseIterable {
        /// Mark an entity (`T`) or a stance (`E`) as correct.
        case accept
        /// Remove an entity or a stance from the `.ann` file.
        case reject
        /// Give an entity another label, or a stance another category.
        case relabel
        /// Point an entity at another lexicon id (`reference`, `name`); no reference removes it.
        case normalize
        /// Move the boundaries of a text annotation (an entity, a stance's cue or target).
        case resize
        /// Add a missed entity (`label`, `start`, `end`, optional `reference`).
        case add
        /// Add a missed stance: `category`, cue `start`/`end`, `holders`, optional `target`.
        case addStance = "add-stance"
        /// Set the holders of a stance to entities of the document (`holders`: ids).
        case setHolders = "set-holders"
        /// Set (`start`/`end`) or remove (neither) the target of a stance.
        case setTarget = "set-target"
        /// Turn a stance's `Intensity`, `Negated` or `Repeated` attribute on or off (`name`, `value`).
        case setAttribute = "set-attribute"
        /// Accept every pending annotation of the document: the document is then reviewed.
        case acceptAll = "accept-all"
    }

    public struct Range: Codable, Sendable, Equatable {
        public var start: Int?
        public var end: Int?
        public init(start: Int?, end: Int?) { self.start = start; self.end = end }
    }

    public var action: Action
    /// The version of the document the decision was made on (from `GET`); a stale one is refused.
    public var version: String?
    public var annotation: String?
    public var label: String?
    public var category: String?
    public var start: Int?
    public var end: Int?
    public var reference: String?
    public var name: String?
    public var value: Bool?
    public var holders: [String]?
    public var target: Range?

    public init(action: Action, version: String? = nil, annotation: String? = nil, label: String? = nil,
                category: String? = nil, start: Int? = nil, end: Int? = nil, reference: String? = nil,
                name: String? = nil, value: Bool? = nil, holders: [String]? = nil, target: Range? = nil) {
        self.action = action
        self.version = version
        self.annotation = annotation
        self.label = label
        self.category = category
        self.start = start
        self.end = end
        self.reference = reference
        self.name = name
        self.value = value
        self.holders = holders
        self.target = target
    }
}

/// The attributes a stance may carry, with the value brat writes for each.
let stanceAttributes: [(name: String, value: String?)] = [("Intensity", "High"), ("Negated", nil), ("Repeated", nil)]

extension ReviewDocument {
    /// The `.ann` file after a decision, or why the decision cannot be made.
    /// Returns the id of the annotation the decision concerned (the new one for `add`).
    func applying(_ decision: Decision) throws(APIError) -> (ann: AnnFile, subject: String?) {
        var ann = self.ann
        let subject: String?
        switch decision.action {
        case .accept:
            let id = try annotationID(decision)
            try requireReviewable(id)
            markReviewed(id, in: &ann)
            subject = id
        case .reject:
            let id = try annotationID(decision)
            try requireReviewable(id)
            if id.hasPrefix("E") { removeStance(id, from: &ann) } else { removeEntity(id, from: &ann) }
            subject = id
        case .relabel:
            let id = try annotationID(decision)
            try requireReviewable(id)
            if case let .event(_, trigger, arguments)? = ann.line(id)?.body {
                let category = try stanceCategory(decision.category ?? decision.label)
                ann.replace(id, with: .event(type: category.rawValue, trigger: trigger, arguments: arguments))
                if case let .textBound(_, start, end, text)? = ann.line(trigger)?.body {
                    ann.replace(trigger, with: .textBound(label: category.rawValue, start: start, end: end, text: text))
                }
            } else {
                let label = try entityLabel(decision.label)
                guard case let .textBound(_, start, end, text)? = ann.line(id)?.body else { throw notFound(id) }
                ann.replace(id, with: .textBound(label: label.rawValue, start: start, end: end, text: text))
                if !label.isNormalized { ann.remove(Set(ann.normalizations(of: id).map(\.id))) }
            }
            markReviewed(id, in: &ann)
            subject = id
        case .normalize:
            let id = try annotationID(decision)
            guard entityIDs.contains(id), case let .textBound(label, _, _, text)? = ann.line(id)?.body else {
                throw APIError(.unprocessable, "\(id) is not an entity; only entities are normalized to lexicon ids")
            }
            let existing = ann.normalizations(of: id)
            let key = (decision.reference ?? "").trimmingCharacters(in: .whitespaces)
            if key.isEmpty {
                ann.remove(Set(existing.map(\.id)))
            } else {
                try requireReference(key, for: EntityLabel(rawValue: label))
                let name = decision.name.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } ?? text
                let body = AnnFile.Body.normalization(target: id, database: "Lexicon", key: key, name: name)
                if let first = existing.first {
                    ann.replace(first.id, with: body)
                    ann.remove(Set(existing.dropFirst().map(\.id)))
                } else {
                    ann.append("N", body)
                }
            }
            markReviewed(id, in: &ann)
            subject = id
        case .resize:
            let id = try annotationID(decision)
            guard case let .textBound(label, _, _, _)? = ann.line(id)?.body else {
                throw APIError(.unprocessable, "\(id) is not a text annotation; resize an entity, or a stance's cue or target")
            }
            let range = try text.validate(start: decision.start, end: decision.end)
            ann.replace(id, with: textBound(label, range))
            markReviewed(owner(of: id) ?? id, in: &ann)
            subject = id
        case .add:
            let label = try entityLabel(decision.label)
            let range = try text.validate(start: decision.start, end: decision.end)
            let body = textBound(label.rawValue, range)
            if let same = ann.lines.first(where: { $0.body == body }) {
                throw APIError(.conflict, "\"\(text.slice(range.lowerBound, range.upperBound))\" is already annotated as \(label.rawValue) (\(same.id))")
            }
            let id = ann.append("T", body)
            if let key = decision.reference?.trimmingCharacters(in: .whitespaces), !key.isEmpty {
                try requireReference(key, for: label)
                ann.append("N", .normalization(target: id, database: "Lexicon", key: key,
                                               name: decision.name ?? text.slice(range.lowerBound, range.upperBound)))
            }
            markReviewed(id, in: &ann)
            subject = id
        case .addStance:
            let category = try stanceCategory(decision.category ?? decision.label)
            let cue = try text.validate(start: decision.start, end: decision.end, what: "cue")
            let holders = try holderIDs(decision.holders ?? [])
            let cueID = ann.append("T", textBound(category.rawValue, cue))
            var arguments = holderArguments(holders)
            if let target = decision.target {
                let range = try text.validate(start: target.start, end: target.end, what: "target")
                let targetID = ann.append("T", textBound("Target", range))
                arguments.append(AnnFile.Argument(role: "Target", id: targetID))
            }
            let id = ann.append("E", .event(type: category.rawValue, trigger: cueID, arguments: arguments))
            if let name = decision.name, decision.value == true {
                guard let attribute = stanceAttributes.first(where: { $0.name == name }) else { throw unknownAttribute(name) }
                ann.append("A", .attribute(name: attribute.name, target: id, value: attribute.value))
            }
            markReviewed(id, in: &ann)
            subject = id
        case .setHolders:
            let id = try stanceID(decision)
            let holders = try holderIDs(decision.holders ?? [])
            guard case let .event(type, trigger, arguments)? = ann.line(id)?.body else { throw notFound(id) }
            let rest = arguments.filter { !$0.role.hasPrefix("Holder") }
            ann.replace(id, with: .event(type: type, trigger: trigger, arguments: holderArguments(holders) + rest))
            markReviewed(id, in: &ann)
            subject = id
        case .setTarget:
            let id = try stanceID(decision)
            guard case let .event(type, trigger, arguments)? = ann.line(id)?.body else { throw notFound(id) }
            let old = arguments.first { $0.role == "Target" }?.id
            if decision.start == nil && decision.end == nil {
                if let old, ann.events(referring: old) == [id] { ann.remove(Set([old] + ann.qualifiers(of: old))) }
                ann.replace(id, with: .event(type: type, trigger: trigger, arguments: arguments.filter { $0.role != "Target" }))
            } else {
                let range = try text.validate(start: decision.start, end: decision.end, what: "target")
                let body = textBound("Target", range)
                if let old, ann.events(referring: old) == [id] {
                    ann.replace(old, with: body)
                } else {
                    let targetID = ann.append("T", body)
                    ann.replace(id, with: .event(type: type, trigger: trigger,
                                                 arguments: arguments.filter { $0.role != "Target" } + [AnnFile.Argument(role: "Target", id: targetID)]))
                }
            }
            markReviewed(id, in: &ann)
            subject = id
        case .setAttribute:
            let id = try stanceID(decision)
            guard let name = decision.name, let attribute = stanceAttributes.first(where: { $0.name == name }) else {
                throw unknownAttribute(decision.name ?? "")
            }
            guard let value = decision.value else { throw APIError(.badRequest, "set-attribute needs 'value': true or false") }
            let existing = ann.attribute(attribute.name, on: id)
            if value, existing == nil {
                ann.append("A", .attribute(name: attribute.name, target: id, value: attribute.value))
            } else if !value, let existing {
                ann.remove([existing.id])
            }
            markReviewed(id, in: &ann)
            subject = id
        case .acceptAll:
            for id in entityIDs + stanceIDs { markReviewed(id, in: &ann) }
            subject = nil
        }
        return (ann, subject)
    }

    private func annotationID(_ decision: Decision) throws(APIError) -> String {
        guard let id = decision.annotation, !id.isEmpty else {
            throw APIError(.badRequest, "'\(decision.action.rawValue)' needs 'annotation': the id of an entity (T…) or a stance (E…)")
        }
        guard ann.index(of: id) != nil else { throw notFound(id) }
        return id
    }

    private func stanceID(_ decision: Decision) throws(APIError) -> String {
        let id = try annotationID(decision)
        guard stanceIDs.contains(id) else { throw APIError(.unprocessable, "\(id) is not a stance (an E… id)") }
        return id
    }

    /// Entities and stances are reviewed; a stance's cue and target are reviewed with it.
    private func requireReviewable(_ id: String) throws(APIError) {
        guard entityIDs.contains(id) || stanceIDs.contains(id) else {
            if let owner = owner(of: id) {
                throw APIError(.unprocessable, "\(id) is part of stance \(owner); decide on \(owner)")
            }
            throw APIError(.unprocessable, "\(id) is not an entity or a stance")
        }
    }

    private func notFound(_ id: String) -> APIError {
        APIError(.notFound, "\(name) has no annotation \(id)")
    }

    private func unknownAttribute(_ name: String) -> APIError {
        APIError(.unprocessable, "unknown stance attribute '\(name)' (expected \(stanceAttributes.map(\.name).joined(separator: ", ")))")
    }

    private func entityLabel(_ raw: String?) throws(APIError) -> EntityLabel {
        guard let raw, let label = EntityLabel(rawValue: raw) else {
            throw APIError(.unprocessable, "unknown entity label '\(raw ?? "")' (expected \(EntityLabel.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return label
    }

    private func stanceCategory(_ raw: String?) throws(APIError) -> StanceCategory {
        guard let raw, let category = StanceCategory(rawValue: raw) else {
            throw APIError(.unprocessable, "unknown stance category '\(raw ?? "")' (expected \(StanceCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return category
    }

    private func holderIDs(_ ids: [String]) throws(APIError) -> [String] {
        var seen = Set<String>()
        for id in ids {
            guard entityIDs.contains(id), case let .textBound(label, _, _, _)? = ann.line(id)?.body else {
                throw APIError(.unprocessable, "holder \(id) is not an entity of \(name)")
            }
            guard let entity = EntityLabel(rawValue: label), entity.isFlat || entity == .actor else {
                throw APIError(.unprocessable, "holder \(id) is a \(label); a holder is a Person, Place, Organization or Actor")
            }
            guard seen.insert(id).inserted else { throw APIError(.unprocessable, "holder \(id) is listed twice") }
        }
        return ids
    }

    /// A text-bound annotation over a checked range, with the text it covers.
    private func textBound(_ label: String, _ range: Range<Int>) -> AnnFile.Body {
        .textBound(label: label, start: range.lowerBound, end: range.upperBound, text: text.slice(range.lowerBound, range.upperBound))
    }

    /// Holder arguments in brat's numbering: Holder, Holder2, Holder3 ...
    private func holderArguments(_ ids: [String]) -> [AnnFile.Argument] {
        ids.enumerated().map { AnnFile.Argument(role: $0.offset == 0 ? "Holder" : "Holder\($0.offset + 1)", id: $0.element) }
    }

    private func requireReference(_ key: String, for label: EntityLabel?) throws(APIError) {
        if let label, !label.isNormalized {
            throw APIError(.unprocessable, "\(label.rawValue) mentions are not normalized (only Person, Place, Organization and Actor)")
        }
        guard key.allSatisfy({ !$0.isWhitespace && $0 != ":" }) else {
            throw APIError(.unprocessable, "the reference '\(key)' must not contain white space or ':'")
        }
    }

    private func markReviewed(_ id: String, in ann: inout AnnFile) {
        if ann.attribute(BratWriter.reviewedAttribute, on: id) == nil {
            ann.append("A", .attribute(name: BratWriter.reviewedAttribute, target: id, value: nil))
        }
    }

    private func removeEntity(_ id: String, from ann: inout AnnFile) {
        // Events that named it as a holder lose that argument; the remaining holders move up.
        for eventID in ann.events(referring: id) {
            guard case let .event(type, trigger, arguments)? = ann.line(eventID)?.body else { continue }
            let holders = arguments.filter { $0.role.hasPrefix("Holder") && $0.id != id }.map(\.id)
            ann.replace(eventID, with: .event(type: type, trigger: trigger,
                                              arguments: holderArguments(holders) + arguments.filter { !$0.role.hasPrefix("Holder") && $0.id != id }))
        }
        ann.remove(Set([id] + ann.qualifiers(of: id)))
    }

    private func removeStance(_ id: String, from ann: inout AnnFile) {
        guard case let .event(_, trigger, arguments)? = ann.line(id)?.body else { return }
        var gone: Set<String> = [id]
        gone.formUnion(ann.qualifiers(of: id))
        // The cue and the target go with the stance unless another stance uses them.
        for part in [trigger] + arguments.filter({ $0.role == "Target" }).map(\.id) where ann.events(referring: part) == [id] {
            gone.insert(part)
            gone.formUnion(ann.qualifiers(of: part))
        }
        ann.remove(gone)
    }
}
