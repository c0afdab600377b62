import ArgumentParser
import Foundation
import ReadoutKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify every annotation of a brat collection against its text.",
        discussion: """
            For each NAME.ann under DIR (recursively), reads NAME.txt and checks that every span \
            lies inside the text, that its covered text equals the text's slice in code points, \
            and that normalizations, events and attributes point to existing annotations. \
            Prints each problem as FILE:LINE: message; exits 1 if there is any.
            """
    )

    @Argument(help: ArgumentHelp("The collection folder (or single .ann files).", valueName: "DIR"))
    var paths: [String]

    func run() throws {
        var annFiles: [URL] = []
        var problems = 0
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                warn("readout: \(path): no such file or directory")
                problems += 1
                continue
            }
            let url = URL(fileURLWithPath: path)
            if isDirectory.boolValue {
                annFiles += annotationFiles(under: url).map(\.url)
            } else {
                annFiles.append(url)
            }
        }
        var annotations = 0
        for ann in annFiles.sorted(by: { $0.path < $1.path }) {
            let txt = ann.deletingPathExtension().appendingPathExtension("txt")
            guard let annData = FileManager.default.contents(atPath: ann.path),
                  let annText = String(data: annData, encoding: .utf8) else {
                print("\(ann.path): cannot read the file as UTF-8")
                problems += 1
                continue
            }
            guard let textData = FileManager.default.contents(atPath: txt.path) else {
                print("\(ann.path): no text file \(txt.lastPathComponent) beside it")
                problems += 1
                continue
            }
            let text: String
            do {
                text = try Document(name: txt.lastPathComponent, bytes: [UInt8](textData)).text
            } catch {
                print("\(txt.path): \(error)")
                problems += 1
                continue
            }
            annotations += annText.split(separator: "\n").count
            for problem in Checker.check(ann: annText, text: text) {
                print("\(ann.path):\(problem.line): \(problem.message)")
                problems += 1
            }
        }
        if problems > 0 {
            warn("readout: check found \(problems) problem\(problems == 1 ? "" : "s") in \(annFiles.count) file\(annFiles.count == 1 ? "" : "s")")
            throw ExitCode(1)
        }
        warn("readout: check passed: \(annFiles.count) file\(annFiles.count == 1 ? "" : "s"), \(annotations) annotation lines")
    }
}
