"""HTML pages: the article's text and metadata, via trafilatura, scripts and chrome dropped."""

from __future__ import annotations

import re

from claimcheck.errors import InvalidInput
from claimcheck.pipeline.model import Metadata

_HTML_START = re.compile(
    r"^\s*(?:<!doctype\s+html|<html|<head|<body|<article|<div|<p[\s>])", re.IGNORECASE
)


# A news page's article text is rarely under 1% of its HTML (the 16 real pages in
# tests/data/pages: 1.4% to 10%); a page whose text is far below that yielded a caption or a
# teaser, not the article (a page built by JavaScript, a paywall, a gallery).
THIN_SHARE = 0.005
THIN_MIN_PAGE = 20_000  # characters; a small page may hold a short text


def looks_like_html(raw: str) -> bool:
    return bool(_HTML_START.match(raw[:2000]))


def thin_extraction(raw: str, text: str) -> bool:
    """Whether an HTML page gave much less text than a page of its size holds."""
    return len(raw) >= THIN_MIN_PAGE and len(text.strip()) < THIN_SHARE * len(raw)


def extract_html(raw: str, url: str | None = None) -> tuple[str, Metadata]:
    """The article's title and paragraphs as text, one per line, and the page's metadata."""
    import trafilatura

    result = trafilatura.bare_extraction(
        raw,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if result is None:
        raise InvalidInput("no article text found in the HTML page")
    doc = result if isinstance(result, dict) else result.as_dict()
    body = (doc.get("text") or "").strip()
    if not body:
        raise InvalidInput("no article text found in the HTML page")
    title = (doc.get("title") or "").strip()
    text = f"{title}\n\n{body}\n" if title else f"{body}\n"
    hints = Metadata(
        title=title or None,
        author=(doc.get("author") or None),
        outlet=(doc.get("sitename") or None),
        published_at=(doc.get("date") or None),
        url=(doc.get("url") or url or None),
    )
    return text, hints
