"""A command loads what it uses: a fresh `claimcheck claims list` or `search` does not import
the parser, the language identifier, the stemmers it does not need or the matching engine,
and `--version` not even the database layer. (How long a fresh command takes is measured in
benchmarks/fresh_start.py; this holds what makes it short.)"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

# Imported by the commands that parse articles, fetch pages, scan or migrate, never by
# `claims list` or `search`.
NOT_FOR_READING = (
    "spacy",
    "thinc",
    "py3langid",
    "sentencex",
    "trafilatura",
    "httpx",
    "feedparser",
    "numpy",
    "numba",
    "alembic",
    "claimcheck.pipeline.parse",
    "claimcheck.pipeline.claims",
    "claimcheck.pipeline.attribution",
    "claimcheck.services.ingest",
    "claimcheck.services.repeats.candidates",
    "claimcheck.services.repeats.scan",
)

RUN = """
import gc, json, sys
from claimcheck.cli.start import main  # the console script's entry point
sys.argv = ["claimcheck", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print(json.dumps({"code": code, "modules": sorted(sys.modules), "collecting": gc.isenabled(),
                  "frozen": gc.get_freeze_count()}), file=sys.stderr)
"""


def _report(*args: str) -> dict[str, Any]:
    """What a fresh process has imported once the command is done, and its collector."""
    done = subprocess.run(
        [sys.executable, "-c", RUN, *args], capture_output=True, text=True, check=False
    )
    report: dict[str, Any] = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] == 0, done.stderr
    return report


def _loaded(*args: str) -> set[str]:
    return set(_report(*args)["modules"])


def test_version_loads_no_database_layer() -> None:
    loaded = _loaded("--version")
    assert not {m for m in loaded if m.split(".")[0] == "sqlalchemy"}
    assert "claimcheck.storage" not in loaded
    assert "claimcheck.render.tables" not in loaded


@pytest.mark.parametrize(
    "command", [("claims", "list"), ("articles", "list"), ("search", "empat negara sahabat")]
)
def test_reading_commands_load_no_parser_or_matching_engine(
    db_url: str, seed_article: dict[str, object], command: tuple[str, ...]
) -> None:
    loaded = _loaded("--db", db_url, *command)
    assert "claimcheck.storage" in loaded  # it did read the database
    assert sorted(loaded & set(NOT_FOR_READING)) == []


def test_listing_claims_loads_no_stemmer(db_url: str, seed_article: object) -> None:
    loaded = _loaded("--db", db_url, "claims", "list")
    assert "Sastrawi" not in loaded
    assert "claimcheck.matching.terms" not in loaded


def test_a_command_runs_with_the_garbage_collector_on(
    db_url: str, seed_article: dict[str, object]
) -> None:
    """The console script imports with the collector off (cli/start.py), and a command
    (here the listing; an ingest of a thousand files alike) runs with it on again, the
    imported modules' objects frozen out of its collections."""
    report = _report("--db", db_url, "claims", "list")
    assert report["collecting"] is True
    assert report["frozen"] > 10_000
