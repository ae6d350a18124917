"""`claimcheck import claims`, `import claimreview`, `import jsonl`: past checks and backups."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import (
    JsonOption,
    database,
    emit,
    err,
    session,
    settings,
)
from claimcheck.pipeline.language import check_language
from claimcheck.render import tables
from claimcheck.services import archive, claimreview, restore

import_app = typer.Typer(help="Import claims checked before.", no_args_is_help=True)


@import_app.command("claims")
def import_claims(
    ctx: typer.Context,
    path: Annotated[
        Path,
        typer.Argument(
            help="JSONL or CSV: text, status or rating, url, date, speaker, external_id, source."
        ),
    ],
    source: Annotated[
        str | None, typer.Option(help="The archive's name (default: file name).")
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", help="The archive's language, id or en (default: each claim's own)."
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Load past fact-checks; new articles' claims are matched against them."""
    language = check_language(lang) if lang else None
    with database(ctx) as db:
        report = archive.import_claims(
            db,
            path=path,
            source=source,
            scale=settings(ctx).ratings,
            language=language,
            on_skip=_skipped,
        )
    _reported(report, as_json)


@import_app.command("claimreview")
def import_claimreview(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(help="ClaimReview JSON or JSON-LD: a list, a @graph, or one.")
    ],
    source: Annotated[
        str | None, typer.Option(help="The publisher's name (default: the feed's author).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Load published ClaimReviews (the desk's own or others') as checked claims."""
    with database(ctx) as db:
        report = claimreview.import_feed(
            db, path=path, scale=settings(ctx).ratings, source=source, on_skip=_skipped
        )
    _reported(report, as_json)


@import_app.command("jsonl")
def import_jsonl(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A backup written by `claimcheck export jsonl`.")],
    merge: Annotated[
        bool,
        typer.Option(
            "--merge",
            help="Into a database that has data: add what is missing (articles by content "
            "hash), skip the rest.",
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Restore a backup into an empty database (SQLite or PostgreSQL), all of it or nothing."""
    with session(ctx, write=True) as s:
        report = restore.import_lines(s, restore.read_records(path), merge=merge, path=path)
    for warning in report.warnings:
        tables.error(err, warning, label="Warning")
    emit(report, as_json, tables.restore_report)


def _skipped(problem: str) -> None:
    """A bad row, said as soon as it is found (the import goes on)."""
    tables.error(err, problem)


def _reported(report: archive.ImportReport, as_json: bool) -> None:
    emit(report, as_json, tables.import_report)
    if report.skipped_rows:
        raise typer.Exit(1)
