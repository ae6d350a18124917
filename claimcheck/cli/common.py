"""What every command shares: the open database, consoles, options, JSON-or-table output."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from sqlalchemy.orm import Session

from claimcheck.render.jsonout import dumps
from claimcheck.services.lookup import Page
from claimcheck.storage import Database, open_database

T = TypeVar("T")

out = Console()
err = Console(stderr=True, highlight=False)


@dataclass
class State:
    """Global options, set by the top-level callback."""

    db_url: str | None = None


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


@contextmanager
def database(ctx: typer.Context) -> Iterator[Database]:
    db = open_database(state(ctx).db_url)
    try:
        yield db
    finally:
        db.close()


@contextmanager
def session(ctx: typer.Context, *, write: bool = False) -> Iterator[Session]:
    """One transaction on the chosen database, migrated first if it is new or outdated."""
    with database(ctx) as db, db.session(write=write) as s:
        yield s


def emit(value: T, as_json: bool, table: Callable[[Console, T], Any]) -> None:
    """JSON on stdout for scripts, else the table for people."""
    if as_json:
        print(dumps(value))
    else:
        table(out, value)


def emit_page(page: Page[T], as_json: bool, table: Callable[[Console, Page[T]], Any]) -> None:
    """A listing: JSON is the list of rows, the table also says how many were left out."""
    if as_json:
        print(dumps(page.items))
    else:
        table(out, page)


JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
LimitOption = Annotated[
    int, typer.Option("--limit", "-n", help="How many rows to show; 0 shows all.", min=0)
]
ReviewerOption = Annotated[
    str | None,
    typer.Option(
        "--reviewer",
        "-r",
        envvar="CLAIMCHECK_REVIEWER",
        help="Who is reviewing (default: $CLAIMCHECK_REVIEWER, else your OS user name).",
    ),
]
NoteOption = Annotated[str | None, typer.Option("--note", help="A note kept in the history.")]
