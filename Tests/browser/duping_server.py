"""A live DuPing for the browser tests: `duping serve` on a free loopback port with a
temporary data directory, and a small JSON client for setting things up through the API."""

import json
import os
import shutil
import subprocess
import tempfile
import threading
import urllib.error
import urllib.request


class ApiError(Exception):
    """An API call that did not answer with the status the caller expected."""


class LiveServer:
    """Starts `duping serve --port 0` and learns the port from its "listening on" line."""

    def __init__(self, binary, public_dir, extra_args=()):
        self.binary = binary
        self.public_dir = public_dir
        self.extra_args = list(extra_args)
        self.data_dir = tempfile.mkdtemp(prefix="duping-browser-")
        self.process = None
        self.base_url = None
        self.log_lines = []

    def start(self, timeout=30):
        self.process = subprocess.Popen(
            [self.binary, "serve", "--host", "127.0.0.1", "--port", "0",
             "--data", self.data_dir, "--public", self.public_dir] + self.extra_args,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        found = threading.Event()

        def read_output():
            # Keeps draining stdout for the whole run so the access log never blocks the server.
            for line in self.process.stdout:
                self.log_lines.append(line.rstrip("\n"))
                if self.base_url is None and "listening on http://" in line:
                    self.base_url = line.split("listening on ", 1)[1].strip().rstrip("/")
                    found.set()
            found.set()

        threading.Thread(target=read_output, daemon=True).start()
        if not found.wait(timeout) or self.base_url is None:
            self.stop()
            raise RuntimeError("duping did not start:\n" + "\n".join(self.log_lines[-20:]))
        with open(os.path.join(self.data_dir, "root.token"), encoding="utf-8") as file:
            self.root_token = file.read().strip()
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def api(self, token=None):
        return Api(self.base_url, token or self.root_token)


class Api:
    """JSON over HTTP with a bearer token; `call` checks the status and returns the body."""

    def __init__(self, base_url, token):
        self.base_url = base_url
        self.token = token

    def request(self, method, path, body=None, token=None):
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + (token or self.token))
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        return status, (json.loads(raw) if raw else None)

    def call(self, method, path, body=None, expect=(200, 201), token=None):
        status, payload = self.request(method, path, body, token)
        if status not in ((expect,) if isinstance(expect, int) else expect):
            raise ApiError(f"{method} {path} → {status}: {payload}")
        return payload
