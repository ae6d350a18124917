"""The bulk import stores what the per-row import did: the same rows, the same word index.

``tests/data/import-golden/expected.json`` was written by the per-row ORM import before the
bulk path replaced it (see make.py there); the imports here run the same files through the
product and must leave the same data on both engines.
"""

from __future__ import annotations

import json
from typing import Any

from tests.import_golden import GOLDEN, dump, run_imports

EXPECTED: dict[str, Any] = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))


def _same(found: dict[str, Any], expected: dict[str, Any]) -> None:
    for table, rows in expected.items():
        if isinstance(rows, list) and rows and isinstance(rows[0], dict):
            columns = set(rows[0])
            got = [{k: v for k, v in row.items() if k in columns} for row in found[table]]
            assert got == rows, table
        else:
            assert found[table] == rows, table


def _outputs_now(outputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The reports as they are now said, from the per-row import's: they also count the
    skipped rows (``skipped`` lists at most the first thousand), and a check the file
    holds twice is counted as already there (the per-row import did not count it)."""
    now = json.loads(json.dumps(outputs))
    for output in now:
        report = output["report"]
        if "skipped" in report:
            report["skipped_rows"] = len(report["skipped"])
    for again in (0, 3):  # archive.jsonl's last line repeats its first
        now[again]["report"]["already_present"] += 1
    return now  # type: ignore[no-any-return]


def test_bulk_import_stores_what_the_per_row_import_stored(
    db_url: str, empty_db_url: str, engine_name: str
) -> None:
    expected = EXPECTED[engine_name]
    assert run_imports(db_url, empty_db_url) == _outputs_now(expected["outputs"])
    _same(dump(db_url), expected["imported"])
    _same(dump(empty_db_url, clock=True), expected["restored"])
