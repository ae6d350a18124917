"""Fresh-process times of the commands a reviewer types most: each one run as its own
`claimcheck` process, several times, median wall and CPU time reported. For scale, the same
for the interpreter alone and for the imports every database command needs (SQLAlchemy's
ORM and Typer), which no lazy import can take off.

    .venv/bin/python benchmarks/fresh_start.py                    # a database of one article
    .venv/bin/python benchmarks/fresh_start.py --db /tmp/archive-100k.db --runs 15
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale_db import CLAIMCHECK, run  # type: ignore[import-not-found]

SEED = Path(__file__).resolve().parents[1] / "tests" / "data" / "inews-4-negara-sahabat-rusia.txt"
COMMANDS = [
    ("claimcheck --version", ["--version"]),
    ("claimcheck claims list", ["claims", "list", "--limit", "20"]),
    ("claimcheck search", ["search", "harga beras naik di pasar"]),
]
FLOORS = [
    ("python -c pass", "pass"),
    ("python: import typer, sqlalchemy.orm", "import typer, sqlalchemy.orm"),
]


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(argv)} failed")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def report(label: str, argv: list[str], runs: int) -> None:
    timed(argv)  # once to warm the file cache and write bytecode
    walls, cpus = zip(*(timed(argv) for _ in range(runs)), strict=True)
    print(
        f"{label}: wall median {statistics.median(walls):.3f} s (min {min(walls):.3f}), "
        f"CPU median {statistics.median(cpus):.3f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="a database to run against (default: one article)")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    if args.db:
        db = args.db if "://" in args.db else f"sqlite:///{Path(args.db).resolve()}"
    else:
        db = f"sqlite:///{Path(tempfile.mkdtemp(prefix='claimcheck-start-')) / 'start.db'}"
        run(db, "ingest", str(SEED))
    run(db, "db", "upgrade")  # opened at the newest schema: no migration in the figures
    with open("/proc/loadavg") as handle:
        print(f"load average: {handle.read().split()[0]}")
    for label, code in FLOORS:
        report(label, [sys.executable, "-c", code], args.runs)
    for label, command in COMMANDS:
        report(label, [CLAIMCHECK, "--db", db, *command], args.runs)


if __name__ == "__main__":
    main()
