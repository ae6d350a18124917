"""Ingest into an empty database and into one holding an archive of N claims.

IndoSum's last 500 articles (left out of the archive, see archive_db.py) are written as text
files and ingested as one real process per database (the service `claimcheck ingest DIR`
calls, one transaction per article), into a fresh database and into a copy of the archive.
Each run reports its wall and CPU time and peak memory as articles per second, and where
the time went: the dependency parse (`pipeline.parse.parse_sentences`), the matching
(`record_article`: index, candidates, comparisons, stored pairs) and the rest; "without the
parser" is the run's time less the parse. The CPU figures are the steadier ones on a shared
machine.

A copy of a freshly built archive has no posting cache yet: the first ingest packs the whole
index once (`--unpacked` measures that run; by default the copy is packed first, and the
packing is timed on its own).

    .venv/bin/python benchmarks/archive_db.py --claims 100000 --out /tmp/archive-100k.db
    .venv/bin/python benchmarks/ingest_scale.py --archive /tmp/archive-100k.db
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archive_db import HELD_OUT  # type: ignore[import-not-found]
from matching_recall import SHARED  # type: ignore[import-not-found]
from scale_db import pack, run  # type: ignore[import-not-found]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", help="an archive built by archive_db.py")
    parser.add_argument("--articles", type=int, default=HELD_OUT)
    parser.add_argument("--unpacked", action="store_true", help="leave the packing to ingest")
    parser.add_argument("--inner", nargs=2, metavar=("URL", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        ingest_timed(*args.inner)
        return
    if not args.archive:
        parser.error("--archive is required")
    folder = Path(tempfile.mkdtemp(prefix="claimcheck-ingest-"))
    articles = folder / "articles"
    articles.mkdir()
    lines = SHARED.read_text(encoding="utf-8").splitlines()[-HELD_OUT:][: args.articles]
    for number, line in enumerate(lines):
        (articles / f"{number:04d}.txt").write_text(json.loads(line)["text"] + "\n")

    empty = f"sqlite:///{folder / 'empty.db'}"
    full_path = folder / "full.db"
    shutil.copy(args.archive, full_path)
    full = f"sqlite:///{full_path}"
    run(empty, "db", "upgrade")
    run(full, "db", "upgrade")
    if not args.unpacked:
        pack(full)
    with open("/proc/loadavg") as handle:
        print(f"load average: {handle.read().split()[0]}")
    for name, db in (("empty database", empty), ("archive", full)):
        wall, cpu, peak, output = timed_process(
            [sys.executable, __file__, "--inner", db, str(articles)],
            # One process: the parse is timed where it runs (a batch may otherwise be
            # parsed in worker processes).
            env={**os.environ, "CLAIMCHECK_WORKERS": "1"},
        )
        found = json.loads(output.strip().splitlines()[-1])
        n = found["articles"]
        bare = cpu - found["parse"]
        print(
            f"ingest into the {name}: {n} articles ({found['claims']} claims) in "
            f"{wall:.1f} s wall ({n / wall:.2f}/s), {cpu:.1f} s CPU ({n / cpu:.2f}/s), "
            f"peak {peak:.0f} MB; {found['linked']} linked, {found['suggested']} suggested\n"
            f"  parse {found['parse']:.1f} s, matching {found['matching']:.1f} s "
            f"({found['matching'] / n * 1000:.1f} ms an article); without the parser "
            f"{bare:.1f} s CPU ({n / bare:.1f} articles/s)"
        )
    shutil.rmtree(folder)


def timed_process(argv: list[str], env: dict[str, str]) -> tuple[float, float, float, str]:
    """A process's wall s, CPU s, peak MB and output."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    assert process.stdout is not None
    output = process.stdout.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{output[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - started, cpu, usage.ru_maxrss / 1024, output


def ingest_timed(url: str, folder: str) -> None:
    """Every article of ``folder`` through ingest, timing the parse and the matching."""
    from claimcheck import pipeline
    from claimcheck.pipeline import parse
    from claimcheck.services import ingest
    from claimcheck.services.sources import collect
    from claimcheck.storage.db import open_database

    spent = {"parse": 0.0, "matching": 0.0}

    def timing(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - started

        return timed

    # The pipeline imports parse_sentences when it runs (code before it did at import: then
    # the package holds its own name for it); ingest holds record_article.
    holders: list[Any] = [parse, pipeline]
    for holder in holders:
        if hasattr(holder, "parse_sentences"):
            holder.parse_sentences = timing("parse", holder.parse_sentences)
    ingest.record_article = timing("matching", ingest.record_article)  # type: ignore[attr-defined]
    db = open_database(url)
    options = ingest.IngestOptions()  # as `claimcheck ingest DIR` with no options
    results = [
        r
        for r in ingest.ingest_sources(db, sources=collect([folder]), options=options)
        if isinstance(r, ingest.IngestResult)
    ]
    db.close()
    print(
        json.dumps(
            {
                "articles": len(results),
                "claims": sum(r.claims for r in results),
                "linked": sum(r.linked for r in results),
                "suggested": sum(r.suggested for r in results),
                **spent,
            }
        )
    )


if __name__ == "__main__":
    main()
