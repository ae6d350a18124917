"""Hostile text is stored as given and harmless in every output: tables, JSON, CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import sqlalchemy as sa

from claimcheck.render.safe import csv_cell, for_terminal
from claimcheck.storage import Database
from tests.conftest import Cli

ESC = "\x1b"
HOSTILE_ARTICLE = (
    "Robert'); DROP TABLE claim;-- dan <script>alert('x')</script>\n\n"
    'JAKARTA, iNews.id - =HYPERLINK("https://evil.example/x","klik") adalah tautan yang '
    "dikirim pejabat itu kepada wartawan di Jakarta. "
    "Menteri itu menyebut [sumber](javascript:alert(1)) sebagai dasar keputusan pemerintah. "
    "@SUM(A1:A9) adalah rumus yang disebut berbahaya oleh para ahli keamanan.\n"
)
HOSTILE_NOTE = f"{ESC}[2J{ESC}[31mwiped{ESC}[0m \u202eevil\u202c <img src=x onerror=alert(1)>"


def _ingest(cli: Cli, tmp_path: Path) -> int:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    run = cli("ingest", str(path), "--json")
    assert run.exit_code == 0, run.stderr
    return int(run.json()[0]["article_id"])


def test_hostile_text_is_stored_as_given(cli: Cli, db: Database, tmp_path: Path) -> None:
    article_id = _ingest(cli, tmp_path)
    cli(
        "evidence",
        "add",
        "1",
        "https://www.reuters.com/fact",
        "--note",
        HOSTILE_NOTE,
        "--reviewer",
        f"ana{ESC}[8m",
    )
    with db.engine.connect() as connection:
        raw = connection.execute(sa.text("SELECT raw_text FROM article")).scalar_one()
        note, who = connection.execute(sa.text("SELECT note, added_by FROM evidence")).one()
        tables = set(sa.inspect(connection).get_table_names())
    assert raw == HOSTILE_ARTICLE
    assert (note, who) == (HOSTILE_NOTE, f"ana{ESC}[8m")
    assert "claim" in tables  # the "DROP TABLE" title was data, never SQL
    article = cli("articles", "show", str(article_id), "--json").json()
    assert article["title"] == "Robert'); DROP TABLE claim;-- dan <script>alert('x')</script>"


def test_tables_show_control_sequences_as_visible_text(cli: Cli, tmp_path: Path) -> None:
    _ingest(cli, tmp_path)
    cli("evidence", "add", "1", "https://www.reuters.com/fact", "--note", HOSTILE_NOTE)
    for command in (
        ("claims", "show", "1"),
        ("history", "1"),
        ("articles", "show", "1"),
        ("claims", "list"),
        ("articles", "list"),
    ):
        run = cli(*command)
        assert run.exit_code == 0, run.stderr
        assert ESC not in run.stdout and "\u202e" not in run.stdout
    shown = cli("claims", "show", "1").stdout
    assert "\\x1b[2J" in shown and "\\u202e" in shown
    assert "<img src=x onerror=alert(1)>" in shown  # plain text in a terminal, not markup


def test_json_escapes_control_characters(cli: Cli, tmp_path: Path) -> None:
    _ingest(cli, tmp_path)
    cli("evidence", "add", "1", "https://www.reuters.com/fact", "--note", HOSTILE_NOTE)
    run = cli("claims", "show", "1", "--json")
    assert ESC not in run.stdout and "\\u001b[2J" in run.stdout
    assert json.loads(run.stdout)["evidence"][0]["note"] == HOSTILE_NOTE


def test_csv_cells_never_start_a_formula(cli: Cli, tmp_path: Path) -> None:
    _ingest(cli, tmp_path)
    run = cli("claims", "list", "--csv")
    assert run.exit_code == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    texts = [r["text"] for r in rows]
    assert any("HYPERLINK" in t for t in texts)
    for text in texts:
        assert not text.startswith(("=", "+", "-", "@")), text


def test_safe_helpers() -> None:
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell("-5 persen") == "'-5 persen"
    assert csv_cell("Harga naik 5 persen") == "Harga naik 5 persen"
    assert for_terminal(f"a{ESC}[31mb\x07c") == "a\\x1b[31mb\\x07c"
    assert for_terminal("Baris satu\nbaris dua") == "Baris satu\nbaris dua"
    assert (
        for_terminal("\u0627\u0644\u0633\u0639\u0631 naik") == "\u0627\u0644\u0633\u0639\u0631 naik"
    )
