"""Hostile input, the same on SQLite and PostgreSQL: one clear line each, nothing hangs,
nothing stored that the rules refuse.

Files that never end or never open (a named pipe, /dev/zero), a first line of 100,000
characters, unsupported database URLs, a newline in a file name, settings of the wrong type,
and links that could break out of the page or the script tag they are published in.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimcheck.services.urls import check_url, url_problem
from claimcheck.storage import Database
from tests.conftest import ENGLISH, SEED, Cli, invoke

SCRIPT = Path(sys.executable).parent / "claimcheck"
SEED_TEXT = SEED.read_text(encoding="utf-8")
REUTERS = "https://www.reuters.com/world/asia-pacific/north-korea-troops-russia-2024-10-18/"


def _run(*args: str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
    """claimcheck as its own process, with a time limit and a memory limit (2 GB), so a
    hang or an unbounded read fails the test instead of stalling or swapping the machine."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run(
        [str(SCRIPT), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit_memory,
        check=False,
    )


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


def _articles(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(sa.text("SELECT count(*) FROM article")).scalar_one())


# ------------------------------------------------------------------ files that are not files


def test_a_named_pipe_in_a_batch_is_refused_by_name(
    db_url: str, db: Database, tmp_path: Path
) -> None:
    pipe = tmp_path / "fifo.txt"
    os.mkfifo(pipe)  # nobody ever writes to it: opening it to read would wait forever
    run = _run("ingest", str(SEED), str(pipe), str(ENGLISH))
    assert run.returncode == 1, run.stderr
    [error] = _error_lines(run.stderr)
    assert error == (f"Error: {pipe}: a named pipe (FIFO), not a regular file; give a file"), (
        run.stderr
    )
    assert "Traceback" not in run.stderr
    assert _articles(db) == 2  # the two real articles around it went in


def test_dev_zero_is_refused_not_read_forever(db_url: str, db: Database) -> None:
    run = _run("ingest", "/dev/zero")
    assert run.returncode == 1
    assert _error_lines(run.stderr) == [
        "Error: /dev/zero: a character device, not a regular file; give a file"
    ], run.stderr
    assert _articles(db) == 0


def test_a_settings_file_that_is_a_pipe_is_refused(db_url: str, tmp_path: Path) -> None:
    pipe = tmp_path / "desk.toml"
    os.mkfifo(pipe)
    run = _run("--config", str(pipe), "report")
    assert run.returncode == 1
    assert _error_lines(run.stderr) == [
        f"Error: {pipe}: a named pipe (FIFO), not a regular file; give a file"
    ], run.stderr


# ------------------------------------------------------------ a first line of 100,000 chars


def _tracking_blob(length: int) -> str:
    """What scrapers leave on an article's first line: a long run of hex (an image or
    tracking id), here the SHA-256 digests of the seed article's paragraphs."""
    digests = [hashlib.sha256(p.encode()).hexdigest().upper() for p in SEED_TEXT.split("\n")]
    blob = "".join(digests)
    return (blob * (length // len(blob) + 1))[:length]


def test_a_100k_first_line_is_stored_whole_and_printed_cut(
    cli: Cli, db: Database, tmp_path: Path
) -> None:
    blob = _tracking_blob(100_000)
    path = tmp_path / "scraped.txt"
    path.write_text(blob + "\n\n" + SEED_TEXT, encoding="utf-8")
    run = cli("ingest", str(path))
    assert run.exit_code == 0, run.stderr
    [line] = run.stdout.splitlines()
    assert line.startswith(f"{path}: article #1 {blob[:60]}")
    # The title is cut to 80 characters: the line is the path and about 120 more.
    assert "…: " in line and len(line) - len(str(path)) < 130, line[:300]
    listed = cli("articles", "list").stdout
    assert blob[:60] in listed and blob[:200] not in listed
    with db.engine.connect() as connection:
        title = connection.execute(sa.text("SELECT title FROM article")).scalar_one()
    assert title == blob  # cut on the screen only


# ---------------------------------------------------------------------- database URLs


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://x", "claimcheck does not work with mysql databases"),
        ("oracle+cx_oracle://u@h/db", "claimcheck does not work with oracle+cx_oracle databases"),
        ("postgresql+asyncpg://u@h/db", "does not work with postgresql+asyncpg databases"),
        ("postgresql://u:hunter2@h:port/db", "not a database URL"),
    ],
)
def test_an_unsupported_database_url_is_one_line(url: str, message: str) -> None:
    run = invoke("--db", url, "claims", "list")
    assert run.exit_code == 1
    [error] = run.stderr.splitlines()
    assert error.startswith("Error: ") and message in error
    assert "hunter2" not in error  # a password is never printed


def test_a_plain_postgresql_url_means_psycopg(cli: Cli, db_url: str, engine_name: str) -> None:
    if engine_name != "postgresql":
        pytest.skip("a PostgreSQL URL")
    plain = db_url.replace("postgresql+psycopg://", "postgresql://", 1)
    assert cli("--db", plain, "ingest", str(SEED)).exit_code == 0
    assert len(cli("--db", plain, "articles", "list", "--json").json()) == 1


# ------------------------------------------------------------------ one error, one line


def test_an_error_is_one_line_at_any_width_and_names_are_escaped(
    db_url: str, db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / "scan\nof the\x1b[2Jletter.txt").write_bytes(b"%PDF-1.7\n1 0 obj\n<< >>\n")
    run = _run("ingest", str(folder), COLUMNS="40")
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    errors = _error_lines(run.stderr)
    assert errors == [
        f"Error: {folder}/scan\\nof the\\x1b[2Jletter.txt: this is a PDF, not an article; "
        "give text or HTML"
    ], lines
    assert lines[-1] == "1 of 2 inputs failed; the others were ingested"
    assert _articles(db) == 1


def test_a_usage_error_is_one_error_line(db_url: str) -> None:
    run = _run("mark", "1", "maybe", COLUMNS="40")
    assert run.returncode == 2
    [error] = _error_lines(run.stderr)
    assert "unknown status 'maybe'; use one of: pending, verified" in error
    assert "the status comes last" in error
    assert "╭" not in run.stderr  # no box drawn around it


# ---------------------------------------------------------------------------- settings


def test_second_review_false_leaves_second_review_off(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "desk.toml"
    config.write_text("[review]\nsecond_review = false\n", encoding="utf-8")
    cli("ingest", str(SEED))
    run = cli("--config", str(config), "verify", "1", "-e", REUTERS, "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["awaiting_second"] is False


# -------------------------------------------------------------------------- one URL rule

HOSTILE_URLS = {
    "escape": "https://www.reuters.com/\x1b[2Jfact",
    "quote-script": 'https://www.reuters.com/x"><script>alert(1)</script>',
    "single-quote": "https://www.reuters.com/x' onmouseover='alert(1)",
    "newline": "https://www.reuters.com/x\nEvil: header",
    "bidi": "https://www.reuters.com/\u202egnp.exe",
    "javascript": "javascript:alert(1)",
    "credentials": "https://www.reuters.com@evil.example/fact",
    "no-host": "https://localhost/fact",
    "numeric-tld": "https://10.0.0.999/x",
    "tab": "https://www.reuters.com/a\tb",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_URLS))
def test_evidence_links_follow_the_url_rule(cli: Cli, db: Database, name: str) -> None:
    cli("ingest", str(SEED))
    url = HOSTILE_URLS[name]
    for args in (("evidence", "add", "1", url), ("verify", "1", "-e", url)):
        run = cli(*args)
        assert run.exit_code == 1, (name, run.stdout)
        [error] = run.stderr.splitlines()
        assert error.startswith("Error: evidence URL ")
        assert "\x1b" not in error and "\u202e" not in error
    with db.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM evidence")).scalar_one() == 0


def test_an_encoded_link_is_fine(cli: Cli) -> None:
    cli("ingest", str(SEED))
    url = "https://www.reuters.com/search?q=%22Korea%20Utara%22&lang=id"
    run = cli("evidence", "add", "1", url, "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["url"] == url


def test_the_organization_url_follows_the_rule(cli: Cli) -> None:
    cli("ingest", str(SEED))
    assert cli("verify", "1", "-e", REUTERS).exit_code == 0
    for org_url in ("javascript:alert(1)", 'https://cek.example.id/"><script>'):
        run = cli("export", "claimreview", "--org-name", "Cek", "--org-url", org_url)
        assert run.exit_code == 1
        [error] = run.stderr.splitlines()
        assert error.startswith("Error: the organization's URL (--org-url")
        assert run.stdout == ""


def test_an_imported_check_with_a_hostile_link_is_skipped(cli: Cli, tmp_path: Path) -> None:
    archive = tmp_path / "checks.jsonl"
    rows = [
        {"text": "Korea Utara mengirim 10.000 tentara ke Rusia", "rating": "Benar", "url": REUTERS},
        {
            "text": "Rusia menghadapi tekanan besar dari negara-negara Barat",
            "rating": "Salah",
            "url": HOSTILE_URLS["quote-script"],
        },
    ]
    archive.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    run = cli("import", "claims", str(archive), "--json")
    assert run.exit_code == 1
    [error] = _error_lines(run.stderr)
    assert "line 2: evidence URL" in error and "unescaped '\"'" in error
    assert run.json()["imported"] == 1


def test_an_article_url_follows_the_rule(cli: Cli, db: Database) -> None:
    run = cli("ingest", str(SEED), "--url", "javascript:alert(document.cookie)")
    assert run.exit_code == 1
    assert "the article URL (--url)" in run.stderr
    assert _articles(db) == 0


def test_the_url_rule_itself() -> None:
    assert check_url("  https://www.bbc.com/news/world-asia-123  ") == (
        "https://www.bbc.com/news/world-asia-123"
    )
    assert url_problem("http://192.168.1.10/report.pdf") is None
    assert url_problem("https://[2001:db8::1]/x") is None
    assert url_problem("https://kompas.com/baca/berita-ª") is None  # an IRI's letters
    for url in HOSTILE_URLS.values():
        assert url_problem(url) is not None, url
