"""The review history as a hash chain: each event stores the hash of itself and the one
before it, so an event changed, removed or slipped in afterwards no longer matches.

Every new ``review_event`` row gets its id (the next after the newest) and its hash here, in
one place: a ``before_flush`` hook for rows written through the ORM, :func:`append_rows` for
rows written in bulk. On PostgreSQL an advisory lock held to the end of the transaction makes
writers take turns at the head of the chain; on SQLite the write transaction already does.
An evidence event's hash covers the evidence row it points at, so editing a link after the
fact breaks the chain as well.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.orm.util import identity_key

from claimcheck.storage.clock import now, transaction_cache
from claimcheck.storage.models import Claim, EventKind, Evidence, ReviewEvent

#: Written into every hashed text, so a later way of hashing can be told from this one.
HASH_FORMAT = "claimcheck-history-1"
EVENT_FIELDS = (
    "id",
    "claim_id",
    "kind",
    "actor",
    "at",
    "from_status",
    "to_status",
    "evidence_id",
    "note",
    "rating",
    "from_text",
    "to_text",
)
EVIDENCE_FIELDS = ("claim_id", "url", "stance", "note", "added_by", "added_at")
_LOCK = 0x68697374  # "hist": PostgreSQL advisory lock on the head of the chain
_BATCH = 5000


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    return value


def event_hash(previous: str, event: Mapping[str, Any], evidence: Mapping[str, Any] | None) -> str:
    """The hash of an event after ``previous`` (the hash of the event before it, "" for the
    first): SHA-256 over the previous hash and the event's fields, and for an evidence
    event the fields of its evidence row."""
    fields = [_plain(event.get(name)) for name in EVENT_FIELDS]
    linked = [_plain(evidence.get(name)) for name in EVIDENCE_FIELDS] if evidence else None
    text = json.dumps([HASH_FORMAT, previous, fields, linked], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _head(session: Session) -> tuple[int, str]:
    """The newest event's id and hash, read once per transaction, under the chain's lock."""
    cache = transaction_cache(session)
    if "history_head" not in cache:
        connection = session.connection()
        if connection.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
        row = connection.execute(
            sa.select(ReviewEvent.id, ReviewEvent.hash).order_by(ReviewEvent.id.desc()).limit(1)
        ).first()
        cache["history_head"] = (row[0], row[1]) if row is not None else (0, "")
    head: tuple[int, str] = cache["history_head"]
    return head


def _evidence_fields(session: Session, evidence_id: int | None) -> dict[str, Any] | None:
    if evidence_id is None:
        return None
    loaded = session.identity_map.get(identity_key(Evidence, evidence_id))
    if isinstance(loaded, Evidence):
        return {name: getattr(loaded, name) for name in EVIDENCE_FIELDS}
    columns = [getattr(Evidence, name) for name in EVIDENCE_FIELDS]
    row = session.connection().execute(sa.select(*columns).where(Evidence.id == evidence_id))
    found = row.mappings().first()
    if found is None:
        raise LookupError(f"evidence #{evidence_id} must be stored before its history event")
    return dict(found)


def _chain_new_events(session: Session, _context: UOWTransaction, _instances: object) -> None:
    new = [obj for obj in session.new if isinstance(obj, ReviewEvent)]
    if not new:
        return
    new.sort(key=lambda event: sa.inspect(event).insert_order or 0)
    last_id, last_hash = _head(session)
    for event in new:
        if event.at is None:
            event.at = now(session)
        last_id += 1
        event.id = last_id
        fields = {name: getattr(event, name) for name in EVENT_FIELDS}
        event.hash = event_hash(last_hash, fields, _evidence_fields(session, event.evidence_id))
        last_hash = event.hash
    transaction_cache(session)["history_head"] = (last_id, last_hash)


sa.event.listen(Session, "before_flush", _chain_new_events)


def append_rows(
    session: Session,
    rows: Iterable[dict[str, Any]],
    *,
    evidence: Mapping[int, Mapping[str, Any]] | None = None,
) -> list[int]:
    """Write events given as column values (bulk restores and imports) at the head of the
    chain, each with its new id and hash; returns the ids in order. ``evidence`` gives the
    fields of evidence rows the caller has just written, by id (others are read back)."""
    last_id, last_hash = _head(session)
    ids = []
    values = []
    for row in rows:
        last_id += 1
        event = {**row, "id": last_id, "at": row.get("at") or now(session)}
        linked = row.get("evidence_id")
        given = evidence.get(linked) if evidence is not None and linked is not None else None
        event["hash"] = event_hash(
            last_hash, event, given if given is not None else _evidence_fields(session, linked)
        )
        last_hash = event["hash"]
        values.append(event)
        ids.append(last_id)
    if values:
        session.execute(sa.insert(ReviewEvent), values)
    transaction_cache(session)["history_head"] = (last_id, last_hash)
    return ids


# ------------------------------------------------------------------------ verification


@dataclass
class HistoryCheck:
    """What `claimcheck db verify-history` found."""

    events: int = 0
    head: str | None = None  # the newest event's hash: record it to check against later
    problems: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems


def _rows(connection: sa.Connection) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Every event in id order with its evidence row, read a batch at a time."""
    event_columns = [getattr(ReviewEvent, name) for name in (*EVENT_FIELDS, "hash")]
    evidence_columns = [getattr(Evidence, name).label(f"e_{name}") for name in EVIDENCE_FIELDS]
    last = 0
    while True:
        batch = connection.execute(
            sa.select(*event_columns, Evidence.id.label("e_id"), *evidence_columns)
            .outerjoin(Evidence, Evidence.id == ReviewEvent.evidence_id)
            .where(ReviewEvent.id > last)
            .order_by(ReviewEvent.id)
            .limit(_BATCH)
        ).mappings()
        rows = list(batch)
        if not rows:
            return
        for row in rows:
            event = {name: row[name] for name in (*EVENT_FIELDS, "hash")}
            for name in ("at",):
                event[name] = _aware(event[name])
            evidence = None
            if row["e_id"] is not None:
                evidence = {name: row[f"e_{name}"] for name in EVIDENCE_FIELDS}
                evidence["added_at"] = _aware(evidence["added_at"])
            yield event, evidence
        last = rows[-1]["id"]


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def verify(
    connection: sa.Connection, *, expected_head: str | None = None, limit: int = 20
) -> HistoryCheck:
    """Recompute the chain and compare: every event's hash, every claim's status against
    its last verdict, every evidence link against the event that added it."""
    check = HistoryCheck()
    previous = ""
    seen_head = expected_head is None
    for event, evidence in _rows(connection):
        check.events += 1
        if event["evidence_id"] is not None and evidence is None:
            check.problems.append(
                f"event #{event['id']} (claim #{event['claim_id']}) points at evidence "
                f"#{event['evidence_id']}, which is gone"
            )
        elif event["hash"] != event_hash(previous, event, evidence):
            what = f"{event['kind']} by {event['actor']} at {_plain(event['at'])}"
            check.problems.append(
                f"event #{event['id']} (claim #{event['claim_id']}, {what}) does not match its "
                "hash: it, its evidence, or an event before it was changed or removed after "
                "it was written"
            )
        previous = event["hash"] or ""
        seen_head = seen_head or event["hash"] == expected_head
        check.head = event["hash"]
    if not seen_head:
        check.problems.append(
            f"the recorded head {expected_head} is not in the history: events were removed or "
            "rewritten after it was recorded"
        )
    check.problems += _statuses(connection) + _unrecorded_evidence(connection)
    del check.problems[limit:]
    return check


def _statuses(connection: sa.Connection) -> list[str]:
    """Claims whose status or rating is not what their last verdict in the history says."""
    last = (
        sa.select(ReviewEvent.claim_id, sa.func.max(ReviewEvent.id).label("event_id"))
        .where(ReviewEvent.kind == EventKind.STATUS.value)
        .group_by(ReviewEvent.claim_id)
        .subquery()
    )
    rows = connection.execute(
        sa.select(Claim.id, Claim.status, Claim.rating, ReviewEvent.to_status, ReviewEvent.rating)
        .outerjoin(last, last.c.claim_id == Claim.id)
        .outerjoin(ReviewEvent, ReviewEvent.id == last.c.event_id)
        .where(
            sa.or_(
                sa.and_(ReviewEvent.id.is_(None), Claim.status != "pending"),
                Claim.status != ReviewEvent.to_status,
                sa.func.coalesce(Claim.rating, "") != sa.func.coalesce(ReviewEvent.rating, ""),
            )
        )
        .order_by(Claim.id)
        .limit(_BATCH)
    )
    return [
        f"claim #{claim_id} is {status}{f' ({rating})' if rating else ''} but its history "
        f"says {to_status or 'pending'}{f' ({said})' if said else ''}: the claim was changed "
        "outside claimcheck, or its last verdicts were removed"
        for claim_id, status, rating, to_status, said in rows
    ]


def _unrecorded_evidence(connection: sa.Connection) -> list[str]:
    """Evidence no history event added: slipped in outside claimcheck."""
    recorded = sa.select(ReviewEvent.evidence_id).where(ReviewEvent.evidence_id.is_not(None))
    rows = connection.execute(
        sa.select(Evidence.id, Evidence.claim_id)
        .where(Evidence.id.not_in(recorded))
        .order_by(Evidence.id)
        .limit(_BATCH)
    )
    return [
        f"evidence #{evidence_id} of claim #{claim_id} was never recorded in the history: it "
        "was added outside claimcheck"
        for evidence_id, claim_id in rows
    ]
