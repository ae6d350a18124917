"""Index terms: the words a claim is found by, stemmed in the claim's language.

Search and candidate retrieval look claims up by these terms, so "surviving" finds
"survive" and "dikirim" finds "mengirimkan". English uses the Snowball stemmer, Indonesian
Sastrawi (which knows that "mengirim" and "dikirim" share "kirim"); words with digits and
words of other languages are kept as they are. Rapidfuzz scores still read the unstemmed
match text.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

import snowballstemmer
from Sastrawi.Stemmer.Context.Context import Context
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

MAX_TERM_CHARS = 64

_ENGLISH = snowballstemmer.stemmer("english")
# Sastrawi's own cache keeps every word it ever saw; its plain stemmer behind that cache,
# with the bounded cache below, keeps a long ingest's memory flat. Sastrawi takes about
# 0.3 ms a word, so the cache holds a large news vocabulary (262,144 words, some 60 MB):
# a million-claim import then stems each distinct word once.
_INDONESIAN = StemmerFactory().create_stemmer().delegatedStemmer

# Sastrawi's affix rules note what each removal took off with ``re.sub(result, "", word,
# count=1)``: the word left is used as a pattern. Every distinct word so compiles a pattern of
# its own, and those push the rules' own few hundred patterns out of ``re``'s cache (512), so
# they are compiled again and again: half of Sastrawi's time in an import. The words it is
# given are letters, digits and hyphens only (its text normaliser drops the rest), which a
# pattern matches literally, so the first occurrence taken out with ``str.replace`` is the
# same; anything else still goes to ``re.sub``. tests/test_terms.py holds the stems to
# those of Sastrawi as it is installed, run in a process of its own.
_LITERAL = re.compile(r"[a-z0-9-]*\Z")


def _sub(pattern: Any, repl: Any, string: Any, count: int = 0, flags: int = 0) -> Any:
    if (
        count == 1
        and not flags
        and repl == ""
        and isinstance(pattern, str)
        and isinstance(string, str)
        and _LITERAL.match(pattern)
    ):
        return string.replace(pattern, "", 1)
    return re.sub(pattern, repl, string, count=count, flags=flags)


_RE_LITERAL_SUB = SimpleNamespace(**{**vars(re), "sub": _sub})
for _visitor in (
    "AbstractDisambiguatePrefixRule",
    "RemoveDerivationalSuffix",
    "RemoveInflectionalParticle",
    "RemoveInflectionalPossessivePronoun",
    "RemovePlainPrefix",
):
    importlib.import_module(f"Sastrawi.Stemmer.Context.Visitor.{_visitor}").re = _RE_LITERAL_SUB  # type: ignore[attr-defined]


def _remove_prefixes(context: Any) -> None:
    """Sastrawi's ``Context.remove_prefixes`` (up to three rounds of its prefix rules), ending
    when a round took nothing off. Its prefix rules change the word only by adding a
    removal, and each is a function of the word alone, so a round that adds none leaves
    everything as it was and the rounds after it would do the same again (two thirds of
    its rule checks on the names and typos a news archive is full of)."""
    for _ in range(3):
        before = len(context.removals)
        context.accept_prefix_visitors(context.prefix_visitors)
        if context.dictionary.contains(context.current_word):
            return
        if len(context.removals) == before:
            return


Context.remove_prefixes = _remove_prefixes


def stem(word: str, language: str) -> str:
    """``word``'s index term in ``language`` (each language's stems cached apart)."""
    return _stemmer(language)(word)


@lru_cache(maxsize=16)
def _stemmer(language: str) -> Callable[[str], str]:
    """A cached stemmer for one language: keyed by the word alone, so a claim's words are
    looked up in C (``map``) without a key tuple made for each (a third of an import's
    stemming time once its vocabulary is known)."""

    @lru_cache(maxsize=1 << 18)
    def cached(word: str) -> str:
        return _stem(word, language)

    return cached


def _stem(word: str, language: str) -> str:
    if any(ch.isdigit() for ch in word) or len(word) < 4:
        return word[:MAX_TERM_CHARS]
    stemmed: str
    if language == "en":
        stemmed = str(_ENGLISH.stemWord(word))
    elif language in ("id", "ms"):
        stemmed = word if _kept_by_sastrawi(word) else str(_INDONESIAN.stem(word) or word)
    else:
        stemmed = word
    return stemmed[:MAX_TERM_CHARS]


# Sastrawi gives back either a word of its dictionary reached by taking affixes off (and at
# most one letter put back at the front: "menyapu" -> "sapu"), or the word itself. Most words
# it is asked about in a news archive are names and typos it gives back unchanged, after its
# whole cascade of rules (0.2-0.5 ms each, most of a large import's time). These tell, from
# its rules, when no rule can apply or no dictionary word can come out, so the answer is the
# word itself without asking; tests/test_terms.py holds them to Sastrawi's own answers.
_PLAIN = re.compile(r"[a-z]+\Z")  # Sastrawi drops anything else before stemming
_PREFIXES = ("di", "ke", "se", "be", "te", "me", "pe", "ku", "ka")  # and "kau"
_INFIX = re.compile(r"[bcdfghjklmnpqrstvwxyz](?:er|el|em|in)[aiueo]")  # "gerigi" -> "gigi"
_SUFFIXES = ("lah", "kah", "tah", "pun", "ku", "mu", "nya", "i", "an", "is", "isme")
# Sastrawi's own suffix rules, in the order it applies them.
_PARTICLE = re.compile(r"-*(lah|kah|tah|pun)$")
_POSSESSIVE = re.compile(r"-*(ku|mu|nya)$")
_DERIVATIONAL = re.compile(r"(is|isme|isasi|i|kan|an)$")
_ROOTS: frozenset[str] = frozenset(_INDONESIAN.dictionary.words)
# A root with its first letter taken off: what is left of the word when that letter was the
# one put back.
_TAILS = frozenset(root[1:] for root in _ROOTS)


def _kept_by_sastrawi(word: str) -> bool:
    """Whether Sastrawi certainly stems ``word`` to itself."""
    if not _PLAIN.match(word):
        return False
    if word in _ROOTS:
        return True
    prefixed = word.startswith(_PREFIXES) or _INFIX.match(word) is not None
    suffixed = word.endswith(_SUFFIXES)
    n = len(word)
    if prefixed and suffixed:  # the root is inside the word, less perhaps its first letter
        return not any(word[i:j] in _TAILS for i in range(n) for j in range(i + 1, n + 1))
    if suffixed:  # only suffixes can come off: the root is one of the words they leave
        return _ROOTS.isdisjoint(_unsuffixed(word))
    if prefixed:  # only prefixes, of two letters or more: the root ends the word
        return not any(word[k:] in _ROOTS or word[k:] in _TAILS for k in range(2, n))
    return True


def _unsuffixed(word: str) -> set[str]:
    """What Sastrawi's suffix rules leave of a word on their way (with its "-kan" -> "-k"
    second try)."""
    particle = _PARTICLE.sub("", word, count=1)
    possessive = _POSSESSIVE.sub("", particle, count=1)
    derivational = _DERIVATIONAL.sub("", possessive, count=1)
    left = {particle, possessive, derivational}
    if possessive.endswith("kan") and derivational == possessive[:-3]:
        left.add(derivational + "k")
    left.discard(word)
    return left


def terms(normalized: str, language: str) -> Counter[str]:
    """Term frequencies of text already normalised for matching (``Normalized.text``)."""
    return Counter(map(_stemmer(language), normalized.split()))


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
    stemmed = _stemmer(language)
    for word in set(normalized.split()):
        term = stemmed(word)
        weights[term] = weights.get(term, 0) + len(word) + 1
    return weights


@dataclass(frozen=True)
class Indexed:
    """What a claim is indexed and looked up by: its terms' frequencies and each term's
    share of the set weight. Made once where the text is read (an ingest worker), so the
    process that stores and matches does not stem the words again."""

    language: str  # the stemmer's
    counts: tuple[tuple[str, int], ...]
    weights: tuple[tuple[str, int], ...]


def index_terms(normalized: str, language: str) -> Indexed:
    """The :class:`Indexed` of text already normalised for matching."""
    return Indexed(
        language,
        tuple(terms(normalized, language).items()),
        tuple(term_weights(normalized, language).items()),
    )


def common_word(word: str, language: str) -> bool:
    """Whether an Indonesian word is an ordinary one: its stem is in Sastrawi's dictionary
    of root words ("Bus", "Peserta", "Diduga"), unlike most names ("Griezmann", "Jakarta").
    Always False for other languages."""
    if language not in ("id", "ms") or not word.isalpha():
        return False
    lowered = word.lower()
    return bool(_INDONESIAN.dictionary.contains(_stemmer(language)(lowered)))
