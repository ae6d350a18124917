"""Hostile import files: one bad row is one `Error:` line, never a traceback, and the rows
around it still go in, with the same rules on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from tests.conftest import Cli
from tests.import_golden import GOLDEN

# Real checks (the golden archive's first rows), to put the bad lines between.
GOOD = [
    json.loads(line)
    for line in (GOLDEN / "archive.jsonl").read_text(encoding="utf-8").splitlines()
    if line.startswith('{"text"')
][:4]


def _errors(stderr: str) -> list[str]:
    assert "Traceback" not in stderr
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


def _count(db_url: str, table: str) -> int:
    engine = sa.create_engine(db_url, poolclass=sa.NullPool)
    try:
        with engine.connect() as connection:
            return int(connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()


def test_bad_jsonl_lines_are_skipped_one_line_each(cli: Cli, db_url: str, tmp_path: Path) -> None:
    row = GOOD[0]
    lines = [
        json.dumps(GOOD[0]),
        '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",  # nested 100k deep
        '{"text": "Angka besar", "external_id": ' + "9" * 5_000 + "}",  # 5,000 digits
        json.dumps({**row, "external_id": "x1", "speaker": "S" * 301}),  # over the column
        json.dumps({"text": ["list", {"a": 1}]}),  # not text
        json.dumps({"text": "Klaim. " * 1_000, "external_id": "x2"}),  # 7,000 characters
        json.dumps({"text": "x" * 1_100_000}),  # a line over 1 MiB
        json.dumps({**row, "external_id": "x3", "rating": "R" * 101}),  # a label over 100
        json.dumps({**row, "external_id": "x4", "url": "javascript:alert(1)"}),
        json.dumps({**row, "external_id": "x5", "language": "klingon"}),
        json.dumps(GOOD[1]),
        json.dumps({**GOOD[2], "speaker": "Ayu\x00 Lestari"}),  # NUL: dropped, on both engines
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = cli("import", "claims", str(path), "--json")
    assert run.exit_code == 1
    errors = _errors(run.stderr)
    assert [e.split(":")[2].strip() for e in errors] == [f"line {n}" for n in range(2, 11)]
    wanted = [
        "nested too deeply",
        "digits",
        "speaker is longer than 300 characters",
        "text must be text, not a list",
        "a claim is at most 5,000",
        "longer than 1024 KiB",
        "rating is longer than 100 characters",
        "http or https",
        "unknown language 'klingon'",
    ]
    assert all(w in e for w, e in zip(wanted, errors, strict=True)), errors
    report = run.json()
    assert (report["imported"], report["skipped_rows"]) == (3, 9)
    claims = cli("claims", "list", "--archive", "--json", "-n", "0").json()
    assert sorted(c["speaker"] or "" for c in claims) == ["", "", "Ayu Lestari"]
    assert all("\x00" not in c["text"] for c in claims)


def test_a_stray_quote_in_a_csv_is_found_and_the_rows_after_it_still_go_in(
    cli: Cli, tmp_path: Path
) -> None:
    lines = (GOLDEN / "archive.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:9]
    # Line 4 opens a quote it never closes (its text field was not quoted): it would
    # swallow every row after it.
    assert rows[0].startswith("csv-0,Merdeka.com")
    broken = rows[0].replace(",", ',"', 1)
    path = tmp_path / "stray.csv"
    path.write_text("\n".join([header, *rows[1:3], broken, *rows[3:]]) + "\n", encoding="utf-8")
    run = cli("import", "claims", str(path), "--json")
    assert run.exit_code == 1
    [error] = _errors(run.stderr)
    # It ran on to the next quote, on line 5; the lines from there are read again as rows.
    assert "line 4: a stray quote" in error and "over line 5," in error
    assert run.json()["imported"] == 7  # all the rows but the broken one


def test_a_csv_field_over_128_kib_is_one_bad_row(cli: Cli, tmp_path: Path) -> None:
    lines = (GOLDEN / "archive.csv").read_text(encoding="utf-8").splitlines()
    big = "csv-big," + "y" * 140_000 + ",Salah,https://www.antaranews.com/x,,,"
    path = tmp_path / "big.csv"
    path.write_text("\n".join([lines[0], lines[1], big, lines[2]]) + "\n", encoding="utf-8")
    run = cli("import", "claims", str(path), "--json")
    [error] = _errors(run.stderr)
    assert "line 3:" in error
    assert run.json()["imported"] == 2


def _feed(tmp_path: Path, graph: list[Any], author: str = "Snopes") -> Path:
    for item in graph:
        item["author"] = {"@type": "Organization", "name": author}
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"@context": "https://schema.org", "@graph": graph}))
    return path


def _reviews() -> list[dict[str, Any]]:
    feed = json.loads((GOLDEN / "feed.json").read_text(encoding="utf-8"))
    return [r for r in feed["@graph"] if "claimReviewed" in r][:3]


def test_a_claimreview_nested_too_deep_is_skipped(cli: Cli, tmp_path: Path) -> None:
    reviews = _reviews()
    deep = {**reviews[0], "url": "https://www.snopes.com/deep/", "itemReviewed": None}
    path = _feed(tmp_path, [reviews[0], deep, reviews[1]])
    text = path.read_text().replace('"itemReviewed": null', '"x": ' + "[" * 100_000 + "]" * 100_000)
    path.write_text(text)
    run = cli("import", "claimreview", str(path), "--json")
    [error] = _errors(run.stderr)
    assert "review 2: nested more than" in error
    assert run.json()["imported"] == 2


def test_json_breaking_off_keeps_the_reviews_before_it(cli: Cli, tmp_path: Path) -> None:
    feed = json.loads((GOLDEN / "feed.json").read_text(encoding="utf-8"))
    reviews = [r for r in feed["@graph"] if "claimReviewed" in r]
    # Enough reviews before the break to fill the parser's first reads (it parses ahead).
    before = [
        {**r, "url": f"{r['url']}{copy}", "identifier": f"{n}-{copy}"}
        for copy in range(4)
        for n, r in enumerate(reviews)
    ]
    path = _feed(tmp_path, [*before, {**reviews[0], "x": 1234}])
    path.write_text(path.read_text().replace("1234", "9" * 5_000))
    run = cli("import", "claimreview", str(path), "--json")
    [error] = _errors(run.stderr)
    assert "the JSON breaks off" in error and "integer overflow" in error
    assert 20 <= run.json()["imported"] <= len(before)


def test_a_publisher_name_too_long_is_one_line(cli: Cli, db_url: str, tmp_path: Path) -> None:
    path = _feed(tmp_path, _reviews(), author="A" * 201)
    run = cli("import", "claimreview", str(path))
    assert run.exit_code == 1
    [error] = _errors(run.stderr)
    assert "source's name must be 1 to 200 characters" in error and "--source" in error
    assert _count(db_url, "claim") == 0
    assert cli("import", "claimreview", str(path), "--source", "Snopes").exit_code == 0


def test_a_settings_file_with_a_huge_number_is_one_line(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "desk.toml"
    config.write_text("[matching]\nsuggest = " + "9" * 5_000 + "\n")
    run = cli("--config", str(config), "import", "claims", str(GOLDEN / "archive.csv"))
    assert run.exit_code == 1
    [error] = _errors(run.stderr)
    assert str(config) in error
