"""Explain: why two stored claims are or are not the same claim; thresholds from labelled pairs."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from claimcheck.errors import InvalidInput
from claimcheck.matching.aliases import learn_aliases
from claimcheck.matching.calibrate import Calibration, LabelledPair, calibrate
from claimcheck.matching.compare import Comparison, compare
from claimcheck.matching.normalize import normalize
from claimcheck.matching.thresholds import Thresholds
from claimcheck.services.lookup import load_claim


@dataclass(frozen=True)
class Explanation:
    claim_a: int
    claim_b: int
    text_a: str
    text_b: str
    normalized_a: str
    normalized_b: str
    comparison: Comparison


def explain(
    session: Session, *, claim_a: int, claim_b: int, thresholds: Thresholds | None = None
) -> Explanation:
    """Every scorer's figure and every guard for two stored claims."""
    first, second = load_claim(session, claim_a), load_claim(session, claim_b)
    a = normalize(first.text, learn_aliases(first.sentence.article.text))
    b = normalize(second.text, learn_aliases(second.sentence.article.text))
    return Explanation(
        claim_a, claim_b, first.text, second.text, a.text, b.text, compare(a, b, thresholds)
    )


def read_pairs(path: Path) -> list[LabelledPair]:
    """Labelled pairs from CSV with the columns text_a, text_b, same (1 or 0)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"text_a", "text_b", "same"} - set(reader.fieldnames or [])
            if missing:
                raise InvalidInput(f"{path}: missing columns {', '.join(sorted(missing))}")
            pairs = []
            for line, row in enumerate(reader, start=2):
                same = (row["same"] or "").strip()
                if same not in ("0", "1"):
                    raise InvalidInput(f"{path}, line {line}: same must be 0 or 1, not {same!r}")
                pairs.append(LabelledPair(row["text_a"], row["text_b"], same == "1"))
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    except UnicodeDecodeError:
        raise InvalidInput(f"{path}: not UTF-8 text") from None
    if not pairs:
        raise InvalidInput(f"{path}: no pairs")
    return pairs


def calibrate_file(path: Path) -> Calibration:
    return calibrate(read_pairs(path))
