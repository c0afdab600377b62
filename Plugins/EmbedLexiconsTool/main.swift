import Foundation

// Usage: EmbedLexicons OUTPUT.swift FILE...
// Writes `enum EmbeddedLexicons { static let files: [(name: String, text: String)] }`.

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedLexicons OUTPUT FILE...\n".utf8))
    exit(2)
}

var source = "// Generated from Lexicons/ by the EmbedLexicons build plugin. Do not edit.\n"
source += "enum EmbeddedLexicons {\n    static let files: [(name: String, text: String)] = [\n"
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    let text = try String(contentsOf: url, encoding: .utf8)
    // A raw string delimiter longer than any run of '#' in the text keeps it verbatim.
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains(hashes + "\"") { hashes += "#" }
    source += "        (name: \"\(url.lastPathComponent)\", text: \(hashes)\"\"\"\n"
    source += text
    if !text.hasSuffix("\n") { source += "\n" }
    source += "\"\"\"\(hashes)),\n"
}
source += "    ]\n}\n"
try source.write(toFile: output, atomically: true, encoding: .utf8)
