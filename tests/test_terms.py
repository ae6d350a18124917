"""Index terms: the shortcut past Sastrawi gives Sastrawi's own answers."""

from __future__ import annotations

import json
import random
import subprocess
import sys

from claimcheck.matching.normalize import match_text
from claimcheck.matching.terms import _INDONESIAN, _kept_by_sastrawi, stem
from tests.conftest import DATA

PREFIXES = [
    "",
    "di",
    "ke",
    "se",
    "ber",
    "be",
    "ter",
    "te",
    "me",
    "mem",
    "men",
    "meng",
    "meny",
    "pe",
    "pem",
    "pen",
    "peng",
    "peny",
    "per",
    "ku",
    "kau",
    "memper",
    "diper",
    "ke",
]
SUFFIXES = [
    "",
    "lah",
    "kah",
    "tah",
    "pun",
    "ku",
    "mu",
    "nya",
    "i",
    "kan",
    "an",
    "is",
    "isme",
    "isasi",
    "nyalah",
    "kannya",
]


def _real_words() -> set[str]:
    words: set[str] = set()
    for path in DATA.glob("*.txt"):
        words.update(match_text(path.read_text(encoding="utf-8")).split())
    for line in (DATA / "indosum-sample.jsonl").read_text(encoding="utf-8").splitlines():
        words.update(match_text(json.loads(line)["text"]).split())
    return words


def _affixed_words(count: int) -> set[str]:
    """Dictionary roots with affixes on, mutated a letter: words the rules apply to, and
    near-words (typos, names) they almost apply to."""
    rng = random.Random(15)
    roots = sorted(_INDONESIAN.dictionary.words)
    made: set[str] = set()
    while len(made) < count:
        root = rng.choice(roots)
        word = rng.choice(PREFIXES) + root + rng.choice(SUFFIXES)
        if rng.random() < 0.5:
            i = rng.randrange(len(word))
            word = word[:i] + rng.choice("abdegiklmnoprstuy") + word[i + 1 :]
        made.add(word)
    return made


def test_words_the_shortcut_keeps_are_words_sastrawi_keeps() -> None:
    words = sorted(w for w in _real_words() | _affixed_words(3000) if len(w) >= 4)
    kept = [w for w in words if _kept_by_sastrawi(w)]
    assert len(kept) > 500  # the shortcut does take many words past Sastrawi
    assert [w for w in kept if _INDONESIAN.stem(w) != w] == []


def test_stems_are_sastrawis() -> None:
    for word, root in [
        ("mengirimkan", "kirim"),
        ("dikirim", "kirim"),
        ("menyapu", "sapu"),
        ("kemiskinan", "miskin"),
        ("pertahanan", "tahan"),
        ("jakarta", "jakarta"),
        ("sraata", "sraata"),
        ("café", "caf"),  # Sastrawi drops what is not a-z before stemming
    ]:
        assert stem(word, "id") == root == _INDONESIAN.stem(word)


def test_sastrawi_sped_up_stems_as_sastrawi_installed() -> None:
    """terms.py takes Sastrawi's per-word patterns past ``re`` and ends its prefix rounds
    when one takes nothing off; Sastrawi unpatched, in a process of its own, must give every
    word the same stem (the words of the test articles and IndoSum sample, and affixed
    roots with typos in them: the words its rules apply to and almost apply to)."""
    words = sorted(w for w in _real_words() | _affixed_words(6000) if len(w) >= 4)
    words += [f"{w}-{w}" for w in words[::50]] + ["meniru-nirukan", "berbalas-balasan"]
    pristine = (
        "import json, sys\n"
        "from Sastrawi.Stemmer.StemmerFactory import StemmerFactory\n"
        "stemmer = StemmerFactory().create_stemmer().delegatedStemmer\n"
        "print(json.dumps([stemmer.stem(w) for w in json.load(sys.stdin)]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", pristine],
        input=json.dumps(words),
        capture_output=True,
        text=True,
        check=True,
    )
    expected = json.loads(done.stdout)
    assert len(words) > 5_000
    assert [w for w, e in zip(words, expected, strict=True) if _INDONESIAN.stem(w) != e] == []
