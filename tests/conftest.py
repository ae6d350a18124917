"""Test fixtures: a fresh real database per test, on SQLite and on PostgreSQL.

SQLite: one template file migrated with Alembic per run, copied for each test.
PostgreSQL (when CLAIMCHECK_TEST_PG_URL names a server, as `scripts/with-postgres` does): one
template database migrated per run, and ``CREATE DATABASE ... TEMPLATE`` for each test.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.storage.db import Database, open_database, upgrade

DATA = Path(__file__).parent / "data"
SEED = DATA / "inews-4-negara-sahabat-rusia.txt"
ENGLISH = DATA / "en-fallujah.txt"
# The project's shared data folder, beside the checkout (CI lays it out the same way);
# CLAIMCHECK_SHARED_DATA points elsewhere.
SHARED_DATA = Path(
    os.environ.get(
        "CLAIMCHECK_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"
    )
)

# Batches are prepared in this process: a worker pool costs a spaCy load per worker, which
# tests of a few files would pay each time. tests/test_ingest_workers.py runs the pool.
os.environ.setdefault("CLAIMCHECK_WORKERS", "1")
# The CLI's consoles read their width once, when claimcheck.cli is first imported: the same
# width for every test, whichever test (or test worker) imports it first.
os.environ["COLUMNS"] = "200"

PG_URL = os.environ.get("CLAIMCHECK_TEST_PG_URL")
ENGINES = ["sqlite", "postgresql"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if PG_URL:
        return
    if os.environ.get("CLAIMCHECK_TEST_REQUIRE_PG"):
        raise pytest.UsageError(
            "CLAIMCHECK_TEST_REQUIRE_PG is set but CLAIMCHECK_TEST_PG_URL is not"
        )
    skip = pytest.mark.skip(reason="no PostgreSQL: run under scripts/with-postgres")
    for item in items:
        if "[postgresql" in item.nodeid:
            item.add_marker(skip)


class PostgresServer:
    """Creates and drops throwaway databases on the test server."""

    def __init__(self, url: str) -> None:
        self.url = sa.engine.make_url(url)
        self.admin = sa.create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)

    def url_for(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def create(self, *, template: str | None = None) -> str:
        name = f"cc_{uuid.uuid4().hex[:12]}"
        clause = f" TEMPLATE {template}" if template else ""
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name}{clause}")
        return name

    def drop(self, name: str) -> None:
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    assert PG_URL is not None
    server = PostgresServer(PG_URL)
    yield server
    server.admin.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated once per run, the production way (Alembic), then copied for each test."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_template(postgres: PostgresServer) -> Iterator[str]:
    name = postgres.create()
    upgrade(postgres.url_for(name))
    yield name
    postgres.drop(name)


@pytest.fixture(params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def empty_db_url(engine_name: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with nothing in it, not even the schema."""
    if engine_name == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = server.create()
    yield server.url_for(name)
    server.drop(name)


@pytest.fixture
def db_url(
    engine_name: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[str]:
    """A fresh, migrated database for this test, also set as CLAIMCHECK_DB."""
    monkeypatch.setenv("CLAIMCHECK_REVIEWER", "test-reviewer")
    monkeypatch.setenv("COLUMNS", "200")
    # No desk settings but the ones a test writes: not the developer's own config file.
    monkeypatch.delenv("CLAIMCHECK_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    if engine_name == "sqlite":
        path = tmp_path / "claimcheck.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
        monkeypatch.setenv("CLAIMCHECK_DB", url)
        yield url
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = server.create(template=request.getfixturevalue("postgres_template"))
    url = server.url_for(name)
    monkeypatch.setenv("CLAIMCHECK_DB", url)
    yield url
    server.drop(name)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.close()


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


Cli = Callable[..., Run]


def invoke(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Run:
    """Run a claimcheck command in-process; a crash (not a clean exit) fails the test."""
    result = CliRunner().invoke(app, list(args), input=input, env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def cli(db_url: str) -> Cli:
    """Run a claimcheck command against this test's database."""
    return invoke


@pytest.fixture
def seed_article(cli: Cli) -> dict[str, Any]:
    """The seed article ingested, as `articles show --json` returns it."""
    ingested = cli("ingest", str(SEED), "--json").json()
    return cli("articles", "show", str(ingested[0]["article_id"]), "--json").json()  # type: ignore[no-any-return]
