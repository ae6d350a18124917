"""`claimcheck db`: where the database is, and bringing it up to date."""

from __future__ import annotations

import typer

from claimcheck.cli.common import out, state
from claimcheck.errors import DatabaseError
from claimcheck.storage.db import resolve_url, schema_state, shown_url, sqlite_path, upgrade

app = typer.Typer(help="Where the database is, and migrating it.", no_args_is_help=True)


@app.command("path")
def path(ctx: typer.Context) -> None:
    """Print the database in use: a file path for SQLite, else the URL."""
    url = resolve_url(state(ctx).db_url)
    file = sqlite_path(url)
    out.print(str(file) if file else shown_url(url), highlight=False, soft_wrap=True)


@app.command("upgrade")
def upgrade_command(ctx: typer.Context) -> None:
    """Create or migrate the database to the newest schema (also done on first use)."""
    url = resolve_url(state(ctx).db_url)
    upgrade(url)
    out.print("database is up to date", highlight=False)


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
