"""triage: priority, assignment, second review, edits and splits, leases, cursors

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26

claim.priority and claim.signals hold the check-worthiness score and its reasons (filled
here for claims stored before); claim.assigned_to and claim.awaiting_second serve team
work; review_event can now record edits, splits and assignments (from_text, to_text);
claim_lease reserves a claim for the reviewer `review` shows it to; review_cursor remembers
where each reviewer left each queue.

On SQLite, changing review_event's CHECK constraint rebuilds the table, which drops its
triggers; they are created again here, so the history stays append-only.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_KINDS = "kind IN ('status', 'evidence')"
NEW_KINDS = "kind IN ('status', 'evidence', 'edit', 'split', 'assign')"
_MESSAGE = "review_event is append-only: history is never updated or deleted"


def upgrade() -> None:
    op.add_column("claim", sa.Column("priority", sa.Float(), nullable=True))
    op.add_column("claim", sa.Column("signals", sa.String(length=300), nullable=True))
    op.add_column("claim", sa.Column("assigned_to", sa.String(length=200), nullable=True))
    op.add_column(
        "claim",
        sa.Column("awaiting_second", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column("review_event", sa.Column("from_text", sa.Text(), nullable=True))
    op.add_column("review_event", sa.Column("to_text", sa.Text(), nullable=True))
    _replace_kind_check(NEW_KINDS)

    op.create_table(
        "claim_lease",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_lease_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_lease")),
    )
    op.create_index(op.f("ix_claim_lease_reviewer"), "claim_lease", ["reviewer"], unique=False)
    op.create_table(
        "review_cursor",
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("queue", sa.String(length=300), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_review_cursor_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("reviewer", "queue", name=op.f("pk_review_cursor")),
    )
    _score_stored_claims()


def downgrade() -> None:
    op.drop_table("review_cursor")
    op.drop_index(op.f("ix_claim_lease_reviewer"), table_name="claim_lease")
    op.drop_table("claim_lease")
    _replace_kind_check(OLD_KINDS, drop_columns=("from_text", "to_text"))
    for column in ("awaiting_second", "assigned_to", "signals", "priority"):
        op.drop_column("claim", column)


def _replace_kind_check(check: str, drop_columns: tuple[str, ...] = ()) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint(op.f("ck_review_event_kind"), "review_event", type_="check")
        op.create_check_constraint(op.f("ck_review_event_kind"), "review_event", check)
        for column in drop_columns:
            op.drop_column("review_event", column)
        return
    for action in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS review_event_no_{action}")
    with op.batch_alter_table("review_event", recreate="always") as batch_op:
        batch_op.drop_constraint(op.f("ck_review_event_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_review_event_kind"), check)
        for column in drop_columns:
            batch_op.drop_column(column)
    for action in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER review_event_no_{action.lower()} BEFORE {action} ON review_event "
            f"BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END"
        )


def _score_stored_claims() -> None:
    """Claims stored before this revision get their check-worthiness score now."""
    from claimcheck.pipeline.worthiness import score

    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT claim.id, claim.text, claim.speaker, claim.hedged, article.language "
            "FROM claim JOIN sentence ON sentence.id = claim.sentence_id "
            "JOIN article ON article.id = sentence.article_id"
        )
    ).all()
    update = sa.text("UPDATE claim SET priority = :priority, signals = :signals WHERE id = :id")
    values = []
    for claim_id, text, speaker, hedged, language in rows:
        found = score(text, language=language, speaker=speaker, hedged=bool(hedged))
        values.append({"id": claim_id, "priority": found.score, "signals": ",".join(found.signals)})
    if values:
        bind.execute(update, values)
