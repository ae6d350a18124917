"""Worker processes that prepare work for this one: how many, and how each behaves.

A worker only computes (reads files, parses text); this process alone writes to the
database, so a worker killed or crashed loses what it was preparing, never stored data.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

from claimcheck.errors import InvalidInput


def workers() -> int:
    """Worker processes for a batch: CLAIMCHECK_WORKERS if set (1: none), else one a core
    this process may use, at most 4."""
    wanted = os.environ.get("CLAIMCHECK_WORKERS", "").strip()
    if wanted:
        if not wanted.isdigit() or int(wanted) < 1:
            raise InvalidInput(f"CLAIMCHECK_WORKERS={wanted!r}: give a whole number, 1 or more")
        return min(int(wanted), 16)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


def worker_start(batch: int) -> None:
    """In each worker: Ctrl-C is the main process's to handle (it stops the batch); a
    worker only computes. A worker forked by a fork server is not the batch's child, and
    when the batch is killed (kill -9) nothing tells it: it goes once process ``batch`` is
    gone (left alone, it and the fork server stayed for good)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_leave_with, args=(batch,), daemon=True).start()


def _leave_with(batch: int) -> None:
    while True:
        time.sleep(1)
        if gone(batch):
            os._exit(0)


def gone(pid: int) -> bool:
    """Process ``pid`` has ended: killed and not yet reaped counts (its parent may be
    waiting for the output pipes this worker holds open)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    except OSError:  # no /proc here
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:  # the pid was taken by another user's process
            return True
        return False
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")
