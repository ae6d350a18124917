"""Browse: list and show articles and claims."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from claimcheck.errors import InvalidInput
from claimcheck.services.lookup import Page, check_status, load_article, load_claim
from claimcheck.services.repeats.groups import claim_repeats
from claimcheck.services.revisions import latest_only
from claimcheck.services.superseded import newer_revision
from claimcheck.services.views import (
    ArticleSummary,
    ArticleView,
    ClaimSummary,
    ClaimView,
    EventView,
    article_view,
    claim_view,
    event_view,
)
from claimcheck.storage import Article, Claim, Evidence, Sentence, Status

NEWS, ARCHIVE = "news", "archive"


def get_article(session: Session, article_id: int) -> ArticleView:
    return article_view(load_article(session, article_id))


def list_articles(session: Session, *, limit: int) -> Page[ArticleSummary]:
    claims = (
        select(
            Sentence.article_id,
            func.count(Claim.id).label("claims"),
            func.count(Claim.id).filter(Claim.status == Status.PENDING.value).label("pending"),
        )
        .join(Claim, Claim.sentence_id == Sentence.id)
        .group_by(Sentence.article_id)
        .subquery()
    )
    # Archived checks are stored one per article; they are listed with `claims list --archive`.
    query = (
        select(Article, claims.c.claims, claims.c.pending)
        .outerjoin(claims, claims.c.article_id == Article.id)
        .where(Article.kind == NEWS, latest_only())
        .order_by(Article.id.desc())
    )
    total = (
        session.scalar(select(func.count(Article.id)).where(Article.kind == NEWS, latest_only()))
        or 0
    )
    rows = session.execute(_limited(query, limit)).all()
    items = [
        ArticleSummary(
            a.id, a.title, a.outlet, a.language, a.published_at, a.ingested_at, n or 0, p or 0
        )
        for a, n, p in rows
    ]
    return Page(items, total)


def list_claims(
    session: Session,
    *,
    status: str | None = None,
    article_id: int | None = None,
    archive: bool = False,
    limit: int,
    sort: str = "article",
    awaiting_second: bool = False,
    assigned_to: str | None = None,
    changed: bool = False,
) -> Page[ClaimSummary]:
    """Claims of news articles in article order (``sort="priority"``: most check-worthy
    first), or (``archive``) the archived checks."""
    evidence = (
        select(Evidence.claim_id, func.count(Evidence.id).label("n"))
        .group_by(Evidence.claim_id)
        .subquery()
    )
    query = (
        select(Claim, Sentence.article_id, evidence.c.n)
        .join(Sentence, Claim.sentence_id == Sentence.id)
        .outerjoin(evidence, evidence.c.claim_id == Claim.id)
    )
    if sort == "priority":
        query = query.order_by(func.coalesce(Claim.priority, 0).desc(), Claim.id)
    elif sort == "article":
        query = query.order_by(Sentence.article_id, Sentence.position, Claim.position)
    else:
        raise InvalidInput(f"unknown sort {sort!r}; use article or priority")
    count = select(func.count(Claim.id)).join(Sentence, Claim.sentence_id == Sentence.id)
    if awaiting_second:
        query = query.where(Claim.awaiting_second.is_(True))
        count = count.where(Claim.awaiting_second.is_(True))
    if assigned_to is not None:
        query = query.where(Claim.assigned_to == assigned_to)
        count = count.where(Claim.assigned_to == assigned_to)
    if changed:
        # Reviewed claims a later revision of their article removed or reworded.
        gone = Claim.revision_change.is_not(None) & (Claim.status != Status.PENDING.value)
        query = query.where(gone)
        count = count.where(gone)
    if status is not None:
        wanted = check_status(status)
        query = query.where(Claim.status == wanted)
        count = count.where(Claim.status == wanted)
    if article_id is not None:
        load_article(session, article_id)
        query = query.where(Sentence.article_id == article_id)
        count = count.where(Sentence.article_id == article_id)
    else:
        kind = ARCHIVE if archive else NEWS
        # Only the newest revision of an edited article, unless asking what changed.
        shown = (Article.kind == kind) if changed else (Article.kind == kind) & latest_only()
        query = query.join(Article, Article.id == Sentence.article_id).where(shown)
        count = count.join(Article, Article.id == Sentence.article_id).where(shown)
    items = [
        ClaimSummary(
            c.id,
            aid,
            c.text,
            c.status,
            c.speaker,
            c.hedged,
            n or 0,
            c.updated_at,
            c.version,
            c.rating,
            c.priority,
            c.assigned_to,
            c.awaiting_second,
        )
        for c, aid, n in session.execute(_limited(query, limit)).all()
    ]
    return Page(items, session.scalar(count) or 0)


def get_claim(session: Session, claim_id: int) -> ClaimView:
    """A claim with its evidence, history, the other claims that are the same claim, and
    the newer revision of its article, if one replaced it."""
    claim = load_claim(session, claim_id)
    return replace(
        claim_view(claim),
        repeats=claim_repeats(session, claim_id),
        newer_revision=newer_revision(session, claim),
    )


def history(session: Session, claim_id: int) -> list[EventView]:
    return [event_view(e) for e in load_claim(session, claim_id).events]


def _limited(query: Select[Any], limit: int) -> Select[Any]:
    if limit < 0:
        raise InvalidInput("--limit must be 0 (all) or more")
    return query.limit(limit) if limit else query
