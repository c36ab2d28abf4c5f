"""The checks of the multi-instance test (contract §14), each a function of the running setup
that raises AssertionError with a clear message when the behaviour is wrong."""

import hashlib
import json
import random
import threading
import time

from client import Client

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def unknown_code():
    """A well-formed ballot code (测评码) that no round issued."""
    letters = "".join(random.choice(CROCKFORD) for _ in range(16))
    return "-".join(letters[i:i + 4] for i in range(0, 16, 4))


def together(count, make_client, action):
    """Runs `action(client, index)` in `count` threads released at once by a barrier, each on a
    connection opened before the barrier; returns the results (or exceptions) by index."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def worker(index):
        client = make_client()
        try:
            client.connect()
            barrier.wait()
            results[index] = action(client, index)
        except Exception as error:  # reported by the caller with the others
            results[index] = error
        finally:
            client.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def statuses(results):
    counts = {}
    for result in results:
        key = result.status if hasattr(result, "status") else f"error {type(result).__name__}: {result}"
        counts[key] = counts.get(key, 0) + 1
    return counts


def boards_on_every_instance(instances, path):
    """GET `path` directly from each instance (not through nginx): [(instance, response)]."""
    return [(instance, Client(instance.port).request("GET", path)) for instance in instances]


def assert_same_published_board(instances, path, receipts):
    answers = boards_on_every_instance(instances, path)
    for instance, response in answers:
        assert response.status == 200, f"{instance.name}: GET {path} → {response}"
    documents = [response.json() for _, response in answers]
    assert all(document == documents[0] for document in documents), \
        f"the instances serve different boards at {path}: " + \
        "; ".join(f"{i.name}: {r.body[:200]!r}" for i, r in answers)
    board = documents[0]
    assert board.get("published_at"), f"{path}: no published_at: {answers[0][1]}"
    missing = set(receipts) - set(board.get("receipts", []))
    assert not missing, f"{path}: {len(missing)} counted receipts missing from the board"
    return board


def assert_unpublished_everywhere(instances, path):
    for instance, response in boards_on_every_instance(instances, path):
        assert response.status == 404, f"{instance.name}: GET {path} before publication → {response}"


def record_hash(cadre_id, record):
    """Contract §7: SHA-256 of the canonical JSON of the record's fields other than `hash`."""
    fields = {key: record[key] for key in ("seq", "kind", "round_id", "period", "data", "created_at", "prev_hash")}
    fields["cadre_id"] = cadre_id
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def assert_linear_chain(township, cadre_id, published_rounds):
    """The cadre's archive: seq 1…N without gaps, each `prev_hash` the hash before it, each hash
    recomputed here, one evaluation per published round that listed the cadre, and `verify`
    agreeing."""
    items = township.get(f"/cadres/{cadre_id}/archive")["items"]
    previous = "0" * 64
    for position, record in enumerate(items, start=1):
        assert record["seq"] == position, f"cadre {cadre_id}: seq {record['seq']} at position {position}"
        assert record["prev_hash"] == previous, f"cadre {cadre_id}: record {position} does not follow its predecessor"
        assert record["hash"] == record_hash(cadre_id, record), f"cadre {cadre_id}: record {position}'s hash is wrong"
        previous = record["hash"]
    evaluations = sorted(record["round_id"] for record in items if record["kind"] == "evaluation")
    expected = sorted(round_id for round_id, cadres in published_rounds.items() if cadre_id in cadres)
    assert evaluations == expected, f"cadre {cadre_id}: evaluation records for rounds {evaluations}, expected {expected}"
    verify = township.get(f"/cadres/{cadre_id}/archive/verify")
    assert verify == {"valid": True, "records": len(items)} or (
        verify.get("valid") is True and verify.get("records") == len(items)), f"cadre {cadre_id}: verify says {verify}"
    return len(items)


def poll(seconds, probe):
    """Calls `probe()` until it returns True or `seconds` pass; returns its last answer."""
    deadline = time.monotonic() + seconds
    while True:
        if probe():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
