"""The PostgreSQL lines of the benchmark (issue 18): the durable ballot POST and the public board
on DuPing over PostgreSQL, beside the same measures on DuPing over SQLite, in one run.

Both servers are the same binary, seeded the same way (bench/seed.py, the same counts) and
measured alternately (pass 1 SQLite first, pass 2 PostgreSQL first). PostgreSQL is a throwaway
cluster on this machine (pgcluster.py: Unix socket, fsync on). Around each PostgreSQL ballot
measure the run reads what the server did: commits, WAL flushes (pg_stat_wal), and the
statements with their calls and time (pg_stat_statements), from which the ballots per group
commit and the round trips per ballot follow."""

import os
import subprocess
import sys
import time

import pgcluster
import servers
from procstat import cpu_seconds, rss_mb

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BALLOT_LUA = os.path.join(BENCH, "wrk", "ballot.lua")
DATABASE = "bench"


class Backend:
    """One seeded DuPing and the codes its ballot measures may still use."""

    def __init__(self, name, work, database=None):
        self.name = name
        self.work = work
        self.database = database
        self.codes_from = 0
        self.server = None

    @property
    def data(self):
        return os.path.join(self.work, "data")

    def read_seed(self):
        with open(os.path.join(self.work, "board.path")) as f:
            self.board_path = f.read().strip()
        with open(os.path.join(self.work, "codes.txt")) as f:
            self.codes_total = sum(1 for line in f if line.strip())


class PostgresLines:
    """Runs the PostgreSQL lines inside a `run.Bench` (its settings, rows and facts)."""

    def __init__(self, bench, say, free_port):
        self.bench = bench
        self.say = say
        self.free_port = free_port
        self.codes = 5_000 if bench.smoke else bench.args.pg_codes
        self.published = 40 if bench.smoke else 300
        self.statistics = []  # one dict per PostgreSQL ballot measure

    def run(self):
        cluster = pgcluster.Cluster()
        self.cluster = cluster
        try:
            conninfo = cluster.create_database(DATABASE)
            self.backends = [Backend("SQLite", os.path.join(self.bench.work, "pg-lines-sqlite")),
                             Backend("PostgreSQL", os.path.join(self.bench.work, "pg-lines-postgres"), conninfo)]
            for backend in self.backends:
                self.seed(backend)
            for backend in self.backends:
                backend.server = servers.duping(self.bench.args.duping, backend.data, self.free_port(),
                                                self.bench.log(f"duping-{backend.name}"),
                                                database=backend.database, name=backend.name)
            time.sleep(1)
            for backend in self.backends:
                self.bench.facts[f"pg_lines_{backend.name.lower()}_rss_idle_mb"] = rss_mb(backend.server.pid)
            self.passes()
        finally:
            for backend in getattr(self, "backends", []):
                if backend.server:
                    backend.server.stop()
            cluster.stop()

    def seed(self, backend):
        """Seeds `backend` through its own seeding server (bodies up to 16 MiB for the panel)."""
        os.makedirs(backend.work, exist_ok=True)
        server = servers.duping(self.bench.args.duping, backend.data, self.free_port(),
                                self.bench.log(f"duping-seed-{backend.name}"), database=backend.database,
                                extra_args=["--max-body-bytes", str(16 << 20)], name=backend.name)
        started = time.monotonic()
        try:
            token = servers.read_root_token(backend.data)
            subprocess.run([sys.executable, os.path.join(BENCH, "seed.py"), server.base, token, backend.work,
                            "--codes", str(self.codes), "--published-ballots", str(self.published)],
                           check=True, stdout=subprocess.DEVNULL)
        finally:
            server.stop()
        seconds = time.monotonic() - started
        self.bench.facts[f"pg_lines_seed_{backend.name.lower()}_s"] = seconds
        backend.read_seed()
        self.say(f"seeded {backend.name} in {seconds:.1f}s: {backend.codes_total} codes")

    def passes(self):
        count = 1 if self.bench.smoke else 2
        for number in range(1, count + 1):
            order = self.backends if number % 2 else list(reversed(self.backends))
            for backend in order:
                self.measure(number, "pg-board", backend, backend.board_path)
            for backend in order:
                self.ballots(number, backend, count - number + 1)

    def measure(self, number, name, backend, path, **kw):
        """One wrk measure; on PostgreSQL also the CPU time of the cluster's processes."""
        postmaster = self.cluster.postmaster_pid
        before = cpu_seconds(postmaster)
        result = self.bench.measure(number, name, backend.server, path, **kw)
        database_cpu = cpu_seconds(postmaster) - before
        if backend.database:
            result["db_cpu_us_per_req"] = database_cpu / max(result["requests"], 1) * 1e6
        return result

    def ballots(self, number, backend, passes_left):
        count = (backend.codes_total - backend.codes_from) // passes_left
        env = {"BALLOT_CODES": os.path.join(backend.work, "codes.txt"),
               "BALLOT_SUBJECTS": os.path.join(backend.work, "subjects.txt"), "BALLOT_PATH": "/v1/ballot",
               "BALLOT_FROM": str(backend.codes_from), "BALLOT_COUNT": str(count)}
        if backend.database:
            self.reset_statistics()
        result = self.measure(number, "pg-ballot", backend, "/v1/ballot", script=BALLOT_LUA, env=env)
        backend.codes_from += count
        if backend.database:
            self.statistics.append(self.read_statistics(number, result))

    # -- what the server did --------------------------------------------------------------
    def reset_statistics(self):
        statements = "SELECT pg_stat_statements_reset();" if self.cluster.statements else ""
        self.cluster.sql(DATABASE, f"SELECT pg_stat_reset_shared('wal'); SELECT pg_stat_reset(); {statements}")
        self.commits_before = self._commits()

    def _commits(self):
        return int(self.cluster.sql(DATABASE, "SELECT sum(xact_commit) FROM pg_stat_database")[0][0])

    def read_statistics(self, number, result):
        # pg_stat_database and pg_stat_wal hear from each backend at the end of a transaction at
        # most once a second, and from an idle one 10 s later: wait for the last report (the
        # smoke's figures mean nothing anyway). pg_stat_statements counts at once.
        time.sleep(1.5 if self.bench.smoke else 11)
        stats = {"pass": number, "ballots": result["requests"], "seconds": result["seconds"]}
        stats["commits"] = self._commits() - self.commits_before
        wal = self.cluster.sql(DATABASE, "SELECT wal_records, wal_bytes, wal_write, wal_sync, wal_write_time, "
                                         "wal_sync_time FROM pg_stat_wal")[0]
        stats.update(wal_records=int(wal[0]), wal_bytes=int(wal[1]), wal_write=int(wal[2]), wal_sync=int(wal[3]),
                     wal_write_ms=float(wal[4]), wal_sync_ms=float(wal[5]))
        if self.cluster.statements:
            rows = self.cluster.sql(
                DATABASE,
                "SELECT calls, rows, total_exec_time, regexp_replace(left(query, 200), '\\s+', ' ', 'g') "
                "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                "ORDER BY total_exec_time DESC")
            statements = {}
            batches = ballot_rows = 0
            sizes = {}
            for calls, changed, total_ms, query in rows:
                if query.startswith("INSERT INTO ballots"):
                    # One multi-row INSERT per group commit; its text (and so its entry) differs
                    # with the number of rows.
                    batches += int(calls)
                    ballot_rows += int(changed)
                    size = int(changed) // max(int(calls), 1)
                    sizes[size] = sizes.get(size, 0) + int(calls)
                    query = "INSERT INTO ballots (…) VALUES (…), … (one per group commit)"
                key = self._shorten(query)
                entry = statements.setdefault(key, [0, 0.0])
                entry[0] += int(calls)
                entry[1] += float(total_ms)
            stats["statements"] = sorted(([q, c, ms] for q, (c, ms) in statements.items()),
                                         key=lambda e: -e[2])
            stats["statement_calls"] = sum(c for _, c, _ in stats["statements"])
            stats["statement_ms"] = sum(ms for _, _, ms in stats["statements"])
            stats["group_commits"] = batches
            stats["ballots_inserted"] = ballot_rows
            stats["batch_sizes"] = sorted(sizes.items())
        self.say(f"pass {number} PostgreSQL ballot: {stats['commits']} commits, {stats['wal_sync']} WAL syncs "
                 f"({stats['wal_sync_ms']:.0f} ms), "
                 + (f"{stats['ballots_inserted']} ballots in {stats['group_commits']} group commits, "
                    f"{stats['statement_calls'] / max(stats['ballots'], 1):.1f} statements per ballot"
                    if self.cluster.statements else "no pg_stat_statements"))
        return stats

    @staticmethod
    def _shorten(query):
        return query if len(query) <= 110 else query[:107] + "…"
