"""CoNLL-U treebanks -> spaCy training files (DocBin), in the tokenisation claimcheck reads.

Indonesian: multiword tokens (clitics such as -nya, -lah, -kah) become the one surface token
spaCy's Indonesian tokenizer sees, with the attributes of the word that attaches outside it.
The GSD train file is the UD v2.1 release; its older conventions are brought to the current
ones where that is mechanical: "teman - teman" is the one token "teman-teman", a clause under
"yang" is acl:relcl, a flat run of proper nouns is flat:name. Indonesian FEATS are dropped
(GSD v2.1 holds only two features, CSUI many; one label set for both). English keeps the
treebank's syntactic words (spaCy splits "don't" the same way) and its FEATS.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

# Of the GSD v2.1 sentences with a spaced hyphen, this share is rewritten without the spaces
# ("teman-teman"); the rest keep them, as text rebuilt from tokens (IndoSum) has them.
HYPHEN_MERGE_SHARE = 0.7
SEED = 0


@dataclass
class Word:
    form: str
    upos: str
    feats: str
    head: int  # 1-based, 0 for the root
    deprel: str
    space_after: bool = True


@dataclass
class Sentence:
    sent_id: str
    words: list[Word] = field(default_factory=list)


def read_conllu(path: Path, *, merge_multiword: bool) -> list[Sentence]:
    sentences: list[Sentence] = []
    current = Sentence("")
    # multiword token ranges: (first, last, form, space_after)
    ranges: list[tuple[int, int, str, bool]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            current.sent_id = line.split("=", 1)[1].strip()
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            if current.words:
                sentences.append(_merge(current, ranges) if merge_multiword else current)
            current, ranges = Sentence(""), []
            continue
        cols = line.split("\t")
        space_after = "SpaceAfter=No" not in cols[9]
        if "." in cols[0]:
            continue  # empty nodes of the enhanced graph
        if "-" in cols[0]:
            first, last = (int(x) for x in cols[0].split("-"))
            ranges.append((first, last, cols[1], space_after))
            continue
        current.words.append(Word(cols[1], cols[3], cols[5], int(cols[6]), cols[7], space_after))
    if current.words:
        sentences.append(_merge(current, ranges) if merge_multiword else current)
    return sentences


def _merge(sentence: Sentence, ranges: list[tuple[int, int, str, bool]]) -> Sentence:
    """Collapse each multiword token into one word."""
    groups = [(first, last, form, space) for first, last, form, space in ranges]
    return _collapse(sentence, groups)


def _collapse(sentence: Sentence, groups: list[tuple[int, int, str, bool]]) -> Sentence:
    """Replace each run of words ``first..last`` (1-based) by one word ``form``: it takes the
    attributes of the first word whose head lies outside the run; heads are renumbered."""
    if not groups:
        return sentence
    words = sentence.words
    new_index: dict[int, int] = {}
    keep: list[tuple[int, Word]] = []
    starts = {first: (last, form, space) for first, last, form, space in groups}
    i = 1
    while i <= len(words):
        if i in starts:
            last, form, space = starts[i]
            members = range(i, last + 1)
            main = next((m for m in members if not i <= words[m - 1].head <= last), i)
            w = words[main - 1]
            merged = Word(form, w.upos, w.feats, w.head, w.deprel, space)
            for m in members:
                new_index[m] = len(keep) + 1
            keep.append((main, merged))
            i = last + 1
        else:
            new_index[i] = len(keep) + 1
            keep.append((i, words[i - 1]))
            i += 1
    out = Sentence(sentence.sent_id)
    for position, (_, w) in enumerate(keep, start=1):
        head = new_index[w.head] if w.head else 0
        if head == position:  # a member pointed at its own run: attach as the main word did
            head = 0 if w.deprel == "root" else head
        out.words.append(Word(w.form, w.upos, w.feats, head, w.deprel, w.space_after))
    return out


def harmonise_gsd21(sentence: Sentence, rng: random.Random) -> Sentence:
    words = sentence.words
    for w in words:
        if (
            w.deprel == "flat"
            and w.upos == "PROPN"
            and w.head
            and words[w.head - 1].upos == "PROPN"
        ):
            w.deprel = "flat:name"
    for w in words:
        if w.form.lower() == "yang" and w.head:
            head = words[w.head - 1]
            if head.deprel in {"acl", "amod"}:
                head.deprel = "acl:relcl"
    if not rng.random() < HYPHEN_MERGE_SHARE:
        return sentence
    groups = []
    i = 1
    while i + 2 <= len(words):
        a, dash, b = words[i - 1], words[i], words[i + 1]
        if dash.form == "-" and a.form.isalnum() and b.form.isalnum() and a.space_after:
            groups.append((i, i + 2, f"{a.form}-{b.form}", b.space_after))
            i += 3
        else:
            i += 1
    return _collapse(sentence, groups)


def to_doc(vocab: spacy.vocab.Vocab, sentence: Sentence, *, feats: bool) -> Doc:
    words = [w.form for w in sentence.words]
    spaces = [w.space_after for w in sentence.words]
    spaces[-1] = False
    heads = [(w.head - 1) if w.head else i for i, w in enumerate(sentence.words)]
    deps = [w.deprel for w in sentence.words]
    pos = [w.upos if w.upos != "_" else "X" for w in sentence.words]
    morphs = [(w.feats if feats and w.feats != "_" else "") for w in sentence.words]
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, morphs=morphs)


def build(lang: str, ud: Path, out: Path) -> None:
    rng = random.Random(SEED)
    nlp = spacy.blank(lang)
    out.mkdir(parents=True, exist_ok=True)
    if lang == "id":
        train = [
            harmonise_gsd21(s, rng)
            for s in read_conllu(ud / "id_gsd-ud-train.conllu", merge_multiword=True)
        ]
        train += read_conllu(ud / "id_csui-ud-train.conllu", merge_multiword=True)
        dev = read_conllu(ud / "id_gsd-ud-dev.conllu", merge_multiword=True)
        feats = False
    else:
        train = read_conllu(ud / "en_ewt-ud-train.conllu", merge_multiword=False)
        dev = read_conllu(ud / "en_ewt-ud-dev.conllu", merge_multiword=False)
        feats = True
    for name, sentences in (("train", train), ("dev", dev)):
        docs = DocBin(store_user_data=False)
        for s in sentences:
            docs.add(to_doc(nlp.vocab, s, feats=feats))
        docs.to_disk(out / f"{lang}-{name}.spacy")
        tokens = sum(len(s.words) for s in sentences)
        print(f"{lang} {name}: {len(sentences)} sentences, {tokens} tokens")


if __name__ == "__main__":
    ud_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    for language in sys.argv[3:] or ["id", "en"]:
        build(language, ud_dir, out_dir)
