"""article revisions and claims that need context

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26

article.previous_id and article.revision chain the revisions of an edited article;
claim.revision_change marks a claim a later revision removed or changed; claim.reference
holds the words that need an earlier sentence ("Ia", "Hal ini", "This").
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.add_column(sa.Column('previous_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('revision', sa.Integer(), server_default='1', nullable=False))
        batch_op.create_unique_constraint(batch_op.f('uq_article_previous_id'), ['previous_id'])
        batch_op.create_foreign_key(batch_op.f('fk_article_previous_id_article'), 'article', ['previous_id'], ['id'])
    op.add_column('claim', sa.Column('reference', sa.String(length=100), nullable=True))
    op.add_column('claim', sa.Column('revision_change', sa.String(length=16), nullable=True))


def downgrade() -> None:
    op.drop_column('claim', 'revision_change')
    op.drop_column('claim', 'reference')
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_article_previous_id_article'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_article_previous_id'), type_='unique')
        batch_op.drop_column('revision')
        batch_op.drop_column('previous_id')
