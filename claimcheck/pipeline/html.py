"""HTML pages: the article's text and metadata, via trafilatura, scripts and chrome dropped."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from claimcheck.errors import InvalidInput
from claimcheck.pipeline.dates import parse_date_line
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
    outlet = (doc.get("sitename") or "").strip() or None
    page_url = doc.get("url") or url or None
    title = clean_title(doc.get("title") or "", outlet, page_url) or ""
    text = f"{title}\n\n{body}\n" if title else f"{body}\n"
    hints = Metadata(
        title=title or None,
        author=clean_author(doc.get("author") or "", outlet),
        outlet=outlet,
        published_at=(doc.get("date") or None),
        url=page_url,
    )
    return text, hints


# " | ", " - ", " – ", " — ", " :: ", " · ": what sites put between a headline and their name.
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")
_NUMERIC_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
# What CMSs and scrapers write where there is no byline.
_NO_AUTHOR = frozenset(
    {
        "no author", "unknown", "unknown author", "anonymous", "admin", "administrator",
        "author", "none", "null", "n/a", "na", "-", "guest", "user", "webmaster",
    }
)  # fmt: skip


def _folded(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


def _site_names(outlet: str | None, url: str | None) -> set[str]:
    """The names a page's own site goes by: its name, the name's initials ("Deutsche
    Welle": DW), its host without www. and the domain ending ("dw.com": dw)."""
    names = set()
    if outlet:
        names.add(_folded(outlet))
        words = re.findall(r"[^\W\d_]+", outlet)
        if len(words) > 1:
            names.add("".join(w[0] for w in words).casefold())
    host = urlsplit(url).hostname if url else None
    if host:
        host = host.removeprefix("www.")
        names.add(_folded(host))
        names.add(_folded(host.split(".")[0]))
    return {n for n in names if n}


def _is_date(text: str) -> bool:
    return bool(_NUMERIC_DATE.match(text) or parse_date_line(text))


def clean_title(title: str, outlet: str | None = None, url: str | None = None) -> str | None:
    """A page title without what the site appends to every headline ("... | DW |
    19.01.2020", "... - The Planetary Press"); None for a title that is no headline at all
    (a CMS's name, "escenic", or the site's own name)."""
    title = " ".join(title.split())
    names = _site_names(outlet, url)
    while separators := list(_SEPARATOR.finditer(title)):
        last = separators[-1]
        tail = title[last.end() :]
        # After a pipe, an acronym is the site's ("| DW |") even when the page names itself
        # otherwise; a date or the site's name goes after any separator.
        acronym = last.group().strip() == "|" and re.fullmatch(r"[A-Z0-9]{2,5}", tail)
        if not (_is_date(tail) or _folded(tail) in names or acronym):
            break
        title = title[: last.start()]
    if not title or _folded(title) in names:
        return None
    if " " not in title and title.islower():
        return None  # one lower-case word: a template's name, not a headline
    return title


def clean_author(author: str, outlet: str | None = None) -> str | None:
    """A byline, or None for a placeholder ("No Author") or the outlet's own name."""
    author = " ".join(author.split())
    if not author or author.casefold() in _NO_AUTHOR or re.match(r"^https?://", author):
        return None
    if outlet and _folded(author) == _folded(outlet):
        return None
    return author
