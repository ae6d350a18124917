"""Index terms: the words a claim is found by, stemmed in the claim's language.

Search and candidate retrieval look claims up by these terms, so "surviving" finds
"survive" and "dikirim" finds "mengirimkan". English uses the Snowball stemmer, Indonesian
Sastrawi (which knows that "mengirim" and "dikirim" share "kirim"); words with digits and
words of other languages are kept as they are. Rapidfuzz scores still read the unstemmed
match text.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import snowballstemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

MAX_TERM_CHARS = 64

_ENGLISH = snowballstemmer.stemmer("english")
# Sastrawi's own cache keeps every word it ever saw; its plain stemmer behind that cache,
# with the bounded cache below, keeps a long ingest's memory flat. Sastrawi takes about
# 0.3 ms a word, so the cache holds a large news vocabulary (262,144 words, some 60 MB):
# a million-claim import then stems each distinct word once.
_INDONESIAN = StemmerFactory().create_stemmer().delegatedStemmer


@lru_cache(maxsize=1 << 18)
def stem(word: str, language: str) -> str:
    if any(ch.isdigit() for ch in word) or len(word) < 4:
        return word[:MAX_TERM_CHARS]
    stemmed: str
    if language == "en":
        stemmed = str(_ENGLISH.stemWord(word))
    elif language in ("id", "ms"):
        stemmed = str(_INDONESIAN.stem(word) or word)
    else:
        stemmed = word
    return stemmed[:MAX_TERM_CHARS]


def terms(normalized: str, language: str) -> Counter[str]:
    """Term frequencies of text already normalised for matching (``Normalized.text``)."""
    return Counter(stem(word, language) for word in normalized.split())


@lru_cache(maxsize=1 << 16)
def set_weight(normalized: str) -> int:
    """The length of a text's word set joined by spaces, plus one: the measure rapidfuzz's
    token_set_ratio compares (each distinct word counts its length and one space)."""
    words = set(normalized.split())
    return len(" ".join(words)) + 1 if words else 0


def term_weights(normalized: str, language: str) -> dict[str, int]:
    """Each term's share of ``set_weight``: the distinct words behind it (two words with one
    stem both count)."""
    weights: dict[str, int] = {}
    for word in set(normalized.split()):
        term = stem(word, language)
        weights[term] = weights.get(term, 0) + len(word) + 1
    return weights
