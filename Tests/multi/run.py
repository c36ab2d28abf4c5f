#!/usr/bin/env python3
"""Three `duping serve` on one PostgreSQL database behind nginx (round-robin), driven from outside
(contract §14). Started by Scripts/multi-instance-test; `python3 Tests/multi/run.py BINARY`.

Checks, each reported by name:
  round            a whole round through nginx; the public board the same on every instance
  one-vote-race    50 simultaneous ballots for one code through nginx → one 201, 49 × 409
  publish-race     7 rounds published at once through nginx (one of them 4 times) → 7 × 200 and
                   3 × 409, no 5xx, every archive chain linear with one evaluation per round
  stale-board      the public responsibility board, cached on every instance, changed through
                   one: every instance shows the change within 3 s (needs instances to tell
                   each other)
  shared-throttle  unknown ballot codes spread over the instances: after the limit in total,
                   429 on every instance (needs the throttle kept in the database)
  logs             no 5xx and no crash in any instance's log; each exits 0 on SIGTERM
Exits 1 when any check fails. DUPING_MULTI_KEEP=1 keeps the logs and the stopped cluster's files.
"""

import os
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from checks import (assert_linear_chain, assert_same_published_board, assert_unpublished_everywhere,
                    boards_on_every_instance, poll, statuses, together, unknown_code)
from client import Client
from processes import Instance, Nginx, PostgresCluster, wait_for
from township_fixture import Township, today_in_china

INSTANCES = 3
FAILURE_LIMIT = 6
RACE_REQUESTS = 50
PUBLISH_ROUNDS = 6
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Run:
    def __init__(self, binary, work):
        self.binary = binary
        self.work = work
        self.cluster = PostgresCluster(os.path.join(work, "pg"))
        self.instances = []
        self.nginx = None
        self.timings = []
        self.results = []  # (name, passed, detail)
        self.ballots_cast = 0

    # --- phases -----------------------------------------------------------------------------

    def phase(self, name, action):
        started = time.monotonic()
        try:
            action()
        finally:
            self.timings.append((name, time.monotonic() - started))

    def check(self, name, action):
        """Runs one named check; a failure is recorded and the run goes on."""
        started = time.monotonic()
        try:
            detail = action()
            self.results.append((name, True, detail or ""))
        except AssertionError as error:
            self.results.append((name, False, str(error)))
        except Exception as error:
            self.results.append((name, False, f"{type(error).__name__}: {error}\n{traceback.format_exc()}"))
        finally:
            self.timings.append((name, time.monotonic() - started))

    def start_cluster(self):
        self.cluster.start()
        self.conninfo = self.cluster.create_database("duping_multi")

    def start(self):
        conninfo = self.conninfo
        extra = ["--ballot-failure-limit", str(FAILURE_LIMIT)]
        # All three at once on the new database, as a load balancer's instances would start.
        for number in range(1, INSTANCES + 1):
            self.instances.append(Instance(f"instance{number}", self.binary, os.path.join(self.work, f"i{number}"),
                                           conninfo, os.path.join(REPO, "Public"), extra))
        for instance in self.instances:
            wait_for(instance.read_port, 30, f"{instance.name} to listen")
        holders = [instance for instance in self.instances if instance.has_root_token()]
        assert len(holders) == 1, f"root.token in {len(holders)} data directories, expected exactly 1"
        with open(os.path.join(holders[0].data, "root.token")) as f:
            self.root = f.read().strip()
        self.root_holder = holders[0].name
        self.nginx = Nginx(os.path.join(self.work, "nginx"), [instance.port for instance in self.instances])
        self.proxy = Client(self.nginx.port)
        wait_for(lambda: self._healthy(), 10, "nginx to answer /healthz")

    def _healthy(self):
        if self.nginx.process.poll() is not None:
            raise RuntimeError(f"nginx exited with {self.nginx.process.returncode}: "
                               f"{open(os.path.join(self.nginx.prefix, 'stderr.log')).read()}")
        try:
            return Client(self.nginx.port, timeout=2).request("GET", "/healthz").status == 200
        except OSError:
            return False

    def registry(self):
        self.township = Township(self.proxy, self.root)
        everyone = self.township.evaluator_ids
        year = self.township.year
        self.main_round = self.township.create_round(f"{year}年下半年三督六评", f"{year}-H2", everyone)
        self.main_codes = self.township.open_round(self.main_round)
        # Opened now, before any publication suspends a cadre, so every round lists every cadre.
        self.race_round = self.township.create_round("抢票测试", f"{year}-H1", everyone[:3])
        self.race_codes = self.township.open_round(self.race_round)
        periods = [f"{year}-Q{q}" for q in range(1, 5)] + [f"{year}-H1", f"{year}-H2"]  # this year's projects
        self.publish_rounds = {}
        for number in range(PUBLISH_ROUNDS):
            panel = everyone[3 * (number % 4):3 * (number % 4) + 3]
            round_id = self.township.create_round(f"并发张榜{number + 1}", periods[number % len(periods)], panel)
            self.publish_rounds[round_id] = self.township.open_round(round_id)

    def through_nginx(self, requests, action):
        """Runs `action()`, which sends `requests` requests through nginx, and returns (its result,
        how many of them nginx sent each instance). nginx logs a request just after answering it,
        so the counts are read once the log has caught up."""
        time.sleep(0.05)
        before = self.nginx.upstream_counts()
        result = action()
        poll(1, lambda: sum(self.nginx.upstream_counts().values()) >= sum(before.values()) + requests)
        after = self.nginx.upstream_counts()
        spread = {instance.name: after.get(f"127.0.0.1:{instance.port}", 0) - before.get(f"127.0.0.1:{instance.port}", 0)
                  for instance in self.instances}
        return result, spread

    def cast(self, code, number):
        response = self.proxy.expect(201, "POST", "/v1/ballot", self.township.ballot(number), token=code)
        self.ballots_cast += 1
        return response.json()["receipt"]

    # --- checks -----------------------------------------------------------------------------

    def whole_round(self):
        township, round_id = self.township, self.main_round
        public = f"/v1/public/townships/{township.code}/rounds/{round_id}"
        assert_unpublished_everywhere(self.instances, public)
        self.proxy.expect(200, "GET", "/v1/ballot", token=self.main_codes[0])
        receipts = [self.cast(code, number) for number, code in enumerate(self.main_codes)]
        turnout = township.get(f"/rounds/{round_id}/turnout")
        assert turnout["panel"] == turnout["voted"] == len(self.main_codes), f"turnout {turnout}"
        township.post(200, f"/rounds/{round_id}/close")
        results = township.get(f"/rounds/{round_id}/results")
        assert results["turnout"]["ballots"] == len(receipts), f"results turnout {results['turnout']}"
        assert results["designations"]["least_satisfied"]["cadres"] == [township.cadre_ids[-1]], results["designations"]
        township.post(200, f"/rounds/{round_id}/publish", {"commentary": "镇党委讲评：多实例"})
        board = assert_same_published_board(self.instances, public, receipts)
        for instance, response in boards_on_every_instance(self.instances, f"/v1/public/townships/{township.code}/rounds"):
            listed = [item["id"] for item in response.json()["items"]] if response.status == 200 else response
            assert listed == [round_id], f"{instance.name}: public rounds list {listed}"
        self.published = {round_id: {cadre["cadre_id"] for cadre in results["cadres"]}}
        return f"{len(receipts)} ballots, board of {len(board['receipts'])} receipts equal on {len(self.instances)} instances"

    def one_vote_race(self):
        code = self.race_codes[0]
        ballot = self.township.ballot(99)
        results, spread = self.through_nginx(RACE_REQUESTS, lambda: together(
            RACE_REQUESTS, lambda: Client(self.nginx.port),
            lambda client, _: client.request("POST", "/v1/ballot", ballot, token=code)))
        counts = statuses(results)
        created = counts.get(201, 0)
        self.ballots_cast += created
        assert counts == {201: 1, 409: RACE_REQUESTS - 1}, f"{RACE_REQUESTS} ballots for one code: {counts}"
        turnout = self.township.get(f"/rounds/{self.race_round}/turnout")
        assert turnout["voted"] == 1, f"turnout after the race: {turnout}"
        for number, other in enumerate(self.race_codes[1:], start=1):
            self.cast(other, number)
        return f"statuses {counts}, requests per instance {spread}"

    def publish_race(self):
        township = self.township
        rounds = [self.race_round] + list(self.publish_rounds)
        for round_id, codes in self.publish_rounds.items():
            for number, code in enumerate(codes):
                self.cast(code, round_id + number)
        for round_id in rounds:
            township.post(200, f"/rounds/{round_id}/close")
            cadres = township.get(f"/rounds/{round_id}/results")["cadres"]
            self.published[round_id] = {cadre["cadre_id"] for cadre in cadres}
        # Every round once, and the race round three more times: those three must get 409 and
        # write nothing (the chains below would show a second evaluation record).
        requests = rounds + [self.race_round] * 3
        results, spread = self.through_nginx(len(requests), lambda: together(
            len(requests), lambda: Client(self.nginx.port, token=township.admin),
            lambda client, i: client.request("POST", f"{township.base}/rounds/{requests[i]}/publish",
                                             {"commentary": f"并发{i}"})))
        counts = statuses(results)
        assert counts == {200: len(rounds), 409: 3}, (
            f"{len(requests)} publishes at once ({len(rounds)} rounds): {counts}; "
            + "; ".join(repr(r) for r in results if not hasattr(r, "status") or r.status not in (200, 409)))
        for round_id in rounds:
            path = f"/v1/public/townships/{township.code}/rounds/{round_id}"
            assert_same_published_board(self.instances, path, [])
        records = [assert_linear_chain(township, cadre, self.published) for cadre in township.cadre_ids]
        return f"{len(requests)} publishes of {len(rounds)} rounds: {counts}, spread {spread}; chains of {records} records linear and verified"

    def stale_board(self):
        township = self.township
        path = f"/v1/public/townships/{township.code}/responsibility"
        project = township.project_ids[0]

        def progress(response):
            for item in response.json()["boards"]["service"]:
                if item["project_id"] == project:
                    return item["progress"]
            raise AssertionError(f"project {project} not on the board: {response}")

        for _ in range(2):  # the first read fills each instance's cache, the second is served from it
            before = boards_on_every_instance(self.instances, path)
        for instance, response in before:
            assert response.status == 200, f"{instance.name}: {path} → {response}"
            assert progress(response) is None, f"{instance.name}: progress before any check {progress(response)}"
        month = today_in_china().strftime("%Y-%m")
        writer = self.instances[0]
        Client(writer.port, token=township.admin).expect(
            201, "PUT", f"{township.base}/projects/{project}/checks/{month}",
            {"progress": 60, "assessment": "on_track", "note": "路基完成"})
        clients = {instance.name: Client(instance.port) for instance in self.instances}
        stale = set(clients)

        def all_fresh():
            for name in sorted(stale):
                if progress(clients[name].request("GET", path)) == 60:
                    stale.discard(name)
            return not stale

        poll(3, all_fresh)
        stale = sorted(stale)
        assert not stale, (f"after a check recorded through {writer.name}, {', '.join(stale)} still served the "
                           f"old responsibility board 3 s later")
        return "every instance showed the new check"

    def shared_throttle(self):
        failures = []

        def guess():
            for _ in range(FAILURE_LIMIT):
                response = self.proxy.request("GET", "/v1/ballot", token=unknown_code())
                assert response.status == 401, f"an unknown code through nginx → {response}, expected 401"

        _, spread = self.through_nginx(FAILURE_LIMIT, guess)
        # The client behind nginx is 127.0.0.1; directly from 127.0.0.1 it is the same client.
        for instance in self.instances:
            response = Client(instance.port).request("GET", "/v1/ballot", token=unknown_code())
            if response.status != 429:
                failures.append(f"{instance.name} → {response.status} (via nginx, client 127.0.0.1)")
        # The same with a client named by X-Forwarded-For, the failures sent round the instances.
        forwarded = {"X-Forwarded-For": "203.0.113.7"}
        for number in range(FAILURE_LIMIT):
            instance = self.instances[number % len(self.instances)]
            response = Client(instance.port).request("GET", "/v1/ballot", token=unknown_code(), headers=forwarded)
            assert response.status == 401, f"{instance.name}: unknown code from 203.0.113.7 → {response}"
        for instance in self.instances:
            response = Client(instance.port).request("GET", "/v1/ballot", token=unknown_code(), headers=forwarded)
            if response.status != 429:
                failures.append(f"{instance.name} → {response.status} (X-Forwarded-For 203.0.113.7)")
        assert not failures, (f"after {FAILURE_LIMIT} unknown codes in total (spread {spread}), the next attempt "
                              f"was not refused everywhere: {'; '.join(failures)}")
        return f"{FAILURE_LIMIT} failures spread {spread}, then 429 on every instance"

    def logs(self):
        problems = []
        for instance in self.instances:
            if instance.process.poll() is not None:
                problems.append(f"{instance.name} died with {instance.process.returncode}")
        counts = self.nginx.upstream_counts()
        for instance in self.instances:
            code = instance.stop()
            if code != 0:
                problems.append(f"{instance.name} exited with {code} on SIGTERM")
            for line in instance.log_text().splitlines():
                status = re.search(r" (GET|POST|PUT|PATCH|DELETE|HEAD) (\S+) (\d{3}) ", line)
                if (status and status.group(3).startswith("5")) or re.search(
                        r"fatal|panic|crash|\berror\b|Backtrace", line, re.IGNORECASE):
                    problems.append(f"{instance.name}: {line}")
        with open(os.path.join(self.nginx.prefix, "access.log")) as f:
            problems += [f"nginx: {line.strip()}" for line in f if line.split()[2:3] and line.split()[2].startswith("5")]
        with open(os.path.join(self.nginx.prefix, "error.log")) as f:
            problems += [f"nginx: {line.strip()}" for line in f if re.search(r"\[(error|crit|alert|emerg)\]", line)]
        self.requests = {instance.name: counts.get(f"127.0.0.1:{instance.port}", 0) for instance in self.instances}
        self.direct = {instance.name: sum(1 for line in instance.log_text().splitlines()
                                          if re.search(r" (GET|POST|PUT) \S+ \d{3} ", line))
                       for instance in self.instances}
        assert not problems, "in the logs:\n  " + "\n  ".join(problems[:40])
        # PostgreSQL's own complaints (serialization failures, deadlocks, unique violations) are
        # not failures when DuPing answers them well, but show where instances collided.
        with open(os.path.join(self.cluster.directory, "server.log"), errors="replace") as f:
            database = sorted({re.sub(r"^.*?(ERROR|FATAL|PANIC):\s*", r"\1: ", line.strip())
                               for line in f if re.search(r"\b(ERROR|FATAL|PANIC):", line)})
        return ("no 5xx, no crash, every instance exited 0; PostgreSQL logged "
                + (f"{len(database)} kinds of error: {database}" if database else "no errors"))

    # --- the whole run ----------------------------------------------------------------------

    def run(self):
        self.phase("PostgreSQL cluster (initdb, pg_ctl start, createdb)", self.start_cluster)
        self.phase("start 3 instances and nginx", self.start)
        self.phase("registry and rounds", self.registry)
        self.check("round", self.whole_round)
        if self.results[-1][1]:  # the others build on its township and published round
            self.check("one-vote-race", self.one_vote_race)
            self.check("publish-race", self.publish_race)
            self.check("stale-board", self.stale_board)
            self.check("shared-throttle", self.shared_throttle)  # last: it locks 127.0.0.1 out of ballots
        self.check("logs", self.logs)

    def stop(self):
        if self.nginx:
            self.nginx.stop()
        for instance in self.instances:
            instance.stop()
        self.cluster.stop()

    def report(self):
        print("multi-instance test: 3 × duping serve on one PostgreSQL database behind nginx")
        print(f"  root.token written by {getattr(self, 'root_holder', '?')}; ballots cast: {self.ballots_cast}")
        if hasattr(self, "requests"):
            print(f"  requests through nginx per instance: {self.requests}; all requests per instance's "
                  f"access log: {self.direct}")
        for name, seconds in self.timings:
            print(f"  {seconds:6.2f} s  {name}")
        for name, passed, detail in self.results:
            print(f"  {'PASS' if passed else 'FAIL'} {name}: {detail}")
        return all(passed for _, passed, _ in self.results)


def main():
    # A SIGTERM (a CI timeout) unwinds through the `finally` below like Ctrl-C, so nothing is left running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, ".build/debug/duping")
    work = tempfile.mkdtemp(prefix="duping-multi.")
    os.chmod(work, 0o755)  # the cluster runs as postgres and nginx's worker as www-data
    run = Run(binary, work)
    started = time.monotonic()
    passed = False
    try:
        run.run()
        passed = run.report()
    except Exception:
        run.report()
        traceback.print_exc()
        for instance in run.instances:
            print(f"--- {instance.name} log (last lines):")
            print("\n".join(instance.log_text().splitlines()[-15:]))
    finally:
        run.stop()
        if os.environ.get("DUPING_MULTI_KEEP") == "1":
            print(f"  kept {work} (DUPING_MULTI_KEEP=1)")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"  {time.monotonic() - started:6.2f} s  in all")
    if not passed:
        print("FAIL: the multi-instance test found problems (above)", file=sys.stderr)
        sys.exit(1)
    print("multi-instance test passed")


if __name__ == "__main__":
    main()
