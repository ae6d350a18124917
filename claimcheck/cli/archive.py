"""`claimcheck import claims`, `import claimreview`, `import jsonl`: past checks and backups."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import JsonOption, emit, err, session, settings
from claimcheck.render import tables
from claimcheck.services import archive, backup, claimreview

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
    as_json: JsonOption = False,
) -> None:
    """Load past fact-checks; new articles' claims are matched against them."""
    with session(ctx, write=True) as s:
        report = archive.import_claims(s, path=path, source=source, scale=settings(ctx).ratings)
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
    with session(ctx, write=True) as s:
        report = claimreview.import_feed(s, path=path, scale=settings(ctx).ratings, source=source)
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
        report = backup.import_lines(s, backup.read_records(path), merge=merge, path=path)
    emit(report, as_json, tables.restore_report)


def _reported(report: archive.ImportReport, as_json: bool) -> None:
    for problem in report.skipped:
        tables.error(err, problem)
    emit(report, as_json, tables.import_report)
    if report.skipped:
        raise typer.Exit(1)
