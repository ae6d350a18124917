"""Opening a database: URL resolution, engine set-up, migrations, sessions."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from claimcheck.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

DB_ENV = "CLAIMCHECK_DB"
# The newest migration. Opening a database compares its stored revision with this, so a
# command does not load alembic and read the migration scripts unless it has to migrate
# (tests/test_migrations.py holds it equal to the migration tree's head).
HEAD_REVISION = "0013"
MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def default_url() -> str:
    """A SQLite file in the user's data directory (one file for one reviewer)."""
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('claimcheck')) / 'claimcheck.db'}"


def resolve_url(url: str | None) -> str:
    """``--db`` wins, then ``CLAIMCHECK_DB``, then the default SQLite file.

    A bare path is taken as a SQLite file, so ``--db work.db`` just works.
    """
    chosen = url or os.environ.get(DB_ENV) or default_url()
    if "://" not in chosen:
        chosen = f"sqlite:///{Path(chosen).expanduser().resolve()}"
    return supported_url(chosen)


def supported_url(url: str) -> str:
    """The URL of a database claimcheck works with (SQLite, or PostgreSQL through psycopg,
    which ``postgresql://`` and ``postgres://`` mean here), or :class:`DatabaseError`."""
    try:
        parsed = sa.engine.make_url(url)
        parsed.port  # noqa: B018 - a port that is not a number raises here
    except (ArgumentError, ValueError):
        raise DatabaseError(
            f"not a database URL: {shown_url(url)} (give a file path, sqlite:///path/to/file.db "
            "or postgresql://user@host/database)"
        ) from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend in ("postgresql", "postgres") and driver in ("", "psycopg"):
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    if backend == "sqlite" and driver in ("", "pysqlite"):
        return url
    raise DatabaseError(
        f"claimcheck does not work with {parsed.drivername} databases ({shown_url(url)}): "
        "use a SQLite file (a path, or sqlite:///path/to/file.db) or PostgreSQL "
        "(postgresql://user@host/database)"
    )


def shown_url(url: str) -> str:
    """A database URL for a message: the password hidden."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return repr(re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url))


def sqlite_path(url: str) -> Path | None:
    parsed = sa.engine.make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if database.startswith("file:"):  # SQLite URI filename ("file:x.db?mode=ro&uri=true")
        return Path(database[len("file:") :].split("?", 1)[0])
    return Path(database)


def make_engine(url: str) -> Engine:
    url = supported_url(url)
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = sa.create_engine(url, connect_args={"timeout": 30})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


#: An advisory lock every write transaction holds shared on PostgreSQL, so that a writer can
#: tell whether another is in flight (the posting cache packs new postings only then).
WRITER_LOCK = 0x63637772  # "ccwr"

#: Execution option marking a connection that will write (see ``_sqlite_begin``).
WRITE_OPTION = "claimcheck_write"
#: Execution option of a bulk writer whose rows are linked by construction (SQLite skips its
#: foreign-key look-ups for that transaction only; see ``Database.session``).
UNCHECKED_OPTION = "claimcheck_unchecked"


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own handling cannot
    # say IMMEDIATE).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL lets a reviewer read in one terminal while another ingests.
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    # A writer takes SQLite's write lock when it starts, not at its first write: two writers
    # then queue (busy_timeout) instead of one failing on a stale snapshot, and whatever a
    # writer reads first is still true when it writes.
    options = connection.get_execution_options()
    immediate = options.get(WRITE_OPTION, False)
    # The pragma cannot change inside a transaction: an unchecked bulk write turns the
    # checks off before its BEGIN, and the next transaction on that pooled connection turns
    # them on again (a migration's foreign_keys_off is left as it is).
    unchecked = bool(immediate and options.get(UNCHECKED_OPTION, False))
    info = connection.connection.info
    if unchecked != info.get(UNCHECKED_OPTION, False):
        connection.exec_driver_sql(f"PRAGMA foreign_keys = {'OFF' if unchecked else 'ON'}")
        info[UNCHECKED_OPTION] = unchecked
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    if not (MIGRATIONS_DIR / "env.py").exists():
        raise DatabaseError(
            f"migrations not found at {MIGRATIONS_DIR}; install claimcheck from its source tree "
            "(pip install -e .)"
        )
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision(url: str) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def database_message(exc: SQLAlchemyError) -> str:
    """The driver's own words, first line only: no SQL or parameters on the screen."""
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    text = lines[0] if lines else type(exc).__name__
    if "disk is full" in text or "No space left" in text:
        text += " (free some disk space; everything stored before is intact)"
    elif "readonly database" in text or "read-only" in text:
        text += " (the database file or its folder is read-only)"
    return text


@dataclass(frozen=True)
class SchemaState:
    """Where a database's schema stands against the newest migration."""

    current: str | None
    head: str | None

    @property
    def at_head(self) -> bool:
        return self.current == self.head


def schema_state(url: str) -> SchemaState:
    """The database's migration revision, without creating or changing anything."""
    path = sqlite_path(url)
    head = head_revision(url)
    if path is not None and not path.exists():
        return SchemaState(None, head)
    engine = make_engine(url)
    try:
        return SchemaState(current_revision(engine), head)
    except OperationalError as exc:
        raise DatabaseError(f"cannot open the database at {shown_url(url)}: {exc.orig}") from exc
    finally:
        engine.dispose()


def prepare_file(url: str) -> Path | None:
    """Before a SQLite file is opened: its folder must exist (the default one is made),
    since a mistyped path would otherwise become a new, empty database that answers "no
    claims". Returns the path when opening will create a new file other than the default."""
    path = sqlite_path(url)
    if path is None or path.exists():
        return None
    default = url == default_url()
    if not path.parent.is_dir():
        if not default:
            raise DatabaseError(
                f"no folder {path.parent} for the database file {path.name}: check --db or "
                f"{DB_ENV}, or create the folder first"
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"cannot make the folder {path.parent} for the database: {exc.strerror or exc}"
            ) from None
    return None if default else path


_MIGRATION_LOCK = 0x636C6169  # "clai"
_INSUFFICIENT_PRIVILEGE = "42501"


def upgrade(url: str, engine: Engine | None = None, *, app_role: str | None = None) -> None:
    """Bring the database to the newest schema; with ``app_role`` (PostgreSQL), also give
    that role what the reviewers' connections need and no more (storage/roles.py)."""
    from alembic import command

    from claimcheck.storage.roles import grant_application_role

    config = alembic_config(url)
    owned = engine is None
    if owned:
        prepare_file(url)
    engine = engine or make_engine(url)
    try:
        with (
            engine.execution_options(**{WRITE_OPTION: True}).connect() as connection,
            foreign_keys_off(connection),
            connection.begin(),
        ):
            if connection.dialect.name == "postgresql":
                # Two first uses at once: the second waits, then finds the schema at head.
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if app_role is not None:
                grant_application_role(connection, app_role)
    except OperationalError as exc:
        raise DatabaseError(f"cannot migrate the database at {shown_url(url)}: {exc.orig}") from exc
    except ProgrammingError as exc:
        if getattr(exc.orig, "sqlstate", None) != _INSUFFICIENT_PRIVILEGE:
            raise
        raise DatabaseError(
            f"cannot migrate the database at {shown_url(url)}: this role may not change its "
            "schema; the schema's owner runs `claimcheck db upgrade` (README: Team setup)"
        ) from None
    finally:
        if owned:
            engine.dispose()


@contextmanager
def foreign_keys_off(connection: sa.Connection) -> Iterator[None]:
    """SQLite: foreign keys off around a migration, outside its transaction.

    Batch migrations rebuild a table by copying it; with foreign keys on, dropping the old
    copy would cascade into every table that points at it and delete their rows.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    raw: Any = connection.connection.driver_connection
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys = ON")


@dataclass
class Database:
    """An open database: its URL, engine and session factory."""

    url: str
    engine: Engine
    created: Path | None = None  # a new SQLite file (not the default one) made by opening it

    def __post_init__(self) -> None:
        self._readers = sessionmaker(self.engine, expire_on_commit=False)
        writer = self.engine.execution_options(**{WRITE_OPTION: True})
        self._writers = sessionmaker(writer, expire_on_commit=False)
        bulk = self.engine.execution_options(**{WRITE_OPTION: True, UNCHECKED_OPTION: True})
        self._bulk_writers = sessionmaker(bulk, expire_on_commit=False)

    @contextmanager
    def session(self, *, write: bool = True, linked: bool = False) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any error.

        ``write=False`` for look-ups: on SQLite they then never wait for a writer.
        ``linked=True`` for a bulk write whose every reference is to a row it wrote itself
        or read under its write lock: SQLite then skips the foreign-key look-ups, about two
        per word-index row (an import's 1.9 million postings at 100,000 claims: 5.7 s ->
        3.6 s). PostgreSQL checks them as always.
        """
        makers = self._bulk_writers if linked else self._writers
        session = (makers if write else self._readers)()
        try:
            if write and self.engine.dialect.name == "postgresql":
                session.execute(
                    sa.text("SELECT pg_advisory_xact_lock_shared(:key)"), {"key": WRITER_LOCK}
                )
            yield session
            session.commit()
        except BaseException as exc:
            try:
                session.rollback()
            except Exception:
                # Ctrl-C in the middle of a statement can leave the connection unable to
                # roll back cleanly; the interrupt, not that error, is what happened.
                if isinstance(exc, Exception):
                    raise
                raise exc from None
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None, *, migrate: bool = True) -> Database:
    """Open the database, migrating a new or outdated one on first use."""
    resolved = resolve_url(url)
    created = prepare_file(resolved)
    engine = make_engine(resolved)
    try:
        if migrate and _stored_revision(engine) != HEAD_REVISION:
            upgrade(resolved, engine)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseError(
            f"cannot open the database at {shown_url(resolved)}: {_why(resolved, exc)}"
        ) from exc
    return Database(resolved, engine, created)


def _stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the database (None for a new one), read without alembic."""
    if not sa.inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as connection:
        found = connection.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    return found[0][0] if len(found) == 1 else None


def _why(url: str, exc: OperationalError) -> str:
    # The driver's words, its lines joined (psycopg adds a hint on a second line).
    reason = " ".join(line.strip() for line in str(exc.orig).splitlines() if line.strip())
    path = sqlite_path(url)
    if path is not None and not os.access(path.parent, os.W_OK):
        # WAL mode writes its -wal and -shm files beside the database, even to read it.
        reason += f" ({path.parent} is read-only; claimcheck needs to write beside the file)"
    return reason


def chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    """``items`` in runs of at most ``size``: an ``IN (...)`` list per run stays within
    what every engine takes as bound parameters."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def rows_by_ids(
    session: Session, query: str, ids: Sequence[int], size: int = 1000
) -> list[tuple[Any, ...]]:
    """The rows of ``query``, a SELECT whose ``{ids}`` is an ``IN`` list, for these ids, in
    runs of ``size``. Through the driver's own cursor: for the thousands of rows a look-up
    reads per article, SQLAlchemy's statement and row handling cost more than the query.
    The ids are written in as literals, so they must be integers (checked here)."""
    cursor = session.connection().connection.cursor()
    found: list[tuple[Any, ...]] = []
    try:
        for chunk in chunks(ids, size):
            cursor.execute(query.format(ids=", ".join(str(int(i)) for i in chunk)))
            found.extend(cursor.fetchall())
    finally:
        cursor.close()
    return found
