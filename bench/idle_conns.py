#!/usr/bin/env python3
"""Holds many idle keep-alive connections open against a server (issue 7, connection scale).

Opens N connections from a given loopback source address, sends one `GET /healthz` on each
and reads its answer (so every connection is a real keep-alive connection the server has
served, not just an accepted socket), then holds them idle. Prints `ready <open> <failed>`
on stdout once all are set up and keeps them open until stdin closes or SIGTERM, then exits.

Usage: idle_conns.py HOST PORT COUNT [SOURCE_ADDRESS]
Raise `ulimit -n` above COUNT before running it.
"""

import selectors
import signal
import socket
import sys
import time

REQUEST = b"GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n"
BATCH = 500  # connections set up at once, so the listen backlog never overflows


def complete(data):
    """Whether `data` holds a whole response (head and Content-Length body)."""
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value)
    return True


def open_batch(host, port, count, source):
    """Connects `count` sockets, sends a request on each and waits for every answer."""
    sel = selectors.DefaultSelector()
    pending = {}
    done, failed = [], 0
    for _ in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if source:
            s.bind((source, 0))
        s.setblocking(False)
        s.connect_ex((host, port))
        pending[s] = b""
        sel.register(s, selectors.EVENT_WRITE)
    deadline = time.monotonic() + 20
    while pending and time.monotonic() < deadline:
        for key, events in sel.select(timeout=1):
            s = key.fileobj
            try:
                if events & selectors.EVENT_WRITE:
                    s.send(REQUEST)
                    sel.modify(s, selectors.EVENT_READ)
                    continue
                chunk = s.recv(4096)
            except OSError:
                chunk = b""
            if not chunk:
                sel.unregister(s)
                s.close()
                del pending[s]
                failed += 1
                continue
            pending[s] += chunk
            if complete(pending[s]):
                sel.unregister(s)
                del pending[s]
                done.append(s)
    for s in pending:
        sel.unregister(s)
        s.close()
    failed += len(pending)
    sel.close()
    return done, failed


def main():
    host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    source = sys.argv[4] if len(sys.argv) > 4 else None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    held, failed = [], 0
    while len(held) + failed < count:
        batch, bad = open_batch(host, port, min(BATCH, count - len(held) - failed), source)
        held += batch
        failed += bad
    print(f"ready {len(held)} {failed}", flush=True)
    try:
        sys.stdin.read()  # hold until the harness closes our stdin
    finally:
        for s in held:
            s.close()


if __name__ == "__main__":
    main()
