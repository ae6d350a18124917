"""`claimcheck ingest` and `claimcheck split`: articles in, claims out."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from claimcheck.cli.common import JsonOption, database, err, out, settings
from claimcheck.errors import InvalidInput
from claimcheck.render import tables
from claimcheck.render.jsonout import dumps, to_data, without_ids
from claimcheck.render.safe import for_terminal
from claimcheck.services.ingest import (
    IngestFailure,
    IngestOptions,
    IngestResult,
    check_batch,
    ingest_sources,
    prepare,
    warnings_for,
)
from claimcheck.services.sources import DEFAULT_MAX_MB, STDIN, Source, collect, read_text
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


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("split")(split)


def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
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
    """Store articles and their claims. Text or HTML; each file in its own transaction."""
    options = IngestOptions(
        url=url,
        outlet=outlet,
        published=published,
        lang=lang,
        plain=plain,
        thresholds=settings(ctx).thresholds,
    )
    sources = collect(paths)
    check_batch(sources, options)
    show_bar = err.is_terminal if progress is None else progress
    done: list[IngestResult] = []
    failed: list[IngestFailure] = []
    bar = _progress_bar() if show_bar and len(sources) > 1 else None
    try:
        with database(ctx) as db, bar or nullcontext():
            task = bar.add_task("ingesting", total=len(sources)) if bar else None
            outcomes = ingest_sources(db, sources=sources, options=options, max_mb=max_size)
            for outcome in outcomes:
                if isinstance(outcome, IngestFailure):
                    failed.append(outcome)
                    tables.ingest_failures(err, [outcome])
                else:
                    done.append(outcome)
                    _warn(outcome.source, outcome.warnings)
                    if not as_json and bar is None:
                        tables.ingest_results(out, [outcome])
                if bar is not None and task is not None:
                    bar.advance(task)
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
        err.print(f"{len(failed)} of {len(sources)} inputs failed; the others were ingested")
        raise typer.Exit(1)


def _warn(label: str, warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        err.print(
            f"Warning: {for_terminal(label)}: {for_terminal(warning)}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


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
    path: Annotated[str, typer.Argument(help="A file, or - for stdin.")] = STDIN,
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
    raw = read_text(source, max_mb=max_size)
    options = IngestOptions(lang=lang, plain=plain)
    document = prepare(raw, options)
    _warn(source.label, warnings_for(raw, document, options))
    view = document_view(document)
    if as_json:
        print(dumps(without_ids(to_data(view))))
    else:
        tables.article(out, view)
