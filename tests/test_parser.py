"""The packaged parsers: loaded lazily, from the package, with no network; sentences they
cannot make sense of give the sentence itself or no claim, never an exception."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap

import pytest

from claimcheck.pipeline import split_article
from claimcheck.pipeline.parse import MODELS, parse_sentences
from tests.conftest import DATA


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_commands_that_do_not_split_text_never_import_spacy() -> None:
    done = run_python(
        """
        import sys
        import claimcheck.cli.app, claimcheck.pipeline, claimcheck.services.ingest
        print(any(name == "spacy" or name.startswith("spacy.") for name in sys.modules))
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_the_parsers_load_from_the_package_with_the_network_cut() -> None:
    # Any attempt to open a connection fails the run: spaCy must read only claimcheck/models.
    done = run_python(
        """
        import socket
        def refuse(*args, **kwargs):
            raise SystemExit("network access attempted")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        from claimcheck.pipeline.parse import MODELS, parse_sentences
        import spacy
        for lang, text in (("id", "Korut mengirim pasukan ke Rusia."), ("en", "Seoul sent aid.")):
            parse = parse_sentences([text], lang)[0]
            print(lang, [t.dep for t in parse.tokens])
        print(spacy.util.get_package_path if False else "ok", MODELS)
        """
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("id [") and "'root'" in lines[0]
    assert lines[1].startswith("en [") and "'root'" in lines[1]


def test_the_english_tokenizer_saved_with_its_parser_is_the_one_it_loads_without_reading_it() -> (
    None
):
    """The pipeline is loaded without its saved tokenizer (the language's own is built
    anyway): that holds only while the saved one is byte for byte the same."""
    from claimcheck.pipeline import parse

    loaded = parse._pipeline("en")
    saved = type(loaded.tokenizer)(loaded.vocab).from_disk(MODELS / "en" / "tokenizer")
    assert saved.to_bytes() == loaded.tokenizer.to_bytes()
    assert len(saved.rules or {}) > 1000  # the exceptions were read, not an empty tokenizer


def _indonesian_texts() -> list[str]:
    texts = [
        p.read_text(encoding="utf-8")
        for p in [*DATA.glob("*.txt"), *(DATA / "pages").glob("*.txt")]
    ]
    for name in ("claims-dev.jsonl", "claims-heldout.jsonl", "indosum-sample.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts.append(record.get("sentence") or record.get("text") or "")
    return [t for t in texts if t]


def test_the_indonesian_tokenizer_is_the_saved_one_but_for_hyphens_between_letters() -> None:
    """Indonesian runs on its own tokenizer (pipeline/parse.py): the one saved with the
    parser (spaCy's, which training used) except that a hyphen between two letters never
    splits a word. Each of spaCy's 15,614 hyphenated exceptions is still one token, and on
    real text the two differ only where spaCy split such a hyphen."""
    from claimcheck.pipeline import parse

    loaded = parse._pipeline("id")
    saved = type(loaded.tokenizer)(loaded.vocab).from_disk(MODELS / "id" / "tokenizer")
    listed = [word for word in saved.rules if re.search(r"[^\W\d_]-[^\W\d_]", word)]
    assert len(listed) > 15_000
    assert [w for w in listed if len(loaded.tokenizer(w)) != 1] == []
    merged = 0
    texts = _indonesian_texts()
    assert len(texts) > 300
    for text in texts:
        old = [t.text for t in saved(text)]
        new = [t.text for t in loaded.tokenizer(text)]
        joined: list[str] = []
        i = 0
        while i < len(old):  # spaCy's "Jakarta", "-", "Bandung" is one token here
            word = old[i]
            while (
                i + 2 < len(old)
                and old[i + 1] == "-"
                and word[-1:].isalpha()
                and old[i + 2][:1].isalpha()
                and f"{word}-{old[i + 2]}" in text
            ):
                word, i, merged = f"{word}-{old[i + 2]}", i + 2, merged + 1
            joined.append(word)
            i += 1
        assert new == joined, text[:200]
    assert merged > 0  # the texts hold such words: the comparison saw some
    sample = "Alih-alih datang, masing-masing fans K-pop ke Jakarta-Bandung pada 2019-2020."
    assert [t.text for t in loaded.tokenizer(sample)] == [
        "Alih-alih", "datang", ",", "masing-masing", "fans", "K-pop", "ke", "Jakarta-Bandung",
        "pada", "2019", "-", "2020", ".",
    ]  # fmt: skip


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_parser_ships_with_its_licence(lang: str) -> None:
    folder = MODELS / lang
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0"
    licences = sorted(p.name for p in folder.glob("LICENSE-*.txt"))
    assert licences == (
        ["LICENSE-CSUI.txt", "LICENSE-GSD.txt"] if lang == "id" else ["LICENSE-EWT.txt"]
    )
    for name in licences:
        text = (folder / name).read_text(encoding="utf-8")
        assert "Attribution-ShareAlike 4.0" in text or "by-sa/4.0" in text, name
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert size < 15_000_000


def test_a_parse_is_plain_offsets_into_the_sentence() -> None:
    sentence = "Presiden Xi Jinping menegaskan bahwa kerja sama itu kuat."
    parse = parse_sentences([sentence], "id")[0]
    assert [sentence[t.start : t.end] for t in parse.tokens] == [t.text for t in parse.tokens]
    roots = [t for t in parse.tokens if t.dep == "root"]
    assert len(roots) == 1 and roots[0].head == roots[0].i
    assert all(0 <= t.head < len(parse.tokens) for t in parse.tokens)


def test_a_reduplication_written_with_a_spaced_hyphen_is_one_word() -> None:
    # IndoSum writes "disebut-sebut" as "disebut - sebut": three tokens had made a verb, a
    # dash and a second verb ("Alves juga disebut" / "Alves sebut tengah didekati ...")
    sentence = "Alves juga disebut - sebut tengah didekati Chelsea, dua anak - anaknya juga."
    parse = parse_sentences([" " + sentence], "id", skip=[1])[0]
    words = [t.text for t in parse.tokens]
    assert "disebut - sebut" in words and "anak - anaknya" in words
    assert [" " + sentence][0][parse.tokens[0].start : parse.tokens[-1].end] == sentence
    assert all(parse.text[t.start : t.end] == t.text for t in parse.tokens)
    verb = parse.tokens[words.index("disebut - sebut")]
    assert verb.pos == "VERB"
    # not a reduplication: two names, a score, English
    other = parse_sentences(["Laga Jakarta - Bandung berakhir 2 - 2."], "id")[0]
    assert "Jakarta" in [t.text for t in other.tokens] and "-" in [t.text for t in other.tokens]
    english = parse_sentences(["The trade - trade war - went on."], "en")[0]
    assert "trade - trade" not in [t.text for t in english.tokens]


HOSTILE = [
    ("id", "kata " * 400 + "."),  # 2,000 characters of run-on text
    ("en", "Spending " + "and more spending, " * 120 + "rose."),
    ("id", "!!! ??? ... --- *** ###"),
    ("en", "1234 5678 9012 3456"),
    ("id", "Harga beras 價格上漲 naik лучше 5 persen بالتأكيد."),
    ("en", '"""(((]]]'),
    ("id", "Ya."),
    ("en", "The the the the the the the the the the."),
]


@pytest.mark.parametrize(("lang", "text"), HOSTILE)
def test_sentences_the_parser_cannot_handle_give_the_sentence_or_no_claim(
    lang: str, text: str
) -> None:
    document = split_article(text, plain=True, lang=lang)

    def bare(word: str) -> str:
        return word.strip(".,!?\"'()[]").lower()

    words = {bare(w) for w in text.split()}
    restored = {bare(w) for c in document.claims for r in c.restored for w in r.split()}
    for claim in document.claims:
        assert {bare(w) for w in claim.text.split()} <= words | restored, claim
        assert 0 <= claim.start < claim.end <= len(text)


def test_a_long_run_loads_the_parser_afresh_instead_of_growing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """spaCy keeps every new word: past VOCAB_GROWTH new ones the pipeline is reloaded, and
    the parses stay the same."""
    from claimcheck.pipeline import parse

    sentences = [
        line.strip()
        for line in (DATA / "inews-4-negara-sahabat-rusia.txt").read_text().splitlines()
        if len(line.split()) > 12
    ][:8]
    first = parse_sentences(sentences, "id")
    monkeypatch.setattr(parse, "VOCAB_GROWTH", 40)
    loaded = parse._pipeline("id")
    words = (DATA / "kabardunia-dukungan-korut-iran.txt").read_text().split()
    parse_sentences([" ".join(words[i : i + 30]) for i in range(0, len(words), 30)], "id")
    assert len(loaded.vocab) - parse._loaded["id"][1] > 40  # it grew past the limit
    again = parse_sentences(sentences, "id")
    assert parse._pipeline("id") is not loaded  # a fresh pipeline
    assert len(parse._pipeline("id").vocab) < len(loaded.vocab)
    assert again == first
