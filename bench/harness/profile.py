#!/usr/bin/env python3
"""Instruction profile of DuPing on one measure, with valgrind's callgrind (issue 7).

callgrind counts instructions, which stay the same whatever else the machine does, so the cost
per request can be compared before and after a change. Seeds a small township, restarts DuPing
under callgrind with instrumentation off, switches it on once the server is up, drives wrk
for a few seconds, dumps, and prints the instructions per request and the top functions.

Usage: profile.py --duping BIN MEASURE [--seconds 10] [--keep DIR]
MEASURE: healthz | board | ballot
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

import servers
import wrk

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duping", required=True)
    parser.add_argument("measure", choices=["healthz", "board", "ballot"])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="duping-profile-")
    data = os.path.join(work, "data")

    seeder = servers.duping(args.duping, data, 18190, os.path.join(work, "seed.log"))
    try:
        token = servers.read_root_token(data)
        subprocess.run([sys.executable, os.path.join(BENCH, "seed.py"), seeder.base, token, work,
                        "--codes", "20000", "--published-ballots", "100"], check=True)
    finally:
        seeder.stop()

    # valgrind 3.19 cannot read the DWARF 5 that Swift 6.3 writes; the symbol table is enough
    # for a per-function profile, so profile a copy without debug sections.
    binary = os.path.join(work, "duping")
    subprocess.run(["objcopy", "--strip-debug", args.duping, binary], check=True)
    out = os.path.join(work, "callgrind.out")
    command = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
               binary, "serve", "--host", "127.0.0.1", "--port", "18191", "--data", data,
               "--public", "Public", "--no-access-log", "--max-registry-rows", "300000"]
    server = servers.Server("DuPing", command, 18191, os.path.join(work, "valgrind.log"))
    try:
        with open(os.path.join(work, "board.path")) as f:
            board = f.read().strip()
        subprocess.run(["curl", "-s", "-o", "/dev/null", server.base + board], check=True)  # fill the cache
        subprocess.run(["callgrind_control", "-i", "on", str(server.pid)], check=True, capture_output=True)
        path = {"healthz": "/healthz", "board": board, "ballot": "/v1/ballot"}[args.measure]
        kw = {}
        if args.measure == "ballot":
            kw = dict(script=os.path.join(BENCH, "wrk", "ballot.lua"),
                      env={"BALLOT_CODES": os.path.join(work, "codes.txt"),
                           "BALLOT_SUBJECTS": os.path.join(work, "subjects.txt")})
        result = wrk.run(server.base + path, server.pid, connections=16, seconds=args.seconds, **kw)
        time.sleep(0.5)
        subprocess.run(["callgrind_control", "-d", str(server.pid)], check=True, capture_output=True)
    finally:
        server.stop()
    # `callgrind_control -d` wrote callgrind.out.1 (the measured part); callgrind.out is what
    # ran after it, until exit.
    dumps = ["callgrind.out.1"]
    annotated = subprocess.run(["callgrind_annotate", "--inclusive=no", os.path.join(work, dumps[0])],
                               capture_output=True, text=True).stdout
    total = next(int(line.split()[0].replace(",", "")) for line in annotated.splitlines()
                 if line.strip().endswith("PROGRAM TOTALS"))
    print(f"{args.measure}: {result['requests']} requests ({result['non2xx']} non-2xx), "
          f"{total:,} instructions, {total // max(result['requests'], 1):,} per request")
    lines = annotated.splitlines()
    start = next(i for i, line in enumerate(lines) if "file:function" in line)
    for line in lines[start:start + args.top + 2]:
        print(line[:200])
    print(f"profile kept in {work} (callgrind_annotate {os.path.join(work, dumps[0])})")


if __name__ == "__main__":
    main()
