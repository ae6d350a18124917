"""The report's own words (headings, labels, statuses) in the desk's language: Indonesian or
English, as `rating_language` in the settings says. What came from articles and reviewers is
shown as written."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    lang: str
    title: str
    generated: str  # "{when}", "{filters}"
    summary: str
    totals: str  # "{claims}", "{articles}", "{reviewed}", "{pending}"
    claim: tuple[str, str]  # singular, plural
    article: tuple[str, str]
    status: str
    claims_heading: str
    total: str
    rating: str
    article_heading: str
    reviewed: str
    pending: str
    no_claims: str
    untitled: str
    by: str  # "{author}"
    language: str  # "{language}"
    claim_heading: str  # "{id}"
    speaker: str
    hedged: str
    reviewed_by: str  # "{who}", "{when}"
    not_reviewed: str
    evidence: str
    also_in: str
    in_claim: str  # "{id}"
    past_check: str
    chart: str
    all_articles: str
    filter_articles: str
    filter_status: str
    filter_days: str  # "{since}", "{until}"
    filter_reviewer: str  # "{reviewer}"
    statuses: dict[str, str]
    stances: dict[str, str]

    def count(self, n: int, noun: tuple[str, str]) -> str:
        return f"{n} {noun[0] if n == 1 else noun[1]}"


ENGLISH = Words(
    lang="en",
    title="Verification report",
    generated="Generated {when}. Showing {filters}.",
    summary="Summary",
    totals="{claims} in {articles}: {reviewed} reviewed, {pending} pending.",
    claim=("claim", "claims"),
    article=("article", "articles"),
    status="status",
    claims_heading="claims",
    total="total",
    rating="rating",
    article_heading="article",
    reviewed="reviewed",
    pending="pending",
    no_claims="No claims match these filters.",
    untitled="(untitled)",
    by="by {author}",
    language="language {language}",
    claim_heading="Claim #{id}",
    speaker="Speaker",
    hedged="Hedged: the article reports it second-hand",
    reviewed_by="Reviewed by {who}, {when}",
    not_reviewed="Not reviewed yet",
    evidence="Evidence",
    also_in="Also in",
    in_claim="claim #{id}",
    past_check="past fact-check",
    chart="claims by status",
    all_articles="all news articles",
    filter_articles="articles",
    filter_status="status",
    filter_days="ingested or reviewed {since} to {until}",
    filter_reviewer="verdicts by {reviewer}",
    statuses={
        "pending": "pending",
        "verified": "verified",
        "disputed": "disputed",
        "unverifiable": "unverifiable",
        "dismissed": "dismissed",
    },
    stances={"supports": "supports", "refutes": "refutes", "context": "context"},
)

INDONESIAN = Words(
    lang="id",
    title="Laporan verifikasi",
    generated="Dibuat {when}. Menampilkan {filters}.",
    summary="Ringkasan",
    totals="{claims} dalam {articles}: {reviewed} sudah diperiksa, {pending} menunggu.",
    claim=("klaim", "klaim"),
    article=("artikel", "artikel"),
    status="status",
    claims_heading="klaim",
    total="jumlah",
    rating="penilaian",
    article_heading="artikel",
    reviewed="diperiksa",
    pending="menunggu",
    no_claims="Tidak ada klaim yang cocok dengan filter ini.",
    untitled="(tanpa judul)",
    by="oleh {author}",
    language="bahasa {language}",
    claim_heading="Klaim #{id}",
    speaker="Narasumber",
    hedged="Tidak langsung: artikel mengutipnya dari pihak lain",
    reviewed_by="Diperiksa oleh {who}, {when}",
    not_reviewed="Belum diperiksa",
    evidence="Bukti",
    also_in="Juga muncul di",
    in_claim="klaim #{id}",
    past_check="cek fakta terdahulu",
    chart="klaim per status",
    all_articles="semua artikel berita",
    filter_articles="artikel",
    filter_status="status",
    filter_days="dimasukkan atau diperiksa {since} sampai {until}",
    filter_reviewer="putusan oleh {reviewer}",
    statuses={
        "pending": "menunggu",
        "verified": "terverifikasi",
        "disputed": "dibantah",
        "unverifiable": "tak dapat diverifikasi",
        "dismissed": "bukan klaim",
    },
    stances={"supports": "mendukung", "refutes": "membantah", "context": "konteks"},
)

BY_LANGUAGE = {"en": ENGLISH, "id": INDONESIAN}


def words(language: str) -> Words:
    """The report's words in ``language``; English for a language the report is not
    written in."""
    return BY_LANGUAGE.get(language, ENGLISH)
