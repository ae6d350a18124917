"""Claims of replaced revisions: where each went in the newest text, and refusing changes to
them (a verdict on a claim nobody lists any more would vanish from the desk's work)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimcheck.errors import Superseded
from claimcheck.matching.align import align
from claimcheck.storage import Article, Claim


@dataclass(frozen=True)
class NewerRevision:
    """The newest revision of a claim's article, and the claim there that it became."""

    article_id: int
    revision: int
    claim_id: int | None  # None: a revision dropped the claim
    reworded: bool = False  # the claim there is worded differently


def claims_of(article: Article) -> list[Claim]:
    """An article's claims in reading order: the order revisions are aligned in."""
    return [c for s in article.sentences for c in s.claims]


def _next_revision(session: Session, article: Article) -> Article | None:
    return session.scalars(select(Article).where(Article.previous_id == article.id)).first()


def newer_revision(session: Session, claim: Claim) -> NewerRevision | None:
    """None for a claim of an article's newest revision (nearly all claims); else the
    newest revision and the claim it aligns with there, revision by revision."""
    article = claim.sentence.article
    newer = _next_revision(session, article)
    if newer is None:
        return None
    current: Claim | None = claim
    while newer is not None:
        if current is not None:
            old, new = claims_of(article), claims_of(newer)
            index = next(i for i, c in enumerate(old) if c.id == current.id)
            pairs = align([c.text for c in old], [c.text for c in new])
            found = next((p.right for p in pairs if p.left == index), None)
            current = new[found] if found is not None else None
        article, newer = newer, _next_revision(session, newer)
    return NewerRevision(
        article_id=article.id,
        revision=article.revision,
        claim_id=current.id if current is not None else None,
        reworded=current is not None and current.text != claim.text,
    )


def check_current(session: Session, claim: Claim, action: str) -> None:
    """Refuse ``action`` (a verdict, evidence, an assignment) on a claim of a replaced
    revision, naming the claim of the newest revision to give it to."""
    found = newer_revision(session, claim)
    if found is None:
        return
    article = claim.sentence.article
    where = (
        f"claim #{claim.id} is in revision {article.revision} of article #{article.id}, which "
        f"revision {found.revision} (article #{found.article_id}) replaced"
    )
    if found.claim_id is None:
        raise Superseded(
            f"{where}, and that revision no longer has this claim (`claimcheck articles diff "
            f"{found.article_id}`); nothing was saved"
        )
    worded = ", reworded" if found.reworded else ""
    raise Superseded(
        f"{where}: give the {action} to claim #{found.claim_id} there (the same claim"
        f"{worded} in the newest text); nothing was saved"
    )
