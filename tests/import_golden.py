"""What an import stored, as plain data: the rows of every table the importers write and the
word index (by term text, not token id), so two imports of the same files can be compared.

``tests/data/import-golden/expected.json`` holds this for the per-row import the bulk import
replaced; ``make.py`` there rebuilt it from that code.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from claimcheck.storage.models import Base

GOLDEN = Path(__file__).parent / "data" / "import-golden"
TABLES = (
    "article",
    "sentence",
    "claim",
    "evidence",
    "review_event",
    "claim_match",
    "claim_group",
    "claim_group_member",
)
# Set to the time of the import: compared as "present", not by value.
CLOCK = {"ingested_at", "created_at", "updated_at", "added_at", "at", "decided_at"}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def dump(url: str, *, clock: bool = False) -> dict[str, Any]:
    """Every row the importers write, in id order; the index as term -> claims holding it
    and (term, claim id, count) postings. ``clock``: keep the import-time columns."""
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    data: dict[str, Any] = {}
    try:
        with engine.connect() as connection:
            for name in TABLES:
                table = Base.metadata.tables[name]
                order = [c for c in table.primary_key.columns]
                rows = connection.execute(sa.select(table).order_by(*order)).mappings()
                data[name] = [
                    {
                        k: _plain(v) if clock or k not in CLOCK else v is not None
                        for k, v in row.items()
                    }
                    for row in rows
                ]
            data["match_token"] = dict(
                connection.execute(sa.text("SELECT text, claims FROM match_token")).all()
            )
            data["claim_token"] = sorted(
                [text, claim_id, count]
                for text, claim_id, count in connection.execute(
                    sa.text(
                        "SELECT t.text, p.claim_id, p.count FROM claim_token p "
                        "JOIN match_token t ON t.id = p.token_id"
                    )
                )
            )
    finally:
        engine.dispose()
    return data


def run_imports(url: str, restore_url: str) -> list[dict[str, Any]]:
    """The golden imports, as a desk runs them: a JSONL archive, a CSV on top of it, a
    ClaimReview feed, the JSONL again (nothing twice); and the backup restored into an empty
    database. Each command's exit code, its JSON report and its error lines."""
    from tests.conftest import invoke

    commands = [
        (url, "import", "claims", str(GOLDEN / "archive.jsonl"), "--source", "cekfakta"),
        (url, "import", "claims", str(GOLDEN / "archive.csv")),
        (url, "import", "claimreview", str(GOLDEN / "feed.json")),
        (url, "import", "claims", str(GOLDEN / "archive.jsonl"), "--source", "cekfakta"),
        (restore_url, "import", "jsonl", str(GOLDEN / "backup.jsonl")),
    ]
    outputs = []
    for db, *args in commands:
        run = invoke("--db", db, *args, "--json", env={"COLUMNS": "400"})
        here = str(GOLDEN) + "/"
        outputs.append(
            {
                "command": " ".join(args).replace(here, ""),
                "exit_code": run.exit_code,
                "report": json.loads(run.stdout.replace(here, "")) if run.stdout.strip() else None,
                "errors": [
                    line.replace(here, "")
                    for line in run.stderr.splitlines()
                    if line.startswith("Error:")
                ],
            }
        )
    return outputs
