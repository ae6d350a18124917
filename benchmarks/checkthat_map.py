"""MAP@5 of `claimcheck search` on CheckThat! 2022 task 2A (tweets against past fact-checks).

Imports the 14,231 verified claims with the product's `import claims` path into a fresh
SQLite file (claim text, with the check's headline and subtitle as search context), runs the
product's search for every query of a split, and scores the top five against the gold pairs.

    .venv/bin/python benchmarks/checkthat_map.py --split dev
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from claimcheck.services.archive import import_claims
from claimcheck.services.repeats.search import search
from claimcheck.storage.db import open_database

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "checkthat"
# A tweet's link, picture and handle words are not what it claims.
_TWEET_NOISE = re.compile(r"pic\.twitter\.com/\S+|https?://\S+|@\w+|#")


def average_precision_at_5(ranked: list[str], relevant: set[str]) -> float:
    hits = total = 0.0
    for rank, item in enumerate(ranked[:5], start=1):
        if item in relevant:
            hits += 1
            total += hits / rank
    return total / min(len(relevant), 5) if relevant else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=["dev", "train"], default="dev")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="claimcheck-checkthat-"))
    archive = folder / "snopes.jsonl"
    with archive.open("w", encoding="utf-8") as out:
        for line in (DATA / "vclaims.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            out.write(
                json.dumps(
                    {
                        "text": record["vclaim"],
                        "external_id": record["vclaim_id"],
                        "title": record.get("title"),
                        "subtitle": record.get("subtitle"),
                        "date": record.get("date"),
                    }
                )
                + "\n"
            )
    db = open_database(f"sqlite:///{folder / 'checkthat.db'}")
    started = time.perf_counter()
    report = import_claims(db, path=archive, source="snopes")
    imported = time.perf_counter() - started
    queries = dict(
        line.split("\t", 1)
        for line in (DATA / "train-dev.queries.tsv").read_text(encoding="utf-8").splitlines()
    )
    gold: dict[str, set[str]] = defaultdict(set)
    for line in (DATA / f"{args.split}.qrels.tsv").read_text(encoding="utf-8").splitlines():
        query_id, _, claim_id, _ = line.split("\t")
        gold[query_id].add(claim_id)
    scores, timings = [], []
    with db.session(write=False) as session:
        for query_id, relevant in gold.items():
            t0 = time.perf_counter()
            hits = search(session, query=_TWEET_NOISE.sub(" ", queries[query_id]), limit=5)
            timings.append(time.perf_counter() - t0)
            scores.append(average_precision_at_5([h.external_id or "" for h in hits], relevant))
    timings.sort()
    print(f"imported {report.imported} archived claims in {imported:.1f} s")
    print(f"MAP@5 on {args.split} ({len(scores)} queries): {sum(scores) / len(scores):.4f}")
    print(
        f"search p50 {timings[len(timings) // 2] * 1000:.1f} ms, "
        f"p95 {timings[int(len(timings) * 0.95)] * 1000:.1f} ms"
    )
    db.close()


if __name__ == "__main__":
    main()
