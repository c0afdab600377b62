import Foundation

/// An unchanging readout text: the source decoded as UTF-8 exactly as stored (no
/// normalization, CRLF stays two characters, a BOM stays a character).
///
/// Offsets into a document are UTF-8 byte offsets (see ``Span``).
public struct Document: Sendable {
    /// The name the document is known by in outputs (a file name without folders, or `-`).
    public let name: String
    public let text: String
    /// The UTF-8 bytes of `text`; every ``Span`` indexes these.
    public let bytes: [UInt8]

    /// Builds a document from bytes that have already been validated as UTF-8.
    public init(name: String, validatedBytes bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        self.text = String(decoding: bytes, as: UTF8.self)
    }

    /// Builds a document from a string.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
        self.bytes = Array(text.utf8)
    }

    /// Decodes bytes, rejecting anything that is not valid UTF-8 or looks binary.
    public init(name: String, bytes: [UInt8]) throws(TextDecodingError) {
        try UTF8Validation.validate(bytes)
        self.init(name: name, validatedBytes: bytes)
    }

    /// The text covered by a span.
    public func text(of span: Span) -> String {
        String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    }

    /// True when `offset` does not fall inside a multi-byte character.
    public func isScalarBoundary(_ offset: Int) -> Bool {
        offset == bytes.count || (offset >= 0 && offset < bytes.count && bytes[offset] & 0xC0 != 0x80)
    }
}
