"""tamper-evident history

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01

Each review_event gets a hash chaining it to the event before it (storage/history.py),
filled here for the events already stored. The ways around the append-only triggers are
closed: SQLite's REPLACE (its delete skips triggers) is refused by a trigger on INSERT of an
existing id, PostgreSQL's TRUNCATE by a statement trigger. Evidence a history event points
at can no longer be updated or deleted, on both engines (a change is a new evidence row).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_APPEND_ONLY = "review_event is append-only: history is never updated or deleted"
_TRUNCATE = "review_event and evidence hold the history: they are never truncated"
_EVIDENCE = "evidence in the history is never changed or deleted: add a new link instead"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column("review_event", sa.Column("hash", sa.String(length=64), nullable=True))
    if sqlite:
        op.execute("DROP TRIGGER IF EXISTS review_event_no_update")
    else:
        op.execute("ALTER TABLE review_event DISABLE TRIGGER review_event_append_only")
    _fill_hashes()
    if sqlite:
        with op.batch_alter_table("review_event", recreate="always") as batch_op:
            batch_op.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        _sqlite_guards()
    else:
        op.execute("ALTER TABLE review_event ENABLE TRIGGER review_event_append_only")
        op.alter_column("review_event", "hash", existing_type=sa.String(length=64), nullable=False)
        _postgres_guards()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        with op.batch_alter_table("review_event", recreate="always") as batch_op:
            batch_op.drop_column("hash")
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER review_event_no_{action.lower()} BEFORE {action} ON "
                f"review_event BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
            )
        return
    op.execute("DROP TRIGGER IF EXISTS review_event_no_truncate ON review_event")
    op.execute("DROP TRIGGER IF EXISTS evidence_no_truncate ON evidence")
    op.execute("DROP TRIGGER IF EXISTS evidence_in_history ON evidence")
    op.execute("DROP FUNCTION IF EXISTS evidence_in_history()")
    op.execute("DROP FUNCTION IF EXISTS history_no_truncate()")
    op.drop_column("review_event", "hash")


def _fill_hashes() -> None:
    """The chain over the events stored so far, in id order, a batch at a time."""
    from claimcheck.storage.history import EVENT_FIELDS, EVIDENCE_FIELDS, event_hash

    bind = op.get_bind()
    events = sa.table("review_event", *(sa.column(n) for n in (*EVENT_FIELDS, "hash")))
    evidence = sa.table("evidence", sa.column("id"), *(sa.column(n) for n in EVIDENCE_FIELDS))
    linked = [evidence.c[n].label(f"e_{n}") for n in ("id", *EVIDENCE_FIELDS)]
    update = (
        events.update()
        .where(events.c.id == sa.bindparam("event_id"))
        .values(hash=sa.bindparam("digest"))
    )
    previous, last = "", 0
    while True:
        rows = bind.execute(
            sa.select(*(events.c[n] for n in EVENT_FIELDS), *linked)
            .select_from(events.outerjoin(evidence, evidence.c.id == events.c.evidence_id))
            .where(events.c.id > last)
            .order_by(events.c.id)
            .limit(5000)
        ).mappings().all()
        if not rows:
            return
        digests = []
        for row in rows:
            event = _aware({n: row[n] for n in EVENT_FIELDS})
            found = None
            if row["e_id"] is not None:
                found = _aware({n: row[f"e_{n}"] for n in EVIDENCE_FIELDS})
            previous = event_hash(previous, event, found)
            digests.append({"event_id": row["id"], "digest": previous})
        bind.execute(update, digests)
        last = rows[-1]["id"]


def _aware(values: dict) -> dict:
    """Timestamps as the application reads them (UTC, aware), so the hash is the same."""
    from datetime import UTC, datetime

    out = dict(values)
    for key in ("at", "added_at"):
        value = out.get(key)
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if isinstance(value, datetime):
            out[key] = value.replace(tzinfo=UTC) if value.tzinfo is None else value
    return out


_SQLITE_TRIGGERS = (
    "review_event_no_update",
    "review_event_no_delete",
    "review_event_no_replace",
    "evidence_no_replace",
    "evidence_no_update",
    "evidence_no_delete",
)


def _sqlite_guards() -> None:
    for action in ("UPDATE", "DELETE"):
        op.execute(f"DROP TRIGGER IF EXISTS review_event_no_{action.lower()}")
        op.execute(
            f"CREATE TRIGGER review_event_no_{action.lower()} BEFORE {action} ON review_event "
            f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
        )
    # REPLACE deletes the row it replaces without firing delete triggers; refusing an
    # INSERT of an id that exists closes that door (and INSERT OR REPLACE's).
    for table, message in (("review_event", _APPEND_ONLY), ("evidence", _EVIDENCE)):
        op.execute(
            f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} "
            f"WHEN EXISTS (SELECT 1 FROM {table} WHERE id = NEW.id) "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )
    for action in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER evidence_no_{action.lower()} BEFORE {action} ON evidence "
            "WHEN EXISTS (SELECT 1 FROM review_event WHERE evidence_id = OLD.id) "
            f"BEGIN SELECT RAISE(ABORT, '{_EVIDENCE}'); END"
        )


def _postgres_guards() -> None:
    # TRUNCATE skips row triggers: a statement trigger refuses it on both history tables.
    op.execute(
        "CREATE FUNCTION history_no_truncate() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{_TRUNCATE}'; END $$"
    )
    for table in ("review_event", "evidence"):
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION history_no_truncate()"
        )
    op.execute(
        "CREATE FUNCTION evidence_in_history() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF EXISTS (SELECT 1 FROM review_event WHERE evidence_id = OLD.id) THEN "
        f"RAISE EXCEPTION '{_EVIDENCE}'; END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER evidence_in_history BEFORE UPDATE OR DELETE ON evidence "
        "FOR EACH ROW EXECUTE FUNCTION evidence_in_history()"
    )
