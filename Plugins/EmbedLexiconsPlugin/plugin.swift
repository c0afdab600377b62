import Foundation
import PackagePlugin

/// Embeds package files into a target as Swift string literals, so that an installed `readout`
/// carries them with it: `Lexicons/` and `Templates/` into ReadoutKit (default lexicons, report
/// templates), `Web/` into ReadoutReview (the review app's pages).
@main
struct EmbedLexiconsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folders: [(String, String, [String])] = target.name == "ReadoutReview"
            ? [("Web", "EmbeddedWeb", [".html", ".js", ".css"])]
            : [("Lexicons", "EmbeddedLexicons", [".tsv", ".txt"]), ("Templates", "EmbeddedTemplates", [".mustache"])]
        return try folders.map { folderName, enumName, extensions in
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
