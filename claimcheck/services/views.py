"""Read models the services return: plain dataclasses whose fields are the JSON shapes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from claimcheck.services.superseded import NewerRevision
from claimcheck.storage import Article, Claim, Evidence, ReviewEvent, Sentence, Status

if TYPE_CHECKING:  # a document is shown by `split`; other views need no pipeline
    from claimcheck.pipeline import Document


@dataclass(frozen=True)
class ClaimBrief:
    id: int | None
    position: int
    text: str
    status: str
    speaker: str | None
    hedged: bool
    reference: str | None = None
    # the runs of article text the claim's words come from, and the words written back
    spans: list[list[int]] | None = None
    restored: list[str] | None = None


@dataclass(frozen=True)
class SentenceView:
    id: int | None
    position: int
    role: str
    text: str
    start: int
    end: int
    claims: list[ClaimBrief]


@dataclass(frozen=True)
class ArticleView:
    id: int | None
    title: str | None
    author: str | None
    outlet: str | None
    dateline: str | None
    editor: str | None
    language: str
    url: str | None
    published_at: date | None
    photo_credit: str | None
    source: str | None
    ingested_at: datetime | None
    sentences: list[SentenceView]


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str | None
    outlet: str | None
    language: str
    published_at: date | None
    ingested_at: datetime
    claims: int
    pending: int


@dataclass(frozen=True)
class ClaimSummary:
    id: int
    article_id: int
    text: str
    status: str
    speaker: str | None
    hedged: bool
    evidence: int
    updated_at: datetime
    version: int
    rating: str | None = None
    priority: float | None = None
    assigned_to: str | None = None
    awaiting_second: bool = False


@dataclass(frozen=True)
class EvidenceView:
    id: int
    url: str
    stance: str
    note: str | None
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class EventView:
    id: int
    kind: str
    actor: str
    at: datetime
    from_status: str | None
    to_status: str | None
    evidence_id: int | None
    note: str | None
    rating: str | None = None
    from_text: str | None = None
    to_text: str | None = None


@dataclass(frozen=True)
class RepeatView:
    """Another claim that is, or may be, the same claim."""

    claim_id: int
    article_id: int
    article_title: str | None
    text: str
    status: str
    kind: str  # linked, confirmed, suggested, rejected, or "group" (same group, no pair)
    score: float | None
    guards: str | None
    verdict_by: str | None
    verdict_at: datetime | None


@dataclass(frozen=True)
class ClaimView:
    id: int
    article_id: int
    article_title: str | None
    sentence_id: int
    sentence: str
    position: int
    text: str
    status: str
    speaker: str | None
    hedged: bool
    start: int
    end: int
    created_at: datetime
    updated_at: datetime
    version: int
    external_id: str | None
    evidence: list[EvidenceView]
    history: list[EventView]
    repeats: list[RepeatView] = field(default_factory=list)
    rating: str | None = None
    priority: float | None = None
    signals: list[str] = field(default_factory=list)
    assigned_to: str | None = None
    awaiting_second: bool = False
    reference: str | None = None
    revision_change: str | None = None
    # Set when a newer revision of the claim's article replaced this one.
    newer_revision: NewerRevision | None = None


def claim_brief(claim: Claim) -> ClaimBrief:
    return ClaimBrief(
        claim.id,
        claim.position,
        claim.text,
        claim.status,
        claim.speaker,
        claim.hedged,
        claim.reference,
        json.loads(claim.spans) if claim.spans else None,
        json.loads(claim.restored) if claim.restored else None,
    )


def sentence_view(sentence: Sentence) -> SentenceView:
    return SentenceView(
        sentence.id,
        sentence.position,
        sentence.role,
        sentence.text,
        sentence.start_offset,
        sentence.end_offset,
        [claim_brief(c) for c in sentence.claims],
    )


def article_view(article: Article) -> ArticleView:
    return ArticleView(
        id=article.id,
        title=article.title,
        author=article.author,
        outlet=article.outlet,
        dateline=article.dateline,
        editor=article.editor,
        language=article.language,
        url=article.url,
        published_at=article.published_at,
        photo_credit=article.photo_credit,
        source=article.source,
        ingested_at=article.ingested_at,
        sentences=[sentence_view(s) for s in article.sentences],
    )


def evidence_view(evidence: Evidence) -> EvidenceView:
    return EvidenceView(
        evidence.id,
        evidence.url,
        evidence.stance,
        evidence.note,
        evidence.added_by,
        evidence.added_at,
    )


def event_view(event: ReviewEvent) -> EventView:
    return EventView(
        event.id,
        event.kind,
        event.actor,
        event.at,
        event.from_status,
        event.to_status,
        event.evidence_id,
        event.note,
        event.rating,
        event.from_text,
        event.to_text,
    )


def claim_view(claim: Claim) -> ClaimView:
    sentence = claim.sentence
    return ClaimView(
        id=claim.id,
        article_id=sentence.article_id,
        article_title=sentence.article.title,
        sentence_id=sentence.id,
        sentence=sentence.text,
        position=claim.position,
        text=claim.text,
        status=claim.status,
        speaker=claim.speaker,
        hedged=claim.hedged,
        start=claim.start_offset,
        end=claim.end_offset,
        created_at=claim.created_at,
        updated_at=claim.updated_at,
        version=claim.version,
        external_id=claim.external_id,
        evidence=[evidence_view(e) for e in claim.evidence],
        history=[event_view(e) for e in claim.events],
        rating=claim.rating,
        priority=claim.priority,
        signals=claim.signals.split(",") if claim.signals else [],
        assigned_to=claim.assigned_to,
        awaiting_second=claim.awaiting_second,
        reference=claim.reference,
        revision_change=claim.revision_change,
    )


def document_view(document: Document) -> ArticleView:
    """What ingest would store for a pipeline document, before it has ids."""
    meta = document.metadata
    return ArticleView(
        id=None,
        title=meta.title,
        author=meta.author,
        outlet=meta.outlet,
        dateline=meta.dateline,
        editor=meta.editor,
        language=meta.language or "",
        url=meta.url,
        published_at=date.fromisoformat(meta.published_at) if meta.published_at else None,
        photo_credit=meta.photo_credit,
        source=None,
        ingested_at=None,
        sentences=[
            SentenceView(
                None,
                s.position,
                s.role.value,
                s.text,
                s.start,
                s.end,
                [
                    ClaimBrief(
                        None,
                        c.position,
                        c.text,
                        Status.PENDING.value,
                        c.speaker,
                        c.hedged,
                        c.reference,
                        [[span.start, span.end] for span in c.spans] or None,
                        list(c.restored) or None,
                    )
                    for c in s.claims
                ],
            )
            for s in document.sentences
        ],
    )
