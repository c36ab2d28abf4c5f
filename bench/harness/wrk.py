"""Runs wrk and reads its report (requests, rate, latency percentiles, errors)."""

import os
import re
import subprocess

from procstat import cpu_seconds, rss_mb

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    """'264.00us' → 0.264 (milliseconds)."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * UNITS[match.group(2)] if match else None


def parse(output):
    """The figures of one wrk report as a dict."""
    result = {"non2xx": 0, "socket_errors": 0, "codes_used": None}
    for line in output.splitlines():
        line = line.strip()
        if m := re.match(r"(\d+) requests in ([\d.]+)(ms|s|m)", line):
            result["requests"] = int(m.group(1))
            result["seconds"] = float(m.group(2)) * UNITS[m.group(3)] / 1000
        elif m := re.match(r"Requests/sec:\s+([\d.]+)", line):
            result["rps"] = float(m.group(1))
        elif m := re.match(r"(50|90|99)%\s+(\S+)", line):
            result[f"p{m.group(1)}_ms"] = _ms(m.group(2))
        elif m := re.match(r"Non-2xx or 3xx responses: (\d+)", line):
            result["non2xx"] = int(m.group(1))
        elif m := re.match(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", line):
            result["socket_errors"] = sum(int(g) for g in m.groups())
        elif m := re.match(r"codes_used (\d+)", line):
            result["codes_used"] = int(m.group(1))
    return result


def run(url, pid, *, threads=2, connections=64, seconds=10, script=None, env=None, method=None):
    """Runs one wrk measure against the server `pid`; adds its CPU time per request and RSS."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script:
        command += ["-s", script]
    command.append(url)
    full_env = dict(os.environ, WRK_THREADS=str(threads), **(env or {}))
    before = cpu_seconds(pid)
    done = subprocess.run(command, capture_output=True, text=True, env=full_env, timeout=seconds + 60)
    cpu = cpu_seconds(pid) - before
    result = parse(done.stdout)
    if done.returncode != 0 or "requests" not in result:
        raise RuntimeError(f"wrk failed on {url}: {done.stdout}\n{done.stderr}")
    result["cpu_us_per_req"] = cpu / max(result["requests"], 1) * 1e6
    result["cpu_s"] = cpu
    result["rss_mb"] = rss_mb(pid)
    result["ok"] = result["non2xx"] == 0 and result["socket_errors"] == 0
    return result
