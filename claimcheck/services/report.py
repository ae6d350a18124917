"""Verification reports: what the desk checked, how it rated it, and on what evidence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claimcheck.errors import InvalidInput
from claimcheck.pipeline.dates import parse_user_date
from claimcheck.services.lookup import check_articles, check_status
from claimcheck.services.repeats.groups import claim_repeats
from claimcheck.services.revisions import latest_only
from claimcheck.services.views import EvidenceView, evidence_view
from claimcheck.settings import RatingScale
from claimcheck.storage import Article, Claim, EventKind, ReviewEvent, Sentence, Status
from claimcheck.storage.models import utcnow

#: Repeat kinds that mean "the same claim" (not merely suggested, nor rejected).
SAME_CLAIM = frozenset({"confirmed", "linked", "group"})


@dataclass(frozen=True)
class ReportFilters:
    articles: tuple[int, ...] = ()
    statuses: tuple[str, ...] = ()
    since: date | None = None  # claims ingested or reviewed on or after this day (UTC)
    until: date | None = None  # ... on or before this day
    reviewer: str | None = None  # claims whose current verdict this reviewer gave


@dataclass(frozen=True)
class Appearance:
    """Another article the same claim was found in."""

    article_id: int
    claim_id: int
    title: str | None
    outlet: str | None
    url: str | None
    published_at: date | None
    kind: str  # news, or archive (a past fact-check)


@dataclass(frozen=True)
class ReportClaim:
    id: int
    text: str
    speaker: str | None
    hedged: bool
    status: str
    rating: str | None
    rating_score: float | None
    reviewed_by: str | None
    reviewed_at: datetime | None
    verdict_note: str | None
    evidence: list[EvidenceView]
    also_in: list[Appearance]


@dataclass(frozen=True)
class ReportArticle:
    id: int
    title: str | None
    outlet: str | None
    author: str | None
    url: str | None
    published_at: date | None
    language: str
    ingested_at: datetime
    by_status: dict[str, int]
    claims: list[ReportClaim]


@dataclass(frozen=True)
class ReportSummary:
    claims: int
    reviewed: int
    pending: int
    by_status: dict[str, int]
    by_rating: dict[str, int]
    articles: int


@dataclass(frozen=True)
class Report:
    generated_at: datetime
    filters: ReportFilters
    summary: ReportSummary
    articles: list[ReportArticle] = field(default_factory=list)
    language: str = "id"  # the desk's: the report's words and its rating labels


def parse_filters(
    *,
    articles: Sequence[int] = (),
    statuses: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    reviewer: str | None = None,
) -> ReportFilters:
    """Check the filters a reviewer typed; dates as YYYY-MM-DD (or the formats ingest reads)."""
    first, last = _day("--since", since), _day("--until", until)
    if first and last and first > last:
        raise InvalidInput(f"--since {first} is after --until {last}")
    return ReportFilters(
        articles=tuple(dict.fromkeys(articles)),
        statuses=tuple(dict.fromkeys(check_status(s) for s in statuses)),
        since=first,
        until=last,
        reviewer=(reviewer or "").strip() or None,
    )


def _day(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    parsed = parse_user_date(text)
    if parsed is None:
        raise InvalidInput(f"{option} {text!r} is not a date (use YYYY-MM-DD)")
    return date.fromisoformat(parsed)


def build(
    session: Session, filters: ReportFilters, scale: RatingScale, language: str | None = None
) -> Report:
    """The claims of news articles that pass the filters, article by article, with the
    ratings labelled in ``language`` (default: the scale's)."""
    language = language or scale.language
    query = (
        select(Claim)
        .join(Sentence, Claim.sentence_id == Sentence.id)
        .join(Article, Sentence.article_id == Article.id)
        .where(Article.kind == "news")
        .options(selectinload(Claim.evidence), selectinload(Claim.sentence))
        .order_by(Article.id, Sentence.position, Claim.position)
    )
    if filters.articles:
        check_articles(session, filters.articles)
        query = query.where(Article.id.in_(filters.articles))
    else:
        query = query.where(latest_only())  # an edited article: its newest revision
    if filters.statuses:
        query = query.where(Claim.status.in_(filters.statuses))
    if filters.since:
        query = query.where(Claim.updated_at >= datetime.combine(filters.since, time(), UTC))
    if filters.until:
        end = datetime.combine(filters.until + timedelta(days=1), time(), UTC)
        query = query.where(Claim.updated_at < end)
    claims = list(session.scalars(query))
    verdicts = _last_verdicts(session, [c.id for c in claims])
    if filters.reviewer:
        wanted = filters.reviewer.casefold()
        claims = [
            c for c in claims if c.id in verdicts and verdicts[c.id].actor.casefold() == wanted
        ]

    by_article: dict[int, list[ReportClaim]] = {}
    for claim in claims:
        by_article.setdefault(claim.sentence.article_id, []).append(
            _report_claim(session, claim, verdicts.get(claim.id), scale, language)
        )
    articles = {a.id: a for a in session.scalars(select(Article).where(Article.id.in_(by_article)))}
    sections = [_section(articles[aid], rows) for aid, rows in by_article.items()]
    return Report(utcnow(), filters, _summary(sections), sections, language)


def _last_verdicts(session: Session, claim_ids: list[int]) -> dict[int, ReviewEvent]:
    latest: dict[int, ReviewEvent] = {}
    for start in range(0, len(claim_ids), 500):
        chunk = claim_ids[start : start + 500]
        for event in session.scalars(
            select(ReviewEvent)
            .where(ReviewEvent.claim_id.in_(chunk), ReviewEvent.kind == EventKind.STATUS.value)
            .order_by(ReviewEvent.id)
        ):
            latest[event.claim_id] = event
    return latest


def _report_claim(
    session: Session, claim: Claim, verdict: ReviewEvent | None, scale: RatingScale, language: str
) -> ReportClaim:
    rated = scale.find(claim.rating) if claim.rating else None
    return ReportClaim(
        id=claim.id,
        text=claim.text,
        speaker=claim.speaker,
        hedged=claim.hedged,
        status=claim.status,
        rating=rated.label_in(language, scale.language) if rated else claim.rating,
        rating_score=rated.score if rated else None,
        reviewed_by=verdict.actor if verdict else None,
        reviewed_at=verdict.at if verdict else None,
        verdict_note=verdict.note if verdict else None,
        evidence=[evidence_view(e) for e in claim.evidence],
        also_in=appearances(session, claim.id),
    )


def appearances(session: Session, claim_id: int) -> list[Appearance]:
    """The other articles the same claim (confirmed, linked or grouped) was found in."""
    same = [r for r in claim_repeats(session, claim_id) if r.kind in SAME_CLAIM]
    if not same:
        return []
    articles = {
        a.id: a
        for a in session.scalars(
            select(Article).where(Article.id.in_({r.article_id for r in same}))
        )
    }
    return [
        Appearance(
            article_id=r.article_id,
            claim_id=r.claim_id,
            title=articles[r.article_id].title,
            outlet=articles[r.article_id].outlet,
            url=articles[r.article_id].url,
            published_at=articles[r.article_id].published_at,
            kind=articles[r.article_id].kind,
        )
        for r in same
    ]


def _section(article: Article, claims: list[ReportClaim]) -> ReportArticle:
    return ReportArticle(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        author=article.author,
        url=article.url,
        published_at=article.published_at,
        language=article.language,
        ingested_at=article.ingested_at,
        by_status=_by_status(claims),
        claims=claims,
    )


def _by_status(claims: Sequence[ReportClaim]) -> dict[str, int]:
    counts = Counter(c.status for c in claims)
    return {s.value: counts[s.value] for s in Status if counts[s.value]}


def _summary(sections: Sequence[ReportArticle]) -> ReportSummary:
    claims = [c for a in sections for c in a.claims]
    ratings = Counter(c.rating for c in claims if c.rating)
    pending = sum(1 for c in claims if c.status == Status.PENDING)
    return ReportSummary(
        claims=len(claims),
        reviewed=len(claims) - pending,
        pending=pending,
        by_status=_by_status(claims),
        by_rating=dict(sorted(ratings.items(), key=lambda kv: (-kv[1], kv[0]))),
        articles=len(sections),
    )
