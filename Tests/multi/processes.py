"""The processes of the multi-instance test: a throwaway PostgreSQL cluster on a Unix socket,
several `duping serve` on one database of it, and nginx in front of them (round-robin).

Every process runs in a process group of its own and is stopped (then killed) by `stop_all`,
which the test calls in a `finally`, so a failure leaves nothing running and nothing on disk.
"""

import glob
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import time


def free_port():
    """A TCP port nobody listens on right now (nginx cannot be told to pick one itself)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise RuntimeError(f"timed out after {seconds} s waiting for {what}")


def stop_group(process, seconds=10):
    """SIGTERM to the process's group, SIGKILL if it is still there after `seconds`."""
    if process is None or process.poll() is not None:
        return process.returncode if process else None
    try:
        os.killpg(process.pid, signal.SIGTERM)
        return process.wait(seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        return process.wait()
    except ProcessLookupError:
        return process.wait()


class PostgresCluster:
    """initdb + pg_ctl into `directory`, listening only on a Unix socket there (as
    Tests/TestSupport/PostgresCluster.swift does); as root the server runs as `postgres`."""

    superuser = "duping"

    def __init__(self, directory):
        self.directory = directory
        self.data = os.path.join(directory, "data")
        self.bin = self._bin_directory()
        self.as_postgres = os.geteuid() == 0
        self.started = False

    @staticmethod
    def _bin_directory():
        found = shutil.which("initdb")
        if found:
            return os.path.dirname(os.path.realpath(found))
        versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                          key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
        if not versions:
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        return os.path.dirname(versions[-1])

    def _run(self, tool, arguments, as_postgres):
        command = [os.path.join(self.bin, tool)] + arguments
        if as_postgres:
            command = ["/usr/sbin/runuser", "-u", "postgres", "--"] + command
        result = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if result.returncode != 0:
            log = ""
            server_log = os.path.join(self.directory, "server.log")
            if os.path.exists(server_log):
                with open(server_log) as f:
                    log = f.read()[-2000:]
            raise RuntimeError(f"{tool} exited with {result.returncode}:\n{result.stdout}{result.stderr}\n{log}")

    def start(self):
        os.makedirs(self.directory)
        if self.as_postgres:
            user = pwd.getpwnam("postgres")
            os.chown(self.directory, user.pw_uid, user.pw_gid)
        self._run("initdb", ["-D", self.data, "-U", self.superuser, "-A", "trust", "-E", "UTF8", "--no-locale"],
                  self.as_postgres)
        self._run("pg_ctl", ["-D", self.data, "-l", os.path.join(self.directory, "server.log"), "-w", "-o",
                             f"-k {self.directory} -c listen_addresses='' -c max_connections=200", "start"],
                  self.as_postgres)
        self.started = True

    def create_database(self, name):
        self._run("createdb", ["-h", self.directory, "-U", self.superuser, name], False)
        return f"host={self.directory} dbname={name} user={self.superuser}"

    def stop(self):
        if self.started:
            self.started = False
            try:
                self._run("pg_ctl", ["-D", self.data, "-m", "immediate", "-w", "stop"], self.as_postgres)
            except RuntimeError as error:
                print(f"warning: {error}")


class Instance:
    """One `duping serve` on port 0 (the port is read from its start-up line)."""

    def __init__(self, name, binary, directory, conninfo, public, extra):
        self.name = name
        self.data = os.path.join(directory, "data")
        self.log_path = os.path.join(directory, "server.log")
        os.makedirs(directory)
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [binary, "serve", "--host", "127.0.0.1", "--port", "0", "--data", self.data, "--database", conninfo,
             "--public", public, "--trusted-proxy", "127.0.0.1"] + extra,
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self.port = None

    def read_port(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"{self.name} exited with {self.process.returncode} at start:\n{self.log_text()}")
        found = re.search(r"duping listening on http://127\.0\.0\.1:(\d+)", self.log_text())
        if found:
            self.port = int(found.group(1))
        return self.port is not None

    def log_text(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def has_root_token(self):
        return os.path.exists(os.path.join(self.data, "root.token"))

    def stop(self):
        code = stop_group(self.process)
        self.log.close()
        return code


NGINX_CONFIG = """\
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 1024; }}
http {{
    log_format upstream '$request_method $uri $status $upstream_addr';
    access_log {prefix}/access.log upstream;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    scgi_temp_path {prefix}/scgi;
    uwsgi_temp_path {prefix}/uwsgi;
    upstream duping {{
{servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://duping;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
        }}
    }}
}}
"""


class Nginx:
    """Debian's nginx-light as a child (`daemon off`), round-robin over `ports`, with its own
    pid, logs and temporary directories under `prefix`."""

    def __init__(self, prefix, ports):
        self.prefix = prefix
        self.port = free_port()
        os.makedirs(prefix)
        os.chmod(prefix, 0o755)  # the worker (www-data when started as root) writes its temp files here
        servers = "\n".join(f"        server 127.0.0.1:{port};" for port in ports)
        self.config = os.path.join(prefix, "nginx.conf")
        with open(self.config, "w") as f:
            f.write(NGINX_CONFIG.format(prefix=prefix, servers=servers, port=self.port))
        self.output = open(os.path.join(prefix, "stderr.log"), "wb")
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.process = subprocess.Popen(
            [nginx, "-c", self.config, "-p", prefix, "-e", os.path.join(prefix, "error.log"), "-g", "daemon off;"],
            stdin=subprocess.DEVNULL, stdout=self.output, stderr=subprocess.STDOUT, start_new_session=True)

    def upstream_counts(self):
        """Requests nginx passed to each upstream address, from its access log."""
        counts = {}
        path = os.path.join(self.prefix, "access.log")
        if not os.path.exists(path):
            return counts
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 4:
                    for upstream in parts[3].split(","):
                        counts[upstream.strip()] = counts.get(upstream.strip(), 0) + 1
        return counts

    def stop(self):
        code = stop_group(self.process)
        self.output.close()
        return code
