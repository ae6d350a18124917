"""Text clean-up shared by the pipeline stages: one normal form, content hashes, lines."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\t\u3000"), " ")


def normalize_text(raw: str) -> str:
    """The article text claimcheck stores and indexes: Unix newlines, plain spaces,
    no zero-width or control characters. Offsets of sentences point into this text."""
    if raw.isprintable():  # no line breaks, tabs, odd spaces, control or format characters
        return raw
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_ZERO_WIDTH).translate(_SPACES)
    return "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf"))


def content_hash(text: str) -> str:
    """A hash that is equal for the same article text whatever its whitespace."""
    folded = " ".join(normalize_text(text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Line:
    """A non-empty line of text, stripped, with its offsets."""

    start: int
    end: int
    text: str


def lines_of(text: str) -> list[Line]:
    out: list[Line] = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        out.append(Line(start, start + len(stripped), stripped))
    return out


def word_count(text: str) -> int:
    return len(text.split())


def ends_sentence(text: str) -> bool:
    """Whether a line ends like a sentence (period, question mark, closing quote...)."""
    return bool(re.search(r"[.!?:;…][\"'”’)]*$|[\"”’]$", text.rstrip()))
