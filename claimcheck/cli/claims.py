"""`claimcheck claims`: list and show claims."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from claimcheck.cli.common import JsonOption, LimitOption, emit, emit_page, session
from claimcheck.render import csvout, tables
from claimcheck.services import browse


class Sort(StrEnum):
    ARTICLE = "article"
    PRIORITY = "priority"


app = typer.Typer(help="List and show claims.", no_args_is_help=True)


@app.command("list")
def list_command(
    ctx: typer.Context,
    status: Annotated[
        str | None,
        typer.Option(help="pending, verified, disputed, unverifiable or dismissed."),
    ] = None,
    article: Annotated[int | None, typer.Option(help="Only this article's claims.")] = None,
    archive: Annotated[
        bool, typer.Option("--archive", help="The imported past checks instead.")
    ] = False,
    sort: Annotated[
        Sort, typer.Option(help="article (reading order) or priority (most check-worthy first).")
    ] = Sort.ARTICLE,
    awaiting_second: Annotated[
        bool,
        typer.Option("--awaiting-second", help="Only verdicts waiting for a second reviewer."),
    ] = False,
    assigned: Annotated[
        str | None, typer.Option("--assigned", help="Only claims assigned to this reviewer.")
    ] = None,
    changed: Annotated[
        bool,
        typer.Option(
            "--changed",
            help="Reviewed claims that a later revision of their article removed or changed.",
        ),
    ] = False,
    limit: LimitOption = 50,
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV for a spreadsheet.")] = False,
) -> None:
    """Claims in article order, filtered by status, article, assignment or second review."""
    with session(ctx) as s:
        page = browse.list_claims(
            s,
            status=status,
            article_id=article,
            archive=archive,
            limit=limit,
            sort=sort.value,
            awaiting_second=awaiting_second,
            assigned_to=assigned,
            changed=changed,
        )
    if as_csv:
        sys.stdout.write(csvout.claims(page.items))
    else:
        emit_page(page, as_json, tables.claim_list)


@app.command("show")
def show(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(metavar="ID", help="Claim id.")],
    as_json: JsonOption = False,
) -> None:
    """A claim with its sentence, evidence and history."""
    with session(ctx) as s:
        view = browse.get_claim(s, claim_id)
    emit(view, as_json, tables.claim)
