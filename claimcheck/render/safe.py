"""Making article and reviewer text harmless in each output format."""

from __future__ import annotations

import csv
import re
import unicodedata
from typing import Any, TextIO
from urllib.parse import quote

from claimcheck.services.urls import url_problem

# Bidirectional overrides and isolates can make a terminal line read differently from its
# bytes ("Trojan Source"); ordinary right-to-left text is left alone.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Where a spreadsheet would start a formula: the cell's start or a line's, before one of
# = + - @ or a tab or CR (which some spreadsheets skip before reading a formula).
_FORMULA_AT_LINE_START = re.compile(r"(?:^|(?<=[\r\n]))(?=[=+\-@\t\r])")


def for_terminal(text: str) -> str:
    """Control characters (escape sequences that could rewrite the screen, bells, bidi
    overrides) written out as visible ``\\x1b``-style escapes; everything else unchanged."""
    return _visible(text, keep_newlines=True)


def one_line(text: str) -> str:
    """The same, with line breaks written out too (``\\n``): a message that stays one line
    whatever it quotes (a file name, a URL, a reviewer's note)."""
    return _visible(text, keep_newlines=False)


def _visible(text: str, *, keep_newlines: bool) -> str:
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if (ch == "\n" and keep_newlines) or (
            ch != "\n"
            and unicodedata.category(ch) not in ("Cc", "Zl", "Zp")
            and ch not in BIDI_CONTROLS
        ):
            out.append(ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)


def csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (``=HYPERLINK(...)``):
    its start and the start of every line in it, since a reader that splits rows on a bare
    CR or LF sees each line as the start of a row."""
    return _FORMULA_AT_LINE_START.sub("'", text)


def csv_writer(buffer: TextIO) -> Any:
    """The one CSV dialect of every export: RFC 4180's CRLF between rows, so the csv module
    quotes every cell holding a CR or an LF (with LF alone it leaves a bare CR unquoted)."""
    return csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)


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
    """A stored URL fit for a link in a report: one the URL rule accepts (http(s) only,
    never ``javascript:``), percent-encoded besides; None for anything else."""
    if not url or url_problem(url.strip()) is not None:
        return None
    return quote(url.strip(), safe=_URL_SAFE)
