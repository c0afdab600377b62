import Foundation
import PackagePlugin

/// Embeds every file of the package's `Lexicons/` and `Templates/` folders into the target as
/// Swift string literals, so that an installed `readout` carries its default lexicons and
/// report templates with it.
@main
struct EmbedLexiconsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        try [("Lexicons", "EmbeddedLexicons", [".tsv", ".txt"]), ("Templates", "EmbeddedTemplates", [".mustache"])].map { folderName, enumName, extensions in
            let folder = context.package.directoryURL.appending(path: folderName)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { name in extensions.contains { name.hasSuffix($0) } }
                .sorted()
            let inputs = names.map { folder.appending(path: $0) }
            let output = context.pluginWorkDirectoryURL.appending(path: enumName + ".swift")
            return .buildCommand(
                displayName: "Embedding \(names.count) files of \(folderName)",
                executable: try context.tool(named: "EmbedLexicons").url,
                arguments: [output.path, enumName] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        }
    }
}
