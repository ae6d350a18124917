"""The bulk import stores what the per-row import did: the same rows, the same word index.

``tests/data/import-golden/expected.json`` was written by the per-row ORM import before the
bulk path replaced it (see make.py there); the imports here run the same files through the
product and must leave the same data on both engines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from claimcheck.services import archive_store
from claimcheck.storage.db import open_database, upgrade
from tests.conftest import DATA, invoke
from tests.import_golden import GOLDEN, dump, run_imports

EXPECTED: dict[str, Any] = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))


def _same(found: dict[str, Any], expected: dict[str, Any]) -> None:
    for table, rows in expected.items():
        if isinstance(rows, list) and rows and isinstance(rows[0], dict):
            columns = set(rows[0])
            got = [{k: v for k, v in row.items() if k in columns} for row in found[table]]
            assert got == rows, table
        else:
            assert found[table] == rows, table


def _outputs_now(outputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The reports as they are now said, from the per-row import's: they also count the
    skipped rows (``skipped`` lists at most the first thousand), and a check the file
    holds twice is counted as already there (the per-row import did not count it)."""
    now = json.loads(json.dumps(outputs))
    for output in now:
        report = output["report"]
        if "skipped" in report:
            report["skipped_rows"] = len(report["skipped"])
    for again in (0, 3):  # archive.jsonl's last line repeats its first
        now[again]["report"]["already_present"] += 1
    return now  # type: ignore[no-any-return]


@pytest.fixture(params=["one process", "reading worker"])
def reading(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Files imported in this process, or read and prepared in a worker process (what a
    file of 4 MiB or more gets) while this one writes."""
    started: list[int] = []
    if request.param == "reading worker":
        monkeypatch.setattr(archive_store, "PARALLEL_BYTES", 0)
        monkeypatch.setenv("CLAIMCHECK_WORKERS", "2")
        enter = archive_store._Worker.__enter__

        def counted(self: archive_store._Worker) -> archive_store._Worker:
            started.append(1)
            return enter(self)

        monkeypatch.setattr(archive_store._Worker, "__enter__", counted)
    yield str(request.param)
    assert bool(started) == (request.param == "reading worker")


def test_bulk_import_stores_what_the_per_row_import_stored(
    db_url: str, empty_db_url: str, engine_name: str, reading: str
) -> None:
    expected = EXPECTED[engine_name]
    assert run_imports(db_url, empty_db_url) == _outputs_now(expected["outputs"])
    _same(dump(db_url), expected["imported"])
    _same(dump(empty_db_url, clock=True), expected["restored"])


def _archive_of_real_sentences(path: Path, rows: int) -> list[str]:
    """A JSONL archive of ``rows`` checks made of the sentences of the real articles in
    tests/data, each with an id of its own; the 11th row comes back as the last (its id
    again), past the first chunk the reader prepares."""
    sentences = [
        line.strip()
        for name in ("inews-4-negara-sahabat-rusia.txt", "kabardunia-dukungan-korut-iran.txt")
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
        if len(line.split()) >= 6
    ]
    records = [
        {"text": sentences[n % len(sentences)], "external_id": f"real-{n}", "rating": "salah",
         "url": f"https://cekfakta.example/{n}"}
        for n in range(rows - 1)
    ]  # fmt: skip
    records.append(records[10])
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [r["external_id"] for r in records]


def test_a_large_file_read_by_the_worker_stores_each_check_once(
    db_url: str, tmp_path: Path, engine_name: str, reading: str
) -> None:
    ids = _archive_of_real_sentences(tmp_path / "archive.jsonl", archive_store.CHUNK + 500)
    run = invoke("--db", db_url, "import", "claims", str(tmp_path / "archive.jsonl"), "--json")
    assert run.exit_code == 0, run.stderr
    report = json.loads(run.stdout)
    assert (report["imported"], report["already_present"]) == (len(ids) - 1, 1)
    engine = sa.create_engine(db_url, poolclass=sa.NullPool)
    with engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT external_id FROM claim")).scalars().all()
        evidence = connection.execute(sa.text("SELECT count(*) FROM evidence")).scalar()
    engine.dispose()
    assert sorted(stored) == sorted(set(ids))
    assert evidence == len(ids) - 1
    again = invoke("--db", db_url, "import", "claims", str(tmp_path / "archive.jsonl"), "--json")
    assert json.loads(again.stdout)["imported"] == 0, again.stderr


def test_foreign_keys_are_checked_again_after_a_bulk_batch(tmp_path: Path) -> None:
    """The bulk batch writes with SQLite's foreign-key checks off; the next transaction on
    the same pooled connection has them on."""
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    upgrade(url)
    db = open_database(url)
    try:
        _archive_of_real_sentences(tmp_path / "archive.jsonl", 30)
        from claimcheck.services.archive import import_claims

        import_claims(db, path=tmp_path / "archive.jsonl", source="cekfakta")
        with db.session() as session:
            assert session.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
        with pytest.raises(sa.exc.IntegrityError), db.session() as session:
            session.execute(
                sa.text("INSERT INTO claim_token (token_id, claim_id, count) VALUES (1, 999999, 1)")
            )
        with db.session(write=False) as session:
            assert session.execute(sa.text("PRAGMA foreign_key_check")).all() == []
    finally:
        db.close()
