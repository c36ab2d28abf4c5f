#!/usr/bin/env python3
"""Seeds a benchmark township into a running DuPing through its HTTP API (issue 7).

Creates township `bench` with 20 departments, 200 cadres, 50 projects and a panel of
evaluators; a round that is opened, voted on by PUBLISHED_BALLOTS evaluators, closed and
published; and an open round whose panel has CODES evaluators. Writes into OUT_DIR:
  codes.txt     the open round's ballot codes, one per line
  subjects.txt  the ids a ballot may name ("cadres 1 2 ...", "departments ...", "projects ...")
  board.json    the exact bytes of the published round's public board
  board.path    the path of that board
and prints a summary line per step.

Usage: seed.py BASE_URL ROOT_TOKEN OUT_DIR [--codes N] [--published-ballots N]
"""

import argparse
import http.client
import json
import os
import random
import sys
import time
import urllib.parse

TOWNSHIP = "bench"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平华建国红英"
CATEGORIES = ["deputy", "village_cadre", "retired_cadre", "contact_household"]
BOARDS = ["service", "relief", "prosperity"]


class Client:
    """A keep-alive JSON client for one server; raises on any unexpected status."""

    def __init__(self, base, token):
        url = urllib.parse.urlsplit(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=300)
        self.token = token

    def call(self, method, path, body=None, token=None, expect=(200, 201)):
        headers = {"Authorization": f"Bearer {token or self.token}"}
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode()
            headers["Content-Type"] = "application/json"
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        raw = response.read()
        if response.status not in expect:
            sys.exit(f"seed: {method} {path} -> {response.status}: {raw[:400]!r}")
        return response.status, raw

    def json(self, method, path, body=None, **kw):
        _, raw = self.call(method, path, body, **kw)
        return json.loads(raw) if raw else None


def bulk(client, resource, rows, chunk=2000):
    """Creates rows in chunks (a bulk body must stay under the 1 MiB limit); returns their ids."""
    ids = []
    for start in range(0, len(rows), chunk):
        out = client.json("POST", f"/v1/townships/{TOWNSHIP}/{resource}", rows[start:start + chunk])
        ids += [item["id"] for item in out["items"]]
    return ids


def ballot(rng, cadres, departments, projects):
    """A realistic ballot: 50 cadres and 15 departments scored, six picks, a comment."""
    chosen = rng.sample(cadres, min(50, len(cadres)))
    depts = rng.sample(departments, min(15, len(departments)))
    picks = rng.sample(projects, 2)
    score = lambda: rng.randint(55, 100)
    entries = [{"cadre_id": c, "village_time": score(), "attitude": score(), "completion": score()} for c in chosen]
    entries += [{"department_id": d, "village_time": score(), "attitude": score(), "completion": score()} for d in depts]
    return {
        "supervision": entries,
        "most_satisfied": {"cadre_id": chosen[0], "department_id": depts[0], "project_id": picks[0]},
        "least_satisfied": {"cadre_id": chosen[1], "department_id": depts[1], "project_id": None},
        "comment": "希望多下村",
    }


def round_body(title, period, evaluator_ids):
    return {"title": title, "kind": "semiannual", "period": period, "evaluator_ids": evaluator_ids}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("root_token")
    parser.add_argument("out")
    parser.add_argument("--codes", type=int, default=20000)
    parser.add_argument("--published-ballots", type=int, default=300)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(2026)
    client = Client(args.base, args.root_token)
    started = time.monotonic()

    client.json("POST", "/v1/townships", {"code": TOWNSHIP, "name": "基准镇"})
    departments = bulk(client, "departments", [{"name": f"第{i}办公室"} for i in range(1, 21)])
    cadres = bulk(client, "cadres", [
        {"name": SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)] + GIVEN[(i * 7) % len(GIVEN)],
         "department_id": departments[i % len(departments)], "post": "干事"}
        for i in range(200)])
    projects = bulk(client, "projects", [
        {"title": f"第{i}号实事：修建村道", "board": BOARDS[i % 3], "year": 2026,
         "department_id": departments[i % len(departments)]}
        for i in range(50)])
    panel = args.published_ballots + args.codes
    evaluators = bulk(client, "evaluators", [
        {"name": f"督评员{i}", "category": CATEGORIES[i % 4], "village": f"{i % 12 + 1}村"}
        for i in range(panel)])
    print(f"seed: registry ({len(cadres)} cadres, {len(evaluators)} evaluators) "
          f"in {time.monotonic() - started:.1f}s", flush=True)

    base = f"/v1/townships/{TOWNSHIP}/rounds"
    published = client.json("POST", base, round_body("2026年上半年三督六评", "2026-H1",
                                                     evaluators[:args.published_ballots]))
    tokens = client.json("POST", f"{base}/{published['id']}/open")["tokens"]
    for entry in tokens:
        client.call("POST", "/v1/ballot", ballot(rng, cadres, departments, projects), token=entry["token"])
    client.json("POST", f"{base}/{published['id']}/close")
    client.json("POST", f"{base}/{published['id']}/publish", {"commentary": "镇党委讲评：总体满意。"})
    board_path = f"/v1/public/townships/{TOWNSHIP}/rounds/{published['id']}"
    _, board = client.call("GET", board_path)
    print(f"seed: published round {published['id']} with {len(tokens)} ballots, board {len(board)} bytes "
          f"at {time.monotonic() - started:.1f}s", flush=True)

    open_round = client.json("POST", base, round_body("2026年下半年三督六评", "2026-H2",
                                                      evaluators[args.published_ballots:]))
    codes = [entry["token"] for entry in client.json("POST", f"{base}/{open_round['id']}/open")["tokens"]]
    print(f"seed: open round {open_round['id']} with {len(codes)} codes "
          f"at {time.monotonic() - started:.1f}s", flush=True)

    with open(os.path.join(args.out, "codes.txt"), "w") as f:
        f.write("\n".join(codes) + "\n")
    with open(os.path.join(args.out, "subjects.txt"), "w") as f:
        f.write("cadres " + " ".join(map(str, cadres)) + "\n")
        f.write("departments " + " ".join(map(str, departments)) + "\n")
        f.write("projects " + " ".join(map(str, projects)) + "\n")
    with open(os.path.join(args.out, "board.json"), "wb") as f:
        f.write(board)
    with open(os.path.join(args.out, "board.path"), "w") as f:
        f.write(board_path + "\n")


if __name__ == "__main__":
    main()
