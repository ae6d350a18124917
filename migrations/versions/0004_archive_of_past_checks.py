"""archive of past fact-checks

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

article.kind tells a news article from an archived fact-check (imported with `claimcheck
import claims`); claim.external_id keeps the archive's own id, claim.context the words
that help find a claim without being it (an archived check's headline).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=16), server_default='news', nullable=False))

    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.add_column(sa.Column('external_id', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('context', sa.Text(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_column('context')
        batch_op.drop_column('external_id')

    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_column('kind')

