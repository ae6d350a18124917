"""What every command shares: the open database, consoles, options, JSON-or-table output."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from sqlalchemy.orm import Session

from claimcheck.errors import InvalidInput
from claimcheck.render.jsonout import dumps
from claimcheck.render.safe import one_line
from claimcheck.services.lookup import Page
from claimcheck.settings import Settings, load_settings
from claimcheck.storage import Database, open_database

T = TypeVar("T")

# No highlighting: rich's highlighter takes time quadratic in a long run of digits or hex.
out = Console(highlight=False)
# Messages on stderr are never wrapped: one message, one line, whatever the width.
err = Console(stderr=True, highlight=False, soft_wrap=True)


@dataclass
class State:
    """Global options, set by the top-level callback."""

    db_url: str | None = None
    config: str | None = None
    loaded: Settings | None = None


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def settings(ctx: typer.Context) -> Settings:
    """The desk's settings (`--config`), read once per command."""
    current = state(ctx)
    if current.loaded is None:
        current.loaded = load_settings(current.config)
    return current.loaded


@contextmanager
def database(ctx: typer.Context) -> Iterator[Database]:
    db = open_database(state(ctx).db_url)
    if db.created is not None:
        # A new file where one was expected is most often a mistyped --db: say so.
        err.print(
            f"created a new database: {one_line(str(db.created))}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
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


def write_output(text: str | Iterable[str], path: Path | None) -> None:
    """To stdout, or to a file that appears whole or not at all (written beside it, then
    renamed), so an interrupted export never leaves half a report where the old one was.
    ``text`` may be a stream of pieces, written as they come."""
    pieces = [text] if isinstance(text, str) else text
    if path is None or str(path) == "-":
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    target = path.expanduser()
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            handle.writelines(pieces)
        os.replace(temporary, target)
    except BaseException as exc:
        temporary.unlink(missing_ok=True)
        if not isinstance(exc, OSError):
            raise  # an error while producing the text, or Ctrl-C: no half file either
        raise InvalidInput(f"cannot write {path}: {exc.strerror or exc}") from None
    err.print(f"wrote {one_line(str(path))}", markup=False, highlight=False)


OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of stdout.", metavar="FILE"),
]
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
