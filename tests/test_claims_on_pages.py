"""Claims read off real pages are statements a reviewer can check as written.

The pages are the twelve English ones in tests/data/pages (saved from real sites, with their
furniture) and the project's real Indonesian articles. The word lists here are this test's
own, written from the claim definition (docs/claims.md), not the extractor's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.pipeline import article_text, split_article
from claimcheck.pipeline.parse import parse_sentences
from tests.conftest import DATA

ENGLISH_PAGES = [
    "boingboing.net.millenials", "knowtechie.com.rally", "kulu-media.com.meta-outage",
    "mercurynews.com.2023.01.16.letters-1119", "nationalgeographic.co.uk.goats",
    "nature.com.telescope", "phys.org.tool", "salon.com.emissions",
    "theplanetarypress.com.forestlands", "theverge.com.ios13", "vice.com.amazon",
    "wikimediafoundation.org.turkey",
]  # fmt: skip
PAGES = [DATA / "pages" / f"{name}.html" for name in ENGLISH_PAGES]
INDONESIAN = [
    DATA / "inews-4-negara-sahabat-rusia.txt",
    DATA / "dailysocial-google-calendar.txt",
    DATA / "kabardunia-dukungan-korut-iran.txt",
]
CONJUNCTIONS = {
    "and", "but", "or", "so", "yet", "nor", "because", "although", "though", "while", "whereas",
    "dan", "tetapi", "tapi", "namun", "atau", "serta", "sedangkan", "padahal", "karena", "sebab",
    "melainkan", "bahkan", "lalu", "sementara",
}  # fmt: skip
ARTICLES = {"the", "a", "an", "sebuah", "seorang", "yang"}
PAIRS = [("(", ")"), ("[", "]"), ("“", "”")]


def claims_of(path: Path) -> tuple[str, list[str]]:
    raw = path.read_text(encoding="utf-8")
    text, hints = article_text(raw)
    document = split_article(text, hints=hints)
    return document.metadata.language or "", [c.text for c in document.claims]


def problems(claim: str) -> list[str]:
    words = claim.split()
    found = []
    if words[0].lower().strip("\"“'(") in CONJUNCTIONS:
        found.append("opens with a conjunction")
    if claim[0].islower():
        found.append("opens in lower case")
    if words[-1].lower().strip("\"”').,") in CONJUNCTIONS | ARTICLES:
        found.append("ends on an article or a conjunction")
    if claim.count('"') % 2:
        found.append("unbalanced straight quotes")
    for opening, closing in PAIRS:
        if claim.count(opening) != claim.count(closing):
            found.append(f"unbalanced {opening}{closing}")
    return found


@pytest.mark.parametrize("path", PAGES + INDONESIAN, ids=lambda p: p.name)
def test_claims_are_well_formed(path: Path) -> None:
    language, claims = claims_of(path)
    if language not in ("id", "en"):
        assert claims == []  # another language: sentences kept, no claims guessed
        return
    assert claims, f"{path.name}: no claims"
    bad = [(c, p) for c in claims for p in problems(c)]
    # A preposition at the end is told from a particle ("sign back in") by the parse.
    for parse in parse_sentences(claims, language):
        last = [t for t in parse.tokens if t.pos != "PUNCT"][-1]
        if last.pos == "ADP" and last.dep not in {"compound:prt", "fixed"} and last.head < last.i:
            bad.append((parse.text, "ends on a preposition"))
    assert bad == []


@pytest.mark.parametrize("path", PAGES + INDONESIAN, ids=lambda p: p.name)
def test_every_claim_has_a_predicate_of_its_own(path: Path) -> None:
    language, claims = claims_of(path)
    if not claims:
        return
    # Parsed again on its own: a claim whose words hold no verb, auxiliary or adjective
    # (Indonesian predicates need no copula) asserts nothing.
    parses = parse_sentences(claims, language)
    lacking = [
        p.text for p in parses if not any(t.pos in {"VERB", "AUX", "ADJ"} for t in p.tokens)
    ]
    assert lacking == []
