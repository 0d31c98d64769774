"""Topics from the keyword taxonomy in data/reference/topics.toml."""

from __future__ import annotations

from collections import Counter

from newsgraph.ingest.extract.reference import Reference

__all__ = ["find_topics", "rank_topics"]


def find_topics(
    reference: Reference, text: str, start: int = 0, end: int | None = None
) -> list[str]:
    """Topic names whose keywords occur in ``text[start:end]``, in order of first occurrence."""
    stop = len(text) if end is None else end
    found: dict[str, None] = {}
    for m in reference.topic_re.finditer(text[start:stop].lower()):
        if m.lastgroup is not None:
            found.setdefault(reference.topic_groups[m.lastgroup], None)
    return list(found)


def rank_topics(reference: Reference, text: str) -> list[str]:
    """Topic names of a whole article, most frequent first (ties by first occurrence)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in reference.topic_re.finditer(text.lower()):
        if m.lastgroup is None:
            continue
        name = reference.topic_groups[m.lastgroup]
        counts[name] += 1
        first.setdefault(name, m.start())
    return sorted(counts, key=lambda n: (-counts[n], first[n]))
