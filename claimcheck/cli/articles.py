"""`claimcheck articles`: list and show stored articles."""

from __future__ import annotations

from typing import Annotated

import typer

from claimcheck.cli.common import JsonOption, LimitOption, emit, emit_page, session
from claimcheck.render import tables
from claimcheck.services import browse, revisions

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


@app.command("diff")
def diff(
    ctx: typer.Context,
    article_id: Annotated[int, typer.Argument(metavar="ID", help="Article id (a revision).")],
    against: Annotated[
        int | None,
        typer.Option(help="Compare with this article instead of the previous revision."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """The claims added, removed and changed since the article's previous revision."""
    with session(ctx) as s:
        found = revisions.diff(s, article_id, against)
    emit(found, as_json, tables.revision_diff)
