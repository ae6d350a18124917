"""Making article and reviewer text harmless in each output format."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

# Bidirectional overrides and isolates can make a terminal line read differently from its
# bytes ("Trojan Source"); ordinary right-to-left text is left alone.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def for_terminal(text: str) -> str:
    """Control characters (escape sequences that could rewrite the screen, bells, bidi
    overrides) written out as visible ``\\x1b``-style escapes; everything else unchanged."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch == "\n" or (unicodedata.category(ch) != "Cc" and ch not in _BIDI_CONTROLS):
            out.append(ch)
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)


def csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (``=HYPERLINK(...)``)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


# Characters that carry meaning in Markdown wherever they appear (emphasis, code, links,
# HTML, tables, entities, strike-through). Escaping them all keeps text as text.
_MARKDOWN_SPECIAL = frozenset("\\`*_[]<>|&~")
# What may stay as it is inside a link target; everything else is percent-encoded, so a
# target cannot close the link or open HTML.
_URL_SAFE = ":/?#@!$&'*+,;=%~-._"


def markdown_text(text: str) -> str:
    """Text that Markdown shows exactly as written, on one line."""
    flat = " ".join(for_terminal(text).split())
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in flat)


def link_target(url: str | None) -> str | None:
    """A URL fit for a link in a report: http(s) only (never ``javascript:``), with the
    characters that could break out of the link encoded; None for anything else."""
    if not url:
        return None
    url = url.strip()
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https"):
        return None
    return quote(url, safe=_URL_SAFE)
