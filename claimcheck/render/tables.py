"""Tables and panels for people reading in a terminal (rich; honours NO_COLOR)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from claimcheck.render.safe import for_terminal, one_line

if TYPE_CHECKING:  # the results shown: a command loads only the services it runs
    from claimcheck.matching.calibrate import Calibration
    from claimcheck.services.archive import ImportReport
    from claimcheck.services.backup import RestoreReport
    from claimcheck.services.feeds import FeedListing
    from claimcheck.services.ingest import IngestFailure, IngestResult
    from claimcheck.services.lookup import Page
    from claimcheck.services.repeats.explain import Explanation
    from claimcheck.services.repeats.groups import GroupSummary, PairDecision
    from claimcheck.services.repeats.scan import Scan
    from claimcheck.services.repeats.search import SearchHit
    from claimcheck.services.review import EvidenceAdded, StatusChange
    from claimcheck.services.revisions import RevisionDiff
    from claimcheck.services.triage import Assignment
    from claimcheck.services.views import (
        ArticleSummary,
        ArticleView,
        ClaimSummary,
        ClaimView,
        EventView,
        EvidenceView,
        RepeatView,
    )
    from claimcheck.storage.history import HistoryCheck

STATUS_STYLE = {
    "pending": "yellow",
    "verified": "green",
    "disputed": "red",
    "unverifiable": "magenta",
    "dismissed": "dim",
}


def _u(text: str | None) -> Text:
    """Text that came from an article or a reviewer, made safe for the terminal."""
    return Text(for_terminal(text or ""))


def _m(text: str | None) -> str:
    """The same, for a rich markup string."""
    return escape(for_terminal(text or ""))


#: A title in a one-line message or a list is cut to this many characters.
TITLE_CHARS = 80


def _title(title: str | None) -> Text:
    """An article's title for a message or a list: cut, made safe, and never highlighted
    (rich's highlighter takes time quadratic in the length of a long unbroken line)."""
    text = for_terminal(" ".join((title or "(untitled)").split()))
    if len(text) > TITLE_CHARS:
        text = text[: TITLE_CHARS - 1].rstrip() + "…"
    return Text(text)


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else ""


def _status(status: str, rating: str | None = None) -> Text:
    text = Text(status, style=STATUS_STYLE.get(status, ""))
    if rating:
        text.append(f" ({for_terminal(rating)})")
    return text


def _more(console: Console, shown: int, total: int) -> None:
    if total > shown:
        console.print(f"[dim]showing {shown} of {total}; --limit 0 shows all[/dim]")


def ingest_results(console: Console, results: Sequence[IngestResult]) -> None:
    for r in results:
        line = Text(f"{one_line(r.source)}: ")
        if r.already_present:
            line.append(f"already stored as article #{r.article_id} ")
            line.append_text(_title(r.title))
        else:
            found = ""
            if r.previous_id is not None:
                found = (
                    f"; revision {r.revision} of article #{r.previous_id}: "
                    f"`claimcheck articles diff {r.article_id}` shows what changed"
                )
            elif r.linked or r.suggested:
                found = f"; {r.linked} repeat claims of other articles, {r.suggested} possible"
            line.append(f"article #{r.article_id} ")
            line.append_text(_title(r.title))
            line.append(f": {r.sentences} sentences, {r.claims} claims{found}")
        console.print(line, soft_wrap=True)


def ingest_summary(console: Console, results: Sequence[IngestResult]) -> None:
    new = [r for r in results if not r.already_present]
    console.print(
        f"{len(new)} articles stored with {sum(r.claims for r in new)} claims; "
        f"{len(results) - len(new)} were already stored",
        highlight=False,
    )


def error(console: Console, message: str, *, label: str = "Error") -> None:
    """One problem on one line, whatever the terminal's width (or none, in a pipe): every
    control character and line break in it written out, nothing wrapped."""
    console.print(Text(f"{label}: {one_line(message)}"), soft_wrap=True, highlight=False)


def ingest_failures(console: Console, failures: Sequence[IngestFailure]) -> None:
    for f in failures:
        error(console, f.message)


def feed_listing(console: Console, listing: FeedListing) -> None:
    items = f"{listing.listed} item" + ("" if listing.listed == 1 else "s")
    left = f"; {listing.left} more new ones for the next run" if listing.left else ""
    console.print(
        Text(f"{one_line(listing.feed)}: {items}, {listing.new} new{left}"),
        soft_wrap=True,
        highlight=False,
    )


def article_list(console: Console, page: Page[ArticleSummary]) -> None:
    if not page.items:
        console.print("no articles yet; `claimcheck ingest FILE` adds one", highlight=False)
        return
    table = Table("id", "title", "outlet", "lang", "published", "claims", "pending")
    for a in page.items:
        table.add_row(
            str(a.id),
            _title(a.title),
            _u(a.outlet),
            a.language,
            a.published_at.isoformat() if a.published_at else "",
            str(a.claims),
            str(a.pending),
        )
    console.print(table)
    _more(console, len(page.items), page.total)


def article(console: Console, view: ArticleView) -> None:
    head = f"#{view.id} " if view.id is not None else ""
    console.print(Text(head + for_terminal(view.title or "(untitled)"), style="bold"))
    facts = [
        ("author", view.author),
        ("outlet", view.outlet),
        ("dateline", view.dateline),
        ("editor", view.editor),
        ("language", view.language),
        ("url", view.url),
        ("published", view.published_at.isoformat() if view.published_at else None),
        ("photo credit", view.photo_credit),
    ]
    for label, value in facts:
        if value:
            console.print(Text.assemble((f"{label}: ", "dim"), _u(value)))
    claims = sum(len(s.claims) for s in view.sentences)
    console.print(Text(f"{len(view.sentences)} sentences, {claims} claims", style="dim"))
    for sentence in view.sentences:
        console.print()
        console.print(Text.assemble((f"[{sentence.role}] ", "cyan"), _u(sentence.text)))
        for c in sentence.claims:
            marks = []
            if c.speaker:
                marks.append(f"speaker: {for_terminal(c.speaker)}")
            if c.hedged:
                marks.append("hedged")
            line = Text("  ")
            if c.id is not None:
                line.append(f"#{c.id} ", style="bold")
            line.append_text(_status(c.status))
            line.append(f"  {for_terminal(c.text)}")
            if marks:
                line.append(f"  ({'; '.join(marks)})", style="dim")
            console.print(line)


def claim_list(console: Console, page: Page[ClaimSummary]) -> None:
    if not page.items:
        console.print("no claims match", highlight=False)
        return
    table = Table()
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("art", justify="right", no_wrap=True)
    table.add_column("status", max_width=13)  # a rating wraps under its status
    table.add_column("claim", ratio=1, min_width=20)
    table.add_column("speaker", max_width=20)
    table.add_column("ev", justify="right", no_wrap=True)
    table.add_column("prio", justify="right", no_wrap=True)
    for c in page.items:
        claim_cell = _u(c.text)
        if c.hedged:
            claim_cell.append(" (hedged)", style="yellow")
        table.add_row(
            str(c.id),
            str(c.article_id),
            _status(c.status, c.rating),
            claim_cell,
            _u(c.speaker),
            str(c.evidence) if c.evidence else "",
            f"{c.priority:.2f}" if c.priority is not None else "",
        )
    console.print(table)
    _more(console, len(page.items), page.total)


def claim(console: Console, view: ClaimView) -> None:
    console.print(
        Text.assemble(
            (f"claim #{view.id} ", "bold"),
            _status(view.status, view.rating),
            (f"  version {view.version}", "dim"),
        )
    )
    console.print(_u(view.text))
    console.print(
        Text.assemble(("article: ", "dim"), f"#{view.article_id} ", _u(view.article_title))
    )
    console.print(Text.assemble(("sentence: ", "dim"), _u(view.sentence)))
    if view.speaker:
        console.print(Text.assemble(("speaker: ", "dim"), _u(view.speaker)))
    if view.external_id:
        console.print(Text.assemble(("archive id: ", "dim"), _u(view.external_id)))
    if view.hedged:
        console.print(Text("hedged: the article reports this second-hand", style="yellow"))
    if view.priority is not None:
        reasons = ", ".join(view.signals) or "no signal"
        console.print(Text.assemble(("priority: ", "dim"), f"{view.priority:.2f} ({reasons})"))
    if view.reference:
        console.print(
            Text.assemble(
                ("needs context: ", "yellow"),
                f"“{for_terminal(view.reference)}” points to an earlier sentence; "
                f"`claimcheck review` can write the claim out",
            )
        )
    if view.revision_change:
        console.print(
            Text(f"{view.revision_change} in a later revision of the article", style="yellow")
        )
    newer = view.newer_revision
    if newer is not None:
        there = (
            f"; this claim is #{newer.claim_id} there" + (" (reworded)" if newer.reworded else "")
            if newer.claim_id is not None
            else "; it no longer has this claim"
        )
        console.print(
            Text(
                f"superseded: revision {newer.revision} of the article is article "
                f"#{newer.article_id}{there}; verdicts, evidence and assignments go there",
                style="yellow",
            )
        )
    if view.assigned_to:
        console.print(Text.assemble(("assigned to: ", "dim"), _u(view.assigned_to)))
    if view.awaiting_second:
        console.print(Text("awaiting a second reviewer's confirmation", style="yellow"))
    same = [r for r in view.repeats if r.kind in ("confirmed", "linked", "group")]
    for r in same:
        line = Text.assemble(("same claim as ", "cyan"), (f"#{r.claim_id}", "bold"), " ")
        line.append_text(_status(r.status))
        if r.verdict_by and r.verdict_at:
            line.append(f" on {r.verdict_at:%Y-%m-%d} by {for_terminal(r.verdict_by)}")
        line.append(f"  (article #{r.article_id}, {r.kind})", style="dim")
        console.print(line)
    possible = [r for r in view.repeats if r.kind == "suggested"]
    if possible:
        console.print(
            Text(
                f"{len(possible)} possible repeats: `claimcheck dupes --claim {view.id}`",
                style="dim",
            )
        )
    console.print()
    evidence(console, view.evidence)
    console.print()
    history(console, view.history)


def evidence(console: Console, items: Sequence[EvidenceView]) -> None:
    if not items:
        console.print(Text("no evidence yet", style="dim"))
        return
    table = Table(title="evidence")
    for name in ("id", "stance"):
        table.add_column(name, no_wrap=True)
    table.add_column("url", overflow="fold", ratio=2)
    table.add_column("note", ratio=1)
    table.add_column("by")
    table.add_column("when", no_wrap=True)
    for e in items:
        table.add_row(
            str(e.id),
            e.stance,
            _u(e.url),
            _u(e.note),
            _u(e.added_by),
            _when(e.added_at),
        )
    console.print(table)


def history(console: Console, events: Sequence[EventView]) -> None:
    if not events:
        console.print(Text("no history yet", style="dim"))
        return
    table = Table("when", "who", "what", "note", title="history")
    for e in events:
        if e.kind == "status":
            what = Text.assemble(
                _status(e.from_status or ""), " -> ", _status(e.to_status or "", e.rating)
            )
        elif e.kind in ("edit", "split"):
            what = Text.assemble(f"{e.kind}: ", _u(e.from_text), " -> ", _u(e.to_text))
        elif e.kind == "assign":
            what = Text("assignment")
        else:
            what = Text(f"evidence #{e.evidence_id} added")
        table.add_row(_when(e.at), _u(e.actor), what, _u(e.note))
    console.print(table)


def status_change(console: Console, change: StatusChange) -> None:
    for e in change.evidence_added:
        console.print(f"claim #{change.claim.id}: evidence #{e.id} added ({e.stance}) {_m(e.url)}")
    if change.confirmed:
        console.print(
            Text.assemble(
                f"claim #{change.claim.id}: ",
                _status(change.to_status, change.to_rating),
                " confirmed by a second reviewer",
            )
        )
    elif change.changed:
        console.print(
            Text.assemble(
                f"claim #{change.claim.id}: ",
                _status(change.from_status, change.from_rating),
                " -> ",
                _status(change.to_status, change.to_rating),
                " (awaits a second reviewer)" if change.awaiting_second else "",
            )
        )
    else:
        console.print(
            Text.assemble(
                f"claim #{change.claim.id} is already ",
                _status(change.to_status, change.to_rating),
                "; nothing changed",
            )
        )


def status_changes(console: Console, changes: Sequence[StatusChange]) -> None:
    for change in changes:
        status_change(console, change)


def revision_diff(console: Console, d: RevisionDiff) -> None:
    console.print(
        f"article #{d.new_article} (revision {d.new_revision}) against #{d.old_article} "
        f"(revision {d.old_revision}): {len(d.added)} added, {len(d.removed)} removed, "
        f"{len(d.changed)} changed, {d.unchanged} unchanged",
        highlight=False,
    )
    for c in d.added:
        console.print(Text.assemble(("+ added   ", "green"), f"#{c.id} ", _u(c.text)))
    for c in d.removed:
        line = Text.assemble(("- removed ", "red"), f"#{c.id} ", _u(c.text))
        if c.status != "pending":
            line.append(f"  (was {c.status})", style="yellow")
        console.print(line)
    for ch in d.changed:
        console.print(
            Text.assemble(("~ changed ", "yellow"), f"#{ch.before.id} ", _u(ch.before.text))
        )
        console.print(
            Text.assemble(("       to ", "yellow"), f"#{ch.after.id} ", _u(ch.after.text))
        )


def assignments(console: Console, items: Sequence[Assignment]) -> None:
    if not items:
        console.print("nothing changed", highlight=False)
    for a in items:
        to = f"assigned to {_m(a.to_reviewer)}" if a.to_reviewer else "unassigned"
        console.print(f"claim #{a.claim_id}: {to}", highlight=False)


def evidence_added(console: Console, item: EvidenceAdded) -> None:
    if not item.added:
        console.print(
            f"evidence #{item.id} ({item.stance}) {_m(item.url)} is already there; nothing added",
            highlight=False,
        )
        return
    console.print(f"evidence #{item.id} added ({item.stance}) {_m(item.url)}", highlight=False)


def explanation(console: Console, item: Explanation) -> None:
    c = item.comparison
    console.print(Text.assemble((f"#{item.claim_a} ", "bold"), _u(item.text_a)))
    console.print(Text.assemble((f"#{item.claim_b} ", "bold"), _u(item.text_b)))
    console.print(Text.assemble(("normalised: ", "dim"), _u(item.normalized_a)))
    console.print(Text.assemble(("normalised: ", "dim"), _u(item.normalized_b)))
    scores = Table("scorer", "score", title="scores (0-100)")
    scores.add_row("token_set_ratio (the match score)", f"{c.score:.1f}")
    scores.add_row("token_sort_ratio", f"{c.token_sort:.1f}")
    scores.add_row("ratio", f"{c.ratio:.1f}")
    scores.add_row("partial_ratio", f"{c.partial:.1f}")
    console.print(scores)
    guards = Table("guard", "fired", "detail", title="guards")
    for g in c.guards:
        guards.add_row(g.name, Text("FIRED", style="red") if g.fired else "no", _u(g.detail))
    console.print(guards)
    verdict = Text.assemble(("verdict: ", "bold"), c.kind.value)
    if c.blocked_by:
        verdict.append(f" (not linked: {'; '.join(c.blocked_by)})", style="yellow")
    console.print(verdict)


def calibration(console: Console, result: Calibration) -> None:
    table = Table(
        "threshold",
        "precision",
        "recall",
        "link precision",
        "link recall",
        title=f"{result.pairs} labelled pairs, {result.positives} the same claim",
    )
    for r in result.rows:
        if r.threshold % 5 and r.threshold not in (result.suggest, result.link):
            continue  # every fifth row, and the chosen ones; --json has them all
        table.add_row(
            str(r.threshold),
            f"{r.precision:.3f}",
            f"{r.recall:.3f}",
            f"{r.link_precision:.3f}",
            f"{r.link_recall:.3f}",
        )
    console.print(table)
    console.print(
        f"suggested thresholds: suggest at {result.suggest}, link at {result.link}",
        highlight=False,
    )


def repeats(console: Console, items: Sequence[RepeatView]) -> None:
    if not items:
        console.print("no repeats found for this claim", highlight=False)
        return
    table = Table()
    table.add_column("claim", justify="right", no_wrap=True)
    table.add_column("art", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("text", ratio=1, min_width=30)
    table.add_column("why not linked", max_width=30)
    for r in items:
        table.add_row(
            str(r.claim_id),
            str(r.article_id),
            r.kind,
            f"{r.score:.0f}" if r.score is not None else "",
            _status(r.status),
            _u(r.text),
            _u(r.guards),
        )
    console.print(table)


def groups(console: Console, page: Page[GroupSummary]) -> None:
    if not page.items:
        console.print("no groups of repeated claims match", highlight=False)
        return
    table = Table()
    table.add_column("group", justify="right", no_wrap=True)
    table.add_column("claims", justify="right", no_wrap=True)
    table.add_column("articles", justify="right", no_wrap=True)
    table.add_column("statuses", no_wrap=True)
    table.add_column("claim", ratio=1, min_width=20)
    table.add_column("ids")
    for g in page.items:
        statuses = Text(", ").join(
            Text(f"{k} {v}", style=STATUS_STYLE.get(k, "")) for k, v in g.statuses.items()
        )
        table.add_row(
            str(g.group_id),
            str(g.claims),
            str(g.articles),
            statuses,
            _u(g.text),
            " ".join(f"#{i}" for i in g.claim_ids),
        )
    console.print(table)
    _more(console, len(page.items), page.total)


def scan(console: Console, item: Scan) -> None:
    console.print(
        f"{item.claims} claims matched: {item.similar} similar pairs across articles; "
        f"stored {item.suggested} new suggestions and {item.linked} new links, "
        f"{item.grouped} claims joined groups; removed {item.removed} stale suggestions",
        highlight=False,
    )


def decision(console: Console, item: PairDecision) -> None:
    if item.kind == "confirmed":
        console.print(
            f"#{item.claim_a} and #{item.claim_b} are the same claim (group {item.group_id})",
            highlight=False,
        )
    else:
        line = f"#{item.claim_a} and #{item.claim_b} are different claims; never suggested again"
        if item.removed_from_group:
            removed = ", ".join(f"#{c}" for c in item.removed_from_group)
            line += f" ({removed} left the group)"
        console.print(line, highlight=False)


def import_report(console: Console, report: ImportReport) -> None:
    console.print(
        f"{_m(report.source)}: {report.imported} claims imported, "
        f"{report.already_present} already there, {report.skipped_rows} rows skipped",
        highlight=False,
    )


def restore_report(console: Console, report: RestoreReport) -> None:
    console.print(
        f"imported {report.articles} articles, {report.claims} claims, {report.evidence} "
        f"evidence links, {report.events} history events, {report.matches} repeated-claim "
        f"pairs, {report.groups} groups",
        highlight=False,
    )
    if report.merged:
        console.print(
            f"already here, skipped: {report.skipped_articles} articles, "
            f"{report.skipped_matches} pairs; repeats of claims already here: "
            f"{report.linked} linked, {report.suggested} suggested",
            highlight=False,
        )


def search_hits(console: Console, hits: Sequence[SearchHit]) -> None:
    if not hits:
        console.print("no claims match", highlight=False)
        return
    table = Table()
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("claim", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("text", ratio=1, min_width=30)
    table.add_column("article", ratio=1, max_width=50)
    table.add_column("external id", max_width=28)
    for h in hits:
        article = Text(f"#{h.article_id} ").append_text(_title(h.article_title))
        if h.outlet:
            article.append(for_terminal(f" · {h.outlet}"), style="dim")
        table.add_row(
            f"{h.score:.1f}",
            str(h.claim_id),
            _status(h.status),
            _u(h.text),
            article,
            _u(h.external_id),
        )
    console.print(table)


def history_check(console: Console, errors: Console, found: HistoryCheck) -> None:
    for problem in found.problems:
        error(errors, problem, label="Problem")
    if found.intact:
        console.print(
            f"history intact: {found.events:,} events, each chained to the one before it; "
            "every claim's status is its last verdict and every evidence link is recorded",
            highlight=False,
        )
    if found.head:
        console.print(f"head: {found.head}", highlight=False)
