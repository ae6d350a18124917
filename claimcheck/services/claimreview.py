"""schema.org ClaimReview: the desk's verdicts out as JSON-LD, and others' feeds in."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claimcheck.errors import InvalidInput
from claimcheck.pipeline.dates import parse_user_date
from claimcheck.pipeline.language import check_language
from claimcheck.pipeline.text import normalize_text
from claimcheck.services.archive import ArchiveRow, ImportReport, checked, pick, rating_status
from claimcheck.services.archive_store import import_file
from claimcheck.services.lookup import check_articles, last_verdict
from claimcheck.services.report import appearances
from claimcheck.services.urls import check_url
from claimcheck.settings import Organization, RatingScale
from claimcheck.storage import Article, Claim, Database, Sentence, Status

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

#: Deeper than any ClaimReview (a review, its rating, its claim, the claim's author and
#: appearances); what is deeper is refused without being built.
MAX_DEPTH = 32
_READ_BYTES = 16 * 1024
#: Reviews read before the import starts, to find the publisher's name among them.
_LOOK_AHEAD = 200


def import_feed(
    db: Database,
    *,
    path: Path,
    scale: RatingScale,
    source: str | None = None,
    on_skip: Callable[[str], None] | None = None,
) -> ImportReport:
    """Load a ClaimReview feed (a list, a ``@graph``, or one review) as archived checks: the
    verdict from the rating (the desk's scale first, known labels next, else the score),
    the original label kept, the review's URL as evidence. Loading it again adds nothing.

    The feed is read as a stream, so its size does not matter; a review that cannot be a
    check is reported by its number and skipped, and JSON broken part-way keeps the
    reviews before the break."""
    ahead = list(itertools.islice(_items(path), _LOOK_AHEAD))
    if not ahead:
        raise InvalidInput(f"{path}: no ClaimReview in it (a list, a @graph or one review)")
    return import_file(
        db,
        path,
        read_reviews,
        scale,
        source=source or _publisher(ahead) or path.stem,
        on_skip=on_skip,
    )


def read_reviews(path: Path, scale: RatingScale) -> Iterator[ArchiveRow | InvalidInput]:
    """The feed's reviews as archived checks, streamed; a bad one is an error in its place."""
    for number, item in enumerate(_items(path), start=1):
        yield item if isinstance(item, InvalidInput) else _row(item, number, scale)


def _items(path: Path) -> Iterator[Any]:
    """The feed's reviews as they are read; a review nested too deeply, and JSON that breaks
    off, are errors in their place."""
    import ijson

    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read it ({exc.strerror or exc})") from None
    with handle:
        if handle.read(3) != b"\xef\xbb\xbf":
            handle.seek(0)
        # Small reads: the parser stops at a break only after the read holding it. Floats:
        # the C parser then refuses an integer past 64 bits cleanly (it can crash on one
        # of thousands of digits otherwise).
        events = iter(ijson.basic_parse(handle, buf_size=_READ_BYTES, use_float=True))
        walk = _Walk(events)
        try:
            first = next(events, None)
            if first is None:
                raise InvalidInput(f"{path}: empty; a feed is a list, a @graph or one review")
            yield from walk.reviews(first, 0)
            if walk.found == 0:
                raise InvalidInput(f"{path}: no ClaimReview in it (a list, a @graph or one review)")
        except (ijson.JSONError, ValueError) as exc:
            reason = (str(exc).strip() or type(exc).__name__).splitlines()[0]
            if walk.found == 0:
                raise InvalidInput(f"{path}: not JSON ({reason})") from None
            yield InvalidInput(
                f"after review {walk.found}: the JSON breaks off ({reason}); the reviews before "
                "it were read, nothing after it"
            )


class _Walk:
    """Walks the parser's events: lists and ``@graph`` are streamed, everything else is
    built as Python values, at most MAX_DEPTH deep."""

    def __init__(self, events: Iterator[tuple[str, Any]]) -> None:
        self.events = events
        self.found = 0  # reviews (and things too deep to tell) given so far
        self.too_deep = False

    def reviews(self, first: tuple[str, Any], depth: int) -> Iterator[Any]:
        event, value = first
        if depth > MAX_DEPTH and event in ("start_map", "start_array"):
            self._skip()
            self.found += 1
            yield InvalidInput(f"review {self.found}: nested more than {MAX_DEPTH} levels deep")
            return
        if event == "start_array":
            for item in self.events:
                if item[0] == "end_array":
                    return
                yield from self.reviews(item, depth + 1)
        elif event == "start_map":
            record: dict[str, Any] = {}
            graph = False
            self.too_deep = False
            for event, key in self.events:
                if event == "end_map":
                    break
                item = next(self.events)
                if key == "@graph":
                    graph = True
                    yield from self.reviews(item, depth + 1)
                else:
                    record[key] = self._value(item, depth + 1)
            if graph or not (_is_review(record) or "claimReviewed" in record):
                return
            self.found += 1
            if self.too_deep:
                yield InvalidInput(f"review {self.found}: nested more than {MAX_DEPTH} levels deep")
            else:
                yield record

    def _value(self, first: tuple[str, Any], depth: int) -> Any:
        event, value = first
        if event not in ("start_map", "start_array"):
            return value
        if depth > MAX_DEPTH:
            self._skip()
            self.too_deep = True
            return None
        if event == "start_array":
            items: list[Any] = []
            for item in self.events:
                if item[0] == "end_array":
                    return items
                items.append(self._value(item, depth + 1))
        record: dict[str, Any] = {}
        for event, key in self.events:
            if event == "end_map":
                break
            record[key] = self._value(next(self.events), depth + 1)
        return record

    def _skip(self) -> None:
        """The rest of a value whose start was just read."""
        open_ = 1
        for event, _ in self.events:
            if event in ("start_map", "start_array"):
                open_ += 1
            elif event in ("end_map", "end_array"):
                open_ -= 1
                if open_ == 0:
                    return


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


def _row(item: Mapping[str, Any], number: int, scale: RatingScale) -> ArchiveRow | InvalidInput:
    where = f"review {number}"
    try:
        return _checked_row(item, number, scale)
    except InvalidInput as exc:
        return InvalidInput(f"{where}: {exc}")


def _checked_row(item: Mapping[str, Any], number: int, scale: RatingScale) -> ArchiveRow:
    text = pick(item, "claimReviewed")
    if not text:
        raise InvalidInput("no claimReviewed")
    rating = item.get("reviewRating")
    rating = rating[0] if isinstance(rating, list) and rating else rating
    label = pick(rating, "alternateName", "name") if isinstance(rating, Mapping) else None
    stored, status = rating_status(label, scale)
    if status is Status.PENDING and isinstance(rating, Mapping):
        status = _status_from_value(rating)
    url = pick(item, "url")
    url = check_url(url) if url else None
    if status in (Status.VERIFIED, Status.DISPUTED) and not url:
        raise InvalidInput(f"a {status.value} review needs its url")
    claim = item.get("itemReviewed")
    speaker = None
    if isinstance(claim, Mapping):
        author = claim.get("author")
        author = author[0] if isinstance(author, list) and author else author
        speaker = pick(author, "name") if isinstance(author, Mapping) else None
    published = item.get("datePublished")
    language = pick(item, "inLanguage")
    return checked(
        ArchiveRow(
            line=number,
            text=normalize_text(text),
            status=status,
            rating=stored,
            url=url,
            published=parse_user_date(published[:100]) if isinstance(published, str) else None,
            speaker=speaker,
            external_id=pick(item, "identifier", number=True) or url,
            context=None,
            label=label,
            language=_known_language(language),
        )
    )


def _known_language(code: str | None) -> str | None:
    """A review's inLanguage, when it is one claimcheck splits (a feed in another language
    is still imported; its claims are read as the source's language)."""
    if not code:
        return None
    try:
        return check_language(code.split("-")[0])
    except InvalidInput:
        return None


def _status_from_value(rating: Mapping[str, Any]) -> Status:
    """A rating with an unknown label, placed by its value between worst and best."""
    try:
        value = float(rating["ratingValue"])
        best = float(rating.get("bestRating", 5))
        worst = float(rating.get("worstRating", 1))
    except (KeyError, TypeError, ValueError, OverflowError):
        return Status.PENDING
    if best == worst or not all(map(math.isfinite, (value, best, worst))):
        return Status.PENDING
    share = (value - worst) / (best - worst)
    if share >= 0.7:
        return Status.VERIFIED
    if share <= 0.3:
        return Status.DISPUTED
    return Status.UNVERIFIABLE
