"""`claimcheck search`: stored claims ranked for a text, or for each query of a file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import JsonOption, LimitOption, emit, session
from claimcheck.errors import InvalidInput
from claimcheck.render import tables
from claimcheck.render.jsonout import dumps_line, to_data
from claimcheck.services.repeats.search import search as run_search


def search(
    ctx: typer.Context,
    query: Annotated[str | None, typer.Argument(help="Free text to look for.")] = None,
    from_file: Annotated[
        Path | None,
        typer.Option(
            "--from-file", help="One query per line, or a TSV of id and text; writes JSONL."
        ),
    ] = None,
    status: Annotated[str | None, typer.Option(help="Only claims with this status.")] = None,
    limit: LimitOption = 10,
    as_json: JsonOption = False,
) -> None:
    """Rank stored claims (and archived checks) for a text, with scores."""
    if (query is None) == (from_file is None):
        raise InvalidInput("give a query, or --from-file QUERIES (not both)")
    with session(ctx) as s:
        if from_file is None:
            hits = run_search(s, query=query or "", limit=limit, status=status)
            emit(hits, as_json, tables.search_hits)
            return
        for query_id, text in _queries(from_file):
            hits = run_search(s, query=text, limit=limit, status=status)
            results = [
                {
                    k: v
                    for k, v in to_data(h).items()
                    if k in ("claim_id", "external_id", "score", "text", "status")
                }
                for h in hits
            ]
            line = {"query_id": query_id, "query": text, "results": results}
            sys.stdout.write(dumps_line(line) + "\n")


def _queries(path: Path) -> list[tuple[str, str]]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path}: cannot read it as UTF-8 text ({exc})") from exc
    queries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        query_id, tab, text = line.partition("\t")
        queries.append((query_id, text) if tab else (str(number), line))
    return queries
