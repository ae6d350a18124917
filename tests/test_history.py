"""The history a desk trusts: a command run twice leaves the data as once, the history cannot
be rewritten through SQL, a rewritten one is found, the team setup's application role cannot
touch it, and its times are the database's, whatever a reviewer's clock says."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from freezegun import freeze_time

from claimcheck.services import review, triage
from claimcheck.storage import Database
from claimcheck.storage.clock import read_clock
from tests.conftest import DATA, SEED, Cli, PostgresServer, invoke

SCRIPT = Path(sys.executable).parent / "claimcheck"
README = Path(__file__).resolve().parents[1] / "README.md"
OTHER = DATA / "kabardunia-dukungan-korut-iran.txt"
REUTERS = "https://www.reuters.com/world/asia-pacific/north-korea-troops-russia-2024-10-18/"
BBC = "https://www.bbc.com/news/articles/north-korea-troops"
TABLES = (
    "article",
    "sentence",
    "claim",
    "evidence",
    "review_event",
    "claim_match",
    "claim_group",
    "claim_group_member",
    "match_token",
    "claim_token",
)


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the data's tables, in a fixed order."""
    with db.engine.connect() as connection:
        return {
            table: sorted(
                (tuple(row) for row in connection.execute(sa.text(f"SELECT * FROM {table}"))),
                key=repr,
            )
            for table in TABLES
        }


def _group(cli: Cli) -> list[int]:
    cli("ingest", str(SEED), str(OTHER))
    groups = cli("dupes", "--json").json()
    return [int(i) for i in groups[0]["claim_ids"]]


# ------------------------------------------------------------------------ twice is once


def test_every_command_run_twice_leaves_the_data_as_once(
    cli: Cli, db: Database, tmp_path: Path
) -> None:
    first, second = _group(cli)
    archive = tmp_path / "checks.jsonl"
    archive.write_text(
        json.dumps({"text": "Korea Utara mengirim pasukan ke Rusia", "rating": "Benar", "url": BBC})
        + "\n",
        encoding="utf-8",
    )
    commands = [
        ("verify", str(first), "--group", "--evidence", REUTERS, "--note", "KCNA, Reuters"),
        ("evidence", "add", "3", BBC, "--stance", "refutes", "--note", "BBC"),
        ("verify", "4", "-e", REUTERS, "-e", BBC),
        ("dispute", "5", "-e", BBC, "--rating", "Salah"),
        ("mark", "7", "8", "dismissed", "--note", "opini"),
        ("assign", "9", "10", "--to", "ana"),
        ("dupes", "reject", "1", "2"),
        ("dupes", "confirm", "3", str(second)),
        ("import", "claims", str(archive)),
        ("ingest", str(SEED)),
        ("dupes", "scan"),
    ]
    second_runs = []
    for command in commands:
        assert cli(*command).exit_code == 0, command
        once = snapshot(db)
        again = cli(*command)
        assert again.exit_code == 0, (command, again.stderr)
        assert snapshot(db) == once, command
        second_runs.append(again.stdout)
    assert second_runs[0].count("nothing changed") == 2 and "evidence #" not in second_runs[0]
    assert "is already there; nothing added" in second_runs[1]


def test_a_changed_note_or_stance_is_a_new_evidence_row(cli: Cli) -> None:
    cli("ingest", str(SEED))
    cli("evidence", "add", "3", BBC, "--note", "first reading")
    cli("evidence", "add", "3", BBC, "--note", "first reading")
    cli("evidence", "add", "3", BBC, "--note", "corrected reading")
    cli("evidence", "add", "3", BBC, "--stance", "refutes", "--note", "corrected reading")
    shown = cli("claims", "show", "3", "--json").json()
    assert [(e["stance"], e["note"]) for e in shown["evidence"]] == [
        ("context", "first reading"),
        ("context", "corrected reading"),
        ("refutes", "corrected reading"),
    ]
    assert [h["kind"] for h in shown["history"]] == ["evidence"] * 3


# -------------------------------------------------------------- the database refuses


def _refused(db: Database, statement: str) -> str:
    with (
        db.engine.connect() as connection,
        pytest.raises(sa.exc.DBAPIError) as caught,
        connection.begin(),
    ):
        connection.execute(sa.text(statement))
    return str(caught.value.orig)


def _a_history(cli: Cli) -> None:
    cli("ingest", str(SEED))
    assert cli("verify", "1", "-e", REUTERS, "--note", "Reuters").exit_code == 0
    assert cli("dispute", "2", "-e", BBC).exit_code == 0


def test_the_database_refuses_to_rewrite_history(cli: Cli, db: Database, engine_name: str) -> None:
    _a_history(cli)
    before = snapshot(db)
    event = "(id, claim_id, kind, actor, at, hash) VALUES (1, 1, 'status', 'x', '2020-01-01', 'x')"
    evidence = (
        "(id, claim_id, url, stance, added_by, added_at) "
        "VALUES (1, 1, 'https://evil.example/x', 'supports', 'x', '2020-01-01')"
    )
    statements = {
        "sqlite": [
            f"REPLACE INTO review_event {event}",
            f"INSERT OR REPLACE INTO review_event {event}",
            f"INSERT INTO review_event {event} ON CONFLICT(id) DO UPDATE SET actor = 'x'",
            f"REPLACE INTO evidence {evidence}",
        ],
        "postgresql": [
            "TRUNCATE review_event CASCADE",
            "TRUNCATE evidence CASCADE",
            f"INSERT INTO review_event {event} ON CONFLICT (id) DO UPDATE SET actor = 'x'",
        ],
    }[engine_name] + [
        "UPDATE review_event SET actor = 'someone else'",
        "DELETE FROM review_event WHERE id = 3",
        "UPDATE evidence SET url = 'https://evil.example/x'",
        "UPDATE evidence SET added_by = 'someone else'",
        "DELETE FROM evidence",
    ]
    for statement in statements:
        message = _refused(db, statement)
        assert "history" in message, (statement, message)
    assert snapshot(db) == before


# --------------------------------------------------------------------- found afterwards


def _as_owner(db: Database, engine_name: str, *statements: str) -> None:
    """Edit the history the way only the tables' owner can: the triggers off first."""
    with db.engine.begin() as connection:
        if engine_name == "sqlite":
            for name in connection.execute(
                sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            ).scalars():
                connection.execute(sa.text(f"DROP TRIGGER {name}"))
        else:
            for table in ("review_event", "evidence"):
                connection.execute(sa.text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        for statement in statements:
            connection.execute(sa.text(statement))
        if engine_name == "postgresql":
            for table in ("review_event", "evidence"):
                connection.execute(sa.text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))


@pytest.mark.parametrize(
    ("edit", "found"),
    [
        ("UPDATE review_event SET actor = 'budi' WHERE id = 2", "event #2 (claim #1"),
        ("UPDATE review_event SET at = at WHERE id = 2", None),  # the same values: intact
        ("DELETE FROM review_event WHERE id = 3", "event #4 (claim #2"),
        ("UPDATE evidence SET url = 'https://evil.example/x' WHERE id = 1", "event #1 (claim #1"),
        ("UPDATE claim SET status = 'verified' WHERE id = 5", "claim #5 is verified but its"),
        (
            "INSERT INTO evidence (claim_id, url, stance, added_by, added_at) "
            "VALUES (5, 'https://evil.example/y', 'supports', 'x', '2020-01-01')",
            "was never recorded in the history",
        ),
    ],
)
def test_verify_history_finds_what_was_rewritten(
    cli: Cli, db: Database, engine_name: str, edit: str, found: str | None
) -> None:
    _a_history(cli)
    intact = cli("db", "verify-history")
    assert intact.exit_code == 0, intact.stderr
    assert "history intact: 4 events" in intact.stdout
    _as_owner(db, engine_name, edit)
    run = cli("db", "verify-history")
    if found is None:
        assert run.exit_code == 0, run.stderr
        return
    assert run.exit_code == 1
    problems = [line for line in run.stderr.splitlines() if line.startswith("Problem: ")]
    assert problems and found in problems[0], run.stderr
    assert run.stderr.splitlines()[-1].startswith("Error: the history was changed")


def test_a_recorded_head_finds_a_removed_tail(cli: Cli, db: Database, engine_name: str) -> None:
    _a_history(cli)
    head = cli("db", "verify-history").stdout.split("head: ")[1].strip()
    assert cli("db", "verify-history", "--head", head).exit_code == 0
    # The last verdict and its evidence removed, and the claim put back: every hash still
    # matches, only the recorded head is gone.
    _as_owner(
        db,
        engine_name,
        "DELETE FROM review_event WHERE id IN (3, 4)",
        "DELETE FROM evidence WHERE id = 2",
        "UPDATE claim SET status = 'pending', version = 1 WHERE id = 2",
    )
    assert cli("db", "verify-history").exit_code == 0
    run = cli("db", "verify-history", "--head", head)
    assert run.exit_code == 1
    assert f"the recorded head {head} is not in the history" in run.stderr


def test_a_backup_whose_history_was_edited_is_refused(
    cli: Cli, tmp_path: Path, empty_db_url: str
) -> None:
    _a_history(cli)
    backup = tmp_path / "desk.jsonl"
    assert cli("export", "jsonl", "-o", str(backup)).exit_code == 0
    assert invoke("--db", empty_db_url, "import", "jsonl", str(backup)).exit_code == 0
    tampered = tmp_path / "tampered.jsonl"
    tampered.write_text(
        backup.read_text(encoding="utf-8").replace('"actor":"test-reviewer"', '"actor":"budi"', 1),
        encoding="utf-8",
    )
    fresh = tmp_path / "fresh.db"
    run = invoke("--db", f"sqlite:///{fresh}", "import", "jsonl", str(tampered))
    assert run.exit_code == 1
    assert "the backup's history does not verify (event #1" in run.stderr
    assert invoke("--db", f"sqlite:///{fresh}", "articles", "list", "--json").json() == []


def test_the_chain_survives_the_migration_that_adds_it(cli: Cli, db: Database, db_url: str) -> None:
    from alembic import command

    from claimcheck.storage.db import alembic_config, upgrade

    _a_history(cli)
    db.engine.dispose()
    command.downgrade(alembic_config(db_url), "0009")
    upgrade(db_url)  # the hashes are computed for the events already there
    run = cli("db", "verify-history")
    assert run.exit_code == 0, run.stderr
    assert "history intact: 4 events" in run.stdout


# ------------------------------------------------------------- the application role


def _readme_setup() -> tuple[str, str, str, str]:
    """The team setup's SQL (step 1), the owner's database URL and upgrade command (step 2)
    and the reviewers' database URL (step 3), as the README writes them."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Team setup with PostgreSQL") :]
    sql = re.search(r"<<'SQL'\n(.*?)\n\s*SQL\n", section, re.S)
    upgrade = re.search(r'^\s*CLAIMCHECK_DB="([^"]+)" claimcheck (db upgrade .*)$', section, re.M)
    desk = re.search(r'export CLAIMCHECK_DB="([^"]+)"', section)
    assert sql and upgrade and desk, "the README's team setup has three steps"
    return sql.group(1), upgrade.group(1), upgrade.group(2), desk.group(1)


@pytest.fixture
def team_server(postgres: PostgresServer) -> Iterator[PostgresServer]:
    def clean() -> None:
        with postgres.admin.connect() as connection:
            connection.exec_driver_sql("DROP DATABASE IF EXISTS claimcheck WITH (FORCE)")
            connection.exec_driver_sql("DROP ROLE IF EXISTS claimcheck")
            connection.exec_driver_sql("DROP ROLE IF EXISTS claimcheck_owner")

    clean()
    yield postgres
    clean()


def _here(url: str, server: PostgresServer) -> str:
    """A README URL pointed at the test server (trust authentication: passwords unused)."""
    return re.sub(r"@db\.desk\.local(:\d+)?/", f"@{server.url.host}:{server.url.port}/", url)


@pytest.mark.parametrize("engine_name", ["postgresql"])  # roles are PostgreSQL's
def test_the_readme_team_setup_gives_a_role_that_cannot_rewrite_history(
    engine_name: str, team_server: PostgresServer
) -> None:
    sql, owner_url, upgrade, desk_url = _readme_setup()
    superuser = team_server.url.set(drivername="postgresql").render_as_string(hide_password=False)
    subprocess.run(["psql", "-q", superuser], input=sql, text=True, check=True, capture_output=True)
    done = subprocess.run(
        [str(SCRIPT), *upgrade.split()],
        env={**os.environ, "CLAIMCHECK_DB": _here(owner_url, team_server)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    desk = _here(desk_url, team_server)
    env = {**os.environ, "CLAIMCHECK_DB": desk, "CLAIMCHECK_REVIEWER": "ayu"}
    for args in (
        ("ingest", str(SEED)),
        ("verify", "1", "-e", REUTERS),
        ("db", "verify-history"),
    ):
        run = subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True)
        assert run.returncode == 0, (args, run.stderr)

    engine = sa.create_engine(desk.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        attempts = [
            "TRUNCATE review_event",
            "TRUNCATE evidence CASCADE",
            "ALTER TABLE review_event DISABLE TRIGGER ALL",
            "ALTER TABLE review_event DISABLE TRIGGER review_event_append_only",
            "ALTER TABLE evidence DISABLE TRIGGER USER",
            "DROP TRIGGER review_event_append_only ON review_event",
            "ALTER TABLE review_event ADD COLUMN note2 text",
            "ALTER TABLE review_event RENAME TO review_event_old",
            "DROP TABLE review_event CASCADE",
            "CREATE TRIGGER sneak BEFORE INSERT ON review_event FOR EACH ROW "
            "EXECUTE FUNCTION suppress_redundant_updates_trigger()",
            "UPDATE review_event SET actor = 'someone else'",
            "DELETE FROM review_event",
            "UPDATE evidence SET url = 'https://evil.example/x'",
            "DELETE FROM evidence",
            "SET session_replication_role = replica",
            "UPDATE alembic_version SET version_num = '0001'",
        ]
        for statement in attempts:
            with engine.connect() as connection, pytest.raises(sa.exc.DBAPIError) as caught:
                connection.execute(sa.text(statement))
            assert getattr(caught.value.orig, "sqlstate", None) in ("42501", "P0001"), statement
        with engine.connect() as connection:
            events = connection.execute(sa.text("SELECT count(*) FROM review_event")).scalar()
            triggers = connection.execute(
                sa.text(
                    "SELECT count(*) FROM pg_trigger WHERE tgenabled = 'O' AND NOT tgisinternal "
                    "AND tgrelid IN ('review_event'::regclass, 'evidence'::regclass)"
                )
            ).scalar()
        assert events == 2 and triggers == 4
    finally:
        engine.dispose()
    again = subprocess.run(
        [str(SCRIPT), "db", "upgrade", "--app-role", "claimcheck"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert again.returncode == 1 and "must be another role than claimcheck" in again.stderr


# ---------------------------------------------------------------- the database's clock


def _database_time(db: Database) -> datetime:
    with db.engine.connect() as connection:
        return read_clock(connection)


def test_a_reviewer_whose_clock_runs_fast_cannot_take_a_live_lease(cli: Cli, db: Database) -> None:
    cli("ingest", str(SEED))
    wanted = triage.QueueFilter()
    with db.session() as session:
        first = triage.queue(session, "ana", wanted)[0]
        assert triage.take(session, first, "ana", wanted, 15)
    # Budi's machine is 20 minutes fast: by its clock, Ana's 15-minute lease ran out.
    with (
        freeze_time(datetime.now(UTC) + timedelta(minutes=20), tick=True),
        db.session() as session,
    ):
        assert first not in triage.queue(session, "budi", wanted)
        assert not triage.take_lease(session, first, "budi", 15)
        assert not triage.take(session, first, "budi", wanted, 15)


def test_verdicts_are_dated_by_the_database_not_the_reviewers_machine(
    cli: Cli, db: Database
) -> None:
    cli("ingest", str(SEED))
    with freeze_time(datetime.now(UTC) + timedelta(days=3), tick=True), db.session() as session:
        review.set_status(
            session,
            claim_id=1,
            status="verified",
            reviewer="budi",
            evidence=[review.EvidenceInput(REUTERS, "supports")],
        )
    truth = _database_time(db)
    shown = cli("claims", "show", "1", "--json").json()
    times = [shown["updated_at"], shown["evidence"][0]["added_at"]]
    times += [h["at"] for h in shown["history"]]
    for value in times:
        assert abs(datetime.fromisoformat(value) - truth) < timedelta(minutes=2), value
