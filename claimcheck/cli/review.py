"""Reviewing: `verify`, `dispute`, `mark`, `evidence add`, `history`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from claimcheck.cli.common import (
    JsonOption,
    NoteOption,
    ReviewerOption,
    emit,
    out,
    session,
    settings,
)
from claimcheck.render import tables
from claimcheck.render.jsonout import dumps
from claimcheck.services import browse, review
from claimcheck.storage import Stance, Status

ClaimId = Annotated[int, typer.Argument(metavar="ID", help="Claim id.")]
EvidenceOption = Annotated[
    list[str] | None,
    typer.Option("--evidence", "-e", help="An evidence URL (repeatable).", metavar="URL"),
]
ExpectVersionOption = Annotated[
    int | None,
    typer.Option(
        "--expect-version",
        help="Refuse if the claim changed since this version (shown by `claims show`).",
    ),
]
GroupOption = Annotated[
    bool,
    typer.Option("--group", help="Apply to every claim of this claim's group of repeats too."),
]
RatingOption = Annotated[
    str | None,
    typer.Option(
        "--rating",
        help='The published rating, a label of the desk\'s scale ("Menyesatkan", "Mostly true").',
    ),
]
StanceOption = Annotated[
    Stance | None,
    typer.Option(help="What --evidence says about the claim (default fits the verdict)."),
]

evidence_app = typer.Typer(help="Evidence links on claims.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("verify")(verify)
    app.command("dispute")(dispute)
    app.command("mark")(mark)
    app.command("history")(history)


def _decide(
    ctx: typer.Context,
    claim_id: int,
    status: Status,
    *,
    evidence_urls: list[str] | None,
    stance: Stance,
    note: str | None,
    reviewer: str | None,
    expect_version: int | None,
    group: bool,
    as_json: bool,
    rating: str | None = None,
) -> None:
    who = review.reviewer_name(reviewer)
    chosen = settings(ctx).ratings.resolve(rating) if rating is not None else None
    items = [review.EvidenceInput(url, stance.value) for url in evidence_urls or []]
    with session(ctx, write=True) as s:
        changes = review.decide(
            s,
            claim_id=claim_id,
            status=status.value,
            reviewer=who,
            evidence=items,
            note=note,
            expected_version=expect_version,
            whole_group=group,
            rating=chosen,
        )
    if as_json:
        print(dumps(changes if group else changes[0]))
    else:
        tables.status_changes(out, changes)


def _verdict_command(status: Status) -> Callable[..., None]:
    """`verify` and `dispute`: the same options, a different verdict and default stance."""

    def command(
        ctx: typer.Context,
        claim_id: ClaimId,
        evidence: EvidenceOption = None,
        rating: RatingOption = None,
        stance: StanceOption = None,
        note: NoteOption = None,
        reviewer: ReviewerOption = None,
        expect_version: ExpectVersionOption = None,
        group: GroupOption = False,
        as_json: JsonOption = False,
    ) -> None:
        _decide(
            ctx,
            claim_id,
            status,
            evidence_urls=evidence,
            stance=stance or Stance(review.default_stance(status.value)),
            note=note,
            reviewer=reviewer,
            expect_version=expect_version,
            group=group,
            as_json=as_json,
            rating=rating,
        )

    command.__doc__ = (
        f"Mark a claim {status.value}. Needs evidence: --evidence URL now, or added before."
    )
    return command


verify = _verdict_command(Status.VERIFIED)
dispute = _verdict_command(Status.DISPUTED)


def mark(
    ctx: typer.Context,
    claim_id: ClaimId,
    status: Annotated[
        Status, typer.Argument(help="pending, verified, disputed, unverifiable or dismissed.")
    ],
    rating: RatingOption = None,
    note: NoteOption = None,
    reviewer: ReviewerOption = None,
    expect_version: ExpectVersionOption = None,
    group: GroupOption = False,
    as_json: JsonOption = False,
) -> None:
    """Set any status: unverifiable, dismissed (not a checkable claim), back to pending..."""
    _decide(
        ctx,
        claim_id,
        status,
        evidence_urls=None,
        stance=Stance.CONTEXT,
        note=note,
        reviewer=reviewer,
        expect_version=expect_version,
        group=group,
        as_json=as_json,
        rating=rating,
    )


def history(ctx: typer.Context, claim_id: ClaimId, as_json: JsonOption = False) -> None:
    """Every status change and evidence link of a claim: who, when, from, to, note."""
    with session(ctx) as s:
        events = browse.history(s, claim_id)
    emit(events, as_json, tables.history)


@evidence_app.command("add")
def evidence_add(
    ctx: typer.Context,
    claim_id: ClaimId,
    url: Annotated[str, typer.Argument(help="http(s) link to the source.")],
    stance: Annotated[Stance, typer.Option(help="supports, refutes or context.")] = Stance.CONTEXT,
    note: NoteOption = None,
    reviewer: ReviewerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Link a source to a claim without changing its status."""
    who = review.reviewer_name(reviewer)
    with session(ctx, write=True) as s:
        added = review.add_evidence(
            s, claim_id=claim_id, url=url, stance=stance.value, note=note, reviewer=who
        )
    emit(added, as_json, tables.evidence_added)
