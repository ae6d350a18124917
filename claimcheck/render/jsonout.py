"""JSON output: the view dataclasses as the documented shapes."""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def to_data(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    return value


def without_ids(data: Any) -> Any:
    """The same shape without database ids (for `split --json`, which stores nothing)."""
    if isinstance(data, dict):
        return {k: without_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [without_ids(v) for v in data]
    return data


def dumps(value: Any) -> str:
    return json.dumps(to_data(value), ensure_ascii=False, indent=2, default=_default)
