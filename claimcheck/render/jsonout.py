"""JSON output: the view dataclasses as the documented shapes."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from typing import Any

from claimcheck.render.safe import BIDI_CONTROLS


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


def _escapes(chars: Iterable[str]) -> dict[int, str]:
    return {ord(ch): f"\\u{ord(ch):04x}" for ch in chars}


# JSON itself escapes C0 controls; these are escaped too, so a script printing a value to
# a terminal cannot have its screen rewritten or its line reordered: DEL and the C1 controls
# (U+009B starts an escape sequence on some terminals), bidi overrides and isolates, and
# the line and paragraph separators (line breaks to JavaScript before ES2019).
_UNSAFE = _escapes([chr(0x7F), *map(chr, range(0x80, 0xA0)), *BIDI_CONTROLS, "\u2028", "\u2029"])
# In a <script type="application/ld+json"> tag an HTML parser ends the script at the first
# "</script>" whatever JSON thinks; escaped, these three can never open or close a tag.
_HTML_UNSAFE = {**_UNSAFE, **_escapes("<>&")}


def dumps(value: Any) -> str:
    """JSON for scripts: readable UTF-8, with every character that could act on a terminal
    written as a ``\\uXXXX`` escape (the value read back is unchanged)."""
    text = json.dumps(to_data(value), ensure_ascii=False, indent=2, default=_default)
    return text.translate(_UNSAFE)


def dumps_line(value: Any) -> str:
    """The same as :func:`dumps`, on one line (a JSONL record)."""
    text = json.dumps(to_data(value), ensure_ascii=False, default=_default)
    return text.translate(_UNSAFE)


def dumps_for_html(value: Any) -> str:
    """JSON-LD to embed in a web page: as :func:`dumps`, and ``<``, ``>`` and ``&``
    escaped, so the text cannot end the ``<script>`` tag it is published in."""
    text = json.dumps(to_data(value), ensure_ascii=False, indent=2, default=_default)
    return text.translate(_HTML_UNSAFE)
