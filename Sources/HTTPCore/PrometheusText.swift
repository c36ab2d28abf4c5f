/// Pieces of the Prometheus text format (version 0.0.4) shared by every `/metrics` section.
public enum PrometheusText {
    /// A histogram: `bucketCounts` are per bucket (not cumulative), in the order of `bounds`.
    public static func histogram(
        _ name: String, help: String, bounds: [Double], bucketCounts: [Int], count: Int, sum: Double
    ) -> String {
        var out = "# HELP \(name) \(help)\n# TYPE \(name) histogram\n"
        var cumulative = 0
        for (bound, bucket) in zip(bounds, bucketCounts) {
            cumulative += bucket
            out += "\(name)_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        out += "\(name)_bucket{le=\"+Inf\"} \(count)\n"
        out += "\(name)_sum \(sum)\n"
        out += "\(name)_count \(count)\n"
        return out
    }
}
