"""One claim as the `review` queue shows it: context first, then what is known about it."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from claimcheck.render.safe import for_terminal
from claimcheck.render.tables import STATUS_STYLE
from claimcheck.services.triage import ClaimCard


def _t(text: str | None) -> str:
    return for_terminal(text or "")


def show(console: Console, card: ClaimCard, number: int, total: int) -> None:
    claim = card.claim
    console.print()
    head = Text.assemble((f"{number} of {total}", "bold"), f"  claim #{claim.id}  ")
    head.append(claim.status, style=STATUS_STYLE.get(claim.status, ""))
    if claim.rating:
        head.append(f" ({_t(claim.rating)})")
    if claim.priority is not None:
        head.append(f"  priority {claim.priority:.2f}", style="dim")
    console.print(head)
    where = ", ".join(
        v
        for v in (_t(card.outlet), card.published_at.isoformat() if card.published_at else "")
        if v
    )
    console.print(
        Text.assemble(
            ("article: ", "dim"),
            f"#{claim.article_id} {_t(claim.article_title)}",
            f" ({where})" if where else "",
        )
    )
    if card.before:
        console.print(Text(f"  {_t(card.before)}", style="dim"))
    start, end = card.span
    sentence = claim.sentence
    line = Text("> ")
    line.append(_t(sentence[:start]))
    # Marked with brackets as well as style, so the claim stands out without colour too.
    line.append("[" + _t(sentence[start:end]) + "]", style="bold reverse")
    line.append(_t(sentence[end:]))
    console.print(line)
    if card.after:
        console.print(Text(f"  {_t(card.after)}", style="dim"))
    console.print(Text.assemble(("claim: ", "bold"), _t(claim.text)))
    facts = []
    if claim.speaker:
        facts.append(f"speaker: {_t(claim.speaker)}")
    if claim.hedged:
        facts.append("hedged (reported second-hand)")
    if claim.signals:
        facts.append("signals: " + ", ".join(claim.signals))
    if claim.reference:
        facts.append(f"needs context: {_t(claim.reference)!r} points to an earlier sentence")
    if claim.assigned_to:
        facts.append(f"assigned to {_t(claim.assigned_to)}")
    if claim.awaiting_second:
        facts.append("awaits a second reviewer")
    if facts:
        console.print(Text("; ".join(facts), style="dim"))
    for e in claim.evidence:
        note = f" - {_t(e.note)}" if e.note else ""
        console.print(f"  evidence #{e.id} {e.stance}: {_t(e.url)}{note}", markup=False)
    for r in claim.repeats:
        if r.kind == "rejected":
            continue
        verdict = r.status + (f" by {_t(r.verdict_by)}" if r.verdict_by else "")
        score = f" {r.score:.0f}" if r.score is not None else ""
        console.print(f"  {r.kind}{score}: #{r.claim_id} {verdict}: {_t(r.text)}", markup=False)
