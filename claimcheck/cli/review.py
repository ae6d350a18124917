"""Reviewing: `verify`, `dispute`, `mark`, `evidence add`, `history`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

import typer

from claimcheck.cli.common import (
    JsonOption,
    NoteOption,
    ReviewerOption,
    database,
    emit,
    err,
    out,
    session,
    settings,
)
from claimcheck.errors import ClaimcheckError, InvalidInput
from claimcheck.render import tables
from claimcheck.render.jsonout import dumps
from claimcheck.services import browse, review, triage
from claimcheck.services.lookup import check_status
from claimcheck.storage import Stance, Status

ClaimId = Annotated[int, typer.Argument(metavar="ID", help="Claim id.")]
ClaimIds = Annotated[list[int], typer.Argument(metavar="ID...", help="One or more claim ids.")]
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
    app.command("assign")(assign)
    app.command("history")(history)


@dataclass
class _Selection:
    """Which claims a verdict goes to: ids, or filters for bulk work."""

    ids: list[int]
    article: int | None = None
    role: str | None = None
    from_status: str | None = None


def _decide(
    ctx: typer.Context,
    chosen: _Selection,
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
    """One verdict on each chosen claim, each in its own transaction: a claim that cannot
    take it is reported and the others still get it."""
    who = review.reviewer_name(reviewer)
    desk = settings(ctx)
    level = desk.ratings.resolve(rating) if rating is not None else None
    items = [review.EvidenceInput(url, stance.value) for url in evidence_urls or []]
    filtered = chosen.article is not None or chosen.role is not None or chosen.from_status
    if chosen.ids and filtered:
        raise InvalidInput("give claim ids or filters (--article, --role, --from-status), not both")
    ids = chosen.ids
    if not ids:
        with session(ctx) as s:
            ids = triage.select_ids(
                s, article_id=chosen.article, role=chosen.role, status=chosen.from_status
            )
        if not ids:
            err.print("no claims match these filters; nothing changed", highlight=False)
            return
    if expect_version is not None and len(ids) > 1:
        raise InvalidInput("--expect-version goes with one claim id")
    changes: list[review.StatusChange] = []
    failed: list[str] = []
    with database(ctx) as db:
        outcomes = review.decide_each(
            db,
            ids,
            status=status.value,
            reviewer=who,
            evidence=items,
            note=note,
            expected_version=expect_version,
            whole_group=group,
            rating=level,
            second_review=desk.review.second_review,
        )
        for made in outcomes:
            if isinstance(made, ClaimcheckError):
                if len(ids) == 1:
                    raise made
                failed.append(str(made))
                tables.error(err, str(made))
                continue
            changes += made
            if not as_json:
                tables.status_changes(out, made)
    if as_json:
        print(dumps(changes[0] if len(ids) == 1 and not group and changes else changes))
    if failed:
        err.print(f"{len(failed)} of {len(ids)} claims were not changed", highlight=False)
        raise typer.Exit(1)


def _verdict_command(status: Status) -> Callable[..., None]:
    """`verify` and `dispute`: the same options, a different verdict and default stance."""

    def command(
        ctx: typer.Context,
        claim_ids: ClaimIds,
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
            _Selection(list(claim_ids)),
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
        f"Mark claims {status.value}. Needs evidence: --evidence URL now, or added before."
    )
    return command


verify = _verdict_command(Status.VERIFIED)
dispute = _verdict_command(Status.DISPUTED)


def mark(
    ctx: typer.Context,
    targets: Annotated[
        list[str],
        typer.Argument(
            metavar="[ID...] STATUS",
            help="Claim ids, then the status: pending, verified, disputed, unverifiable or "
            "dismissed. Without ids, --article/--role/--from-status choose the claims.",
        ),
    ],
    article: Annotated[
        int | None, typer.Option("--article", help="Bulk: every claim of this article.")
    ] = None,
    role: Annotated[
        str | None,
        typer.Option(
            help="Bulk: only claims of sentences with this role (title, caption, heading, body)."
        ),
    ] = None,
    from_status: Annotated[
        str | None, typer.Option("--from-status", help="Bulk: only claims with this status.")
    ] = None,
    rating: RatingOption = None,
    note: NoteOption = None,
    reviewer: ReviewerOption = None,
    expect_version: ExpectVersionOption = None,
    group: GroupOption = False,
    as_json: JsonOption = False,
) -> None:
    """Set any status: unverifiable, dismissed (not a checkable claim), back to pending...
    on one claim, several, or every claim the filters select."""
    *raw_ids, raw_status = targets
    try:
        status = Status(check_status(raw_status))
    except InvalidInput as exc:
        # A usage error (exit 2), like any other malformed command line.
        raise typer.BadParameter(
            f"{exc} (the status comes last: `claimcheck mark 12 13 dismissed`)",
            param_hint="STATUS",
        ) from None
    if not all(i.isdigit() for i in raw_ids):
        raise typer.BadParameter(f"claim ids are numbers, not {raw_ids!r}", param_hint="ID")
    ids = [int(i) for i in raw_ids]
    _decide(
        ctx,
        _Selection(ids, article=article, role=role, from_status=from_status),
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


def assign(
    ctx: typer.Context,
    claim_ids: ClaimIds,
    to: Annotated[
        str,
        typer.Option("--to", help='Who reviews them; --to "" takes the claims back.'),
    ],
    reviewer: ReviewerOption = None,
    as_json: JsonOption = False,
) -> None:
    """Give claims to a reviewer: their `review --mine` queue, and nobody else's queue."""
    who = review.reviewer_name(reviewer)
    with session(ctx, write=True) as s:
        done = triage.assign(s, list(claim_ids), to=to, reviewer=who)
    emit(done, as_json, tables.assignments)


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
