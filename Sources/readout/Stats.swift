import ArgumentParser
import Foundation
import ReadoutKit

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count stances of an annotated collection, grouped as you ask.",
        discussion: """
            Dimensions: \(StanceDimension.allCases.map(\.rawValue).joined(separator: ", ")).
            A stance with two holders (or targets) counts once for each.

            Examples:
              readout stats annotated/ --by holder,category
              readout stats annotated/ --by category --where target=PRK --where holder-country=JPN
              readout stats annotated/ --by month,category --from 2020-01-01 --to 2023-12-31 --format csv
            """
    )

    @Argument(help: ArgumentHelp("The annotated collection.", valueName: "DIR"))
    var folder: String

    @Option(name: .long, help: ArgumentHelp("Dimensions to group by, comma-separated.", valueName: "DIMS"))
    var by: String = "category"

    @Option(name: .customLong("where"), help: ArgumentHelp("Keep stances with this value (DIM=VALUE); repeatable.", valueName: "DIM=VALUE"))
    var filters: [String] = []

    @Option(name: .long, help: ArgumentHelp("First meeting date (YYYY-MM-DD, inclusive).", valueName: "DATE"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Last meeting date (YYYY-MM-DD, inclusive).", valueName: "DATE"))
    var to: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Option(help: "Output format: table, csv or json.")
    var format: Format = .table

    @Option(name: .long, help: ArgumentHelp("A folder of extra lexicons, as for annotate.", valueName: "DIR"))
    var lexicons: [String] = []

    func parsedQuery() throws -> StanceQuery {
        func dimension(_ name: String) throws -> StanceDimension {
            guard let d = StanceDimension(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ValidationError("unknown dimension '\(name)' (expected one of \(StanceDimension.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return d
        }
        let dims = try by.split(separator: ",").map { try dimension(String($0)) }
        guard !dims.isEmpty else { throw ValidationError("--by needs at least one dimension") }
        let conditions = try filters.map { f -> (StanceDimension, String) in
            let parts = f.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else { throw ValidationError("--where takes DIM=VALUE, not '\(f)'") }
            return (try dimension(parts[0]), parts[1])
        }
        for date in [from, to].compactMap({ $0 }) where !(date.count == 10 && date.split(separator: "-").count == 3) {
            throw ValidationError("'\(date)' is not a date (YYYY-MM-DD)")
        }
        return StanceQuery(by: dims, filters: conditions, from: from, to: to)
    }

    func validate() throws { _ = try parsedQuery() }

    func run() throws {
        let query = try parsedQuery()
        let rows = try readCollection(folder, lexicons: lexicons).flatMap(\.stances)
        let groups = Statistics.group(rows, query)
        let header = query.by.map(\.rawValue) + ["count"]
        switch format {
        case .csv:
            var out = CSV.line(header)
            for g in groups { out += CSV.line(g.keys + [String(g.count)]) }
            print(out, terminator: "")
        case .json:
            let objects = groups.map { g -> [String: Any] in
                var o: [String: Any] = ["count": g.count]
                for (d, k) in zip(query.by, g.keys) { o[d.rawValue] = k }
                return o
            }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        case .table:
            let cells = [header] + groups.map { $0.keys + [String($0.count)] }
            let widths = header.indices.map { c in cells.map { $0[c].count }.max() ?? 0 }
            for (n, row) in cells.enumerated() {
                print(row.enumerated().map { c, v in
                    c == row.count - 1 ? String(repeating: " ", count: widths[c] - v.count) + v : v + String(repeating: " ", count: widths[c] - v.count)
                }.joined(separator: "  "))
                if n == 0 { print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
            }
            print("\(groups.reduce(0) { $0 + $1.count }) in \(groups.count) group\(groups.count == 1 ? "" : "s"); \(rows.filter(query.matches).count) of \(rows.count) stances match")
        }
    }
}
