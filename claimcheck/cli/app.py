"""The `claimcheck` command: global options, the command groups, the one error boundary."""

from __future__ import annotations

from typing import Annotated, Any, NoReturn, cast

import typer
from sqlalchemy.exc import SQLAlchemyError
from typer.core import TyperGroup

from claimcheck.cli import (
    archive,
    articles,
    claims,
    db,
    dupes,
    export,
    ingest,
    queue,
    report,
    review,
)
from claimcheck.cli.common import err, out, state
from claimcheck.errors import ClaimcheckError
from claimcheck.render import tables
from claimcheck.storage.db import database_message

# Click's UsageError (bad options, a missing argument, a bad value), the base of the
# BadParameter that typer exports (newer typers bundle click, so it is reached from there).
UsageError = cast(type[Exception], typer.BadParameter.__mro__[1])


class ErrorBoundary(TyperGroup):
    """Turns claimcheck's own errors into `Error: ...` on stderr and exit code 1, and
    usage errors into the usage, a hint and `Error: ...` with exit code 2: each error one
    line, whatever the terminal's width."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except UsageError as exc:
            _usage_error(exc)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            _usage_error(exc)
        except ClaimcheckError as exc:
            message = str(exc)
        except SQLAlchemyError as exc:
            message = f"database error: {database_message(exc)}"
        tables.error(err, message)
        raise typer.Exit(1)


def _usage_error(exc: Any) -> NoReturn:
    if type(exc).__name__ == "NoArgsIsHelpError":  # no arguments: click shows the help
        raise exc
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        err.print(" ".join(ctx.get_usage().split()), markup=False, highlight=False, soft_wrap=True)
        err.print(
            f"Try '{ctx.command_path} --help' for help.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    tables.error(err, exc.format_message())
    raise typer.Exit(exc.exit_code)


app = typer.Typer(
    cls=ErrorBoundary,
    name="claimcheck",
    help="Track the claims in news articles: split, review, verify with evidence.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        out.print(f"claimcheck {version('claimcheck')}", markup=False, highlight=False)
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db_url: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="CLAIMCHECK_DB",
            help="Database URL or SQLite file path (default: a file in your user data dir).",
        ),
    ] = None,
    config: Annotated[
        str | None,
        typer.Option(
            "--config",
            envvar="CLAIMCHECK_CONFIG",
            help="Desk settings file (TOML: rating scale, organization, matching thresholds).",
        ),
    ] = None,
    _show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    state(ctx).db_url = db_url
    state(ctx).config = config


ingest.register(app)
review.register(app)
app.command("review")(queue.review_queue)
app.add_typer(articles.app, name="articles")
app.add_typer(claims.app, name="claims")
app.add_typer(review.evidence_app, name="evidence")
app.add_typer(dupes.app, name="dupes")
app.add_typer(archive.import_app, name="import")
app.command("search")(archive.search)
app.command("report")(report.report)
app.add_typer(export.export_app, name="export")
app.add_typer(db.app, name="db")


def main() -> None:
    app()
