"""The `claimcheck` command: global options, the command groups, the one error boundary."""

from __future__ import annotations

from importlib import import_module
from typing import Annotated, Any, NoReturn, cast

import typer
from typer.core import TyperGroup

from claimcheck.errors import ClaimcheckError

# Every command, and where it is defined ("module:attribute" in claimcheck.cli: a Typer
# group or a command function). A module is imported when its command runs, or when help or
# shell completion lists the commands, so a fresh `claimcheck claims list` loads what listing
# claims needs, not the text pipeline or the matching engine.
COMMANDS = {
    "ingest": "ingest:ingest",
    "split": "ingest:split",
    "verify": "review:verify",
    "dispute": "review:dispute",
    "mark": "review:mark",
    "assign": "review:assign",
    "history": "review:history",
    "review": "queue:review_queue",
    "search": "search:search",
    "report": "report:report",
    "articles": "articles:app",
    "claims": "claims:app",
    "evidence": "review:evidence_app",
    "dupes": "dupes:app",
    "import": "archive:import_app",
    "export": "export:export_app",
    "db": "db:app",
}

# Click's UsageError (bad options, a missing argument, a bad value), the base of the
# BadParameter that typer exports (newer typers bundle click, so it is reached from there).
UsageError = cast(type[Exception], typer.BadParameter.__mro__[1])


class ErrorBoundary(TyperGroup):
    """Turns claimcheck's own errors into `Error: ...` on stderr and exit code 1, and
    usage errors into the usage, a hint and `Error: ...` with exit code 2: each error one
    line, whatever the terminal's width. Its commands are loaded as they are asked for
    (``COMMANDS``)."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.add_command(_load(cmd_name), cmd_name)
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        # A mistyped command ("claim list") is told the nearest one, not only that it is
        # unknown.
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from difflib import get_close_matches

            near = get_close_matches(name, list(COMMANDS), n=1, cutoff=0.6)
            if near:
                ctx.fail(f"No such command {name!r}. Did you mean {near[0]!r}?")
        return super().resolve_command(ctx, args)

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
        except Exception as exc:
            from sqlalchemy.exc import SQLAlchemyError  # loaded by then, if it was raised

            from claimcheck.storage.db import database_message

            if not isinstance(exc, SQLAlchemyError):
                raise
            message = f"database error: {database_message(exc)}"
        from claimcheck.cli.common import err
        from claimcheck.render import tables

        tables.error(err, message)
        raise typer.Exit(1)


def _load(name: str) -> Any:
    """The click command for one of ``COMMANDS``, its module imported now."""
    from claimcheck.cli.start import loaded

    module, attribute = COMMANDS[name].split(":")
    defined = getattr(import_module(f"claimcheck.cli.{module}"), attribute)
    loaded()
    if isinstance(defined, typer.Typer):
        group = typer.main.get_group(defined)
        group.name = name
        return group
    single = typer.Typer(add_completion=False)
    single.command(name)(defined)
    return typer.main.get_command(single)


def _usage_error(exc: Any) -> NoReturn:
    from claimcheck.cli.common import err
    from claimcheck.render import tables

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
        from claimcheck import __version__  # importlib.metadata's scan took 34 ms

        print(f"claimcheck {__version__}")
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
    from claimcheck.cli.common import state

    state(ctx).db_url = db_url
    state(ctx).config = config


def main() -> None:
    app()
