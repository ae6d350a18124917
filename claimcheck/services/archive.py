"""The archive of past fact-checks: claims checked before, imported from JSONL or CSV."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimcheck.errors import InvalidInput
from claimcheck.matching.normalize import normalize
from claimcheck.pipeline.dates import parse_user_date
from claimcheck.pipeline.language import detect_language
from claimcheck.pipeline.text import normalize_text
from claimcheck.services.repeats.index import claim_terms, index_words
from claimcheck.services.review import EvidenceInput, attach_evidence, default_stance
from claimcheck.services.urls import check_url
from claimcheck.settings import DEFAULT_SCALE, RatingScale
from claimcheck.storage import Article, Claim, ReviewEvent, Sentence, Status
from claimcheck.storage.clock import now
from claimcheck.storage.models import EventKind

BATCH = 500

# Rating labels fact-checkers publish, to the status claimcheck gives the claim.
RATINGS = {
    Status.VERIFIED: (
        "true",
        "benar",
        "correct",
        "mostly true",
        "accurate",
        "fakta",
        "sebagian benar",
        "correct attribution",
    ),
    Status.DISPUTED: (
        "false",
        "salah",
        "hoax",
        "hoaks",
        "misleading",
        "menyesatkan",
        "mostly false",
        "pants on fire",
        "fake",
        "disinformasi",
        "misattributed",
        "scam",
        "miscaptioned",
        "incorrect",
        "satire",
        "labeled satire",
    ),
    Status.UNVERIFIABLE: (
        "unproven",
        "tidak terbukti",
        "unverified",
        "mixture",
        "mixed",
        "legend",
        "research in progress",
        "outdated",
    ),
}
_RATING_STATUS = {label: status for status, labels in RATINGS.items() for label in labels}


@dataclass(frozen=True)
class ArchiveRow:
    line: int
    text: str
    status: Status
    rating: str | None  # on the desk's scale when it knows the label
    url: str | None
    published: str | None
    speaker: str | None
    external_id: str | None
    context: str | None
    label: str | None = None  # the rating exactly as the archive published it


@dataclass
class ImportReport:
    source: str
    imported: int = 0
    already_present: int = 0
    skipped: list[str] = field(default_factory=list)


def read_rows(
    path: Path, scale: RatingScale = DEFAULT_SCALE
) -> Iterator[ArchiveRow | InvalidInput]:
    """Rows of a JSONL or CSV archive; a bad row is an error in its place, not the end."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path}: cannot read it as UTF-8 text ({exc})") from exc
    if text.lstrip().startswith("{"):
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InvalidInput(f"line {number}: not JSON ({exc.msg})")
                continue
            yield (
                _row(record, number, scale)
                if isinstance(record, dict)
                else InvalidInput(f"line {number}: not a JSON object")
            )
    else:
        for number, record in enumerate(csv.DictReader(io.StringIO(text)), start=2):
            yield _row(record, number, scale)


def pick(record: Mapping[str, Any], *names: str) -> str | None:
    """The first of ``names`` the record gives a non-empty value, as text."""
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return str(value).strip()
    return None


def rating_status(label: str | None, scale: RatingScale) -> tuple[str | None, Status]:
    """A published rating as the desk stores it (its own scale's label when the scale knows
    it, else the label as published) and the status it means."""
    if not label:
        return None, Status.PENDING
    known = scale.find(label)
    if known is not None:
        return known.label, known.status
    return label, _RATING_STATUS.get(" ".join(label.split()).lower(), Status.PENDING)


def _row(record: dict[str, Any], line: int, scale: RatingScale) -> ArchiveRow | InvalidInput:
    text = pick(record, "text", "claim", "vclaim", "claimReviewed")
    if not text:
        return InvalidInput(f"line {line}: no claim text (columns text, claim or vclaim)")
    label = pick(record, "rating", "verdict", "label")
    rating, status = rating_status(label, scale)
    status_text = pick(record, "status")
    if status_text:
        try:
            status = Status(status_text.lower())
        except ValueError:
            return InvalidInput(f"line {line}: unknown status {status_text!r}")
    url = pick(record, "url")
    if url:
        try:
            url = check_url(url)
        except InvalidInput as exc:
            return InvalidInput(f"line {line}: {exc}")
    if status in (Status.VERIFIED, Status.DISPUTED) and not url:
        return InvalidInput(f"line {line}: a {status.value} claim needs the check's url")
    context = " ".join(v for v in (pick(record, "title"), pick(record, "subtitle")) if v)
    return ArchiveRow(
        line=line,
        text=normalize_text(text),
        status=status,
        rating=rating,
        label=label,
        url=url,
        published=parse_user_date(pick(record, "date", "datePublished") or "") or None,
        speaker=pick(record, "speaker", "claimant"),
        external_id=pick(record, "external_id", "id", "vclaim_id"),
        context=context or None,
    )


def import_claims(
    session: Session,
    *,
    path: Path,
    source: str | None = None,
    scale: RatingScale = DEFAULT_SCALE,
) -> ImportReport:
    """Load past checks; each becomes an archived claim that new articles are matched against.

    Importing the same file again adds nothing (each row is keyed by source and external id,
    or its text).
    """
    return import_rows(session, read_rows(path, scale), source=source or path.stem, path=path)


def import_rows(
    session: Session, rows: Iterable[ArchiveRow | InvalidInput], *, source: str, path: Path
) -> ImportReport:
    """Store checked claims in batches; a bad row is reported by its place and skipped."""
    report = ImportReport(source)
    batch: list[ArchiveRow] = []
    for row in rows:
        if isinstance(row, InvalidInput):
            report.skipped.append(f"{path}: {row}")
            continue
        batch.append(row)
        if len(batch) >= BATCH:
            _store(session, batch, source, report)
            batch = []
    _store(session, batch, source, report)
    return report


def _digest(source: str, row: ArchiveRow) -> str:
    key = f"archive\0{source}\0{row.external_id or row.text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _store(session: Session, rows: list[ArchiveRow], source: str, report: ImportReport) -> None:
    if not rows:
        return
    digests = {_digest(source, r): r for r in rows}
    present = set(
        session.scalars(select(Article.content_hash).where(Article.content_hash.in_(digests)))
    )
    report.already_present += len(present)
    actor = f"import:{source}"[:200]
    words: dict[int, Counter[str]] = {}
    fresh = [(d, r) for d, r in digests.items() if d not in present]
    made = [(_archived(row, source, digest), row) for digest, row in fresh]
    session.add_all(article for (article, _), _ in made)
    session.flush()  # one batched INSERT per table: the claims get their ids
    for (article, claim), row in made:
        words[claim.id] = claim_terms(claim.match_text, row.context, article.language)
        if row.status is not Status.PENDING:
            _verdict(session, claim, row, actor)
    index_words(session, words)
    report.imported += len(fresh)
    # Written; let the session forget them. A million-row import otherwise keeps three
    # million objects in the session, and every garbage collection walks them all.
    session.flush()
    session.expunge_all()


def _archived(row: ArchiveRow, source: str, digest: str) -> tuple[Article, Claim]:
    claim = Claim(
        position=0,
        text=row.text,
        status=row.status.value,
        speaker=row.speaker,
        hedged=False,
        start_offset=0,
        end_offset=len(row.text),
        match_text=normalize(row.text).text,
        external_id=row.external_id,
        context=row.context,
        rating=row.rating if row.status is not Status.PENDING else None,
    )
    sentence = Sentence(
        position=0,
        role="body",
        text=row.text,
        start_offset=0,
        end_offset=len(row.text),
        claims=[claim],
    )
    article = Article(
        kind="archive",
        url=row.url,
        source=source,
        outlet=source,
        title=row.context or row.text,
        published_at=date.fromisoformat(row.published) if row.published else None,
        language=detect_language(row.text),
        raw_text=row.text,
        text=row.text,
        content_hash=digest,
        sentences=[sentence],
    )
    return article, claim


def _verdict(session: Session, claim: Claim, row: ArchiveRow, actor: str) -> None:
    """The archive's verdict in the history: its link as evidence, then pending -> status."""
    note = f"rating: {row.label}" if row.label else None
    if row.url:
        item = EvidenceInput(row.url, default_stance(row.status.value), note)
        attach_evidence(session, claim, item, actor)
    session.add(
        ReviewEvent(
            claim_id=claim.id,
            kind=EventKind.STATUS.value,
            actor=actor,
            at=now(session),
            from_status=Status.PENDING.value,
            to_status=row.status.value,
            note=note,
            rating=claim.rating,
        )
    )
