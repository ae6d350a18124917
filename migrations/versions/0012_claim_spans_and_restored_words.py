"""claim spans and restored words

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

Claims are cut on the dependency parse: a claim is the runs of its sentence's words it uses
(``spans``, JSON ``[[start, end], ...]`` into the article text) plus words written back from
elsewhere in the sentence (``restored``, JSON list: an elided subject, a gapped verb, a head
noun). Claims stored before have neither (NULL): their start/end offsets still hold.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('claim') as batch:
        batch.add_column(sa.Column('spans', sa.Text(), nullable=True))
        batch.add_column(sa.Column('restored', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('claim') as batch:
        batch.drop_column('restored')
        batch.drop_column('spans')
