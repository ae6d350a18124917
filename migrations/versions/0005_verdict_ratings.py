"""verdict ratings

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

claim.rating is the published rating behind a claim's verdict ("Menyesatkan", "Mostly
true"); review_event.rating keeps the rating each verdict gave, so the history shows it.
Plain ADD COLUMN on both engines: rebuilding review_event on SQLite would drop the
triggers that keep it append-only.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('claim', sa.Column('rating', sa.String(length=100), nullable=True))
    op.add_column('review_event', sa.Column('rating', sa.String(length=100), nullable=True))


def downgrade() -> None:
    # SQLite (3.35+) drops a plain column in place, so the triggers survive here too.
    op.drop_column('review_event', 'rating')
    op.drop_column('claim', 'rating')
