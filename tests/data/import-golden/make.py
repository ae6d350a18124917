"""Builds this folder: real import files, and what claimcheck's per-row import stored for them.

The expected rows (``expected.json``) were written by the per-row ORM import that the bulk
import replaced (commit d922df5), on SQLite and on PostgreSQL; tests/test_import_bulk.py
holds every later import to them. Regenerate ``expected.json`` only for a deliberate change of
what import stores, and say so in the commit.

    .venv/bin/python tests/data/import-golden/make.py inputs     # from ../shared/data
    .venv/bin/python tests/data/import-golden/make.py backup     # a desk's backup
    bash scripts/with-postgres .venv/bin/python tests/data/import-golden/make.py expected
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared" / "data"
if not SHARED.exists():
    SHARED = ROOT.parents[1] / "shared" / "data"


def _sentences(text: str) -> list[str]:
    first = text.split("\n\n")
    found = []
    for paragraph in first:
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", paragraph):
            if 80 <= len(sentence) <= 260 and sentence.endswith("."):
                found.append(sentence.strip())
    return found


def inputs() -> None:
    snopes = [json.loads(line) for line in (SHARED / "checkthat" / "vclaims.jsonl").open()]
    articles = [json.loads(line) for line in (SHARED / "indosum" / "articles.jsonl").open()]
    picked_en = snopes[::400][:36]
    picked_id = []
    for article in articles[::70]:
        found = _sentences(article["text"])
        if found:
            picked_id.append((article, found[0]))
    picked_id = picked_id[:40]
    ratings_id = ["Salah", "Benar", None, "Hoaks", "Menyesatkan", None, "Sebagian Benar"]
    ratings_en = ["False", None, "Mostly True", "Mixture", "Pants on Fire", None]

    # JSONL: English Snopes checks (text, headline and subtitle as context, date), then
    # Indonesian sentences of IndoSum news with verdicts; bad rows in between.
    lines: list[str] = []
    for n, record in enumerate(picked_en):
        rating = ratings_en[n % len(ratings_en)]
        slug = record["vclaim_id"].removeprefix("vclaim-sno-")
        row = {
            "text": record["vclaim"],
            "external_id": record["vclaim_id"],
            "title": record.get("title"),
            "subtitle": record.get("subtitle"),
            "date": record.get("date"),
        }
        if rating:
            row |= {"rating": rating, "url": f"https://www.snopes.com/fact-check/{slug}/"}
        lines.append(json.dumps(row, ensure_ascii=False))
    for n, (article, sentence) in enumerate(picked_id[:24]):
        rating = ratings_id[n % len(ratings_id)]
        row = {
            "text": sentence,
            "external_id": article["id"],
            "date": f"2017-0{n % 9 + 1}-1{n % 10}",
        }
        if rating:
            row |= {"rating": rating, "url": article["source_url"]}
        if n % 4 == 0:
            row["speaker"] = article["source"]
        lines.append(json.dumps(row, ensure_ascii=False))
    lines.insert(5, json.dumps({"rating": "False", "url": "https://www.snopes.com/x"}))
    lines.insert(9, "{not json")
    lines.insert(12, json.dumps({"text": "Vaksin mengandung microchip.", "rating": "Salah"}))
    lines.insert(15, "")
    lines.append(lines[0])  # the same check twice: stored once
    (HERE / "archive.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    # CSV: more Indonesian checks, imported on top of the JSONL (a second source).
    with (HERE / "archive.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["external_id", "text", "rating", "url", "date", "speaker", "title"])
        for n, (article, sentence) in enumerate(picked_id[24:]):
            rating = ratings_id[(n + 3) % len(ratings_id)]
            writer.writerow(
                [
                    f"csv-{n}",
                    sentence,
                    rating or "",
                    article["source_url"] if rating else "",
                    f"1{n % 9 + 1}/0{n % 9 + 1}/2017",
                    article["source"] if n % 3 == 0 else "",
                    article["category"] if n % 2 else "",
                ]
            )
        writer.writerow(["csv-bad", "", "Salah", "https://www.antaranews.com/", "", "", ""])

    # ClaimReview: more Snopes checks, as a publisher's feed.
    graph = []
    for n, record in enumerate(snopes[200::500][:20]):
        slug = record["vclaim_id"].removeprefix("vclaim-sno-")
        label, value = [("False", 1), ("True", 5), ("Mixture", 3), ("Unfounded", 1)][n % 4]
        graph.append(
            {
                "@type": "ClaimReview",
                "url": f"https://www.snopes.com/fact-check/{slug}/",
                "claimReviewed": record["vclaim"],
                "datePublished": f"2021-03-{n + 1:02d}",
                "author": {"@type": "Organization", "name": "Snopes"},
                "reviewRating": {
                    "@type": "Rating",
                    "alternateName": label,
                    "ratingValue": value,
                    "bestRating": 5,
                    "worstRating": 1,
                },
                "itemReviewed": {
                    "@type": "Claim",
                    "author": {"@type": "Person", "name": record.get("author") or "Facebook"},
                },
            }
        )
    graph.insert(3, {"@type": "ClaimReview", "url": "https://www.snopes.com/y"})
    feed = {"@context": "https://schema.org", "@graph": graph}
    (HERE / "feed.json").write_text(json.dumps(feed, ensure_ascii=False, indent=1) + "\n")


def backup() -> None:
    """A desk's backup: the three test articles ingested, verdicts with evidence and
    ratings, a group; written by `claimcheck export jsonl`."""
    from tests.conftest import DATA, ENGLISH, SEED, invoke

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/desk.db"
        env = {"CLAIMCHECK_REVIEWER": "Ayu Lestari"}
        for path, link in (
            (SEED, "https://www.inews.id/news/internasional/4-negara-sahabat-rusia-di-asia"),
            (DATA / "kabardunia-dukungan-korut-iran.txt", None),
            (ENGLISH, "https://www.juancole.com/fallujah"),
        ):
            invoke("--db", url, "ingest", str(path), *(["--url", link] if link else []))
        reuters = "https://www.reuters.com/world/asia-pacific/north-korea-troops-russia-2024-10-18/"
        for args in (
            ("verify", "3", "-e", reuters, "--rating", "Benar", "--group"),
            ("dispute", "5", "-e", "https://www.bbc.com/news/articles/c4gx1dn1x4do"),
            ("mark", "7", "dismissed", "--note", "opinion"),
            (
                "evidence",
                "add",
                "9",
                "https://apnews.com/article/korea-russia",
                "--stance",
                "context",
            ),
        ):
            run = invoke("--db", url, *args, env=env)
            assert run.exit_code == 0, run.stderr
        run = invoke("--db", url, "export", "jsonl", "-o", str(HERE / "backup.jsonl"))
        assert run.exit_code == 0, run.stderr


def expected() -> None:
    from tests.import_golden import dump, run_imports

    pg_url = os.environ.get("CLAIMCHECK_TEST_PG_URL")
    if not pg_url:
        raise SystemExit(
            "run under scripts/with-postgres: the expected rows come from both engines"
        )
    import sqlalchemy as sa

    results = {}
    with tempfile.TemporaryDirectory() as folder:
        urls = {"sqlite": f"sqlite:///{folder}/golden.db"}
        admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.exec_driver_sql("DROP DATABASE IF EXISTS golden")
            connection.exec_driver_sql("CREATE DATABASE golden")
        urls["postgresql"] = str(
            sa.engine.make_url(pg_url).set(database="golden").render_as_string(hide_password=False)
        )
        for engine, url in urls.items():
            restored = urls[engine].replace("golden", "golden_restore")
            if engine == "sqlite":
                restored = f"sqlite:///{folder}/restore.db"
            else:
                with admin.connect() as connection:
                    connection.exec_driver_sql("DROP DATABASE IF EXISTS golden_restore")
                    connection.exec_driver_sql("CREATE DATABASE golden_restore")
            outputs = run_imports(url, restored)
            results[engine] = {
                "outputs": outputs,
                "imported": dump(url),
                "restored": dump(restored, clock=True),
            }
        admin.dispose()
    (HERE / "expected.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    {"inputs": inputs, "backup": backup, "expected": expected}[sys.argv[1]]()
