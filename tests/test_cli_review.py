"""From ingest to a verified claim with evidence and its history, as a reviewer does it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import SEED

REUTERS = "https://www.reuters.com/world/asia-pacific/north-korea-troops-russia-2024-10-18/"


@pytest.fixture
def claim_id(cli: Any) -> int:
    cli("ingest", str(SEED))
    claims = cli("claims", "list", "--limit", "0", "--json").json()
    # the seed says "Korea Utara secara resmi mengakui telah mengirim pasukan ...": the claim
    # is what was admitted, "Korea Utara telah mengirim pasukan ..."
    return next(
        c["id"] for c in claims if "telah mengirim pasukan untuk membantu Rusia" in c["text"]
    )


def _show(cli: Any, claim_id: int) -> dict[str, Any]:
    run = cli("claims", "show", str(claim_id), "--json")
    assert run.exit_code == 0, run.stderr
    return run.json()  # type: ignore[no-any-return]


def test_verdict_without_evidence_is_refused(cli: Any, claim_id: int) -> None:
    run = cli("verify", str(claim_id))
    assert run.exit_code == 1
    assert run.stderr.startswith("Error: ")
    assert "no evidence" in run.stderr and "--evidence URL" in run.stderr
    assert "Traceback" not in run.stderr
    claim = _show(cli, claim_id)
    assert claim["status"] == "pending"
    assert claim["history"] == [] and claim["evidence"] == []
    assert cli("dispute", str(claim_id)).exit_code == 1
    assert cli("mark", str(claim_id), "verified").exit_code == 1


def test_verify_with_evidence_then_history(cli: Any, claim_id: int) -> None:
    run = cli(
        "verify",
        str(claim_id),
        "--evidence",
        REUTERS,
        "--note",
        "KCNA statement, Reuters",
        "--reviewer",
        "Ayu",
    )
    assert run.exit_code == 0, run.stderr
    assert "pending -> verified" in run.stdout
    claim = _show(cli, claim_id)
    assert claim["status"] == "verified"
    assert [(e["url"], e["stance"], e["added_by"]) for e in claim["evidence"]] == [
        (REUTERS, "supports", "Ayu")
    ]
    assert [
        (h["kind"], h["actor"], h["from_status"], h["to_status"], h["note"])
        for h in claim["history"]
    ] == [
        ("evidence", "Ayu", None, None, None),
        ("status", "Ayu", "pending", "verified", "KCNA statement, Reuters"),
    ]
    assert claim["history"][0]["evidence_id"] == claim["evidence"][0]["id"]
    history = cli("history", str(claim_id), "--json").json()
    assert history == claim["history"]
    table = cli("history", str(claim_id))
    assert "Ayu" in table.stdout and "pending -> verified" in table.stdout
    shown = cli("claims", "show", str(claim_id))
    assert "verified" in shown.stdout and REUTERS in shown.stdout


def test_evidence_added_earlier_satisfies_a_later_verdict(cli: Any, claim_id: int) -> None:
    added = cli(
        "evidence",
        "add",
        str(claim_id),
        "https://www.bbc.com/news/world-asia-67890",
        "--stance",
        "refutes",
        "--note",
        "BBC: no official confirmation",
        "--json",
    )
    assert added.exit_code == 0, added.stderr
    assert added.json()["stance"] == "refutes"
    assert _show(cli, claim_id)["status"] == "pending"
    run = cli("dispute", str(claim_id), "--json")
    assert run.exit_code == 0, run.stderr
    change = run.json()
    assert (change["from_status"], change["to_status"], change["changed"]) == (
        "pending",
        "disputed",
        True,
    )
    claim = _show(cli, claim_id)
    assert claim["status"] == "disputed"
    assert [h["kind"] for h in claim["history"]] == ["evidence", "status"]
    assert claim["history"][0]["note"] == "BBC: no official confirmation"


def test_dispute_evidence_defaults_to_refutes(cli: Any, claim_id: int) -> None:
    cli("dispute", str(claim_id), "-e", REUTERS)
    assert _show(cli, claim_id)["evidence"][0]["stance"] == "refutes"


def test_mark_other_statuses_and_back_to_pending(cli: Any, claim_id: int) -> None:
    assert cli("mark", str(claim_id), "unverifiable").exit_code == 0
    assert cli("mark", str(claim_id), "dismissed", "--note", "not checkable").exit_code == 0
    assert cli("mark", str(claim_id), "pending").exit_code == 0
    steps = [(h["from_status"], h["to_status"]) for h in _show(cli, claim_id)["history"]]
    assert steps == [
        ("pending", "unverifiable"),
        ("unverifiable", "dismissed"),
        ("dismissed", "pending"),
    ]


def test_same_status_again_records_nothing(cli: Any, claim_id: int) -> None:
    cli("mark", str(claim_id), "dismissed")
    run = cli("mark", str(claim_id), "dismissed")
    assert run.exit_code == 0 and "already dismissed" in run.stdout
    assert len(_show(cli, claim_id)["history"]) == 1


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,hi",
        "file:///etc/passwd",
        "not a url",
        "https://",
        "http://nohost",
        "https://exa mple.com/x",
        "https://www.reuters.com/" + "a" * 2100,
    ],
    ids=lambda url: url[:30],
)
def test_bad_evidence_urls_are_refused(cli: Any, claim_id: int, url: str) -> None:
    run = cli("verify", str(claim_id), "-e", url)
    assert run.exit_code == 1
    assert run.stderr.startswith("Error: ")
    claim = _show(cli, claim_id)
    assert claim["evidence"] == [] and claim["status"] == "pending"


def test_reviewer_comes_from_flag_then_env_then_os_user(cli: Any, claim_id: int) -> None:
    import getpass

    # Three different links: the same link again would add nothing.
    cli("evidence", "add", str(claim_id), REUTERS, "--reviewer", "flag-name")
    cli("evidence", "add", str(claim_id), REUTERS + "?1", env={"CLAIMCHECK_REVIEWER": "env-name"})
    cli("evidence", "add", str(claim_id), REUTERS + "?2", env={"CLAIMCHECK_REVIEWER": ""})
    actors = [h["actor"] for h in _show(cli, claim_id)["history"]]
    assert actors == ["flag-name", "env-name", getpass.getuser()]


def test_unknown_ids_and_usage_errors(cli: Any) -> None:
    missing = cli("claims", "show", "4242")
    assert missing.exit_code == 1
    assert missing.stderr.strip() == "Error: no claim #4242; `claimcheck claims list` shows them"
    assert cli("articles", "show", "77").exit_code == 1
    assert cli("verify", "4242", "-e", REUTERS).exit_code == 1
    assert cli("history", "4242").exit_code == 1
    assert cli("verify", "not-a-number").exit_code == 2
    assert cli("mark", "1", "maybe").exit_code == 2
    assert cli("evidence", "add", "1", REUTERS, "--stance", "agrees").exit_code == 2


def test_notes_and_reviewer_names_are_length_limited_and_kept_as_given(
    cli: Any, claim_id: int
) -> None:
    long_note = cli("verify", str(claim_id), "-e", REUTERS, "--note", "x" * 4001)
    assert long_note.exit_code == 1 and "note is longer than 4000" in long_note.stderr
    long_name = cli("verify", str(claim_id), "-e", REUTERS, "--reviewer", "n" * 201)
    assert long_name.exit_code == 1 and "longer than 200" in long_name.stderr
    assert _show(cli, claim_id)["status"] == "pending"
    note = "  Catatan: sumber *resmi* — lihat [KCNA]  "
    ok = cli("verify", str(claim_id), "-e", REUTERS, "--note", note, "-r", "Ayu L.")
    assert ok.exit_code == 0, ok.stderr
    event = _show(cli, claim_id)["history"][-1]
    assert (event["note"], event["actor"]) == (note, "Ayu L.")
