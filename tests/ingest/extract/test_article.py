"""The article stage: one document's extraction, guarded in time."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest

from newsgraph.ingest.extract import article
from newsgraph.ingest.extract.article import ExtractionError, extract_many
from newsgraph.ingest.extract.reference import load_reference
from newsgraph.ingest.model import SourceDocument


def _doc(origin: str, body: str) -> SourceDocument:
    return SourceDocument(origin=origin, body=body, title="Talks", published=dt.date(2024, 5, 10))


def test_an_article_whose_rules_never_finish_is_reported_and_the_next_is_extracted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = article._extract_page

    def stuck_on_the_first(doc: SourceDocument, *args: Any) -> Any:
        if doc.origin == "stuck.txt":
            while True:  # a rule looping forever, as one once did on a noun-rooted line
                time.sleep(0.01)
        return real(doc, *args)

    monkeypatch.setattr(article, "_extract_page", stuck_on_the_first)
    monkeypatch.setattr(article, "ARTICLE_SECONDS", 0.5)
    started = time.monotonic()
    stuck, fine = extract_many(
        [
            _doc("stuck.txt", "Kenyan President William Ruto met Samia Suluhu Hassan on Tuesday."),
            _doc("fine.txt", "Kenyan President William Ruto met Samia Suluhu Hassan on Tuesday."),
        ],
        load_reference(),
    )
    assert time.monotonic() - started < 30
    assert isinstance(stuck, ExtractionError)
    assert "stuck.txt" in str(stuck) and "longer than 0.5 s" in str(stuck)
    assert not isinstance(fine, ExtractionError)
    assert [len(m.participants) for m in fine[0].meetings] == [2]


def test_an_article_a_rule_fails_on_is_reported_and_the_next_is_extracted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = article._extract_page

    def failing_on_the_first(doc: SourceDocument, *args: Any) -> Any:
        if doc.origin == "broken.txt":
            raise KeyError("George Tupou V.")  # as a name with a trailing blank line once did
        return real(doc, *args)

    monkeypatch.setattr(article, "_extract_page", failing_on_the_first)
    body = "Kenyan President William Ruto met Samia Suluhu Hassan on Tuesday."
    broken, fine = extract_many(
        [_doc("broken.txt", body), _doc("fine.txt", body)], load_reference()
    )
    assert isinstance(broken, ExtractionError)
    assert "broken.txt: extraction failed (KeyError: 'George Tupou V.')" in str(broken)
    assert not isinstance(fine, ExtractionError)
    assert [len(m.participants) for m in fine[0].meetings] == [2]
