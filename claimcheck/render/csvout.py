"""CSV for spreadsheets: one row per record, cells that never run as formulas."""

from __future__ import annotations

import io
from collections.abc import Sequence

from claimcheck.render.safe import csv_cell, csv_writer
from claimcheck.services.views import ClaimSummary

CLAIM_COLUMNS = (
    "id",
    "article_id",
    "status",
    "rating",
    "text",
    "speaker",
    "hedged",
    "evidence",
    "updated_at",
    "version",
    "priority",
)


def claims(items: Sequence[ClaimSummary]) -> str:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(CLAIM_COLUMNS)
    for c in items:
        writer.writerow(
            [
                c.id,
                c.article_id,
                c.status,
                csv_cell(c.rating or ""),
                csv_cell(c.text),
                csv_cell(c.speaker or ""),
                "yes" if c.hedged else "no",
                c.evidence,
                c.updated_at.isoformat(),
                c.version,
                "" if c.priority is None else f"{c.priority:.3f}",
            ]
        )
    return buffer.getvalue()
