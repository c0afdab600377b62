import Foundation

/// The brat `.ann` files under a folder (recursively, hidden entries skipped), each with its
/// path relative to the folder, in path order.
public func annotationFiles(under folder: URL) -> [(relative: String, url: URL)] {
    let root = folder.standardizedFileURL
    let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
    var found: [(String, URL)] = []
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
    while let url = enumerator?.nextObject() as? URL {
        guard url.pathExtension == "ann" else { continue }
        let path = url.standardizedFileURL.path
        found.append((path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : url.lastPathComponent, url.standardizedFileURL))
    }
    return found.sorted { $0.0 < $1.0 }
}
