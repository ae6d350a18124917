"""Claims read off real pages are statements a reviewer can check as written.

The pages are the twelve English ones in tests/data/pages (saved from real sites, with their
furniture) and the project's real Indonesian articles. The word lists here are this test's
own, written from the claim definition (docs/claims.md), not the extractor's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimcheck.pipeline import article_text, split_article
from claimcheck.pipeline.model import Document
from claimcheck.pipeline.parse import Token, parse_sentences
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
    DATA / "dailysocial-omen-review.txt",  # a first-person product review (IndoSum)
]
CONJUNCTIONS = {
    "and", "but", "or", "so", "yet", "nor", "because", "although", "though", "while", "whereas",
    "dan", "tetapi", "tapi", "namun", "atau", "serta", "sedangkan", "padahal", "karena", "sebab",
    "melainkan", "bahkan", "lalu", "sementara",
}  # fmt: skip
ARTICLES = {"the", "a", "an", "sebuah", "seorang", "yang"}
NOT_CONJUNCTIONS = {("so", "much"), ("so", "many"), ("so", "far"), ("because", "of")}
TIME_NOUNS = {"hari", "pekan", "minggu", "bulan", "tahun", "malam", "sore", "pagi"}
PAIRS = [("(", ")"), ("[", "]"), ("“", "”")]
# Words that open a clause of time, condition, purpose or means: such a clause says when,
# if, why or how something else happened, and is no claim without that something.
SUBORDINATE = {
    "sejak", "sebelum", "setelah", "sesudah", "tanpa", "ketika", "saat", "jika", "apabila",
    "agar", "supaya", "sambil", "dengan", "untuk", "since", "before", "after", "without",
    "when", "if", "unless", "until", "by", "while",
}  # fmt: skip
DEMONSTRATIVES = {"ini", "itu", "then", "that", "this", "now", "far", "the", "a", "an"}


PARTICLES = {"in", "on", "up", "out", "off", "down", "back", "away", "over", "through", "around"}
PLACE_WORDS = {"atas", "bawah", "dalam", "luar", "depan", "belakang", "tengah", "samping"}
# Indonesian verbs by their prefix, where the tagger reads "mengecam" as a pronoun
ID_VERB = re.compile(r"^(me[mnr]?|meng|meny|di|ber|ter)[a-z]{3,}$")


def document_of(path: Path) -> Document:
    raw = path.read_text(encoding="utf-8")
    text, hints = article_text(raw)
    return split_article(text, hints=hints)


def claims_of(path: Path) -> tuple[str, list[str]]:
    document = document_of(path)
    return document.metadata.language or "", [c.text for c in document.claims]


def problems(claim: str) -> list[str]:
    words = [w.lower().strip("\"“”'().,") for w in claim.split()]
    found = []
    # "So much of Redonda ...", "Because of the coverage ...": not the conjunctions
    if words[0] in CONJUNCTIONS and not (
        len(words) > 1 and (words[0], words[1]) in NOT_CONJUNCTIONS
    ):
        found.append("opens with a conjunction")
    if claim[0].islower():
        found.append("opens in lower case")
    # "pekan lalu" is "last week"
    last_week = words[-1] == "lalu" and len(words) > 1 and words[-2] in TIME_NOUNS
    if words[-1] in CONJUNCTIONS | ARTICLES and not last_week:
        found.append("ends on an article or a conjunction")
    # where words were left out: "the Muslims , the policy", "mainnya, , jangan"
    if re.search(r"\s[,;:]|[,;:]\s*[,;:]", claim):
        found.append("a stray mark where words were left out")
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
    # A particle after its verb or adverb ("sign back in", "look locked in") is no preposition.
    for parse in parse_sentences(claims, language):
        words = [t for t in parse.tokens if t.pos != "PUNCT"]
        last, before = words[-1], words[-2] if len(words) > 1 else None
        particle = last.lower in PARTICLES and before is not None and before.pos in {"VERB", "ADV"}
        # Indonesian words of place after a noun are that noun's ("di ujung kanan atas": at
        # the top right end), whatever the tagger calls them
        place = (
            language == "id"
            and last.lower in PLACE_WORDS
            and before is not None
            and before.pos in {"NOUN", "PROPN", "ADJ"}
        )
        if (
            last.pos == "ADP"
            and last.dep not in {"compound:prt", "fixed"}
            and last.head < last.i
            and not particle
            and not place
        ):
            bad.append((parse.text, "ends on a preposition"))
        # "Sejak Omen resmi tiba di Indonesia", "Tanpa perlu menambah dongle": the marker
        # on the claim's main verb (or on its subject, as the tagger may hang it), no comma
        # and main clause after it; "After two months they ...", "Saat ini ..." are not
        first = words[0]
        if first.lower in SUBORDINATE and words[1].lower not in DEMONSTRATIVES:
            root = next(t for t in parse.tokens if t.dep == "root")
            on_root = first.head == root.i or (
                parse.tokens[first.head].dep.startswith("nsubj")
                and parse.tokens[first.head].head == root.i
            )
            if on_root and "," not in parse.text and ";" not in parse.text:
                bad.append((parse.text, "only a clause of time, condition, purpose or means"))
    assert bad == []


@pytest.mark.parametrize("path", PAGES + INDONESIAN, ids=lambda p: p.name)
def test_every_claim_has_a_predicate_of_its_own(path: Path) -> None:
    document = document_of(path)
    language = document.metadata.language or ""
    if language not in ("id", "en") or not document.claims:
        return

    # A claim whose words hold no verb, auxiliary or adjective (Indonesian predicates need
    # no copula) asserts nothing. The tagger errs on either reading, so a predicate counts
    # when the claim parsed on its own or its words in the sentence's parse show one.
    def predicate(tokens: list[Token]) -> bool:
        return any(
            t.pos in {"VERB", "AUX", "ADJ"}
            or language == "id"
            and ID_VERB.match(t.text) is not None
            for t in tokens
        )

    lacking = []
    for sentence in document.sentences:
        if not sentence.claims:
            continue
        in_sentence = parse_sentences([sentence.text], language)[0].tokens
        alone = parse_sentences([c.text for c in sentence.claims], language)
        for claim, parse in zip(sentence.claims, alone, strict=True):
            used = [
                t for t in in_sentence
                if any(s.start <= sentence.start + t.start < s.end for s in claim.spans)
            ]  # fmt: skip
            if not predicate(list(parse.tokens)) and not predicate(used):
                lacking.append(claim.text)
    assert lacking == []
