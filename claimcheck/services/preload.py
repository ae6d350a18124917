"""What an ingest worker needs before its first article, loaded once for all of them.

The worker pool of a large ingest (ingest.py beside it) starts its workers from a fork server
that imports this module first: the parsers and the language identifier are then loaded once
(1.5-2 s of CPU) and shared by every worker it forks, instead of loaded again in each.
Importing it anywhere else loads them too, which only text splitting needs.
"""

from __future__ import annotations

from claimcheck.pipeline import split_article
from claimcheck.services import ingest as _ingest  # noqa: F401  the workers' own code

try:
    # A sentence in each language through the whole pipeline: the parsers, the language
    # identifier and every lazily built table are ready before the fork.
    split_article("Harga beras naik menjadi Rp12.000 per kilogram, kata Menteri Perdagangan.")
    split_article("The price of rice rose to 12,000 rupiah a kilogram, the trade minister said.")
except Exception:  # noqa: BLE001  a worker then meets the same problem and reports it
    pass
