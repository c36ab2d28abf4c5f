#!/usr/bin/env python3
"""The installed binary on PostgreSQL (Scripts/package-test): it links no libpq, so it must open
Debian's libpq5 when `--database` is given. Starts a throwaway cluster on a Unix socket, one
`BINARY serve --database …` on it, asks /healthz and the township list with the root token, and
checks that libpq is now mapped. Exits 1 with the server's log on any failure.

Usage: installed_postgres.py BINARY PUBLIC_DIR
"""

import json
import os
import shutil
import sys
import tempfile
import urllib.request

from processes import Instance, PostgresCluster, wait_for


def main():
    binary, public = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="duping-installed-pg-")
    os.chmod(work, 0o755)  # as root the cluster runs as `postgres`, which must reach its directory
    cluster = PostgresCluster(os.path.join(work, "cluster"))
    instance = None
    try:
        cluster.start()
        conninfo = cluster.create_database("duping")
        instance = Instance("installed", binary, os.path.join(work, "instance"), conninfo, public, [])
        wait_for(instance.read_port, 20, "the installed duping to start on PostgreSQL")
        base = f"http://127.0.0.1:{instance.port}"
        with urllib.request.urlopen(base + "/healthz", timeout=10) as response:
            assert response.status == 200, f"/healthz answered {response.status}"
        with open(os.path.join(instance.data, "root.token")) as f:
            token = f.read().strip()
        request = urllib.request.Request(base + "/v1/townships", headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            listed = json.load(response)
        assert listed.get("items") == [], f"a new database lists {listed}"
        with open(f"/proc/{instance.process.pid}/maps") as f:
            assert "libpq.so" in f.read(), "libpq is not mapped, yet the server answered from PostgreSQL"
        print("installed binary on PostgreSQL: libpq5 opened on demand, /healthz 200, townships listed")
    except Exception as error:
        print(f"FAIL: {error}", file=sys.stderr)
        if instance:
            print(instance.log_text(), file=sys.stderr)
        sys.exit(1)
    finally:
        if instance:
            instance.stop()
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
