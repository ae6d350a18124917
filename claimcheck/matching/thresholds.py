"""The scores at which two claims are suggested or linked: read by the settings of every
command, without loading the comparison (rapidfuzz) itself."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    """Scores (0-100) at which a pair is suggested or linked; see `dupes calibrate`."""

    suggest: float = 75.0
    link: float = 93.0
    # Below this many words two claims share too little to be linked without a reviewer.
    min_link_words: int = 5
    # A pair whose word order differs this much is a containment ("X" inside "X and Y"),
    # not the same claim, however high token_set_ratio is.
    min_link_sort: float = 80.0
