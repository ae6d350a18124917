"""schema.org ClaimReview: the desk's verdicts out as JSON-LD, and others' feeds in."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claimcheck.errors import InvalidInput
from claimcheck.pipeline.dates import parse_user_date
from claimcheck.pipeline.text import normalize_text
from claimcheck.services.archive import ArchiveRow, ImportReport, import_rows, pick, rating_status
from claimcheck.services.lookup import check_articles, last_verdict
from claimcheck.services.report import appearances
from claimcheck.services.urls import check_url
from claimcheck.settings import Organization, RatingScale
from claimcheck.storage import Article, Claim, Sentence, Status

#: Google's guidance: a claimReviewed longer than this is cut in search results.
CLAIM_REVIEWED_CHARS = 75
#: What a desk publishes a ClaimReview for.
PUBLISHED = (Status.VERIFIED.value, Status.DISPUTED.value, Status.UNVERIFIABLE.value)


@dataclass
class Export:
    document: dict[str, Any]
    warnings: list[str] = field(default_factory=list)


def export(
    session: Session,
    *,
    scale: RatingScale,
    organization: Organization,
    articles: Sequence[int] = (),
) -> Export:
    """A ClaimReview for every verified or disputed claim of news articles (and every
    unverifiable one given a rating), oldest claim first, as one JSON-LD ``@graph``."""
    if not organization.name or not organization.url:
        raise InvalidInput(
            "ClaimReview names who published the check: give --org-name and --org-url, or "
            "set name and url under [organization] in the settings file (--config)"
        )
    check_organization(organization)
    query = (
        select(Claim)
        .join(Sentence, Claim.sentence_id == Sentence.id)
        .join(Article, Sentence.article_id == Article.id)
        .where(Article.kind == "news", Claim.status.in_(PUBLISHED))
        .options(selectinload(Claim.sentence).selectinload(Sentence.article))
        .order_by(Claim.id)
    )
    if articles:
        check_articles(session, articles)
        query = query.where(Article.id.in_(articles))
    result = Export({"@context": "https://schema.org", "@graph": []})
    for claim in session.scalars(query):
        if claim.status == Status.UNVERIFIABLE and not claim.rating:
            continue
        item = _review(session, claim, scale, organization, result.warnings)
        result.document["@graph"].append(item)
    return result


def check_organization(organization: Organization) -> None:
    """The organization's links follow the URL rule (given on the command line or in the
    settings file): they are published in every ClaimReview."""
    if organization.url:
        check_url(organization.url, what="the organization's URL (--org-url, [organization] url)")
    if organization.review_url:
        check_url(
            organization.review_url_for(1) or "",
            what="the review URL ([organization] review_url, with {id} filled in)",
        )


def _review(
    session: Session,
    claim: Claim,
    scale: RatingScale,
    organization: Organization,
    warnings: list[str],
) -> dict[str, Any]:
    article = claim.sentence.article
    verdict = last_verdict(session, claim.id)
    if len(claim.text) > CLAIM_REVIEWED_CHARS:
        warnings.append(
            f"claim #{claim.id}: claimReviewed is {len(claim.text)} characters; search engines "
            f"show about {CLAIM_REVIEWED_CHARS} (edit the claim or publish a shorter summary)"
        )
    rating = scale.find(claim.rating) if claim.rating else scale.for_status(claim.status)
    review_rating: dict[str, Any] = {"@type": "Rating", "bestRating": 1, "worstRating": 0}
    if rating is not None and (claim.rating is None or rating.status.value == claim.status):
        review_rating["ratingValue"] = rating.score
        review_rating["alternateName"] = rating.label_in(article.language, scale.language)
    else:
        fallback = scale.for_status(claim.status)
        if fallback is not None:
            review_rating["ratingValue"] = fallback.score
        review_rating["alternateName"] = claim.rating or claim.status
        warnings.append(
            f"claim #{claim.id}: rating {claim.rating!r} is not on the desk's scale; "
            "ratingValue is the plainest rating of its status"
        )
    appearance = [_work(article.url, article.title, article.published_at)] if article.url else []
    appearance += [
        _work(a.url, a.title, a.published_at)
        for a in appearances(session, claim.id)
        if a.url and a.kind == "news" and a.url != article.url
    ]
    if not appearance:
        warnings.append(
            f"claim #{claim.id}: its article has no URL, so the ClaimReview says nowhere where "
            "the claim appeared (ingest with --url)"
        )
    item_reviewed: dict[str, Any] = {"@type": "Claim"}
    if claim.speaker:
        item_reviewed["author"] = {"@type": "Person", "name": claim.speaker}
    if article.published_at:
        item_reviewed["datePublished"] = article.published_at.isoformat()
    if appearance:
        item_reviewed["appearance"] = appearance
        item_reviewed["firstAppearance"] = appearance[0]
    published = (verdict.at if verdict else claim.updated_at).date().isoformat()
    return {
        "@type": "ClaimReview",
        "url": organization.review_url_for(claim.id),
        "identifier": f"claimcheck:claim:{claim.id}",
        "inLanguage": article.language,
        "datePublished": published,
        "author": {"@type": "Organization", "name": organization.name, "url": organization.url},
        "claimReviewed": claim.text,
        "reviewRating": review_rating,
        "itemReviewed": item_reviewed,
    }


def _work(url: str | None, title: str | None, published: Any) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "url": url}
    if title:
        work["headline"] = title
    if published:
        work["datePublished"] = published.isoformat()
    return work


# -------------------------------------------------------------------------------- import


def import_feed(
    session: Session, *, path: Path, scale: RatingScale, source: str | None = None
) -> ImportReport:
    """Load a ClaimReview feed (a list, a ``@graph``, or one review) as archived checks: the
    verdict from the rating (the desk's scale first, known labels next, else the score),
    the original label kept, the review's URL as evidence. Loading it again adds nothing."""
    items = _items(path)
    return import_rows(
        session,
        (_row(item, n, scale) for n, item in enumerate(items, start=1)),
        source=source or _publisher(items) or path.stem,
        path=path,
    )


def _items(path: Path) -> list[Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path}: cannot read it as UTF-8 text ({exc})") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from None
    found = list(_reviews(data))
    if not found:
        raise InvalidInput(f"{path}: no ClaimReview in it (a list, a @graph or one review)")
    return found


def _reviews(data: Any) -> Iterator[Any]:
    if isinstance(data, list):
        for entry in data:
            yield from _reviews(entry)
    elif isinstance(data, Mapping):
        if "@graph" in data:
            yield from _reviews(data["@graph"])
        elif _is_review(data) or "claimReviewed" in data:
            yield data


def _is_review(data: Mapping[str, Any]) -> bool:
    kind = data.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return "ClaimReview" in kinds


def _publisher(items: list[Any]) -> str | None:
    for item in items:
        author = item.get("author") if isinstance(item, Mapping) else None
        if isinstance(author, list):
            author = author[0] if author else None
        if isinstance(author, Mapping) and isinstance(author.get("name"), str):
            return str(author["name"]).strip() or None
    return None


def _row(item: Any, number: int, scale: RatingScale) -> ArchiveRow | InvalidInput:
    where = f"review {number}"
    if not isinstance(item, Mapping):
        return InvalidInput(f"{where}: not a JSON object")
    text = item.get("claimReviewed")
    if not isinstance(text, str) or not text.strip():
        return InvalidInput(f"{where}: no claimReviewed")
    rating = item.get("reviewRating")
    rating = rating[0] if isinstance(rating, list) and rating else rating
    label = pick(rating, "alternateName", "name") if isinstance(rating, Mapping) else None
    stored, status = rating_status(label, scale)
    if status is Status.PENDING and isinstance(rating, Mapping):
        status = _status_from_value(rating)
    url = item.get("url")
    try:
        url = check_url(url) if isinstance(url, str) and url.strip() else None
    except InvalidInput as exc:
        return InvalidInput(f"{where}: {exc}")
    if status in (Status.VERIFIED, Status.DISPUTED) and not url:
        return InvalidInput(f"{where}: a {status.value} review needs its url")
    claim = item.get("itemReviewed")
    speaker = None
    if isinstance(claim, Mapping):
        author = claim.get("author")
        author = author[0] if isinstance(author, list) and author else author
        speaker = pick(author, "name") if isinstance(author, Mapping) else None
    published = item.get("datePublished")
    return ArchiveRow(
        line=number,
        text=normalize_text(text.strip()),
        status=status,
        rating=stored,
        url=url,
        published=parse_user_date(published) if isinstance(published, str) else None,
        speaker=speaker,
        external_id=pick(item, "identifier") or url,
        context=None,
        label=label,
    )


def _status_from_value(rating: Mapping[str, Any]) -> Status:
    """A rating with an unknown label, placed by its value between worst and best."""
    try:
        value = float(rating["ratingValue"])
        best = float(rating.get("bestRating", 5))
        worst = float(rating.get("worstRating", 1))
    except (KeyError, TypeError, ValueError):
        return Status.PENDING
    if best == worst:
        return Status.PENDING
    share = (value - worst) / (best - worst)
    if share >= 0.7:
        return Status.VERIFIED
    if share <= 0.3:
        return Status.DISPUTED
    return Status.UNVERIFIABLE
