"""Reading article files: paths, directories and stdin, decoded to text, with clear errors."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import InvalidInput

STDIN = "-"
MAX_BYTES = 20 * 1024 * 1024
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".md", ""})


@dataclass(frozen=True)
class Source:
    """One input to ingest: a label for messages and a way to read its bytes."""

    label: str
    path: Path | None  # None for stdin


def expand(paths: list[str]) -> Iterator[Source | InvalidInput]:
    """Each file named, each article file inside a directory (sorted), or stdin.

    A missing path yields an error in its place so the rest of the batch goes on.
    """
    for name in paths:
        if name == STDIN:
            yield Source("<stdin>", None)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not p.name.startswith(".")
            )
            if not files:
                yield InvalidInput(f"{name}: no .txt or .html files in this directory")
            yield from (Source(str(p), p) for p in files)
        elif path.exists():
            yield Source(name, path)
        else:
            yield InvalidInput(f"{name}: no such file or directory")


def read_text(source: Source) -> str:
    """The source's text, decoded; binary or empty input is refused with the reason."""
    try:
        data = sys.stdin.buffer.read() if source.path is None else source.path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{source.label}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > MAX_BYTES:
        raise InvalidInput(f"{source.label}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    text = decode(data, source.label)
    if not text.strip():
        raise InvalidInput(f"{source.label}: the file is empty; nothing to ingest")
    return text


def decode(data: bytes, label: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise InvalidInput(
            f"{label}: looks like a binary file (an image or a PDF?); give text or HTML"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: for Indonesian and English text that is, in practice, Windows-1252 (a superset
    # of Latin-1's printable range, with the "smart quotes" Word puts in); Latin-1 takes the rest.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
