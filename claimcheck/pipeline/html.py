"""HTML pages: the article's text and metadata, via trafilatura, scripts and chrome dropped."""

from __future__ import annotations

import re

from claimcheck.errors import InvalidInput
from claimcheck.pipeline.model import Metadata

_HTML_START = re.compile(
    r"^\s*(?:<!doctype\s+html|<html|<head|<body|<article|<div|<p[\s>])", re.IGNORECASE
)


def looks_like_html(raw: str) -> bool:
    return bool(_HTML_START.match(raw[:2000]))


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
