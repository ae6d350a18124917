"""A verification report as Markdown, one self-contained HTML page, or CSV.

Everything that came from an article or a reviewer goes through one escaping function per
format (``markdown_text``, ``html.escape``, ``csv_cell``), and links only ever point at
http(s) URLs (``link_target``).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date, datetime
from html import escape
from urllib.parse import urlsplit

from claimcheck.render.safe import csv_cell, csv_writer, for_terminal, link_target, markdown_text
from claimcheck.services.report import Appearance, Report, ReportArticle, ReportClaim
from claimcheck.storage import Status

STATUSES = [s.value for s in Status]
STATUS_COLOURS = {
    "pending": "#6b7280",
    "verified": "#15803d",
    "disputed": "#b91c1c",
    "unverifiable": "#b45309",
    "dismissed": "#475569",
}


def _when(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M} UTC"
    return value.isoformat()


def _filters(report: Report) -> str:
    f = report.filters
    parts = []
    if f.articles:
        parts.append("articles " + ", ".join(f"#{a}" for a in f.articles))
    if f.statuses:
        parts.append("status " + ", ".join(f.statuses))
    if f.since or f.until:
        parts.append(f"ingested or reviewed {f.since or '...'} to {f.until or '...'}")
    if f.reviewer:
        parts.append(f"verdicts by {f.reviewer}")
    return "; ".join(parts) or "all news articles"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _verdict(claim: ReportClaim) -> str:
    if not claim.rating:
        return claim.status
    score = f", {claim.rating_score:g}" if claim.rating_score is not None else ""
    return f"{claim.status} ({claim.rating}{score})"


def _meta(article: ReportArticle) -> list[str]:
    """An article's line under its title: outlet, author, date, language."""
    parts = (
        article.outlet or "",
        f"by {article.author}" if article.author else "",
        _when(article.published_at),
        f"language {article.language}",
    )
    return [p for p in parts if p]


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


# ---------------------------------------------------------------------------------- Markdown


def _md_link(label: str, url: str | None) -> str:
    target = link_target(url)
    text = markdown_text(label)
    return f"[{text}]({target})" if target else text


def _md_appearance(item: Appearance) -> str:
    where = ", ".join(markdown_text(v) for v in (item.outlet or "", _when(item.published_at)) if v)
    title = f"#{item.article_id} " + (item.title or "(untitled)")
    text = _md_link(title, item.url)
    suffix = " (past fact-check)" if item.kind == "archive" else ""
    return f"{text} (claim #{item.claim_id}{', ' + where if where else ''}){suffix}"


def markdown(report: Report) -> str:
    s = report.summary
    lines = [
        "# Verification report",
        "",
        f"Generated {_when(report.generated_at)}. Showing {markdown_text(_filters(report))}.",
        "",
        "## Summary",
        "",
        f"{_count(s.claims, 'claim')} in {_count(s.articles, 'article')}: "
        f"{s.reviewed} reviewed, {s.pending} pending.",
        "",
        "| status | claims |",
        "|---|---:|",
        *[f"| {name} | {s.by_status.get(name, 0)} |" for name in STATUSES],
        f"| **total** | **{s.claims}** |",
        "",
    ]
    if s.by_rating:
        lines += ["| rating | claims |", "|---|---:|"]
        lines += [f"| {markdown_text(name)} | {n} |" for name, n in s.by_rating.items()]
        lines.append("")
    if report.articles:
        lines += [
            "| article | claims | " + " | ".join(STATUSES) + " |",
            "|---|---:|" + "---:|" * len(STATUSES),
        ]
        for a in report.articles:
            counts = " | ".join(str(a.by_status.get(name, 0)) for name in STATUSES)
            title = markdown_text(f"#{a.id} {a.title or '(untitled)'}")
            lines.append(f"| {title} | {len(a.claims)} | {counts} |")
        lines.append("")
    else:
        lines += ["No claims match these filters.", ""]
    for article in report.articles:
        lines += _md_article(article)
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_article(article: ReportArticle) -> list[str]:
    meta = [markdown_text(v) for v in _meta(article)]
    lines = [f"## #{article.id} {markdown_text(article.title or '(untitled)')}", ""]
    lines.append(" · ".join(meta))
    if link_target(article.url):
        lines.append("")
        lines.append(_md_link(article.url or "", article.url))
    lines.append("")
    for claim in article.claims:
        lines += _md_claim(claim)
    return lines


def _md_claim(claim: ReportClaim) -> list[str]:
    lines = [
        f"### Claim #{claim.id}: {markdown_text(_verdict(claim))}",
        "",
        f"> {markdown_text(claim.text)}",
        "",
    ]
    if claim.speaker:
        lines.append(f"- Speaker: {markdown_text(claim.speaker)}")
    if claim.hedged:
        lines.append("- Hedged: the article reports it second-hand")
    if claim.reviewed_by:
        note = f": {markdown_text(claim.verdict_note)}" if claim.verdict_note else ""
        who = markdown_text(claim.reviewed_by)
        lines.append(f"- Reviewed by {who}, {_when(claim.reviewed_at)}{note}")
    else:
        lines.append("- Not reviewed yet")
    if claim.evidence:
        lines.append("- Evidence:")
        for e in claim.evidence:
            note = f": {markdown_text(e.note)}" if e.note else ""
            link = _md_link(_host(e.url), e.url)
            who = markdown_text(e.added_by)
            lines.append(f"  - {e.stance} {link}{note} ({who}, {_when(e.added_at)})")
    if claim.also_in:
        lines.append("- Also in:")
        lines += [f"  - {_md_appearance(item)}" for item in claim.also_in]
    lines.append("")
    return lines


# -------------------------------------------------------------------------------------- HTML

CSS = """
:root { color-scheme: light; --ink: #111827; --muted: #6b7280; --line: #e5e7eb; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); margin: 0 auto; padding: 1rem; max-width: 56rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .25rem; border-top: 2px solid var(--ink);
     padding-top: .75rem; }
.meta, .muted { color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; font-size: .95rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left;
         vertical-align: top; }
table.compact { width: auto; min-width: 16rem; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; }
svg { max-width: 100%; height: auto; display: block; margin: .5rem 0 1rem; }
.claim { border: 1px solid var(--line); border-left: 6px solid var(--status);
         border-radius: 6px; padding: .75rem 1rem; margin: .9rem 0; }
.claim h3 { font-size: 1rem; margin: 0 0 .35rem; }
.claim blockquote { margin: .25rem 0 .5rem; font-size: 1.05rem; overflow-wrap: anywhere; }
.badge { display: inline-block; border-radius: 999px; padding: 0 .6rem; color: #fff;
         background: var(--status); font-size: .85rem; font-weight: 600; }
.claim ul { margin: .25rem 0; padding-left: 1.25rem; }
a { color: #1d4ed8; overflow-wrap: anywhere; }
@media (max-width: 30rem) { body { padding: .75rem; } th, td { padding: .3rem .3rem;
  font-size: .85rem; } }
@media print { .claim { break-inside: avoid; } }
"""


def _h(text: str | None) -> str:
    return escape(for_terminal(text or ""), quote=True)


def _a(label: str, url: str | None) -> str:
    target = link_target(url)
    if target is None:
        return _h(label)
    return f'<a href="{_h(target)}" rel="noopener noreferrer">{_h(label)}</a>'


def _chart(by_status: dict[str, int]) -> str:
    """Horizontal bars of the status counts, as inline SVG (no script, no request)."""
    total = max(by_status.values(), default=0) or 1
    row, label_w, bar_w = 28, 110, 300
    height = row * len(STATUSES) + 8
    parts = [
        f'<svg role="img" aria-label="claims by status" viewBox="0 0 {label_w + bar_w + 60} '
        f'{height}" width="{label_w + bar_w + 60}" height="{height}">'
    ]
    for i, name in enumerate(STATUSES):
        count = by_status.get(name, 0)
        y = 4 + i * row
        width = round(bar_w * count / total)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 18}" text-anchor="end" font-size="14">{name}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{width}" height="18" rx="3" '
            f'fill="{STATUS_COLOURS[name]}"><title>{name}: {count}</title></rect>'
            f'<text x="{label_w + width + 6}" y="{y + 18}" font-size="14">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def html(report: Report) -> str:
    s = report.summary
    body = [
        "<h1>Verification report</h1>",
        f'<p class="meta">Generated {_h(_when(report.generated_at))}. '
        f"Showing {_h(_filters(report))}.</p>",
        "<h2>Summary</h2>",
        f"<p>{_count(s.claims, 'claim')} in {_count(s.articles, 'article')}: "
        f"<strong>{s.reviewed}</strong> reviewed, <strong>{s.pending}</strong> pending.</p>",
        _chart(s.by_status),
    ]
    if s.by_rating:
        rows = "".join(
            f'<tr><td>{_h(name)}</td><td class="n">{n}</td></tr>' for name, n in s.by_rating.items()
        )
        body.append(
            '<table class="compact"><thead><tr><th>rating</th><th class="n">claims</th></tr>'
            "</thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    if report.articles:
        rows = "".join(
            f"<tr><td>{_h(f'#{a.id} ' + (a.title or '(untitled)'))}</td>"
            f'<td class="n">{len(a.claims)}</td><td class="n">{_reviewed(a)}</td>'
            f'<td class="n">{a.by_status.get("pending", 0)}</td></tr>'
            for a in report.articles
        )
        body.append(
            '<table><thead><tr><th>article</th><th class="n">claims</th>'
            '<th class="n">reviewed</th><th class="n">pending</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    else:
        body.append("<p>No claims match these filters.</p>")
    for article in report.articles:
        body += _html_article(article)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # Nothing may be fetched: the page is one file, whoever opens it and wherever.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">\n"
        "<title>Verification report</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _reviewed(article: ReportArticle) -> int:
    return len(article.claims) - article.by_status.get("pending", 0)


def _html_article(article: ReportArticle) -> list[str]:
    meta = " · ".join(_h(v) for v in _meta(article))
    lang = _h(article.language)
    parts = [
        f'<section lang="{lang}"><h2>#{article.id} {_h(article.title or "(untitled)")}</h2>',
        f'<p class="meta">{meta}</p>',
    ]
    if link_target(article.url):
        parts.append(f'<p class="meta">{_a(article.url or "", article.url)}</p>')
    parts += [_html_claim(c) for c in article.claims]
    parts.append("</section>")
    return parts


def _html_claim(claim: ReportClaim) -> str:
    items = []
    if claim.speaker:
        items.append(f"<li>Speaker: {_h(claim.speaker)}</li>")
    if claim.hedged:
        items.append("<li>Hedged: the article reports it second-hand</li>")
    if claim.reviewed_by:
        note = f": {_h(claim.verdict_note)}" if claim.verdict_note else ""
        items.append(
            f"<li>Reviewed by {_h(claim.reviewed_by)}, {_h(_when(claim.reviewed_at))}{note}</li>"
        )
    else:
        items.append('<li class="muted">Not reviewed yet</li>')
    if claim.evidence:
        links = "".join(
            f"<li>{_h(e.stance)} {_a(_host(e.url), e.url)}"
            + (f": {_h(e.note)}" if e.note else "")
            + f' <span class="muted">({_h(e.added_by)}, {_h(_when(e.added_at))})</span></li>'
            for e in claim.evidence
        )
        items.append(f"<li>Evidence:<ul>{links}</ul></li>")
    if claim.also_in:
        found = "".join(f"<li>{_html_appearance(a)}</li>" for a in claim.also_in)
        items.append(f"<li>Also in:<ul>{found}</ul></li>")
    colour = STATUS_COLOURS.get(claim.status, "#6b7280")
    return (
        f'<article class="claim" id="claim-{claim.id}" style="--status: {colour}">'
        f'<h3>Claim #{claim.id} <span class="badge">{_h(_verdict(claim))}</span></h3>'
        f"<blockquote>{_h(claim.text)}</blockquote><ul>{''.join(items)}</ul></article>"
    )


def _html_appearance(item: Appearance) -> str:
    title = _a(f"#{item.article_id} " + (item.title or "(untitled)"), item.url)
    where = ", ".join(_h(v) for v in (item.outlet or "", _when(item.published_at)) if v)
    suffix = " (past fact-check)" if item.kind == "archive" else ""
    return f"{title} (claim #{item.claim_id}{', ' + where if where else ''}){suffix}"


# --------------------------------------------------------------------------------------- CSV

CSV_COLUMNS = (
    "article_id",
    "article_title",
    "outlet",
    "published_at",
    "article_url",
    "claim_id",
    "text",
    "speaker",
    "hedged",
    "status",
    "rating",
    "rating_score",
    "reviewed_by",
    "reviewed_at",
    "verdict_note",
    "evidence",
    "also_in",
)


def csv_text(report: Report) -> str:
    """One row per claim; evidence links and other appearances joined with newlines."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for article in report.articles:
        for c in article.claims:
            writer.writerow(_cells(article, c))
    return buffer.getvalue()


def _cells(article: ReportArticle, c: ReportClaim) -> Iterable[object]:
    evidence = "\n".join(
        f"{e.stance} {e.url}" + (f" ({e.note})" if e.note else "") for e in c.evidence
    )
    also = "\n".join(f"#{a.article_id} claim #{a.claim_id} {a.url or ''}" for a in c.also_in)
    return [
        article.id,
        csv_cell(article.title or ""),
        csv_cell(article.outlet or ""),
        _when(article.published_at),
        csv_cell(article.url or ""),
        c.id,
        csv_cell(c.text),
        csv_cell(c.speaker or ""),
        "yes" if c.hedged else "no",
        c.status,
        csv_cell(c.rating or ""),
        "" if c.rating_score is None else f"{c.rating_score:g}",
        csv_cell(c.reviewed_by or ""),
        c.reviewed_at.isoformat() if c.reviewed_at else "",
        csv_cell(c.verdict_note or ""),
        csv_cell(evidence),
        csv_cell(also.strip()),
    ]
