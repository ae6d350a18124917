"""Article revisions: an edited article is a new revision, not a new article.

A text with the same URL (or, without one, the same title and outlet) as a stored news
article but different content becomes its next revision. Its claims are aligned one to one
with the previous revision's (matching.align): a claim that is unchanged keeps its verdict
(copied, with its evidence, and said so in the history); a reworded one is "changed" and a
dropped one "removed", marked on the old claim so `claims list --changed` finds the
reviewed ones. A claim given to a reviewer stays theirs in the new revision. The old
revision's claims take no more verdicts, evidence or assignments (services/superseded.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from claimcheck.errors import NotFound
from claimcheck.matching.align import align
from claimcheck.services.lookup import last_verdict, load_article
from claimcheck.services.review import attach_evidence, inherited_evidence, record_verdict
from claimcheck.services.superseded import claims_of
from claimcheck.services.views import ClaimBrief, claim_brief
from claimcheck.storage import Article, Claim, EventKind, ReviewEvent, Status
from claimcheck.storage.models import utcnow

CHANGED, REMOVED = "changed", "removed"
ACTOR = "claimcheck"


def latest_only() -> ColumnElement[bool]:
    """A filter keeping articles no later revision replaced."""
    replaced = select(Article.previous_id).where(Article.previous_id.is_not(None))
    return Article.id.not_in(replaced)


def previous_revision(session: Session, article: Article) -> Article | None:
    """The stored news article a new text is an edit of, if any: its newest revision."""
    if article.url:
        same = Article.url == article.url
    elif article.title and article.outlet:
        same = (Article.title == article.title) & (Article.outlet == article.outlet)
    else:
        return None
    return session.scalars(
        select(Article)
        .where(same, Article.kind == "news", latest_only())
        .order_by(Article.id.desc())
        .limit(1)
    ).first()


def carry_over(session: Session, previous: Article, article: Article) -> None:
    """Compare a new revision's claims with the previous one's: keep the verdicts of the
    unchanged claims, mark the old claims that were changed or removed."""
    old, new = claims_of(previous), claims_of(article)
    pairs = align([c.text for c in old], [c.text for c in new])
    paired_old = {p.left for p in pairs}
    for pair in pairs:
        before, after = old[pair.left], new[pair.right]
        if before.assigned_to and not after.assigned_to:
            _copy_assignment(session, before, after, article.revision)
        if before.text != after.text:
            before.revision_change = CHANGED
        elif before.status != Status.PENDING:
            _copy_verdict(session, before, after, article.revision)
    for index, claim in enumerate(old):
        if index not in paired_old:
            claim.revision_change = REMOVED
    session.flush()


def _copy_assignment(session: Session, before: Claim, after: Claim, revision: int) -> None:
    """The reviewer a claim was given to keeps it in the new revision, reworded or not."""
    after.assigned_to = before.assigned_to
    session.add(
        ReviewEvent(
            claim_id=after.id,
            kind=EventKind.ASSIGN.value,
            actor=ACTOR,
            at=utcnow(),
            note=f"assigned to {before.assigned_to} (claim #{before.id}, carried over to "
            f"revision {revision})",
        )
    )


def _copy_verdict(session: Session, before: Claim, after: Claim, revision: int) -> None:
    verdict = last_verdict(session, before.id)
    who = f" by {verdict.actor}" if verdict else ""
    note = f"unchanged in revision {revision}: verdict of claim #{before.id}{who} carried over"
    for item in inherited_evidence(before):
        attach_evidence(session, after, item, ACTOR)
    record_verdict(
        session, after, status=before.status, rating=before.rating, actor=ACTOR, note=note
    )


@dataclass(frozen=True)
class ChangedClaim:
    before: ClaimBrief
    after: ClaimBrief
    score: float


@dataclass(frozen=True)
class RevisionDiff:
    old_article: int
    old_revision: int
    new_article: int
    new_revision: int
    added: list[ClaimBrief]
    removed: list[ClaimBrief]
    changed: list[ChangedClaim]
    unchanged: int


def diff(session: Session, article_id: int, against: int | None = None) -> RevisionDiff:
    """What changed in an article's claims since its previous revision (or ``against``)."""
    article = load_article(session, article_id)
    other_id = against if against is not None else article.previous_id
    if other_id is None:
        raise NotFound(
            f"article #{article_id} has no earlier revision; give another article with --against"
        )
    other = load_article(session, other_id)
    old, new = claims_of(other), claims_of(article)
    pairs = align([c.text for c in old], [c.text for c in new])
    changed = [
        ChangedClaim(claim_brief(old[p.left]), claim_brief(new[p.right]), round(p.score, 1))
        for p in pairs
        if old[p.left].text != new[p.right].text
    ]
    return RevisionDiff(
        old_article=other.id,
        old_revision=other.revision,
        new_article=article.id,
        new_revision=article.revision,
        added=[claim_brief(c) for i, c in enumerate(new) if i not in {p.right for p in pairs}],
        removed=[claim_brief(c) for i, c in enumerate(old) if i not in {p.left for p in pairs}],
        changed=changed,
        unchanged=len(pairs) - len(changed),
    )
