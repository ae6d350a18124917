"""A large import commits in short batches: another writer goes on meanwhile, a kill -9
leaves only whole batches, and running it again stores the rest and nothing twice.

Real processes on a real archive file (IndoSum sentences as past checks).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimcheck.services import archive_store
from tests.conftest import SEED, SHARED_DATA, Cli
from tests.faults import descendants, running

SCRIPT = Path(sys.executable).parent / "claimcheck"
INDOSUM = SHARED_DATA / "indosum" / "articles.jsonl"
ROWS = 12_000
#: Rows of an archive over archive_store.PARALLEL_BYTES: read and prepared in a worker.
LARGE_ROWS = 30_000
REUTERS = "https://www.reuters.com/world/asia-pacific/north-korea-troops-russia-2024-10-18/"

pytestmark = pytest.mark.skipif(not INDOSUM.exists(), reason="needs ../shared/data/indosum")


def _archive(path: Path, rows: int = ROWS) -> Path:
    """``rows`` checks: IndoSum's sentences, every third one rated false with its article's
    link."""
    sentences: list[tuple[str, str]] = []
    with INDOSUM.open(encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            if any(c.isspace() for c in article["source_url"]):
                continue  # a link an import refuses (a few in IndoSum hold spaces)
            for sentence in re.split(r"(?<=[.!?])\s+", article["text"]):
                if 40 <= len(sentence) <= 400:
                    sentences.append((sentence, article["source_url"]))
    with path.open("w", encoding="utf-8") as out:
        for n in range(rows):
            text, url = sentences[n % len(sentences)]
            row = {"text": text, "external_id": f"indosum-{n}"}
            if n % 3 == 0:
                row |= {"rating": "Salah", "url": url}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def _counts(db_url: str) -> tuple[int, int, int, int]:
    """Archived articles, their sentences, claims, and status events."""
    engine = sa.create_engine(db_url, poolclass=sa.NullPool)
    try:
        with engine.connect() as connection:
            return tuple(  # type: ignore[return-value]
                int(connection.execute(sa.text(q)).scalar_one())
                for q in (
                    "SELECT count(*) FROM article WHERE kind = 'archive'",
                    "SELECT count(*) FROM sentence s JOIN article a ON a.id = s.article_id "
                    "WHERE a.kind = 'archive'",
                    "SELECT count(*) FROM claim WHERE external_id LIKE 'indosum-%'",
                    "SELECT count(*) FROM review_event e JOIN claim c ON c.id = e.claim_id "
                    "WHERE c.external_id LIKE 'indosum-%' AND e.kind = 'status'",
                )
            )
    finally:
        engine.dispose()


def _whole(db_url: str) -> int:
    """Every stored check has its sentence, its claim and (when rated) its verdict."""
    articles, sentences, claims, verdicts = _counts(db_url)
    assert articles == sentences == claims
    # Batches are written whole and in file order: the first rows, each with its verdict.
    assert verdicts == len(range(0, claims, 3))
    return claims


def _start(db_url: str, *args: str, workers: int = 1) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(SCRIPT), *args],
        env={**os.environ, "CLAIMCHECK_DB": db_url, "CLAIMCHECK_WORKERS": str(workers)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize(
    ("rows", "workers"), [(ROWS, 1), (LARGE_ROWS, 2)], ids=["one process", "reading worker"]
)
def test_other_writers_go_on_during_an_import_and_a_kill_leaves_whole_batches(
    cli: Cli, db_url: str, tmp_path: Path, rows: int, workers: int
) -> None:
    assert cli("ingest", str(SEED)).exit_code == 0
    path = _archive(tmp_path / "indosum.jsonl", rows)
    assert (path.stat().st_size >= archive_store.PARALLEL_BYTES) == (workers > 1)
    importing = _start(
        db_url, "import", "claims", str(path), "--source", "indosum", workers=workers
    )
    deadline = time.monotonic() + 120
    while _counts(db_url)[2] == 0:  # the first batch is in
        assert importing.poll() is None, importing.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)

    # A reviewer writes meanwhile: it waits for one batch at most, not for the import.
    writer = subprocess.run(
        [str(SCRIPT), "evidence", "add", "3", REUTERS, "--stance", "context"],
        env={**os.environ, "CLAIMCHECK_DB": db_url},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert writer.returncode == 0, writer.stderr
    assert importing.poll() is None, "the import ended before the other writer could write"

    helpers = descendants(importing.pid)
    assert bool(helpers) == (workers > 1)
    importing.send_signal(signal.SIGKILL)
    importing.communicate(timeout=30)
    # The reading worker goes too (it checks every second), not left reading for good.
    deadline = time.monotonic() + 15
    while (left := [pid for pid in helpers if running(pid)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert left == [], "the reading worker outlived the killed import"
    stored = _whole(db_url)
    assert 0 < stored < rows

    rerun = subprocess.run(
        [str(SCRIPT), "import", "claims", str(path), "--source", "indosum", "--json"],
        env={**os.environ, "CLAIMCHECK_DB": db_url, "CLAIMCHECK_WORKERS": str(workers)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert (report["imported"], report["already_present"]) == (rows - stored, stored)
    assert _whole(db_url) == rows
    shown = cli("claims", "show", "3", "--json").json()
    assert [e["url"] for e in shown["evidence"]] == [REUTERS]
