"""Making article and reviewer text harmless in each output format."""

from __future__ import annotations

import unicodedata

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
