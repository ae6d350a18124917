"""Test fixtures: a real SQLite file per test, copied from one migrated template."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.storage.db import Database, open_database, upgrade

DATA = Path(__file__).parent / "data"
SEED = DATA / "inews-4-negara-sahabat-rusia.txt"
ENGLISH = DATA / "en-fallujah.txt"
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated once per run, the production way (Alembic), then copied for each test."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def db_url(template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    path = tmp_path / "claimcheck.db"
    shutil.copy(template_db, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("CLAIMCHECK_DB", url)
    monkeypatch.setenv("CLAIMCHECK_REVIEWER", "test-reviewer")
    monkeypatch.setenv("COLUMNS", "200")
    return url


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


@pytest.fixture
def cli(db_url: str) -> Any:
    """Run a claimcheck command in-process against this test's database."""
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Run:
        result = runner.invoke(app, list(args), input=input, env=env)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def seed_article(cli: Any) -> dict[str, Any]:
    """The seed article ingested, as `articles show --json` returns it."""
    ingested = cli("ingest", str(SEED), "--json").json()
    return cli("articles", "show", str(ingested[0]["article_id"]), "--json").json()
