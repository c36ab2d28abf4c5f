#!/usr/bin/env python3
"""Memory after the largest results the fair-use limits allow (issue 19, finding 7).

Starts `duping serve` on a fresh data directory, builds a round of 2,000 subjects (1,900 cadres
and 100 departments, the default `--max-round-subjects`), lets 30 evaluators each score every
subject, closes the round, then downloads `results.csv` 200 times from 16 parallel clients and
prints the server's RSS (VmRSS) before and after. Target: under 150 MB after the downloads.

Usage: bench/fair_use_rss.py PATH/TO/duping [--downloads 200] [--clients 16]
"""
import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

CADRES, DEPARTMENTS, EVALUATORS = 1900, 100, 30


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Client:
    def __init__(self, port, token):
        self.port, self.token = port, token

    def call(self, method, path, body=None, token=None, raw=False):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {"Authorization": "Bearer " + (token or self.token)}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        connection.request(method, path, data, headers)
        response = connection.getresponse()
        payload = response.read()
        connection.close()
        if response.status >= 300:
            sys.exit(f"{method} {path}: {response.status} {payload[:300]!r}")
        return payload if raw else json.loads(payload or b"null")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("duping")
    parser.add_argument("--downloads", type=int, default=200)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="duping-rss-")
    port = 18300 + os.getpid() % 500
    public = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Public")
    server = subprocess.Popen([args.duping, "serve", "--port", str(port), "--data", data, "--public", public,
                               "--no-access-log"], stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if os.path.exists(os.path.join(data, "root.token")):
                break
            time.sleep(0.1)
        time.sleep(0.3)
        root = Client(port, open(os.path.join(data, "root.token")).read().strip())
        root.call("POST", "/v1/townships", {"code": "rss", "name": "内存镇"})
        admin = Client(port, root.call("POST", "/v1/townships/rss/tokens", {"label": "bench"})["token"])
        base = "/v1/townships/rss"
        departments = [d["id"] for d in admin.call(
            "POST", base + "/departments", [{"name": f"办{i}"} for i in range(DEPARTMENTS)])["items"]]
        cadres = []
        for start in range(0, CADRES, 500):
            rows = [{"name": f"干部{i}", "department_id": departments[i % DEPARTMENTS]}
                    for i in range(start, min(start + 500, CADRES))]
            cadres += [c["id"] for c in admin.call("POST", base + "/cadres", rows)["items"]]
        evaluators = [e["id"] for e in admin.call(
            "POST", base + "/evaluators", [{"name": f"评{i}", "category": "deputy"} for i in range(EVALUATORS)])["items"]]
        round_id = admin.call("POST", base + "/rounds", {"title": "内存", "kind": "semiannual", "period": "2026-H2",
                                                          "evaluator_ids": evaluators})["id"]
        codes = [t["token"] for t in admin.call("POST", f"{base}/rounds/{round_id}/open")["tokens"]]
        for index, code in enumerate(codes):
            score = 40 + index
            ballot = {"supervision": [{"cadre_id": c, "village_time": score, "attitude": score, "completion": score}
                                      for c in cadres]
                      + [{"department_id": d, "village_time": score, "attitude": score, "completion": score}
                         for d in departments],
                      "comment": "意见" * 200}
            admin.call("POST", "/v1/ballot", ballot, token=code)
        admin.call("POST", f"{base}/rounds/{round_id}/close")
        csv_size = len(admin.call("GET", f"{base}/rounds/{round_id}/results.csv", raw=True))
        before = rss_mb(server.pid)
        remaining = [args.downloads]
        lock = threading.Lock()

        def download():
            while True:
                with lock:
                    if remaining[0] == 0:
                        return
                    remaining[0] -= 1
                admin.call("GET", f"{base}/rounds/{round_id}/results.csv", raw=True)

        started = time.time()
        threads = [threading.Thread(target=download) for _ in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.time() - started
        time.sleep(1)
        after = rss_mb(server.pid)
        print(f"results.csv {csv_size:,} bytes; {args.downloads} downloads by {args.clients} clients in "
              f"{elapsed:.1f} s; RSS {before:.1f} MB before, {after:.1f} MB after (target < 150 MB)")
        sys.exit(0 if after < 150 else 1)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
