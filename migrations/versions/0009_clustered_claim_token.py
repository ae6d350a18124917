"""claim_token clustered by term on SQLite

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26

Search and matching read a term's postings (token_id, claim_id, count). In a rowid table
each posting's count was a separate page read; as a WITHOUT ROWID table the postings of a
term lie together in primary-key order, and reading them is one range scan. On both
engines the claim_id index also holds the count, so a claim's length for BM25 is read from
the index alone.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = "token_id, claim_id, count"


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        _rebuild(with_rowid=False)
    else:
        op.drop_index('ix_claim_token_claim_id', table_name='claim_token')
    op.create_index('ix_claim_token_claim_id_count', 'claim_token', ['claim_id', 'count'])


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        _rebuild(with_rowid=True)
    else:
        op.drop_index('ix_claim_token_claim_id_count', table_name='claim_token')
    op.create_index('ix_claim_token_claim_id', 'claim_token', ['claim_id'])


def _rebuild(*, with_rowid: bool) -> None:
    # The same table and constraints as 0008 left them; only the storage changes.
    op.execute(
        "CREATE TABLE claim_token_new ("
        "token_id INTEGER NOT NULL, claim_id INTEGER NOT NULL, "
        "count INTEGER DEFAULT '1' NOT NULL, "
        "CONSTRAINT pk_claim_token PRIMARY KEY (token_id, claim_id), "
        "CONSTRAINT fk_claim_token_claim_id_claim FOREIGN KEY(claim_id) "
        "REFERENCES claim (id) ON DELETE CASCADE, "
        "CONSTRAINT fk_claim_token_token_id_match_token FOREIGN KEY(token_id) "
        "REFERENCES match_token (id))" + ("" if with_rowid else " WITHOUT ROWID")
    )
    op.execute(
        f"INSERT INTO claim_token_new ({_COLUMNS}) SELECT {_COLUMNS} FROM claim_token "
        "ORDER BY token_id, claim_id"
    )
    op.execute("DROP TABLE claim_token")
    op.execute("ALTER TABLE claim_token_new RENAME TO claim_token")
