"""Look-ups every service shares: a claim by id, a status by name, a page of rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimcheck.errors import InvalidInput, NotFound
from claimcheck.storage import Article, Claim, EventKind, ReviewEvent, Status

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """Some rows of a listing and how many there are in all."""

    items: list[T]
    total: int


def load_claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim #{claim_id}; `claimcheck claims list` shows them")
    return claim


def load_article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article #{article_id}; `claimcheck articles list` shows them")
    return article


def check_articles(session: Session, article_ids: Sequence[int]) -> None:
    """Every one of these articles exists, or the first missing one is named."""
    found = set(session.scalars(select(Article.id).where(Article.id.in_(article_ids))))
    for article_id in article_ids:
        if article_id not in found:
            load_article(session, article_id)


def check_status(status: str) -> str:
    try:
        return Status(status.strip().lower()).value
    except ValueError:
        known = ", ".join(s.value for s in Status)
        raise InvalidInput(f"unknown status {status!r}; use one of: {known}") from None


def last_verdict(session: Session, claim_id: int) -> ReviewEvent | None:
    """The latest status change of a claim: who gave its current verdict, when, why."""
    return session.scalars(
        select(ReviewEvent)
        .where(ReviewEvent.claim_id == claim_id, ReviewEvent.kind == EventKind.STATUS.value)
        .order_by(ReviewEvent.id.desc())
        .limit(1)
    ).first()
