"""Work leaving the tool and coming back: ClaimReview JSON-LD out and in, JSONL backups."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tests.conftest import DATA, ENGLISH, SEED, Cli, PostgresServer, invoke

OTHER = DATA / "kabardunia-dukungan-korut-iran.txt"
SEED_URL = "https://www.inews.id/news/internasional/4-negara-sahabat-rusia-di-asia"
OTHER_URL = "https://kabardunia.example/rusia-dukungan-korut-iran"
ENGLISH_URL = "https://www.example.com/world/fallujah"
REUTERS = "https://www.reuters.com/world/asia-pacific/north-korea-troops-russia-2024-10-18/"
BBC = "https://www.bbc.com/news/articles/c4gx1dn1x4do"
DESK = """
[organization]
name = "Cek Fakta Desk"
url = "https://cekfakta.example.id"
review_url = "https://cekfakta.example.id/cek/{id}"
"""


def _claims(cli: Cli, *args: str) -> list[dict[str, Any]]:
    run = cli("claims", "list", "--limit", "0", "--json", *args)
    assert run.exit_code == 0, run.stderr
    return run.json()  # type: ignore[no-any-return]


def _find(claims: list[dict[str, Any]], words: str) -> int:
    return next(int(c["id"]) for c in claims if words in c["text"])


@pytest.fixture
def desk(cli: Cli, tmp_path: Path) -> dict[str, Any]:
    """Two Indonesian articles sharing claims and an English one, with verdicts."""
    config = tmp_path / "desk.toml"
    config.write_text(DESK, encoding="utf-8")
    for path, url in ((SEED, SEED_URL), (OTHER, OTHER_URL), (ENGLISH, ENGLISH_URL)):
        assert cli("ingest", str(path), "--url", url).exit_code == 0
    seed = _claims(cli, "--article", "1")
    english = _claims(cli, "--article", "3")
    ids = {
        "troops": _find(seed, "telah mengirim pasukan untuk membantu Rusia"),
        "xi": next(c["id"] for c in seed if c["speaker"] == "Xi Jinping"),
        "ally": _find(seed, "Rusia tetap memiliki sekutu kuat di Asia"),
        "four": _find(seed, "Empat negara itu adalah"),
        "english": english[1]["id"],
    }
    runs = [
        cli("verify", str(ids["troops"]), "-e", REUTERS, "--rating", "Benar", "--group"),
        cli("dispute", str(ids["xi"]), "-e", BBC, "--rating", "Menyesatkan"),
        cli("dispute", str(ids["ally"]), "-e", BBC),  # no rating: the plainest, Salah
        cli("mark", str(ids["four"]), "unverifiable"),  # no rating: not published
        cli("dispute", str(ids["english"]), "-e", BBC, "--rating", "Menyesatkan"),
    ]
    assert all(r.exit_code == 0 for r in runs), [r.stderr for r in runs]
    return {"config": config, **ids}


# ------------------------------------------------------------------------------ ClaimReview


def test_claimreview_needs_the_publishing_organization(cli: Cli, desk: dict[str, Any]) -> None:
    run = cli("export", "claimreview")
    assert run.exit_code == 1
    assert "give --org-name and --org-url" in run.stderr and run.stdout == ""
    # It says which settings file to put them in: the user's, or the one given.
    assert "[organization] in " in run.stderr and "claimcheck/config.toml" in run.stderr
    empty = desk["config"].with_name("empty.toml")
    empty.write_text('rating_language = "id"\n', encoding="utf-8")
    named = cli("--config", str(empty), "export", "claimreview")
    assert named.exit_code == 1 and f"[organization] in {empty}" in named.stderr
    given = cli("export", "claimreview", "--org-name", "Cek Fakta", "--org-url", "https://x.id")
    assert given.exit_code == 0, given.stderr


def test_claimreview_export_has_the_fields_publishers_need(cli: Cli, desk: dict[str, Any]) -> None:
    run = cli("--config", str(desk["config"]), "export", "claimreview")
    assert run.exit_code == 0, run.stderr
    document = json.loads(run.stdout)
    assert document["@context"] == "https://schema.org"
    reviews = {r["identifier"]: r for r in document["@graph"]}
    other_troops = _find(_claims(cli, "--article", "2"), "Korea Utara telah mengirim pasukan")
    expected = {desk["troops"], other_troops, desk["xi"], desk["ally"], desk["english"]}
    assert set(reviews) == {f"claimcheck:claim:{i}" for i in expected}  # not the unrated one
    for review in reviews.values():
        assert review["@type"] == "ClaimReview"
        assert review["author"] == {
            "@type": "Organization",
            "name": "Cek Fakta Desk",
            "url": "https://cekfakta.example.id",
        }
        assert review["url"].startswith("https://cekfakta.example.id/cek/")
        assert review["claimReviewed"] and review["datePublished"][:2] == "20"
        rating = review["reviewRating"]
        assert (rating["@type"], rating["bestRating"], rating["worstRating"]) == ("Rating", 1, 0)
        assert 0 <= rating["ratingValue"] <= 1
        assert review["itemReviewed"]["@type"] == "Claim"

    troops = reviews[f"claimcheck:claim:{desk['troops']}"]
    assert (
        troops["reviewRating"]["ratingValue"] == 1
        and troops["reviewRating"]["alternateName"] == "Benar"
    )
    urls = [a["url"] for a in troops["itemReviewed"]["appearance"]]
    assert urls == [SEED_URL, OTHER_URL]  # the article, then where the claim came back
    assert troops["itemReviewed"]["firstAppearance"]["url"] == SEED_URL

    xi = reviews[f"claimcheck:claim:{desk['xi']}"]
    assert xi["itemReviewed"]["author"] == {"@type": "Person", "name": "Xi Jinping"}
    assert (xi["reviewRating"]["alternateName"], xi["reviewRating"]["ratingValue"]) == (
        "Menyesatkan",
        0.25,
    )
    ally = reviews[f"claimcheck:claim:{desk['ally']}"]
    assert (ally["reviewRating"]["alternateName"], ally["reviewRating"]["ratingValue"]) == (
        "Salah",
        0.0,
    )
    english = reviews[f"claimcheck:claim:{desk['english']}"]
    assert english["inLanguage"] == "en"
    assert english["reviewRating"]["alternateName"] == "Misleading"  # the article's language

    long = [r for r in reviews.values() if len(r["claimReviewed"]) > 75]
    assert long  # the seed has long claims, and each is warned about
    for review in long:
        claim_id = review["identifier"].rsplit(":", 1)[1]
        assert f"Warning: claim #{claim_id}: claimReviewed is " in run.stderr


def test_claimreview_import_reproduces_the_verdicts(
    cli: Cli, desk: dict[str, Any], tmp_path: Path
) -> None:
    feed = tmp_path / "feed.json"
    config = ["--config", str(desk["config"])]
    assert cli(*config, "export", "claimreview", "-o", str(feed)).exit_code == 0
    published = json.loads(feed.read_text(encoding="utf-8"))["@graph"]
    shown = {
        c["id"]: c
        for c in (
            cli("claims", "show", r["identifier"].rsplit(":", 1)[1], "--json").json()
            for r in published
        )
    }

    other = f"sqlite:///{tmp_path / 'other-desk.db'}"
    run = invoke("--db", other, "import", "claimreview", str(feed))
    assert run.exit_code == 0, run.stderr
    assert "Cek Fakta Desk: 5 claims imported" in run.stdout
    imported = invoke("--db", other, "claims", "list", "--archive", "--limit", "0", "--json").json()
    # The published verdicts: each claim's status, speaker and rating (a verdict given
    # without a rating was published with the plainest one, "Salah"; the English label
    # "Misleading" is the scale's "Menyesatkan" again).
    canonical = {"Misleading": "Menyesatkan"}
    assert sorted((c["text"], c["status"], c["rating"], c["speaker"]) for c in imported) == sorted(
        (
            r["claimReviewed"],
            shown[int(r["identifier"].rsplit(":", 1)[1])]["status"],
            canonical.get(r["reviewRating"]["alternateName"], r["reviewRating"]["alternateName"]),
            shown[int(r["identifier"].rsplit(":", 1)[1])]["speaker"],
        )
        for r in published
    )
    assert {c["rating"] for c in imported} == {"Benar", "Menyesatkan", "Salah"}
    english = next(c for c in imported if c["text"].startswith("They were"))
    history = invoke("--db", other, "history", str(english["id"]), "--json").json()
    assert history[-1]["note"] == "rating: Misleading"  # the label as published, kept
    again = invoke("--db", other, "import", "claimreview", str(feed))
    assert "0 claims imported, 5 already there" in again.stdout


def test_claimreview_import_of_another_publishers_feed(cli: Cli, tmp_path: Path) -> None:
    feed = [
        {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": "https://www.politifact.com/factchecks/2024/oct/18/troops/",
            "claimReviewed": "North Korea sent 10,000 troops to Russia",
            "author": {"@type": "Organization", "name": "PolitiFact"},
            "datePublished": "2024-10-18",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A senator"}},
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": 6,
                "bestRating": 6,
                "worstRating": 1,
                "alternateName": "Mostly True",
            },
        },
        {
            "@type": "ClaimReview",
            "url": "https://www.politifact.com/factchecks/2024/oct/19/pants/",
            "claimReviewed": "Russia has no allies in Asia",
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": 1,
                "bestRating": 6,
                "worstRating": 1,
                "alternateName": "Pants on Fire!",
            },
        },
        {"@type": "ClaimReview", "url": "https://www.politifact.com/x/"},
    ]
    path = tmp_path / "politifact.json"
    path.write_text(json.dumps(feed), encoding="utf-8")
    run = cli("import", "claimreview", str(path))
    assert run.exit_code == 1  # one review was unusable ...
    assert f"Error: {path}: review 3: no claimReviewed" in run.stderr
    assert "PolitiFact: 2 claims imported" in run.stdout  # ... and the others went in
    imported = {c["text"]: c for c in _claims(cli, "--archive")}
    troops = imported["North Korea sent 10,000 troops to Russia"]
    assert (troops["status"], troops["rating"], troops["speaker"]) == (
        "verified",
        "Sebagian Benar",
        "A senator",
    )
    pants = imported["Russia has no allies in Asia"]
    # Not on the desk's scale: placed by its value, the publisher's label kept.
    assert (pants["status"], pants["rating"]) == ("disputed", "Pants on Fire!")

    for text, message in [("{", "not JSON"), ('{"@type": "WebPage"}', "no ClaimReview in it")]:
        path.write_text(text, encoding="utf-8")
        bad = cli("import", "claimreview", str(path))
        assert bad.exit_code == 1 and message in bad.stderr


# ------------------------------------------------------------------------------------ JSONL


def _export(url: str, path: Path) -> bytes:
    run = invoke("--db", url, "export", "jsonl", "-o", str(path))
    assert run.exit_code == 0, run.stderr
    return path.read_bytes()


def test_jsonl_round_trip_is_byte_identical(
    cli: Cli, desk: dict[str, Any], db_url: str, empty_db_url: str, tmp_path: Path
) -> None:
    first = _export(db_url, tmp_path / "first.jsonl")
    records = [json.loads(line) for line in first.decode("utf-8").splitlines()]
    assert records[0] == {"format": "claimcheck-backup", "version": 1}
    kinds = [r["type"] for r in records[1:]]
    assert kinds.count("article") == 3 and "match" in kinds and "group" in kinds
    seed = records[1]
    assert seed["raw_text"] == SEED.read_text(encoding="utf-8")
    ratings = [
        c["rating"] for s in seed["sentences"] for c in s["claims"] if c["rating"] is not None
    ]
    assert sorted(ratings) == ["Benar", "Menyesatkan"]  # the unrated verdicts stay unrated

    run = invoke("--db", empty_db_url, "import", "jsonl", str(tmp_path / "first.jsonl"))
    assert run.exit_code == 0, run.stderr
    assert _export(empty_db_url, tmp_path / "second.jsonl") == first

    # The restored database is a working one: its history, index and numbering carry on.
    shown = invoke("--db", empty_db_url, "claims", "show", str(desk["xi"]), "--json").json()
    assert (shown["status"], shown["rating"]) == ("disputed", "Menyesatkan")
    assert [e["to_status"] for e in shown["history"] if e["kind"] == "status"] == ["disputed"]
    hits = invoke("--db", empty_db_url, "search", "Korut kirim pasukan bantu Rusia", "--json")
    assert hits.exit_code == 0 and hits.json(), hits.stderr
    revised = tmp_path / "revised.txt"
    revised.write_text(SEED.read_text(encoding="utf-8").replace("Rusia", "Federasi Rusia", 3))
    added = invoke("--db", empty_db_url, "ingest", str(revised))
    assert added.exit_code == 0 and "article #4" in added.stdout, added.stderr
    with sa.create_engine(empty_db_url).connect() as connection:
        tokens = connection.execute(sa.text("SELECT COUNT(*) FROM claim_token")).scalar_one()
    assert tokens > 0


@pytest.mark.parametrize("engine_name", ["postgresql"])
def test_jsonl_moves_sqlite_to_postgresql_and_back(
    postgres: PostgresServer, tmp_path: Path, engine_name: str
) -> None:
    sqlite_a = f"sqlite:///{tmp_path / 'a.db'}"
    sqlite_b = f"sqlite:///{tmp_path / 'b.db'}"
    env = {"CLAIMCHECK_REVIEWER": "Ayu"}
    invoke("--db", sqlite_a, "ingest", str(SEED), "--url", SEED_URL)
    invoke("--db", sqlite_a, "ingest", str(OTHER), "--url", OTHER_URL)
    claims = invoke("--db", sqlite_a, "claims", "list", "-n", "0", "--json").json()
    troops = _find(claims, "telah mengirim pasukan untuk membantu Rusia")
    verdict = invoke(
        "--db",
        sqlite_a,
        "verify",
        str(troops),
        "-e",
        REUTERS,
        "--rating",
        "Benar",
        "--group",
        env=env,
    )
    assert verdict.exit_code == 0, verdict.stderr
    first = _export(sqlite_a, tmp_path / "a.jsonl")

    name = postgres.create()
    try:
        server = postgres.url_for(name)
        assert invoke("--db", server, "import", "jsonl", str(tmp_path / "a.jsonl")).exit_code == 0
        assert _export(server, tmp_path / "pg.jsonl") == first
        new = invoke("--db", server, "ingest", str(ENGLISH))
        assert new.exit_code == 0 and "article #3" in new.stdout  # numbering carries on
    finally:
        postgres.drop(name)
    assert invoke("--db", sqlite_b, "import", "jsonl", str(tmp_path / "pg.jsonl")).exit_code == 0
    assert _export(sqlite_b, tmp_path / "b.jsonl") == first


def test_jsonl_import_into_a_database_with_data_needs_merge(
    cli: Cli, desk: dict[str, Any], db_url: str, empty_db_url: str, tmp_path: Path
) -> None:
    backup = tmp_path / "desk.jsonl"
    _export(db_url, backup)
    # Another desk has the English article already, and one of its own.
    invoke("--db", empty_db_url, "ingest", str(ENGLISH), "--url", ENGLISH_URL)
    refused = invoke("--db", empty_db_url, "import", "jsonl", str(backup))
    assert refused.exit_code == 1
    assert "already holds articles" in refused.stderr and "--merge" in refused.stderr
    run = invoke("--db", empty_db_url, "import", "jsonl", str(backup), "--merge", "--json")
    assert run.exit_code == 0, run.stderr
    report = run.json()
    assert (report["articles"], report["skipped_articles"]) == (2, 1)
    # Five links in the backup; the English article's one is not merged, as the article
    # was already here.
    assert report["evidence"] == 4
    merged = invoke("--db", empty_db_url, "claims", "list", "-n", "0", "--json").json()
    assert len(merged) == len(_claims(cli))
    again = invoke("--db", empty_db_url, "import", "jsonl", str(backup), "--merge", "--json")
    assert (again.json()["articles"], again.json()["skipped_articles"]) == (0, 3)


def test_a_bad_backup_imports_nothing(
    cli: Cli, desk: dict[str, Any], db_url: str, empty_db_url: str, tmp_path: Path
) -> None:
    good = _export(db_url, tmp_path / "good.jsonl").decode("utf-8").splitlines()
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join([*good[:3], "{not json", *good[3:]]) + "\n", encoding="utf-8")
    run = invoke("--db", empty_db_url, "import", "jsonl", str(broken))
    assert run.exit_code == 1
    assert f"Error: {broken}: line 4: not JSON" in run.stderr
    assert invoke("--db", empty_db_url, "articles", "list", "--json").json() == []
    for text, message in [
        ("", "empty"),
        ('{"type": "article"}\n', "not a claimcheck backup"),
        ('{"format": "claimcheck-backup", "version": 9}\n', "version 9"),
        (good[0] + '\n{"type": "sofa"}\n', "unknown record type 'sofa'"),
        (good[0] + "\n" + good[1].replace('"kind":', '"mood":"calm","kind":') + "\n", "newer"),
    ]:
        broken.write_text(text, encoding="utf-8")
        bad = invoke("--db", empty_db_url, "import", "jsonl", str(broken))
        assert bad.exit_code == 1 and message in bad.stderr, (text[:40], bad.stderr)
        assert "Traceback" not in bad.stderr
    assert invoke("--db", empty_db_url, "articles", "list", "--json").json() == []


def test_merging_a_backup_keeps_revisions_chained(
    cli: Cli, db_url: str, empty_db_url: str, tmp_path: Path
) -> None:
    cli("ingest", str(SEED))
    revised = tmp_path / "revised.txt"
    revised.write_text(
        SEED.read_text(encoding="utf-8").replace(
            "Sementara itu India memiliki kerja sama pertahanan dengan Rusia.",
            "Sementara itu India memiliki kerja sama pertahanan yang erat dengan Rusia.",
        ),
        encoding="utf-8",
    )
    assert cli("ingest", str(revised), "--json").json()[0]["revision"] == 2
    backup = tmp_path / "desk.jsonl"
    _export(db_url, backup)
    invoke("--db", empty_db_url, "ingest", str(ENGLISH))  # the other desk's own article
    run = invoke("--db", empty_db_url, "import", "jsonl", str(backup), "--merge", "--json")
    assert run.exit_code == 0, run.stderr
    with sa.create_engine(empty_db_url).connect() as connection:
        chain = connection.execute(
            sa.text("SELECT id, previous_id, revision FROM article ORDER BY id")
        ).all()
    english, first, second = chain
    assert english[1] is None and first[1] is None
    assert (second[1], second[2]) == (first[0], 2)  # renumbered, still pointing back
    diff = invoke("--db", empty_db_url, "articles", "diff", str(second[0]), "--json").json()
    assert len(diff["changed"]) == 1
