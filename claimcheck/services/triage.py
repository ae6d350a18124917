"""Triage: the review queue, leases, assignment, bulk selection, edits and splits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claimcheck.errors import InvalidInput
from claimcheck.matching.aliases import learn_aliases
from claimcheck.pipeline import worthiness
from claimcheck.pipeline.model import Role
from claimcheck.services import browse
from claimcheck.services.lookup import check_status, load_article, load_claim
from claimcheck.services.repeats.index import reindex_claim
from claimcheck.services.review import MAX_NOTE, MAX_REVIEWER
from claimcheck.services.revisions import latest_only
from claimcheck.services.superseded import check_current
from claimcheck.services.views import ClaimView
from claimcheck.storage import Article, Claim, EventKind, ReviewEvent, Sentence, Status
from claimcheck.storage.clock import now
from claimcheck.storage.models import ClaimLease, ReviewCursor

MAX_CLAIM = 2000


class Order(StrEnum):
    PRIORITY = "priority"  # most check-worthy first
    OLDEST = "oldest"  # ingested first, first
    ARTICLE = "article"  # article by article, in reading order


@dataclass(frozen=True)
class QueueFilter:
    status: str | None = Status.PENDING.value
    article_id: int | None = None
    order: Order = Order.PRIORITY
    mine: bool = False  # only claims assigned to this reviewer
    awaiting_second: bool = False  # only verdicts waiting for a second reviewer

    def key(self) -> str:
        """Names this queue, so each queue has its own place to resume from."""
        parts = [
            f"status={self.status or 'any'}",
            f"article={self.article_id or 'all'}",
            f"order={self.order.value}",
        ]
        if self.mine:
            parts.append("mine")
        if self.awaiting_second:
            parts.append("second")
        return ";".join(parts)


def _sort_key(order: Order) -> list[Any]:
    if order is Order.PRIORITY:
        return [func.coalesce(Claim.priority, 0).desc(), Claim.id]
    if order is Order.OLDEST:
        return [Claim.created_at, Claim.id]
    return [Sentence.article_id, Sentence.position, Claim.position]


def queue(session: Session, reviewer: str, wanted: QueueFilter) -> list[int]:
    """The claims this reviewer should see, in order: not leased to someone else, not
    assigned to someone else, news claims only."""
    if wanted.article_id is not None:
        load_article(session, wanted.article_id)
    leased = select(ClaimLease.claim_id).where(
        ClaimLease.reviewer != reviewer, ClaimLease.expires_at > now(session)
    )
    query = (
        select(Claim.id)
        .join(Sentence, Claim.sentence_id == Sentence.id)
        .join(Article, Article.id == Sentence.article_id)
        .where(Article.kind == "news", latest_only(), Claim.id.not_in(leased))
        .order_by(*_sort_key(wanted.order))
    )
    if wanted.status:
        query = query.where(Claim.status == check_status(wanted.status))
    if wanted.article_id is not None:
        query = query.where(Sentence.article_id == wanted.article_id)
    if wanted.mine:
        query = query.where(Claim.assigned_to == reviewer)
    else:
        query = query.where(or_(Claim.assigned_to.is_(None), Claim.assigned_to == reviewer))
    if wanted.awaiting_second:
        query = query.where(Claim.awaiting_second.is_(True))
    return list(session.scalars(query))


def resume_index(session: Session, reviewer: str, wanted: QueueFilter, ids: list[int]) -> int:
    """Where in ``ids`` this reviewer left this queue last time (0 if never, or if the claim
    they stopped at is gone)."""
    cursor = session.get(ReviewCursor, (reviewer, wanted.key()))
    if cursor is None or not ids:
        return 0
    if cursor.claim_id in ids:
        return ids.index(cursor.claim_id)
    # The claim was decided since: resume at the first claim that sorted after it.
    ordered = (
        select(Claim.id)
        .join(Sentence, Claim.sentence_id == Sentence.id)
        .where(Claim.id.in_([*ids, cursor.claim_id]))
        .order_by(*_sort_key(wanted.order))
    )
    everything = list(session.scalars(ordered))
    if cursor.claim_id not in everything:
        return 0
    after = everything[everything.index(cursor.claim_id) + 1 :]
    return ids.index(after[0]) if after else 0


def remember(session: Session, reviewer: str, wanted: QueueFilter, claim_id: int) -> None:
    cursor = session.get(ReviewCursor, (reviewer, wanted.key()))
    if cursor is None:
        session.add(ReviewCursor(reviewer=reviewer, queue=wanted.key(), claim_id=claim_id))
    else:
        cursor.claim_id = claim_id
        cursor.at = now(session)


def take_lease(session: Session, claim_id: int, reviewer: str, minutes: int) -> bool:
    """Reserve a claim for a reviewer; False when another reviewer holds a live lease.

    Runs in a write transaction: on SQLite that is BEGIN IMMEDIATE, on PostgreSQL the row
    lock taken by the UPDATE or the primary key of the INSERT decides between two takers.
    """
    # The database's clock, not this machine's: a reviewer whose clock runs fast must not
    # see a colleague's live lease as run out.
    current = now(session)
    until = current + timedelta(minutes=minutes)
    taken = session.execute(
        update(ClaimLease)
        .where(
            ClaimLease.claim_id == claim_id,
            or_(ClaimLease.reviewer == reviewer, ClaimLease.expires_at <= current),
        )
        .values(reviewer=reviewer, expires_at=until)
    )
    if taken.rowcount:  # type: ignore[attr-defined]
        return True
    holder = session.get(ClaimLease, claim_id)
    if holder is not None:
        return False
    try:
        with session.begin_nested():
            session.add(ClaimLease(claim_id=claim_id, reviewer=reviewer, expires_at=until))
            session.flush()
    except IntegrityError:  # another reviewer inserted the lease first
        return False
    return True


def take(session: Session, claim_id: int, reviewer: str, wanted: QueueFilter, minutes: int) -> bool:
    """The next claim of a queue read earlier: still one to review (nobody decided it
    meanwhile), and now reserved for this reviewer, who resumes from it next time."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        return False
    if wanted.status and claim.status != wanted.status:
        return False
    if wanted.awaiting_second and not claim.awaiting_second:
        return False
    if not take_lease(session, claim_id, reviewer, minutes):
        return False
    remember(session, reviewer, wanted, claim_id)
    return True


def release(session: Session, reviewer: str, claim_ids: Sequence[int] | None = None) -> None:
    """Give back this reviewer's leases (all of them, or those on ``claim_ids``)."""
    query = delete(ClaimLease).where(ClaimLease.reviewer == reviewer)
    if claim_ids is not None:
        query = query.where(ClaimLease.claim_id.in_(claim_ids))
    session.execute(query)


@dataclass(frozen=True)
class ClaimCard:
    """What a reviewer sees of a claim in `review`: the claim and where it stands."""

    claim: ClaimView
    outlet: str | None
    published_at: date | None
    before: str | None  # the sentence before the claim's sentence
    after: str | None  # ... and after
    span: tuple[int, int]  # the claim within its sentence (character offsets)


def card(session: Session, claim_id: int) -> ClaimCard:
    view = browse.get_claim(session, claim_id)
    claim = load_claim(session, claim_id)
    sentence = claim.sentence
    article = sentence.article
    rows = session.execute(
        select(Sentence.position, Sentence.text).where(
            Sentence.article_id == article.id,
            Sentence.position.in_([sentence.position - 1, sentence.position + 1]),
        )
    )
    neighbours = {position: text for position, text in rows}
    start = max(0, claim.start_offset - sentence.start_offset)
    end = min(len(sentence.text), max(start, claim.end_offset - sentence.start_offset))
    return ClaimCard(
        claim=view,
        outlet=article.outlet,
        published_at=article.published_at,
        before=neighbours.get(sentence.position - 1),
        after=neighbours.get(sentence.position + 1),
        span=(start, end),
    )


def select_ids(
    session: Session,
    *,
    article_id: int | None = None,
    role: str | None = None,
    status: str | None = None,
) -> list[int]:
    """Claims for a bulk action, by article, sentence role and current status."""
    if article_id is None and role is None and status is None:
        raise InvalidInput("give claim ids, or filters (--article, --role, --from-status)")
    roles = [r.value for r in Role]
    if role is not None and role not in roles:
        raise InvalidInput(f"unknown role {role!r}; use one of: {', '.join(roles)}")
    if article_id is not None:
        load_article(session, article_id)
    query = (
        select(Claim.id)
        .join(Sentence, Claim.sentence_id == Sentence.id)
        .order_by(Sentence.article_id, Sentence.position, Claim.position)
    )
    if article_id is not None:
        query = query.where(Sentence.article_id == article_id)
    if role is not None:
        query = query.where(Sentence.role == role)
    if status is not None:
        query = query.where(Claim.status == check_status(status))
    return list(session.scalars(query))


@dataclass(frozen=True)
class Assignment:
    claim_id: int
    from_reviewer: str | None
    to_reviewer: str | None


def assign(
    session: Session, claim_ids: Sequence[int], *, to: str | None, reviewer: str
) -> list[Assignment]:
    """Give claims to a reviewer (or, with ``to`` None, to nobody); each change is in the
    history."""
    target = (to or "").strip() or None
    if target is not None and len(target) > MAX_REVIEWER:
        raise InvalidInput(f"reviewer name is longer than {MAX_REVIEWER} characters")
    done = []
    for claim_id in dict.fromkeys(claim_ids):
        claim = load_claim(session, claim_id)
        check_current(session, claim, "assignment")
        if claim.assigned_to == target:
            continue
        done.append(Assignment(claim_id, claim.assigned_to, target))
        claim.assigned_to = target
        session.add(
            ReviewEvent(
                claim_id=claim_id,
                kind=EventKind.ASSIGN.value,
                actor=reviewer,
                at=now(session),
                note=f"assigned to {target}" if target else "unassigned",
            )
        )
    session.flush()
    return done


def _check_text(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InvalidInput("a claim needs some text")
    if len(cleaned) > MAX_CLAIM:
        raise InvalidInput(f"a claim is at most {MAX_CLAIM} characters")
    return cleaned


def _rescore(session: Session, claim: Claim) -> None:
    sentence = claim.sentence
    article = sentence.article
    found = worthiness.score(
        claim.text,
        language=article.language,
        speaker=claim.speaker,
        hedged=claim.hedged,
        role=sentence.role,
    )
    claim.priority, claim.signals = found.score, ",".join(found.signals)
    reindex_claim(session, claim, article.language, learn_aliases(article.text))


def edit_text(
    session: Session, *, claim_id: int, text: str, reviewer: str, note: str | None = None
) -> Claim:
    """A reviewer fixes a claim's text (a bad split, a pronoun written out); the text as it
    was stays in the history."""
    claim = load_claim(session, claim_id)
    new = _check_text(text)
    if new == claim.text:
        return claim
    check_current(session, claim, "edit")
    if note is not None and len(note) > MAX_NOTE:
        raise InvalidInput(f"note is longer than {MAX_NOTE} characters")
    session.add(
        ReviewEvent(
            claim_id=claim.id,
            kind=EventKind.EDIT.value,
            actor=reviewer,
            at=now(session),
            from_text=claim.text,
            to_text=new,
            note=note,
        )
    )
    claim.text = new
    claim.updated_at = now(session)
    _rescore(session, claim)
    session.flush()
    return claim


def split(
    session: Session, *, claim_id: int, first: str, second: str, reviewer: str
) -> tuple[Claim, Claim]:
    """Cut a claim that holds two statements in two: the claim keeps the first part, a new
    pending claim of the same sentence takes the second; both splits are in the history."""
    claim = load_claim(session, claim_id)
    check_current(session, claim, "split")
    head, tail = _check_text(first), _check_text(second)
    position = (
        session.scalar(
            select(func.max(Claim.position)).where(Claim.sentence_id == claim.sentence_id)
        )
        or 0
    ) + 1
    new = Claim(
        sentence_id=claim.sentence_id,
        position=position,
        text=tail,
        status=Status.PENDING.value,
        speaker=claim.speaker,
        hedged=claim.hedged,
        start_offset=claim.start_offset,
        end_offset=claim.end_offset,
        assigned_to=claim.assigned_to,
    )
    session.add(new)
    session.flush()
    when = now(session)
    original = claim.text
    for row, part in ((claim, head), (new, tail)):
        session.add(
            ReviewEvent(
                claim_id=row.id,
                kind=EventKind.SPLIT.value,
                actor=reviewer,
                at=when,
                from_text=original,
                to_text=part,
                note=f"split from claim #{claim.id}" if row is new else f"split: #{new.id}",
            )
        )
    claim.text = head
    claim.updated_at = when
    session.flush()
    _rescore(session, claim)
    _rescore(session, new)
    session.flush()
    return claim, new
