import Foundation
import PackagePlugin

/// Embeds every file of the package's `Lexicons/` folder into the target as Swift string
/// literals, so that an installed `readout` carries its default lexicons with it.
@main
struct EmbedLexiconsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Lexicons")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".txt") }
            .sorted()
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) lexicon files",
                executable: try context.tool(named: "EmbedLexicons").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
