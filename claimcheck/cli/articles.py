"""`claimcheck articles`: list and show stored articles."""

from __future__ import annotations

from typing import Annotated

import typer

from claimcheck.cli.common import JsonOption, LimitOption, emit, emit_page, session
from claimcheck.render import tables
from claimcheck.services import browse

app = typer.Typer(help="List and show stored articles.", no_args_is_help=True)


@app.command("list")
def list_command(ctx: typer.Context, limit: LimitOption = 50, as_json: JsonOption = False) -> None:
    """Articles, newest first, with their claim counts."""
    with session(ctx) as s:
        page = browse.list_articles(s, limit=limit)
    emit_page(page, as_json, tables.article_list)


@app.command("show")
def show(
    ctx: typer.Context,
    article_id: Annotated[int, typer.Argument(metavar="ID", help="Article id.")],
    as_json: JsonOption = False,
) -> None:
    """An article's metadata, sentences and claims."""
    with session(ctx) as s:
        view = browse.get_article(s, article_id)
    emit(view, as_json, tables.article)
