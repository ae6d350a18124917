"""Match text: the shortcuts taken past its regular expressions (no alias in the text, no
apostrophe, no percent word; lower-cased once joined) give what they replaced, on real text
in both languages and on the cases each shortcut turns on."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from claimcheck.matching.aliases import BUILTIN_ALIASES, _alias_pattern, expand_aliases
from claimcheck.matching.normalize import (
    _NT,
    _TOKEN,
    _fold_accents,
    _normalize_numbers,
    match_text,
    normalize,
)
from tests.conftest import DATA, SHARED_DATA

# The code before the shortcuts, as it was.
_THOUSANDS = re.compile(r"\b\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*\b(?![.,]\d)")
_DECIMAL = re.compile(r"\b(\d+)[.,](\d{1,2})\b")
_PERCENT = re.compile(r"\s*(?:%|\bpersen\b|\bpercent\b|\bper cent\b)", re.IGNORECASE)


def _numbers_before(text: str) -> str:
    text = _THOUSANDS.sub(lambda m: m.group().replace(".", "").replace(",", ""), text)
    text = _DECIMAL.sub(lambda m: f"{m.group(1)}.{m.group(2)}", text)
    return _PERCENT.sub(" %", text)


def _aliases_before(text: str) -> str:
    table = dict(BUILTIN_ALIASES)
    return _alias_pattern(frozenset(table)).sub(lambda m: table[m.group()], text)


def _match_text_before(text: str) -> str:
    folded = _fold_accents(_numbers_before(_NT.sub(" not", _aliases_before(text))))
    return " ".join(t.lower() for t in _TOKEN.findall(folded))


CASES = [
    "Naik 5 persen, 5 Persen, 5 PERSEN, 5percent, 5 per cent, 5 Per Cent, 5%",
    "Pertama kali perusahaan itu memperbaiki persentase 10 persen",  # per- words
    "Angka 2,5 persen dan 1.000.000 rupiah; 3,14159 dan 12.5",
    "He didn't, they DON'T, we won’t (curly), isn't",
    "AS dan Korut, ASEAN, KorutX, RI.",
    "ΟΔΟΣ ΣΟΦΟΣ Σ ΑΣ",  # final sigma, token by token and joined
    "İstanbul IŞIK straße ǅemal ﬁnal café naïve",
    "5 ſersen perſen ⅯⅯ",  # letters that fold to ASCII only case-insensitively
    "",
    "   ",
    "%%% per cent% -persen-",
]


def _real_texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in DATA.glob("*.txt")]
    for line in (DATA / "indosum-sample.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line)["text"])
    vclaims = SHARED_DATA / "checkthat" / "vclaims.jsonl"
    if vclaims.exists():
        for line in vclaims.read_text(encoding="utf-8").splitlines()[:5000]:
            texts.append(json.loads(line)["vclaim"])
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t)]
    return texts + sentences


@pytest.mark.parametrize("text", CASES)
def test_cases_give_what_they_gave(text: str) -> None:
    assert _normalize_numbers(text) == _numbers_before(text)
    assert expand_aliases(text, BUILTIN_ALIASES) == _aliases_before(text)
    assert match_text(text) == _match_text_before(text) == normalize(text).text


def test_real_text_gives_what_it_gave() -> None:
    texts = _real_texts()
    assert len(texts) > (5_000 if (SHARED_DATA / "checkthat").exists() else 100)
    changed = [t for t in texts if match_text(t) != _match_text_before(t)]
    assert changed == []
    assert [t for t in texts[:2_000] if match_text(t) != normalize(t).text] == []
    # The shortcuts are taken, and the paths they skip are still met.
    assert any("persen" in t.lower() for t in texts)
    assert any(unicodedata.normalize("NFKD", t) != t for t in texts)
