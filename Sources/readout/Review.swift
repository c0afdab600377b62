import ArgumentParser
import Foundation
import ReadoutKit
import ReadoutReview

struct Review: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Review an annotated collection in the browser: accept, reject and fix what readout found.",
        discussion: """
            Starts a local web app on DIR (an annotated collection: NAME.txt beside NAME.ann). \
            Open the address it prints. For each entity and stance you can accept, reject, \
            relabel, change the lexicon id, fix the boundaries, or add what readout missed; \
            keys: a accept, r reject, j/k next/previous annotation, n/p next/previous document, \
            u undo, ? help.

            Every decision is written at once, atomically, to the document's .ann file (brat \
            and INCEpTION keep working on the same folder) and appended to DIR/review-log.jsonl \
            with the lines before and after, so a review can be audited and undone. Accepted \
            annotations carry brat's attribute 'Reviewed'. Two tabs editing one document cannot \
            overwrite each other: a decision made on an older version is refused. "Add to \
            lexicon" writes reviewed.tsv in the --new-entries folder; annotate with \
            '--lexicons FOLDER' to use it. After a review, 'readout report DIR' rebuilds the \
            report from the edited files.

            The server listens on 127.0.0.1 only. --host 0.0.0.0 (or any other address) lets \
            other machines read and change every file of the collection: there is no login.

            The JSON API under the page (/api/...) is described in the README.
            """
    )

    @Argument(help: ArgumentHelp("The annotated collection.", valueName: "DIR"))
    var folder: String

    @Option(name: .long, help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "N"))
    var port: Int = 8042

    @Option(name: .long, help: ArgumentHelp("The address to listen on. Anything but loopback exposes the collection to the network.", valueName: "ADDRESS"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("A folder of extra lexicons for id look-up, as for annotate; repeatable.", valueName: "DIR"))
    var lexicons: [String] = []

    @Option(name: .long, help: ArgumentHelp("Where 'Add to lexicon' writes reviewed.tsv (default: DIR/lexicons).", valueName: "DIR"))
    var newEntries: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        try requireFolder(folder)
        let store: ReviewStore
        do {
            store = try ReviewStore(folder: URL(fileURLWithPath: folder), lexicons: lexicons.map { URL(fileURLWithPath: $0) },
                                    newEntries: newEntries.map { URL(fileURLWithPath: $0) })
        } catch let error as LexiconErrors {
            for e in error.errors { warn("readout: lexicon error: \(e)") }
            throw ExitCode(2)
        } catch let error as APIError {
            warn("readout: \(error.message)")
            throw ExitCode(2)
        }
        let count = await store.documentCount
        if count == 0 {
            warn("readout: \(folder): no annotated readouts (NAME.ann beside NAME.txt); run 'readout annotate' first")
            throw ExitCode(1)
        }
        if !ReviewServer.isLoopback(host) {
            warn("readout: WARNING: listening on \(host): anyone who can reach this machine can read and change the files of \(folder); there is no login")
        }
        let newEntriesPath = await store.newEntriesFolder.path
        let (host, folder) = (host, folder)
        do {
            try await ReviewServer.run(api: ReviewAPI(store: store), host: host, port: port) { port in
                let shown = host.contains(":") ? "[\(host)]" : host
                warn("readout: reviewing \(count) readout\(count == 1 ? "" : "s") of \(folder) at http://\(shown):\(port)/ (Ctrl-C stops)")
                warn("readout: decisions go to the .ann files and \(folder)/\(ReviewStore.logName); new lexicon entries to \(newEntriesPath)/\(ReviewStore.newEntriesFile)")
            }
        } catch where "\(error)".contains("Address already in use") {
            warn("readout: port \(port) on \(host) is in use (another review?); choose one with --port N, or --port 0 for a free one")
            throw ExitCode(1)
        } catch {
            warn("readout: cannot serve on \(host):\(port): \(error)")
            throw ExitCode(1)
        }
    }
}
