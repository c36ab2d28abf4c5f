#!/usr/bin/env python3
"""The benchmark run of issue 7, driven by Scripts/bench: seeds DuPing, starts nginx and the
Hummingbird peer, runs every wrk measure in two passes with the servers alternating, the
results micro-benchmark and the connection-scale run, then writes the report.

With PostgreSQL installed, the run ends with the PostgreSQL lines of issue 18 (postgres_lines.py):
the ballot and the public board on DuPing over a throwaway PostgreSQL cluster beside DuPing over
SQLite; `--postgres-only` runs just those, `--no-postgres` leaves them out.

Usage: run.py --duping BIN [--results-bench BIN] [--hummingbird BIN] [--smoke] [--out FILE]
              [--postgres-only | --no-postgres] [--pg-codes N]
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import report
import servers
from postgres_lines import PostgresLines
import wrk
from procstat import rss_mb

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BALLOT_LUA = os.path.join(BENCH, "wrk", "ballot.lua")
# The demo township's public responsibility board (issue 13), as of the day of the run.
RESPONSIBILITY_PATH = "/v1/public/townships/niumasi/responsibility"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def say(text):
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


class Bench:
    """One run: its settings, its servers and everything measured so far."""

    def __init__(self, args, work):
        self.args = args
        self.work = work
        self.smoke = args.smoke
        self.seconds = 1 if self.smoke else 10
        self.connections = 16 if self.smoke else 64
        self.idle_count = 500 if self.smoke else 10_000
        self.codes_total = 10_000 if self.smoke else args.codes
        self.codes_from = 0
        self.rows = []  # (pass, measure, server, wrk result)
        self.facts = {}
        self.pg_statistics = []  # what PostgreSQL did during each of its ballot measures

    def log(self, name):
        return os.path.join(self.work, f"{name}.log")

    # -- setup ---------------------------------------------------------------------------
    def seed(self):
        data = os.path.join(self.work, "data")
        port = free_port()
        # The open round names every evaluator: 240,000 ids are a ~1.7 MB body, above the
        # default 1 MiB limit, so the seeding run (only) accepts larger bodies. `--demo` adds the
        # demo township (niumasi) beside the seeded one, for its responsibility board.
        server = servers.duping(self.args.duping, data, port, self.log("duping-seed"),
                                extra_args=["--max-body-bytes", str(16 << 20), "--demo"])
        started = time.monotonic()
        try:
            token = servers.read_root_token(data)
            subprocess.run([sys.executable, os.path.join(BENCH, "seed.py"), server.base, token, self.work,
                            "--codes", str(self.codes_total),
                            "--published-ballots", "40" if self.smoke else "300"], check=True)
            with urllib.request.urlopen(server.base + RESPONSIBILITY_PATH) as response:
                self.responsibility = response.read()
        finally:
            server.stop()
        self.facts["seed_s"] = time.monotonic() - started
        with open(os.path.join(self.work, "board.path")) as f:
            self.board_path = f.read().strip()
        with open(os.path.join(self.work, "board.json"), "rb") as f:
            self.board = f.read()
        with open(os.path.join(self.work, "codes.txt")) as f:
            self.codes_total = sum(1 for line in f if line.strip())

    def start(self):
        """DuPing restarted on the seeded database (so idle RSS is that of a fresh server),
        then the peers."""
        self.duping = servers.duping(self.args.duping, os.path.join(self.work, "data"), free_port(),
                                     self.log("duping"))
        time.sleep(2)
        self.facts["duping_rss_idle_mb"] = rss_mb(self.duping.pid)
        self.nginx = self.hummingbird = None
        if not self.smoke:
            prefix = os.path.join(self.work, "nginx")
            self.nginx = servers.nginx(prefix, free_port(),
                                       {"board.json": self.board, "responsibility.json": self.responsibility},
                                       self.log("nginx"))
            self.hummingbird = servers.hummingbird(self.args.hummingbird, free_port(), self.log("hummingbird"))
            self.facts["nginx_rss_idle_mb"] = rss_mb(self.nginx.pid)
            self.facts["hummingbird_rss_idle_mb"] = rss_mb(self.hummingbird.pid)

    def stop(self):
        for server in (self.duping, self.nginx, self.hummingbird):
            if server:
                server.stop()

    # -- measures ------------------------------------------------------------------------
    def measure(self, number, name, server, path, **kw):
        result = wrk.run(server.base + path, server.pid, seconds=self.seconds,
                         connections=self.connections, **kw)
        self.rows.append((number, name, server.name, result))
        flag = "" if result["ok"] else f"  !! non-2xx {result['non2xx']}, socket errors {result['socket_errors']}"
        say(f"pass {number} {name:<8} {server.name:<12} {result['rps']:>10.0f} req/s  "
            f"{result['cpu_us_per_req']:6.1f} us CPU/req  p99 {result.get('p99_ms', 0):.2f} ms{flag}")
        return result

    def ballots(self, number, server, path, passes_left):
        """The ballot measure; DuPing gets a fresh slice of codes per pass, the peer any codes."""
        env = {"BALLOT_CODES": os.path.join(self.work, "codes.txt"),
               "BALLOT_SUBJECTS": os.path.join(self.work, "subjects.txt"), "BALLOT_PATH": path}
        if server is self.duping:
            count = (self.codes_total - self.codes_from) // passes_left
            env.update(BALLOT_FROM=str(self.codes_from), BALLOT_COUNT=str(count))
        result = self.measure(number, "ballot", server, path, script=BALLOT_LUA, env=env)
        if server is self.duping:
            # Each wrk thread used the start of its own part of this pass's range, so the next
            # pass begins after the whole range, not after the number of codes used.
            self.codes_from += count
        return result

    def connection_scale(self, number):
        """/healthz on DuPing without, then at once with, `idle_count` idle keep-alive connections
        held open: the two runs are adjacent in time, so machine noise affects both alike."""
        baseline = self.measure(number, "baseline", self.duping, "/healthz")
        holder = subprocess.Popen(
            [sys.executable, os.path.join(BENCH, "idle_conns.py"), "127.0.0.1", str(self.duping.port),
             str(self.idle_count), f"127.0.0.{10 + number}"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            ready = holder.stdout.readline().split()
            if len(ready) != 3 or ready[0] != "ready":
                raise RuntimeError(f"idle connection holder failed: {ready}")
            time.sleep(1)
            rss_idle = rss_mb(self.duping.pid)
            result = self.measure(number, "scale", self.duping, "/healthz")
            result.update(held=int(ready[1]), failed=int(ready[2]), rss_conns_idle_mb=rss_idle,
                          ratio=result["rps"] / baseline["rps"],
                          cpu_ratio=result["cpu_us_per_req"] / baseline["cpu_us_per_req"])
            result["ok"] = result["ok"] and result["failed"] == 0
        finally:
            holder.stdin.close()
            holder.wait(30)
        return result

    def results_bench(self):
        command = [self.args.results_bench] + (["1000", "3"] if self.smoke else [])
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            key, value = line.split()
            self.facts[f"results_{key}" if not key.startswith("results") else key] = float(value)
        say(f"results: {out.strip()}".replace("\n", ", "))

    def passes(self):
        count = 1 if self.smoke else 2
        for number in range(1, count + 1):
            peers = [s for s in (self.duping, self.nginx, self.hummingbird) if s]
            order = peers if number % 2 else list(reversed(peers))  # alternate who goes first
            for server in order:
                self.measure(number, "healthz", server, "/healthz")
            for server in order:
                path = {"DuPing": self.board_path, "nginx": "/board.json", "Hummingbird": "/ranking"}[server.name]
                self.measure(number, "board", server, path)
            for server in order:
                if server is not self.hummingbird:
                    path = RESPONSIBILITY_PATH if server is self.duping else "/responsibility.json"
                    self.measure(number, "duties", server, path)
            for server in order:
                if server is self.duping:
                    self.ballots(number, server, "/v1/ballot", count - number + 1)
                elif server is self.hummingbird:
                    self.ballots(number, server, "/echo-ballot", 1)
            scale = self.connection_scale(number)
            self.rows[-1] = (number, "scale", "DuPing", scale)
            say(f"pass {number} scale: {scale['held']} idle connections, {scale['ratio']:.2f}x of baseline, "
                f"RSS {scale['rss_conns_idle_mb']:.1f} MB idle / {scale['rss_mb']:.1f} MB under load")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duping", required=True)
    parser.add_argument("--results-bench")
    parser.add_argument("--hummingbird")
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--codes", type=int, default=240_000)
    parser.add_argument("--out")
    parser.add_argument("--postgres-only", action="store_true", help="only the PostgreSQL lines (issue 18)")
    parser.add_argument("--no-postgres", action="store_true", help="leave the PostgreSQL lines out")
    parser.add_argument("--pg-codes", type=int, default=290_000,
                        help="ballot codes seeded on each backend for the PostgreSQL lines")
    args = parser.parse_args()
    if not args.postgres_only and not args.results_bench:
        parser.error("--results-bench is needed unless --postgres-only")
    work = tempfile.mkdtemp(prefix="duping-bench-")
    os.chmod(work, 0o755)
    bench = Bench(args, work)
    started = time.monotonic()
    ok = False
    try:
        if not args.postgres_only:
            say(f"seeding into {work}")
            bench.seed()
            say(f"seeded in {bench.facts['seed_s']:.1f}s: board {len(bench.board)} bytes, {bench.codes_total} codes")
            bench.results_bench()
            bench.start()
            try:
                bench.passes()
            finally:
                bench.stop()
        if not args.no_postgres:
            say("PostgreSQL lines (issue 18): a throwaway cluster, DuPing on it and on SQLite")
            lines = PostgresLines(bench, say, free_port)
            lines.run()
            bench.pg_statistics = lines.statistics
        bench.facts["total_s"] = time.monotonic() - started
        raw = {"rows": bench.rows, "facts": bench.facts, "pg_statistics": bench.pg_statistics}
        if not args.postgres_only:
            raw.update(board_bytes=len(bench.board), responsibility_bytes=len(bench.responsibility))
        if args.out:  # the raw figures first, so a report bug never loses a run
            with open(os.path.splitext(args.out)[0] + ".json", "w") as f:
                json.dump(raw, f, indent=1)
        if args.postgres_only:
            text = report.render_postgres_only(bench.rows, bench.facts, bench.pg_statistics, smoke=bench.smoke)
        else:
            text = report.render(bench.rows, bench.facts, smoke=bench.smoke, board_bytes=len(bench.board),
                                 responsibility_bytes=len(bench.responsibility), pg_statistics=bench.pg_statistics)
        if args.out:
            with open(args.out, "w") as f:
                f.write(text)
            say(f"wrote {args.out}")
        else:
            print(text, flush=True)
        failures = report.failures(bench.rows)
        for failure in failures:
            say(f"FAILED: {failure}")
        ok = not failures
    finally:
        if ok:
            shutil.rmtree(work, ignore_errors=True)
        else:
            say(f"logs kept in {work}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
