#!/usr/bin/env python3
"""Black-box hostile-client audit of a DuPing server (issue 19 and its re-run).

Usage:
    python3 Scripts/audit/hostile.py --binary PATH --public DIR [--family NAME ...]

It starts its own servers (one or more per family, each on a free port with a fresh
temporary data directory), plays the part of a hostile or careless client, and prints one line
of figures per family. It never judges pass/fail by itself and always exits 0 (unless the
command line is wrong): the figures are meant to be compared between two builds.

Families (contract §2, §5, §6, §8; issue 19 findings 1-7, then 8 = everything else):

  metrics-flood     8,000 requests with distinct 8,000-byte invented methods (pipelined on 4
                    keep-alive connections); RSS before/after, size of /metrics; then 16 threads
                    looping GET /metrics for 10 s while a prober times root GET /v1/townships
                    and /healthz.
  voting-order      24 evaluators vote one by one in a seeded random order, 1 s apart, each
                    comment carrying a unique ASCII marker; `duping backup` and a copy of the
                    -wal file while the round is open; SIGTERM; Kendall's tau between voting
                    order and marker byte offset in duping.sqlite and in the backup, and between
                    voting order and the first WAL frame holding the marker.
  by-category       3 deputies + 2 contact households on the panel, 3 deputies + 1 household
                    vote; n and by_category on results and on the public board; does
                    4 x overall - 3 x deputy give back the household's scores?
  combining-comment comment "e" + U+0301 x 500,000 -> status (and 500 / 501 scalar edges).
  file-modes        server and backup run under umask 002: modes of the files.
  layer-headers     security headers on 400, 408, 413, 414, 431, 501, 503 (and 417, 505).
  fair-use          100,000-row department CSV; ballots of 150,000 invalid entries; 2,000
                    subjects x 30 full ballots, then 200 results.csv downloads (RSS).
  hostile           slowloris, 5,000 idle connections, 20 x 10,000 pipelined requests never
                    read, garbage bytes, huge chunked bodies, Expect: 100-continue abuse,
                    ballot-code guessing (429) and what it does to a genuine voter.

Only the Python 3 standard library is used. Randomness is seeded, so re-runs do the same.
Timings and RSS vary with the machine; the audit ran on 2 cores.
"""

import argparse
import concurrent.futures
import http.client
import json
import os
import random
import resource
import select
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time

HOST = "127.0.0.1"
SECURITY_HEADERS = {
    "content-security-policy": "CSP",
    "x-content-type-options": "XCTO",
    "referrer-policy": "RP",
    "x-frame-options": "XFO",
}
UNEXPECTED_5XX = []  # (family, what, status) for every 500-class answer we did not ask for


# --------------------------------------------------------------------------------------------
# Server process


def free_port():
    s = socket.socket()
    s.bind((HOST, 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """One `duping serve` process with its own data directory under `workdir`."""

    def __init__(self, binary, public, workdir, name, extra=(), data=None):
        self.binary = binary
        self.port = free_port()
        self.data = data or tempfile.mkdtemp(prefix=name + "-", dir=workdir)
        self.log_path = os.path.join(workdir, name + ".log")
        self.log = open(self.log_path, "ab")
        args = [binary, "serve", "--host", HOST, "--port", str(self.port), "--data", self.data,
                "--public", public, "--no-access-log", *extra]
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        deadline = time.time() + 60
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited at start, see " + self.log_path)
            try:
                if http_request(self, "GET", "/healthz", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline:
                raise RuntimeError("server did not come up, see " + self.log_path)
            time.sleep(0.1)
        with open(os.path.join(self.data, "root.token")) as f:
            self.root = f.read().strip()

    def rss_mb(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
        return float("nan")

    def fds(self):
        return len(os.listdir("/proc/%d/fd" % self.proc.pid))

    def alive(self):
        return self.proc.poll() is None

    def stop(self, timeout=30):
        """SIGTERM and wait; returns the exit code (None if it had to be killed)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                self.log.close()
                return None
        self.log.close()
        return self.proc.returncode

    def backup(self, path):
        return subprocess.run([self.binary, "backup", "--data", self.data, path],
                              capture_output=True, timeout=120).returncode


# --------------------------------------------------------------------------------------------
# Clients


def http_request(server, method, path, body=None, token=None, ctype="application/json",
                 timeout=120, headers=None):
    """One request on a fresh connection: (status, headers dict lower-case, body bytes)."""
    conn = http.client.HTTPConnection(HOST, server.port, timeout=timeout)
    try:
        h = {"Connection": "close"}
        if token:
            h["Authorization"] = "Bearer " + token
        if body is not None:
            if not isinstance(body, (bytes, bytearray)):
                body = json.dumps(body, ensure_ascii=False).encode()
            h["Content-Type"] = ctype
        h.update(headers or {})
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        data = r.read()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data
    finally:
        conn.close()


class Api:
    """JSON calls that must succeed; anything 5xx is recorded for the report."""

    def __init__(self, server, family):
        self.s = server
        self.family = family

    def call(self, method, path, body=None, token=None, ctype="application/json", expect=None):
        token = self.s.root if token is None else token  # "" = no credential
        status, headers, data = http_request(self.s, method, path, body, token, ctype)
        if status >= 500:
            UNEXPECTED_5XX.append((self.family, method + " " + path, status))
        if expect is not None and status not in expect:
            raise RuntimeError("%s %s -> %d %s" % (method, path, status, data[:300]))
        try:
            doc = json.loads(data) if data else None
        except ValueError:
            doc = data
        return status, doc

    def ok(self, method, path, body=None, token=None, ctype="application/json"):
        return self.call(method, path, body, token, ctype, expect=(200, 201, 204))[1]


def make_township(api, code, departments=1, cadres=1, evaluators=(), year=2026):
    """Township with `departments` departments, `cadres` cadres (round-robin over them) and the
    given evaluator categories. Returns (admin token, [department ids], [cadre ids], [evaluator ids])."""
    api.ok("POST", "/v1/townships", {"code": code, "name": "审计" + code})
    admin = api.ok("POST", "/v1/townships/%s/tokens" % code, {"label": "audit"})["token"]
    base = "/v1/townships/" + code
    deps = api.ok("POST", base + "/departments",
                  [{"name": "部门%04d" % i} for i in range(departments)], admin)["items"]
    dep_ids = [d["id"] for d in deps]
    cad_ids = []
    for start in range(0, cadres, 1000):
        chunk = [{"name": "干部%05d" % i, "department_id": dep_ids[i % len(dep_ids)]}
                 for i in range(start, min(cadres, start + 1000))]
        cad_ids += [c["id"] for c in api.ok("POST", base + "/cadres", chunk, admin)["items"]]
    ev_ids = []
    if evaluators:
        evs = api.ok("POST", base + "/evaluators",
                     [{"name": "评议人%03d" % i, "category": c} for i, c in enumerate(evaluators)],
                     admin)["items"]
        ev_ids = [e["id"] for e in evs]
    return admin, dep_ids, cad_ids, ev_ids


def open_round(api, code, admin, ev_ids, **extra):
    body = {"title": "审计轮次", "kind": "semiannual", "period": "2026-H2", "evaluator_ids": ev_ids,
            "min_group": 3}
    body.update(extra)
    rnd = api.ok("POST", "/v1/townships/%s/rounds" % code, body, admin)
    opened = api.ok("POST", "/v1/townships/%s/rounds/%d/open" % (code, rnd["id"]), {}, admin)
    return rnd["id"], {t["evaluator_id"]: t["token"] for t in opened["tokens"]}


class RawConn:
    """A socket with a tiny HTTP/1.1 response reader, for what http.client will not send."""

    def __init__(self, port, timeout=30):
        self.sock = socket.create_connection((HOST, port), timeout=timeout)
        self.buf = b""

    def send(self, data):
        self.sock.sendall(data)

    def _fill(self):
        chunk = self.sock.recv(1 << 20)
        if not chunk:
            raise EOFError
        self.buf += chunk

    def read_response(self, head_request=False):
        """(status, headers dict lower-case, body), or None when the server closed first."""
        try:
            while b"\r\n\r\n" not in self.buf:
                self._fill()
            head, self.buf = self.buf.split(b"\r\n\r\n", 1)
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            headers = {}
            for line in lines[1:]:
                k, _, v = line.partition(":")
                headers[k.strip().lower()] = v.strip()
            if status < 200 or status in (204, 304) or head_request:
                return status, headers, b""
            if headers.get("transfer-encoding", "").lower() == "chunked":
                body = b""
                while True:
                    while b"\r\n" not in self.buf:
                        self._fill()
                    size_line, self.buf = self.buf.split(b"\r\n", 1)
                    size = int(size_line.split(b";")[0], 16)
                    while len(self.buf) < size + 2:
                        self._fill()
                    body += self.buf[:size]
                    self.buf = self.buf[size + 2:]
                    if size == 0:
                        return status, headers, body
            if "content-length" in headers:
                n = int(headers["content-length"])
                while len(self.buf) < n:
                    self._fill()
                body, self.buf = self.buf[:n], self.buf[n:]
                return status, headers, body
            try:  # read to close
                while True:
                    self._fill()
            except (EOFError, OSError):
                body, self.buf = self.buf, b""
                return status, headers, body
        except (EOFError, ConnectionResetError, socket.timeout, BrokenPipeError):
            return None

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def kendall_tau(xs, ys):
    """Kendall's tau-b (ties allowed, e.g. several markers first seen in the same WAL frame)."""
    n, s, tx, ty = len(xs), 0, 0, 0
    for i in range(n):
        for j in range(i + 1, n):
            a = (xs[i] > xs[j]) - (xs[i] < xs[j])
            b = (ys[i] > ys[j]) - (ys[i] < ys[j])
            s += a * b
            tx += a == 0
            ty += b == 0
    pairs = n * (n - 1) / 2
    denom = ((pairs - tx) * (pairs - ty)) ** 0.5
    return s / denom if denom else float("nan")


def ms(seconds):
    return "%.0f ms" % (seconds * 1000) if seconds < 10 else "%.1f s" % seconds


def present_headers(headers):
    got = [short for name, short in SECURITY_HEADERS.items() if name in headers]
    return "+".join(got) if got else "none"


def report(family, text):
    print("%-18s %s" % (family, text), flush=True)


# --------------------------------------------------------------------------------------------
# 1. metrics-flood


def fam_metrics_flood(ctx):
    s = ctx.server("metrics")
    rss0 = s.rss_mb()
    total, conns, method_len = 8000, 4, 8000

    def send_share(share):
        pending = list(share)
        answered = statuses = 0
        codes = {}
        while pending:
            c = RawConn(s.port)
            batch_size = 50
            while pending:
                batch = pending[:batch_size]
                c.send(b"".join(b"%s /x HTTP/1.1\r\nHost: a\r\n\r\n" % m for m in batch))
                got = 0
                for _ in batch:
                    r = c.read_response()
                    if r is None:
                        break
                    got += 1
                    codes[r[0]] = codes.get(r[0], 0) + 1
                    if r[1].get("connection", "").lower() == "close":
                        break
                answered += got
                pending = pending[got:]
                if got < len(batch):
                    break
            c.close()
        return codes

    methods = [(b"M%07d" % i) + b"X" * (method_len - 8) for i in range(total)]
    shares = [methods[i::conns] for i in range(conns)]
    t, results = timed(lambda: list(concurrent.futures.ThreadPoolExecutor(conns).map(send_share, shares)))
    codes = {}
    for r in results:
        for k, v in r.items():
            codes[k] = codes.get(k, 0) + v
    rss1 = s.rss_mb()
    mt, (st, _, metrics) = timed(lambda: http_request(s, "GET", "/metrics"))

    # 16 threads loop GET /metrics for 10 s; a prober times root GET /v1/townships and /healthz.
    stop = threading.Event()
    metric_times, probe = [], {"/v1/townships": [], "/healthz": []}

    def flooder():
        conn = http.client.HTTPConnection(HOST, s.port, timeout=300)
        while not stop.is_set():
            try:
                t0 = time.perf_counter()
                conn.request("GET", "/metrics")
                conn.getresponse().read()
                metric_times.append(time.perf_counter() - t0)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(HOST, s.port, timeout=300)
        conn.close()

    def prober():
        while not stop.is_set():
            for path in probe:
                t0 = time.perf_counter()
                try:
                    code = http_request(s, "GET", path, token=s.root if path != "/healthz" else None,
                                        timeout=300)[0]
                except OSError:
                    code = -1
                probe[path].append(time.perf_counter() - t0)
                if code != 200:
                    UNEXPECTED_5XX.append(("metrics-flood", "probe " + path, code))
            time.sleep(0.1)

    threads = [threading.Thread(target=flooder) for _ in range(16)]
    for th in threads:
        th.start()
    time.sleep(0.5)  # let the flood start before probing
    pt = threading.Thread(target=prober)
    pt.start()
    time.sleep(10)
    stop.set()
    for th in threads + [pt]:
        th.join()
    rss2 = s.rss_mb()
    s.stop()

    def summary(xs):
        return "max %s median %s (%d)" % (ms(max(xs)), ms(statistics.median(xs)), len(xs)) if xs else "none"

    report("metrics-flood",
           "8000 x %dB methods in %.1fs statuses %s | RSS %.1f -> %.1f MB | /metrics %d bytes (%s) | "
           "flood 16x10s: /metrics %s; root /v1/townships %s; /healthz %s | RSS after flood %.1f MB"
           % (method_len, t, codes, rss0, rss1, len(metrics), ms(mt), summary(metric_times),
              summary(probe["/v1/townships"]), summary(probe["/healthz"]), rss2))


# --------------------------------------------------------------------------------------------
# 2. voting-order


def wal_first_frames(path, markers):
    """First frame (0-based, current WAL generation only) whose page holds each marker."""
    with open(path, "rb") as f:
        wal = f.read()
    if len(wal) < 32:
        return {}, 0
    page_size = struct.unpack(">I", wal[8:12])[0]
    salt = wal[16:24]
    first, frame, off = {}, 0, 32
    while off + 24 + page_size <= len(wal):
        if wal[off + 8:off + 16] != salt:
            break
        page = wal[off + 24:off + 24 + page_size]
        for m in markers:
            if m not in first and m in page:
                first[m] = frame
        frame += 1
        off += 24 + page_size
    return first, frame


def fam_voting_order(ctx):
    s = ctx.server("order")
    api = Api(s, "voting-order")
    rng = random.Random(19)
    admin, _, cadres, evs = make_township(api, "order", evaluators=["deputy"] * 24)
    rid, tokens = open_round(api, "order", admin, evs)
    order = list(evs)
    rng.shuffle(order)
    markers = []
    for i, ev in enumerate(order):
        marker = ("QMARK%02d%08xQ" % (i, rng.getrandbits(32))).encode()
        markers.append(marker)
        ballot = {"supervision": [{"cadre_id": cadres[0], "village_time": 80, "attitude": 80,
                                   "completion": 80}], "comment": marker.decode()}
        api.ok("POST", "/v1/ballot", ballot, tokens[ev])
        time.sleep(ctx.vote_pause)
    db = os.path.join(s.data, "duping.sqlite")
    wal_copy = os.path.join(ctx.workdir, "order-open.sqlite-wal")
    if os.path.exists(db + "-wal"):
        shutil.copyfile(db + "-wal", wal_copy)
    backup = os.path.join(ctx.workdir, "order-backup.sqlite")
    brc = s.backup(backup)
    rc = s.stop()

    def placement(path):
        with open(path, "rb") as f:
            data = f.read()
        counts = [data.count(m) for m in markers]
        found = [(i, data.find(m)) for i, m in enumerate(markers) if m in data]
        tau = kendall_tau([i for i, _ in found], [o for _, o in found])
        return tau, len(found), min(counts), max(counts)

    live = placement(db)
    back = placement(backup) if brc == 0 else (float("nan"), 0, 0, 0)
    first, frames = wal_first_frames(wal_copy, markers) if os.path.exists(wal_copy) else ({}, 0)
    in_wal = [(i, first[m]) for i, m in enumerate(markers) if m in first]
    wal_tau = kendall_tau([i for i, _ in in_wal], [f for _, f in in_wal])
    report("voting-order",
           "tau(order, offset): live %.2f (%d/24 found, occurrences %d..%d) | backup while open "
           "%.2f (%d/24, occurrences %d..%d) | -wal copied while open: %d frames, first frame "
           "holding each marker tau %.2f (%d/24 found, %d distinct frames) | SIGTERM exit %s"
           % (live + back + (frames, wal_tau, len(in_wal), len(set(f for _, f in in_wal)), rc)))


# --------------------------------------------------------------------------------------------
# 3. by-category


def fam_by_category(ctx):
    s = ctx.server("bycat")
    api = Api(s, "by-category")
    cats = ["deputy"] * 3 + ["contact_household"] * 2
    admin, _, cadres, evs = make_township(api, "bycat", evaluators=cats)
    rid, tokens = open_round(api, "bycat", admin, evs)
    deputy_scores = [(80, 70, 90), (85, 75, 95), (90, 80, 100)]
    household = (10, 20, 30)
    for ev, sc in zip(evs[:3] + evs[3:4], deputy_scores + [household]):
        api.ok("POST", "/v1/ballot", {"supervision": [{"cadre_id": cadres[0], "village_time": sc[0],
                                                       "attitude": sc[1], "completion": sc[2]}]},
               tokens[ev])
    base = "/v1/townships/bycat/rounds/%d" % rid
    api.ok("POST", base + "/close", {}, admin)
    res = api.ok("GET", base + "/results", token=admin)
    cad = res["cadres"][0]
    keys = {k: v.get("n") for k, v in (cad.get("by_category") or {}).items()}
    recovered = "no deputy group shown"
    if "deputy" in (cad.get("by_category") or {}):
        dep = cad["by_category"]["deputy"]["scores"]
        got = tuple(round(4 * cad["scores"][k] - 3 * dep[k], 1)
                    for k in ("village_time", "attitude", "completion"))
        recovered = "%s (household voted %s)%s" % (got, household,
                                                   " RECOVERED" if got == tuple(float(x) for x in household) else "")
    api.ok("POST", base + "/publish", {}, admin)
    st, board = api.call("GET", "/v1/public/townships/bycat/rounds/%d" % rid, token="")
    pub = board["cadres"][0] if st == 200 else {}
    pkeys = {k: v.get("n") for k, v in (pub.get("by_category") or {}).items()}
    s.stop()
    report("by-category",
           "results: n=%s by_category %s | public board: n=%s by_category %s | 4*overall-3*deputy = %s"
           % (cad.get("n"), keys, pub.get("n"), pkeys, recovered))


# --------------------------------------------------------------------------------------------
# 4. combining-comment


def fam_combining_comment(ctx):
    s = ctx.server("comment")
    api = Api(s, "combining-comment")
    admin, _, cadres, evs = make_township(api, "comment", evaluators=["deputy"] * 3)
    rid, tokens = open_round(api, "comment", admin, evs)

    def vote(ev, comment):
        body = json.dumps({"supervision": [{"cadre_id": cadres[0], "village_time": 80, "attitude": 80,
                                            "completion": 80}], "comment": comment},
                          ensure_ascii=False).encode()
        return len(body), api.call("POST", "/v1/ballot", body, tokens[ev])[0]

    k = 500000
    size, st = vote(evs[0], "e" + "\u0301" * k)
    while st == 413 and k > 1000:  # largest that fits the body limit
        k = int(k * 0.95)
        size, st = vote(evs[0], "e" + "\u0301" * k)
    size500, st500 = vote(evs[1], "e" + "\u0301" * 499)   # 500 scalars
    size501, st501 = vote(evs[2], "e" + "\u0301" * 500)   # 501 scalars
    s.stop()
    report("combining-comment",
           "'e'+U+0301x%d (%d bytes) -> %d | 500 scalars -> %d | 501 scalars -> %d"
           % (k, size, st, st500, st501))


# --------------------------------------------------------------------------------------------
# 5. file-modes


def fam_file_modes(ctx):
    old = os.umask(0o002)
    try:
        data = os.path.join(ctx.workdir, "modes-data")  # the server makes it itself
        s = ctx.server("modes", data=data)
        api = Api(s, "file-modes")
        make_township(api, "modes", evaluators=["deputy"] * 3)
        db = os.path.join(data, "duping.sqlite")
        backup = os.path.join(ctx.workdir, "modes-backup.sqlite")
        brc = s.backup(backup)

        def mode(p):
            return oct(os.stat(p).st_mode & 0o777)[2:] if os.path.exists(p) else "absent"

        modes = [("dir", data), ("root.token", os.path.join(data, "root.token")), ("sqlite", db),
                 ("-wal", db + "-wal"), ("-shm", db + "-shm"), ("backup", backup)]
        line = " ".join("%s %s" % (n, mode(p)) for n, p in modes)
        s.stop()
    finally:
        os.umask(old)
    report("file-modes", "umask 002: " + line + ("" if brc == 0 else " (backup exit %d)" % brc))


# --------------------------------------------------------------------------------------------
# 6. layer-headers


def fam_layer_headers(ctx):
    s = ctx.server("layer", extra=["--header-timeout", "1"])
    cases = [
        (400, b"GET /healthz HTTP/1.1\r\nHost: a\r\nNo colon here\r\n\r\n", 0),
        (413, b"POST /v1/townships HTTP/1.1\r\nHost: a\r\nContent-Length: 2000000\r\n\r\n", 0),
        (414, b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: a\r\n\r\n", 0),
        (431, b"GET /healthz HTTP/1.1\r\nHost: a\r\nX-Big: " + b"b" * 20000 + b"\r\n\r\n", 0),
        (501, b"POST /v1/townships HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 0),
        (501, b"M" * 9000 + b" / HTTP/1.1\r\nHost: a\r\n\r\n", 0),
        (408, b"GET /healthz HTTP/1.1\r\nHost: a\r\n", 3),
        (417, b"POST /v1/townships HTTP/1.1\r\nHost: a\r\nExpect: bogus\r\nContent-Length: 2\r\n\r\n{}", 0),
        (505, b"GET /healthz HTTP/2.7\r\nHost: a\r\n\r\n", 0),
        (200, b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n", 0),
    ]
    out = []
    for want, raw, wait in cases:
        c = RawConn(s.port, timeout=10)
        c.send(raw)
        time.sleep(wait)
        r = c.read_response()
        c.close()
        out.append("%d:%s" % (want, "no answer" if r is None else
                              ("%s" % present_headers(r[1])) if r[0] == want else
                              "got %d %s" % (r[0], present_headers(r[1]))))
    s.stop()
    s2 = ctx.server("layer503", extra=["--max-connections", "1"])
    hold = RawConn(s2.port)  # the one connection allowed, proven accepted by an answer
    hold.send(b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
    hold.read_response()
    seen = []
    for _ in range(5):
        c = RawConn(s2.port, timeout=10)
        try:
            c.send(b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
        except OSError:
            pass
        r = c.read_response()
        c.close()
        seen.append(r)
        if r and r[0] == 503:
            break
    r = seen[-1]
    out.append("503:%s" % ("no answer" if r is None else present_headers(r[1]) if r[0] == 503
                           else "no 503 in 5 tries (got %s)" % [x and x[0] for x in seen]))
    hold.close()
    s2.stop()
    report("layer-headers", " | ".join(out))


# --------------------------------------------------------------------------------------------
# 7. fair-use


def fam_fair_use(ctx):
    s = ctx.server("fair")
    api = Api(s, "fair-use")
    # (a) 100,000 departments in one CSV.
    admin, _, cadres, evs = make_township(api, "faira", evaluators=["deputy"] * 3)
    csv = ("name\n" + "".join("d%06d\n" % i for i in range(100000))).encode()
    ta, (sta, doc) = timed(lambda: api.call("POST", "/v1/townships/faira/departments", csv, admin,
                                            "text/csv"))
    # (b) ballots of invalid entries: 150,000 x {} and as many {"cadre_id":999999,...} as fit 1 MiB.
    rid, tokens = open_round(api, "faira", admin, evs, department_ids=[], project_ids=[])
    empty = b'{"supervision":[' + b",".join([b"{}"] * 150000) + b"]}"
    entry = b'{"cadre_id":999999,"village_time":80,"attitude":80,"completion":80}'
    fit = ((1 << 20) - 40) // (len(entry) + 1)
    bad = b'{"supervision":[' + b",".join([entry] * fit) + b"]}"
    lines = []
    for name, body in (("150000x{}", empty), ("%dx{cadre_id:999999}" % fit, bad)):
        tb, (stb, _, rb) = timed(lambda: http_request(s, "POST", "/v1/ballot", body, tokens[evs[0]]))
        errs = ""
        try:
            d = json.loads(rb)
            errs = " errors listed %d%s" % (len(d.get("errors", [])),
                                            "".join(" %s=%s" % (k, d[k]) for k in d
                                                    if k not in ("errors", "type", "title", "detail", "status")))
        except ValueError:
            pass
        lines.append("%s (%d KB) -> %d, %d bytes%s, %s" % (name, len(body) // 1024, stb, len(rb), errs, ms(tb)))
    s.stop()

    # (c) the largest results: 1,900 cadres + 100 departments, 30 full ballots, 200 CSV downloads.
    s = ctx.server("fairc")
    api = Api(s, "fair-use")
    cats = ["deputy", "village_cadre", "retired_cadre", "contact_household"]
    admin, deps, cadres, evs = make_township(api, "fairc", departments=100, cadres=1900,
                                             evaluators=[cats[i % 4] for i in range(30)])
    rid, tokens = open_round(api, "fairc", admin, evs)
    rng = random.Random(7)

    def full_ballot(ev):
        sub = [{"cadre_id": c, "village_time": rng.randint(0, 100), "attitude": rng.randint(0, 100),
                "completion": rng.randint(0, 100)} for c in cadres]
        sub += [{"department_id": d, "village_time": rng.randint(0, 100), "attitude": rng.randint(0, 100),
                 "completion": rng.randint(0, 100)} for d in deps]
        return ev, json.dumps({"supervision": sub, "comment": "全票"}, ensure_ascii=False).encode()

    ballots = [full_ballot(ev) for ev in evs]
    tv, codes = timed(lambda: list(concurrent.futures.ThreadPoolExecutor(16).map(
        lambda b: http_request(s, "POST", "/v1/ballot", b[1], tokens[b[0]])[0], ballots)))
    base = "/v1/townships/fairc/rounds/%d" % rid
    tc, _ = timed(lambda: api.ok("POST", base + "/close", {}, admin))
    st, _, csvdata = http_request(s, "GET", base + "/results.csv", token=admin)
    rss0 = s.rss_mb()
    peak = [rss0]
    done = threading.Event()

    def sampler():
        while not done.is_set():
            peak[0] = max(peak[0], s.rss_mb())
            time.sleep(0.05)

    def download(_):
        t0 = time.perf_counter()
        code = http_request(s, "GET", base + "/results.csv", token=admin)[0]
        return code, time.perf_counter() - t0

    sm = threading.Thread(target=sampler)
    sm.start()
    td, got = timed(lambda: list(concurrent.futures.ThreadPoolExecutor(16).map(download, range(200))))
    done.set()
    sm.join()
    rss1 = s.rss_mb()
    time.sleep(2)
    rss2 = s.rss_mb()

    # (d) open a round of 2,000 subjects for a panel of 5,000 evaluators while another admin
    # keeps writing: how long is the writer held, how much does the file grow?
    more = api.ok("POST", "/v1/townships/fairc/evaluators",
                  [{"name": "大评议%04d" % i, "category": cats[i % 4]} for i in range(4970)], admin)["items"]
    db = os.path.join(s.data, "duping.sqlite")
    size0 = os.path.getsize(db) + (os.path.getsize(db + "-wal") if os.path.exists(db + "-wal") else 0)
    stop, writes = threading.Event(), []

    def writer():
        i = 0
        while not stop.is_set():
            t0 = time.perf_counter()
            code = http_request(s, "POST", "/v1/townships/fairc/departments", {"name": "写%04d" % i}, admin)[0]
            writes.append((time.perf_counter() - t0, code))
            i += 1
            time.sleep(0.05)

    wt = threading.Thread(target=writer)
    wt.start()
    time.sleep(0.3)
    rnd = api.ok("POST", "/v1/townships/fairc/rounds", {"title": "大轮次", "kind": "semiannual", "period": "2026-H1",
                                                         "evaluator_ids": evs + [e["id"] for e in more],
                                                         "cadre_ids": cadres, "department_ids": deps[:100]}, admin)
    to, (sto, _) = timed(lambda: api.call("POST", "/v1/townships/fairc/rounds/%d/open" % rnd["id"], {}, admin))
    time.sleep(0.3)
    stop.set()
    wt.join()
    size1 = os.path.getsize(db) + (os.path.getsize(db + "-wal") if os.path.exists(db + "-wal") else 0)
    opened = "(d) open 2,000 subjects x 5,000 panel -> %d in %s, db+wal %.1f -> %.1f MB, concurrent write max %s" % (
        sto, ms(to), size0 / 1e6, size1 / 1e6, ms(max(t for t, _ in writes)))
    s.stop()
    report("fair-use",
           "(a) CSV 100,000 departments (%d KB) -> %d in %s | (b) %s | (c) %d subjects, 30 ballots of %d KB "
           "-> %s in %s, close %s, results.csv %d (%d bytes); 200 downloads x16 in %.1fs (median %s): "
           "RSS %.1f -> %.1f MB (peak %.1f, +2s %.1f) | %s"
           % (len(csv) // 1024, sta, ms(ta), " ; ".join(lines), len(cadres) + len(deps),
              len(ballots[0][1]) // 1024, {c: codes.count(c) for c in set(codes)}, ms(tv), ms(tc), st,
              len(csvdata), td, ms(statistics.median(t for _, t in got)), rss0, rss1, peak[0], rss2, opened))


# --------------------------------------------------------------------------------------------
# 8. hostile: everything else


def probe_latency(s, stop, out):
    """Loop GET /healthz and root GET /v1/townships until `stop`; append (seconds, status)."""
    while not stop.is_set():
        for path, tok in (("/healthz", None), ("/v1/townships", s.root)):
            t0 = time.perf_counter()
            try:
                code = http_request(s, "GET", path, token=tok, timeout=30)[0]
            except OSError:
                code = -1
            out.append((time.perf_counter() - t0, code))
        time.sleep(0.1)


def with_probe(s, fn):
    stop, out = threading.Event(), []
    th = threading.Thread(target=probe_latency, args=(s, stop, out))
    th.start()
    try:
        result = fn()
    finally:
        stop.set()
        th.join()
    bad = sum(1 for _, c in out if c != 200)
    worst = max((t for t, _ in out), default=0)
    return result, "probe max %s, %d/%d failed" % (ms(worst), bad, len(out))


def h_slowloris(ctx, s):
    """300 connections each sending one header byte every 2 s for 24 s."""
    def run():
        socks, closed_at, answers = [], {}, {}
        for _ in range(300):
            c = socket.create_connection((HOST, s.port))
            c.setblocking(False)
            socks.append(c)
        start = time.time()
        payload = b"GET /healthz HTTP/1.1\r\nHost: a\r\nX-Slow: " + b"a" * 100
        pos = 0
        while time.time() - start < 24 and len(closed_at) < len(socks):
            for i, c in enumerate(socks):
                if i in closed_at:
                    continue
                try:
                    c.send(payload[pos:pos + 1])
                except OSError:
                    closed_at[i] = time.time() - start
            pos += 1
            end = time.time() + 2
            while time.time() < end:
                r, _, _ = select.select([c for i, c in enumerate(socks) if i not in closed_at], [], [], 0.2)
                for c in r:
                    i = socks.index(c)
                    try:
                        data = c.recv(4096)
                    except OSError:
                        data = b""
                    if data:
                        parts = data.split(b" ")
                        key = parts[1].decode("latin-1") if len(parts) > 1 else repr(data[:20])
                        answers[key] = answers.get(key, 0) + 1
                    closed_at.setdefault(i, time.time() - start)
        for c in socks:
            c.close()
        times = sorted(closed_at.values())
        return "%d/300 cut by the server (%s), answers %s" % (
            len(times), "after %.1f..%.1f s" % (times[0], times[-1]) if times else "-", answers)
    res, probe = with_probe(s, run)
    return "slowloris 300 conns, 1 byte/2 s for 24 s: %s; %s" % (res, probe)


def h_idle(ctx, s):
    def run():
        rss0, fd0 = s.rss_mb(), s.fds()
        socks = []
        try:
            for _ in range(5000):
                socks.append(socket.create_connection((HOST, s.port)))
        except OSError as e:
            pass
        time.sleep(3)
        rss1, fd1 = s.rss_mb(), s.fds()
        t, st = timed(lambda: http_request(s, "GET", "/healthz", timeout=30)[0])
        for c in socks:
            c.close()
        time.sleep(1)
        return "%d opened, server fds %d -> %d, RSS %.1f -> %.1f MB (after close %.1f), healthz %d in %s" % (
            len(socks), fd0, fd1, rss0, rss1, s.rss_mb(), st, ms(t))
    res, probe = with_probe(s, run)
    return "5,000 idle: %s; %s" % (res, probe)


def h_pipeline(ctx, s):
    """20 connections each pipelining 10,000 GET / (the home page) and never reading."""
    def run():
        rss0 = s.rss_mb()
        req = b"GET / HTTP/1.1\r\nHost: a\r\nAccept-Encoding: identity\r\n\r\n" * 10000
        sent = []

        def push():
            c = socket.create_connection((HOST, s.port))
            c.settimeout(10)
            n = 0
            try:
                while n < len(req):
                    n += c.send(req[n:n + 65536])
            except OSError:
                pass
            sent.append(n)
            return c

        socks = list(concurrent.futures.ThreadPoolExecutor(20).map(lambda _: push(), range(20)))
        peak = s.rss_mb()
        for _ in range(10):
            time.sleep(0.5)
            peak = max(peak, s.rss_mb())
        for c in socks:
            c.close()
        time.sleep(2)
        return "RSS %.1f -> peak %.1f MB -> %.1f after close; %d of %d requests' bytes accepted" % (
            rss0, peak, s.rss_mb(), sum(sent) // (len(req) // 10000), 20 * 10000)
    res, probe = with_probe(s, run)
    return "20 x 10,000 pipelined GET / unread: %s; %s" % (res, probe)


def h_garbage(ctx, s):
    rng = random.Random(8)
    answers = {}
    payloads = [bytes(rng.getrandbits(8) for _ in range(16384)) for _ in range(30)]
    payloads += [b"\x00" * 100000, b"\r\n" * 20000, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 500,
                 b"GET / HTTP/1.1\r\nHost: a\r\n\r\n" + bytes(range(256)) * 64,
                 b"GET /\xff\xfe HTTP/1.1\r\nHost: a\r\n\r\n", b"GET / HTTP/1.1\nHost: a\n\n",
                 b"POST /v1/townships HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n",
                 b"POST /v1/townships HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
                 b"GET / HTTP/1.1\r\nHost: a\r\n" + b"X: y\r\n" * 5000 + b"\r\n"]
    for p in payloads:
        c = RawConn(s.port, timeout=10)
        try:
            c.send(p)
        except OSError:
            pass
        r = c.read_response()
        key = "closed" if r is None else str(r[0])
        answers[key] = answers.get(key, 0) + 1
        c.close()
    alive = http_request(s, "GET", "/healthz")[0]
    return "garbage %d payloads: answers %s; healthz after %d" % (len(payloads), answers, alive)


def h_chunked(ctx, s):
    out = []
    tok = s.root
    auth = b"Authorization: Bearer " + tok.encode() + b"\r\n"
    head = (b"POST /v1/townships HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n" + auth +
            b"Transfer-Encoding: chunked\r\n\r\n")
    # 1. 4 MB in 4 KB chunks: when does the server stop us?
    c = RawConn(s.port, timeout=10)
    c.send(head)
    sent = 0
    chunk = b"1000\r\n" + b"a" * 4096 + b"\r\n"
    try:
        while sent < 4 << 20:
            c.sock.sendall(chunk)
            sent += 4096
    except OSError:
        pass
    r = c.read_response()
    out.append("4 MB in 4 KB chunks -> %s (sent %d KB)" % (r and r[0], sent // 1024))
    c.close()
    # 2. absurd chunk size, 3. endless chunk extension
    for name, body in (("size FFFFFFFFFFFFFFFFFFFF", b"FFFFFFFFFFFFFFFFFFFF\r\nab\r\n"),
                       ("100 KB chunk-ext", b"2;" + b"e" * 100000 + b"\r\nab\r\n0\r\n\r\n"),
                       ("100 KB trailer", b"0\r\nX-T: " + b"t" * 100000 + b"\r\n\r\n")):
        c = RawConn(s.port, timeout=10)
        try:
            c.send(head + body)
        except OSError:
            pass
        r = c.read_response()
        out.append("%s -> %s" % (name, r and r[0]))
        c.close()
    # 4. 1,000,000 one-byte chunks (6 MB on the wire, 1 MB decoded): CPU and memory cost.
    rss0 = s.rss_mb()
    c = RawConn(s.port, timeout=60)
    body = b"1\r\n \r\n" * 1000000 + b"0\r\n\r\n"
    t, r = timed(lambda: (c.send(head + body), c.read_response())[1])
    out.append("1,000,000 one-byte chunks -> %s in %s, RSS %.1f -> %.1f MB" % (r and r[0], ms(t), rss0, s.rss_mb()))
    c.close()
    return "chunked: " + "; ".join(out)


def h_expect(ctx, s):
    out = []
    # 1. 200 connections ask for 100-continue on a 1 MB body and never send it.
    conns = []
    got100 = 0
    start = time.time()
    for _ in range(200):
        c = RawConn(s.port, timeout=5)
        c.send(b"POST /v1/townships HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
               b"Expect: 100-continue\r\nContent-Length: 1000000\r\n\r\n")
        conns.append(c)
    for c in conns:
        r = c.read_response()
        got100 += 1 if r and r[0] == 100 else 0

    def wait_cut():
        cut = []
        for c in conns:
            c.sock.settimeout(max(0.1, 75 - (time.time() - start)))
            r = c.read_response()
            cut.append((time.time() - start, r and r[0]))
        return cut

    cut, probe = with_probe(s, wait_cut)
    times = [t for t, _ in cut if t < 74]
    codes = {}
    for _, code in cut:
        codes[code] = codes.get(code, 0) + 1
    out.append("200 x (Expect, 1 MB announced, nothing sent): %d got 100; cut after %s, answers %s; %s" % (
        got100, "%.1f..%.1f s" % (min(times), max(times)) if times else "never (75 s)", codes, probe))
    for c in conns:
        c.close()
    # 2. Expect on a too-large body: 413 before any 100?
    c = RawConn(s.port)
    c.send(b"POST /v1/townships HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5000000\r\n\r\n")
    r = c.read_response()
    out.append("Expect + 5 MB -> %s" % (r and r[0]))
    c.close()
    # 3. body sent at once anyway, plus a pipelined request behind it.
    c = RawConn(s.port)
    c.send(b"POST /v1/townships HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer " + s.root.encode() +
           b"\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}"
           b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
    seq = []
    for _ in range(3):
        r = c.read_response()
        if r is None:
            break
        seq.append(r[0])
        if len([x for x in seq if x != 100]) == 2:
            break
    out.append("Expect with body sent at once + pipelined GET -> %s" % seq)
    c.close()
    return "expect: " + "; ".join(out)


def h_guessing(ctx, s):
    api = Api(s, "hostile")
    admin, _, cadres, evs = make_township(api, "guess", evaluators=["deputy"] * 3)
    rid, tokens = open_round(api, "guess", admin, evs)
    rng = random.Random(9)
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    codes = []
    for _ in range(25):
        guess = "-".join("".join(rng.choice(alphabet) for _ in range(4)) for _ in range(4))
        codes.append(http_request(s, "GET", "/v1/ballot", token=guess)[0])
    first429 = codes.index(429) + 1 if 429 in codes else None
    genuine = http_request(s, "POST", "/v1/ballot", {"supervision": [
        {"cadre_id": cadres[0], "village_time": 80, "attitude": 80, "completion": 80}]}, tokens[evs[0]])[0]
    form = http_request(s, "GET", "/v1/ballot", token=tokens[evs[1]])[0]
    return ("guessing: 25 unknown codes -> %s (first 429 at attempt %s); then a genuine voter from "
            "the same address: POST ballot %d, GET form %d"
            % ("".join("." if c == 401 else "[%d]" % c for c in codes), first429, genuine, form))


def fam_hostile(ctx):
    limit = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (limit[1], limit[1]))
    subs = [h_slowloris, h_idle, h_pipeline, h_garbage, h_chunked, h_expect, h_guessing]
    for sub in subs:
        s = ctx.server("hostile-" + sub.__name__[2:])
        rss0 = s.rss_mb()
        try:
            line = sub(ctx, s)
        except Exception as e:  # keep going: one sub-test failing is itself a finding
            line = "%s: audit error %r" % (sub.__name__[2:], e)
        try:
            health = http_request(s, "GET", "/healthz", timeout=10)[0]
        except OSError as e:
            health = repr(e)
        alive = s.alive()
        rss1 = s.rss_mb() if alive else float("nan")
        rc = s.stop()
        report("hostile", "%s | server %s, healthz %s, RSS %.1f -> %.1f MB, SIGTERM exit %s"
               % (line, "alive" if alive else "DIED (rc %s)" % s.proc.returncode, health, rss0, rss1, rc))


# --------------------------------------------------------------------------------------------

FAMILIES = {
    "metrics-flood": fam_metrics_flood,
    "voting-order": fam_voting_order,
    "by-category": fam_by_category,
    "combining-comment": fam_combining_comment,
    "file-modes": fam_file_modes,
    "layer-headers": fam_layer_headers,
    "fair-use": fam_fair_use,
    "hostile": fam_hostile,
}


class Context:
    def __init__(self, args):
        self.binary = os.path.abspath(args.binary)
        self.public = os.path.abspath(args.public)
        self.workdir = tempfile.mkdtemp(prefix="duping-audit-")
        self.vote_pause = args.vote_pause
        self.servers = []

    def server(self, name, extra=(), data=None):
        s = Server(self.binary, self.public, self.workdir, name, extra, data)
        self.servers.append(s)
        return s

    def cleanup(self):
        for s in self.servers:
            if s.alive():
                s.stop()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--binary", required=True, help="the duping executable")
    p.add_argument("--public", required=True, help="the Public directory to serve")
    p.add_argument("--family", action="append", choices=sorted(FAMILIES),
                   help="run only this family (repeatable); default all")
    p.add_argument("--vote-pause", type=float, default=1.0, help="seconds between votes (voting-order)")
    p.add_argument("--keep", action="store_true", help="keep the work directory (logs, databases)")
    args = p.parse_args()
    ctx = Context(args)
    print("# %s  work dir %s" % (ctx.binary, ctx.workdir), flush=True)
    try:
        for name in args.family or list(FAMILIES):
            try:
                FAMILIES[name](ctx)
            except Exception as e:
                report(name, "audit error: %r" % (e,))
            finally:
                ctx.cleanup()
        died = [s.log_path for s in ctx.servers if s.proc.returncode not in (0, None)]
        print("# unexpected 5xx: %s" % (UNEXPECTED_5XX or "none"))
        print("# servers that did not exit 0 on SIGTERM: %s" % (died or "none"), flush=True)
    finally:
        ctx.cleanup()
        if not args.keep:
            shutil.rmtree(ctx.workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
