"""Turns the measured rows into bench/RESULTS.md: the figures, and the ratios against the targets
of issue 7. Ratios use each server's mean rate over the passes, measured in the same run."""

import platform
import statistics
import subprocess
import time

MEASURES = [  # (measure, server, what was requested)
    ("healthz", "DuPing", "`GET /healthz`"),
    ("healthz", "nginx", "`return 200`"),
    ("healthz", "Hummingbird", "`GET /healthz`"),
    ("board", "DuPing", "public board of the published round"),
    ("board", "nginx", "the same bytes as a static file"),
    ("board", "Hummingbird", "`GET /ranking`, 200 rows through JSONEncoder"),
    ("duties", "DuPing", "public responsibility board of the demo township"),
    ("duties", "nginx", "the same bytes as a static file"),
    ("ballot", "DuPing", "durable `POST /v1/ballot`, a new code per request"),
    ("ballot", "Hummingbird", "`POST /echo-ballot`, JSONDecoder, no storage"),
    ("baseline", "DuPing", "`GET /healthz` just before the idle connections open"),
    ("scale", "DuPing", "`GET /healthz` with the idle connections open"),
]

POSTGRES_MEASURES = [  # issue 18: the same DuPing binary on each backend, seeded alike
    ("pg-board", "SQLite", "public board of the published round, DuPing on SQLite"),
    ("pg-board", "PostgreSQL", "the same on PostgreSQL (served from memory)"),
    ("pg-ballot", "SQLite", "durable `POST /v1/ballot` on SQLite (WAL, synchronous=FULL)"),
    ("pg-ballot", "PostgreSQL", "the same on PostgreSQL (fsync on, synchronous_commit on)"),
]


def _group(rows):
    grouped = {}
    for number, measure, server, result in rows:
        grouped.setdefault((measure, server), []).append(result)
    return grouped


def _mean(results, key):
    values = [r[key] for r in results if r.get(key) is not None]
    return statistics.mean(values) if values else None


def _cpu(results):
    """CPU µs per request of the server, and of its PostgreSQL cluster where it has one."""
    return _mean(results, "cpu_us_per_req") + (_mean(results, "db_cpu_us_per_req") or 0)


def failures(rows):
    """Measures whose responses were not all 2xx, or whose idle connections did not all open."""
    return [f"pass {n} {m} on {s}: non-2xx {r['non2xx']}, socket errors {r['socket_errors']}"
            + (f", idle connections failed {r['failed']}" if r.get("failed") else "")
            for n, m, s, r in rows if not r["ok"]]


def _targets(grouped, facts):
    """(measure, target, measured, met) rows."""
    out = []

    def ratio(label, measure, peer, target, server="DuPing"):
        """Rate ratio server / peer, with the CPU-per-request ratio peer / server beside it
        (> 1 means the server spends less CPU per request), which the noise affects much less."""
        ours, theirs = grouped.get((measure, server)), grouped.get((measure, peer))
        if ours and theirs:
            value = _mean(ours, "rps") / _mean(theirs, "rps")
            cpu = _cpu(theirs) / _cpu(ours)
            out.append((f"{label} (CPU per request: {cpu:.2f}× less)" if cpu >= 1 else
                        f"{label} (CPU per request: {1 / cpu:.2f}× more)", f"≥ {target}×", f"{value:.2f}×", value >= target))

    ratio("`/healthz` vs nginx `return 200`", "healthz", "nginx", 0.8)
    ratio("`/healthz` vs Hummingbird", "healthz", "Hummingbird", 2)
    ratio("public board vs Hummingbird `/ranking`", "board", "Hummingbird", 10)
    ratio("public board vs nginx, same bytes", "board", "nginx", 0.5)
    ratio("public responsibility board vs nginx, same bytes (issue 13)", "duties", "nginx", 0.5)
    ratio("durable ballot vs Hummingbird `/echo-ballot`", "ballot", "Hummingbird", 0.8)
    ratio("durable ballot on PostgreSQL vs on SQLite (issue 18)", "pg-ballot", "SQLite", 0.5, server="PostgreSQL")
    ratio("public board on PostgreSQL vs on SQLite (issue 18)", "pg-board", "SQLite", 0.5, server="PostgreSQL")
    ms = facts.get("results_from_aggregates_ms")
    if ms is not None:
        out.append(("results of 10,000 ballots × 200 subjects, from the aggregates", "≤ 50 ms",
                    f"{ms:.3f} ms", ms <= 50))
        recount = facts["results_full_recount_ms"]
        out.append(("… the same by a full recount of every ballot (for information)", "—", f"{recount:.0f} ms", None))
    scale = grouped.get(("scale", "DuPing"), [])
    if scale:
        value = _mean(scale, "ratio")
        cpu = _mean(scale, "cpu_ratio")
        held = min(r["held"] for r in scale)
        out.append((f"`/healthz` with {held:,} idle connections vs without, just before "
                    f"(CPU per request: {cpu:.2f}×)", "≥ 0.8×", f"{value:.2f}×", value >= 0.8))
        idle = facts["duping_rss_idle_mb"]
        out.append(("RSS idle", "≤ 20 MB", f"{idle:.1f} MB", idle <= 20))
        loaded = max(max(r["rss_mb"], r["rss_conns_idle_mb"]) for r in scale)
        out.append((f"RSS with {held:,} connections (idle, and under wrk)", "≤ 150 MB", f"{loaded:.1f} MB", loaded <= 150))
    return out


def _machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n")[0]
    return f"{cpu}, {subprocess.check_output(['nproc']).decode().strip()} cores, Linux {platform.release()}; {wrk.strip()}"


def _rates(grouped, measures):
    lines = ["| measure | server | what | req/s by pass | mean req/s | CPU µs/req | p50 ms | p99 ms | RSS MB after | non-2xx |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for measure, server, what in measures:
        results = grouped.get((measure, server))
        if not results:
            continue
        by_pass = " / ".join(f"{r['rps']:,.0f}" for r in results)
        cpu = f"{_mean(results, 'cpu_us_per_req'):.1f}"
        if _mean(results, "db_cpu_us_per_req") is not None:
            cpu += f" + {_mean(results, 'db_cpu_us_per_req'):.1f} PostgreSQL"
        lines.append(
            f"| {measure} | {server} | {what} | {by_pass} | {_mean(results, 'rps'):,.0f} | "
            f"{cpu} | {_mean(results, 'p50_ms'):.2f} | {_mean(results, 'p99_ms'):.2f} | "
            f"{max(r['rss_mb'] for r in results):.1f} | {sum(r['non2xx'] for r in results)} |")
    return lines


def postgres_section(rows, statistics, *, smoke):
    """The PostgreSQL lines (issue 18): rates on both backends, the ratios, and what PostgreSQL
    did during each ballot measure."""
    grouped = _group(rows)
    if not any(key[0].startswith("pg-") for key in grouped):
        return []
    lines = ["", "## PostgreSQL (issue 18)", "",
             "One DuPing binary on each backend, both seeded by `bench/seed.py` with the same counts and "
             "measured alternately; PostgreSQL is a throwaway cluster on this machine "
             "(`bench/harness/pgcluster.py`: Unix socket, `fsync=on`, `synchronous_commit=on`, defaults "
             "otherwise), SQLite a file in WAL mode with `synchronous=FULL`. CPU µs/req is DuPing's; on "
             "PostgreSQL the cluster's processes' CPU follows it.", ""]
    lines += ["| measure | target | measured | met |", "|---|---|---|---|"]
    for measure, label in (("pg-ballot", "durable ballot, PostgreSQL / SQLite"),
                           ("pg-board", "public board, PostgreSQL / SQLite")):
        ours, theirs = grouped.get((measure, "PostgreSQL")), grouped.get((measure, "SQLite"))
        if ours and theirs:
            value = _mean(ours, "rps") / _mean(theirs, "rps")
            met = "—" if smoke else "yes" if value >= 0.5 else "**no**"
            lines.append(f"| {label} | ≥ 0.5× | {value:.2f}× | {met} |")
    lines += [""] + _rates(grouped, POSTGRES_MEASURES)
    for stats in statistics:
        ballots = max(stats["ballots"], 1)
        lines += ["", f"PostgreSQL during ballot pass {stats['pass']} ({stats['ballots']:,} ballots in "
                      f"{stats['seconds']:.1f} s): {stats['commits']:,} transactions committed, "
                      f"{stats['wal_sync']:,} WAL flushes (fsync) taking {stats['wal_sync_ms']:,.0f} ms in all "
                      f"({stats['wal_sync_ms'] / max(stats['wal_sync'], 1):.2f} ms each), "
                      f"{stats['wal_bytes'] / ballots / 1024:.1f} KiB of WAL per ballot."]
        if "statements" in stats:
            sizes = stats["batch_sizes"]
            commits = max(stats["group_commits"], 1)
            lines += [f"{stats['ballots_inserted']:,} ballots went in {stats['group_commits']:,} group commits "
                      f"({stats['ballots_inserted'] / commits:.1f} per commit, largest {max((s for s, _ in sizes), default=0)}); "
                      f"{stats['statement_calls'] / ballots:.1f} statements per ballot, "
                      f"{stats['statement_ms'] / ballots:.3f} ms of server execution per ballot "
                      f"({stats['statement_ms']:,.0f} ms in all, pg_stat_statements). Top statements:", "",
                      "| statement | calls | per ballot | total ms | ms per call |", "|---|---|---|---|---|"]
            for query, calls, ms in stats["statements"][:10]:
                query = query.replace("|", "\\|")
                lines.append(f"| `{query}` | {calls:,} | {calls / ballots:.2f} | {ms:,.0f} | {ms / max(calls, 1):.3f} |")
    return lines


def render(rows, facts, *, smoke, board_bytes, responsibility_bytes=None, pg_statistics=None):
    grouped = _group(rows)
    passes = max((r[0] for r in rows), default=0)
    lines = ["# DuPing benchmarks" + (" (smoke run: figures mean nothing)" if smoke else ""), "",
             f"Written by `Scripts/bench{' --smoke' if smoke else ''}` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} "
             f"in {facts.get('total_s', 0) / 60:.1f} min. {_machine()}.", "",
             "wrk and the servers share the same 2 cores over loopback, so rates are noisy: compare the "
             "ratios (measured minutes apart in one run, servers alternating) and the CPU time per request "
             "(server process utime+stime from `/proc`, divided by requests). "
             f"wrk `-t2 -c{16 if smoke else 64} -d{1 if smoke else 10}s --latency`, {passes} pass(es). "
             "DuPing runs with `--no-access-log`, nginx with `access_log off`; Hummingbird logs no requests. "
             f"The board is {board_bytes:,} bytes"
             + (f", the responsibility board {responsibility_bytes:,}" if responsibility_bytes else "")
             + ", sent uncompressed (wrk sends no `Accept-Encoding`).", ""]
    if not smoke:
        lines += ["## Targets (issue 7)", "", "| measure | target | measured | met |", "|---|---|---|---|"]
        lines += [f"| {label} | {target} | {value} | {'—' if met is None else 'yes' if met else '**no**'} |"
                  for label, target, value, met in _targets(grouped, facts)]
        lines.append("")
    lines += ["## Rates", ""] + _rates(grouped, MEASURES)
    lines += postgres_section(rows, pg_statistics or [], smoke=smoke)
    lines += ["", "## Other figures", ""]
    for key in sorted(facts):
        value = facts[key]
        lines.append(f"- `{key}`: {value:,.3f}" if isinstance(value, float) else f"- `{key}`: {value}")
    lines += ["", "Where DuPing misses a target, the profile is in [PROFILE.md](PROFILE.md).", ""]
    return "\n".join(lines)


def render_postgres_only(rows, facts, statistics, *, smoke):
    """The report of `Scripts/bench --postgres`: the PostgreSQL lines alone."""
    lines = [f"# DuPing on PostgreSQL and SQLite (issue 18){' (smoke run: figures mean nothing)' if smoke else ''}", "",
             f"Written by `Scripts/bench --postgres` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} "
             f"in {facts.get('total_s', 0) / 60:.1f} min. {_machine()}. wrk `-t2 -c{16 if smoke else 64} "
             f"-d{1 if smoke else 10}s --latency`."]
    lines += postgres_section(rows, statistics, smoke=smoke)
    lines += ["", "## Other figures", ""]
    for key in sorted(facts):
        value = facts[key]
        lines.append(f"- `{key}`: {value:,.3f}" if isinstance(value, float) else f"- `{key}`: {value}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    # Re-renders a report from the raw figures: report.py bench/RESULTS.json > bench/RESULTS.md
    import json
    import sys

    with open(sys.argv[1]) as f:
        raw = json.load(f)
    facts = raw["facts"]
    if raw.get("board_bytes") is None:  # a run of the PostgreSQL lines alone
        print(render_postgres_only(raw["rows"], facts, raw.get("pg_statistics", []), smoke=False), end="")
    else:
        print(render(raw["rows"], facts, smoke=False, board_bytes=raw["board_bytes"],
                     responsibility_bytes=raw.get("responsibility_bytes"),
                     pg_statistics=raw.get("pg_statistics", [])), end="")
