"""A throwaway PostgreSQL cluster for the PostgreSQL lines of the benchmark (issue 18), made as
Tests/TestSupport/PostgresCluster.swift makes the tests' one: `initdb` into a temporary directory,
`pg_ctl start` listening only on a Unix socket there (no TCP port), fsync and synchronous commit
on as in production. pg_stat_statements is loaded when the installed PostgreSQL ships it, so the
run can say which statements the time went to. Stopped and deleted by `stop()`."""

import glob
import os
import pwd
import shutil
import subprocess
import tempfile

SUPERUSER = "duping"


def bin_directory():
    """The directory of `initdb` and `pg_ctl`: from PATH, else Debian's newest
    /usr/lib/postgresql/<version>/bin; None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found:
        directory = os.path.dirname(os.path.realpath(found))
        if os.access(os.path.join(directory, "pg_ctl"), os.X_OK):
            return directory
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0, reverse=True)
    return os.path.dirname(versions[0]) if versions else None


class Cluster:
    """One running cluster; `conninfo(db)` is what `duping serve --database` takes."""

    def __init__(self, bin_dir=None):
        self.bin = bin_dir or bin_directory()
        if not self.bin:
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        self.directory = tempfile.mkdtemp(prefix="duping-bench-pg-")
        self.data = os.path.join(self.directory, "data")
        # PostgreSQL refuses to run as root: the server then runs as Debian's `postgres` user.
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            user = pwd.getpwnam("postgres")
            os.chown(self.directory, user.pw_uid, user.pw_gid)
        self.started = False
        self.statements = os.path.exists(self._extension_dir("pg_stat_statements.control"))
        self._run("initdb", "-D", self.data, "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--no-locale",
                  as_postgres=self.as_postgres)
        options = [f"-k {self.directory}", "-c listen_addresses=''", "-c max_connections=100",
                   "-c fsync=on", "-c synchronous_commit=on", "-c track_wal_io_timing=on"]
        if self.statements:
            options += ["-c shared_preload_libraries=pg_stat_statements", "-c pg_stat_statements.track=all"]
        self._run("pg_ctl", "-D", self.data, "-l", os.path.join(self.directory, "server.log"), "-w",
                  "-o", " ".join(options), "start", as_postgres=self.as_postgres)
        self.started = True

    def _extension_dir(self, name):
        out = subprocess.run([os.path.join(self.bin, "pg_config"), "--sharedir"], capture_output=True, text=True)
        share = out.stdout.strip() if out.returncode == 0 else ""
        if not share:  # Debian: /usr/lib/postgresql/15/bin → /usr/share/postgresql/15
            share = "/usr/share/postgresql/" + self.bin.rstrip("/").split("/")[-2]
        return os.path.join(share, "extension", name)

    def _run(self, tool, *arguments, as_postgres=False):
        command = [os.path.join(self.bin, tool), *arguments]
        if as_postgres:
            command = ["/usr/sbin/runuser", "-u", "postgres", "--"] + command
        done = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            log = ""
            try:
                with open(os.path.join(self.directory, "server.log")) as f:
                    log = f.read()[-2000:]
            except OSError:
                pass
            raise RuntimeError(f"{tool} exited with {done.returncode}:\n{done.stdout}\n{done.stderr}\n{log}")
        return done.stdout

    @property
    def postmaster_pid(self):
        with open(os.path.join(self.data, "postmaster.pid")) as f:
            return int(f.readline())

    def conninfo(self, database):
        return f"host={self.directory} dbname={database} user={SUPERUSER}"

    def create_database(self, name):
        self._run("createdb", "-h", self.directory, "-U", SUPERUSER, name)
        if self.statements:
            self.sql(name, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        return self.conninfo(name)

    def sql(self, database, statement):
        """Rows of one statement through psql, each a list of columns."""
        out = self._run("psql", "-h", self.directory, "-U", SUPERUSER, "-d", database, "-X", "-A", "-t",
                        "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", statement)
        return [line.split("\t") for line in out.splitlines() if line]

    def stop(self):
        if self.started:
            try:
                self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop", as_postgres=self.as_postgres)
            except RuntimeError:
                pass
            self.started = False
        shutil.rmtree(self.directory, ignore_errors=True)
