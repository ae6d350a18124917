"""The database's clock: what leases, verdicts, evidence and history are stamped with.

Every reviewer's machine has its own clock, and one that runs fast would see a colleague's
live lease as expired (and take the claim off their screen) or date a verdict in the future.
The database's clock is the one all of them share. It is read once per transaction, so every
row a transaction writes carries the same time (on PostgreSQL ``now()`` is the transaction's
start anyway).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

#: Values kept for the length of one transaction (the time, the history chain's head).
TRANSACTION_CACHE = "claimcheck.transaction"


def transaction_cache(session: Session) -> dict[str, Any]:
    """A dict that lives as long as the session's current transaction: emptied when it
    commits or rolls back (a savepoint's rollback included)."""
    cache: dict[str, Any] = session.info.setdefault(TRANSACTION_CACHE, {})
    return cache


def _forget(session: Session, *_: object) -> None:
    session.info.pop(TRANSACTION_CACHE, None)


for _event in ("after_commit", "after_rollback", "after_soft_rollback"):
    sa.event.listen(Session, _event, _forget)


def now(session: Session) -> datetime:
    """The database's current time (UTC, aware), the same for the whole transaction."""
    cache = transaction_cache(session)
    if "now" not in cache:
        cache["now"] = read_clock(session.connection())
    value: datetime = cache["now"]
    return value


def read_clock(connection: sa.Connection) -> datetime:
    if connection.dialect.name == "postgresql":
        found = connection.execute(sa.text("SELECT now()")).scalar_one()
        return found.astimezone(UTC)  # type: ignore[no-any-return]
    # SQLite's own clock, in UTC to the millisecond.
    text = connection.execute(sa.text("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')")).scalar_one()
    return datetime.fromisoformat(text).replace(tzinfo=UTC)
