"""`claimcheck dupes`: repeated claims across articles."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import (
    JsonOption,
    LimitOption,
    ReviewerOption,
    emit,
    emit_page,
    err,
    session,
    settings,
)
from claimcheck.render import tables
from claimcheck.services import review
from claimcheck.services.repeats.explain import calibrate_file
from claimcheck.services.repeats.explain import explain as explain_pair
from claimcheck.services.repeats.groups import claim_repeats, decide, list_groups
from claimcheck.services.repeats.scan import scan as scan_all

app = typer.Typer(
    help="Repeated claims: groups of the same claim, decisions on pairs, explanations.",
    invoke_without_command=True,
)

ClaimA = Annotated[int, typer.Argument(metavar="A", help="A claim id.")]
ClaimB = Annotated[int, typer.Argument(metavar="B", help="Another claim id.")]


@app.callback()
def groups(
    ctx: typer.Context,
    min_articles: Annotated[
        int, typer.Option("--min-articles", min=1, help="Only groups spanning this many articles.")
    ] = 2,
    status: Annotated[
        str | None, typer.Option(help="Only groups with a claim of this status.")
    ] = None,
    conflicts: Annotated[
        bool, typer.Option("--conflicts", help="Only groups holding both verified and disputed.")
    ] = False,
    claim: Annotated[
        int | None, typer.Option("--claim", help="Show this claim's repeats instead.")
    ] = None,
    limit: LimitOption = 50,
    as_json: JsonOption = False,
) -> None:
    """Groups of repeated claims, largest and most recent first (or one claim's repeats)."""
    if ctx.invoked_subcommand is not None:
        return
    with session(ctx) as s:
        if claim is not None:
            found = claim_repeats(s, claim)
            emit(found, as_json, tables.repeats)
            return
        page = list_groups(
            s, min_articles=min_articles, status=status, conflicts_only=conflicts, limit=limit
        )
    emit_page(page, as_json, tables.groups)


@app.command("confirm")
def confirm(
    ctx: typer.Context,
    claim_a: ClaimA,
    claim_b: ClaimB,
    reviewer: ReviewerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Say two claims are the same claim: they (and their groups) become one group."""
    _decide(ctx, claim_a, claim_b, same=True, reviewer=reviewer, as_json=as_json)


@app.command("reject")
def reject(
    ctx: typer.Context,
    claim_a: ClaimA,
    claim_b: ClaimB,
    reviewer: ReviewerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Say two claims are not the same: never suggested again, and no longer grouped."""
    _decide(ctx, claim_a, claim_b, same=False, reviewer=reviewer, as_json=as_json)


def _decide(
    ctx: typer.Context,
    claim_a: int,
    claim_b: int,
    *,
    same: bool,
    reviewer: str | None,
    as_json: bool,
) -> None:
    who = review.reviewer_name(reviewer)
    with session(ctx, write=True) as s:
        decision = decide(s, claim_a=claim_a, claim_b=claim_b, same=same, reviewer=who)
    emit(decision, as_json, tables.decision)


@app.command("scan")
def scan(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Match every stored claim against every other in one pass: after an import, a
    database merge, or new thresholds. Reviewers' decisions and groups are kept."""
    # A spinner on a terminal: a million claims take minutes.
    working = err.status("matching every claim against every other...") if err.is_terminal else None
    with working or nullcontext(), session(ctx, write=True) as s:
        result = scan_all(s, settings(ctx).thresholds)
    emit(result, as_json, tables.scan)


@app.command("explain")
def explain(
    ctx: typer.Context,
    claim_a: ClaimA,
    claim_b: ClaimB,
    as_json: JsonOption = False,
) -> None:
    """Each scorer's figure and each guard (numbers, negation, names) for two claims."""
    with session(ctx) as s:
        explanation = explain_pair(
            s, claim_a=claim_a, claim_b=claim_b, thresholds=settings(ctx).thresholds
        )
    emit(explanation, as_json, tables.explanation)


@app.command("calibrate")
def calibrate(
    pairs: Annotated[Path, typer.Argument(help="CSV with columns text_a, text_b, same (0/1).")],
    as_json: JsonOption = False,
) -> None:
    """Precision and recall per threshold on labelled pairs, and the thresholds to use."""
    emit(calibrate_file(pairs), as_json, tables.calibration)
