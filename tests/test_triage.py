"""Triage: priorities, the interactive queue in a real pseudo-terminal, leases, bulk work,
assignment and second review."""

from __future__ import annotations

import re
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pexpect
import sqlalchemy as sa

from claimcheck.pipeline.worthiness import score
from claimcheck.services import triage
from claimcheck.storage import Database
from claimcheck.storage.models import ClaimLease, utcnow
from tests.conftest import SEED, Cli
from tests.test_crashes import default_sigint

SCRIPT = str(Path(sys.executable).parent / "claimcheck")
REUTERS = "https://www.reuters.com/world/asia-pacific/north-korea-troops-russia-2024-10-18/"
CARD = re.compile(r"(\d+) of (\d+)  claim #(\d+)")
ACTION_PROMPT = "[q]uit > "


def _claims(cli: Cli, *args: str) -> list[dict[str, Any]]:
    run = cli("claims", "list", "--limit", "0", "--json", *args)
    assert run.exit_code == 0, run.stderr
    return run.json()  # type: ignore[no-any-return]


def _spawn(db_url: str, reviewer: str, *args: str) -> pexpect.spawn:
    child = pexpect.spawn(
        SCRIPT,
        ["--db", db_url, "review", *args],
        env={
            "CLAIMCHECK_REVIEWER": reviewer,
            "COLUMNS": "200",
            "PATH": "/usr/bin:/bin",
            "TERM": "dumb",
            "NO_COLOR": "1",
        },
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 200),
        preexec_fn=default_sigint,
    )
    return child


# ------------------------------------------------------------------------------ priority


def test_worthiness_signals_are_the_ones_a_checker_would_name() -> None:
    number = score("Korea Utara mengirim 10.000 tentara ke Rusia pada Oktober 2024", language="id")
    assert "number" in number.signals and "names" in number.signals
    vague = score("Ini sangat bagus", language="id")
    assert "short" in vague.signals and "opinion" in vague.signals
    assert number.score > 0.6 > vague.score
    question = score("Did the president really cut taxes for the middle class?", language="en")
    statement = score("The president cut taxes for 95 percent of working families", language="en")
    assert "question" in question.signals and question.score < statement.score
    prediction = score("Unemployment will fall next year, the minister said", language="en")
    assert "prediction" in prediction.signals
    assert score("Rusia menghadapi sanksi", hedged=True).signals.count("hedged") == 1
    for text in ("", "?", "1", "A" * 5000):
        assert 0 <= score(text).score <= 1


def test_claims_are_scored_at_ingest_and_sorted_by_priority(cli: Cli) -> None:
    cli("ingest", str(SEED))
    by_priority = _claims(cli, "--sort", "priority")
    scores = [c["priority"] for c in by_priority]
    assert len(scores) == 26 and all(0 <= s <= 1 for s in scores)
    assert scores == sorted(scores, reverse=True)
    top = cli("claims", "show", str(by_priority[0]["id"]), "--json").json()
    assert top["signals"] and "number" in top["signals"]
    table = cli("claims", "show", str(by_priority[0]["id"])).stdout
    assert f"priority: {top['priority']:.2f} (" in table and "number" in table


# ------------------------------------------------------------------- interactive review


def test_a_reviewer_clears_the_seed_article_with_single_keys(
    cli: Cli, db_url: str, engine_name: str
) -> None:
    cli("ingest", str(SEED))
    child = _spawn(db_url, "Ayu Lestari")
    keys = ["v", "d", "u", "x", "e", "t", "s", "z"]
    seen: list[int] = []
    actions = 0
    while True:
        found = child.expect([CARD, "end of the queue", pexpect.EOF])
        if found != 0:
            break
        claim_id = int(child.match.group(3))
        seen.append(claim_id)
        child.expect_exact(ACTION_PROMPT)
        key = keys[actions % len(keys)]
        actions += 1
        child.send(key)  # one key, no Enter: the terminal is in raw mode for it
        if key == "v":
            child.expect_exact("evidence URL (needed; Enter cancels): ")
            child.sendline(REUTERS)
            child.expect_exact("rating (1 Benar, 2 Sebagian Benar; Enter for none): ")
            child.sendline("1")
            child.expect_exact("note (Enter for none): ")
            child.sendline("KCNA, Reuters")
        elif key == "d":
            child.expect_exact("evidence URL (needed; Enter cancels): ")
            child.sendline(REUTERS)
            child.expect_exact("rating (1 Menyesatkan, 2 Salah; Enter for none): ")
            child.sendline("Menyesatkan")
            child.expect_exact("note (Enter for none): ")
            child.sendline("")
        elif key == "u":
            child.expect_exact("rating (1 Tidak Terbukti; Enter for none): ")
            child.sendline("")
            child.expect_exact("note (Enter for none): ")
            child.sendline("no source either way")
        elif key == "x":
            child.expect_exact("note (Enter for none): ")
            child.sendline("not a claim")
        elif key == "e":
            child.expect_exact("evidence URL (Enter cancels): ")
            child.sendline(REUTERS)
            child.expect_exact("[s]upports, [r]efutes or [c]ontext? ")
            child.sendline("c")
            child.expect_exact("note (Enter for none): ")
            child.sendline("background")
            child.expect_exact(ACTION_PROMPT)
            child.send("x")  # then dismiss it after all
            child.expect_exact("note (Enter for none): ")
            child.sendline("")
        elif key == "t":
            child.expect_exact("text (edit it; Enter keeps it): ")
            child.sendline("\x15Korea Utara mengirim pasukan ke Rusia")  # Ctrl-U clears it
            child.expect_exact(ACTION_PROMPT)
            child.send("x")
            child.expect_exact("note (Enter for none): ")
            child.sendline("")
        elif key == "s":
            child.expect_exact("first claim (Enter cancels): ")
            child.sendline("\x15Rusia punya sekutu di Asia")
            child.expect_exact("second claim (Enter cancels): ")
            child.sendline("Sekutu itu kuat")
            child.expect_exact(ACTION_PROMPT)
            child.send("x")
            child.expect_exact("note (Enter for none): ")
            child.sendline("")
        elif key == "z":
            child.expect_exact("undone: ")  # the dismissal of the split claim: shown again
            child.expect(CARD)
            again = int(child.match.group(3))
            assert again == seen[-2]
            seen.append(again)
            child.expect_exact(ACTION_PROMPT)
            child.send("x")
            child.expect_exact("note (Enter for none): ")
            child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    splits = sum(1 for n in range(actions) if keys[n % len(keys)] == "s")
    assert splits >= 2
    left = _claims(cli, "--status", "pending")
    # The splits' second parts arrived after the queue was read: the next `review` has them.
    assert [c["text"] for c in left] == ["Sekutu itu kuat"] * splits
    everything = _claims(cli)
    assert len(everything) == 26 + splits
    statuses = {c["status"] for c in everything if c["text"] != "Sekutu itu kuat"}
    assert statuses <= {"verified", "disputed", "unverifiable", "dismissed"}
    for claim in everything:
        history = cli("history", str(claim["id"]), "--json").json()
        assert history and all(e["actor"] == "Ayu Lestari" for e in history), claim
    edited = next(c for c in everything if c["text"] == "Korea Utara mengirim pasukan ke Rusia")
    kinds = [e["kind"] for e in cli("history", str(edited["id"]), "--json").json()]
    assert kinds == ["edit", "status"]
    verified = next(c for c in everything if c["status"] == "verified")
    assert verified["rating"] == "Benar"


def test_review_resumes_where_the_reviewer_left_off(cli: Cli, db_url: str) -> None:
    cli("ingest", str(SEED))
    first = _spawn(db_url, "Ayu")
    first.expect(CARD)
    first.expect_exact(ACTION_PROMPT)
    first.send("n")
    first.expect(CARD)
    stopped_at = int(first.match.group(3))
    first.expect_exact(ACTION_PROMPT)
    first.send("q")
    first.expect("this session: 1 skipped")
    first.expect(pexpect.EOF)

    again = _spawn(db_url, "Ayu")
    again.expect("resuming where you left off")
    again.expect(CARD)
    assert int(again.match.group(3)) == stopped_at
    # Ctrl-C at the prompt, as the other keys are sent: a clean stop, with the summary, exit
    # code 130. (Sent while the card was still being written, it once ended the process with
    # no summary: a race not understood yet, noted in issue 13's closing note.)
    again.expect_exact(ACTION_PROMPT)
    again.sendcontrol("c")
    again.expect("this session: nothing changed")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 130
    with sa.create_engine(db_url).connect() as connection:
        leases = connection.execute(sa.text("SELECT COUNT(*) FROM claim_lease")).scalar_one()
    assert leases == 0  # both sittings gave their claims back


def test_two_reviewers_at_once_never_get_the_same_claim(cli: Cli, db_url: str) -> None:
    cli("ingest", str(SEED))
    reviewers = {"Ayu": _spawn(db_url, "Ayu"), "Budi": _spawn(db_url, "Budi")}
    shown: dict[str, list[int]] = {name: [] for name in reviewers}
    active = dict(reviewers)
    while active:
        for name, child in list(active.items()):
            found = child.expect([CARD, "end of the queue"])
            if found == 1:
                child.expect(pexpect.EOF)
                del active[name]
                continue
            shown[name].append(int(child.match.group(3)))
            child.expect_exact(ACTION_PROMPT)
            child.send("x")
            child.expect_exact("note (Enter for none): ")
            child.sendline("")
    assert not set(shown["Ayu"]) & set(shown["Budi"])
    assert len(shown["Ayu"]) + len(shown["Budi"]) == 26
    assert shown["Ayu"] and shown["Budi"]  # both worked, neither waited for the other


def test_leases_expire_and_free_the_claim(db: Database, cli: Cli) -> None:
    cli("ingest", str(SEED))
    wanted = triage.QueueFilter()
    with db.session(write=True) as s:
        first = triage.queue(s, "Ayu", wanted)[0]
        assert triage.take_lease(s, first, "Ayu", 15)
    with db.session(write=True) as s:
        assert not triage.take_lease(s, first, "Budi", 15)
        assert first not in triage.queue(s, "Budi", wanted)
        assert first in triage.queue(s, "Ayu", wanted)
        lease = s.get(ClaimLease, first)
        assert lease is not None
        lease.expires_at = utcnow() - timedelta(seconds=1)
    with db.session(write=True) as s:
        assert first in triage.queue(s, "Budi", wanted)
        assert triage.take_lease(s, first, "Budi", 15)


# ----------------------------------------------------------------------- bulk and team


def test_bulk_verdicts_give_each_claim_its_own_history(cli: Cli) -> None:
    cli("ingest", str(SEED))
    claims = _claims(cli)
    ids = [str(c["id"]) for c in claims[:3]]
    run = cli("verify", *ids, "-e", REUTERS, "--rating", "Benar", "-r", "Ayu")
    assert run.exit_code == 0, run.stderr
    for claim_id in ids:
        history = cli("history", claim_id, "--json").json()
        assert [(e["kind"], e["actor"]) for e in history] == [
            ("evidence", "Ayu"),
            ("status", "Ayu"),
        ]
    # By filter: the photo caption's claims, dismissed in one go.
    caption = cli("articles", "show", "1", "--json").json()["sentences"][1]
    assert caption["role"] == "caption" and caption["claims"]
    run = cli("mark", "dismissed", "--article", "1", "--role", "caption", "--note", "caption")
    assert run.exit_code == 0, run.stderr
    for claim in caption["claims"]:
        shown = cli("claims", "show", str(claim["id"]), "--json").json()
        assert shown["status"] == "dismissed"
    # One claim that cannot take the verdict does not stop the others.
    pending = [str(c["id"]) for c in _claims(cli, "--status", "pending")[:2]]
    run = cli("dispute", *pending, "4242")
    assert run.exit_code == 1
    assert "Error: no claim #4242" in run.stderr and "3 of 3 claims were not changed" in run.stderr
    run = cli("mark", *pending, "unverifiable")
    assert run.exit_code == 0 and run.stdout.count("pending -> unverifiable") == 2
    for args, code in ((("mark", "1", "maybe"), 2), (("mark", "dismissed"), 1)):
        assert cli(*args).exit_code == code


def test_assigned_claims_go_to_their_reviewer_only(cli: Cli, db: Database) -> None:
    cli("ingest", str(SEED))
    ids = [c["id"] for c in _claims(cli)[:4]]
    run = cli("assign", *map(str, ids), "--to", "Ayu", "-r", "editor")
    assert run.exit_code == 0 and run.stdout.count("assigned to Ayu") == 4
    with db.session() as s:
        assert sorted(triage.queue(s, "Ayu", triage.QueueFilter(mine=True))) == sorted(ids)
        assert not set(ids) & set(triage.queue(s, "Budi", triage.QueueFilter()))
    assert [c["id"] for c in _claims(cli, "--assigned", "Ayu")] == ids
    history = cli("history", str(ids[0]), "--json").json()
    assert [(e["kind"], e["actor"], e["note"]) for e in history] == [
        ("assign", "editor", "assigned to Ayu")
    ]
    assert cli("assign", str(ids[0]), "--to", "").exit_code == 0
    assert cli("claims", "show", str(ids[0]), "--json").json()["assigned_to"] is None


def test_second_review_needs_a_different_reviewer(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "desk.toml"
    config.write_text("[review]\nsecond_review = true\n", encoding="utf-8")
    desk = ["--config", str(config)]
    cli("ingest", str(SEED))
    claim = str(_claims(cli)[0]["id"])
    first = cli(*desk, "verify", claim, "-e", REUTERS, "-r", "Ayu")
    assert first.exit_code == 0 and "awaits a second reviewer" in first.stdout
    assert [c["id"] for c in _claims(cli, "--awaiting-second")] == [int(claim)]
    same = cli(*desk, "verify", claim, "-r", "Ayu")
    assert same.exit_code == 1 and "awaits a second reviewer: Ayu gave this verdict" in same.stderr
    second = cli(*desk, "verify", claim, "-r", "Budi")
    assert second.exit_code == 0 and "confirmed by a second reviewer" in second.stdout
    assert _claims(cli, "--awaiting-second") == []
    history = cli("history", claim, "--json").json()
    verdicts = [(e["actor"], e["to_status"], e["note"]) for e in history if e["kind"] == "status"]
    assert verdicts == [("Ayu", "verified", None), ("Budi", "verified", "second review: confirmed")]
