"""`claimcheck import claims` at N claims, as a real process: rows per second, CPU time and
peak memory, into a fresh SQLite file or a fresh PostgreSQL database; and how the import
decides each claim's language, against the language model on every claim.

The corpus is the one benchmarks/matching_recall.py builds (IndoSum sentences, a bigram model
of them past 48k, 5% near-duplicates), written as JSONL with an external id per row.

    .venv/bin/python benchmarks/import_speed.py --claims 100000
    bash scripts/with-postgres .venv/bin/python benchmarks/import_speed.py --postgres
    .venv/bin/python benchmarks/import_speed.py --languages
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

import matching_recall  # type: ignore[import-not-found]
import scale_db  # type: ignore[import-not-found]
import sqlalchemy as sa

SHARED = Path(
    os.environ.get(
        "CLAIMCHECK_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"
    )
)
matching_recall.SHARED = SHARED / "indosum" / "articles.jsonl"


def run(db: str, *args: str) -> tuple[float, float, float, str]:
    """A claimcheck command (scale_db.run): wall seconds, CPU seconds, peak memory (MB),
    output."""
    return scale_db.run(db, *args)


def speed(args: argparse.Namespace) -> None:
    folder = Path(tempfile.mkdtemp(prefix="claimcheck-import-"))
    corpus = matching_recall.build_corpus(args.claims, random.Random(args.seed))
    archive = folder / "claims.jsonl"
    with archive.open("w", encoding="utf-8") as handle:
        for number, text in enumerate(corpus):
            handle.write(json.dumps({"text": text, "external_id": f"bench-{number}"}) + "\n")
    if args.postgres:
        server = os.environ.get("CLAIMCHECK_TEST_PG_URL")
        if not server:
            raise SystemExit("--postgres runs under scripts/with-postgres")
        name = f"bench_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name}")
        db = sa.engine.make_url(server).set(database=name).render_as_string(hide_password=False)
    else:
        db = args.db or f"sqlite:///{folder / 'import.db'}"
    run(db, "db", "upgrade")
    wall, cpu, peak, output = run(db, "import", "claims", str(archive), "--source", "bench")
    print(output)
    print(
        f"import claims: {len(corpus):,} claims in {wall:.1f} s "
        f"({len(corpus) / wall:,.0f} rows/s), CPU {cpu:.1f} s, peak {peak:.0f} MB"
    )
    wall, cpu, peak, output = run(db, "import", "claims", str(archive), "--source", "bench")
    print(f"again (nothing to add): {wall:.1f} s, peak {peak:.0f} MB: {output}")


def languages() -> None:
    """What the import decides for Indonesian news sentences and English Snopes checks, and
    what the language model says for each claim alone."""
    from claimcheck.matching.normalize import match_text
    from claimcheck.pipeline.language import detect_language
    from claimcheck.services.archive import ArchiveRow
    from claimcheck.services.archive_store import _Languages
    from claimcheck.storage import Status

    indonesian = matching_recall.sentences(50_000)
    english = [
        json.loads(line)["vclaim"]
        for line in (SHARED / "checkthat" / "vclaims.jsonl").read_text().splitlines()
    ]
    for name, texts, truth in (("IndoSum", indonesian, "id"), ("CheckThat!", english, "en")):
        rows = [
            ArchiveRow(n, t, Status.PENDING, None, None, None, None, None, None)
            for n, t in enumerate(texts)
        ]
        started = time.process_time()
        decider = _Languages(None)
        chosen: list[str] = []
        for start in range(0, len(rows), 2_000):
            batch = rows[start : start + 2_000]
            chosen += decider.decide(batch, [match_text(r.text) for r in batch])
        ours = time.process_time() - started
        started = time.process_time()
        model = [detect_language(t) for t in texts]
        theirs = time.process_time() - started
        print(
            f"{name} ({len(texts):,} claims, all {truth}): import's choice wrong on "
            f"{sum(c != truth for c in chosen):,} ({ours / len(texts) * 1e6:.0f} us a claim); "
            f"py3langid on each claim wrong on {sum(m != truth for m in model):,} "
            f"({theirs / len(texts) * 1e6:.0f} us a claim); {dict(Counter(chosen))}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    parser.add_argument("--postgres", action="store_true", help="a fresh database on the server")
    parser.add_argument("--languages", action="store_true", help="measure language choice")
    args = parser.parse_args()
    if args.languages:
        languages()
    else:
        speed(args)


if __name__ == "__main__":
    main()
