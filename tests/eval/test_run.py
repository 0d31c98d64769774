"""The evaluation run itself: one unreadable article does not stop the others being scored."""

from __future__ import annotations

from pathlib import Path

from tests.eval.run import evaluate

_GOLD = """split = "dev"
region = "europe"
outlet = "Test"
year = 2024
countries = ["NO"]
organizations = []

[[person]]
name = "Jonas Gahr Store"
"""


def test_an_article_the_extractor_cannot_read_is_scored_as_missed(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a-readable.txt").write_text(
        "Title: Talks in Oslo\n\n"
        "Norwegian Prime Minister Jonas Gahr Store spoke to reporters in Oslo on Monday.\n",
        encoding="utf-8",
    )
    (tmp_path / "articles" / "b-navigation-only.txt").write_text(
        "Title: Menu\n\nNews Feed\n\nRead more\n", encoding="utf-8"
    )
    for stem in ("a-readable", "b-navigation-only"):
        (tmp_path / "gold" / f"{stem}.toml").write_text(_GOLD, encoding="utf-8")

    result = evaluate(tmp_path)

    readable, unreadable = result.scores
    assert readable.tallies["people"].tp_recall == 1
    assert unreadable.tallies["people"].tp_recall == 0
    assert unreadable.tallies["people"].gold == 1
    assert "no article text found" in unreadable.misses[0]
