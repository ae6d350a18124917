"""Backups that were tampered with or hold what one engine cannot store: refused by the
line that is wrong (nothing imported), or restored the same way on both engines."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tests.conftest import DATA, Cli, PostgresServer, invoke
from tests.import_golden import GOLDEN

BACKUP = (GOLDEN / "backup.jsonl").read_text(encoding="utf-8").splitlines()


def _claims(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for s in record["sentences"] for c in s["claims"]]


def _verified(record: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in _claims(record) if c["status"] == "verified")


def _javascript_link(record: dict[str, Any]) -> None:
    _verified(record)["evidence"][0]["url"] = "javascript:alert(document.cookie)"


def _verdict_without_evidence(record: dict[str, Any]) -> None:
    claim = _verified(record)
    claim["evidence"] = []
    claim["events"] = [e for e in claim["events"] if e["kind"] != "evidence"]


def _no_actor(record: dict[str, Any]) -> None:
    _verified(record)["events"][-1]["actor"] = "  "


def _long_actor(record: dict[str, Any]) -> None:
    _verified(record)["events"][-1]["actor"] = "A" * 201


def _huge_id(record: dict[str, Any]) -> None:
    _claims(record)[0]["position"] = 2**63 + 1


def _long_speaker(record: dict[str, Any]) -> None:
    _claims(record)[0]["speaker"] = "S" * 301


def _list_text(record: dict[str, Any]) -> None:
    _claims(record)[0]["text"] = ["list", {"a": 1}]


TAMPERED: list[tuple[Callable[[dict[str, Any]], None], str]] = [
    (_javascript_link, "http or https"),
    (_verdict_without_evidence, "verified without evidence"),
    (_no_actor, "name cannot be empty"),
    (_long_actor, "longer than 200 characters"),
    (_huge_id, "out of range"),
    (_long_speaker, "speaker is longer than 300 characters"),
    (_list_text, "text must be text, not a list"),
]


@pytest.mark.parametrize(("tamper", "message"), TAMPERED, ids=[t.__name__ for t, _ in TAMPERED])
def test_a_tampered_backup_is_refused_by_its_line(
    db_url: str, tmp_path: Path, tamper: Callable[[dict[str, Any]], None], message: str
) -> None:
    records = [json.loads(line) for line in BACKUP]
    number = next(
        n
        for n, r in enumerate(records)
        if r.get("type") == "article" and any(c["status"] == "verified" for c in _claims(r))
    )
    tamper(records[number])
    path = tmp_path / "tampered.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run = invoke("--db", db_url, "import", "jsonl", str(path))
    assert run.exit_code == 1 and "Traceback" not in run.stderr
    [error] = [line for line in run.stderr.splitlines() if line.startswith("Error:")]
    assert f"line {number + 1}:" in error and message in error, error
    assert "nothing was imported" in error
    assert invoke("--db", db_url, "articles", "list", "--json").json() == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"type": "article", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
        ('{"type": "match", "id": ' + "9" * 5_000 + "}", "digits"),
    ],
    ids=["nested", "digits"],
)
def test_a_hostile_backup_line_is_one_error(
    db_url: str, tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join([*BACKUP[:2], line, *BACKUP[2:]]) + "\n", encoding="utf-8")
    run = invoke("--db", db_url, "import", "jsonl", str(path))
    assert run.exit_code == 1 and "Traceback" not in run.stderr
    assert "line 3:" in run.stderr and message in run.stderr
    assert invoke("--db", db_url, "articles", "list", "--json").json() == []


def test_nul_characters_in_a_backup_are_dropped_the_same_on_both_engines(
    db_url: str, tmp_path: Path
) -> None:
    records = [json.loads(line) for line in BACKUP]
    records[1]["raw_text"] = (
        records[1]["raw_text"][:9000] + "\x00\x00" + records[1]["raw_text"][9000:]
    )
    path = tmp_path / "nul.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run = invoke("--db", db_url, "import", "jsonl", str(path))
    assert run.exit_code == 0, run.stderr
    assert "2 NUL characters dropped" in run.stderr
    engine = sa.create_engine(db_url, poolclass=sa.NullPool)
    with engine.connect() as connection:
        raw = connection.execute(sa.text("SELECT raw_text FROM article WHERE id = 1")).scalar_one()
    engine.dispose()
    assert raw == json.loads(BACKUP[1])["raw_text"]


@pytest.mark.parametrize("engine_name", ["postgresql"])
def test_an_article_with_nul_bytes_ingested_on_sqlite_restores_into_postgresql(
    postgres: PostgresServer, tmp_path: Path, engine_name: str
) -> None:
    # A real page, with a NUL past the first 8 KiB (read to tell binary files).
    text = (DATA / "pages" / "theverge.com.ios13.html").read_text(encoding="utf-8")
    cut = text.index(">", 9000) + 1
    page = tmp_path / "nul.html"
    page.write_text(text[:cut] + "\x00" + text[cut:], encoding="utf-8")
    sqlite = f"sqlite:///{tmp_path / 'desk.db'}"
    assert invoke("--db", sqlite, "ingest", str(page)).exit_code == 0
    backup = tmp_path / "desk.jsonl"
    assert invoke("--db", sqlite, "export", "jsonl", "-o", str(backup)).exit_code == 0
    assert "\\u0000" not in backup.read_text(encoding="utf-8")
    name = postgres.create()
    try:
        run = invoke("--db", postgres.url_for(name), "import", "jsonl", str(backup))
        assert run.exit_code == 0, run.stderr
    finally:
        postgres.drop(name)


def test_a_restored_backup_is_a_working_database(cli: Cli, db_url: str, tmp_path: Path) -> None:
    run = invoke("--db", db_url, "import", "jsonl", str(GOLDEN / "backup.jsonl"), "--json")
    assert run.exit_code == 0, run.stderr
    hits = cli("search", "Korea Utara kirim pasukan", "--json").json()
    assert hits and "Korea Utara" in hits[0]["text"]
