"""A batch prepared in worker processes stores exactly what one process stores.

Real articles and pages (Indonesian and English) with a bad file among them, ingested with
CLAIMCHECK_WORKERS=2 and =1 into fresh SQLite files: the same articles, sentences, claims
(text, offsets, spans, restored words, speaker, hedge) and repeat links, the bad file
reported by name and the rest stored.
"""

from __future__ import annotations

import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from claimcheck.services import ingest
from claimcheck.services.ingest import IngestFailure, IngestOptions, IngestResult, ingest_sources
from claimcheck.services.sources import collect
from claimcheck.storage import Article, Claim
from claimcheck.storage.db import open_database, upgrade
from claimcheck.storage.models import ClaimMatch
from tests.conftest import DATA, Cli

FILES = [
    DATA / "inews-4-negara-sahabat-rusia.txt",
    DATA / "kabardunia-dukungan-korut-iran.txt",
    DATA / "dailysocial-google-calendar.txt",
    DATA / "pages" / "phys.org.tool.html",
    DATA / "pages" / "nature.com.telescope.html",
]


def stored(folder: Path, url: str, workers: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("CLAIMCHECK_WORKERS", workers)
    upgrade(url)
    db = open_database(url)
    outcomes = list(ingest_sources(db, sources=collect([str(folder)]), options=IngestOptions()))
    with db.session() as session:
        articles = [
            (a.title, a.language, a.content_hash, len(a.sentences))
            for a in session.scalars(select(Article).order_by(Article.id))
        ]
        claims = [
            (c.sentence.article_id, c.text, c.start_offset, c.end_offset, c.spans, c.restored,
             c.speaker, c.hedged)
            for c in session.scalars(select(Claim).order_by(Claim.id))
        ]  # fmt: skip
        links = sorted(
            (m.claim_a_id, m.claim_b_id, m.kind, round(m.score, 6), m.guards)
            for m in session.scalars(select(ClaimMatch))
        )
    db.engine.dispose()
    failures = [o.message for o in outcomes if isinstance(o, IngestFailure)]
    results = [o.article_id for o in outcomes if isinstance(o, IngestResult)]
    return articles, claims, links, failures, results


def test_a_batch_in_workers_stores_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for n, path in enumerate(FILES):
        shutil.copy(path, folder / f"{n}-{path.name}")
    (folder / "2b-photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    submitted: list[str] = []
    submit = ProcessPoolExecutor.submit

    def counting(pool: ProcessPoolExecutor, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        submitted.append(args[0].label)
        return submit(pool, fn, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", counting)
    monkeypatch.setattr(ingest, "PARALLEL_FROM", 2)  # a real batch's pool, on a few files
    alone = stored(folder, f"sqlite:///{tmp_path / 'one.db'}", "1", monkeypatch)
    assert submitted == []
    pooled = stored(folder, f"sqlite:///{tmp_path / 'two.db'}", "2", monkeypatch)
    assert len(submitted) == len(FILES) + 1  # every file went through the pool
    assert len(alone[0]) == len(FILES)
    assert len(alone[1]) > 100 and alone[2]  # claims, and repeats between the two articles
    assert alone[3] == pooled[3] and len(alone[3]) == 1 and "2b-photo.txt" in alone[3][0]
    assert pooled == alone


def test_workers_setting_must_be_a_number(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for n, path in enumerate(FILES):
        shutil.copy(path, folder / f"{n}.txt")
    monkeypatch.setenv("CLAIMCHECK_WORKERS", "two")
    run = cli("ingest", str(folder))
    assert run.exit_code == 1
    assert "CLAIMCHECK_WORKERS='two'" in run.stderr and "Traceback" not in run.stderr
