"""Review: verdicts, evidence links and the append-only history behind them."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from claimcheck.errors import ClaimcheckError, Conflict, EvidenceRequired, InvalidInput
from claimcheck.services.lookup import check_status, last_verdict, load_claim
from claimcheck.services.repeats.groups import group_claims
from claimcheck.services.superseded import check_current, newer_revision
from claimcheck.services.urls import check_url
from claimcheck.services.views import ClaimView, EvidenceView, claim_view, evidence_view
from claimcheck.settings import Rating
from claimcheck.storage import (
    Claim,
    Database,
    EventKind,
    Evidence,
    ReviewEvent,
    Stance,
    Status,
)
from claimcheck.storage.clock import now
from claimcheck.storage.models import NEEDS_EVIDENCE

REVIEWER_ENV = "CLAIMCHECK_REVIEWER"
MAX_NOTE = 4000
MAX_REVIEWER = 200
#: Verdicts a second reviewer confirms when the desk asks for second review.
SECOND_REVIEWED = frozenset({Status.VERIFIED, Status.DISPUTED, Status.UNVERIFIABLE})


@dataclass(frozen=True)
class EvidenceInput:
    url: str
    stance: str
    note: str | None = None


@dataclass(frozen=True)
class StatusChange:
    claim: ClaimView
    from_status: str
    to_status: str
    changed: bool  # the status or the rating changed
    evidence_added: list[EvidenceView]
    from_rating: str | None = None
    to_rating: str | None = None
    awaiting_second: bool = False  # second review is on and this verdict awaits it
    confirmed: bool = False  # this was the second reviewer confirming the verdict


def reviewer_name(given: str | None) -> str:
    """``--reviewer``, else ``CLAIMCHECK_REVIEWER``, else the operating-system user."""
    name = (given or os.environ.get(REVIEWER_ENV) or "").strip()
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # no user name in this environment (containers)
            name = ""
    if not name:
        raise InvalidInput("who is reviewing? give --reviewer NAME or set CLAIMCHECK_REVIEWER")
    return check_reviewer(name)


def check_reviewer(name: str) -> str:
    """A name the history can give as who did something (a reviewer, an import)."""
    if not name.strip():
        raise InvalidInput("a reviewer's name cannot be empty")
    if len(name) > MAX_REVIEWER:
        raise InvalidInput(f"reviewer name is longer than {MAX_REVIEWER} characters")
    return name


def default_stance(status: str) -> str:
    """The stance a link given with a verdict has unless the reviewer says otherwise."""
    return {Status.VERIFIED: Stance.SUPPORTS, Status.DISPUTED: Stance.REFUTES}.get(
        Status(status), Stance.CONTEXT
    ).value


def check_stance(stance: str) -> str:
    try:
        return Stance(stance.strip().lower()).value
    except ValueError:
        known = ", ".join(s.value for s in Stance)
        raise InvalidInput(f"unknown stance {stance!r}; use one of: {known}") from None


def check_note(note: str | None) -> str | None:
    if note is not None and len(note) > MAX_NOTE:
        raise InvalidInput(f"note is longer than {MAX_NOTE} characters")
    return note or None


@dataclass(frozen=True)
class EvidenceAdded(EvidenceView):
    added: bool = True  # False: the claim already had this link, so nothing was added


def add_evidence(
    session: Session, *, claim_id: int, url: str, stance: str, note: str | None, reviewer: str
) -> EvidenceAdded:
    """Link a source to a claim; the history records who added it. The same link with the
    same stance and note again adds nothing and gives back the stored one."""
    claim = load_claim(session, claim_id)
    check_current(session, claim, "evidence")
    item = EvidenceInput(url, stance, note)
    added = attach_evidence(session, claim, item, reviewer)
    found = added or same_evidence(claim, item)
    assert found is not None
    return EvidenceAdded(**vars(evidence_view(found)), added=added is not None)


def same_evidence(claim: Claim, item: EvidenceInput) -> Evidence | None:
    """The claim's evidence row that already says what ``item`` says (the same link, stance
    and note), if there is one."""
    wanted = _checked(item)
    return next((e for e in claim.evidence if (e.url, e.stance, e.note) == wanted), None)


def _checked(item: EvidenceInput) -> tuple[str, str, str | None]:
    return check_url(item.url), check_stance(item.stance), check_note(item.note)


def attach_evidence(
    session: Session, claim: Claim, item: EvidenceInput, reviewer: str
) -> Evidence | None:
    """Add a checked evidence link to a loaded claim, with its history event; None when the
    claim already has it (a command run twice adds it once)."""
    url, stance, note = wanted = _checked(item)
    if any((e.url, e.stance, e.note) == wanted for e in claim.evidence):
        return None
    evidence = Evidence(
        url=url,
        stance=stance,
        note=note,
        added_by=reviewer,
        added_at=now(session),
    )
    claim.evidence.append(evidence)
    session.flush()
    session.add(
        ReviewEvent(
            claim_id=claim.id,
            kind=EventKind.EVIDENCE.value,
            actor=reviewer,
            at=evidence.added_at,
            evidence_id=evidence.id,
            note=evidence.note,
        )
    )
    return evidence


def set_status(
    session: Session,
    *,
    claim_id: int,
    status: str,
    reviewer: str,
    evidence: Sequence[EvidenceInput] = (),
    note: str | None = None,
    expected_version: int | None = None,
    rating: Rating | None = None,
    second_review: bool = False,
) -> StatusChange:
    """Give a claim a status, and with it a rating of the desk's scale. Verified and disputed
    need evidence, given now or before.

    ``expected_version`` is the claim's version the reviewer decided on; if someone changed
    the claim since, nothing is saved and :class:`Conflict` says who changed it to what.
    Without it, a change racing another one on the same claim is still caught. A new status
    without a rating drops the old status's rating.

    With ``second_review``, a verdict waits for a different reviewer to give the same one.
    """
    target = check_status(status)
    note = check_note(note)
    if rating is not None and rating.status.value != target:
        raise InvalidInput(
            f"{rating.label!r} is a {rating.status.value} rating and cannot go with a "
            f"{target} verdict; use `{_command_for(rating, claim_id)}`"
        )
    claim = load_claim(session, claim_id)
    check_current(session, claim, "verdict")
    if expected_version is not None and claim.version != expected_version:
        raise _conflict(session, claim)
    attached = [attach_evidence(session, claim, item, reviewer) for item in evidence]
    added = [e for e in attached if e is not None]
    if Status(target) in NEEDS_EVIDENCE and not claim.evidence:
        raise EvidenceRequired(
            f"claim #{claim.id} has no evidence; a {target} verdict needs a source: "
            f"add --evidence URL, or first `claimcheck evidence add {claim.id} URL`"
        )
    previous, previous_rating = claim.status, claim.rating
    if rating is not None:
        new_rating: str | None = rating.label
    else:
        new_rating = previous_rating if previous == target else None
    changed = previous != target or new_rating != previous_rating
    confirming = (
        second_review and claim.awaiting_second and not changed and target in SECOND_REVIEWED
    )
    if confirming:
        first = last_verdict(session, claim.id)
        if first is not None and first.actor == reviewer:
            raise InvalidInput(
                f"claim #{claim.id} awaits a second reviewer: {reviewer} gave this verdict, so "
                "another reviewer has to confirm it"
            )
        note = note or "second review: confirmed"
    if changed or confirming:
        record_verdict(
            session,
            claim,
            status=target,
            rating=new_rating,
            actor=reviewer,
            note=note,
            awaiting_second=second_review and target in SECOND_REVIEWED and not confirming,
        )
    try:
        session.flush()
    except StaleDataError:
        session.rollback()
        raise _conflict(session, load_claim(session, claim_id)) from None
    session.refresh(claim)
    return StatusChange(
        claim=claim_view(claim),
        from_status=previous,
        to_status=target,
        changed=changed or confirming,
        evidence_added=[evidence_view(e) for e in added],
        from_rating=previous_rating,
        to_rating=new_rating,
        awaiting_second=claim.awaiting_second,
        confirmed=confirming,
    )


def record_verdict(
    session: Session,
    claim: Claim,
    *,
    status: str,
    rating: str | None,
    actor: str,
    note: str | None,
    awaiting_second: bool = False,
) -> None:
    """Give a loaded claim a status and rating, with the history event that says so."""
    when = now(session)
    session.add(
        ReviewEvent(
            claim_id=claim.id,
            kind=EventKind.STATUS.value,
            actor=actor,
            at=when,
            from_status=claim.status,
            to_status=status,
            note=note,
            rating=rating,
        )
    )
    claim.status, claim.rating, claim.updated_at = status, rating, when
    claim.awaiting_second = awaiting_second


def restore(
    session: Session,
    *,
    claim_id: int,
    status: str,
    rating: str | None,
    reviewer: str,
    note: str = "undo",
) -> StatusChange:
    """Put a claim back to the status and rating it had (a reviewer's undo), recorded in
    the history like any verdict. The earlier state was valid, so no evidence is asked."""
    claim = load_claim(session, claim_id)
    previous, previous_rating = claim.status, claim.rating
    target = check_status(status)
    if (previous, previous_rating) != (target, rating):
        record_verdict(session, claim, status=target, rating=rating, actor=reviewer, note=note)
        session.flush()
    return StatusChange(
        claim=claim_view(claim),
        from_status=previous,
        to_status=target,
        changed=(previous, previous_rating) != (target, rating),
        evidence_added=[],
        from_rating=previous_rating,
        to_rating=rating,
    )


def _command_for(rating: Rating, claim_id: int) -> str:
    """The command that gives a claim this rating."""
    given = f'--rating "{rating.label}"'
    if rating.status in (Status.VERIFIED, Status.DISPUTED):
        command = "verify" if rating.status == Status.VERIFIED else "dispute"
        return f"claimcheck {command} {claim_id} {given}"
    return f"claimcheck mark {claim_id} {rating.status.value} {given}"


def decide_each(
    db: Database, claim_ids: Sequence[int], **verdict: Any
) -> Iterator[list[StatusChange] | ClaimcheckError]:
    """:func:`decide` on each claim in its own transaction: a claim that cannot take the
    verdict is given back as its error, and the others still get it."""
    for claim_id in dict.fromkeys(claim_ids):
        try:
            with db.session(write=True) as session:
                made = decide(session, claim_id=claim_id, **verdict)
        except ClaimcheckError as exc:
            yield exc
            continue
        yield made


def inherited_evidence(source: Claim) -> list[EvidenceInput]:
    """A claim's evidence, to give another claim the same verdict rests on (a repeat of it,
    its next revision), each link saying where it came from."""
    return [
        EvidenceInput(
            e.url, e.stance, f"from claim #{source.id}" + (f": {e.note}" if e.note else "")
        )
        for e in source.evidence
    ]


def decide(
    session: Session,
    *,
    claim_id: int,
    status: str,
    reviewer: str,
    evidence: Sequence[EvidenceInput] = (),
    note: str | None = None,
    expected_version: int | None = None,
    whole_group: bool = False,
    rating: Rating | None = None,
    second_review: bool = False,
) -> list[StatusChange]:
    """A verdict on a claim and, with ``whole_group``, on every claim of its group, each
    with its own history.

    Members without evidence get the evidence given now, or else copies of the named
    claim's evidence, so the verdict rests on the same sources everywhere it is reused.
    """
    first = set_status(
        session,
        claim_id=claim_id,
        status=status,
        reviewer=reviewer,
        evidence=evidence,
        note=note,
        expected_version=expected_version,
        rating=rating,
        second_review=second_review,
    )
    if not whole_group:
        return [first]
    source = load_claim(session, claim_id)
    inherited = list(evidence) or inherited_evidence(source)
    changes = [first]
    for member in group_claims(session, claim_id):
        if member == claim_id:
            continue
        other = load_claim(session, member)
        if newer_revision(session, other) is not None:
            continue  # its article's newest revision holds the claim to decide on
        has_evidence = bool(other.evidence)
        changes.append(
            set_status(
                session,
                claim_id=member,
                status=status,
                reviewer=reviewer,
                evidence=[] if has_evidence and not evidence else inherited,
                note=note or f"same claim as #{claim_id}",
                rating=rating,
                second_review=second_review,
            )
        )
    return changes


def _conflict(session: Session, claim: Claim) -> Conflict:
    latest = last_verdict(session, claim.id)
    what = (
        f"changed to {latest.to_status} by {latest.actor} at {latest.at:%Y-%m-%d %H:%M:%S} UTC"
        if latest is not None
        else "changed by someone else"
    )
    return Conflict(
        f"claim #{claim.id} was {what} (now version {claim.version}); nothing was saved: "
        f"look again with `claimcheck claims show {claim.id}`"
    )
