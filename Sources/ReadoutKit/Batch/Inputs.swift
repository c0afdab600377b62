import Foundation

/// A readout file to annotate and where it sits in its collection.
public struct InputFile: Sendable, Hashable {
    public var url: URL
    /// Path inside its collection ("2023/x.txt"): where the copy goes under `-o DIR`.
    public var relativePath: String
    /// The collection folder: the folder given on the command line, or a file's own folder.
    public var root: URL
}

/// A file or folder that could not be read, with the reason.
public struct Failure: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// The `.txt` files named by command-line inputs: files as they are, folders recursively
/// (hidden entries and symbolic links to folders are not followed, so a link loop is safe).
public func collectInputs(_ paths: [String]) -> (files: [InputFile], failures: [Failure]) {
    var files: [InputFile] = []
    var failures: [Failure] = []
    var seen = Set<String>()
    let fm = FileManager.default
    for path in paths {
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            failures.append(Failure(path: path, reason: "no such file or directory"))
            continue
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if !isDirectory.boolValue {
            if seen.insert(url.path).inserted {
                files.append(InputFile(url: url, relativePath: url.lastPathComponent, root: url.deletingLastPathComponent()))
            }
            continue
        }
        guard let enumerator = fm.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey],
                                             options: [.skipsHiddenFiles], errorHandler: { failed, error in
            failures.append(Failure(path: failed.path, reason: "cannot read folder: \(error.localizedDescription)"))
            return true
        }) else {
            failures.append(Failure(path: path, reason: "cannot read folder"))
            continue
        }
        var found: [InputFile] = []
        let prefix = url.path.hasSuffix("/") ? url.path : url.path + "/"
        for case let file as URL in enumerator where file.pathExtension == "txt" {
            let standardized = file.standardizedFileURL
            guard (try? standardized.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = standardized.path.hasPrefix(prefix) ? String(standardized.path.dropFirst(prefix.count)) : standardized.lastPathComponent
            if seen.insert(standardized.path).inserted {
                found.append(InputFile(url: standardized, relativePath: relative, root: url))
            }
        }
        files += found.sorted { $0.relativePath < $1.relativePath }
    }
    return (files, failures)
}
