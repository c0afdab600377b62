extension RandomAccessCollection where Index == Int {
    /// The first index whose element satisfies `isAfter`, for a predicate that is false for a
    /// prefix of the collection and true for the rest (`endIndex` if it never holds).
    /// - Complexity: O(log n).
    func partitionIndex(where isAfter: (Element) -> Bool) -> Int {
        var lo = startIndex, hi = endIndex
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if isAfter(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

extension Segmentation {
    /// The index of the sentence (in `sentences`, byte spans in order) that contains a span.
    static func sentence(containing span: Span, in sentences: [Span]) -> Int? {
        let k = sentences.partitionIndex { $0.end > span.start }
        return k < sentences.count && sentences[k].contains(span) ? k : nil
    }
}
