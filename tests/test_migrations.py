"""Migrations: one head, upgrade from empty, models match migrations, down/up round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from claimcheck.storage import Base
from claimcheck.storage.db import (
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    open_database,
    upgrade,
)


def test_single_head(tmp_path: Path) -> None:
    script = ScriptDirectory.from_config(alembic_config(f"sqlite:///{tmp_path / 'x.db'}"))
    assert len(script.get_heads()) == 1


def test_upgrade_from_empty_builds_every_table(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    upgrade(url)
    engine = make_engine(url)
    try:
        tables = set(sa.inspect(engine).get_table_names())
        assert {"article", "sentence", "claim", "evidence", "review_event"} <= tables
        assert current_revision(engine) == head_revision(url)
    finally:
        engine.dispose()


def test_models_match_migrations(template_db: Path) -> None:
    engine = make_engine(f"sqlite:///{template_db}")
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_downgrade_to_base_and_up_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'roundtrip.db'}"
    upgrade(url)
    config = alembic_config(url)
    command.downgrade(config, "base")
    engine = make_engine(url)
    try:
        assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
    finally:
        engine.dispose()
    upgrade(url)
    engine = make_engine(url)
    try:
        assert current_revision(engine) == head_revision(url)
    finally:
        engine.dispose()


def test_new_database_is_migrated_on_first_use(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sub' / 'fresh.db'}"
    db = open_database(url)
    try:
        assert current_revision(db.engine) == head_revision(url)
    finally:
        db.close()


def test_constraints_have_names(template_db: Path) -> None:
    engine = make_engine(f"sqlite:///{template_db}")
    try:
        inspector = sa.inspect(engine)
        checks = {c["name"] for c in inspector.get_check_constraints("claim")}
        uniques = {c["name"] for c in inspector.get_unique_constraints("claim")}
        assert "ck_claim_status" in checks
        assert "uq_claim_sentence_id_position" in uniques
    finally:
        engine.dispose()


def test_history_is_append_only(cli, db) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import SEED

    cli("ingest", str(SEED))
    assert cli("verify", "1", "-e", "https://www.reuters.com/a").exit_code == 0
    with db.engine.connect() as connection:
        with pytest.raises(sa.exc.DatabaseError, match="append-only"):
            connection.execute(sa.text("UPDATE review_event SET actor = 'someone else'"))
        with pytest.raises(sa.exc.DatabaseError, match="append-only"):
            connection.execute(sa.text("DELETE FROM review_event"))
        actors = connection.execute(sa.text("SELECT actor FROM review_event")).scalars().all()
    assert actors == ["test-reviewer", "test-reviewer"]
