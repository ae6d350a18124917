"""Ingest: turn received article text into stored articles, sentences and pending claims."""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from claimcheck.errors import ClaimcheckError, InvalidInput
from claimcheck.matching.thresholds import Thresholds
from claimcheck.pipeline import (
    Document,
    Metadata,
    article_text,
    content_hash,
    split_article,
)
from claimcheck.pipeline.dates import parse_user_date
from claimcheck.pipeline.html import looks_like_html, thin_extraction
from claimcheck.pipeline.language import language_name, splits_claims
from claimcheck.services import revisions
from claimcheck.services.fetch import Fetcher, FetchOptions, fetcher
from claimcheck.services.repeats.record import Recorded, record_article
from claimcheck.services.sources import DEFAULT_MAX_MB, Source, read_text
from claimcheck.services.urls import check_url, url_problem
from claimcheck.services.workers import worker_start, workers
from claimcheck.storage import Article, Claim, Database, Sentence
from claimcheck.storage.db import database_message


@dataclass(frozen=True)
class IngestOptions:
    """What the reviewer told us about the input, winning over what the text says."""

    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    lang: str | None = None
    plain: bool = False
    thresholds: Thresholds = Thresholds()  # when a new claim is suggested or linked


@dataclass(frozen=True)
class IngestResult:
    article_id: int
    title: str | None
    sentences: int
    claims: int
    already_present: bool
    source: str
    linked: int = 0  # claims found to be the same as a claim of another article
    suggested: int = 0  # possible repeats for a reviewer to confirm or reject
    revision: int = 1  # above 1: the text is an edit of an article stored before
    previous_id: int | None = None  # ... stored as this article
    language: str = "id"
    warnings: tuple[str, ...] = ()  # what a reviewer should know about what was stored


@dataclass(frozen=True)
class IngestFailure:
    source: str
    message: str


def prepare(raw: str, options: IngestOptions) -> Document:
    """Run the pipeline on received text (HTML or plain), with the options as hints."""
    given_url = check_url(options.url, what="the article URL (--url)") if options.url else None
    text, page = article_text(raw, url=given_url)
    # A page's own URL (its canonical link) is kept only when it follows the URL rule.
    page_url = page.url if page.url and url_problem(page.url) is None else None
    published = None
    if options.published:
        published = parse_user_date(options.published)
        if published is None:
            raise InvalidInput(f"--published {options.published!r} is not a date (use YYYY-MM-DD)")
    hints = Metadata(
        title=page.title,
        author=page.author,
        outlet=options.outlet or page.outlet,
        published_at=published
        or (parse_user_date(page.published_at) if page.published_at else None),
        url=given_url or page_url,
    )
    if not text.strip():
        raise InvalidInput("no text to split")
    return split_article(text, plain=options.plain, lang=options.lang, hints=hints)


def warnings_for(raw: str, document: Document, options: IngestOptions) -> tuple[str, ...]:
    """What the pipeline could not do with this input, for the reviewer to know."""
    found = []
    language = document.metadata.language or "id"
    if not splits_claims(language):
        how = "is marked as" if options.lang else "reads as"
        found.append(
            f"the text {how} {language_name(language)}, which claimcheck does not cut into "
            "claims: its sentences are kept, with no claims"
            + (
                ""
                if options.lang
                else " (if it is Indonesian or English, give --lang id or --lang en)"
            )
        )
    if looks_like_html(raw) and thin_extraction(raw, document.text):
        found.append(
            f"only {len(document.text.strip()):,} characters of text came out of a "
            f"{len(raw) // 1024:,} KB page: it may be built by JavaScript or hold the article "
            "where the extractor did not look; check what was stored"
        )
    return tuple(found)


def ingest_text(
    session: Session,
    *,
    raw: str,
    source: str,
    options: IngestOptions,
    document: Document | None = None,
) -> IngestResult:
    """Store one article (``document``: the pipeline's reading of ``raw``, when it was
    made already); the same text a second time returns the stored article instead."""
    if document is None:
        document = prepare(raw, options)
    warnings = warnings_for(raw, document, options)
    digest = content_hash(document.text)
    existing = _by_hash(session, digest)
    if existing is not None:
        return _result(existing, source, already_present=True, warnings=warnings)

    article = _article_row(document, raw=raw, source=source, digest=digest)
    previous = revisions.previous_revision(session, article)
    if previous is not None:
        article.previous_id, article.revision = previous.id, previous.revision + 1
    try:
        # The savepoint opens before the article is added, so a lost race to the unique
        # content hash undoes only this insert, not the caller's transaction.
        with session.begin_nested():
            session.add(article)
            session.flush()
    except IntegrityError:
        # Another process stored the same text between our lookup and our insert.
        existing = _by_hash(session, digest)
        if existing is None:
            raise
        return _result(existing, source, already_present=True, warnings=warnings)
    if previous is not None:
        revisions.carry_over(session, previous, article)
    stored = [c for s in article.sentences for c in s.claims]
    pairs = list(zip(stored, document.claims, strict=True))
    forms = {row.id: claim.match for row, claim in pairs if claim.match}
    indexed = {row.id: claim.indexed for row, claim in pairs if claim.indexed}
    found = record_article(
        session,
        article,
        options.thresholds,
        forms=forms,
        indexed=indexed,
        aliases=dict(document.aliases),
    )
    return _result(article, source, already_present=False, found=found, warnings=warnings)


def check_batch(
    sources: list[Source | InvalidInput], options: IngestOptions, feeds: Sequence[str] = ()
) -> None:
    """Options that describe one article cannot go with a batch or a feed; --url is a web
    address like any evidence link, since it is published as the article's."""
    if options.url and (len(sources) > 1 or feeds):
        raise InvalidInput("--url names one article: give it with a single file or page")
    if options.url:
        check_url(options.url, what="the article URL (--url)")


def ingest_sources(
    db: Database,
    *,
    sources: list[Source | InvalidInput],
    options: IngestOptions,
    max_mb: int = DEFAULT_MAX_MB,
    fetch: FetchOptions | None = None,
) -> Iterator[IngestResult | IngestFailure]:
    """Ingest each input, one transaction per article; a bad input fails alone. Web
    addresses are fetched (``fetch``: timeout; the size limit is ``max_mb``) and stored
    with the address they ended at after redirects.

    A crash or an interrupt loses at most the article being written: the ones before it are
    committed, and running the same batch again skips them (same text, same article).
    """
    with ExitStack() as stack:
        web: Fetcher | None = None
        files = [s for s in sources if isinstance(s, Source) and s.path is not None]
        ahead = stack.enter_context(_PrepareAhead(files, options, max_mb))
        for item in sources:
            if isinstance(item, ClaimcheckError):
                yield IngestFailure(str(item).split(": ", 1)[0], str(item))
                continue
            if item.url is not None and web is None:
                timeout = (fetch or FetchOptions()).timeout
                web = stack.enter_context(fetcher(FetchOptions(timeout=timeout, max_mb=max_mb)))
            yield ingest_one(db, item, options, max_mb, web, prepared=ahead.take(item))


# A batch of this many files or more is read and cut into claims (the parse is most of an
# article's cost) in worker processes, one a core, while this process stores and matches.
# The workers' fork server loads the parsers first (1.5-2 s, while this process waits):
# measured on 2 cores (IndoSum articles, benchmarks/ingest_speed.py), one process vs two
# workers took 6.25 s vs 6.22 s wall for 40 articles and 19.9 s vs 14.2-14.9 s for 200.
PARALLEL_FROM = 32
_LOOK_AHEAD = 2  # articles prepared ahead per worker: memory stays bounded


def read_and_prepare(source: Source, options: IngestOptions, max_mb: int) -> tuple[str, Document]:
    """A file's text and the pipeline's document of it (run in a worker process)."""
    raw = read_text(source, max_mb=max_mb)
    return raw, prepare(raw, options)


def _context() -> multiprocessing.context.BaseContext:
    """Workers forked from a server that loaded the parsers once (services/preload.py):
    each spawned worker loading them itself cost 4.5-5 s of CPU, a quarter of a 200-article
    batch on 2 cores. Where there is no fork server (Windows), workers are spawned."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["claimcheck.services.preload"])
    return context


class _PrepareAhead:
    """Files of a batch read and prepared in a process pool, in order, a few ahead of the
    article being stored. Nothing is written by the workers: a crash or kill of the batch
    loses what was being prepared, never stored data."""

    def __init__(self, files: list[Source], options: IngestOptions, max_mb: int) -> None:
        self.queue = list(files)
        self.options, self.max_mb = options, max_mb
        self.pending: dict[int, Future[tuple[str, Document]]] = {}
        self.pool: ProcessPoolExecutor | None = None
        n = workers()
        self.limit = n * _LOOK_AHEAD
        if len(files) >= PARALLEL_FROM and n > 1:
            self.pool = ProcessPoolExecutor(
                n, mp_context=_context(), initializer=worker_start, initargs=(os.getpid(),)
            )

    def __enter__(self) -> _PrepareAhead:
        self._fill()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=exc[0] is None, cancel_futures=True)

    def _fill(self) -> None:
        if self.pool is None:
            return
        while self.queue and len(self.pending) < self.limit:
            source = self.queue.pop(0)
            self.pending[id(source)] = self.pool.submit(
                read_and_prepare, source, self.options, self.max_mb
            )

    def take(self, source: Source) -> Future[tuple[str, Document]] | None:
        """The preparation of ``source`` if a worker has it (then the next one starts)."""
        future = self.pending.pop(id(source), None)
        self._fill()
        return future


def read_source(
    source: Source, *, max_mb: int, web: Fetcher | None = None
) -> tuple[str, str | None]:
    """The raw text of a file, stdin or web page, and for a page the address it ended at."""
    if source.url is None:
        return read_text(source, max_mb=max_mb), None
    if web is None:
        with fetcher(FetchOptions(max_mb=max_mb)) as own:
            page = own.get(source.url)
    else:
        page = web.get(source.url)
    return page.text, page.final_url


def ingest_one(
    db: Database,
    source: Source,
    options: IngestOptions,
    max_mb: int,
    web: Fetcher | None = None,
    *,
    also: Callable[[Session, IngestResult], object] | None = None,
    prepared: Future[tuple[str, Document]] | None = None,
) -> IngestResult | IngestFailure:
    """One input in its own transaction, with ``also`` done in that same transaction (a
    feed remembering the item), so both are stored or neither. ``prepared``: the text and
    document a worker process made of it."""
    try:
        document: Document | None = None
        fetched_url: str | None = None
        if prepared is not None:
            try:
                raw, document = prepared.result()
            except BrokenProcessPool:  # its worker died: done here instead
                document = None
        if document is None:
            raw, fetched_url = read_source(source, max_mb=max_mb, web=web)
        if fetched_url is not None:
            options = replace(options, url=options.url or fetched_url)
        with db.session() as session:
            result = ingest_text(
                session, raw=raw, source=source.label, options=options, document=document
            )
            if also is not None:
                also(session, result)
            return result
    except ClaimcheckError as exc:
        message = str(exc)
    except SQLAlchemyError as exc:
        # Disk full, read-only database, lost server: this article is rolled back, and the
        # batch reports it and goes on.
        message = f"not stored: {database_message(exc)}"
    if not message.startswith(source.label):
        message = f"{source.label}: {message}"
    return IngestFailure(source.label, message)


def _by_hash(session: Session, digest: str) -> Article | None:
    return session.scalars(select(Article).where(Article.content_hash == digest)).first()


def _result(
    article: Article,
    source: str,
    *,
    already_present: bool,
    found: Recorded | None = None,
    warnings: tuple[str, ...] = (),
) -> IngestResult:
    return IngestResult(
        article_id=article.id,
        title=article.title,
        sentences=len(article.sentences),
        claims=sum(len(s.claims) for s in article.sentences),
        already_present=already_present,
        source=source,
        linked=found.linked if found else 0,
        suggested=found.suggested if found else 0,
        revision=article.revision or 1,
        previous_id=article.previous_id,
        language=article.language,
        warnings=warnings,
    )


def _article_row(document: Document, *, raw: str, source: str, digest: str) -> Article:
    meta = document.metadata
    article = Article(
        url=meta.url,
        source=source,
        outlet=meta.outlet,
        author=meta.author,
        editor=meta.editor,
        dateline=meta.dateline,
        photo_credit=meta.photo_credit,
        published_at=date.fromisoformat(meta.published_at) if meta.published_at else None,
        language=meta.language or "id",
        title=meta.title,
        raw_text=raw.replace("\x00", ""),  # PostgreSQL cannot store NUL: neither engine does
        text=document.text,
        content_hash=digest,
    )
    for sentence in document.sentences:
        row = Sentence(
            position=sentence.position,
            role=sentence.role.value,
            text=sentence.text,
            start_offset=sentence.start,
            end_offset=sentence.end,
        )
        for claim in sentence.claims:
            row.claims.append(
                Claim(
                    position=claim.position,
                    text=claim.text,
                    speaker=claim.speaker,
                    hedged=claim.hedged,
                    start_offset=claim.start,
                    end_offset=claim.end,
                    priority=claim.priority,
                    signals=",".join(claim.signals),
                    reference=claim.reference,
                    match_text=claim.match.text if claim.match else None,
                    spans=json.dumps([[span.start, span.end] for span in claim.spans])
                    if claim.spans
                    else None,
                    restored=json.dumps(list(claim.restored), ensure_ascii=False)
                    if claim.restored
                    else None,
                )
            )
        article.sentences.append(row)
    return article
