"""What the graph keeps of a meeting or statement several articles report: how sure it is (each
reporting article's confidence, kept on the node as "<article id> <confidence>", its `reported`,
and how they combine) and which of their values it keeps. The loader adds reports and an
article's removal takes one away, so both live beside the graph."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["combined_confidence", "evidence", "preferred", "without_article"]


def evidence(
    reported: Iterable[str], reports: Iterable[tuple[str, float | None]]
) -> dict[str, float]:
    """Each reporting article's confidence in a fact: the stored ones ("<article> <c>") and
    the batch's, the surer reading where an article gives two."""
    found: dict[str, float] = {}
    pairs = [(r.rsplit(" ", 1)[0], float(r.rsplit(" ", 1)[1])) for r in reported if " " in r]
    for article, confidence in [*pairs, *reports]:
        if confidence is not None:
            found[article] = max(confidence, found.get(article, 0.0))
    return found


def combined_confidence(evidence: dict[str, float]) -> float | None:
    """How sure the graph is of a fact several articles report, each independently: the
    chance that not all of them are wrong, 1 - product of (1 - c)."""
    if not evidence:
        return None
    doubt = 1.0
    for confidence in evidence.values():
        doubt *= 1.0 - confidence
    return round(1.0 - doubt, 4)


def without_article(reported: Iterable[str], article: str) -> list[str]:
    """`reported` once `article` no longer reports the fact."""
    return sorted(r for r in reported if r.rsplit(" ", 1)[0] != article)


def preferred(values: Iterable[str | None]) -> str | None:
    """The value a merged fact keeps: the longest, ties broken alphabetically (so the choice
    does not depend on which report came first)."""
    present = [v for v in values if v]
    return min(present, key=lambda text: (-len(text), text)) if present else None
