"""Claim text in the form matching compares: aliases expanded, numbers in one format,
accents, case and punctuation folded; plus the facts the guards check."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from claimcheck.matching.aliases import BUILTIN_ALIASES, expand_aliases

NEGATIONS = frozenset(
    {
        "tidak",
        "bukan",
        "belum",
        "tak",
        "tiada",
        "jangan",
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "without",
        "tanpa",
    }
)
# Direction words name different places ("North Korea" / "South Korea") even in lower case.
CONTRAST_WORDS = frozenset(
    {"north", "south", "east", "west", "utara", "selatan", "timur", "barat", "upper", "lower"}
)
# Capitalised words that start sentences without naming anything.
_NOT_ENTITIES = frozenset(
    {
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "it",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "i",
        "there",
        "ia",
        "dia",
        "ini",
        "itu",
        "para",
        "sebanyak",
        "dalam",
        "pada",
        "di",
        "ke",
        "dari",
        "menurut",
        "sejak",
        "saat",
        "ketika",
        "hal",
        "namun",
        "but",
        "and",
        "dan",
        "yang",
        "after",
        "before",
        "setelah",
        "sebelum",
        "according",
        "its",
        "his",
        "her",
    }
)
_THOUSANDS = re.compile(r"\b\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*\b(?![.,]\d)")
_DECIMAL = re.compile(r"\b(\d+)[.,](\d{1,2})\b")
_PERCENT = re.compile(r"\s*(?:%|\bpersen\b|\bpercent\b|\bper cent\b)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_MAYBE_PERCENT = re.compile(r"%|per", re.IGNORECASE)  # what every _PERCENT match holds
# What every _PERCENT match holds, in lower-cased ASCII text: there case-insensitive matching
# is matching the lower-cased text (the letters that fold to ASCII ones, such as "ſ", are not
# ASCII). Looked for as plain substrings: most Indonesian texts hold "per-" words and no
# percent, and _PERCENT, tried at every position for its \s*, took a second of a 100,000-claim
# import on them (any regex with \b first, 1.7 s: re finds no literal to scan for).
_PERCENT_WORDS = ("persen", "percent", "per cent")
_NT = re.compile(r"n't\b", re.IGNORECASE)
_TOKEN = re.compile(r"\d+(?:\.\d+)?|%|[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Normalized:
    """One claim prepared for matching."""

    text: str  # tokens joined by spaces: what rapidfuzz scores
    sorted_text: str  # tokens sorted: ratio on it equals token_sort_ratio, and is faster
    tokens: frozenset[str]
    numbers: frozenset[str]
    negated: bool
    entities: frozenset[str]


def normalize(text: str, aliases: Mapping[str, str] | None = None) -> Normalized:
    """Normalise claim text; ``aliases`` are the article's own, on top of the built-in ones."""
    folded = _folded(text, aliases)
    tokens = [t.lower() for t in _TOKEN.findall(folded)]
    token_set = frozenset(tokens)
    return Normalized(
        text=" ".join(tokens),
        sorted_text=" ".join(sorted(tokens)),
        tokens=token_set,
        numbers=frozenset(t for t in tokens if _NUMBER.match(t)),
        negated=bool(token_set & NEGATIONS),
        entities=_entities(folded) | (token_set & CONTRAST_WORDS),
    )


def match_text(text: str, aliases: Mapping[str, str] | None = None) -> str:
    """``normalize(text, aliases).text`` alone: what is stored as a claim's match text and
    indexed, without the guards' facts (a bulk import needs only this)."""
    # Lower-cased once joined: the same as token by token (a space, neither cased nor
    # case-ignorable, ends the context even Greek's final sigma looks at).
    return " ".join(_TOKEN.findall(_folded(text, aliases))).lower()


def _folded(text: str, aliases: Mapping[str, str] | None) -> str:
    expanded = expand_aliases(text, {**BUILTIN_ALIASES, **aliases} if aliases else BUILTIN_ALIASES)
    if "'" in expanded:  # every "n't" holds one
        expanded = _NT.sub(" not", expanded)
    return _fold_accents(_normalize_numbers(expanded))


def _normalize_numbers(text: str) -> str:
    """ "1.000", "1,000" and "1000" alike; "2,5" and "2.5" alike; "%" for persen/percent."""
    # The searches are cheap; the substitutions are not, over a million imported claims.
    if _DIGIT.search(text):
        text = _THOUSANDS.sub(lambda m: m.group().replace(".", "").replace(",", ""), text)
        text = _DECIMAL.sub(lambda m: f"{m.group(1)}.{m.group(2)}", text)
    if text.isascii():
        if "%" not in text:
            lowered = text.lower()
            if not any(word in lowered for word in _PERCENT_WORDS):
                return text
    elif not _MAYBE_PERCENT.search(text):
        return text
    return _PERCENT.sub(" %", text)


def _fold_accents(text: str) -> str:
    if text.isascii():  # nothing to decompose
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _entities(text: str) -> frozenset[str]:
    """Lower-cased capitalised words: the names in a claim. In headline case, where nearly
    every word is capitalised, only all-caps words (acronyms) count."""
    words = [w for w in _TOKEN.findall(text) if not _NUMBER.match(w)]
    if not words:
        return frozenset()
    capitalised = [w for w in words if w[:1].isupper()]
    headline = len(words) >= 4 and len(capitalised) / len(words) > 0.6
    chosen = [w for w in capitalised if (w.isupper() and len(w) > 1) or not headline]
    return frozenset(w.lower() for w in chosen) - _NOT_ENTITIES
