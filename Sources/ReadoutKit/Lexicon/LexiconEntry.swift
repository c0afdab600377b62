/// One line of a lexicon: an entity with its id, label, canonical name and surface forms.
public struct LexiconEntry: Sendable, Hashable {
    public var id: String
    public var label: EntityLabel
    public var name: String
    /// Surface forms other than `name`, exactly as written in texts.
    public var aliases: [String]
    /// ISO 3166-1 alpha-3 of the country the entry belongs to, if any.
    public var country: String?
    public var roles: [String]
    public var validFrom: String?
    public var validTo: String?
    /// Where the entry was defined: the lexicon's file name and 1-based line.
    public var file: String
    public var line: Int

    /// The name followed by the aliases.
    public var surfaceForms: [String] { [name] + aliases }
}
