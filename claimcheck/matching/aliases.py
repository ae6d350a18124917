"""Aliases: short names an article defines ("Korea Utara (Korut)") plus a small built-in list."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

# Names that newsrooms abbreviate without defining them every time.
BUILTIN_ALIASES: Mapping[str, str] = {
    "Korut": "Korea Utara",
    "Korsel": "Korea Selatan",
    "AS": "Amerika Serikat",
    "RI": "Indonesia",
    "NKRI": "Indonesia",
    "Jabar": "Jawa Barat",
    "Jateng": "Jawa Tengah",
    "Jatim": "Jawa Timur",
    "Sumut": "Sumatera Utara",
    "Kaltim": "Kalimantan Timur",
    "Sulsel": "Sulawesi Selatan",
    "PBB": "Perserikatan Bangsa-Bangsa",
    "UN": "United Nations",
    "U.S.": "United States",
    "US": "United States",
    "USA": "United States",
    "UK": "United Kingdom",
    "DPRK": "North Korea",
    "WHO": "World Health Organization",
}

# A name's words start at a word's start and are at most 40 characters long: unbounded
# words made the search quadratic in the length of a long unbroken token (a URL, base64).
_DEFINITION = re.compile(
    r"(?<![\w'-])(?P<long>[A-Z][\w'-]{0,40}(?:\s+(?:[A-Z][\w'-]{0,40}|of|dan|and|de|the)){0,6})"
    r"\s*\(\s*(?P<short>[A-Z][A-Za-z.&-]{1,11})\s*\)"
)


def learn_aliases(text: str) -> dict[str, str]:
    """Aliases an article defines by writing a name with its short form in parentheses.

    The short form must be spelled from the long name's letters in order, starting with its
    first letter ("Korut" from "Korea Utara", "AS" from "Amerika Serikat"), so a parenthesis
    that is not a definition ("Rusia (Foto: AP)") teaches nothing.
    """
    found: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        long_name, short = match.group("long").strip(), match.group("short")
        words = long_name.split()
        # The definition may sit after other capitalised words: keep the shortest tail of
        # the long name that still spells the short form.
        for start in range(len(words) - 1, -1, -1):
            candidate = " ".join(words[start:])
            if _spells(short, candidate):
                found[short] = candidate
                break
    return found


def _spells(short: str, long_name: str) -> bool:
    letters = [c for c in short.lower() if c.isalpha()]
    target = long_name.lower()
    if not letters or len(long_name) <= len(short) or target[0] != letters[0]:
        return False
    position = 0
    for letter in letters:
        position = target.find(letter, position)
        if position == -1:
            return False
        position += 1
    # Every word of the long name should contribute: "AS" cannot stand for one word.
    return len(long_name.split()) <= len(letters)


def expand_aliases(text: str, aliases: Mapping[str, str]) -> str:
    """``text`` with each alias written out, matched as a whole word and case-sensitively
    (so the English word "as" is never read as "AS", Amerika Serikat)."""
    if not aliases:
        return text
    table = dict(aliases)
    if not any(name in text for name in table):  # the pattern matches none of them: as it is
        return text
    return _alias_pattern(frozenset(table)).sub(lambda m: table[m.group()], text)


@lru_cache(maxsize=256)
def _alias_pattern(names: frozenset[str]) -> re.Pattern[str]:
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?![\w])")
