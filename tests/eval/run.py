"""Run the extractor over tests/eval/articles and score it against tests/eval/gold.

python -m tests.eval                 # the table for all, dev and holdout, and every miss
python -m tests.eval --split dev     # one split only
python -m tests.eval --quiet         # the table alone
python -m tests.eval --json out.json # the numbers, for the floors test and the README
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.ingest.extract.article import extract_many
from newsgraph.ingest.extract.nlp import shared_pipeline
from newsgraph.ingest.extract.reference import load_reference
from newsgraph.ingest.model import SourceDocument
from newsgraph.ingest.sources.files import read_file
from tests.eval.score import EVAL_DIR, KINDS, ArticleScore, Gold, Tally, load_gold, score_article

__all__ = ["EvalResult", "evaluate", "main"]

_LABELS = {
    "people": "people",
    "countries": "countries",
    "organizations": "organisations",
    "meetings": "meetings (participants)",
    "meetings_dated": "meetings with the right day",
    "statements": "statements with the right speaker",
}


@dataclass
class EvalResult:
    scores: list[ArticleScore]
    golds: list[Gold]
    seconds: float
    characters: int

    def totals(self, split: str | None = None) -> dict[str, Tally]:
        totals = {k: Tally() for k in KINDS}
        for score in self.scores:
            if split is None or score.split == split:
                for kind, tally in score.tallies.items():
                    totals[kind].add(tally)
        return totals

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "articles": len(self.scores),
            "characters_per_second": round(self.characters / self.seconds) if self.seconds else 0,
        }
        for split in (None, "dev", "holdout"):
            totals = self.totals(split)
            out[split or "all"] = {
                kind: {
                    "precision": round(t.precision, 3),
                    "recall": round(t.recall, 3),
                    "gold": t.gold,
                    "extracted": t.extracted,
                }
                for kind, t in totals.items()
            }
        return out


def evaluate(directory: Path = EVAL_DIR, split: str | None = None) -> EvalResult:
    reference = load_reference()
    shared_pipeline(reference)  # loaded before the clock starts
    golds = [load_gold(p) for p in sorted((directory / "gold").glob("*.toml"))]
    golds = [g for g in golds if split is None or g.split == split]
    documents: list[SourceDocument] = []
    for gold in golds:
        (item,) = read_file(directory / "articles" / f"{gold.id}.txt")
        assert isinstance(item, SourceDocument)
        documents.append(item)
    characters = sum(len(d.body) for d in documents)
    started = time.perf_counter()
    results = extract_many(documents, reference)
    seconds = time.perf_counter() - started
    scores: list[ArticleScore] = []
    for gold, result in zip(golds, results, strict=True):
        if isinstance(result, Exception):
            # One article the extractor cannot read is its own misses, not the end of the run.
            score = score_article(gold, [])
            score.misses.insert(0, f"the whole article: {result}")
            scores.append(score)
            continue
        scores.append(score_article(gold, result))
    return EvalResult(scores, golds, seconds, characters)


def _table(result: EvalResult, split: str | None) -> str:
    totals = result.totals(split)
    n = sum(1 for s in result.scores if split is None or s.split == split)
    lines = [
        f"{(split or 'all'):>7} ({n} articles)      precision  recall   gold  extracted",
    ]
    for kind in KINDS:
        t = totals[kind]
        numbers = f"{t.precision:>6.2f}  {t.recall:>6.2f}  {t.gold:>5}  {t.extracted:>9}"
        lines.append(f"  {_LABELS[kind]:<34} {numbers}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "holdout"))
    parser.add_argument("--quiet", action="store_true", help="the table only, no misses")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args(argv)

    result = evaluate(split=args.split)
    if not args.quiet:
        for score in result.scores:
            if score.misses or score.extras:
                print(f"\n{score.id} [{score.split}]")
                for miss in score.misses:
                    print(f"  missed  {miss}")
                for extra in score.extras:
                    print(f"  extra   {extra}")
        print()
    splits: list[str | None] = [args.split] if args.split else [None, "dev", "holdout"]
    for split in splits:
        print(_table(result, split))
    rate = result.characters / max(result.seconds, 1e-9)
    print(
        f"\n{len(result.scores)} articles, {result.characters:,} characters in "
        f"{result.seconds:.1f} s ({rate:,.0f} characters/s, one process, model load excluded)"
    )
    if args.json:
        args.json.write_text(json.dumps(result.as_json(), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
