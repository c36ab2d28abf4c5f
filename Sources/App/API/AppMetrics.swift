import Domain
import HTTPCore
import Primitives
import Store

/// DuPing's own lines in `/metrics`, after the HTTP core's: the build, ballots accepted and
/// rejected (by channel and reason — never by round, evaluator or time finer than the scrape),
/// rounds by state, the duration of SQLite write transactions and the faults among them, and
/// the usual `process_*` metrics.
enum AppMetrics {
    /// The version `duping_build_info` reports.
    static let version = Version.number

    /// Adds the collector to `metrics`. Rounds by state are counted at scrape time, so the gauge
    /// is right after a restart and across processes sharing the file.
    static func install(on metrics: ServerMetrics, store: any DataStore, ballots: BallotCounters) {
        metrics.addCollector { render(store: store, ballots: ballots) + ProcessMetrics.render() }
    }

    static func render(store: any DataStore, ballots: BallotCounters) -> String {
        var out = "# HELP duping_build_info The running build of DuPing; always 1.\n# TYPE duping_build_info gauge\n"
        out += "duping_build_info{version=\"\(version)\"} 1\n"
        out += ballots.render()
        if let counts = try? store.read({ try $0.rounds.countByState() }) {
            out += "# HELP duping_rounds Rounds by state, all townships.\n# TYPE duping_rounds gauge\n"
            for state in RoundState.allCases {
                out += "duping_rounds{state=\"\(state.rawValue)\"} \(counts[state] ?? 0)\n"
            }
        }
        let writes = store.writeDurations()
        out += PrometheusText.histogram(
            "duping_sqlite_write_duration_seconds", help: "Write transactions from BEGIN to durable COMMIT.",
            bounds: writes.bounds, bucketCounts: writes.bucketCounts, count: writes.count, sum: writes.sum)
        out += "# HELP duping_sqlite_write_failures_total Write transactions lost to a fault of the database "
        out += "(I/O error, disk full, busy timeout, corrupt file); a write refused with 409 or 422 is not one.\n"
        out +=
            "# TYPE duping_sqlite_write_failures_total counter\nduping_sqlite_write_failures_total \(writes.failures)\n"
        return out
    }
}

/// Counts ballots accepted (by channel) and rejected (by reason), for `/metrics`.
final class BallotCounters: Sendable {
    enum Channel: String, CaseIterable, Sendable { case online, paper }

    /// Why a ballot was refused; the labels of `duping_ballots_rejected_total`.
    enum Reason: String, CaseIterable, Sendable {
        case invalid, malformed, alreadyVoted = "already_voted", roundNotOpen = "round_not_open"
        case unknownCode = "unknown_code", throttled, wrongCredential = "wrong_credential", other
    }

    private struct Counts {
        var accepted: [Channel: Int] = [:]
        var rejected: [Reason: Int] = [:]
    }

    private let counts = Locked(Counts())

    /// `handler` with its outcome counted: a 201 is accepted, an error (thrown or delivered)
    /// rejected.
    func counted(_ channel: Channel, _ handler: @escaping DeferredEndpoint) -> DeferredEndpoint {
        { request, complete in
            let counting: EndpointCompletion = { result in
                self.count(channel, result)
                complete(result)
            }
            do {
                try handler(request, counting)
            } catch {
                self.count(channel, .failure(error))
                throw error
            }
        }
    }

    private func count(_ channel: Channel, _ result: Result<HTTPResponse, any Error>) {
        switch result {
        case .success(let response) where response.status == 201:
            counts.withLock { $0.accepted[channel, default: 0] += 1 }
        case .success:
            break
        case .failure(let error):
            let reason = Self.reason(error)
            counts.withLock { $0.rejected[reason, default: 0] += 1 }
        }
    }

    static func reason(_ error: any Error) -> Reason {
        switch error {
        case RoundError.alreadyVoted: .alreadyVoted
        case RoundError.codeReplaced: .unknownCode
        case RoundError.wrongState: .roundNotOpen
        case let error as APIError:
            switch error.status {
            case 422: .invalid
            case 400, 413, 415: .malformed
            case 401: .unknownCode
            case 403: .wrongCredential
            case 429: .throttled
            default: .other
            }
        default: .other
        }
    }

    func render() -> String {
        let snapshot = counts.withLock { $0 }
        var out = "# HELP duping_ballots_accepted_total Ballots stored, by channel (online or typed-in paper ballot).\n"
        out += "# TYPE duping_ballots_accepted_total counter\n"
        for channel in Channel.allCases {
            out += "duping_ballots_accepted_total{channel=\"\(channel.rawValue)\"} \(snapshot.accepted[channel] ?? 0)\n"
        }
        out += "# HELP duping_ballots_rejected_total Ballot submissions refused, by reason.\n"
        out += "# TYPE duping_ballots_rejected_total counter\n"
        for reason in Reason.allCases {
            out += "duping_ballots_rejected_total{reason=\"\(reason.rawValue)\"} \(snapshot.rejected[reason] ?? 0)\n"
        }
        return out
    }
}
