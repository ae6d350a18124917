"""Languages: which one an article is written in, among every language the identifier knows.

claimcheck cuts claims out of Indonesian and English (``SUPPORTED_LANGUAGES``); an article in
another language is still stored, with its language, so nothing is guessed from words the
rules cannot read.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from claimcheck.errors import InvalidInput
from claimcheck.pipeline.lexicon import FUNCTION_WORDS, SUPPORTED_LANGUAGES

# Malay is close enough to Indonesian that py3langid confuses them on news text.
_ALIASES = {"ms": "id"}
#: py3langid's code for text with no language in it (numbers, codes, punctuation).
_NO_LANGUAGE = "zxx"
# Below this many letters, or this confidence, a reading as another language is not trusted
# and the text is read as Indonesian or English: on IndoSum, whole articles are all read as
# Indonesian, while fragments like "(stu)" or "Pidie, Kab" come out as Serbian or Acehnese
# with probabilities under 0.5. Pages in German or French score 1.0.
MIN_LETTERS = 200
MIN_CONFIDENCE = 0.9

# English names of the languages a newsroom meets most, for messages; others show as codes.
NAMES = {
    "ar": "Arabic",
    "bn": "Bengali",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "hi": "Hindi",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "jv": "Javanese",
    "ko": "Korean",
    "nl": "Dutch",
    "pt": "Portuguese",
    "ru": "Russian",
    "th": "Thai",
    "tl": "Tagalog",
    "tr": "Turkish",
    "vi": "Vietnamese",
    "zh": "Chinese",
}
_INDONESIAN_WORDS, _ENGLISH_WORDS = FUNCTION_WORDS["id"], FUNCTION_WORDS["en"]


@lru_cache(maxsize=1)
def _every_language() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _supported_only() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([*SUPPORTED_LANGUAGES, "ms"])
    return identifier


@lru_cache(maxsize=1)
def known_languages() -> frozenset[str]:
    """Every language code the identifier knows (about a hundred)."""
    return frozenset(str(code) for code in _every_language().nb_classes) - {_NO_LANGUAGE}


def detect_language(text: str) -> str:
    """The closer of Indonesian and English (``id`` or ``en``): for search queries and
    archived claims, which are indexed in one of the two."""
    sample = text[:20_000]
    if not sample.strip():
        return "id"
    code, _confidence = _supported_only().classify(sample)
    return _ALIASES.get(str(code), str(code))


def identify_language(text: str) -> str:
    """An article's language among all the identifier knows; a text too short or too
    unclear to tell another language from Indonesian or English is read as one of those."""
    sample = text[:20_000]
    if not sample.strip():
        return "id"
    code, confidence = _every_language().classify(sample)
    code = _ALIASES.get(str(code), str(code))
    if code in SUPPORTED_LANGUAGES:
        return code
    letters = sum(ch.isalpha() for ch in sample)
    if code != _NO_LANGUAGE and confidence >= MIN_CONFIDENCE and letters >= MIN_LETTERS:
        return code
    return detect_language(sample)


def splits_claims(code: str) -> bool:
    """Whether claimcheck's rules read this language (and so cut its sentences into claims)."""
    return code in SUPPORTED_LANGUAGES


def language_name(code: str) -> str:
    name = NAMES.get(code)
    return f"{name} ({code})" if name else code


def claim_language(words: Iterable[str]) -> str | None:
    """A short text's language from its function words (lower-case words in), or None when
    they do not say it clearly: at least two, and twice as many of one language as of the
    other. Far cheaper than the model, and nearly as often right on single news sentences:
    with the model for the claims this leaves open, 102 of IndoSum's 48,785 sentences come out
    English (the model alone: 64), none of CheckThat!'s 14,231 Snopes checks Indonesian (the
    model: 2), at half the model's cost (benchmarks/import_speed.py --languages)."""
    indonesian = english = 0
    for word in words:
        if word in _INDONESIAN_WORDS:
            indonesian += 1
        elif word in _ENGLISH_WORDS:
            english += 1
    if max(indonesian, english) < 2 or max(indonesian, english) < 2 * min(indonesian, english):
        return None
    return "id" if indonesian > english else "en"


def check_language(code: str) -> str:
    """A language a reviewer gave (``--lang``): Indonesian and English are split into
    claims, any other language the identifier knows is stored without them."""
    code = code.strip().lower()
    code = _ALIASES.get(code, code)
    if code not in SUPPORTED_LANGUAGES and code not in known_languages():
        known = ", ".join(SUPPORTED_LANGUAGES)
        raise InvalidInput(
            f"unknown language {code!r}; claimcheck splits {known} into claims, and stores "
            "other languages by their two-letter code (de, fr, es, ...)"
        )
    return code
