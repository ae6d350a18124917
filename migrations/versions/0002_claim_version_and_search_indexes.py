"""claim version and PostgreSQL search indexes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

``claim.version`` lets two reviewers deciding on one claim at once find out instead of
overwriting each other. On PostgreSQL, trigram (pg_trgm) and full-text indexes over the claim
text serve search and repeated-claim look-ups; SQLite skips them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))

    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX ix_claim_text_trgm ON claim USING gin (lower(text) gin_trgm_ops)"
        )
        op.execute(
            "CREATE INDEX ix_claim_text_fts ON claim USING gin (to_tsvector('simple', text))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_claim_text_fts")
        op.execute("DROP INDEX IF EXISTS ix_claim_text_trgm")

    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_column("version")
