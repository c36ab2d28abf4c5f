"""CPU time and memory of a server process (and its children, for nginx's workers) from /proc."""

import os

TICK = os.sysconf("SC_CLK_TCK")


def _children(pid):
    """Direct children of `pid` (nginx's master → its workers)."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found


def _tree(pid):
    return [pid] + _children(pid)


def cpu_seconds(pid):
    """utime + stime of the process and its children, in seconds (all threads included)."""
    total = 0
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                # The command name may hold spaces: fields are counted after its closing ')'.
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # fields 14 and 15 of proc(5)
        except OSError:
            pass
    return total / TICK


def rss_mb(pid):
    """Resident set size of the process and its children, in MB (VmRSS, 1 MB = 2^20 bytes)."""
    total_kb = 0
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total_kb += int(line.split()[1])
        except OSError:
            pass
    return total_kb / 1024
