"""Ids and content hashes stay what they were: a reload of a stored article must find it."""

from __future__ import annotations

import hashlib
import sys

from newsgraph.ingest.resolve.ids import content_hash, normalise_text


def test_every_kind_of_unicode_space_folds_to_one_space_in_the_content_hash() -> None:
    spaces = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    body = f"\n {spaces}Talks{spaces}ended\u00a0 \t in Geneva.{spaces}"
    assert normalise_text(body) == "Talks ended in Geneva."
    assert content_hash(body) == hashlib.sha256(b"Talks ended in Geneva.").hexdigest()
