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
    assert csv_cell("rev\r=1+1") == "rev\r'=1+1"
    assert csv_cell("a\r\n+b\n@c") == "a\r\n'+b\n'@c"
    assert for_terminal(f"a{ESC}[31mb\x07c") == "a\\x1b[31mb\\x07c"
    assert for_terminal("Baris satu\nbaris dua") == "Baris satu\nbaris dua"
    assert (
        for_terminal("\u0627\u0644\u0633\u0639\u0631 naik") == "\u0627\u0644\u0633\u0639\u0631 naik"
    )


BIDI = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "evil\u202etxt.exe" reads "evilexe.txt"


def test_json_escapes_bidi_controls_in_speaker_actor_and_note(cli: Cli, tmp_path: Path) -> None:
    archive = tmp_path / "checks.jsonl"
    archive.write_text(
        json.dumps(
            {
                "text": "Korea Utara mengirim 10.000 tentara ke Rusia pada Oktober 2024",
                "rating": "Benar",
                "url": "https://www.reuters.com/fact",
                "speaker": f"Kim {BIDI}gnoJ",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert cli("import", "claims", str(archive)).exit_code == 0
    _ingest(cli, tmp_path)
    verdict = cli(
        "verify", "2", "-e", "https://www.bbc.com/x", "--note", f"ok {BIDI}1 ,", "-r", f"ana{BIDI}"
    )
    assert verdict.exit_code == 0, verdict.stderr
    outputs = [
        cli("claims", "show", "1", "--json").stdout,  # the archived claim's speaker
        cli("claims", "show", "2", "--json").stdout,  # the reviewer and the note
        cli("history", "2", "--json").stdout,
        cli("claims", "list", "--json").stdout,
        cli("report", "--format", "json").stdout,
        cli("search", "Korea Utara tentara Rusia", "--json").stdout,
    ]
    for output in outputs:
        assert BIDI not in output and "\x9b" not in output
    assert "\\u202e" in outputs[0] and "\\u202e" in outputs[1] and "\\u202e" in outputs[4]
    archived = json.loads(outputs[0])
    assert archived["speaker"] == f"Kim {BIDI}gnoJ"  # the value read back is as stored
    report = json.loads(outputs[4])
    [claim] = [c for a in report["articles"] for c in a["claims"] if c["id"] == 2]
    assert (claim["reviewed_by"], claim["verdict_note"]) == (f"ana{BIDI}", f"ok {BIDI}1 ,")


def test_claimreview_json_ld_cannot_close_its_script_tag(cli: Cli, tmp_path: Path) -> None:
    text = (
        "Menurut pejabat itu, situs kementerian memuat tulisan </script><script>alert(1)"
        "</script> & <!-- selama dua hari pada pekan lalu di Jakarta."
    )
    path = tmp_path / "script.txt"
    path.write_text(f"Situs kementerian diretas\n\nJAKARTA, iNews.id - {text}\n", encoding="utf-8")
    assert cli("ingest", str(path)).exit_code == 0
    [claim] = [c for c in cli("claims", "list", "--json").json() if "</script>" in c["text"]]
    assert cli("verify", str(claim["id"]), "-e", "https://www.reuters.com/fact").exit_code == 0
    run = cli(
        "export",
        "claimreview",
        "--org-name",
        "Cek <Fakta> & Co",
        "--org-url",
        "https://cekfakta.example.id",
    )
    assert run.exit_code == 0, run.stderr
    for ch in "<>&":
        assert ch not in run.stdout
    page = f'<script type="application/ld+json">{run.stdout}</script>'
    assert page.count("</script>") == 1  # only the tag's own end
    [review] = [r for r in json.loads(run.stdout)["@graph"] if "script" in r["claimReviewed"]]
    assert review["claimReviewed"] == claim["text"]
    assert review["author"]["name"] == "Cek <Fakta> & Co"


def _rows_seen_by_a_line_splitter(text: str) -> list[str]:
    """What a reader that starts a row at every CR or LF sees."""
    return [row for row in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if row]


def test_csv_quotes_line_breaks_and_guards_every_line(cli: Cli, tmp_path: Path) -> None:
    _ingest(cli, tmp_path)
    run = cli(
        "verify",
        "2",
        "-e",
        "https://www.reuters.com/fact",
        "--note",
        "checked\n@SUM(A1:A9)\r-2+3",
        "--reviewer",
        "rev\r=1+1",
    )
    assert run.exit_code == 0, run.stderr
    report = cli("report", "--format", "csv").stdout
    for row in _rows_seen_by_a_line_splitter(report):
        assert not row.startswith(("=", "+", "-", "@")), row
    [claim] = [r for r in csv.DictReader(io.StringIO(report, newline="")) if r["claim_id"] == "2"]
    assert claim["reviewed_by"] == "rev\r'=1+1"
    assert claim["verdict_note"] == "checked\n'@SUM(A1:A9)\r'-2+3"
    written = tmp_path / "report.csv"
    assert cli("report", "--format", "csv", "-o", str(written)).exit_code == 0
    raw = written.read_bytes()
    assert b',"rev\r\'=1+1",' in raw  # a cell holding a CR is quoted
    assert (
        raw.count(b"\r\n") == raw.count(b"\n") - 1
    )  # rows end in CRLF; the note's LF is inside quotes
    for row in _rows_seen_by_a_line_splitter(cli("claims", "list", "--csv").stdout):
        assert not row.startswith(("=", "+", "-", "@")), row
