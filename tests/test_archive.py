"""The archive of past checks (`import claims`) and `search`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimcheck.storage import Database
from tests.conftest import SEED, Cli

# Real claims from the CheckThat! 2022 archive (Snopes), and Indonesian checks written in the
# way Indonesian fact-checkers publish them.
ROWS: list[dict[str, Any]] = [
    {
        "text": "Korea Utara secara resmi mengakui telah mengirim pasukan untuk membantu Rusia "
        "dalam perang melawan Ukraina.",
        "rating": "Benar",
        "url": "https://cekfakta.example.id/korut-akui-kirim-pasukan",
        "date": "2024-12-02",
        "external_id": "cek-0412",
        "title": "Korut akui kirim pasukan ke Rusia",
    },
    {
        "text": "China mengirim ribuan tentara untuk membantu Rusia di Ukraina.",
        "rating": "Salah",
        "url": "https://cekfakta.example.id/china-tentara",
        "date": "2024-11-20",
        "external_id": "cek-0388",
        "speaker": "akun Facebook",
    },
    {
        "text": "McDonald’s restaurants are offering $1 Any Size Fries between May 18 and 31.",
        "external_id": "vclaim-sno-1-mcdonald39s-any-size-fries",
        "date": "26 May 2015",
        "title": "$1 McDonald's Any Size Fries",
    },
    {"rating": "False", "url": "https://www.snopes.com/x"},
    {"text": "Vaccines contain microchips.", "rating": "False"},
]


def _archive(tmp_path: Path, rows: list[dict[str, Any]]) -> Path:
    path = tmp_path / "cekfakta.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
    )
    return path


def test_import_keeps_verdicts_and_reports_bad_rows(cli: Cli, db: Database, tmp_path: Path) -> None:
    path = _archive(tmp_path, ROWS)
    run = cli("import", "claims", str(path), "--json")
    assert run.exit_code == 1
    assert run.json()["imported"] == 3
    errors = [line for line in run.stderr.splitlines() if line.startswith("Error:")]
    assert any("line 4: no claim text" in e for e in errors)
    assert any("line 5: a disputed claim needs the check's url" in e for e in errors)
    assert cli("claims", "list", "--json").json() == []  # news claims only by default
    assert cli("articles", "list", "--json").json() == []
    claims = cli("claims", "list", "--archive", "--limit", "0", "--json").json()
    assert len(claims) == 3
    korut = next(c for c in claims if c["text"].startswith("Korea Utara"))
    shown = cli("claims", "show", str(korut["id"]), "--json").json()
    assert (shown["status"], shown["external_id"]) == ("verified", "cek-0412")
    assert [(e["stance"], e["note"]) for e in shown["evidence"]] == [("supports", "rating: Benar")]
    assert [(h["kind"], h["actor"]) for h in shown["history"]] == [
        ("evidence", "import:cekfakta"),
        ("status", "import:cekfakta"),
    ]
    china = next(c for c in claims if c["text"].startswith("China mengirim"))
    assert (china["status"], china["speaker"]) == ("disputed", "akun Facebook")
    fries = next(c for c in claims if "Fries" in c["text"])
    assert fries["status"] == "pending"
    again = cli("import", "claims", str(_archive(tmp_path, ROWS[:3])), "--json").json()
    assert (again["imported"], again["already_present"]) == (0, 3)


def test_new_articles_are_matched_against_the_archive(cli: Cli, tmp_path: Path) -> None:
    cli("import", "claims", str(_archive(tmp_path, ROWS[:3])))
    ingested = cli("ingest", str(SEED), "--json").json()[0]
    assert ingested["linked"] >= 1
    claims = cli(
        "claims", "list", "--article", str(ingested["article_id"]), "--limit", "0", "--json"
    ).json()
    admits = next(c for c in claims if c["text"].startswith("Korea Utara telah mengirim pasukan"))
    shown = cli("claims", "show", str(admits["id"])).stdout
    assert "same claim as #1 verified" in shown and "by import:cekfakta" in shown


def test_search_ranks_claims_with_scores(cli: Cli, tmp_path: Path) -> None:
    cli("import", "claims", str(_archive(tmp_path, ROWS[:3])))
    cli("ingest", str(SEED))
    hits = cli("search", "Korea Utara kirim pasukan bantu Rusia", "--json").json()
    assert hits and "Korea Utara" in hits[0]["text"] and "pasukan" in hits[0]["text"]
    assert all(0 <= h["score"] <= 100 for h in hits)
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    verified = cli("search", "Korea Utara pasukan Rusia", "--status", "verified", "--json").json()
    assert [h["external_id"] for h in verified] == ["cek-0412"]
    assert "cek-0412" in cli("search", "Korea Utara pasukan Rusia").stdout
    fries = cli("search", "one dollar fries at McDonald's", "--limit", "1", "--json").json()
    assert fries[0]["external_id"] == "vclaim-sno-1-mcdonald39s-any-size-fries"


def test_search_from_file_writes_jsonl(cli: Cli, tmp_path: Path) -> None:
    cli("import", "claims", str(_archive(tmp_path, ROWS[:3])))
    queries = tmp_path / "queries.tsv"
    queries.write_text(
        "q1\tChina kirim tentara bantu Rusia\nq2\tfries McDonald's May\n", encoding="utf-8"
    )
    run = cli("search", "--from-file", str(queries), "--limit", "2")
    assert run.exit_code == 0, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [line["query_id"] for line in lines] == ["q1", "q2"]
    assert lines[0]["results"][0]["external_id"] == "cek-0388"
    assert set(lines[0]["results"][0]) == {"claim_id", "external_id", "score", "text", "status"}
    assert cli("search").exit_code == 1
    assert cli("search", "   ").exit_code == 1
