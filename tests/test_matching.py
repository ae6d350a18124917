"""Repeated-claim matching: normalisation, aliases, guards, explanations, calibration."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimcheck.matching.aliases import expand_aliases, learn_aliases
from claimcheck.matching.calibrate import LabelledPair, calibrate
from claimcheck.matching.compare import MatchKind, compare
from claimcheck.matching.normalize import normalize
from claimcheck.services.repeats.explain import read_pairs
from tests.conftest import DATA, SEED, Cli

PAIRS = DATA / "match-pairs.csv"


def kind(a: str, b: str) -> MatchKind:
    return compare(normalize(a), normalize(b)).kind


def fired(a: str, b: str) -> set[str]:
    return {g.name for g in compare(normalize(a), normalize(b)).guards if g.fired}


def test_a_typo_in_a_long_name_is_the_same_name_and_other_names_still_differ() -> None:
    """One letter dropped, added, changed or two swapped in a long name is a typo; a short
    name, a new first letter or a direction is another name."""
    senator = "Senator Jenkins said the state budget rose by 12 percent last year"
    typo = compare(normalize(senator), normalize(senator.replace("Jenkins", "Jenknis")))
    assert typo.kind is MatchKind.LINKED
    assert "jenkins ~ jenknis" in next(g.detail for g in typo.guards if g.name == "names")
    prabowo = "Prabowo Subianto mengatakan anggaran pertahanan naik tahun depan"
    assert kind(prabowo, prabowo.replace("Prabowo", "Prabwo")) is MatchKind.LINKED
    tommy = "Tommy Soeharto membantah laporan bahwa ia membeli saham klub itu"
    assert kind(tommy, tommy.replace("Tommy", "Tomym")) is MatchKind.LINKED  # two swapped
    different = [
        ("Gambia", "Zambia"),  # six letters: one letter is another country
        ("Jakarta", "Surabaya"),
        ("Slovenia", "Slovakia"),  # two letters apart
        ("Austria", "Australia"),
        ("Lima", "Liam"),  # four letters: a swap there names someone else
    ]
    for first, second in different:
        a = f"{first} menutup perbatasannya selama dua pekan karena wabah"
        b = a.replace(first, second)
        assert fired(a, b) == {"names"}, (first, second)
        assert kind(a, b) is not MatchKind.LINKED, (first, second)
    north = "Korea Utara mengirim pasukan ke Rusia untuk berperang melawan Ukraina"
    assert fired(north, north.replace("Utara", "Selatan")) == {"names"}


def test_north_and_south_korea_are_never_linked() -> None:
    a = "North Korea has sent troops to help Russia in the war against Ukraine"
    b = "South Korea has sent troops to help Russia in the war against Ukraine"
    result = compare(normalize(a), normalize(b))
    assert result.score >= 90  # the classic trap: a high fuzzy score...
    assert result.kind is MatchKind.SUGGESTED  # ...shown to a reviewer, never linked
    assert fired(a, b) == {"names"}
    assert "north vs south" in next(g.detail for g in result.guards if g.name == "names")
    assert (
        kind(
            "Korea Utara mengirim pasukan ke Rusia untuk berperang",
            "Korea Selatan mengirim pasukan ke Rusia untuk berperang",
        )
        is MatchKind.SUGGESTED
    )


def test_different_numbers_block_a_link() -> None:
    assert fired(
        "Korut mengirim 10 ribu tentara ke Rusia bulan lalu",
        "Korut mengirim 100 ribu tentara ke Rusia bulan lalu",
    ) == {"numbers"}
    # The same number written three ways is the same number.
    assert (
        kind(
            "Pemerintah menyalurkan 1.000 ton beras ke Papua",
            "Pemerintah menyalurkan 1,000 ton beras ke Papua",
        )
        is MatchKind.LINKED
    )
    assert (
        kind(
            "Pemerintah menyalurkan 1000 ton beras ke Papua",
            "Pemerintah menyalurkan 1.000 ton beras ke Papua",
        )
        is MatchKind.LINKED
    )


def test_negation_blocks_a_link() -> None:
    assert fired(
        "China tidak pernah secara langsung mengecam Rusia",
        "China pernah secara langsung mengecam Rusia",
    ) == {"negation"}
    assert fired(
        "The minister did not sign the decree on Monday", "The minister signed the decree on Monday"
    ) == {"negation"}
    # "tak" and "tidak" are both negations: no guard between them.
    assert (
        kind(
            "China tidak pernah secara langsung mengecam Rusia",
            "China tak pernah secara langsung mengecam Rusia",
        )
        is not MatchKind.NONE
    )
    assert (
        fired(
            "China tidak pernah secara langsung mengecam Rusia",
            "China tak pernah secara langsung mengecam Rusia",
        )
        == set()
    )


def test_aliases_learned_from_the_seed_article() -> None:
    aliases = learn_aliases(SEED.read_text(encoding="utf-8"))
    assert aliases == {"Korut": "Korea Utara", "AS": "Amerika Serikat"}
    korut = normalize(
        "Korut membantu Rusia dalam perang melawan Ukraina dengan mengirim pasukan", aliases
    )
    utara = normalize(
        "Korea Utara membantu Rusia dalam perang melawan Ukraina dengan mengirim pasukan", aliases
    )
    assert korut.text == utara.text
    assert compare(korut, utara).kind is MatchKind.LINKED


def test_alias_expansion_is_case_sensitive_and_whole_word() -> None:
    aliases = {"AS": "Amerika Serikat"}
    assert expand_aliases("Sanksi AS terhadap Rusia", aliases) == (
        "Sanksi Amerika Serikat terhadap Rusia"
    )
    assert expand_aliases("as planned, BASF said", aliases) == "as planned, BASF said"


def test_not_a_definition_teaches_nothing() -> None:
    assert learn_aliases("Rusia menjalin hubungan erat (Foto: AP) dengan Iran (Teheran).") == {}


def test_containment_is_suggested_not_linked() -> None:
    result = compare(
        normalize("Rusia tetap memiliki sekutu kuat di Asia"),
        normalize("Meski disanksi Barat, Rusia tetap memiliki sekutu kuat di Asia dan Afrika"),
    )
    assert result.score == 100
    assert result.kind is MatchKind.SUGGESTED
    assert any(b.startswith("containment") for b in result.blocked_by)


def test_labelled_pairs_with_default_thresholds() -> None:
    pairs = read_pairs(PAIRS)
    wrong_links = [
        (p.text_a, p.text_b)
        for p in pairs
        if not p.same and compare(normalize(p.text_a), normalize(p.text_b)).kind is MatchKind.LINKED
    ]
    assert wrong_links == []
    linked_same = sum(
        1
        for p in pairs
        if p.same and compare(normalize(p.text_a), normalize(p.text_b)).kind is MatchKind.LINKED
    )
    suggested_same = sum(
        1
        for p in pairs
        if p.same and compare(normalize(p.text_a), normalize(p.text_b)).kind is not MatchKind.NONE
    )
    positives = sum(p.same for p in pairs)
    assert linked_same >= positives // 2
    assert suggested_same == positives


def test_calibrate_reports_precision_and_recall() -> None:
    pairs = [
        LabelledPair(
            "Harga beras naik 5 persen bulan ini di Jakarta",
            "Harga beras naik 5% bulan ini di Jakarta",
            True,
        ),
        LabelledPair(
            "Harga beras naik 5 persen bulan ini di Jakarta",
            "Harga beras turun 5 persen bulan ini di Jakarta",
            False,
        ),
        LabelledPair(
            "Harga beras naik 5 persen bulan ini di Jakarta",
            "Presiden meresmikan jalan tol baru di Sumatera",
            False,
        ),
    ]
    result = calibrate(pairs)
    assert (result.pairs, result.positives) == (3, 1)
    at_50 = next(r for r in result.rows if r.threshold == 50)
    assert at_50.recall == 1.0 and at_50.precision == 0.5  # "turun" scores high as well
    assert result.link >= result.suggest


def test_dupes_explain_on_stored_claims(cli: Cli, tmp_path: Path) -> None:
    cli("ingest", str(SEED))
    other = tmp_path / "other.txt"
    other.write_text(
        "Korea Utara kirim tentara ke Rusia\n\n"
        "JAKARTA, iNews.id - Korea Utara membantu Rusia dalam perang melawan Ukraina dengan "
        "mengirim pasukan serta persenjataan seperti artileri dan rudal.\n",
        encoding="utf-8",
    )
    second = cli("ingest", str(other), "--json").json()[0]["article_id"]
    new_claim = cli("claims", "list", "--article", str(second), "--json").json()[0]["id"]
    korut = next(
        c["id"]
        for c in cli("claims", "list", "--article", "1", "--limit", "0", "--json").json()
        if c["text"].startswith("Korut membantu Rusia")
    )
    run = cli("dupes", "explain", str(korut), str(new_claim), "--json")
    assert run.exit_code == 0, run.stderr
    data: dict[str, Any] = run.json()
    assert data["normalized_a"] == data["normalized_b"]  # "Korut" read as "Korea Utara"
    assert data["comparison"]["kind"] == "linked"
    assert {g["name"] for g in data["comparison"]["guards"]} == {"numbers", "negation", "names"}
    table = cli("dupes", "explain", str(korut), str(new_claim))
    assert "token_set_ratio" in table.stdout and "verdict: linked" in table.stdout
    assert cli("dupes", "explain", str(korut), "999").exit_code == 1


def test_dupes_calibrate_command(tmp_path: Path) -> None:
    from tests.conftest import invoke

    run = invoke("dupes", "calibrate", str(PAIRS), "--json")
    assert run.exit_code == 0, run.stderr
    data = run.json()
    assert data["pairs"] == 28 and data["positives"] == 14
    assert 50 <= data["suggest"] <= data["link"] <= 100
    table = invoke("dupes", "calibrate", str(PAIRS))
    assert "suggested thresholds: suggest at" in table.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\nx,y\n", encoding="utf-8")
    refused = invoke("dupes", "calibrate", str(bad))
    assert refused.exit_code == 1 and "missing columns same, text_a, text_b" in refused.stderr


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("naik 2,5 persen", {"2.5"}),
        ("rose 2.5%", {"2.5"}),
        ("1.000.000 jiwa", {"1000000"}),
        ("1,000,000 people", {"1000000"}),
        ("pada 2022 dan 2025", {"2022", "2025"}),
    ],
)
def test_number_formats(text: str, numbers: set[str]) -> None:
    assert normalize(text).numbers == numbers
