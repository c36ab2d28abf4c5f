"""Starts and stops the servers under test: DuPing, nginx (the ceiling) and the Hummingbird peer.
Every server listens on 127.0.0.1 only and is stopped by the pid the harness started."""

import os
import shutil
import signal
import subprocess
import time
import urllib.request

NGINX_CONF = """\
worker_processes auto;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 20000; }}
http {{
    access_log off;
    types {{ application/json json; }}
    server {{
        listen 127.0.0.1:{port};
        location = /healthz {{ default_type application/json; return 200 '{{"status":"ok"}}'; }}
        location = /board.json {{ root {prefix}/www; }}
        location = /responsibility.json {{ root {prefix}/www; }}
    }}
}}
"""


def wait_http(url, seconds=30):
    """Waits until `url` answers 200."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up in {seconds}s")


class Server:
    """One running server process; `base` is its URL root."""

    def __init__(self, name, command, port, log_path, health="/healthz"):
        self.name = name
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.log = open(log_path, "ab")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
        try:
            wait_http(self.base + health)
        except RuntimeError:
            self.stop()
            raise

    @property
    def pid(self):
        return self.process.pid

    def stop(self):
        """SIGTERM (graceful for all three), then SIGKILL after 10 s."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def duping(binary, data_dir, port, log_path, access_log=False, extra_args=(), database=None, name="DuPing"):
    """DuPing on `data_dir` (created on first start, with data_dir/root.token); its data in SQLite
    there, or in PostgreSQL at `database` (a conninfo) when given."""
    # The seeded panel (up to 240,000 evaluators, one code each for the ballot measure) is above the
    # fair-use default of 5,000 per township, so the bench raises it.
    command = [binary, "serve", "--host", "127.0.0.1", "--port", str(port), "--data", data_dir,
               "--public", "Public", "--max-registry-rows", "300000", *extra_args]
    if database:
        command += ["--database", database]
    if not access_log:
        command.append("--no-access-log")
    return Server(name, command, port, log_path)


def hummingbird(binary, port, log_path):
    return Server("Hummingbird", [binary, str(port)], port, log_path)


def nginx(prefix, port, files, log_path):
    """nginx from a generated config under `prefix`, serving `files` (name → bytes: board.json,
    responsibility.json) as static files."""
    os.makedirs(f"{prefix}/www", exist_ok=True)
    for name, content in files.items():
        with open(f"{prefix}/www/{name}", "wb") as f:
            f.write(content)
        os.chmod(f"{prefix}/www/{name}", 0o755)
    with open(f"{prefix}/nginx.conf", "w") as f:
        f.write(NGINX_CONF.format(prefix=prefix, port=port))
    # Workers run as an unprivileged user when started by root: let them read the prefix.
    for path in (prefix, f"{prefix}/www"):
        os.chmod(path, 0o755)
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    command = [binary, "-p", prefix, "-e", f"{prefix}/error.log", "-c", f"{prefix}/nginx.conf",
               "-g", "daemon off;"]
    return Server("nginx", command, port, log_path)


def read_root_token(data_dir, seconds=10):
    """The root token DuPing writes on its first start."""
    path = os.path.join(data_dir, "root.token")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if os.path.exists(path):
            with open(path) as f:
                token = f.read().strip()
            if token:
                return token
        time.sleep(0.05)
    raise RuntimeError(f"no root token at {path}")
