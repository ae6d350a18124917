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

from claimcheck.render.report_words import Words, words
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


def _filters(report: Report, w: Words) -> str:
    f = report.filters
    parts = []
    if f.articles:
        parts.append(f"{w.filter_articles} " + ", ".join(f"#{a}" for a in f.articles))
    if f.statuses:
        parts.append(f"{w.filter_status} " + ", ".join(w.statuses.get(s, s) for s in f.statuses))
    if f.since or f.until:
        parts.append(w.filter_days.format(since=f.since or "...", until=f.until or "..."))
    if f.reviewer:
        parts.append(w.filter_reviewer.format(reviewer=f.reviewer))
    return "; ".join(parts) or w.all_articles


def _verdict(claim: ReportClaim, w: Words) -> str:
    status = w.statuses.get(claim.status, claim.status)
    if not claim.rating:
        return status
    score = f", {claim.rating_score:g}" if claim.rating_score is not None else ""
    return f"{status} ({claim.rating}{score})"


def _meta(article: ReportArticle, w: Words) -> list[str]:
    """An article's line under its title: outlet, author, date, language."""
    parts = (
        article.outlet or "",
        w.by.format(author=article.author) if article.author else "",
        _when(article.published_at),
        w.language.format(language=article.language),
    )
    return [p for p in parts if p]


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


# ---------------------------------------------------------------------------------- Markdown


def _md_link(label: str, url: str | None) -> str:
    target = link_target(url)
    text = markdown_text(label)
    return f"[{text}]({target})" if target else text


def _md_appearance(item: Appearance, w: Words) -> str:
    where = ", ".join(markdown_text(v) for v in (item.outlet or "", _when(item.published_at)) if v)
    title = f"#{item.article_id} " + (item.title or w.untitled)
    text = _md_link(title, item.url)
    suffix = f" ({w.past_check})" if item.kind == "archive" else ""
    found = w.in_claim.format(id=item.claim_id)
    return f"{text} ({found}{', ' + where if where else ''}){suffix}"


def markdown(report: Report) -> str:
    s = report.summary
    w = words(report.language)
    statuses = [w.statuses[name] for name in STATUSES]
    generated = w.generated.format(
        when=_when(report.generated_at), filters=markdown_text(_filters(report, w))
    )
    lines = [
        f"# {w.title}",
        "",
        generated,
        "",
        f"## {w.summary}",
        "",
        _totals(report, w),
        "",
        f"| {w.status} | {w.claims_heading} |",
        "|---|---:|",
        *[f"| {w.statuses[name]} | {s.by_status.get(name, 0)} |" for name in STATUSES],
        f"| **{w.total}** | **{s.claims}** |",
        "",
    ]
    if s.by_rating:
        lines += [f"| {w.rating} | {w.claims_heading} |", "|---|---:|"]
        lines += [f"| {markdown_text(name)} | {n} |" for name, n in s.by_rating.items()]
        lines.append("")
    if report.articles:
        lines += [
            f"| {w.article_heading} | {w.claims_heading} | " + " | ".join(statuses) + " |",
            "|---|---:|" + "---:|" * len(STATUSES),
        ]
        for a in report.articles:
            counts = " | ".join(str(a.by_status.get(name, 0)) for name in STATUSES)
            title = markdown_text(f"#{a.id} {a.title or w.untitled}")
            lines.append(f"| {title} | {len(a.claims)} | {counts} |")
        lines.append("")
    else:
        lines += [w.no_claims, ""]
    for article in report.articles:
        lines += _md_article(article, w)
    return "\n".join(lines).rstrip("\n") + "\n"


def _totals(report: Report, w: Words) -> str:
    s = report.summary
    return w.totals.format(
        claims=w.count(s.claims, w.claim),
        articles=w.count(s.articles, w.article),
        reviewed=s.reviewed,
        pending=s.pending,
    )


def _md_article(article: ReportArticle, w: Words) -> list[str]:
    meta = [markdown_text(v) for v in _meta(article, w)]
    lines = [f"## #{article.id} {markdown_text(article.title or w.untitled)}", ""]
    lines.append(" · ".join(meta))
    if link_target(article.url):
        lines.append("")
        lines.append(_md_link(article.url or "", article.url))
    lines.append("")
    for claim in article.claims:
        lines += _md_claim(claim, w)
    return lines


def _md_claim(claim: ReportClaim, w: Words) -> list[str]:
    lines = [
        f"### {w.claim_heading.format(id=claim.id)}: {markdown_text(_verdict(claim, w))}",
        "",
        f"> {markdown_text(claim.text)}",
        "",
    ]
    if claim.speaker:
        lines.append(f"- {w.speaker}: {markdown_text(claim.speaker)}")
    if claim.hedged:
        lines.append(f"- {w.hedged}")
    if claim.reviewed_by:
        note = f": {markdown_text(claim.verdict_note)}" if claim.verdict_note else ""
        who = markdown_text(claim.reviewed_by)
        lines.append(f"- {w.reviewed_by.format(who=who, when=_when(claim.reviewed_at))}{note}")
    else:
        lines.append(f"- {w.not_reviewed}")
    if claim.evidence:
        lines.append(f"- {w.evidence}:")
        for e in claim.evidence:
            note = f": {markdown_text(e.note)}" if e.note else ""
            link = _md_link(_host(e.url), e.url)
            who = markdown_text(e.added_by)
            stance = w.stances.get(e.stance, e.stance)
            lines.append(f"  - {stance} {link}{note} ({who}, {_when(e.added_at)})")
    if claim.also_in:
        lines.append(f"- {w.also_in}:")
        lines += [f"  - {_md_appearance(item, w)}" for item in claim.also_in]
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


def _chart(by_status: dict[str, int], w: Words) -> str:
    """Horizontal bars of the status counts, as inline SVG (no script, no request)."""
    total = max(by_status.values(), default=0) or 1
    row, bar_w = 28, 300
    # Room for the longest status name ("tak dapat diverifikasi"), about 7 px a letter.
    label_w = max(110, 16 + 7 * max(len(w.statuses[name]) for name in STATUSES))
    height = row * len(STATUSES) + 8
    parts = [
        f'<svg role="img" aria-label="{_h(w.chart)}" viewBox="0 0 {label_w + bar_w + 60} '
        f'{height}" width="{label_w + bar_w + 60}" height="{height}">'
    ]
    for i, name in enumerate(STATUSES):
        count = by_status.get(name, 0)
        y = 4 + i * row
        width = round(bar_w * count / total)
        label = _h(w.statuses[name])
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 18}" text-anchor="end" font-size="13">{label}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{width}" height="18" rx="3" '
            f'fill="{STATUS_COLOURS[name]}"><title>{label}: {count}</title></rect>'
            f'<text x="{label_w + width + 6}" y="{y + 18}" font-size="14">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def html(report: Report) -> str:
    s = report.summary
    w = words(report.language)
    generated = w.generated.format(
        when=_h(_when(report.generated_at)), filters=_h(_filters(report, w))
    )
    body = [
        f"<h1>{_h(w.title)}</h1>",
        f'<p class="meta">{generated}</p>',
        f"<h2>{_h(w.summary)}</h2>",
        f"<p>{_h(_totals(report, w))}</p>",
        _chart(s.by_status, w),
    ]
    if s.by_rating:
        rows = "".join(
            f'<tr><td>{_h(name)}</td><td class="n">{n}</td></tr>' for name, n in s.by_rating.items()
        )
        body.append(
            f'<table class="compact"><thead><tr><th>{_h(w.rating)}</th>'
            f'<th class="n">{_h(w.claims_heading)}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    if report.articles:
        rows = "".join(
            f"<tr><td>{_h(f'#{a.id} ' + (a.title or w.untitled))}</td>"
            f'<td class="n">{len(a.claims)}</td><td class="n">{_reviewed(a)}</td>'
            f'<td class="n">{a.by_status.get("pending", 0)}</td></tr>'
            for a in report.articles
        )
        body.append(
            f"<table><thead><tr><th>{_h(w.article_heading)}</th>"
            f'<th class="n">{_h(w.claims_heading)}</th>'
            f'<th class="n">{_h(w.reviewed)}</th><th class="n">{_h(w.pending)}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    else:
        body.append(f"<p>{_h(w.no_claims)}</p>")
    for article in report.articles:
        body += _html_article(article, w)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{w.lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # Nothing may be fetched: the page is one file, whoever opens it and wherever.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{_h(w.title)}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _reviewed(article: ReportArticle) -> int:
    return len(article.claims) - article.by_status.get("pending", 0)


def _html_article(article: ReportArticle, w: Words) -> list[str]:
    meta = " · ".join(_h(v) for v in _meta(article, w))
    lang = _h(article.language)
    parts = [
        f'<section lang="{lang}"><h2>#{article.id} {_h(article.title or w.untitled)}</h2>',
        f'<p class="meta">{meta}</p>',
    ]
    if link_target(article.url):
        parts.append(f'<p class="meta">{_a(article.url or "", article.url)}</p>')
    parts += [_html_claim(c, w) for c in article.claims]
    parts.append("</section>")
    return parts


def _html_claim(claim: ReportClaim, w: Words) -> str:
    items = []
    if claim.speaker:
        items.append(f"<li>{_h(w.speaker)}: {_h(claim.speaker)}</li>")
    if claim.hedged:
        items.append(f"<li>{_h(w.hedged)}</li>")
    if claim.reviewed_by:
        note = f": {_h(claim.verdict_note)}" if claim.verdict_note else ""
        who = w.reviewed_by.format(who=_h(claim.reviewed_by), when=_h(_when(claim.reviewed_at)))
        items.append(f"<li>{who}{note}</li>")
    else:
        items.append(f'<li class="muted">{_h(w.not_reviewed)}</li>')
    if claim.evidence:
        links = "".join(
            f"<li>{_h(w.stances.get(e.stance, e.stance))} {_a(_host(e.url), e.url)}"
            + (f": {_h(e.note)}" if e.note else "")
            + f' <span class="muted">({_h(e.added_by)}, {_h(_when(e.added_at))})</span></li>'
            for e in claim.evidence
        )
        items.append(f"<li>{_h(w.evidence)}:<ul>{links}</ul></li>")
    if claim.also_in:
        found = "".join(f"<li>{_html_appearance(a, w)}</li>" for a in claim.also_in)
        items.append(f"<li>{_h(w.also_in)}:<ul>{found}</ul></li>")
    colour = STATUS_COLOURS.get(claim.status, "#6b7280")
    return (
        f'<article class="claim" id="claim-{claim.id}" style="--status: {colour}">'
        f"<h3>{_h(w.claim_heading.format(id=claim.id))} "
        f'<span class="badge">{_h(_verdict(claim, w))}</span></h3>'
        f"<blockquote>{_h(claim.text)}</blockquote><ul>{''.join(items)}</ul></article>"
    )


def _html_appearance(item: Appearance, w: Words) -> str:
    title = _a(f"#{item.article_id} " + (item.title or w.untitled), item.url)
    where = ", ".join(_h(v) for v in (item.outlet or "", _when(item.published_at)) if v)
    suffix = f" ({_h(w.past_check)})" if item.kind == "archive" else ""
    found = _h(w.in_claim.format(id=item.claim_id))
    return f"{title} ({found}{', ' + where if where else ''}){suffix}"


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
