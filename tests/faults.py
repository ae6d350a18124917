"""Fault injection for the crash tests: a claimcheck process that kills itself with SIGKILL
at its Nth write, the way SQLite's own crash tests stop a process at a chosen point.

A write is a statement that changes data (INSERT, UPDATE, DELETE, REPLACE) or a COMMIT, so
the kill points fall in the middle of transactions, just before a commit, and between
transactions. tests/test_faults.py forks a child that calls :func:`run`.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

WRITES = frozenset({"INSERT", "UPDATE", "DELETE", "REPLACE"})


def install(kill_at: int) -> list[int]:
    """Count this process's writes (on every engine it opens); at write ``kill_at`` (1 is
    the first), SIGKILL it. The returned one-item list holds the count so far."""
    count = [0]

    def write() -> None:
        count[0] += 1
        if count[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def statement(_conn: object, _cursor: object, text: str, *_: object) -> None:
        words = text.lstrip().split(None, 1)
        if words and words[0].upper() in WRITES:
            write()

    sa.event.listen(Engine, "before_cursor_execute", statement)
    sa.event.listen(Engine, "commit", lambda _conn: write())
    return count


def run(kill_at: int, count_file: Path, args: list[str]) -> int:
    """claimcheck ``args`` with the hook; the number of writes it made goes to
    ``count_file`` when it ends by itself. Returns its exit code."""
    count = install(kill_at)
    from claimcheck.cli.app import app

    try:
        app(args, prog_name="claimcheck")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    count_file.write_text(str(count[0]), encoding="utf-8")
    return code


def descendants(root: int) -> list[int]:
    """The processes ``root`` started, and theirs (a pool's fork server and its workers)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
