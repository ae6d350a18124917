"""Crashes, interrupts, a full disk and a read-only database never lose or half-store data.

Real processes, real signals, real file systems (a small tmpfs, mounted as root).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimcheck.pipeline import Document, split_article
from claimcheck.storage import Database
from tests.conftest import SEED, Cli
from tests.faults import descendants, running

SCRIPT = Path(sys.executable).parent / "claimcheck"
SEED_TEXT = SEED.read_text(encoding="utf-8")
BATCH = 60


def _articles(folder: Path, count: int = BATCH) -> Path:
    folder.mkdir(parents=True)
    paragraphs = [p for p in SEED_TEXT.split("\n\n") if len(p) > 80]
    for i in range(count):
        # A real article: the seed's title and dateline, then its paragraphs in a new order.
        order = paragraphs[i % len(paragraphs) :] + paragraphs[: i % len(paragraphs)]
        body = "\n\n".join(order)
        text = (
            f"4 Negara Sahabat Rusia di Asia, bagian {i}\n\nZulhilmi Yahya\n\n"
            f"JAKARTA, iNews.id - {body}\n\nArsip nomor {i} dari redaksi.\n"
        )
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def _count(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(sa.text("SELECT count(*) FROM article")).scalar_one())


@cache
def _split(text: str) -> Document:
    """The pipeline's reading of a text, once a text per run (the reruns check the same)."""
    return split_article(text)


def _assert_every_article_whole(db: Database) -> None:
    """Each stored article has exactly the sentences and claims its text gives."""
    with db.engine.connect() as connection:
        articles = connection.execute(sa.text("SELECT id, text FROM article")).all()
        for article_id, text in articles:
            expected = _split(text)
            sentences = connection.execute(
                sa.text("SELECT count(*) FROM sentence WHERE article_id = :a"), {"a": article_id}
            ).scalar_one()
            claims = connection.execute(
                sa.text(
                    "SELECT count(*) FROM claim JOIN sentence ON claim.sentence_id = sentence.id "
                    "WHERE sentence.article_id = :a"
                ),
                {"a": article_id},
            ).scalar_one()
            assert (sentences, claims) == (len(expected.sentences), len(expected.claims))


def default_sigint() -> None:
    """For a child process: Ctrl-C as a terminal delivers it, even when this test run was
    started in the background (where shells make children ignore SIGINT)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_ingest(db_url: str, folder: Path, workers: int = 1) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(SCRIPT), "ingest", str(folder)],
        env={**os.environ, "CLAIMCHECK_DB": db_url, "CLAIMCHECK_WORKERS": str(workers)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=default_sigint,
    )


#: Seconds the ingest may go without storing another article before the test calls it stuck.
#: A limit on progress, not on the whole wait: on a loaded machine 90 articles can take well
#: over a minute (measured: 120 in 86-100 s at load 7-8).
STALL_SECONDS = 60


def _wait_for_articles(db: Database, at_least: int, process: subprocess.Popen[str]) -> None:
    seen, deadline = -1, 0.0
    while (stored := _count(db)) < at_least:
        assert process.poll() is None, "the batch finished before it could be interrupted"
        if stored != seen:
            seen, deadline = stored, time.monotonic() + STALL_SECONDS
        assert time.monotonic() < deadline, f"ingest stuck at {stored} articles"
        time.sleep(0.02)
    assert process.poll() is None, "the batch finished before it could be interrupted"


@pytest.mark.parametrize("stop_after", [3, 50])  # in the first batch of writes; late
def test_kill_9_mid_batch_leaves_whole_articles_and_a_rerun_completes(
    db: Database, db_url: str, tmp_path: Path, stop_after: int
) -> None:
    folder = _articles(tmp_path / "batch")
    process = _start_ingest(db_url, folder, workers=2)  # as a user's batch runs
    _wait_for_articles(db, stop_after, process)
    helpers = descendants(process.pid)
    assert helpers, "a batch this large is prepared in worker processes"
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    # Its workers and their fork server go too (they check every second), not idle for good.
    deadline = time.monotonic() + 15
    while (left := [pid for pid in helpers if running(pid)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert left == [], "worker processes outlived the killed batch"
    stored = _count(db)
    assert stop_after <= stored < BATCH
    _assert_every_article_whole(db)

    rerun = subprocess.run(
        [str(SCRIPT), "ingest", str(folder), "--json"],
        env={**os.environ, "CLAIMCHECK_DB": db_url},
        capture_output=True,
        text=True,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert _count(db) == BATCH
    assert rerun.stdout.count('"already_present": true') == stored
    _assert_every_article_whole(db)


def test_ctrl_c_mid_batch_keeps_what_was_stored(db: Database, db_url: str, tmp_path: Path) -> None:
    folder = _articles(tmp_path / "batch")
    process = _start_ingest(db_url, folder)
    _wait_for_articles(db, 10, process)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr[-1500:]
    stored = _count(db)
    assert f"Interrupted: {stored} of {BATCH} inputs were stored" in stderr
    assert "Traceback" not in stderr
    _assert_every_article_whole(db)


@contextmanager
def _tmpfs(where: Path, size_kb: int) -> Iterator[Path]:
    where.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system for this test needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_disk_full_gives_a_clear_error_and_loses_nothing(
    cli: Cli, engine_name: str, sqlite_template: Path, tmp_path: Path
) -> None:
    if engine_name != "sqlite":
        pytest.skip("the disk that fills up is the SQLite file's; a server manages its own")
    folder = _articles(tmp_path / "batch", 60)
    with _tmpfs(tmp_path / "small", 900) as disk:
        shutil.copy(sqlite_template, disk / "claimcheck.db")
        url = f"sqlite:///{disk / 'claimcheck.db'}"
        run = cli("--db", url, "ingest", str(folder))
        assert run.exit_code == 1
        errors = [line for line in run.stderr.splitlines() if line.startswith("Error:")]
        assert errors and all("database or disk is full" in e for e in errors)
        assert "free some disk space" in errors[0]
        db = Database(url, sa.create_engine(url))
        try:
            stored = _count(db)
            assert 0 < stored < 60
            with db.engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            _assert_every_article_whole(db)
        finally:
            db.close()
        # With room again, the same command stores the rest and nothing twice.
        subprocess.run(["mount", "-o", "remount,size=20m", str(disk)], check=True)
        again = cli("--db", url, "ingest", str(folder), "--json")
        assert again.exit_code == 0, again.stderr
        assert len(again.json()) == 60
        assert sum(a["already_present"] for a in again.json()) == stored


def test_read_only_database_gives_a_clear_error(
    cli: Cli, engine_name: str, sqlite_template: Path, tmp_path: Path
) -> None:
    if engine_name != "sqlite":
        pytest.skip("read-only files are SQLite's case")
    with _tmpfs(tmp_path / "ro", 4096) as disk:
        shutil.copy(sqlite_template, disk / "claimcheck.db")
        url = f"sqlite:///{disk / 'claimcheck.db'}"
        assert cli("--db", url, "ingest", str(SEED)).exit_code == 0
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        run = cli("--db", url, "verify", "1", "-e", "https://www.reuters.com/x")
        assert run.exit_code == 1
        assert run.stderr.startswith("Error: cannot open the database at")
        assert "is read-only" in run.stderr
        assert "Traceback" not in run.stderr
        subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
        shown = cli("--db", url, "claims", "show", "1", "--json").json()
        assert shown["status"] == "pending" and shown["evidence"] == []
