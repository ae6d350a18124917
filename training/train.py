"""Train the parsers claimcheck ships, from the Universal Dependencies treebanks.

    .venv/bin/python training/train.py ../shared/data [--lang id en] [--work /tmp/claimcheck-train]

Steps, all with fixed seeds (spaCy's [system] seed in training/parser.cfg, and SEED below):
1. training/prepare.py turns the CoNLL-U files into spaCy's binary format (Indonesian GSD
   train v2.1 + CSUI train, English EWT train; GSD dev and EWT dev for choosing the model).
2. Indonesian only: the tok2vec layer is pretrained on raw IndoSum news text (spaCy's
   character objective), leaving out every article a gold claim sentence was drawn from.
3. spacy train with training/parser.cfg.
4. The best model goes to claimcheck/models/<lang>/ with the treebank licence beside it.

The spaCy version is pinned (SPACY_VERSION): a pipeline trained by one minor version loads
only in the same one. Training takes about an hour per language on two cores.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "training" / "parser.cfg"
MODELS = ROOT / "claimcheck" / "models"
SPACY_VERSION = "3.8.18"
SEED = 0
PRETRAIN_EPOCHS = 5  # the epoch whose weights are used (model4.bin)
TRAIN = {
    "id": {"max_steps": 8000, "patience": 2500, "dropout": 0.2},
    "en": {"max_steps": 15000, "patience": 3000, "dropout": 0.1},
}
TREEBANKS = {
    "id": "UD_Indonesian-GSD (train, UD v2.1) and UD_Indonesian-CSUI (train)",
    "en": "UD_English-EWT (train)",
}
LICENCES = {"id": ("LICENSE-GSD.txt", "LICENSE-CSUI.txt"), "en": ("LICENSE-EWT.txt",)}
GOLD = [
    ROOT / "tests" / "data" / "claims-dev.jsonl",
    ROOT / "tests" / "data" / "claims-heldout.jsonl",
]


def run(*args: str) -> None:
    print("+", " ".join(args), flush=True)
    subprocess.run(args, check=True)


def raw_text(shared: Path, out: Path) -> Path:
    """IndoSum paragraphs for pretraining, without the articles the claim gold comes from."""
    gold = {json.loads(line)["source"] for path in GOLD for line in path.open(encoding="utf-8")}
    target = out / "id-raw.jsonl"
    with target.open("w", encoding="utf-8") as f:
        for line in (shared / "indosum" / "articles.jsonl").open(encoding="utf-8"):
            article = json.loads(line)
            if f"indosum:{article['id']}" in gold:
                continue
            for paragraph in article["text"].split("\n\n"):
                if len(paragraph.split()) >= 5:
                    f.write(json.dumps({"text": paragraph}, ensure_ascii=False) + "\n")
    return target


def train(lang: str, shared: Path, work: Path) -> None:
    python = sys.executable
    ud = shared / "ud-train"
    run(python, str(ROOT / "training" / "prepare.py"), str(ud), str(work), lang)
    config = work / f"parser-{lang}.cfg"
    config.write_text(CONFIG.read_text().replace("lang = null", f'lang = "{lang}"'))
    init: list[str] = []
    if lang == "id":
        filled = work / "pretrain-id.cfg"
        run(python, "-m", "spacy", "init", "fill-config", str(config), str(filled), "--pretraining")
        run(
            python, "-m", "spacy", "pretrain", str(filled), str(work / "pretrain-id"),
            "--paths.raw_text", str(raw_text(shared, work)),
            "--pretraining.max_epochs", str(PRETRAIN_EPOCHS),
            "--system.seed", str(SEED),
        )  # fmt: skip
        init = [
            "--paths.init_tok2vec",
            str(work / "pretrain-id" / f"model{PRETRAIN_EPOCHS - 1}.bin"),
        ]
    settings = TRAIN[lang]
    out = work / f"run-{lang}"
    run(
        python, "-m", "spacy", "train", str(config),
        "--paths.train", str(work / f"{lang}-train.spacy"),
        "--paths.dev", str(work / f"{lang}-dev.spacy"),
        "--training.max_steps", str(settings["max_steps"]),
        "--training.patience", str(settings["patience"]),
        "--training.dropout", str(settings["dropout"]),
        "--system.seed", str(SEED),
        "-o", str(out), *init,
    )  # fmt: skip
    package(lang, out / "model-best", ud)


def package(lang: str, model: Path, ud: Path) -> None:
    target = MODELS / lang
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    shutil.copytree(model, target)
    for name in LICENCES[lang]:
        shutil.copy(ud / name, target / name)
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name=f"claimcheck_{lang}",
        license="CC BY-SA 4.0",
        sources=[TREEBANKS[lang]],
        description="claimcheck's parser: tok2vec, morphologizer, dependency parser",
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (target / "README.md").write_text(
        f"# claimcheck's {lang} parser\n\n"
        "A spaCy pipeline (tok2vec, morphologizer, dependency parser) trained by "
        "training/train.py on Universal Dependencies treebanks: "
        + TREEBANKS[lang]
        + ". The treebanks are licensed CC BY-SA 4.0 (the licence files beside this one), "
        "and so is this model, which is derived from them.\n",
        encoding="utf-8",
    )
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"{lang}: {target} ({size / 1e6:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "shared", type=Path, help="the shared data folder (holds ud-train/, indosum/)"
    )
    parser.add_argument("--lang", nargs="+", default=["id", "en"], choices=["id", "en"])
    parser.add_argument("--work", type=Path, default=Path("/tmp/claimcheck-train"))
    args = parser.parse_args()
    import spacy

    if spacy.__version__ != SPACY_VERSION:
        sys.exit(f"training needs spaCy {SPACY_VERSION} (pip install spacy=={SPACY_VERSION})")
    args.work.mkdir(parents=True, exist_ok=True)
    for lang in args.lang:
        train(lang, args.shared.resolve(), args.work)


if __name__ == "__main__":
    main()
