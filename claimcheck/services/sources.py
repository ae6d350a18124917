"""Reading article files: paths, directories and stdin, decoded to text, with clear errors."""

from __future__ import annotations

import errno
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import InvalidInput
from claimcheck.services.urls import bare_address, looks_like_url

STDIN = "-"
DEFAULT_MAX_MB = 20
MB = 1024 * 1024
READ_CHUNK = 1024 * 1024
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".md", ""})

# File signatures of what people drop into an article folder by mistake.
_MAGIC = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive or Word/Excel document"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Excel document"),
)


@dataclass(frozen=True)
class Source:
    """One input to ingest: a label for messages and where to read it from."""

    label: str
    path: Path | None  # None for stdin or a web page
    url: str | None = None  # a web page to fetch


def collect(paths: list[str]) -> list[Source | InvalidInput]:
    """Each file named, each article file inside a directory (sorted), or stdin.

    A missing path gives an error in its place so the rest of the batch goes on.
    """
    found: list[Source | InvalidInput] = []
    for name in paths:
        if name == STDIN:
            found.append(Source("<stdin>", None))
            continue
        if looks_like_url(name):
            found.append(Source(name, None, url=name.strip()))
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
                found.append(InvalidInput(f"{name}: no .txt or .html files in this directory"))
            found.extend(Source(str(p), p) for p in files)
        elif path.exists():
            found.append(Source(name, path))
        elif bare_address(name):
            found.append(
                InvalidInput(
                    f"{name}: no such file or directory (a web page needs its whole address: "
                    f"https://{name})"
                )
            )
        else:
            found.append(InvalidInput(f"{name}: no such file or directory"))
    return found


def read_text(source: Source, *, max_mb: int = DEFAULT_MAX_MB) -> str:
    """The source's text, decoded; binary, empty or oversized input is refused with the reason."""
    limit = max_mb * MB
    try:
        if source.path is None:
            data = sys.stdin.buffer.read(limit + 1)
        else:
            data = read_file(source.path, limit=limit, label=source.label)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InvalidInput(f"{source.label}: cannot read it ({reason})") from exc
    except TooLarge:
        raise _too_large(source, max_mb) from None
    if len(data) > limit:
        raise _too_large(source, max_mb)
    text = decode(data, source.label)
    if not text.strip():
        raise InvalidInput(f"{source.label}: the file is empty; nothing to ingest")
    return text


def _too_large(source: Source, max_mb: int) -> InvalidInput:
    return InvalidInput(
        f"{source.label}: larger than {max_mb} MB, which is more than any article; "
        "if it really is one, raise the limit with --max-size MB"
    )


class TooLarge(InvalidInput):
    """The file is larger than the limit."""


def read_file(path: Path, *, limit: int, label: str) -> bytes:
    """A regular file's bytes, never more than ``limit``: a larger file is
    :class:`TooLarge`, and a named pipe, device or socket is refused by name before it is
    read (a pipe waits forever for a writer; ``/dev/zero`` never ends; both say size 0)."""
    kind = _not_a_file(os.stat(path).st_mode)
    if kind:
        raise InvalidInput(f"{label}: {kind}, not a regular file; give a file")
    # Opened without waiting (a pipe swapped in after the check does not block), then
    # checked again on the open file itself.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        kind = _not_a_file(info.st_mode)
        if kind:
            raise InvalidInput(f"{label}: {kind}, not a regular file; give a file")
        if info.st_size > limit:
            raise TooLarge(f"{label}: larger than {limit} bytes")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(READ_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:  # it grew while being read, or its size was not the truth
        raise TooLarge(f"{label}: larger than {limit} bytes")
    return b"".join(chunks)


def _not_a_file(mode: int) -> str | None:
    """What a path is when it is not a regular file (directories are the caller's case)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def decode(data: bytes, label: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InvalidInput(f"{label}: broken UTF-16 text; save it as UTF-8") from None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InvalidInput(f"{label}: this is {kind}, not an article; give text or HTML")
    if b"\x00" in data[:8192]:
        raise InvalidInput(f"{label}: looks like a binary file, not text; give text or HTML")
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
