"""posting cache: a term's postings packed in one row

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01

Ingest's look-up reads the postings of each new claim's rarer terms. Read from claim_token
they are one row each (at a million claims, tens of thousands per article); packed per term
they are one row per term. The table is derived from claim_token and starts empty: rows are
built the first time a term is read.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'posting_cache',
        sa.Column('token_id', sa.Integer(), nullable=False),
        sa.Column('upto', sa.Integer(), nullable=False),
        sa.Column('stamp', sa.BigInteger(), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ['token_id'], ['match_token.id'],
            name=op.f('fk_posting_cache_token_id_match_token'), ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('token_id', name=op.f('pk_posting_cache')),
    )


def downgrade() -> None:
    op.drop_table('posting_cache')
