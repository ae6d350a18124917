"""Groups: claims that are the same claim, as matching grows them and reviewers decide them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from claimcheck.errors import InvalidInput
from claimcheck.matching.compare import compare
from claimcheck.matching.normalize import normalize
from claimcheck.services.lookup import Page, check_status, last_verdict, load_claim
from claimcheck.services.views import RepeatView
from claimcheck.storage import Claim, Sentence, Status
from claimcheck.storage.clock import now
from claimcheck.storage.models import (
    ClaimGroup,
    ClaimMatch,
    GroupMember,
    MatchKind,
)


@dataclass(frozen=True)
class GroupSummary:
    group_id: int
    claims: int
    articles: int
    text: str  # the group's first claim
    statuses: dict[str, int]
    claim_ids: list[int]
    latest: datetime


@dataclass(frozen=True)
class PairDecision:
    claim_a: int
    claim_b: int
    kind: str
    group_id: int | None
    removed_from_group: list[int] = field(default_factory=list)


def group_of(session: Session, claim_id: int) -> int | None:
    return session.scalar(select(GroupMember.group_id).where(GroupMember.claim_id == claim_id))


def members(session: Session, group_id: int) -> list[int]:
    return list(
        session.scalars(
            select(GroupMember.claim_id)
            .where(GroupMember.group_id == group_id)
            .order_by(GroupMember.claim_id)
        )
    )


def join_groups(session: Session, existing: int, new: int, who: str) -> int:
    """Put ``new`` in ``existing``'s group (made if needed). Matching never merges two
    groups: a chain of near-matches must not glue different claims together."""
    group = group_of(session, existing)
    if group is None:
        made = ClaimGroup(created_at=now(session))
        session.add(made)
        session.flush()
        group = made.id
        session.add(
            GroupMember(claim_id=existing, group_id=group, added_at=now(session), added_by=who)
        )
    if group_of(session, new) is None:
        session.add(GroupMember(claim_id=new, group_id=group, added_at=now(session), added_by=who))
    session.flush()
    return group


def merge_groups(session: Session, first: int, second: int, who: str) -> int:
    """A reviewer says two claims are the same: one group holds both and their groups."""
    group_a, group_b = group_of(session, first), group_of(session, second)
    if group_a is not None and group_b is not None and group_a != group_b:
        keep, drop = sorted((group_a, group_b))
        session.execute(
            update(GroupMember).where(GroupMember.group_id == drop).values(group_id=keep)
        )
        session.delete(session.get(ClaimGroup, drop))
        session.flush()
        return keep
    if group_a is None and group_b is not None:
        return join_groups(session, second, first, who)
    return join_groups(session, first, second, who)


def claim_repeats(session: Session, claim_id: int) -> list[RepeatView]:
    """The claim's group members and its matched pairs, same claims first."""
    load_claim(session, claim_id)
    pairs = session.scalars(
        select(ClaimMatch).where(
            or_(ClaimMatch.claim_a_id == claim_id, ClaimMatch.claim_b_id == claim_id)
        )
    ).all()
    by_other = {(p.claim_b_id if p.claim_a_id == claim_id else p.claim_a_id): p for p in pairs}
    group = group_of(session, claim_id)
    others = set(by_other)
    if group is not None:
        others |= set(members(session, group)) - {claim_id}
    order = {"confirmed": 0, "linked": 1, "group": 2, "suggested": 3, "rejected": 4}
    views = [_repeat_view(session, other, by_other.get(other)) for other in others]
    return sorted(views, key=lambda v: (order[v.kind], -(v.score or 0), v.claim_id))


def _repeat_view(session: Session, other_id: int, pair: ClaimMatch | None) -> RepeatView:
    other = load_claim(session, other_id)
    verdict = last_verdict(session, other_id)
    return RepeatView(
        claim_id=other_id,
        article_id=other.sentence.article_id,
        article_title=other.sentence.article.title,
        text=other.text,
        status=other.status,
        kind=pair.kind if pair is not None else "group",
        score=pair.score if pair is not None else None,
        guards=pair.guards if pair is not None else None,
        verdict_by=verdict.actor if verdict else None,
        verdict_at=verdict.at if verdict else None,
    )


def decide(
    session: Session, *, claim_a: int, claim_b: int, same: bool, reviewer: str
) -> PairDecision:
    """A reviewer's word on a pair: the same claim (their groups join) or not (never
    suggested again, and apart if matching had grouped them)."""
    if claim_a == claim_b:
        raise InvalidInput("give two different claims")
    first, second = load_claim(session, claim_a), load_claim(session, claim_b)
    a, b = sorted((first.id, second.id))
    pair = session.scalars(
        select(ClaimMatch).where(ClaimMatch.claim_a_id == a, ClaimMatch.claim_b_id == b)
    ).first()
    kind = MatchKind.CONFIRMED if same else MatchKind.REJECTED
    if pair is not None and pair.kind == kind.value:
        # Decided so already: the first reviewer's word and time stay.
        group = group_of(session, a)
        return PairDecision(a, b, kind.value, group if group == group_of(session, b) else None)
    when = now(session)
    if pair is None:
        score = compare(normalize(first.text), normalize(second.text)).score
        pair = ClaimMatch(claim_a_id=a, claim_b_id=b, score=score, created_at=when)
        session.add(pair)
    pair.kind = kind.value
    pair.decided_by = reviewer
    pair.decided_at = when
    session.flush()
    if same:
        return PairDecision(a, b, kind.value, merge_groups(session, a, b, reviewer))
    return PairDecision(a, b, kind.value, *_separate(session, a, b))


def _separate(session: Session, a: int, b: int) -> tuple[int | None, list[int]]:
    group_a, group_b = group_of(session, a), group_of(session, b)
    if group_a is None or group_a != group_b:
        return group_a, []
    # The later of the two to join leaves; a group of one is no group.
    joined = {
        m.claim_id: m.added_at
        for m in session.scalars(select(GroupMember).where(GroupMember.claim_id.in_((a, b))))
    }
    leaving = max((a, b), key=lambda cid: (joined[cid], cid))
    session.delete(session.get(GroupMember, leaving))
    session.flush()
    removed = [leaving]
    remaining = members(session, group_a)
    if len(remaining) < 2:
        for cid in remaining:
            session.delete(session.get(GroupMember, cid))
        session.delete(session.get(ClaimGroup, group_a))
        removed += remaining
        session.flush()
        return None, removed
    return group_a, removed


def list_groups(
    session: Session,
    *,
    min_articles: int = 2,
    status: str | None = None,
    conflicts_only: bool = False,
    limit: int = 50,
) -> Page[GroupSummary]:
    """Groups of the same claim, largest and most recently grown first."""
    wanted = check_status(status) if status else None
    rows = session.execute(
        select(
            GroupMember.group_id,
            Claim.id,
            Claim.text,
            Claim.status,
            Sentence.article_id,
            GroupMember.added_at,
        )
        .join(Claim, Claim.id == GroupMember.claim_id)
        .join(Sentence, Sentence.id == Claim.sentence_id)
        .order_by(GroupMember.group_id, Claim.id)
    ).all()
    grouped: dict[int, list[tuple[int, str, str, int, datetime]]] = {}
    for group_id, cid, text, claim_status, article_id, added in rows:
        grouped.setdefault(group_id, []).append((cid, text, claim_status, article_id, added))
    summaries = []
    for group_id, items in grouped.items():
        statuses = Counter(item[2] for item in items)
        articles = len({item[3] for item in items})
        if articles < min_articles or (wanted and wanted not in statuses):
            continue
        if conflicts_only and not (statuses[Status.VERIFIED] and statuses[Status.DISPUTED]):
            continue
        summaries.append(
            GroupSummary(
                group_id=group_id,
                claims=len(items),
                articles=articles,
                text=items[0][1],
                statuses=dict(sorted(statuses.items())),
                claim_ids=[item[0] for item in items],
                latest=max(item[4] for item in items),
            )
        )
    summaries.sort(key=lambda g: (g.claims, g.latest), reverse=True)
    return Page(summaries[:limit] if limit else summaries, len(summaries))


def group_claims(session: Session, claim_id: int) -> list[int]:
    """The claim and every other claim of its group (just the claim if it has none)."""
    load_claim(session, claim_id)
    group = group_of(session, claim_id)
    return [claim_id] if group is None else members(session, group)
