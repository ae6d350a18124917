"""The shipped parsers on the UD dev files: POS accuracy, UAS, LAS, and speed.

The dev files (Indonesian GSD dev, current release; English EWT dev) were not trained on.
Words are the tokenisation claimcheck reads (training/prepare.py: Indonesian multiword
tokens as one word); the parser runs on spaCy's own tokenisation of the text and is scored
through spaCy's alignment, as in use.

    .venv/bin/python benchmarks/parser_accuracy.py [--ud ../shared/data/ud-train]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from prepare import read_conllu, to_doc  # noqa: E402

from claimcheck.pipeline.parse import _pipeline  # noqa: E402

DEV = {"id": "id_gsd-ud-dev.conllu", "en": "en_ewt-ud-dev.conllu"}


def evaluate(lang: str, ud: Path) -> dict[str, float]:
    from spacy.training import Example

    nlp = _pipeline(lang)
    sentences = read_conllu(ud / DEV[lang], merge_multiword=lang == "id")
    gold = [to_doc(nlp.vocab, s, feats=lang == "en") for s in sentences]
    examples = [Example(nlp.make_doc(doc.text), doc) for doc in gold]
    start = time.perf_counter()
    scores = nlp.evaluate(examples)
    seconds = time.perf_counter() - start
    words = sum(len(doc) for doc in gold)
    return {
        "sentences": len(gold),
        "words": words,
        "pos": scores["pos_acc"],
        "uas": scores["dep_uas"],
        "las": scores["dep_las"],
        "words_per_s": words / seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = Path(os.environ.get("CLAIMCHECK_SHARED_DATA", ROOT.parent / "shared" / "data"))
    parser.add_argument("--ud", type=Path, default=shared / "ud-train")
    args = parser.parse_args()
    for lang in ("id", "en"):
        r = evaluate(lang, args.ud)
        print(
            f"{lang} {DEV[lang]}: {r['sentences']} sentences, {r['words']} words  "
            f"POS {r['pos']:.3f}  UAS {r['uas']:.3f}  LAS {r['las']:.3f}  "
            f"({r['words_per_s']:.0f} words/s, one process)"
        )


if __name__ == "__main__":
    main()
