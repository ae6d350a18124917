"""Article structure: find title, byline, caption, dateline, headings and page furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claimcheck.pipeline.dates import parse_date_line
from claimcheck.pipeline.model import Block, Metadata, Role, Span
from claimcheck.pipeline.text import Line, ends_sentence, lines_of, word_count

# A line from which on everything is page furniture (editor line, related articles, footer).
_END_MARKERS = re.compile(
    r"""^(?:
        editor\s*:|penyunting\s*:|redaktur\s*:|
        (?:artikel|berita|baca)\s+(?:terkait|lainnya|terkini|populer)\b|
        related\s+(?:articles?|stories|news|coverage|posts?|content|reading)\b|
        more\s+(?:stories|from)\b|(?:latest|top|more)\s+(?:news|headlines)$|
        berita\s+terkini$|rekomendasi\b|tag(?:s)?\s*:|topik\s*:|
        (?:copyright|hak\s+cipta)\b|©|\(c\)\s*\d{4}|
        reporting\s+by\b|editing\s+by\b|additional\s+reporting\b|
        # the outlet describing itself under every article: "DailySocial.id adalah portal ..."
        [\w-]+(?:\.[\w-]+)*\.(?:id|com|net|org|co)\s+(?:adalah|merupakan|is)\s+
            (?:portal|situs|media|a\s+(?:news|digital|leading))\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_EDITOR = re.compile(
    r"^(?:editor|penyunting|redaktur)\s*:\s*(?P<name>.+)$|.*\bediting\s+by\s+(?P<name2>[^;.]+)",
    re.IGNORECASE,
)
# A line of furniture anywhere in the body ("Baca Juga: ...", adverts).
_INLINE_FURNITURE = re.compile(
    r"""^(?:
        (?:baca|lihat|simak|cek)\s+(?:juga|selengkapnya|video)\b|
        read\s+(?:more|also)\b|see\s+also\b|also\s+read\b|
        advertisement$|iklan$|scroll\s+to\s+(?:continue|resume)|
        sign\s+up\b|subscribe\b|follow\s+us\b|ikuti\s+(?:kami|berita)\b|
        share\s+(?:this|on)\b|bagikan\b|download\s+(?:aplikasi|app)\b|
        # a source credit on its own short line: "Sumber: Google." / "Source: Reuters"
        (?:sumber|source)\s*:\s*\S(?:\S*\s+){0,6}\S*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_CAPTION_CREDIT = re.compile(
    r"""\(\s*(?:foto|photo|ilustrasi|illustration|image|gambar|credit|kredit|sumber\s+foto)
        \s*:?\s*(?P<credit>[^)]*)\)\s*\.?$
      | (?:foto|photo|credit|kredit)\s*:\s*(?P<credit2>[^.()]{1,60})$""",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(
    r"^(?:by|oleh|penulis|reporter|wartawan|written\s+by)\s*:?\s+(?P<name>.+)$", re.IGNORECASE
)
# "JAKARTA, iNews.id - ", "WASHINGTON (Reuters) - ", "Jakarta, CNN Indonesia -- ", and
# "Jakarta, CNN Indonesia - - " as IndoSum's tokenised text has it (1,238 of its articles).
_DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Za-z0-9.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30}?(?=\s*\())?)
        (?:\s*,\s*(?P<outlet>[A-Za-z0-9][A-Za-z0-9.&'’\- ]{1,40}?)
           |\s*\((?P<outlet2>[A-Z0-9][^)]{1,39})\))?
        \s*(?:-\s-|--|-|–|—)\s+(?=\S)""",
    re.VERBOSE,
)
_NUMBERED_HEADING = re.compile(r"^\d{1,2}[.)]\s+\S")
_MAX_HEADER_LINES = 8


@dataclass(frozen=True)
class Structure:
    """The blocks of an article and what its furniture said about it."""

    blocks: tuple[Block, ...]
    metadata: Metadata
    furniture: tuple[Span, ...]


def structure_plain(text: str) -> Structure:
    """Every line is body text: no title, byline or furniture detection."""
    blocks = tuple(Block(Role.BODY, ln.start, ln.end) for ln in lines_of(text))
    return Structure(blocks, Metadata(), ())


def structure_article(text: str) -> Structure:
    """Split a scraped article into titled, captioned body blocks and furniture."""
    lines = lines_of(text)
    meta = Metadata()
    blocks: list[Block] = []
    furniture: list[Span] = []

    index = 0
    if lines and _looks_like_title(lines[0]):
        blocks.append(Block(Role.TITLE, lines[0].start, lines[0].end))
        meta = replace(meta, title=lines[0].text)
        index = 1

    # Header lines between the title and the first paragraph.
    while index < min(len(lines), _MAX_HEADER_LINES) and not _starts_body(lines[index]):
        line = lines[index]
        caption = _caption(line)
        published = parse_date_line(line.text)
        if caption is not None:
            block, credit = caption
            blocks.append(block)
            furniture.append(Span(block.end, line.end))
            meta = replace(meta, photo_credit=meta.photo_credit or credit)
        elif published is not None:
            meta = replace(meta, published_at=meta.published_at or published)
            furniture.append(Span(line.start, line.end))
        elif (author := _byline(line)) is not None and meta.author is None:
            meta = replace(meta, author=author)
            furniture.append(Span(line.start, line.end))
        elif _INLINE_FURNITURE.match(line.text) or word_count(line.text) <= 3:
            furniture.append(Span(line.start, line.end))
        else:
            break
        index += 1

    first_body = True
    while index < len(lines):
        line = lines[index]
        if _END_MARKERS.match(line.text) and not first_body:
            editor = _EDITOR.match(line.text)
            if editor:
                meta = replace(meta, editor=(editor.group("name") or editor.group("name2")).strip())
            furniture.append(Span(line.start, lines[-1].end))
            break
        index += 1
        if _INLINE_FURNITURE.match(line.text):
            furniture.append(Span(line.start, line.end))
            continue
        caption = _caption(line)
        if caption is not None:
            blocks.append(caption[0])
            furniture.append(Span(caption[0].end, line.end))
            meta = replace(meta, photo_credit=meta.photo_credit or caption[1])
            continue
        if _is_heading(line):
            blocks.append(Block(Role.HEADING, line.start, line.end))
            continue
        start = line.start
        if first_body:
            dateline = _DATELINE.match(line.text)
            if dateline and _plausible_dateline(dateline):
                place = dateline.group("place").strip()
                outlet = dateline.group("outlet") or dateline.group("outlet2")
                if _outlet_name(place):  # "Rimanews – ", "Liputan6.com, Jakarta - "
                    place, outlet = (outlet or "").strip(), place
                meta = replace(
                    meta,
                    dateline=place or meta.dateline,
                    outlet=meta.outlet or (outlet.strip() if outlet else None),
                )
                furniture.append(Span(line.start, line.start + dateline.end()))
                start = line.start + dateline.end()
            first_body = False
        blocks.append(Block(Role.BODY, start, line.end))
    return Structure(tuple(blocks), meta, tuple(furniture))


def _looks_like_title(line: Line) -> bool:
    return (
        word_count(line.text) <= 30
        and not line.text.endswith(".")
        and not _DATELINE.match(line.text)
        and not _END_MARKERS.match(line.text)
    )


def _starts_body(line: Line) -> bool:
    if _DATELINE.match(line.text) and _plausible_dateline(_DATELINE.match(line.text)):
        return True
    if _caption(line) is not None:
        return False
    return word_count(line.text) >= 8 and ends_sentence(line.text)


def _plausible_dateline(match: re.Match[str] | None) -> bool:
    if match is None:
        return False
    place = match.group("place").strip()
    has_outlet = bool(match.group("outlet") or match.group("outlet2"))
    # Without an outlet only an upper-case place ("JAKARTA - ") or an outlet's own name
    # ("Rimanews – ") is a dateline.
    return word_count(place) <= 4 and (has_outlet or place.isupper() or _outlet_name(place))


_OUTLET_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*(?:news|post|times|online|\.com|\.id|\.co)$", re.I)


def _outlet_name(place: str) -> bool:
    """ "Rimanews", "Okezone.com": one word that names a news outlet, not a place."""
    return bool(_OUTLET_NAME.match(place))


def _caption(line: Line) -> tuple[Block, str] | None:
    match = _CAPTION_CREDIT.search(line.text)
    if not match:
        return None
    credit = (match.group("credit") or match.group("credit2") or "").strip() or None
    body = line.text[: match.start()].rstrip()
    if not body:
        return None
    return Block(Role.CAPTION, line.start, line.start + len(body)), credit or ""


def _byline(line: Line) -> str | None:
    match = _BYLINE.match(line.text)
    if match:
        return match.group("name").strip()
    words = line.text.split()
    if (
        1 < len(words) <= 5
        and not ends_sentence(line.text)
        and all(
            w[:1].isupper() or w.lower() in {"dan", "and", "bin", "binti", "van", "de"}
            for w in words
        )
    ):
        return line.text
    return None


def _is_heading(line: Line) -> bool:
    if _NUMBERED_HEADING.match(line.text) and word_count(line.text) <= 12:
        return not line.text.endswith(".")
    return word_count(line.text) <= 12 and not ends_sentence(line.text)
