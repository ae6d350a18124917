"""The reviewer's day: the database a command opens, article URLs, claims of replaced
revisions, the review queue's prompts, and search results that say where a claim was read."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pexpect
import pytest

from tests.conftest import DATA, SEED, Cli, invoke
from tests.test_extraction import _revise
from tests.test_triage import ACTION_PROMPT, CARD, REUTERS, _claims, _spawn

SEED_URL = "https://www.inews.id/news/internasional/4-negara-sahabat-rusia-di-asia"


def _starting(claims: list[dict[str, Any]], words: str) -> int:
    return next(int(c["id"]) for c in claims if c["text"].startswith(words))


# ------------------------------------------------------------------------------ the database


@pytest.fixture
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No CLAIMCHECK_DB: the default database is the user's, in a data folder of this test."""
    monkeypatch.delenv("CLAIMCHECK_DB", raising=False)
    monkeypatch.delenv("CLAIMCHECK_CONFIG", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    return tmp_path


def test_a_missing_folder_is_an_error_not_a_new_database(own_home: Path) -> None:
    typo = own_home / "nonexist" / "sub" / "x.db"
    run = invoke("--db", str(typo), "claims", "list")
    assert run.exit_code == 1
    assert run.stderr == (
        f"Error: no folder {typo.parent} for the database file x.db: check --db or "
        "CLAIMCHECK_DB, or create the folder first\n"
    )
    assert not (own_home / "nonexist").exists()
    upgrade = invoke("--db", str(typo), "db", "upgrade")
    assert upgrade.exit_code == 1 and "no folder" in upgrade.stderr


def test_a_new_database_file_is_announced_unless_it_is_the_default(own_home: Path) -> None:
    fresh = own_home / "desk.db"
    first = invoke("--db", str(fresh), "claims", "list")
    assert first.exit_code == 0
    assert first.stderr == f"created a new database: {fresh}\n"
    again = invoke("--db", str(fresh), "claims", "list")
    assert again.exit_code == 0 and again.stderr == ""
    # The default file is made (folders included) without a word: that is where it belongs.
    default = invoke("claims", "list")
    assert default.exit_code == 0 and default.stderr == ""
    assert (own_home / "data-home" / "claimcheck" / "claimcheck.db").is_file()


# ------------------------------------------------------------------------------ article URLs


def test_url_is_checked_like_an_evidence_link(cli: Cli) -> None:
    run = cli("ingest", str(SEED), "--url", "kumparan.com/foo")
    assert run.exit_code == 1
    assert run.stderr == (
        "Error: the article URL (--url) 'kumparan.com/foo' must be an http or https link, not "
        "no scheme (did you mean 'https://kumparan.com/foo'?)\n"
    )
    nohost = cli("ingest", str(SEED), "--url", "https://inews/foo")
    assert nohost.exit_code == 1
    assert "the article URL (--url) 'https://inews/foo' has no real host" in nohost.stderr
    assert _claims(cli) == []
    assert cli("ingest", str(SEED), "--url", SEED_URL).exit_code == 0


# -------------------------------------------------------------------------------- revisions


def test_claims_of_a_replaced_revision_take_no_verdicts(cli: Cli, tmp_path: Path) -> None:
    assert cli("ingest", str(SEED), "--url", SEED_URL).exit_code == 0
    first = _claims(cli)
    india = _starting(first, "India memiliki kerja sama")  # reworded in revision 2
    china = _starting(first, "China juga memiliki hubungan")  # cut in revision 2
    ally = _starting(first, "Rusia tetap memiliki sekutu")  # unchanged
    assert cli("assign", str(india), "--to", "Budi").exit_code == 0

    revised = cli("ingest", str(_revise(tmp_path)), "--url", SEED_URL, "--json").json()[0]
    assert revised["revision"] == 2
    second = _claims(cli)
    india_2 = _starting(second, "India memiliki kerja sama")
    ally_2 = _starting(second, "Rusia tetap memiliki sekutu")
    # The reviewer a claim was given to keeps it in the new revision.
    assert [c["id"] for c in _claims(cli, "--assigned", "Budi")] == [india_2]

    replaced = "is in revision 1 of article #1, which revision 2 (article #2) replaced"
    run = cli("assign", str(india), "--to", "Ayu")
    assert run.exit_code == 1
    assert run.stderr == (
        f"Error: claim #{india} {replaced}: give the assignment to claim #{india_2} there (the "
        "same claim, reworded in the newest text); nothing was saved\n"
    )
    verdict = cli("verify", str(ally), "-e", REUTERS)
    assert verdict.exit_code == 1
    assert f"give the verdict to claim #{ally_2} there (the same claim in" in verdict.stderr
    evidence = cli("evidence", "add", str(china), REUTERS)
    assert evidence.exit_code == 1
    assert f"claim #{china} {replaced}, and that revision no longer has this claim" in (
        evidence.stderr
    )
    # Nothing of the refused changes was saved.
    for old in (india, ally, china):
        shown = cli("claims", "show", str(old), "--json").json()
        assert shown["status"] == "pending" and shown["evidence"] == []
    assert cli("claims", "show", str(india), "--json").json()["assigned_to"] == "Budi"
    assert cli("history", str(ally), "--json").json() == []

    newer = cli("claims", "show", str(india), "--json").json()["newer_revision"]
    assert newer == {"article_id": 2, "revision": 2, "claim_id": india_2, "reworded": True}
    table = cli("claims", "show", str(china)).stdout
    assert "superseded: revision 2 of the article is article #2; it no longer has" in table
    assert cli("claims", "show", str(ally_2), "--json").json()["newer_revision"] is None
    # The claim there takes them.
    assert cli("verify", str(ally_2), "-e", REUTERS).exit_code == 0

    # Through a third revision the claim is followed to the newest one.
    third = _revise(tmp_path).read_text(encoding="utf-8").replace("sejak 1971", "sejak 1955")
    (tmp_path / "third.txt").write_text(third, encoding="utf-8")
    assert cli("ingest", str(tmp_path / "third.txt"), "--url", SEED_URL).exit_code == 0
    india_3 = _starting(_claims(cli), "India memiliki kerja sama")
    newest = cli("claims", "show", str(india), "--json").json()["newer_revision"]
    assert newest == {"article_id": 3, "revision": 3, "claim_id": india_3, "reworded": True}
    assert [c["id"] for c in _claims(cli, "--assigned", "Budi")] == [india_3]


# --------------------------------------------------------------------------- the review queue


def test_review_checks_a_typed_url_at_once_and_t_edits_the_current_text(
    cli: Cli, db_url: str
) -> None:
    cli("ingest", str(SEED))
    child = _spawn(db_url, "Ayu Lestari")
    child.expect(CARD)
    claim_id = int(child.match.group(3))
    before = cli("claims", "show", str(claim_id), "--json").json()["text"]

    # t: the line starts as the claim's text; what is typed is added where the cursor is.
    child.expect_exact(ACTION_PROMPT)
    child.send("t")
    child.expect_exact("text (edit it; Enter keeps it): ")
    child.expect_exact(before)  # readline typed it in
    child.sendline(" (menurut KCNA)")
    child.expect(CARD)
    assert cli("claims", "show", str(claim_id), "--json").json()["text"] == (
        before + " (menurut KCNA)"
    )

    # v: a URL without its scheme is refused as it is typed, and asked for again.
    child.expect_exact(ACTION_PROMPT)
    child.send("v")
    child.expect_exact("evidence URL (needed; Enter cancels): ")
    child.sendline("kumparan.com/foo")
    child.expect_exact(
        "Error: evidence URL 'kumparan.com/foo' must be an http or https link, not no scheme "
        "(did you mean 'https://kumparan.com/foo'?); type it again"
    )
    child.expect_exact("evidence URL (needed; Enter cancels): ")
    child.sendline(REUTERS)
    child.expect_exact("rating (1 Benar, 2 Sebagian Benar; Enter for none): ")
    child.sendline("1")
    child.expect_exact("note (Enter for none): ")
    child.sendline("KCNA")
    child.expect(re.escape(f"claim #{claim_id}: verified (Benar)"))
    child.expect_exact(ACTION_PROMPT)
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = cli("claims", "show", str(claim_id), "--json").json()
    assert (shown["status"], [e["url"] for e in shown["evidence"]]) == ("verified", [REUTERS])
    assert [e["kind"] for e in shown["history"]] == ["edit", "evidence", "status"]


# ------------------------------------------------------------------------------------ search


def test_search_results_name_the_article_and_outlet(cli: Cli) -> None:
    cli("ingest", str(SEED), str(DATA / "kabardunia-dukungan-korut-iran.txt"))
    hits = cli("search", "Korea Utara mengirim pasukan ke Rusia", "--json").json()
    by_article = {h["article_id"]: (h["article_title"], h["outlet"]) for h in hits}
    assert by_article[1] == (
        "4 Negara Sahabat Rusia di Asia, Nomor 2 Kirim Pasukan Bantu Perang Lawan Ukraina",
        "iNews.id",
    )
    assert by_article[2][1] == "kabardunia.id"
    table = cli("search", "Korea Utara mengirim pasukan ke Rusia").stdout
    assert "#1 4 Negara Sahabat Rusia" in table and "iNews.id" in table
