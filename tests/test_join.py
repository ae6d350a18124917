"""The all-pairs join finds exactly the pairs an exhaustive comparison finds."""

from __future__ import annotations

import json

from rapidfuzz import fuzz, process

from claimcheck.matching.join import similar_pairs
from claimcheck.matching.normalize import normalize
from claimcheck.pipeline import split_article
from tests.conftest import DATA, SEED


def _corpus() -> tuple[list[str], list[int]]:
    """Real claims: the seed's, the repeat article's, and the dev set's sentences, each
    article its own group, plus edited copies of some (a word dropped, two swapped)."""
    texts: list[str] = []
    groups: list[int] = []
    for group, path in enumerate((SEED, DATA / "kabardunia-dukungan-korut-iran.txt")):
        for claim in split_article(path.read_text(encoding="utf-8")).claims:
            texts.append(claim.text)
            groups.append(group)
    for number, line in enumerate((DATA / "claims-dev.jsonl").read_text().splitlines()):
        row = json.loads(line)
        texts.append(row["sentence"])
        groups.append(10 + number)
        words = row["sentence"].split()
        if len(words) > 8 and number % 3 == 0:
            edited = words[:2] + words[3:]
            edited[4], edited[5] = edited[5], edited[4]
            texts.append(" ".join(edited))
            groups.append(1000 + number)
    return [normalize(t).text for t in texts], groups


def test_join_matches_the_exhaustive_comparison() -> None:
    texts, groups = _corpus()
    assert len(texts) > 140
    for threshold in (75.0, 85.0, 93.0):
        pairs = similar_pairs(texts, threshold=threshold, exclude_same=groups)
        found = {(a, b) for a, b, _ in pairs}
        scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio)
        for a, b, score in pairs:  # the join's own figure is rapidfuzz's
            assert abs(score - scores[a][b]) < 1e-4, (texts[a], texts[b], score, scores[a][b])
        exhaustive = {
            (i, j)
            for i in range(len(texts))
            for j in range(i + 1, len(texts))
            if scores[i][j] >= threshold and groups[i] != groups[j]
        }
        assert exhaustive, threshold  # the corpus holds repeats to find
        assert found == exhaustive, (threshold, exhaustive - found, found - exhaustive)


def test_join_of_nothing_or_one() -> None:
    assert len(similar_pairs([], threshold=75)) == 0
    assert len(similar_pairs(["satu klaim saja"], threshold=75)) == 0


def test_join_keeps_pairs_exactly_at_the_threshold() -> None:
    # Real IndoSum sentences whose shared words give exactly 75 and whose other words do not
    # align: the join once dropped such pairs as below the threshold.
    texts = [
        normalize(t).text
        for t in (
            "Lima korban di atas merupakan korban tersangka sebelumnya.",
            "Menurut Argo, Aldi merupakan anggota dari empat tersangka yang dibekuk sebelumnya "
            "yakni empat pengurus Official Candy 's Grup.",
            "Padahal, KPK sudah menetapkan Novanto sebagai tersangka dalam kasus ini.",
            "Sejauh ini, KPK baru menetapkan tiga orang sebagai tersangka kasus dugaan korupsi "
            "e - KTP yang nilai proyeknya mencapai Rp 5,9 triliun.",
        )
    ]
    assert fuzz.token_set_ratio(texts[0], texts[1]) == 75.0
    assert fuzz.token_set_ratio(texts[2], texts[3]) == 75.0
    found = {(a, b): score for a, b, score in similar_pairs(texts, threshold=75)}
    assert found.get((0, 1)) == 75.0 and found.get((2, 3)) == 75.0
    assert not similar_pairs(texts, threshold=75.5).a.tolist()


def test_join_of_whole_articles_archived_as_claims() -> None:
    # A pasted page archived as one claim: hundreds of words, where the compiled loops sort a
    # claim's words with more than one gap. Each article against an edited copy of itself.
    articles = [
        path.read_text(encoding="utf-8")
        for path in (SEED, DATA / "kabardunia-dukungan-korut-iran.txt")
    ]
    texts: list[str] = []
    for article in articles:
        words = article.split()
        texts.append(article)
        texts.append(" ".join(words[:10] + words[40:]))  # its opening cut
    texts = [normalize(t).text for t in texts]
    assert min(len(set(t.split())) for t in texts) > 50
    scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio)
    exhaustive = {
        (i, j): scores[i][j]
        for i in range(len(texts))
        for j in range(i + 1, len(texts))
        if scores[i][j] >= 75
    }
    found = {(a, b): score for a, b, score in similar_pairs(texts, threshold=75)}
    assert (0, 1) in exhaustive and (2, 3) in exhaustive
    assert found.keys() == exhaustive.keys()
    assert all(abs(found[p] - exhaustive[p]) < 1e-4 for p in found)
