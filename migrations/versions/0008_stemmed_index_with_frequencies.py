"""stemmed search index with term frequencies

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26

claim_token.count keeps how often a term occurs in a claim, for BM25; terms are now stemmed
in the claim's language (Snowball English, Sastrawi Indonesian). The index is rebuilt here
for the claims already stored.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('claim_token', sa.Column('count', sa.Integer(), server_default='1', nullable=False))
    _rebuild_index()


def downgrade() -> None:
    # The earlier revisions indexed unstemmed words; the stemmed terms stay, without counts.
    op.drop_column('claim_token', 'count')


def _rebuild_index() -> None:
    from sqlalchemy.orm import Session

    from claimcheck.services.repeats.index import claim_terms, index_words

    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT claim.id, claim.match_text, claim.context, article.language FROM claim "
            "JOIN sentence ON sentence.id = claim.sentence_id "
            "JOIN article ON article.id = sentence.article_id "
            "WHERE claim.match_text IS NOT NULL ORDER BY claim.id"
        )
    ).all()
    bind.execute(sa.text("DELETE FROM claim_token"))
    bind.execute(sa.text("DELETE FROM match_token"))
    session = Session(bind=bind)
    for start in range(0, len(rows), 2000):
        chunk = rows[start : start + 2000]
        index_words(
            session,
            {cid: claim_terms(text, context, language) for cid, text, context, language in chunk},
        )
    session.flush()
