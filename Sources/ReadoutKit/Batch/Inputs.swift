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
        var found: [InputFile] = []
        var paths: [(path: String, relative: String)] = []
        let root = url.path.hasSuffix("/") && url.path.count > 1 ? String(url.path.dropLast()) : url.path
        textFiles(in: root, relative: "", into: &paths, failures: &failures)
        for (path, relative) in paths where seen.insert(path).inserted {
            found.append(InputFile(url: URL(fileURLWithPath: path, isDirectory: false), relativePath: relative, root: url))
        }
        files += found.sorted { $0.relativePath < $1.relativePath }
    }
    return (files, failures)
}

/// The `.txt` files under a folder, by a walk with `opendir`/`readdir`: hidden entries are
/// skipped and symbolic links to folders are not followed (a link to a file is). One
/// `readdir` per folder is far cheaper than asking Foundation for each file's resource values.
private func textFiles(in folder: String, relative: String, into found: inout [(path: String, relative: String)],
                       failures: inout [Failure]) {
    guard let directory = opendir(folder) else {
        failures.append(Failure(path: folder, reason: "cannot read folder: \(String(cString: strerror(errno)))"))
        return
    }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        guard !name.hasPrefix(".") else { continue }
        let path = folder == "/" ? "/" + name : folder + "/" + name
        let inside = relative.isEmpty ? name : relative + "/" + name
        var type = entry.pointee.d_type
        if type == UInt8(DT_UNKNOWN) {
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            type = (status.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (status.st_mode & S_IFMT) == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
        }
        if type == UInt8(DT_DIR) {
            textFiles(in: path, relative: inside, into: &found, failures: &failures)
            continue
        }
        guard name.hasSuffix(".txt") else { continue }
        var status = stat()
        // A regular file, or a link to one (stat follows the link).
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
        found.append((path, inside))
    }
}
