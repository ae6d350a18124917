"""Storing imported checks in bulk: each batch prepared outside any transaction, then
written in one short one (Core bulk inserts, COPY on PostgreSQL) with its word index.

A large file is read and prepared in a worker process while this one writes. A batch is
whole or absent after a crash, and a re-run skips what is already stored, so an import can
be stopped and started again. Other writers (verify, ingest, review) wait at most for one
batch: the batch size follows the time the last one took to write.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import queue
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from claimcheck.errors import ClaimcheckError, DatabaseError, InvalidInput
from claimcheck.matching.normalize import match_text
from claimcheck.pipeline.language import claim_language, detect_language
from claimcheck.services.archive import ArchiveRow, ImportReport
from claimcheck.services.repeats.index import claim_terms, index_words
from claimcheck.services.review import check_note, check_reviewer, default_stance
from claimcheck.services.workers import worker_start, workers
from claimcheck.settings import RatingScale
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
from claimcheck.storage.db import database_message, sqlite_path
from claimcheck.storage.models import EventKind

ARTICLE, SENTENCE, CLAIM, EVIDENCE, EVENT = (
    table_of(m) for m in (Article, Sentence, Claim, Evidence, ReviewEvent)
)
#: Rows written in the first batch; then as many as were written in about WRITE_SECONDS.
#: Each batch rewrites pages all over the word index (its postings are keyed by term), so
#: fewer, larger batches write less: 100,000 claims took 54 s of CPU in batches of 0.5 s,
#: 49 s in batches of 1 s (another writer waits at most that long), 48 s in batches of 2 s.
FIRST_BATCH = 2_000
MIN_BATCH, MAX_BATCH = 500, 20_000
#: Good rows read, looked up and prepared together (the first chunk decides the source's
#: language when neither the caller nor its rows say it).
CHUNK = 2_000
#: A file this large (about 20,000 claims) is read and prepared in a worker process, which
#: costs about 1 s to start.
PARALLEL_BYTES = 4 << 20
_AHEAD = 4  # chunks the worker prepares ahead of the writer
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


class _Prepared(NamedTuple):
    """A row ready to write: plain values, which a worker process hands over ten times
    faster than dataclasses (2.4 s -> 0.2 s to unpickle 100,000)."""

    digest: str
    language: str
    match_text: str
    terms: dict[str, int]
    text: str
    status: str  # Status's value
    rating: str | None
    label: str | None
    url: str | None
    published: str | None
    speaker: str | None
    external_id: str | None
    context: str | None

    @classmethod
    def of(cls, row: ArchiveRow, digest: str, language: str, text: str) -> _Prepared:
        terms = dict(claim_terms(text, row.context, language))
        return cls(
            digest, language, text, terms, row.text, row.status.value, row.rating, row.label,
            row.url, row.published, row.speaker, row.external_id, row.context,
        )  # fmt: skip

    @property
    def decided(self) -> bool:
        return self.status != Status.PENDING.value


@dataclass(frozen=True)
class _Chunk:
    """Rows read in file order, prepared for writing: the good ones not stored yet, what
    was wrong with the bad ones, and how many were already stored (or twice in it)."""

    prepared: list[_Prepared]
    skipped: list[str]
    already_present: int


#: Reads a file's rows (a module's function, so a worker process can be told which).
Reader = Callable[[Path, RatingScale], Iterable[ArchiveRow | InvalidInput]]


def import_file(
    db: Database,
    path: Path,
    read: Reader,
    scale: RatingScale,
    *,
    source: str,
    language: str | None = None,
    on_skip: Callable[[str], None] | None = None,
) -> ImportReport:
    """Store the checked claims ``read`` finds in a file (archive.read_rows,
    claimreview.read_reviews) batch by batch; a bad row is reported by its place and
    skipped. A large file is read and prepared in a worker process while this one writes.

    ``language`` is the source's, when the caller knows it; else each claim's own (see
    ``_Languages``).
    """
    source = _checked_source(source, path)
    if not _in_parallel(db, path):
        chunks = _prepare(db, read(path, scale), source, path, _Languages(language))
        return _write_chunks(db, chunks, source, on_skip)
    with _Worker(_Job(db.url, path, read, scale, source, language)) as worker:
        return _write_chunks(db, worker.chunks(), source, on_skip)


def _checked_source(source: str, path: Path) -> str:
    source = source.strip()
    if not source or len(source) > _MAX_OUTLET:
        raise InvalidInput(
            f"{path}: the source's name must be 1 to {_MAX_OUTLET} characters "
            f"(got {len(source)}); give a shorter one with --source NAME"
        )
    return source


def _write_chunks(
    db: Database,
    chunks: Iterable[_Chunk],
    source: str,
    on_skip: Callable[[str], None] | None,
) -> ImportReport:
    """Write prepared rows in batches of about WRITE_SECONDS each."""
    actor = check_reviewer(f"import:{source}"[:200])
    report = ImportReport(source)
    size = FIRST_BATCH
    pending: list[_Prepared] = []
    for chunk in chunks:
        report.already_present += chunk.already_present
        report.skipped_rows += len(chunk.skipped)
        for message in chunk.skipped:
            if len(report.skipped) < MAX_REPORTED:
                report.skipped.append(message)
            if on_skip is not None:
                on_skip(message)
        pending += chunk.prepared
        while len(pending) >= size:
            written = _store(db, pending[:size], source, actor, report)
            pending = pending[size:]
            size = max(MIN_BATCH, min(MAX_BATCH, int(size * WRITE_SECONDS / max(written, 1e-3))))
    if pending:
        _store(db, pending, source, actor, report)
    return report


def _prepare(
    db: Database,
    rows: Iterable[ArchiveRow | InvalidInput],
    source: str,
    path: Path,
    languages: _Languages,
) -> Iterator[_Chunk]:
    """The rows in chunks of CHUNK good ones, each looked up and prepared (``_chunk``)."""
    batch: list[ArchiveRow] = []
    skipped: list[str] = []
    for row in rows:
        if isinstance(row, InvalidInput):
            skipped.append(f"{path}: {row}")
            continue
        batch.append(row)
        if len(batch) >= CHUNK:
            yield _chunk(db, batch, skipped, source, languages)
            batch, skipped = [], []
    if batch or skipped:
        yield _chunk(db, batch, skipped, source, languages)


def _chunk(
    db: Database,
    rows: list[ArchiveRow],
    skipped: list[str],
    source: str,
    languages: _Languages,
) -> _Chunk:
    """Rows not stored yet with their match text, language and index terms."""
    by_digest: dict[str, ArchiveRow] = {}
    twice = 0
    for row in rows:
        digest = digest_of(source, row)
        if digest in by_digest:  # the same check twice in the file: the first one counts
            twice += 1
        else:
            by_digest[digest] = row
    present: set[str] = set()
    if by_digest:
        with db.session(write=False) as session:
            present = _present(session, list(by_digest))
    fresh = [(d, r) for d, r in by_digest.items() if d not in present]
    texts = [match_text(r.text) for _, r in fresh]
    chosen = languages.decide([r for _, r in fresh], texts) if fresh else []
    prepared = [
        _Prepared.of(row, digest, language, text)
        for (digest, row), text, language in zip(fresh, texts, chosen, strict=True)
    ]
    return _Chunk(prepared, skipped, twice + len(present))


def digest_of(source: str, row: ArchiveRow) -> str:
    """The key an archived check is stored under: its source and its id (or text)."""
    key = f"archive\0{source}\0{row.external_id or row.text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class _Languages:
    """Each claim's language: the row's, else the source's when the caller gives it, else
    the claim's function words, else (when the claim is long enough to tell) the language
    model on the claim, else the language of most of the first chunk: decided once for the
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


# ------------------------------------------------------------------ preparing in parallel


def _in_parallel(db: Database, path: Path) -> bool:
    """A large file, more than one core, and a database another process can open (not a
    SQLite database in memory)."""
    if db.engine.dialect.name == "sqlite" and sqlite_path(db.url) is None:
        return False
    try:
        large = path.is_file() and path.stat().st_size >= PARALLEL_BYTES
    except OSError:
        return False
    return large and workers() > 1


class _Failed:
    """What stopped the worker: a user's error as it was raised, else its description."""

    def __init__(self, error: ClaimcheckError | None, described: str) -> None:
        self.error, self.described = error, described


@dataclass(frozen=True)
class _Job:
    """What the worker reads, and how: everything it needs, picklable."""

    url: str
    path: Path
    read: Reader
    scale: RatingScale
    source: str
    language: str | None


def _produce(job: _Job, out: Any, parent: int) -> None:
    """In the worker: read and prepare the file's chunks, in order, into ``out``; then
    None, or what stopped it."""
    from claimcheck.storage.db import open_database

    worker_start(parent)
    try:
        db = open_database(job.url, migrate=False)
        try:
            rows = job.read(job.path, job.scale)
            for chunk in _prepare(db, rows, job.source, job.path, _Languages(job.language)):
                out.put(chunk)
        finally:
            db.close()
        out.put(None)
    except ClaimcheckError as exc:
        out.put(_Failed(exc, str(exc)))
    except SQLAlchemyError as exc:
        out.put(_Failed(DatabaseError(f"cannot read the database: {database_message(exc)}"), ""))
    except BaseException as exc:  # a defect: described, for the main process to raise
        out.put(_Failed(None, "".join(traceback.format_exception(exc))))


class _Worker:
    """One process reading and preparing the file a few chunks ahead of the writer (memory
    stays bounded): the reading, match text, languages and stems of 100,000 claims are about
    10 s of CPU, the writing about 10 s more, and the two then overlap on two cores."""

    def __init__(self, job: _Job) -> None:
        context = multiprocessing.get_context("spawn")
        self.queue = context.Queue(maxsize=_AHEAD)
        self.process = context.Process(
            target=_produce, args=(job, self.queue, os.getpid()), daemon=True
        )

    def __enter__(self) -> _Worker:
        self.process.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(5)
        self.queue.close()
        self.queue.cancel_join_thread()

    def chunks(self) -> Iterator[_Chunk]:
        while True:
            try:
                item = self.queue.get(timeout=1)
            except queue.Empty:
                if not self.process.is_alive():
                    raise ClaimcheckError(
                        f"the import's reading process stopped (exit code "
                        f"{self.process.exitcode}); what was written is kept: run the same "
                        "command again to add the rest"
                    ) from None
                continue
            if item is None:
                return
            if isinstance(item, _Failed):
                if item.error is not None:
                    raise item.error
                raise RuntimeError(f"the import's reading process failed:\n{item.described}")
            yield item


# ------------------------------------------------------------------------------- writing


def _store(
    db: Database, prepared: list[_Prepared], source: str, actor: str, report: ImportReport
) -> float:
    """Store a batch; the seconds its write transaction took."""
    started = time.perf_counter()
    with db.session(write=True, linked=True) as session:
        connection = session.connection()
        if connection.dialect.name == "postgresql":
            connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_IMPORT_LOCK)))
        else:
            connection.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        # Stored by another writer, or an earlier batch, since the rows were looked up; or
        # twice in this batch (two chunks of the file).
        again = _present(session, [p.digest for p in prepared])
        unique: dict[str, _Prepared] = {}
        for p in prepared:
            if p.digest in again or p.digest in unique:
                report.already_present += 1
            else:
                unique[p.digest] = p
        _write(session, list(unique.values()), source, actor)
    report.imported += len(unique)
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
    decided = [k for k, p in enumerate(prepared) if p.decided]
    linked = [k for k in decided if prepared[k].url]
    evidence_ids = dict(zip(linked, reserve_ids(connection, EVIDENCE, len(linked)), strict=True))
    when = now(session)
    insert_rows(
        connection,
        ARTICLE,
        ("id", "kind", "url", "source", "outlet", "title", "published_at", "language",
         "raw_text", "text", "content_hash", "ingested_at"),
        [
            (
                article_ids[k], "archive", p.url, source, source, p.context or p.text,
                _day(p.published), p.language, p.text, p.text, p.digest, when,
            )
            for k, p in enumerate(prepared)
        ],
    )  # fmt: skip
    insert_rows(
        connection,
        SENTENCE,
        ("id", "article_id", "position", "role", "text", "start_offset", "end_offset"),
        [
            (sentence_ids[k], article_ids[k], 0, "body", p.text, 0, len(p.text))
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
                claim_ids[k], sentence_ids[k], 0, p.text, p.status, p.speaker, False, 0,
                len(p.text), when, when, p.match_text, p.external_id, p.context,
                p.rating if p.decided else None,
            )
            for k, p in enumerate(prepared)
        ],
    )  # fmt: skip
    notes = {
        k: check_note(f"rating: {prepared[k].label}" if prepared[k].label else None)
        for k in decided
    }
    evidence = {
        evidence_ids[k]: {
            "claim_id": claim_ids[k],
            "url": prepared[k].url,
            "stance": default_stance(prepared[k].status),
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
        row = prepared[k]
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
                "to_status": row.status,
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
