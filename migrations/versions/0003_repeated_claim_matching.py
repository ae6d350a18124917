"""repeated claim matching

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

The inverted index matching reads candidates from (match_token with each word's claim count,
claim_token postings), claim.match_text, the pairs matching found or reviewers decided
(claim_match), and groups of claims that are the same claim (claim_group, kept off the claim
row so joining a group does not change a claim's version).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('claim_group',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_group'))
    )
    op.create_table('match_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=64), nullable=False),
    sa.Column('claims', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_token')),
    sa.UniqueConstraint('text', name=op.f('uq_match_token_text'))
    )
    op.create_table('claim_group_member',
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('added_by', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], name=op.f('fk_claim_group_member_claim_id_claim'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['claim_group.id'], name=op.f('fk_claim_group_member_group_id_claim_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_id', name=op.f('pk_claim_group_member'))
    )
    with op.batch_alter_table('claim_group_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_group_member_group_id'), ['group_id'], unique=False)

    op.create_table('claim_match',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_a_id', sa.Integer(), nullable=False),
    sa.Column('claim_b_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('guards', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by', sa.String(length=200), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("kind IN ('suggested', 'linked', 'confirmed', 'rejected')", name=op.f('ck_claim_match_kind')),
    sa.CheckConstraint('claim_a_id < claim_b_id', name=op.f('ck_claim_match_ordered')),
    sa.ForeignKeyConstraint(['claim_a_id'], ['claim.id'], name=op.f('fk_claim_match_claim_a_id_claim'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['claim_b_id'], ['claim.id'], name=op.f('fk_claim_match_claim_b_id_claim'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_match')),
    sa.UniqueConstraint('claim_a_id', 'claim_b_id', name=op.f('uq_claim_match_claim_a_id_claim_b_id'))
    )
    with op.batch_alter_table('claim_match', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_match_claim_b_id'), ['claim_b_id'], unique=False)

    op.create_table('claim_token',
    sa.Column('token_id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], name=op.f('fk_claim_token_claim_id_claim'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['token_id'], ['match_token.id'], name=op.f('fk_claim_token_token_id_match_token')),
    sa.PrimaryKeyConstraint('token_id', 'claim_id', name=op.f('pk_claim_token'))
    )
    with op.batch_alter_table('claim_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_token_claim_id'), ['claim_id'], unique=False)

    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.add_column(sa.Column('match_text', sa.Text(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_column('match_text')

    with op.batch_alter_table('claim_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_token_claim_id'))

    op.drop_table('claim_token')
    with op.batch_alter_table('claim_match', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_match_claim_b_id'))

    op.drop_table('claim_match')
    with op.batch_alter_table('claim_group_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_group_member_group_id'))

    op.drop_table('claim_group_member')
    op.drop_table('match_token')
    op.drop_table('claim_group')
