"""Ingest into an empty database and into one holding an archive of N claims.

IndoSum's last 500 articles (left out of the archive, see archive_db.py) are written as text
files and ingested with `claimcheck ingest DIR` as one real process, into a fresh database
and into a copy of the archive; each run's wall and CPU time and peak memory are reported,
as articles per second. The CPU figures are the steadier ones on a shared machine.

A copy of a freshly built archive has no posting cache yet: the first ingest packs the whole
index once (`--unpacked` measures that run; by default the copy is packed first, and the
packing is timed on its own).

    .venv/bin/python benchmarks/archive_db.py --claims 100000 --out /tmp/archive-100k.db
    .venv/bin/python benchmarks/ingest_scale.py --archive /tmp/archive-100k.db
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from archive_db import HELD_OUT  # type: ignore[import-not-found]
from matching_recall import SHARED  # type: ignore[import-not-found]
from scale_db import run  # type: ignore[import-not-found]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", required=True, help="an archive built by archive_db.py")
    parser.add_argument("--articles", type=int, default=HELD_OUT)
    parser.add_argument("--unpacked", action="store_true", help="leave the packing to ingest")
    args = parser.parse_args()
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
        started = time.perf_counter()
        code = "import sys; from claimcheck.services.repeats.postings import pack_all; "
        code += "from claimcheck.storage.db import open_database; db = open_database(sys.argv[1])\n"
        code += "with db.session() as s: print(pack_all(s))"
        packed = subprocess.run(
            [sys.executable, "-c", code, full], check=True, capture_output=True, text=True
        )
        print(
            f"posting cache packed once: {packed.stdout.strip()} terms in "
            f"{time.perf_counter() - started:.1f} s"
        )
    for name, db in (("empty database", empty), ("archive", full)):
        wall, cpu, peak, output = run(db, "ingest", str(articles), "--json")
        stored = json.loads(output[output.index("[") :])
        claims = sum(r["claims"] for r in stored)
        linked = sum(r.get("linked", 0) for r in stored)
        suggested = sum(r.get("suggested", 0) for r in stored)
        print(
            f"ingest into the {name}: {len(stored)} articles ({claims} claims) in {wall:.1f} s "
            f"wall ({len(stored) / wall:.1f}/s), {cpu:.1f} s CPU ({len(stored) / cpu:.1f}/s), "
            f"peak {peak:.0f} MB; {linked} linked, {suggested} suggested"
        )
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
