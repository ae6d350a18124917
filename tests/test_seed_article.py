"""The seed article (a real iNews.id page with its page furniture), end to end.

Every expectation here was written by hand from reading the article, not copied from
claimcheck's output.
"""

from __future__ import annotations

from typing import Any

import pytest

from claimcheck.pipeline import article_text, split_article
from tests.conftest import SEED

FURNITURE = [
    "Zulhilmi Yahya",
    "(Foto: AP)",
    "JAKARTA, iNews.id",
    "Editor :",
    "Anton Suhartono",
    "Artikel Terkait",
    "Internasional",
    "1 hari lalu",
    "Wapres AS JD Vance Bertengkar dengan Menlu Rubio gara-gara Ukraina?",
    "Kapan Perang Rusia-Ukraina Berakhir?",
    "Ini Jawaban Trump",
    "Iran Eksekusi Mati Pria Pemerkosa 2 Perempuan di Depan Umum",
    "Trump kepada Ukraina: Serahkan Wilayah ke Rusia atau Lanjut Perang?",
    "Berita Terkini",
    "Network",
    "pebisnis media",
    "News updates from 99+ regions",
    "Personalize Your News",
    "Login to enjoy more features",
    "Kanal",
]

BODY_SENTENCES = [
    "Daftar negara-negara sahabat Rusia di Asia menarik perhatian, terutama setelah invasi ke "
    "Ukraina pada 2022.",
    "Meski menghadapi tekanan dan sanksi berat dari Amerika Serikat (AS) serta negara-negara "
    "Barat, Rusia tetap memiliki sekutu kuat di Asia.",
    "Empat negara itu adalah China, Korea Utara (Korut), Iran, dan India.",
    "Korut membantu Rusia dalam perang melawan Ukraina dengan mengirim pasukan serta persenjataan "
    "seperti artileri dan rudal.",
    "Iran juga disebut berkontribusi dalam perang Rusia melawan Ukraina, terutama dengan mengirim "
    "drone-drone kamikaze.",
    "China juga memiliki hubungan sangat dekat dengan Rusia.",
    "Setidaknya Negeri Tirai Bambu tak pernah mengecam agresi Rusia ke Ukraina yang dianggap "
    "sebagai dukungan tersembunyi.",
    "Sementara itu India memiliki kerja sama pertahanan dengan Rusia.",
    "China menjadi negara terdepan dalam daftar 4 negara sahabat Rusia di Asia.",
    "Hubungan Rusia dan China sudah terjalin erat sejak lama, bahkan semakin kuat setelah konflik "
    "di Ukraina.",
    'Presiden Xi Jinping menegaskan bahwa kerja sama antara China dan Rusia memiliki "kekuatan '
    'pendorong internal yang kuat" dan tidak dapat dipengaruhi oleh pihak ketiga manapun.',
    "Meskipun bersikap netral secara formal terhadap perang Rusia-Ukraina, China tidak pernah "
    "secara langsung mengecam Rusia.",
    "Aliansi strategis ini didorong oleh tantangan serupa yang dihadapi keduanya dari "
    "negara-negara Barat, khususnya Amerika Serikat.",
    "Dengan saling mendukung, Rusia dan China memperkuat posisi mereka di panggung global.",
    "Korea Utara menjadi negara berikutnya dalam daftar 4 negara sahabat Rusia di Asia.",
    "Dukungan Korea Utara terhadap Rusia tidak hanya bersifat diplomatik, tetapi juga militer.",
    "Baru-baru ini, Korea Utara secara resmi mengakui telah mengirim pasukan untuk membantu Rusia "
    "dalam perang melawan Ukraina.",
    "Pemimpin Korea Utara Kim Jong Un dalam surat Tahun Baru 2025 menyatakan harapannya agar "
    "Rusia memenangkan perang tersebut.",
    "Pengiriman tentara ini merupakan bagian dari Perjanjian Kemitraan Strategis Komprehensif "
    "antara Korea Utara dan Rusia.",
    "Selain itu, Korea Utara juga disebut memasok artileri dan rudal kepada Rusia, memperlihatkan "
    "tingkat solidaritas yang sangat tinggi antara kedua negara.",
]

# Compound sentences and the clauses they must become (subject restored where elided).
SPLITS = {
    "Meski menghadapi tekanan": [
        "Rusia menghadapi tekanan dan sanksi berat dari Amerika Serikat (AS) serta negara-negara "
        "Barat",
        "Rusia tetap memiliki sekutu kuat di Asia",
    ],
    "Hubungan Rusia dan China sudah": [
        "Hubungan Rusia dan China sudah terjalin erat sejak lama",
        "Hubungan Rusia dan China semakin kuat setelah konflik di Ukraina",
    ],
    "Presiden Xi Jinping": [
        'Kerja sama antara China dan Rusia memiliki "kekuatan pendorong internal yang kuat"',
        "Kerja sama antara China dan Rusia tidak dapat dipengaruhi oleh pihak ketiga manapun",
    ],
    "Meskipun bersikap netral": [
        "China bersikap netral secara formal terhadap perang Rusia-Ukraina",
        "China tidak pernah secara langsung mengecam Rusia",
    ],
    "Dukungan Korea Utara": [
        "Dukungan Korea Utara terhadap Rusia bersifat diplomatik",
        "Dukungan Korea Utara terhadap Rusia bersifat militer",
    ],
}


def _claims(article: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for s in article["sentences"] for c in s["claims"]]


def test_metadata(seed_article: dict[str, Any]) -> None:
    assert seed_article["title"] == (
        "4 Negara Sahabat Rusia di Asia, Nomor 2 Kirim Pasukan Bantu Perang Lawan Ukraina"
    )
    assert seed_article["author"] == "Zulhilmi Yahya"
    assert seed_article["outlet"] == "iNews.id"
    assert seed_article["dateline"] == "JAKARTA"
    assert seed_article["editor"] == "Anton Suhartono"
    assert seed_article["language"] == "id"
    assert seed_article["photo_credit"] == "AP"


def test_every_body_sentence_in_order(seed_article: dict[str, Any]) -> None:
    body = [s["text"] for s in seed_article["sentences"] if s["role"] == "body"]
    assert body == BODY_SENTENCES


def test_roles(seed_article: dict[str, Any]) -> None:
    by_role: dict[str, list[str]] = {}
    for s in seed_article["sentences"]:
        by_role.setdefault(s["role"], []).append(s["text"])
    assert by_role["caption"] == [
        "Rusia menjalin hubungan lebih erat dengan 4 negara Asia sejak perang Ukraina"
    ]
    assert by_role["heading"] == ["4 Negara Sahabat Rusia di Asia", "1. China", "2. Korea Utara"]
    assert len(by_role["title"]) == 1


def test_offsets_point_into_the_article_text() -> None:
    text, hints = article_text(SEED.read_text(encoding="utf-8"))
    document = split_article(text, hints=hints)
    for sentence in document.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for claim in sentence.claims:
            assert sentence.start <= claim.start < claim.end <= sentence.end


@pytest.mark.parametrize("furniture", FURNITURE)
def test_no_page_furniture_in_any_claim(seed_article: dict[str, Any], furniture: str) -> None:
    for claim in _claims(seed_article):
        assert furniture not in claim["text"]


def test_headings_and_title_give_no_claims(seed_article: dict[str, Any]) -> None:
    for sentence in seed_article["sentences"]:
        if sentence["role"] in ("heading", "title"):
            assert sentence["claims"] == []


@pytest.mark.parametrize("opening", sorted(SPLITS))
def test_compound_sentences_split_into_clauses(seed_article: dict[str, Any], opening: str) -> None:
    sentence = next(s for s in seed_article["sentences"] if s["text"].startswith(opening))
    assert [c["text"] for c in sentence["claims"]] == SPLITS[opening]


def test_noun_phrase_list_stays_whole(seed_article: dict[str, Any]) -> None:
    sentence = next(s for s in seed_article["sentences"] if s["text"].startswith("Empat negara"))
    assert [c["text"] for c in sentence["claims"]] == [
        "Empat negara itu adalah China, Korea Utara (Korut), Iran, dan India"
    ]


def test_discourse_openers_dropped(seed_article: dict[str, Any]) -> None:
    texts = [c["text"] for c in _claims(seed_article)]
    assert "India memiliki kerja sama pertahanan dengan Rusia" in texts
    assert not any(t.startswith(("Sementara itu", "Selain itu", "Setidaknya")) for t in texts)
    assert (
        "Korea Utara juga disebut memasok artileri dan rudal kepada Rusia, memperlihatkan tingkat "
        "solidaritas yang sangat tinggi antara kedua negara" in texts
    )


def test_xi_jinping_is_the_speaker(seed_article: dict[str, Any]) -> None:
    speakers = {c["text"]: c["speaker"] for c in _claims(seed_article)}
    for text in SPLITS["Presiden Xi Jinping"]:
        assert speakers[text] == "Xi Jinping"
    others = {
        t: s
        for t, s in speakers.items()
        if s is not None and t not in SPLITS["Presiden Xi Jinping"]
    }
    # "Korea Utara secara resmi mengakui telah mengirim pasukan ...": what North Korea
    # admitted, with North Korea as its subject and its speaker (docs/claims.md, rule 3)
    assert others == {
        "Korea Utara telah mengirim pasukan untuk membantu Rusia dalam perang melawan Ukraina": (
            "Korea Utara"
        )
    }


def test_disebut_sentences_are_hedged(seed_article: dict[str, Any]) -> None:
    hedged = {c["text"] for c in _claims(seed_article) if c["hedged"]}
    disebut = {t for t in hedged if "disebut" in t}
    assert disebut == {
        "Iran juga disebut berkontribusi dalam perang Rusia melawan Ukraina, terutama dengan "
        "mengirim drone-drone kamikaze",
        "Korea Utara juga disebut memasok artileri dan rudal kepada Rusia, memperlihatkan tingkat "
        "solidaritas yang sangat tinggi antara kedua negara",
    }
    # "yang dianggap sebagai dukungan tersembunyi": a regarded-as judgement, also second-hand.
    assert hedged - disebut == {
        "Negeri Tirai Bambu tak pernah mengecam agresi Rusia ke Ukraina yang dianggap sebagai "
        "dukungan tersembunyi"
    }


def test_claim_count(seed_article: dict[str, Any]) -> None:
    # 20 body sentences, 5 of them split in two, plus the photo caption.
    assert len(_claims(seed_article)) == 20 + 5 + 1
    assert all(c["status"] == "pending" for c in _claims(seed_article))
