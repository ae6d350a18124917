"""Repeated-claim matching at scale: ingest time, and recall of the candidate index.

Builds a corpus of real sentences (IndoSum news, Indonesian) with injected near-duplicates,
ingests it through the real `ingest_text` path into a fresh SQLite file (so every claim is
indexed and matched as in production), then compares, for a sample of claims, the pairs an
exhaustive rapidfuzz comparison finds (token_set_ratio >= the suggest threshold, claims of
other articles) with the candidates the index returns.

    .venv/bin/python benchmarks/matching_recall.py --claims 10000 --sample 300
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process
from sentencex import segment
from sqlalchemy import select

from claimcheck.matching.thresholds import Thresholds
from claimcheck.services.ingest import IngestOptions, ingest_text
from claimcheck.services.repeats.candidates import candidates_for
from claimcheck.services.repeats.record import MAX_COMPARED
from claimcheck.storage import Claim, Sentence
from claimcheck.storage.db import Database, open_database

# The shared data folder beside the checkout, or CLAIMCHECK_SHARED_DATA (as for the tests).
SHARED_DATA = Path(
    os.environ.get(
        "CLAIMCHECK_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"
    )
)
SHARED = SHARED_DATA / "indosum" / "articles.jsonl"
PER_ARTICLE = 10


def articles() -> list[dict[str, str]]:
    with SHARED.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def sentences(limit: int, held_out: int = 0) -> list[str]:
    """Usable sentences of IndoSum's articles in file order, leaving out its last
    ``held_out`` articles (kept for ingesting into the archive built from the rest)."""
    out: list[str] = []
    with SHARED.open(encoding="utf-8") as handle:
        lines = handle.readlines()
        for line in lines[: len(lines) - held_out]:
            for paragraph in json.loads(line)["text"].split("\n\n"):
                for piece in segment("id", paragraph):
                    text = " ".join(piece.split())
                    if 8 <= len(text.split()) <= 40 and text.endswith("."):
                        out.append(text)
            if len(out) >= limit:
                return out[:limit]
    return out


def edit(text: str, rng: random.Random) -> str:
    words = text.rstrip(".").split()
    kind = rng.choice(["drop", "add", "swap", "typo", "case"])
    i = rng.randrange(len(words))
    if kind == "drop" and len(words) > 8:
        del words[i]
    elif kind == "add":
        words.insert(i, rng.choice(["juga", "pun", "bahkan", "sudah", "telah"]))
    elif kind == "swap" and i + 1 < len(words):
        words[i], words[i + 1] = words[i + 1], words[i]
    elif kind == "typo" and len(words[i]) > 3:
        w = words[i]
        words[i] = w[:-2] + w[-1] + w[-2]
    else:
        words[i] = words[i].upper()
    return " ".join(words) + "."


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of ``values`` lie (0.5: the median)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", help="measure an existing database instead (no ingest)")
    return parser.parse_args()


class Generator:
    """New sentences from a bigram model of the real ones, with new names and numbers.

    Past IndoSum's 48,000 sentences a corpus needs sentences that are new, not recombined
    halves of the real ones (those make families of near-duplicates that real news does not
    have). Each word follows the one before it as in the real text, so word frequencies and
    local phrasing stay those of news; capitalised words (names, places, bodies) are swapped
    for names made from the syllables of real ones and numbers for other numbers, so the
    vocabulary keeps growing with the corpus as a real archive's does.
    """

    def __init__(self, real: list[str], rng: random.Random) -> None:
        self.rng = rng
        self.following: dict[str, list[str]] = {}
        names: set[str] = set()
        for sentence in real:
            words = ["<s>", *sentence.split()]
            for before, after in zip(words, words[1:], strict=False):
                self.following.setdefault(before, []).append(after)
            names.update(w for w in words[2:] if w[:1].isupper() and w.isalpha() and len(w) > 3)
        self.heads = sorted({n[: len(n) // 2] for n in names})
        self.tails = sorted({n[len(n) // 2 :] for n in names})

    def sentence(self) -> str:
        while True:
            words: list[str] = []
            word = "<s>"
            while len(words) < 40:
                word = self.rng.choice(self.following.get(word) or ["."])
                words.append(word)
                if word.endswith("."):
                    break
            if 8 <= len(words) <= 40 and words[-1].endswith("."):
                return " ".join(self._fresh(w, k) for k, w in enumerate(words))

    def _fresh(self, word: str, position: int) -> str:
        if any(c.isdigit() for c in word):
            return "".join(str(self.rng.randrange(10)) if c.isdigit() else c for c in word)
        if position and word[:1].isupper() and word.isalpha() and self.rng.random() < 0.5:
            return self.rng.choice(self.heads) + self.rng.choice(self.tails)
        return word


def build_corpus(claims: int, rng: random.Random, held_out: int = 0) -> list[str]:
    """95% distinct sentences, 5% edited copies of them, shuffled."""
    return build_corpus_with_pairs(claims, rng, held_out)[0]


def build_corpus_with_pairs(
    claims: int, rng: random.Random, held_out: int = 0
) -> tuple[list[str], list[tuple[int, int]]]:
    """95% distinct sentences, 5% edited copies of them, shuffled; and the injected pairs
    (original, copy) as positions in the corpus.

    Real IndoSum sentences first (about 48,000 usable ones); past those, sentences from
    `Generator`. ``held_out``: IndoSum's last articles left out (see `sentences`).
    """
    wanted = int(claims * 0.95)
    real = sentences(wanted, held_out)
    base = list(real)
    known = set(base)
    generator = Generator(real, rng) if len(base) < wanted else None
    while generator is not None and len(base) < wanted:
        made = generator.sentence()
        if made not in known:
            known.add(made)
            base.append(made)
    sources = [rng.randrange(len(base)) for _ in range(claims - len(base))]
    corpus = base + [edit(base[k], rng) for k in sources]
    order = list(range(len(corpus)))
    rng.shuffle(order)
    place = {old: new for new, old in enumerate(order)}
    pairs = [(place[k], place[len(base) + n]) for n, k in enumerate(sources)]
    return [corpus[k] for k in order], pairs


def main() -> None:
    args = arguments()
    rng = random.Random(args.seed)
    if args.db:
        db = open_database(args.db if "://" in args.db else f"sqlite:///{Path(args.db).resolve()}")
    else:
        db = open_database(
            f"sqlite:///{Path(tempfile.mkdtemp(prefix='claimcheck-bench-')) / 'bench.db'}"
        )
        ingest_corpus(db, build_corpus(args.claims, rng))
    measure(db, rng, args.sample)
    db.close()


def ingest_corpus(db: Database, corpus: list[str]) -> None:
    """The corpus through the real ingest path, PER_ARTICLE claims an article."""
    articles = [corpus[i : i + PER_ARTICLE] for i in range(0, len(corpus), PER_ARTICLE)]
    started = time.perf_counter()
    for number, lines in enumerate(articles):
        if number and number % 1000 == 0:
            rate = (time.perf_counter() - started) / number * 1000
            print(f"  {number} articles ingested, {rate:.1f} ms per article so far", flush=True)
        text = "\n".join(lines) + f"\nArsip {number}.\n"
        with db.session() as session:
            ingest_text(session, raw=text, source=f"bench-{number}",
                        options=IngestOptions(plain=True, lang="id"))  # fmt: skip
    seconds = time.perf_counter() - started
    print(
        f"ingest with matching: {seconds:.1f} s "
        f"({seconds / len(articles) * 1000:.1f} ms per {PER_ARTICLE}-claim article)"
    )


def measure(db: Database, rng: random.Random, samples: int) -> None:
    """Candidate recall against an exhaustive rapidfuzz comparison, for sampled claims.

    Two figures: of all the sampled claims' true pairs, how many are among their candidates
    (`MAX_CANDIDATES` each); and of each claim's best `MAX_COMPARED` true pairs, how many are
    among the candidates ingest compares (the first `MAX_COMPARED`): the pairs it can store.
    """
    with db.session(write=False) as session:
        rows = session.execute(
            select(Claim.id, Claim.match_text, Sentence.article_id)
            .join(Sentence, Claim.sentence_id == Sentence.id)
            .order_by(Claim.id)
        ).all()
        ids = [r[0] for r in rows]
        texts = [r[1] or "" for r in rows]
        article_of = {r[0]: r[2] for r in rows}
        claims_of: dict[int, set[int]] = {}
        for cid, article in article_of.items():
            claims_of.setdefault(article, set()).add(cid)
        position = {cid: i for i, cid in enumerate(ids)}
        sample = rng.sample(ids, min(samples, len(ids)))
        limit = Thresholds().suggest
        found_total = true_total = best_found = best_total = 0
        lookup_ms = []
        for cid in sample:
            mine = texts[position[cid]]
            truth = {
                ids[j]: score
                for _, score, j in process.extract(
                    mine, texts, scorer=fuzz.token_set_ratio, score_cutoff=limit, limit=None
                )
                if article_of[ids[j]] != article_of[cid]
            }
            t0 = time.perf_counter()
            own = claims_of[article_of[cid]]
            candidates = [c.claim_id for c in candidates_for(session, mine, "id", own)]
            lookup_ms.append((time.perf_counter() - t0) * 1000)
            true_total += len(truth)
            found_total += len(truth.keys() & set(candidates))
            best = sorted(truth.values(), reverse=True)[:MAX_COMPARED]
            compared = {c: truth[c] for c in candidates[:MAX_COMPARED] if c in truth}
            got = sorted(compared.values(), reverse=True)
            best_total += len(best)
            best_found += sum(1 for a, b in zip(got, best, strict=False) if a >= b)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"claims stored: {len(ids)}")
    print(
        f"candidate recall vs exhaustive token_set_ratio >= {limit:.0f} on {len(sample)} "
        f"sampled claims: {found_total}/{true_total} = "
        f"{found_total / true_total if true_total else 1:.3f}"
    )
    print(
        f"of each claim's best {MAX_COMPARED} true pairs, among the {MAX_COMPARED} compared: "
        f"{best_found}/{best_total} = {best_found / best_total if best_total else 1:.3f}"
    )
    print(
        f"candidate lookup: p50 {percentile(lookup_ms, 0.5):.1f} ms, "
        f"p95 {percentile(lookup_ms, 0.95):.1f} ms"
    )
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
