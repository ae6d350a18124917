"""Extraction quality, measured: segmentation on UD gold, claims on the hand-made dev set,
speakers, claims that need context, and article revisions."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from claimcheck.matching.align import align, prf
from claimcheck.pipeline import split_article
from tests.conftest import DATA, SEED, SHARED_DATA, Cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import claims_f1  # noqa: E402
import segmentation_f1  # noqa: E402
import speakers_fresh  # noqa: E402

# The figures reached (benchmarks/claims_f1.py, benchmarks/segmentation_f1.py): a change
# that makes extraction worse fails here.
# Measured by benchmarks/claims_f1.py on the tuned and the held-out gold; the held-out
# part's errors are never read, only these scores.
# claims-fresh.jsonl was annotated blind and scored untouched at id 0.742, en 0.693.
CLAIM_F1_FLOOR = {
    "claims-dev.jsonl": {"id": 0.85, "en": 0.88},
    "claims-heldout.jsonl": {"id": 0.83, "en": 0.79},
    "claims-fresh.jsonl": {"id": 0.78, "en": 0.72},
}
SPEAKER_FLOOR = {
    "claims-dev.jsonl": 0.90,
    "claims-heldout.jsonl": 0.60,
    "claims-fresh.jsonl": 0.75,
}
SEGMENTATION_FLOOR = {"id_gsd-ud-dev": 0.9457, "id_csui-ud-train": 0.9822, "en_ewt-ud-dev": 0.9249}


def sentences_of(text: str, lang: str) -> list[str]:
    return [s.text for s in split_article(text, plain=True, lang=lang).sentences]


def claims_of(text: str, lang: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.speaker) for c in split_article(text, plain=True, lang=lang).claims]


# --------------------------------------------------------------------------- segmentation


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (  # a quotation that ends the sentence
            'Ia berkata, "Kami siap." Rapat dimulai pukul 09.00 WIB.',
            "id",
            ['Ia berkata, "Kami siap."', "Rapat dimulai pukul 09.00 WIB."],
        ),
        (  # company names: "Tbk." before "(" or a lowercase word does not end anything
            "PT Bank Negara Indonesia Tbk. (BBNI) menambah modal. Sahamnya naik.",
            "id",
            ["PT Bank Negara Indonesia Tbk. (BBNI) menambah modal.", "Sahamnya naik."],
        ),
        (
            "Encore Energy Pte. Ltd. membeli saham itu senilai 2,5 juta dolar.",
            "id",
            ["Encore Energy Pte. Ltd. membeli saham itu senilai 2,5 juta dolar."],
        ),
        (  # an emoticon belongs to its sentence
            "The food was great. :) We will come back.",
            "en",
            ["The food was great. :)", "We will come back."],
        ),
        (  # a lone capital after a lower-case word ends the sentence; in a name it does not
            "It happens because of X. So I left. George W. Bush spoke.",
            "en",
            ["It happens because of X.", "So I left.", "George W. Bush spoke."],
        ),
    ],
)
def test_segmentation_handles_what_news_text_does(
    text: str, lang: str, expected: list[str]
) -> None:
    assert sentences_of(text, lang) == expected


def test_numbered_headings_are_headings_not_sentences() -> None:
    document = split_article(SEED.read_text(encoding="utf-8"))
    headings = [s.text for s in document.sentences if s.role.value == "heading"]
    assert {"1. China", "2. Korea Utara"} <= set(headings)
    assert all(not s.claims for s in document.sentences if s.role.value == "heading")


@pytest.mark.skipif(not (SHARED_DATA / "ud").is_dir(), reason="needs ../shared/data/ud")
@pytest.mark.parametrize("name", sorted(SEGMENTATION_FLOOR))
def test_segmentation_beats_sentencex_on_each_ud_set(name: str) -> None:
    segmentation_f1.UD = SHARED_DATA / "ud"
    lang = segmentation_f1.SETS[name]
    found = {"sentencex": [0, 0, 0], "claimcheck": [0, 0, 0]}
    for line in (SHARED_DATA / "ud" / f"{name}.docs.jsonl").read_text().splitlines():
        doc = json.loads(line)
        text = doc["text"]
        gold = {end for _, end in doc["sent_spans"]}
        ends = {
            "sentencex": segmentation_f1.boundaries_sentencex(text, lang),
            "claimcheck": segmentation_f1.boundaries_claimcheck(
                text, lang, segmentation_f1.paragraph_spans(doc, text)
            ),
        }
        for key, found_ends in ends.items():
            found[key][0] += len(found_ends & gold)
            found[key][1] += len(found_ends)
            found[key][2] += len(gold)

    def f1(hit: int, predicted: int, expected: int) -> float:
        p, r = hit / predicted, hit / expected
        return 2 * p * r / (p + r)

    ours, theirs = f1(*found["claimcheck"]), f1(*found["sentencex"])
    assert ours > theirs
    assert ours >= SEGMENTATION_FLOOR[name] - 1e-4


# ------------------------------------------------------------------------- atomic claims


def test_alignment_is_one_to_one_and_best_first() -> None:
    gold = ["Rusia punya sekutu kuat di Asia", "Harga beras naik 5 persen"]
    predicted = ["Harga beras naik 5 persen pada Januari", "Rusia punya sekutu di Asia", "x y z"]
    assert [(p.left, p.right) for p in align(gold, predicted)] == [(0, 1), (1, 0)]
    assert align(["sama"], ["sama", "sama"]) == align(["sama"], ["sama"])
    precision, recall, f1, matched = prf(gold, predicted)
    assert (matched, round(precision, 3), recall) == (2, 0.667, 1.0)
    assert prf([], []) == (1.0, 1.0, 1.0, 0)


def gold(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


def test_gold_is_hand_annotated_real_text_in_two_parts() -> None:
    tuned, heldout = gold("claims-dev.jsonl"), gold("claims-heldout.jsonl")
    rows = tuned + heldout
    assert len(rows) >= 250
    for part in (tuned, heldout):
        assert {r["lang"] for r in part} == {"id", "en"}
    sources = ("indosum:", "ud-en-ewt-dev:", "ud-id_gsd-ud-dev:", "ud-en_ewt-ud-dev:", "page:")
    assert all(r["source"].startswith(sources) for r in rows)
    # at least half of it drawn for the proposition-level definition (ids "-n...")
    assert sum("-n" in r["id"] for r in rows) >= len(rows) / 2
    assert not {r["id"] for r in tuned} & {r["id"] for r in heldout}
    assert not {r["sentence"] for r in tuned} & {r["sentence"] for r in heldout}
    assert any(not r["claims"] for r in rows)  # sentences that hold no claim count too
    assert sum(len(r["claims"]) > 1 for r in rows) >= 60  # and ones that hold several


def test_fresh_gold_is_its_own_genres() -> None:
    fresh = gold("claims-fresh.jsonl")
    assert len(fresh) == 99 and {r["lang"] for r in fresh} == {"id", "en"}
    # debates for English, IndoSum articles none of the other parts drew from
    assert all(r["source"].startswith("claimbuster:") for r in fresh if r["lang"] == "en")
    earlier = {
        r["source"] for name in ("claims-dev.jsonl", "claims-heldout.jsonl") for r in gold(name)
    }
    assert all(r["source"].startswith("indosum:") for r in fresh if r["lang"] == "id")
    assert not {r["source"] for r in fresh} & earlier


@pytest.mark.parametrize("name", ["claims-dev.jsonl", "claims-heldout.jsonl", "claims-fresh.jsonl"])
def test_claim_extraction_does_not_slide_back(name: str) -> None:
    tallies = claims_f1.evaluate(DATA / name)
    for language in ("id", "en"):
        f1 = tallies[language].scores()[2]
        assert f1 >= CLAIM_F1_FLOOR[name][language], (language, tallies[language].scores())
    speakers = tallies["all"]
    assert speakers.speakers_right / speakers.speakers >= SPEAKER_FLOOR[name]


@pytest.mark.skipif(not (SHARED_DATA / "indosum").is_dir(), reason="needs ../shared/data/indosum")
def test_speakers_in_whole_articles_do_not_slide_back() -> None:
    # benchmarks/speakers_fresh.py: 80 attributed sentences of IndoSum articles, annotated
    # blind; 55 right at the stop that added it (46 before its fixes), 58 the stop after,
    # 61-62 the next, 65 the one after, 66 the next, 69 the next
    speakers_fresh.SHARED = SHARED_DATA
    right, total, _, _ = speakers_fresh.evaluate()
    assert sum(total.values()) == 80
    assert sum(right.values()) >= 69


# ------------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "lang", "claim", "speaker"),
    [
        (
            '"Stok beras aman sampai Lebaran," kata Kepala Bulog Budi Waseso di Jakarta, Senin.',
            "id",
            "Stok beras aman sampai Lebaran",
            "Budi Waseso",
        ),
        (
            '"Harga cabai turun 10 persen," ujar Menteri Perdagangan Budi Santoso.',
            "id",
            "Harga cabai turun 10 persen",
            "Budi Santoso",
        ),
        (
            "Inflasi Januari mencapai 2,5 persen, ungkap Kepala BPS Amalia Adininggar.",
            "id",
            "Inflasi Januari mencapai 2,5 persen",
            "Amalia Adininggar",
        ),
        (
            "Pemerintah sudah menyiapkan anggaran Rp 10 triliun, jelas Sri Mulyani.",
            "id",
            "Pemerintah sudah menyiapkan anggaran Rp 10 triliun",
            "Sri Mulyani",
        ),
        (
            "Tidak ada impor beras tahun ini, tegas Presiden Prabowo Subianto.",
            "id",
            "Tidak ada impor beras tahun ini",
            "Prabowo Subianto",
        ),
        (
            "Menurut Kepala BMKG Dwikorita Karnawati, gempa itu tidak berpotensi tsunami.",
            "id",
            "Gempa itu tidak berpotensi tsunami",
            "Dwikorita Karnawati",
        ),
        (
            "Juru bicara KPK Ali Fikri mengatakan bahwa tersangka telah ditahan sejak Senin.",
            "id",
            "Tersangka telah ditahan sejak Senin",
            "Ali Fikri",
        ),
        (
            "Kapolri Jenderal Listyo Sigit Prabowo menegaskan bahwa tidak ada anggota yang kebal "
            "hukum.",
            "id",
            "Tidak ada anggota yang kebal hukum",
            "Listyo Sigit Prabowo",
        ),
        (
            "Deputi Pengembangan Pemasaran Pariwisata Nusantara, Esthy Reko Astuti mengatakan, "
            "Bimtek kali ini juga bertujuan memberi perspektif yang sama.",
            "id",
            "Bimtek kali ini juga bertujuan memberi perspektif yang sama",
            "Esthy Reko Astuti",
        ),
        (  # IndoSum (Antara): one name set off after the office by its comma
            "Sementara itu, Kepala Seksi Bimas Islam Kemenag Kota Singkawang, Mukhlis "
            "mengatakan, tata cara pemotongan hewan kurban harus sesuai dengan syariah Islam.",
            "id",
            "Tata cara pemotongan hewan kurban harus sesuai dengan syariah Islam",
            "Mukhlis",
        ),
        (
            "Direktur Jenderal Pengelolaan Pembiayaan dan Risiko Suminto mengatakan lelang surat "
            "utang diikuti banyak investor.",
            "id",
            "Lelang surat utang diikuti banyak investor",
            "Suminto",
        ),
        (
            "Chahine said her immediate family spent about $20,000 to return to Detroit via "
            "Syria and Jordan.",
            "en",
            "Her immediate family spent about $20,000 to return to Detroit via Syria and Jordan",
            "Chahine",
        ),
        (
            "The economy grew 3 percent last year, the minister said.",
            "en",
            "The economy grew 3 percent last year",
            "minister",
        ),
        (
            "The senator told reporters that the bill would cut taxes for 10 million families.",
            "en",
            "The bill would cut taxes for 10 million families",
            "senator",
        ),
        (
            "According to the World Health Organization, cases fell by 20 percent in March.",
            "en",
            "Cases fell by 20 percent in March",
            "World Health Organization",
        ),
        (
            "Dr. Jane Smith claimed that the vaccine was 95 percent effective.",
            "en",
            "The vaccine was 95 percent effective",
            "Jane Smith",
        ),
        (
            '"We have never raised taxes," Governor Tom Wolf wrote in a letter.',
            "en",
            "We have never raised taxes",
            "Tom Wolf",
        ),
        (
            '"The plant will close in June," the company added in a statement.',
            "en",
            "The plant will close in June",
            "company",
        ),
    ],
)
def test_speakers_before_or_after_the_statement(
    text: str, lang: str, claim: str, speaker: str
) -> None:
    assert claims_of(text, lang) == [(claim, speaker)]


# -------------------------------------------------------------------- needs context


@pytest.mark.parametrize(
    ("text", "lang", "reference"),
    [
        (  # "Ia" is the minister named just before: resolved, nothing to flag
            "Menteri Keuangan Sri Mulyani mengatakan, defisit anggaran turun tahun ini. "
            "Ia mengatakan, harga beras naik 5 persen.",
            "id",
            None,
        ),
        ("Ia mengatakan, harga beras naik 5 persen.", "id", "Ia"),  # nobody named before
        ("Mereka menolak tuduhan korupsi itu.", "id", "Mereka"),
        ("Hal ini menunjukkan inflasi masih tinggi.", "id", "Hal ini"),
        ("Kebijakan tersebut berlaku sejak Januari 2025.", "id", "Kebijakan tersebut"),
        ("This decision was made in May 2024.", "en", "This decision"),
        ("They rejected the report on Monday.", "en", "They"),
        ("He added that the plant will close in June.", "en", "He"),  # a speaker unknown
        ("Russia sent troops to the border in 2022.", "en", None),
    ],
)
def test_claims_that_need_an_earlier_sentence_are_flagged(
    text: str, lang: str, reference: str | None
) -> None:
    claim = split_article(text, plain=True, lang=lang).claims[-1]
    assert claim.reference == reference


# ---------------------------------------------------------------------------- revisions


def _revise(tmp_path: Path) -> Path:
    """The seed as the site edited it: the India sentence reworded, one China sentence cut."""
    text = SEED.read_text(encoding="utf-8")
    changed = text.replace(
        "Sementara itu India memiliki kerja sama pertahanan dengan Rusia.",
        "Sementara itu India memiliki kerja sama pertahanan yang erat dengan Rusia sejak 1971.",
    ).replace("China juga memiliki hubungan sangat dekat dengan Rusia. ", "")
    assert changed.count("\n") == text.count("\n") and changed != text
    path = tmp_path / "seed-revised.txt"
    path.write_text(changed, encoding="utf-8")
    return path


def _claims(cli: Cli, *args: str) -> list[dict[str, Any]]:
    return cli("claims", "list", "-n", "0", "--json", *args).json()  # type: ignore[no-any-return]


def test_a_revision_shows_exactly_what_changed(cli: Cli, tmp_path: Path) -> None:
    cli("ingest", str(SEED))
    first = _claims(cli)
    india = next(c["id"] for c in first if c["text"].startswith("India memiliki"))
    ally = next(c["id"] for c in first if c["text"] == "Rusia tetap memiliki sekutu kuat di Asia")
    assert cli("dispute", str(india), "-e", "https://www.reuters.com/india").exit_code == 0
    assert (
        cli("verify", str(ally), "-e", "https://www.bbc.com/ally", "--rating", "Benar").exit_code
        == 0
    )

    run = cli("ingest", str(_revise(tmp_path)), "--json")
    assert run.exit_code == 0, run.stderr
    [stored] = run.json()
    assert (stored["revision"], stored["previous_id"]) == (2, 1)

    diff = cli("articles", "diff", str(stored["article_id"]), "--json").json()
    assert [c["text"] for c in diff["removed"]] == [
        "China juga memiliki hubungan sangat dekat dengan Rusia"
    ]
    assert [(c["before"]["text"], c["after"]["text"]) for c in diff["changed"]] == [
        (
            "India memiliki kerja sama pertahanan dengan Rusia",
            "India memiliki kerja sama pertahanan yang erat dengan Rusia sejak 1971",
        )
    ]
    assert diff["added"] == [] and diff["unchanged"] == 24
    table = cli("articles", "diff", str(stored["article_id"])).stdout
    assert "1 removed, 1 changed, 24 unchanged" in table and "(was disputed)" not in table

    # The reviewed claim that changed is flagged; the pending one that went is not listed.
    assert [c["id"] for c in _claims(cli, "--changed")] == [india]
    assert cli("claims", "show", str(india), "--json").json()["revision_change"] == "changed"
    # The unchanged verified claim keeps its verdict in the new revision, and says why.
    latest = _claims(cli)
    assert {c["article_id"] for c in latest} == {stored["article_id"]}  # the newest only
    kept = next(c for c in latest if c["text"] == "Rusia tetap memiliki sekutu kuat di Asia")
    assert (kept["status"], kept["rating"]) == ("verified", "Benar")
    note = cli("history", str(kept["id"]), "--json").json()[-1]["note"]
    assert f"verdict of claim #{ally}" in note
    listed = cli("articles", "list", "--json").json()
    assert [a["id"] for a in listed] == [stored["article_id"]]


def test_the_same_text_again_is_not_a_revision(cli: Cli) -> None:
    cli("ingest", str(SEED))
    again = cli("ingest", str(SEED), "--json").json()
    assert again[0]["already_present"] and again[0]["revision"] == 1
    unrelated = cli("ingest", str(DATA / "en-fallujah.txt"), "--json").json()
    assert unrelated[0]["revision"] == 1 and unrelated[0]["previous_id"] is None
    refused = cli("articles", "diff", "1")
    assert refused.exit_code == 1 and "has no earlier revision" in refused.stderr


def test_an_outlets_footer_and_source_line_are_not_claims() -> None:
    """A real DailySocial article (IndoSum, CC BY-SA 4.0): its "Sumber:" line and the
    blurb the outlet prints under every article are page furniture."""
    text = (DATA / "dailysocial-google-calendar.txt").read_text(encoding="utf-8")
    document = split_article(text)
    claims = [c.text for c in document.claims]
    assert len(claims) >= 8
    assert not [c for c in claims if "DailySocial.id" in c or c.startswith("Sumber")]
    assert claims[-1].startswith("Administrator G Suite juga dapat mengaktifkan tampilan baru")
    footer = text.index("DailySocial.id adalah portal berita")
    assert any(span.start <= footer < span.end for span in document.furniture)
