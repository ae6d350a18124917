"""Several reviewers and processes on one database at once, with real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from claimcheck.errors import Conflict
from claimcheck.services import review
from claimcheck.storage import Article, Claim, Database, ReviewEvent, open_database
from tests.conftest import DATA, SEED, Cli

SCRIPT = Path(sys.executable).parent / "claimcheck"
REUTERS = "https://www.reuters.com/world/asia-pacific/north-korea-troops-russia-2024-10-18/"
BBC = "https://www.bbc.com/news/articles/north-korea-troops"


def _start(db_url: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "CLAIMCHECK_DB": db_url}
    return subprocess.Popen(
        [str(SCRIPT), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _finish(processes: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append((process.returncode, out, err))
    return results


def test_two_reviewers_deciding_at_once_one_wins_the_other_is_told(
    cli: Cli, db: Database, db_url: str
) -> None:
    cli("ingest", str(SEED))
    claim = cli("claims", "show", "17", "--json").json()
    version = str(claim["version"])
    # Both reviewers looked at version N and decide at the same moment.
    results = _finish(
        [
            _start(db_url, "verify", "17", "-e", REUTERS, "--expect-version", version, "-r", "ana"),
            _start(db_url, "dispute", "17", "-e", BBC, "--expect-version", version, "-r", "budi"),
        ]
    )
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 1], results
    loser_err = next(err for code, _, err in results if code == 1)
    after = cli("claims", "show", "17", "--json").json()
    winner = {"verified": "ana", "disputed": "budi"}[after["status"]]
    assert f"was changed to {after['status']} by {winner}" in loser_err
    assert "nothing was saved" in loser_err and "Traceback" not in loser_err
    # History: the winner's evidence and verdict, and nothing from the attempt that lost.
    assert [(h["kind"], h["actor"]) for h in after["history"]] == [
        ("evidence", winner),
        ("status", winner),
    ]
    assert len(after["evidence"]) == 1
    assert after["version"] == claim["version"] + 1


def test_a_change_racing_another_is_caught_without_an_expected_version(
    cli: Cli, db: Database, engine_name: str
) -> None:
    if engine_name == "sqlite":
        pytest.skip("SQLite queues writers (BEGIN IMMEDIATE), so two changes cannot interleave")
    cli("ingest", str(SEED))
    with db.session() as first, db.session() as second:
        # Budi's transaction has read the claim as pending when Ana's verdict commits.
        seen_by_budi = second.get(Claim, 17)
        assert seen_by_budi is not None and seen_by_budi.status == "pending"
        review.set_status(
            first,
            claim_id=17,
            status="verified",
            reviewer="ana",
            evidence=[review.EvidenceInput(REUTERS, "supports")],
        )
        first.commit()
        with pytest.raises(Conflict, match="was changed to verified by ana"):
            review.set_status(second, claim_id=17, status="dismissed", reviewer="budi")
    with db.session(write=False) as session:
        actors = session.scalars(select(ReviewEvent.actor).where(ReviewEvent.kind == "status"))
        assert list(actors) == ["ana"]


def test_the_same_article_ingested_by_processes_at_once_is_stored_once(
    db: Database, db_url: str
) -> None:
    results = _finish([_start(db_url, "ingest", str(SEED), "--json") for _ in range(4)])
    assert [code for code, _, _ in results] == [0, 0, 0, 0], results
    outcomes = [json.loads(out)[0] for _, out, _ in results]
    assert sorted(o["already_present"] for o in outcomes) == [False, True, True, True]
    assert len({o["article_id"] for o in outcomes}) == 1
    with db.session(write=False) as session:
        assert session.scalar(select(func.count(Article.id))) == 1


def test_many_processes_ingesting_different_articles_all_succeed(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    articles: list[dict[str, Any]] = [
        json.loads(line) for line in (DATA / "indosum-sample.jsonl").read_text().splitlines()
    ]
    paths = []
    for article in articles:
        path = tmp_path / f"{article['id']}.txt"
        path.write_text(article["text"], encoding="utf-8")
        paths.append(path)
    results = _finish([_start(db_url, "ingest", str(p), "--json") for p in paths])
    assert [code for code, _, _ in results] == [0] * len(paths), results
    assert not any(json.loads(out)[0]["already_present"] for _, out, _ in results)
    with db.session(write=False) as session:
        assert session.scalar(select(func.count(Article.id))) == len(paths)


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'wal.db'}")
    try:
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()


def test_a_reader_is_not_blocked_by_a_writer_holding_the_lock(
    cli: Cli, db: Database, db_url: str
) -> None:
    """One window reads while another is in the middle of a write (WAL on SQLite)."""
    cli("ingest", str(SEED))
    with db.session() as writer:
        review.add_evidence(
            writer, claim_id=3, url=REUTERS, stance="context", note=None, reviewer="ana"
        )
        # The write transaction is still open; a separate process reads meanwhile.
        [(code, out, err)] = _finish([_start(db_url, "claims", "show", "3", "--json")])
        assert code == 0, err
        assert json.loads(out)["evidence"] == []  # it sees the last committed state
    assert len(cli("claims", "show", "3", "--json").json()["evidence"]) == 1
