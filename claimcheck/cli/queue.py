"""`claimcheck review`: go through a queue of claims one at a time with single keys.

Plain line-by-line output (no full-screen mode, no mouse), so it works in any terminal and
over SSH; keys are read one at a time on a terminal and as lines otherwise. Every action is
its own transaction: quitting, Ctrl-C or a dropped connection loses nothing done.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Annotated

import typer
from rich.console import Console

from claimcheck.cli.common import ReviewerOption, database, settings
from claimcheck.errors import ClaimcheckError, InvalidInput
from claimcheck.render import card as render_card
from claimcheck.render import tables
from claimcheck.render.safe import for_terminal
from claimcheck.services import review, triage
from claimcheck.services.lookup import check_status
from claimcheck.services.urls import check_url
from claimcheck.settings import Rating, Settings
from claimcheck.storage import Database, Stance, Status

HELP = """keys:
  v  verify        d  dispute       u  unverifiable   x  dismiss (not a claim)
  e  add evidence  t  edit the text s  split in two
  n  next (skip)   z  undo the last action            ?  this help      q  quit"""


class Quit(Exception):
    """The reviewer is done (q, Ctrl-D, end of input)."""


class Keys:
    """One key at a time from a terminal; from a pipe, the first character of each line."""

    def __init__(self) -> None:
        self.terminal = sys.stdin.isatty()

    def key(self) -> str:
        if not self.terminal:
            line = sys.stdin.readline()
            if not line:
                raise Quit
            return line.strip()[:1].lower() or "n"
        import termios
        import tty

        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
        try:
            tty.setraw(fd)
            char = sys.stdin.read(1)
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        if char == "\x03":
            raise KeyboardInterrupt
        if char in ("\x04", ""):
            raise Quit
        return "n" if char in ("\r", "\n", " ") else char.lower()

    def line(self, console: Console, prompt: str, prefill: str | None = None) -> str:
        """A line typed after ``prompt``. On a terminal, ``prefill`` is already typed in,
        to be edited (readline: arrows, Ctrl-A/E, Ctrl-U clears) and kept with Enter."""
        if not self.terminal:
            console.print(prompt, end="", markup=False, highlight=False)
            sys.stdout.flush()
            text = sys.stdin.readline()
            if not text:
                raise Quit
            return text.strip()
        sys.stdout.flush()
        with _prefilled(prefill):
            try:
                return input(prompt).strip()
            except EOFError:
                raise Quit from None


@contextmanager
def _prefilled(text: str | None) -> Iterator[None]:
    """input() with ``text`` already on the line (readline's pre-input hook)."""
    try:
        import readline
    except ImportError:  # a Python built without it: the line starts empty (Enter keeps)
        yield
        return

    def fill() -> None:
        readline.insert_text(text or "")
        readline.redisplay()

    readline.set_pre_input_hook(fill if text else None)
    try:
        yield
    finally:
        readline.set_pre_input_hook()


@dataclass
class Undo:
    label: str
    claim_id: int
    revert: Callable[[Database], None]


@dataclass
class Session:
    """One sitting at the queue: what was done, and what can be undone."""

    db: Database
    who: str
    desk: Settings
    console: Console
    keys: Keys
    done: Counter[str] = field(default_factory=Counter)
    undo: list[Undo] = field(default_factory=list)


def review_queue(
    ctx: typer.Context,
    article: Annotated[int | None, typer.Option(help="Only this article's claims.")] = None,
    status: Annotated[
        str, typer.Option(help="Claims with this status (default pending).")
    ] = Status.PENDING.value,
    order: Annotated[
        triage.Order,
        typer.Option(help="priority (most check-worthy first), oldest, or article order."),
    ] = triage.Order.PRIORITY,
    mine: Annotated[bool, typer.Option("--mine", help="Only claims assigned to you.")] = False,
    awaiting_second: Annotated[
        bool,
        typer.Option("--awaiting-second", help="Verdicts waiting for a second reviewer."),
    ] = False,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colours (also NO_COLOR).")
    ] = False,
    reviewer: ReviewerOption = None,
) -> None:
    """Review claims one at a time, most important first, with single keys (? for help).
    Each claim shown is reserved for you for a while; others' queues skip it."""
    who = review.reviewer_name(reviewer)
    wanted = triage.QueueFilter(
        status=None if awaiting_second else check_status(status),
        article_id=article,
        order=order,
        mine=mine,
        awaiting_second=awaiting_second,
    )
    console = Console(
        no_color=no_color or bool(os.environ.get("NO_COLOR")), highlight=False, soft_wrap=True
    )
    desk = settings(ctx)
    with database(ctx) as db:
        with db.session() as s:
            ids = triage.queue(s, who, wanted)
            start = triage.resume_index(s, who, wanted, ids)
        if not ids:
            console.print("nothing to review in this queue")
            return
        # From where this reviewer left off, then round to the claims skipped before it.
        ids = ids[start:] + ids[:start]
        sitting = Session(db, who, desk, console, Keys())
        if start:
            console.print(f"resuming where you left off ({len(ids)} in the queue)")
        interrupted = False
        try:
            _run(sitting, ids, wanted)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            with db.session(write=True) as s:
                triage.release(s, who)
            _summary(sitting, len(ids))
    if interrupted:
        raise typer.Exit(130)


def _run(sitting: Session, ids: list[int], wanted: triage.QueueFilter) -> None:
    position = 0
    while position < len(ids):
        claim_id = ids[position]
        if not _take(sitting, claim_id, wanted):
            position += 1
            continue
        try:
            moved = _work_on(sitting, claim_id, position + 1, len(ids))
        except Quit:
            return
        if moved is not None:  # an undo on another claim: show that one again
            with sitting.db.session(write=True) as s:
                triage.release(s, sitting.who, [claim_id])
            position = ids.index(moved) if moved in ids else position
            continue
        with sitting.db.session(write=True) as s:
            triage.release(s, sitting.who, [claim_id])
        position += 1
    sitting.console.print("end of the queue")


def _take(sitting: Session, claim_id: int, wanted: triage.QueueFilter) -> bool:
    """Still one to review, and ours for now?"""
    with sitting.db.session(write=True) as s:
        return triage.take(s, claim_id, sitting.who, wanted, sitting.desk.review.lease_minutes)


def _work_on(sitting: Session, claim_id: int, number: int, total: int) -> int | None:
    """Actions on one claim until the reviewer moves on. Returns another claim's id when an
    undo went back to it."""
    console = sitting.console
    while True:
        with sitting.db.session() as s:
            shown = triage.card(s, claim_id)
        render_card.show(console, shown, number, total)
        console.print(
            "[v]erify [d]ispute [u]nverifiable [x]dismiss [e]vidence [t]ext [s]plit "
            "[n]ext [z]undo [?] [q]uit > ",
            end="",
            markup=False,
        )
        sys.stdout.flush()
        key = sitting.keys.key()
        console.print(key)
        try:
            if key == "q":
                raise Quit
            if key == "n":
                sitting.done["skipped"] += 1
                return None
            if key == "?":
                console.print(HELP, markup=False)
                continue
            if key == "z":
                back = _undo(sitting)
                if back is not None and back != claim_id:
                    return back
                continue
            action = ACTIONS.get(key)
            if action is None:
                console.print(f"no action on {key!r}; ? lists the keys", markup=False)
                continue
            if action(sitting, shown):
                return None
        except ClaimcheckError as exc:
            tables.error(console, str(exc))


def _ratings(sitting: Session, status: Status) -> Rating | None:
    choices = [r for r in sitting.desk.ratings.ratings if r.status == status]
    if not choices:
        return None
    listed = ", ".join(f"{n} {r.label}" for n, r in enumerate(choices, start=1))
    while True:
        answer = sitting.keys.line(sitting.console, f"rating ({listed}; Enter for none): ")
        if not answer:
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1]
        found = sitting.desk.ratings.find(answer)
        if found is not None and found.status == status:
            return found
        sitting.console.print(f"not one of: {listed}", markup=False)


def _verdict(status: Status) -> Callable[[Session, triage.ClaimCard], bool]:
    def act(sitting: Session, shown: triage.ClaimCard) -> bool:
        claim = shown.claim
        items: list[review.EvidenceInput] = []
        if status in (Status.VERIFIED, Status.DISPUTED) and not claim.evidence:
            url = _ask_url(sitting, "evidence URL (needed; Enter cancels): ")
            if not url:
                return False
            items.append(review.EvidenceInput(url, review.default_stance(status.value)))
        rating = _ratings(sitting, status)
        note = sitting.keys.line(sitting.console, "note (Enter for none): ") or None
        with sitting.db.session(write=True) as s:
            changes = review.decide(
                s,
                claim_id=claim.id,
                status=status.value,
                reviewer=sitting.who,
                evidence=items,
                note=note,
                expected_version=claim.version,
                rating=rating,
                second_review=sitting.desk.review.second_review,
            )
        change = changes[0]
        sitting.done[status.value] += 1
        previous_status, previous_rating = change.from_status, change.from_rating

        def revert(db: Database) -> None:
            with db.session(write=True) as s:
                review.restore(
                    s,
                    claim_id=claim.id,
                    status=previous_status,
                    rating=previous_rating,
                    reviewer=sitting.who,
                )

        sitting.undo.append(Undo(f"{status.value} #{claim.id}", claim.id, revert))
        verdict = status.value + (f" ({change.to_rating})" if change.to_rating else "")
        extra = " (awaits a second reviewer)" if change.awaiting_second else ""
        sitting.console.print(f"claim #{claim.id}: {verdict}{extra}", markup=False)
        return True

    return act


def _ask_url(sitting: Session, prompt: str) -> str | None:
    """An evidence link, checked as it is typed: a bad one is said at once and asked for
    again, before the rating and the note (Enter gives up)."""
    while True:
        url = sitting.keys.line(sitting.console, prompt)
        if not url:
            return None
        try:
            return check_url(url)
        except InvalidInput as exc:
            sitting.console.print(
                f"Error: {for_terminal(str(exc))}; type it again", markup=False, style="red"
            )


def _evidence(sitting: Session, shown: triage.ClaimCard) -> bool:
    url = _ask_url(sitting, "evidence URL (Enter cancels): ")
    if not url:
        return False
    stances = {"s": Stance.SUPPORTS, "r": Stance.REFUTES, "c": Stance.CONTEXT}
    answer = sitting.keys.line(sitting.console, "[s]upports, [r]efutes or [c]ontext? ")
    stance = stances.get(answer[:1].lower(), Stance.CONTEXT)
    note = sitting.keys.line(sitting.console, "note (Enter for none): ") or None
    with sitting.db.session(write=True) as s:
        added = review.add_evidence(
            s,
            claim_id=shown.claim.id,
            url=url,
            stance=stance.value,
            note=note,
            reviewer=sitting.who,
        )
    sitting.done["evidence"] += 1
    sitting.console.print(f"evidence #{added.id} added ({added.stance})", markup=False)
    return False


def _edit(sitting: Session, shown: triage.ClaimCard) -> bool:
    claim = shown.claim
    if sitting.keys.terminal:
        # The current text is typed in already: the reviewer edits it where it is wrong.
        text = sitting.keys.line(
            sitting.console, "text (edit it; Enter keeps it): ", prefill=claim.text
        )
    else:
        sitting.console.print(f"now: {for_terminal(claim.text)}", markup=False)
        text = sitting.keys.line(sitting.console, "new text (Enter keeps it): ")
    if not text or text == claim.text:
        return False
    with sitting.db.session(write=True) as s:
        triage.edit_text(s, claim_id=claim.id, text=text, reviewer=sitting.who)
    sitting.done["edited"] += 1
    original = claim.text

    def revert(db: Database) -> None:
        with db.session(write=True) as s:
            triage.edit_text(s, claim_id=claim.id, text=original, reviewer=sitting.who, note="undo")

    sitting.undo.append(Undo(f"edit #{claim.id}", claim.id, revert))
    return False


def _split(sitting: Session, shown: triage.ClaimCard) -> bool:
    claim = shown.claim
    sitting.console.print(f"now: {for_terminal(claim.text)}", markup=False)
    # On a terminal the first part starts as the whole text: cut the tail off.
    first = sitting.keys.line(sitting.console, "first claim (Enter cancels): ", prefill=claim.text)
    if not first:
        return False
    second = sitting.keys.line(sitting.console, "second claim (Enter cancels): ")
    if not second:
        return False
    with sitting.db.session(write=True) as s:
        _, new = triage.split(
            s, claim_id=claim.id, first=first, second=second, reviewer=sitting.who
        )
        new_id = new.id
    sitting.done["split"] += 1
    sitting.console.print(f"claim #{claim.id} split; the second part is #{new_id}", markup=False)
    original = claim.text

    def revert(db: Database) -> None:
        with db.session(write=True) as s:
            triage.edit_text(
                s, claim_id=claim.id, text=original, reviewer=sitting.who, note="undo split"
            )
            review.restore(
                s,
                claim_id=new_id,
                status=Status.DISMISSED.value,
                rating=None,
                reviewer=sitting.who,
                note=f"undo split: back in #{claim.id}",
            )

    sitting.undo.append(Undo(f"split #{claim.id}", claim.id, revert))
    return False


def _undo(sitting: Session) -> int | None:
    if not sitting.undo:
        sitting.console.print(
            "nothing to undo (evidence links stay: add the right one)", markup=False
        )
        return None
    last = sitting.undo.pop()
    last.revert(sitting.db)
    sitting.done["undone"] += 1
    sitting.console.print(f"undone: {last.label}", markup=False)
    return last.claim_id


ACTIONS: dict[str, Callable[[Session, triage.ClaimCard], bool]] = {
    "v": _verdict(Status.VERIFIED),
    "d": _verdict(Status.DISPUTED),
    "u": _verdict(Status.UNVERIFIABLE),
    "x": _verdict(Status.DISMISSED),
    "e": _evidence,
    "t": _edit,
    "s": _split,
}


def _summary(sitting: Session, total: int) -> None:
    done = sitting.done
    parts = [f"{n} {what}" for what, n in done.items() if n]
    sitting.console.print(
        "this session: "
        + (", ".join(parts) if parts else "nothing changed")
        + f" ({total} in the queue)",
        markup=False,
    )
