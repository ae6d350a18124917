"""`claimcheck ingest` and `claimcheck split`: articles in, claims out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import JsonOption, database, emit, err, out
from claimcheck.errors import ClaimcheckError, InvalidInput
from claimcheck.render import tables
from claimcheck.render.jsonout import dumps, to_data, without_ids
from claimcheck.services.ingest import (
    IngestFailure,
    IngestOptions,
    IngestResult,
    ingest_sources,
    prepare,
)
from claimcheck.services.sources import STDIN, Source, expand, read_text
from claimcheck.services.views import document_view

UrlOption = Annotated[str | None, typer.Option("--url", help="The article's source URL.")]
OutletOption = Annotated[str | None, typer.Option("--outlet", help="The publishing outlet.")]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date, YYYY-MM-DD.")
]
LangOption = Annotated[
    str | None, typer.Option("--lang", help="Language: id or en (default: detected).")
]


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
    plain: Annotated[
        bool, typer.Option("--plain", help="Body text only: no title/byline.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Store articles and their claims. Text or HTML; each file in its own transaction."""
    if url and (len(paths) > 1 or any(Path(p).is_dir() for p in paths)):
        raise InvalidInput("--url names one article: give it with a single file")
    options = IngestOptions(url=url, outlet=outlet, published=published, lang=lang, plain=plain)
    done: list[IngestResult] = []
    failed: list[IngestFailure] = []
    with database(ctx) as db:
        for outcome in ingest_sources(db, paths=paths, options=options):
            if isinstance(outcome, IngestFailure):
                failed.append(outcome)
                tables.ingest_failures(err, [outcome])
            else:
                done.append(outcome)
                if not as_json:
                    tables.ingest_results(out, [outcome])
    if as_json:
        print(dumps([_ingest_json(r) for r in done]))
    if failed:
        total = len(done) + len(failed)
        err.print(f"{len(failed)} of {total} inputs failed; the others were ingested")
        raise typer.Exit(1)


def _ingest_json(result: IngestResult) -> dict[str, object]:
    data = to_data(result)
    assert isinstance(data, dict)
    return data


def split(
    path: Annotated[str, typer.Argument(help="A file, or - for stdin.")] = STDIN,
    plain: Annotated[
        bool, typer.Option("--plain", help="Body text only: no title/byline.")
    ] = False,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show what ingest would store, without touching a database."""
    source = next(iter(expand([path])))
    if isinstance(source, ClaimcheckError):
        raise source
    assert isinstance(source, Source)
    if source.path is None and sys.stdin.isatty():
        err.print("reading an article from stdin; end with Ctrl-D")
    document = prepare(read_text(source), IngestOptions(lang=lang, plain=plain))
    view = document_view(document)
    if as_json:
        print(dumps(without_ids(to_data(view))))
    else:
        emit(view, False, tables.article)
