"""Saying what claimcheck does not know: pages in other languages, pages that gave no text.

Real pages (tests/data/pages): German and French ones are stored with their language and no
claims; English ones, the Indonesian seed and the English test article still split.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimcheck.pipeline import article_text, split_article
from claimcheck.pipeline.html import clean_author, clean_title
from claimcheck.pipeline.language import check_language, identify_language
from tests.conftest import DATA, ENGLISH, SEED, Cli

PAGES = DATA / "pages"
OTHER_LANGUAGES = {
    "spiegel.de.albtraum.html": "de",
    "zeit.de.zugverkehr.html": "de",
    "franceculture.fr.idees.html": "fr",
}
# Every English page trafilatura finds an article in (lanouvellerepublique.fr is a page of
# script templates with no article text, refused as such).
ENGLISH_PAGES = sorted(
    p.name
    for p in PAGES.glob("*.html")
    if p.name not in OTHER_LANGUAGES and not p.name.startswith("lanouvellerepublique")
)


def _text(name: str) -> str:
    text, _hints = article_text((PAGES / name).read_text(encoding="utf-8"))
    return text


@pytest.mark.parametrize("name", sorted(OTHER_LANGUAGES))
def test_pages_in_other_languages_are_read_as_such_and_not_split(name: str) -> None:
    document = split_article(_text(name))
    assert document.metadata.language == OTHER_LANGUAGES[name]
    assert len(document.sentences) > 20
    assert document.claims == ()


def test_english_and_indonesian_texts_are_still_read_as_before() -> None:
    assert len(ENGLISH_PAGES) == 12
    assert {name: identify_language(_text(name)) for name in ENGLISH_PAGES} == dict.fromkeys(
        ENGLISH_PAGES, "en"
    )
    for path, language in ((SEED, "id"), (ENGLISH, "en")):
        document = split_article(path.read_text(encoding="utf-8"))
        assert document.metadata.language == language and document.claims


def test_short_fragments_are_not_taken_for_other_languages() -> None:
    # From IndoSum: too short to tell, read among Indonesian and English.
    for fragment in ("(stu)", "Pidie, Kab", "Tabalong, Kab", "H - RF / I015)"):
        assert identify_language(fragment) in ("id", "en"), fragment


def test_lang_takes_any_language_the_detector_knows() -> None:
    assert check_language("DE") == "de" and check_language("ms") == "id"
    document = split_article(SEED.read_text(encoding="utf-8"), lang="de")
    assert document.metadata.language == "de" and document.claims == ()


def test_ingest_stores_another_language_with_a_warning(cli: Cli) -> None:
    german = str(PAGES / "spiegel.de.albtraum.html")
    run = cli("ingest", german, str(SEED), "--json")
    assert run.exit_code == 0, run.stderr
    warnings = [line for line in run.stderr.splitlines() if line.startswith("Warning:")]
    assert warnings == [
        f"Warning: {german}: the text reads as German (de), which claimcheck does not cut into "
        "claims: its sentences are kept, with no claims (if it is Indonesian or English, give "
        "--lang id or --lang en)"
    ]
    stored, seed = run.json()
    assert (stored["language"], stored["claims"], seed["language"]) == ("de", 0, "id")
    assert stored["warnings"] == [warnings[0].split(": ", 2)[2]] and seed["warnings"] == []
    shown = cli("articles", "show", str(stored["article_id"]), "--json").json()
    assert shown["language"] == "de" and len(shown["sentences"]) > 100
    assert all(s["claims"] == [] for s in shown["sentences"])
    listed = {a["id"]: a for a in cli("articles", "list", "--json").json()}
    assert listed[stored["article_id"]]["language"] == "de"


def test_lang_overrides_the_detected_language(cli: Cli) -> None:
    run = cli("ingest", str(PAGES / "zeit.de.zugverkehr.html"), "--lang", "en", "--json")
    assert run.exit_code == 0, run.stderr
    assert "Warning" not in run.stderr
    [stored] = run.json()
    assert stored["language"] == "en" and stored["claims"] > 0
    marked = cli("split", str(SEED), "--lang", "fr")
    assert marked.exit_code == 0
    assert "the text is marked as French (fr)" in marked.stderr
    assert "give --lang" not in marked.stderr


def test_a_page_that_gave_little_text_is_stored_with_a_warning(cli: Cli, tmp_path: Path) -> None:
    """A real page with its paragraphs gone (as a paywall or a JavaScript page serves it):
    only the teaser comes out of 100 KB of HTML."""
    raw = (PAGES / "nature.com.telescope.html").read_text(encoding="utf-8")
    teaser = tmp_path / "telescope-teaser.html"
    teaser.write_text(re.sub(r"<p\b.*?</p>", "", raw, flags=re.S), encoding="utf-8")
    run = cli("ingest", str(teaser), str(PAGES / "nature.com.telescope.html"))
    assert run.exit_code == 0, run.stderr
    [warning] = [line for line in run.stderr.splitlines() if line.startswith("Warning:")]
    assert warning.startswith(f"Warning: {teaser}: only ")
    assert re.search(r": only \d{3} characters of text came out of a 91 KB page: ", warning)


# --------------------------------------------------------------------- titles and bylines


def test_titles_lose_what_the_site_appends() -> None:
    # Real pages: the site's name after a pipe or a dash goes; a headline's own pipes stay.
    kulu, kulu_hints = article_text(
        (PAGES / "kulu-media.com.meta-outage.html").read_text(encoding="utf-8")
    )
    assert kulu_hints.title == "Meta Outage Hits Facebook, Instagram and Messenger"
    assert kulu.startswith("Meta Outage Hits Facebook, Instagram and Messenger\n")
    _, planetary = article_text(
        (PAGES / "theplanetarypress.com.forestlands.html").read_text(encoding="utf-8")
    )
    assert planetary.title == (
        "Management of Intact Forestlands by Indigenous Peoples Key to Protecting Climate"
    )
    _, letters = article_text(
        (PAGES / "mercurynews.com.2023.01.16.letters-1119.html").read_text(encoding="utf-8")
    )
    assert letters.title == (
        "Letters: Coddling criminals | Undermining road | Tax dollars | Recount cost | "
        "Predicting climate"
    )
    _, boing = article_text((PAGES / "boingboing.net.millenials.html").read_text(encoding="utf-8"))
    assert boing.title == "Hating Millennials - the prejudice you're allowed to boast about"
    # As the issue met them on other pages.
    dw = "Deutschland verschärft die Regeln | DW | 19.01.2020"
    assert clean_title(dw, "Deutsche Welle", "https://www.dw.com/de/a-52061234") == (
        "Deutschland verschärft die Regeln"
    )
    assert clean_title(dw) == "Deutschland verschärft die Regeln"
    assert clean_title("escenic") is None and clean_title("Kompas.com", "Kompas.com") is None
    assert clean_title("Harga beras naik - Kompas.com", None, "https://www.kompas.com/x") == (
        "Harga beras naik"
    )


def test_placeholder_and_outlet_bylines_are_dropped() -> None:
    assert clean_author("No Author") is None and clean_author("  unknown ") is None
    assert clean_author("Cory Doctorow", "Boing Boing") == "Cory Doctorow"
    _, spiegel = article_text((PAGES / "spiegel.de.albtraum.html").read_text(encoding="utf-8"))
    assert spiegel.outlet == "SPIEGEL ONLINE, Hamburg, Germany" and spiegel.author is None
    _, nature = article_text((PAGES / "nature.com.telescope.html").read_text(encoding="utf-8"))
    assert (nature.author, nature.outlet) == ("Elizabeth Gibney", "Nature")
