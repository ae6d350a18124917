"""`claimcheck dupes`: repeated claims across articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import JsonOption, emit, session
from claimcheck.render import tables
from claimcheck.services import matching

app = typer.Typer(
    help="Repeated claims: explain a pair, calibrate thresholds.", no_args_is_help=True
)


@app.command("explain")
def explain(
    ctx: typer.Context,
    claim_a: Annotated[int, typer.Argument(metavar="A", help="A claim id.")],
    claim_b: Annotated[int, typer.Argument(metavar="B", help="Another claim id.")],
    as_json: JsonOption = False,
) -> None:
    """Each scorer's figure and each guard (numbers, negation, names) for two claims."""
    with session(ctx) as s:
        explanation = matching.explain(s, claim_a=claim_a, claim_b=claim_b)
    emit(explanation, as_json, tables.explanation)


@app.command("calibrate")
def calibrate(
    pairs: Annotated[Path, typer.Argument(help="CSV with columns text_a, text_b, same (0/1).")],
    as_json: JsonOption = False,
) -> None:
    """Precision and recall per threshold on labelled pairs, and the thresholds to use."""
    emit(matching.calibrate_file(pairs), as_json, tables.calibration)
