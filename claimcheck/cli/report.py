"""`claimcheck report`: the desk's verification report for an editor."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from claimcheck.cli.common import OutputOption, session, settings, write_output
from claimcheck.render import report as render
from claimcheck.render.jsonout import dumps
from claimcheck.services import report as service


class Format(StrEnum):
    MD = "md"
    HTML = "html"
    JSON = "json"
    CSV = "csv"


def report(
    ctx: typer.Context,
    article: Annotated[
        list[int] | None,
        typer.Option("--article", "-a", help="Only this article (repeatable).", metavar="ID"),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option("--status", "-s", help="Only claims with this status (repeatable)."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Only claims ingested or reviewed on or after this day (YYYY-MM-DD)."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(help="Only claims ingested or reviewed on or before this day."),
    ] = None,
    reviewer: Annotated[
        str | None, typer.Option(help="Only claims whose current verdict this reviewer gave.")
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="md (default, to read or paste), html (one self-contained page), json, csv.",
        ),
    ] = Format.MD,
    as_json: Annotated[bool, typer.Option("--json", help="The same as --format json.")] = False,
    output: OutputOption = None,
) -> None:
    """A verification report: a summary by status and rating, then every claim with its
    verdict, rating, evidence, reviewer and the other articles it appeared in."""
    if as_json:
        if fmt not in (Format.MD, Format.JSON):
            raise typer.BadParameter(
                f"--json is --format json; it cannot go with --format {fmt.value}",
                param_hint="--json",
            )
        fmt = Format.JSON
    filters = service.parse_filters(
        articles=article or (),
        statuses=status or (),
        since=since,
        until=until,
        reviewer=reviewer,
    )
    with session(ctx) as s:
        desk = settings(ctx)
        built = service.build(s, filters, desk.ratings, desk.language)
    if fmt is Format.JSON:
        text = dumps(built) + "\n"
    else:
        text = {Format.MD: render.markdown, Format.HTML: render.html, Format.CSV: render.csv_text}[
            fmt
        ](built)
    write_output(text, output)
