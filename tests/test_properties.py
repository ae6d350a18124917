"""Property-based tests of the pipeline: for any text, splitting holds its promises.

`CLAIMCHECK_FUZZ_EXAMPLES=20000 pytest tests/test_properties.py` runs a long fuzz.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.pipeline import article_text, split_article
from claimcheck.pipeline.text import normalize_text
from tests.conftest import ENGLISH, SEED

EXAMPLES = int(os.environ.get("CLAIMCHECK_FUZZ_EXAMPLES", "300"))

# Words and punctuation from the real articles, so generated text looks like news often
# enough to exercise the splitting rules, mixed with arbitrary unicode.
_VOCAB = sorted(
    set(SEED.read_text(encoding="utf-8").split()) | set(ENGLISH.read_text(encoding="utf-8").split())
)
_news_like = st.lists(
    st.one_of(
        st.sampled_from(_VOCAB),
        st.sampled_from([".", ",", "?", "!", '"', "(", ")", "-", "\n", "\n\n", ":", ";", "—"]),
        st.text(max_size=8),
    ),
    max_size=120,
).map(" ".join)
any_text = st.one_of(st.text(max_size=400), _news_like)

settings.register_profile(
    "pipeline",
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@settings.get_profile("pipeline")
@given(any_text, st.booleans(), st.sampled_from([None, "id", "en"]))
def test_splitting_never_raises_and_offsets_hold(raw: str, plain: bool, lang: str | None) -> None:
    text = normalize_text(raw)
    document = split_article(text, plain=plain, lang=lang)
    assert document.text == text
    for sentence in document.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text != ""
        for claim in sentence.claims:
            # Every claim is cut from its own sentence.
            assert sentence.start <= claim.start < claim.end <= sentence.end
            assert claim.text.strip()
    positions = [s.position for s in document.sentences]
    assert positions == list(range(len(positions)))


@settings.get_profile("pipeline")
@given(any_text, st.booleans())
def test_splitting_is_deterministic(raw: str, plain: bool) -> None:
    text = normalize_text(raw)
    assert split_article(text, plain=plain) == split_article(text, plain=plain)


@settings.get_profile("pipeline")
@given(st.text(max_size=300))
def test_html_like_input_never_crashes_unexpectedly(raw: str) -> None:
    from claimcheck.errors import InvalidInput

    page = f"<html><body><p>{raw}</p><script>{raw}</script></body></html>"
    try:
        text, _ = article_text(page)
    except InvalidInput:
        return  # "no article text found": a clear refusal is a correct outcome
    split_article(text)
