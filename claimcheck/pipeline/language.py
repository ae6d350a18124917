"""Language detection restricted to the languages claimcheck splits (Indonesian, English)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from claimcheck.errors import InvalidInput
from claimcheck.pipeline.lexicon import SUPPORTED_LANGUAGES

# Malay is close enough to Indonesian that py3langid confuses them on news text.
_ALIASES = {"ms": "id"}


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([*SUPPORTED_LANGUAGES, "ms"])
    return identifier


def detect_language(text: str) -> str:
    """The article's language code, ``id`` or ``en``."""
    sample = text[:20_000]
    if not sample.strip():
        return "id"
    code, _confidence = _identifier().classify(sample)
    return _ALIASES.get(str(code), str(code))


def check_language(code: str) -> str:
    code = code.strip().lower()
    code = _ALIASES.get(code, code)
    if code not in SUPPORTED_LANGUAGES:
        known = ", ".join(SUPPORTED_LANGUAGES)
        raise InvalidInput(f"unsupported language {code!r}; claimcheck splits: {known}")
    return code
