"""Migrations on both engines: one head, upgrade from empty, models match, down and up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from claimcheck.storage import Base, Database
from claimcheck.storage.db import (
    HEAD_REVISION,
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    open_database,
    upgrade,
)
from claimcheck.storage.models import POSTGRES_ONLY_INDEXES
from tests.conftest import SEED, Cli, invoke

TABLES = {"article", "sentence", "claim", "evidence", "review_event"}


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_single_head(tmp_path: Path) -> None:
    script = ScriptDirectory.from_config(alembic_config(f"sqlite:///{tmp_path / 'x.db'}"))
    assert len(script.get_heads()) == 1


def test_the_head_revision_the_code_expects_is_the_migration_head(tmp_path: Path) -> None:
    assert head_revision(f"sqlite:///{tmp_path / 'x.db'}") == HEAD_REVISION


def test_upgrade_from_empty_builds_every_table(empty_db_url: str) -> None:
    upgrade(empty_db_url)
    assert _tables(empty_db_url) >= TABLES
    engine = make_engine(empty_db_url)
    try:
        assert current_revision(engine) == head_revision(empty_db_url)
    finally:
        engine.dispose()


def test_models_match_migrations(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "include_object": lambda obj, name, type_, *_: (
                    not (type_ == "index" and name in POSTGRES_ONLY_INDEXES)
                ),
            },
        )
        assert compare_metadata(context, Base.metadata) == []


def test_downgrade_to_base_and_up_again(empty_db_url: str) -> None:
    upgrade(empty_db_url)
    command.downgrade(alembic_config(empty_db_url), "base")
    assert _tables(empty_db_url) <= {"alembic_version"}
    upgrade(empty_db_url)
    assert _tables(empty_db_url) >= TABLES


def test_each_step_downgrades_and_upgrades(empty_db_url: str) -> None:
    config = alembic_config(empty_db_url)
    script = ScriptDirectory.from_config(config)
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    for revision in revisions:
        command.upgrade(config, revision)
        command.downgrade(config, "-1")
        command.upgrade(config, revision)


def test_new_database_is_migrated_on_first_use(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    db = open_database(url)
    try:
        assert current_revision(db.engine) == head_revision(url)
        assert db.created == tmp_path / "fresh.db"  # for the CLI to say so
    finally:
        db.close()


def test_constraints_have_names(db: Database) -> None:
    inspector = sa.inspect(db.engine)
    checks = {c["name"] for c in inspector.get_check_constraints("claim")}
    uniques = {c["name"] for c in inspector.get_unique_constraints("claim")}
    foreign = {c["name"] for c in inspector.get_foreign_keys("claim")}
    assert "ck_claim_status" in checks
    assert "uq_claim_sentence_id_position" in uniques
    assert "fk_claim_sentence_id_sentence" in foreign


def test_postgres_gets_search_indexes(db: Database, engine_name: str) -> None:
    names = {i["name"] for i in sa.inspect(db.engine).get_indexes("claim")}
    if engine_name == "postgresql":
        assert names >= POSTGRES_ONLY_INDEXES
    else:
        assert not POSTGRES_ONLY_INDEXES & names


def test_sqlite_keeps_a_terms_postings_together(cli: Cli, db: Database, db_url: str) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("a SQLite storage option")
    cli("ingest", str(SEED))
    with db.engine.connect() as connection:
        table = connection.execute(
            sa.text("SELECT sql FROM sqlite_master WHERE name = 'claim_token'")
        ).scalar_one()
        postings = connection.execute(sa.text("SELECT count(*) FROM claim_token")).scalar_one()
    assert "WITHOUT ROWID" in table
    assert postings > 100  # the seed's claims are indexed through the rebuilt table
    command.downgrade(alembic_config(db_url), "0008")
    with db.engine.connect() as connection:
        table = connection.execute(
            sa.text("SELECT sql FROM sqlite_master WHERE name = 'claim_token'")
        ).scalar_one()
        after = connection.execute(sa.text("SELECT count(*) FROM claim_token")).scalar_one()
    assert "WITHOUT ROWID" not in table and after == postings


def test_history_is_append_only(cli: Cli, db: Database) -> None:
    cli("ingest", str(SEED))
    assert cli("verify", "1", "-e", "https://www.reuters.com/a").exit_code == 0
    for statement in ("UPDATE review_event SET actor = 'someone else'", "DELETE FROM review_event"):
        with db.engine.connect() as connection, pytest.raises(sa.exc.DatabaseError) as caught:
            connection.execute(sa.text(statement))
        assert "append-only" in str(caught.value)
    with db.engine.connect() as connection:
        actors = connection.execute(sa.text("SELECT actor FROM review_event")).scalars().all()
    assert actors == ["test-reviewer", "test-reviewer"]


def test_db_check_and_upgrade_on_an_empty_database(empty_db_url: str) -> None:
    before = invoke("--db", empty_db_url, "db", "check")
    assert before.exit_code == 1
    assert "empty (no schema)" in before.stderr and "claimcheck db upgrade" in before.stderr
    assert invoke("--db", empty_db_url, "db", "upgrade").exit_code == 0
    after = invoke("--db", empty_db_url, "db", "check")
    assert after.exit_code == 0
    assert f"({head_revision(empty_db_url)})" in after.stdout


def test_db_check_says_when_a_database_is_behind(empty_db_url: str) -> None:
    command.upgrade(alembic_config(empty_db_url), "0001")
    run = invoke("--db", empty_db_url, "db", "check")
    assert run.exit_code == 1 and "at revision 0001" in run.stderr


def test_alembic_check_command_finds_no_model_change(db_url: str) -> None:
    """`alembic check` itself, from alembic.ini, as a developer runs it."""
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [str(Path(sys.executable).parent / "alembic"), "check"],
        cwd=root,
        env={**os.environ, "CLAIMCHECK_DB": db_url},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "No new upgrade operations detected" in done.stdout + done.stderr


def test_downgrade_and_upgrade_keep_the_data(cli: Cli, db: Database, db_url: str) -> None:
    """Batch migrations copy tables on SQLite: nothing may cascade away on the way."""
    cli("ingest", str(SEED))
    assert cli("verify", "1", "-e", "https://www.reuters.com/a").exit_code == 0
    counts = (
        "SELECT (SELECT count(*) FROM claim), (SELECT count(*) FROM evidence), "
        "(SELECT count(*) FROM review_event)"
    )
    with db.engine.connect() as connection:
        before = tuple(connection.execute(sa.text(counts)).one())
    db.engine.dispose()
    command.downgrade(alembic_config(db_url), "0001")
    upgrade(db_url)
    with db.engine.connect() as connection:
        after = tuple(connection.execute(sa.text(counts)).one())
    assert before == after == (26, 1, 2)


def test_triage_migration_scores_old_claims_and_keeps_history_append_only(
    cli: Cli, db: Database, db_url: str
) -> None:
    """0006 rebuilds review_event on SQLite: its triggers must come back, and claims stored
    before it get their check-worthiness score."""
    cli("ingest", str(SEED))
    assert cli("verify", "1", "-e", "https://www.reuters.com/a").exit_code == 0
    db.engine.dispose()
    command.downgrade(alembic_config(db_url), "0005")
    upgrade(db_url)
    with db.engine.connect() as connection:
        unscored = connection.execute(
            sa.text("SELECT count(*) FROM claim WHERE priority IS NULL OR signals IS NULL")
        ).scalar_one()
        events = connection.execute(sa.text("SELECT count(*) FROM review_event")).scalar_one()
    assert (unscored, events) == (0, 2)
    with db.engine.connect() as connection, pytest.raises(sa.exc.DatabaseError) as caught:
        connection.execute(sa.text("DELETE FROM review_event"))
    assert "append-only" in str(caught.value)
