"""`claimcheck db`: where the database is, and bringing it up to date."""

from __future__ import annotations

from typing import Annotated

import typer

from claimcheck.cli.common import database, err, out, state
from claimcheck.errors import DatabaseError
from claimcheck.render import tables
from claimcheck.render.safe import one_line
from claimcheck.storage import history
from claimcheck.storage.db import (
    prepare_file,
    resolve_url,
    schema_state,
    shown_url,
    sqlite_path,
    upgrade,
)

app = typer.Typer(help="Where the database is, and migrating it.", no_args_is_help=True)


@app.command("path")
def path(ctx: typer.Context) -> None:
    """Print the database in use: a file path for SQLite, else the URL."""
    url = resolve_url(state(ctx).db_url)
    file = sqlite_path(url)
    out.print(str(file) if file else shown_url(url), highlight=False, soft_wrap=True)


@app.command("upgrade")
def upgrade_command(
    ctx: typer.Context,
    app_role: Annotated[
        str | None,
        typer.Option(
            "--app-role",
            metavar="ROLE",
            help="PostgreSQL: the role reviewers connect as; it may read and write claims "
            "and add to the history, never alter, truncate or rewrite it.",
        ),
    ] = None,
) -> None:
    """Create or migrate the database to the newest schema (also done on first use)."""
    url = resolve_url(state(ctx).db_url)
    created = prepare_file(url)
    upgrade(url, app_role=app_role)
    if created is not None:
        err.print(f"created a new database: {created}", markup=False, highlight=False)
    out.print("database is up to date", highlight=False)
    if app_role:
        out.print(
            f"{one_line(app_role)} may read and write claims and add to the history, and "
            "cannot alter, truncate or rewrite it",
            highlight=False,
        )


@app.command("verify-history")
def verify_history(
    ctx: typer.Context,
    head: Annotated[
        str | None,
        typer.Option(
            "--head",
            metavar="HASH",
            help="A head printed by an earlier run: it must still be in the history.",
        ),
    ] = None,
) -> None:
    """Check that the history is as it was written: every event chained to the one before
    it by its hash, every claim's status its last verdict, every evidence link recorded."""
    with database(ctx) as db, db.engine.connect() as connection:
        found = history.verify(connection, expected_head=head)
    tables.history_check(out, err, found)
    if not found.intact:
        raise DatabaseError(
            "the history was changed outside claimcheck: the problems above say where"
        )


@app.command("check")
def check(ctx: typer.Context) -> None:
    """Say whether the database is at the newest schema (exit 1 if not); changes nothing."""
    url = resolve_url(state(ctx).db_url)
    found = schema_state(url)
    if not found.at_head:
        where = f"at revision {found.current}" if found.current else "empty (no schema)"
        raise DatabaseError(
            f"the database is {where}; the newest is {found.head}: run `claimcheck db upgrade`"
        )
    out.print(f"the database is at the newest schema ({found.head})", highlight=False)
