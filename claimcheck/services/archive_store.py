"""Storing imported checks in bulk: each batch prepared outside any transaction, then
written in one short one (Core bulk inserts, COPY on PostgreSQL) with its word index.

A batch is whole or absent after a crash, and a re-run skips what is already stored, so an
import can be stopped and started again. Other writers (verify, ingest, review) wait at most
for one batch: the batch size follows the time the last one took to write.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from claimcheck.errors import InvalidInput
from claimcheck.matching.normalize import match_text
from claimcheck.pipeline.language import claim_language, detect_language
from claimcheck.services.archive import ArchiveRow, ImportReport
from claimcheck.services.repeats.index import claim_terms, index_words
from claimcheck.services.review import check_note, check_reviewer, default_stance
from claimcheck.storage import (
    Article,
    Claim,
    Database,
    Evidence,
    ReviewEvent,
    Sentence,
    Status,
    history,
)
from claimcheck.storage.bulk import insert_rows, reserve_ids, table_of
from claimcheck.storage.clock import now
from claimcheck.storage.models import EventKind

ARTICLE, SENTENCE, CLAIM, EVIDENCE, EVENT = (
    table_of(m) for m in (Article, Sentence, Claim, Evidence, ReviewEvent)
)
#: Rows prepared per batch at first; then as many as were written in about WRITE_SECONDS.
#: Each batch rewrites pages all over the word index (its postings are keyed by term), so
#: fewer, larger batches write less: 100,000 claims took 54 s of CPU in batches of 0.5 s,
#: 49 s in batches of 1 s (another writer waits at most that long), 48 s in batches of 2 s.
FIRST_BATCH = 2_000
MIN_BATCH, MAX_BATCH = 500, 20_000
WRITE_SECONDS = 1.0
#: SQLite's page cache on the import's connection (KiB; its default is 2 MiB): the word
#: index's pages stay in memory from one batch to the next instead of being read again. A
#: bound, so memory stays flat whatever the file's size.
SQLITE_CACHE_KIB = 65_536
#: Error lines kept in the report (all are counted, and printed as they are found).
MAX_REPORTED = 1_000
#: A claim shorter than this, whose function words do not tell its language, takes the
#: source's: the language model is unreliable on a few words.
MIN_DETECTED_CHARS = 40
_IMPORT_LOCK = 0x636C6932  # PostgreSQL: two imports write their batches one at a time
_MAX_OUTLET = 200  # article.outlet


@dataclass(frozen=True)
class _Prepared:
    row: ArchiveRow
    digest: str
    language: str
    match_text: str
    terms: Counter[str]


def import_rows(
    db: Database,
    rows: Iterable[ArchiveRow | InvalidInput],
    *,
    source: str,
    path: Path,
    language: str | None = None,
    on_skip: Callable[[str], None] | None = None,
) -> ImportReport:
    """Store checked claims batch by batch; a bad row is reported by its place and skipped.

    ``language`` is the source's, when the caller knows it; else each claim's own (see
    ``_Languages``).
    """
    source = source.strip()
    if not source or len(source) > _MAX_OUTLET:
        raise InvalidInput(
            f"{path}: the source's name must be 1 to {_MAX_OUTLET} characters "
            f"(got {len(source)}); give a shorter one with --source NAME"
        )
    actor = check_reviewer(f"import:{source}"[:200])
    report = ImportReport(source)
    languages = _Languages(language)
    size = [FIRST_BATCH]
    for batch in _batches(rows, report, path, on_skip, size):
        written = _store(db, batch, source, actor, languages, report)
        size[0] = max(
            MIN_BATCH, min(MAX_BATCH, int(len(batch) * WRITE_SECONDS / max(written, 1e-3)))
        )
    return report


def _batches(
    rows: Iterable[ArchiveRow | InvalidInput],
    report: ImportReport,
    path: Path,
    on_skip: Callable[[str], None] | None,
    size: list[int],
) -> Iterator[list[ArchiveRow]]:
    """The good rows in batches of ``size[0]`` (which the caller changes between them)."""
    batch: list[ArchiveRow] = []
    for row in rows:
        if isinstance(row, InvalidInput):
            message = f"{path}: {row}"
            report.skipped_rows += 1
            if len(report.skipped) < MAX_REPORTED:
                report.skipped.append(message)
            if on_skip is not None:
                on_skip(message)
            continue
        batch.append(row)
        if len(batch) >= size[0]:
            yield batch
            batch = []
    if batch:
        yield batch


def digest_of(source: str, row: ArchiveRow) -> str:
    """The key an archived check is stored under: its source and its id (or text)."""
    key = f"archive\0{source}\0{row.external_id or row.text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class _Languages:
    """Each claim's language: the row's, else the source's when the caller gives it, else
    the claim's function words, else (when the claim is long enough to tell) the language
    model on the claim, else the language of most of the first batch: decided once for the
    source."""

    def __init__(self, given: str | None) -> None:
        self.source = given
        self.given = given is not None

    def decide(self, rows: list[ArchiveRow], texts: list[str]) -> list[str]:
        chosen = [
            row.language or (None if self.given else self._own(row.text, text))
            for row, text in zip(rows, texts, strict=True)
        ]
        if self.source is None:
            counts = Counter(language for language in chosen if language)
            self.source = counts.most_common(1)[0][0] if counts else "id"
        return [language or str(self.source) for language in chosen]

    @staticmethod
    def _own(text: str, words: str) -> str | None:
        found = claim_language(words.split())
        if found is None and len(text) >= MIN_DETECTED_CHARS:
            found = detect_language(text)
        return found


def _store(
    db: Database,
    rows: list[ArchiveRow],
    source: str,
    actor: str,
    languages: _Languages,
    report: ImportReport,
) -> float:
    """Store a batch; the seconds its write transaction took."""
    by_digest: dict[str, ArchiveRow] = {}
    for row in rows:
        digest = digest_of(source, row)
        if digest in by_digest:  # the same check twice in the file: the first one counts
            report.already_present += 1
        else:
            by_digest[digest] = row
    with db.session(write=False) as session:
        present = _present(session, list(by_digest))
    fresh = [(d, r) for d, r in by_digest.items() if d not in present]
    texts = [match_text(r.text) for _, r in fresh]
    chosen = languages.decide([r for _, r in fresh], texts)
    prepared = [
        _Prepared(row, digest, language, text, claim_terms(text, row.context, language))
        for (digest, row), text, language in zip(fresh, texts, chosen, strict=True)
    ]
    report.already_present += len(present)
    if not prepared:
        return 0.0
    started = time.perf_counter()
    with db.session(write=True) as session:
        connection = session.connection()
        if connection.dialect.name == "postgresql":
            connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_IMPORT_LOCK)))
        else:
            connection.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        # Another writer may have stored some since they were looked up.
        again = _present(session, [p.digest for p in prepared])
        report.already_present += len(again)
        prepared = [p for p in prepared if p.digest not in again]
        _write(session, prepared, source, actor)
    report.imported += len(prepared)
    return time.perf_counter() - started


def _present(session: Session, digests: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(digests), 5_000):
        chunk = digests[start : start + 5_000]
        found.update(
            session.scalars(
                sa.select(ARTICLE.c.content_hash).where(ARTICLE.c.content_hash.in_(chunk))
            )
        )
    return found


def _write(session: Session, prepared: list[_Prepared], source: str, actor: str) -> None:
    """One batch: an article, a sentence and a claim per check; for a verdict its link as
    evidence and the history (evidence added, then pending -> status); the word index."""
    if not prepared:
        return
    connection = session.connection()
    count = len(prepared)
    article_ids = reserve_ids(connection, ARTICLE, count)
    sentence_ids = reserve_ids(connection, SENTENCE, count)
    claim_ids = reserve_ids(connection, CLAIM, count)
    decided = [k for k, p in enumerate(prepared) if p.row.status is not Status.PENDING]
    linked = [k for k in decided if prepared[k].row.url]
    evidence_ids = dict(zip(linked, reserve_ids(connection, EVIDENCE, len(linked)), strict=True))
    when = now(session)
    insert_rows(
        connection,
        ARTICLE,
        ("id", "kind", "url", "source", "outlet", "title", "published_at", "language",
         "raw_text", "text", "content_hash", "ingested_at"),
        [
            (
                article_ids[k], "archive", p.row.url, source, source, p.row.context or p.row.text,
                _day(p.row.published), p.language, p.row.text, p.row.text, p.digest, when,
            )
            for k, p in enumerate(prepared)
        ],
    )  # fmt: skip
    insert_rows(
        connection,
        SENTENCE,
        ("id", "article_id", "position", "role", "text", "start_offset", "end_offset"),
        [
            (sentence_ids[k], article_ids[k], 0, "body", p.row.text, 0, len(p.row.text))
            for k, p in enumerate(prepared)
        ],
    )
    insert_rows(
        connection,
        CLAIM,
        ("id", "sentence_id", "position", "text", "status", "speaker", "hedged", "start_offset",
         "end_offset", "created_at", "updated_at", "match_text", "external_id", "context",
         "rating"),
        [
            (
                claim_ids[k], sentence_ids[k], 0, p.row.text, p.row.status.value, p.row.speaker,
                False, 0, len(p.row.text), when, when, p.match_text, p.row.external_id,
                p.row.context, p.row.rating if p.row.status is not Status.PENDING else None,
            )
            for k, p in enumerate(prepared)
        ],
    )  # fmt: skip
    notes = {
        k: check_note(f"rating: {prepared[k].row.label}" if prepared[k].row.label else None)
        for k in decided
    }
    evidence = {
        evidence_ids[k]: {
            "claim_id": claim_ids[k],
            "url": prepared[k].row.url,
            "stance": default_stance(prepared[k].row.status.value),
            "note": notes[k],
            "added_by": actor,
            "added_at": when,
        }
        for k in linked
    }
    insert_rows(
        connection,
        EVIDENCE,
        ("id", *history.EVIDENCE_FIELDS),
        [
            (i, *(fields[name] for name in history.EVIDENCE_FIELDS))
            for i, fields in evidence.items()
        ],
    )
    events: list[dict[str, object]] = []
    for k in decided:
        row = prepared[k].row
        common = {"claim_id": claim_ids[k], "actor": actor, "at": when, "note": notes[k]}
        if k in evidence_ids:
            events.append(
                {
                    **common,
                    "kind": EventKind.EVIDENCE.value,
                    "from_status": None,
                    "to_status": None,
                    "evidence_id": evidence_ids[k],
                    "rating": None,
                }
            )
        events.append(
            {
                **common,
                "kind": EventKind.STATUS.value,
                "from_status": Status.PENDING.value,
                "to_status": row.status.value,
                "evidence_id": None,
                "rating": row.rating,
            }
        )
    history.append_rows(session, events, evidence=evidence)
    index_words(
        session, {claim_ids[k]: p.terms for k, p in enumerate(prepared)}, ranked=False, fresh=True
    )


def _day(published: str | None) -> date | None:
    return date.fromisoformat(published) if published else None
