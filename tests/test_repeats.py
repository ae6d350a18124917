"""Repeated claims across articles: found at ingest, grouped, decided, verdicts reused.

The second article (tests/data/kabardunia-...) was written for these tests in the style of
another outlet: it repeats three of the seed's claims (one through the alias "Korut"), and
has one near-miss ("Korea Selatan" for "Korea Utara") that must never be linked.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from claimcheck.matching.normalize import normalize
from claimcheck.services.repeats.candidates import candidates_for
from claimcheck.services.repeats.index import claim_terms
from claimcheck.services.repeats.record import record_article
from claimcheck.storage import Article, Claim, Database, Sentence
from claimcheck.storage.models import (
    ClaimGroup,
    ClaimMatch,
    ClaimToken,
    GroupMember,
    MatchToken,
)
from tests.conftest import DATA, SEED, Cli

OTHER = DATA / "kabardunia-dukungan-korut-iran.txt"
REUTERS = "https://www.reuters.com/world/asia-pacific/north-korea-troops-russia-2024-10-18/"


def _claim(cli: Cli, article: int, starts: str) -> dict[str, Any]:
    claims = cli("claims", "list", "--article", str(article), "--limit", "0", "--json").json()
    return next(c for c in claims if c["text"].startswith(starts))  # type: ignore[no-any-return]


@pytest.fixture
def two_articles(cli: Cli) -> dict[str, int]:
    assert cli("ingest", str(SEED)).exit_code == 0
    run = cli("ingest", str(OTHER), "--json")
    assert run.exit_code == 0, run.stderr
    [result] = run.json()
    ids = {
        "seed_admits": _claim(cli, 1, "Korea Utara telah mengirim pasukan")["id"],
        "seed_korut": _claim(cli, 1, "Korut membantu Rusia")["id"],
        "seed_china": _claim(cli, 1, "China tidak pernah secara langsung")["id"],
        "other_admits": _claim(cli, 2, "Korea Utara telah mengirim pasukan")["id"],
        "other_korut": _claim(cli, 2, "Korut membantu Rusia")["id"],
        "other_china": _claim(cli, 2, "China tidak pernah")["id"],
        "other_south": _claim(cli, 2, "Korea Selatan mengirim pasukan")["id"],
        "linked": result["linked"],
        "suggested": result["suggested"],
    }
    return ids


def test_ingest_finds_the_repeats_and_groups_them(cli: Cli, two_articles: dict[str, int]) -> None:
    ids = two_articles
    assert ids["linked"] == 3
    for mine, theirs in (
        ("other_admits", "seed_admits"),
        ("other_korut", "seed_korut"),
        ("other_china", "seed_china"),
    ):
        shown = cli("claims", "show", str(ids[mine]), "--json").json()
        same = [r for r in shown["repeats"] if r["kind"] == "linked"]
        assert [r["claim_id"] for r in same] == [ids[theirs]], mine
    table = cli("claims", "show", str(ids["other_korut"]))
    assert f"same claim as #{ids['seed_korut']}" in table.stdout
    groups = cli("dupes", "--json").json()
    assert len(groups) == 3
    assert all(g["articles"] == 2 and g["claims"] == 2 for g in groups)


def test_korea_selatan_is_suggested_at_most_never_linked(
    cli: Cli, two_articles: dict[str, int]
) -> None:
    ids = two_articles
    repeats_of_south = cli("dupes", "--claim", str(ids["other_south"]), "--json").json()
    assert all(r["kind"] == "suggested" for r in repeats_of_south)
    seed_claims = {r["claim_id"]: r for r in repeats_of_south}
    assert ids["seed_admits"] in seed_claims
    assert "names" in (seed_claims[ids["seed_admits"]]["guards"] or "")
    assert cli("claims", "show", str(ids["other_south"]), "--json").json()["speaker"] == (
        # a nameless source keeps its words, without the article (docs/claims.md, rule 4)
        "unggahan media sosial yang belum terverifikasi"
    )


def test_a_verdict_given_once_is_reused_across_the_group(
    cli: Cli, two_articles: dict[str, int]
) -> None:
    ids = two_articles
    run = cli(
        "verify",
        str(ids["seed_korut"]),
        "-e",
        REUTERS,
        "--note",
        "KCNA and Seoul confirm",
        "--group",
        "-r",
        "ayu",
        "--json",
    )
    assert run.exit_code == 0, run.stderr
    assert [c["claim"]["id"] for c in run.json()] == [ids["seed_korut"], ids["other_korut"]]
    other = cli("claims", "show", str(ids["other_korut"]), "--json").json()
    assert other["status"] == "verified"
    assert [(e["url"], e["stance"]) for e in other["evidence"]] == [(REUTERS, "supports")]
    assert [(h["kind"], h["actor"]) for h in other["history"]] == [
        ("evidence", "ayu"),
        ("status", "ayu"),
    ]
    # The seed claim's own verdict, shown on the repeat.
    repeat = next(r for r in other["repeats"] if r["claim_id"] == ids["seed_korut"])
    assert (repeat["status"], repeat["verdict_by"]) == ("verified", "ayu")
    table = cli("claims", "show", str(ids["other_korut"]))
    assert "same claim as #" in table.stdout and "by ayu" in table.stdout


def test_group_verdict_copies_the_named_claims_evidence(
    cli: Cli, two_articles: dict[str, int]
) -> None:
    ids = two_articles
    cli(
        "evidence",
        "add",
        str(ids["seed_china"]),
        REUTERS,
        "--stance",
        "supports",
        "--note",
        "no condemnation on record",
    )
    assert cli("verify", str(ids["seed_china"]), "--group").exit_code == 0
    other = cli("claims", "show", str(ids["other_china"]), "--json").json()
    assert other["status"] == "verified"
    assert other["evidence"][0]["note"] == (
        f"from claim #{ids['seed_china']}: no condemnation on record"
    )


def test_conflicting_verdicts_in_a_group_are_listed(cli: Cli, two_articles: dict[str, int]) -> None:
    ids = two_articles
    assert cli("dupes", "--conflicts", "--json").json() == []
    cli("verify", str(ids["seed_admits"]), "-e", REUTERS)
    cli("dispute", str(ids["other_admits"]), "-e", "https://www.bbc.com/news/x")
    conflicts = cli("dupes", "--conflicts", "--json").json()
    assert len(conflicts) == 1
    assert set(conflicts[0]["claim_ids"]) == {ids["seed_admits"], ids["other_admits"]}
    assert conflicts[0]["statuses"] == {"disputed": 1, "verified": 1}
    assert "verified 1" in cli("dupes", "--conflicts").stdout


def test_reject_splits_the_pair_and_it_is_never_suggested_again(
    cli: Cli, db: Database, two_articles: dict[str, int]
) -> None:
    ids = two_articles
    run = cli("dupes", "reject", str(ids["seed_china"]), str(ids["other_china"]), "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["kind"] == "rejected"
    shown = cli("claims", "show", str(ids["other_china"]), "--json").json()
    assert [r["kind"] for r in shown["repeats"]] == ["rejected"]
    assert len(cli("dupes", "--json").json()) == 2
    # Matching the article again keeps the reviewer's decision.
    with db.session() as session:
        record_article(session, session.get(Article, 2))  # type: ignore[arg-type]
    shown = cli("claims", "show", str(ids["other_china"]), "--json").json()
    assert [r["kind"] for r in shown["repeats"]] == ["rejected"]


def test_the_index_terms_made_while_reading_are_those_of_the_stored_text(
    db: Database, two_articles: dict[str, int]
) -> None:
    # Ingest takes each claim's terms from the pipeline (an ingest worker stems them); they
    # must be what the stored match text gives in the article's language.
    with db.session(write=False) as session:
        words = dict(session.execute(select(MatchToken.id, MatchToken.text)).all())
        stored: dict[int, Counter[str]] = {}
        for token_id, claim_id, count in session.execute(
            select(ClaimToken.token_id, ClaimToken.claim_id, ClaimToken.count)
        ):
            stored.setdefault(claim_id, Counter())[words[token_id]] = count
        rows = session.execute(
            select(Claim.id, Claim.match_text, Article.language)
            .join(Sentence, Claim.sentence_id == Sentence.id)
            .join(Article, Sentence.article_id == Article.id)
        ).all()
    assert len(rows) > 20
    for claim_id, match_text, language in rows:
        assert stored[claim_id] == claim_terms(match_text, None, language), match_text


def test_confirm_joins_a_suggested_pair(cli: Cli, two_articles: dict[str, int]) -> None:
    ids = two_articles
    # Not the same claim really, but the reviewer's word is what counts.
    run = cli("dupes", "confirm", str(ids["seed_admits"]), str(ids["other_south"]), "-r", "budi")
    assert run.exit_code == 0, run.stderr
    assert "are the same claim" in run.stdout
    group = cli("dupes", "--claim", str(ids["other_south"]), "--json").json()
    kinds = {r["claim_id"]: r["kind"] for r in group}
    assert kinds[ids["seed_admits"]] == "confirmed"
    assert kinds[ids["other_admits"]] == "group"  # joined through the seed claim's group
    assert cli("dupes", "confirm", "1", "1").exit_code == 1
    assert cli("dupes", "reject", "1", "99999").exit_code == 1


def _matches(db: Database) -> dict[tuple[int, int], tuple[float, str]]:
    with db.session(write=False) as session:
        return {
            (m.claim_a_id, m.claim_b_id): (m.score, m.kind)
            for m in session.scalars(select(ClaimMatch))
        }


def _groups(db: Database) -> list[set[int]]:
    with db.session(write=False) as session:
        found: dict[int, set[int]] = {}
        for member in session.scalars(select(GroupMember)):
            found.setdefault(member.group_id, set()).add(member.claim_id)
    return sorted(found.values(), key=min)


def test_scan_finds_what_ingest_found(cli: Cli, db: Database, two_articles: dict[str, int]) -> None:
    at_ingest, groups_at_ingest = _matches(db), _groups(db)
    assert len(at_ingest) == 7 and len(groups_at_ingest) == 3
    run = cli("dupes", "scan", "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json() == {
        "claims": 31, "similar": 7, "suggested": 0, "linked": 0, "grouped": 0, "removed": 0
    }  # fmt: skip
    # A database holding the claims but no matches (as after a bulk import): the scan
    # finds the same pairs, with the same scores, kinds and groups as ingest did.
    with db.session() as session:
        session.execute(delete(ClaimMatch))
        session.execute(delete(GroupMember))
        session.execute(delete(ClaimGroup))
    run = cli("dupes", "scan")
    assert run.exit_code == 0, run.stderr
    assert "stored 4 new suggestions and 3 new links, 6 claims joined groups" in run.stdout
    assert _matches(db) == at_ingest
    assert _groups(db) == groups_at_ingest


def test_scan_keeps_reviewers_decisions_and_drops_stale_suggestions(
    cli: Cli, db: Database, two_articles: dict[str, int], tmp_path: Path
) -> None:
    ids = two_articles
    rejected = sorted((ids["seed_china"], ids["other_china"]))
    confirmed = sorted((ids["seed_admits"], ids["other_south"]))
    assert cli("dupes", "reject", *map(str, rejected)).exit_code == 0
    assert cli("dupes", "confirm", *map(str, confirmed)).exit_code == 0
    groups_before, before = _groups(db), _matches(db)
    stricter = tmp_path / "desk.toml"
    stricter.write_text("[matching]\nsuggest = 92\nlink = 99\n", encoding="utf-8")
    run = cli("--config", str(stricter), "dupes", "scan", "--json")
    assert run.exit_code == 0, run.stderr
    after = _matches(db)
    assert after[tuple(rejected)][1] == "rejected"  # type: ignore[index]
    assert after[tuple(confirmed)][1] == "confirmed"  # type: ignore[index]
    # Suggestions under the new suggest threshold, never decided, are gone; links stay.
    assert all(score >= 92 for score, kind in after.values() if kind == "suggested")
    stale = [pair for pair, (score, kind) in before.items() if kind == "suggested" and score < 92]
    assert stale and run.json()["removed"] == len(stale)
    assert not set(stale) & set(after)
    assert sum(1 for _, kind in after.values() if kind == "linked") == 2
    assert _groups(db) == groups_before


def test_a_claim_not_stored_yet_finds_the_claims_ingest_would_compare(
    db: Database, two_articles: dict[str, int]
) -> None:
    claim = "Korut mengirim pasukan untuk membantu Rusia dalam perang melawan Ukraina"
    seed, other = two_articles["seed_korut"], two_articles["other_korut"]
    with db.session(write=False) as session:
        found = {c.claim_id for c in candidates_for(session, normalize(claim).text, "id", set())}
        without_seed = {
            c.claim_id for c in candidates_for(session, normalize(claim).text, "id", {seed})
        }
    assert seed in found and other in found
    assert seed not in without_seed and other in without_seed


def test_scan_of_an_empty_database_or_one_article(cli: Cli) -> None:
    zero = {"claims": 0, "similar": 0, "suggested": 0, "linked": 0, "grouped": 0, "removed": 0}
    assert cli("dupes", "scan", "--json").json() == zero
    assert cli("ingest", str(SEED)).exit_code == 0
    # One article's claims are never paired with each other.
    assert cli("dupes", "scan", "--json").json() == {**zero, "claims": 26}
