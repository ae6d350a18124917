"""`claimcheck ingest` and `claimcheck split`: articles in, claims out."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from itertools import chain
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from claimcheck.cli.common import JsonOption, database, err, out, settings
from claimcheck.errors import InvalidInput
from claimcheck.render import tables
from claimcheck.render.jsonout import dumps, to_data, without_ids
from claimcheck.services.feeds import DEFAULT_MAX_ITEMS, FeedListing, follow_all
from claimcheck.services.fetch import DEFAULT_TIMEOUT, FetchOptions
from claimcheck.services.ingest import (
    IngestFailure,
    IngestOptions,
    IngestResult,
    check_batch,
    ingest_sources,
    prepare,
    read_source,
    warnings_for,
)
from claimcheck.services.sources import DEFAULT_MAX_MB, STDIN, Source, collect
from claimcheck.services.views import document_view

UrlOption = Annotated[str | None, typer.Option("--url", help="The article's source URL.")]
OutletOption = Annotated[str | None, typer.Option("--outlet", help="The publishing outlet.")]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date, YYYY-MM-DD.")
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="id or en (default: detected); another code (de, fr, ...) stores the text as "
        "that language, without claims.",
    ),
]
PlainOption = Annotated[bool, typer.Option("--plain", help="Body text only: no title/byline.")]
MaxSizeOption = Annotated[
    int, typer.Option("--max-size", min=1, help="Refuse files larger than this many MB.")
]

#: Exit code after Ctrl-C, as shells report a process ended by SIGINT.
INTERRUPTED = 130


def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories, web pages (https://...), or - for stdin."),
    ] = None,
    feed: Annotated[
        list[str] | None,
        typer.Option(
            "--feed",
            help="An outlet's RSS or Atom feed or sitemap: ingest each item not seen before "
            "(repeatable).",
            metavar="URL",
        ),
    ] = None,
    max_items: Annotated[
        int,
        typer.Option("--max-items", min=0, help="New feed items to fetch per run; 0: all."),
    ] = DEFAULT_MAX_ITEMS,
    timeout: Annotated[
        float,
        typer.Option(help="Seconds to wait for a web server (connecting, or between reads)."),
    ] = DEFAULT_TIMEOUT,
    url: UrlOption = None,
    outlet: OutletOption = None,
    published: PublishedOption = None,
    lang: LangOption = None,
    plain: PlainOption = False,
    max_size: MaxSizeOption = DEFAULT_MAX_MB,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Store articles and their claims: files, web pages, an outlet's feed. Text or HTML;
    each article in its own transaction."""
    if not paths and not feed:
        raise typer.BadParameter(
            "give files, directories, web pages or --feed URL", param_hint="PATHS"
        )
    options = IngestOptions(
        url=url,
        outlet=outlet,
        published=published,
        lang=lang,
        plain=plain,
        thresholds=settings(ctx).thresholds,
    )
    sources = collect(paths or [])
    check_batch(sources, options, feed or ())
    fetching = FetchOptions(timeout=timeout, max_mb=max_size)
    show_bar = err.is_terminal if progress is None else progress
    done: list[IngestResult] = []
    failed: list[IngestFailure] = []
    bar = _progress_bar() if show_bar and len(sources) > 1 else None
    try:
        with _ctrl_c() as interrupted, database(ctx) as db, bar or nullcontext():
            task = bar.add_task("ingesting", total=len(sources)) if bar else None
            outcomes = chain(
                ingest_sources(
                    db, sources=sources, options=options, max_mb=max_size, fetch=fetching
                ),
                follow_all(
                    db, feeds=feed or [], options=options, fetch=fetching, max_items=max_items
                ),
            )
            for outcome in outcomes:
                if isinstance(outcome, FeedListing):
                    tables.feed_listing(err if as_json else out, outcome)
                elif isinstance(outcome, IngestFailure):
                    failed.append(outcome)
                    tables.ingest_failures(err, [outcome])
                else:
                    done.append(outcome)
                    _warn(outcome.source, outcome.warnings)
                    if not as_json and bar is None:
                        tables.ingest_results(out, [outcome])
                if bar is not None and task is not None:
                    bar.advance(task)
                if interrupted:
                    raise KeyboardInterrupt
    except KeyboardInterrupt:
        err.print(
            f"Interrupted: {len(done)} of {len(sources)} inputs were stored and are kept; "
            "run the same command again to ingest the rest",
            highlight=False,
        )
        raise typer.Exit(INTERRUPTED) from None
    if as_json:
        print(dumps([_ingest_json(r) for r in done]))
    elif bar is not None:
        tables.ingest_summary(out, done)
    if failed:
        tried = len(failed) + len(done)
        err.print(f"{len(failed)} of {tried} inputs failed; the others were ingested")
        raise typer.Exit(1)


def _warn(label: str, warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        tables.error(err, f"{label}: {warning}", label="Warning")


@contextmanager
def _ctrl_c() -> Iterator[list[bool]]:
    """Ctrl-C stops the batch even when the interrupt lands inside a database call, where
    SQLite turns it into an error of that one article (rolled back, then reported as not
    stored): the flag it sets ends the batch after that article."""
    seen: list[bool] = []

    def stop(signum: int, frame: object) -> None:
        seen.append(True)
        raise KeyboardInterrupt

    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:  # started to ignore Ctrl-C
        yield seen
        return
    try:
        previous = signal.signal(signal.SIGINT, stop)
    except ValueError:  # not the main thread (an embedding program): its own handling
        yield seen
        return
    try:
        yield seen
    finally:
        signal.signal(signal.SIGINT, previous)


def _progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    )


def _ingest_json(result: IngestResult) -> dict[str, object]:
    data = to_data(result)
    assert isinstance(data, dict)
    return data


def split(
    path: Annotated[str, typer.Argument(help="A file, a web page, or - for stdin.")] = STDIN,
    plain: PlainOption = False,
    lang: LangOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_MB,
    as_json: JsonOption = False,
) -> None:
    """Show what ingest would store, without touching a database."""
    [source] = collect([path])
    if isinstance(source, InvalidInput):
        raise source
    assert isinstance(source, Source)
    if source.path is None and sys.stdin.isatty():
        err.print("reading an article from stdin; end with Ctrl-D")
    raw, fetched_url = read_source(source, max_mb=max_size)
    options = IngestOptions(lang=lang, plain=plain, url=fetched_url)
    document = prepare(raw, options)
    _warn(source.label, warnings_for(raw, document, options))
    view = document_view(document)
    if as_json:
        print(dumps(without_ids(to_data(view))))
    else:
        tables.article(out, view)
