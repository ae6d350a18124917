"""`claimcheck ingest`, `split`, `articles` and `claims list` on a real SQLite file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

from claimcheck.storage import Database
from tests.conftest import ENGLISH, SEED


def _count(db: Database, table: str) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_ingest_json_shape(cli: Any) -> None:
    run = cli("ingest", str(SEED), "--json")
    assert run.exit_code == 0, run.stderr
    [item] = run.json()
    assert set(item) >= {"article_id", "title", "sentences", "claims", "already_present"}
    assert item["already_present"] is False
    assert item["title"].startswith("4 Negara Sahabat Rusia di Asia")
    assert item["sentences"] == 25  # title, caption, 3 headings, 20 body sentences
    assert item["claims"] == 26


def test_reingest_creates_nothing_and_names_the_article(
    cli: Any, db: Database, tmp_path: Path
) -> None:
    first = cli("ingest", str(SEED), "--json").json()[0]
    counts = {t: _count(db, t) for t in ("article", "sentence", "claim")}
    # The same article saved with Windows line endings and trailing spaces is the same text.
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED.read_text(encoding="utf-8").replace("\n", "  \r\n").encode("utf-8"))
    again = cli("ingest", str(SEED), str(copy), "--json").json()
    assert [a["already_present"] for a in again] == [True, True]
    assert {a["article_id"] for a in again} == {first["article_id"]}
    assert {t: _count(db, t) for t in counts} == counts
    table = cli("ingest", str(SEED))
    assert f"already stored as article #{first['article_id']}" in table.stdout


def test_ingest_stdin_and_options(cli: Any) -> None:
    run = cli(
        "ingest",
        "-",
        "--url",
        "https://www.inews.id/news/internasional/4-negara",
        "--published",
        "2025-02-24",
        "--outlet",
        "iNews",
        "--json",
        input=SEED.read_text(encoding="utf-8"),
    )
    assert run.exit_code == 0, run.stderr
    article = cli("articles", "show", str(run.json()[0]["article_id"]), "--json").json()
    assert article["url"] == "https://www.inews.id/news/internasional/4-negara"
    assert article["published_at"] == "2025-02-24"
    assert article["outlet"] == "iNews"  # the flag wins over the dateline's "iNews.id"


def test_bad_published_date_is_refused(cli: Any, db: Database) -> None:
    run = cli("ingest", str(SEED), "--published", "yesterday-ish")
    assert run.exit_code == 1
    assert "is not a date" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert _count(db, "article") == 0


def test_batch_with_bad_files_ingests_the_good_ones(cli: Any, db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-seed.txt").write_bytes(SEED.read_bytes())
    (folder / "b-empty.txt").write_text("   \n\n", encoding="utf-8")
    (folder / "c-photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (folder / "d-english.txt").write_bytes(ENGLISH.read_bytes())
    run = cli("ingest", str(folder), str(tmp_path / "missing.txt"), "--json")
    assert run.exit_code == 1
    assert [a["title"][:10] for a in run.json()] == ["4 Negara S", "US Marines"]
    errors = [line for line in run.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 3
    assert any("b-empty.txt" in e and "empty" in e for e in errors)
    assert any("c-photo.txt" in e and "PNG image, not an article" in e for e in errors)
    assert any("missing.txt" in e and "no such file" in e for e in errors)
    assert "3 of 5 inputs failed" in run.stderr
    assert _count(db, "article") == 2


def test_latin1_file_is_decoded(cli: Any, tmp_path: Path) -> None:
    text = ENGLISH.read_text(encoding="utf-8").replace("Shaikh", "Shaïkh")
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    run = cli("ingest", str(path), "--json")
    assert run.exit_code == 0, run.stderr
    article = cli("articles", "show", str(run.json()[0]["article_id"]), "--json").json()
    assert any("Shaïkh Abdul Wahhab" in s["text"] for s in article["sentences"])


def test_html_page_is_extracted(cli: Any, tmp_path: Path) -> None:
    paragraphs = [p for p in ENGLISH.read_text(encoding="utf-8").split("\n\n")[2:7]]
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>US Marines move into most of Fallujah</title>"
        "<script>window.tracker = 'do-not-store-me';</script><style>p{color:red}</style></head>"
        "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>US Marines move into most of Fallujah</h1>{body}</article>"
        "<!-- comment: do-not-store-me --><iframe src='https://ads.example.com'></iframe>"
        "<footer>Copyright 2004 Informed Comment</footer></body></html>",
        encoding="utf-8",
    )
    run = cli("ingest", str(page), "--json")
    assert run.exit_code == 0, run.stderr
    article = cli("articles", "show", str(run.json()[0]["article_id"]), "--json").json()
    assert article["title"] == "US Marines move into most of Fallujah"
    assert article["language"] == "en"
    texts = " ".join(s["text"] for s in article["sentences"])
    assert "Guerrillas threatened to assassinate Prime Minister Iyad Allawi" in texts
    assert "do-not-store-me" not in texts
    assert "color:red" not in texts


def test_articles_show_json_shape(seed_article: dict[str, Any]) -> None:
    assert set(seed_article) >= {
        "id",
        "title",
        "author",
        "outlet",
        "dateline",
        "editor",
        "language",
        "url",
        "published_at",
        "sentences",
    }
    sentence = seed_article["sentences"][1]
    assert set(sentence) >= {"id", "position", "role", "text", "start", "end", "claims"}
    assert set(sentence["claims"][0]) >= {"id", "position", "text", "status", "speaker", "hedged"}


def test_split_prints_what_ingest_would_store_without_a_database(
    cli: Any, seed_article: dict[str, Any], tmp_path: Path
) -> None:
    nowhere = tmp_path / "never-created.db"
    run = cli("split", str(SEED), "--json", env={"CLAIMCHECK_DB": f"sqlite:///{nowhere}"})
    assert run.exit_code == 0, run.stderr
    assert not nowhere.exists()
    split = run.json()

    def strip_ids(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: strip_ids(v)
                for k, v in value.items()
                if k not in ("id", "source", "ingested_at")
            }
        if isinstance(value, list):
            return [strip_ids(v) for v in value]
        return value

    assert "id" not in split and "id" not in split["sentences"][0]
    assert strip_ids(split) == strip_ids(seed_article)


def test_split_plain_has_no_title_or_furniture_detection(cli: Any) -> None:
    run = cli(
        "split",
        "--plain",
        "--json",
        "-",
        input="Korea Utara mengirim pasukan ke Rusia. Iran disebut memasok drone kamikaze.\n",
    )
    assert run.exit_code == 0, run.stderr
    data = run.json()
    assert data["title"] is None
    assert [s["role"] for s in data["sentences"]] == ["body", "body"]
    assert [c["hedged"] for s in data["sentences"] for c in s["claims"]] == [False, True]


def test_split_table_for_people(cli: Any) -> None:
    run = cli("split", str(ENGLISH))
    assert run.exit_code == 0, run.stderr
    assert "US Marines move into most of Fallujah" in run.stdout
    assert "author: Juan Cole" in run.stdout
    assert "speaker: Muqtada al-Sadr" in run.stdout


def test_unknown_language_is_refused(cli: Any) -> None:
    run = cli("split", str(SEED), "--lang", "xx")
    assert run.exit_code == 1
    assert "unknown language 'xx'" in run.stderr


def test_lists_filter_and_limit(cli: Any) -> None:
    cli("ingest", str(SEED), str(ENGLISH))
    articles = cli("articles", "list", "--json").json()
    assert [a["title"][:10] for a in articles] == ["US Marines", "4 Negara S"]
    assert articles[1]["claims"] == 26 and articles[1]["pending"] == 26
    claims = cli(
        "claims", "list", "--article", str(articles[0]["id"]), "--limit", "0", "--json"
    ).json()
    assert claims and {c["article_id"] for c in claims} == {articles[0]["id"]}
    assert len(cli("claims", "list", "--limit", "5", "--json").json()) == 5
    table = cli("claims", "list", "--limit", "5")
    assert "showing 5 of" in table.stdout
    upper = cli("claims", "list", "--status", "PENDING", "--limit", "5")
    assert f"showing 5 of {26 + len(claims)}" in upper.stdout  # the seed's and the English
    assert cli("claims", "list", "--status", "verified", "--json").json() == []
    assert cli("claims", "list", "--status", "verified").stdout.strip() == "no claims match"
    bad = cli("claims", "list", "--status", "true-ish")
    assert bad.exit_code == 1 and "unknown status 'true-ish'" in bad.stderr
    missing = cli("claims", "list", "--article", "999")
    assert missing.exit_code == 1 and "no article #999" in missing.stderr


def test_url_is_for_one_article_only(cli: Any, db: Database) -> None:
    run = cli("ingest", str(SEED), str(ENGLISH), "--url", "https://www.inews.id/x")
    assert run.exit_code == 1
    assert "--url names one article" in run.stderr
    assert _count(db, "article") == 0


def test_db_path_and_upgrade_with_a_bare_file_path(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "desk" / "work.db"
    shown = cli("--db", str(target), "db", "path")
    assert shown.stdout.strip() == str(target)
    # A folder that is not there is a mistyped path, not one to make (test_reviewer_day).
    target.parent.mkdir()
    upgraded = cli("--db", str(target), "db", "upgrade")
    assert upgraded.exit_code == 0
    assert upgraded.stderr == f"created a new database: {target}\n"
    assert target.exists()
    assert cli("--db", str(target), "ingest", str(SEED)).exit_code == 0
    assert cli("--db", str(target), "articles", "list", "--json").json()[0]["claims"] == 26
