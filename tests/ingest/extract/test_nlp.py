"""The statistical pipeline as the extractor loads it: the model's matrix products on numpy's
BLAS, one thread, and the same annotations as spaCy's default backend gives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.ingest.extract.clean import clean_page
from newsgraph.ingest.extract.document import Document
from newsgraph.ingest.extract.nlp import (
    _EXCLUDE,
    _PARAGRAPHS,
    MODEL_PACKAGE,
    keep_title_abbreviations,
    load_pipeline,
)
from newsgraph.ingest.extract.reference import load_reference
from newsgraph.ingest.model import SourceDocument
from newsgraph.ingest.sources.files import read_file

ARTICLES = Path(__file__).resolve().parents[2] / "eval" / "articles"


@pytest.fixture(scope="module")
def pipeline() -> Language:
    return load_pipeline(load_reference())


def test_the_networks_of_the_pipeline_multiply_on_numpys_blas_not_blis(
    pipeline: Language,
) -> None:
    for name in ("tok2vec", "ner"):
        layers = [n for n in pipeline.get_pipe(name).model.walk() if n.name == "maxout"]  # type: ignore[attr-defined]
        assert layers, name
        assert all(getattr(layer.ops, "use_blis", None) is False for layer in layers), name


def test_the_pipeline_annotates_as_spacys_default_backend_does(pipeline: Language) -> None:
    import spacy

    default = spacy.load(MODEL_PACKAGE, exclude=list(_EXCLUDE))
    keep_title_abbreviations(default)  # (the tokenizer's exceptions are ours, as the ruler is)
    assert all(
        getattr(n.ops, "use_blis", None) is True
        for n in default.get_pipe("ner").model.walk()  # type: ignore[attr-defined]
    )
    texts = []
    for path in sorted(ARTICLES.glob("*.txt"))[::6]:
        for doc in read_file(path):
            assert isinstance(doc, SourceDocument)
            texts.append(Document.join(clean_page(doc.body, doc.title).blocks))
    assert len(texts) >= 10
    # The same components on both sides: the entity ruler and the paragraph breaks are ours.
    with pipeline.select_pipes(disable=["entity_ruler", _PARAGRAPHS]):
        ours = list(pipeline.pipe(texts))
    theirs = list(default.pipe(texts))
    for a, b in zip(ours, theirs, strict=True):
        assert [(t.tag_, t.dep_, t.head.i) for t in a] == [(t.tag_, t.dep_, t.head.i) for t in b]
        assert [(e.start, e.end, e.label_) for e in a.ents] == [
            (e.start, e.end, e.label_) for e in b.ents
        ]


def test_a_paragraph_starts_a_sentence_whatever_the_line_before_ends_with(
    pipeline: Language,
) -> None:
    doc = pipeline(
        "Relations have improved after a three-year freeze\n\n"
        "Prime Minister Kyriakos Mitsotakis phoned President Recep Tayyip Erdogan."
    )
    assert [s.text.strip() for s in doc.sents] == [
        "Relations have improved after a three-year freeze",
        "Prime Minister Kyriakos Mitsotakis phoned President Recep Tayyip Erdogan.",
    ]


def test_loading_the_pipeline_keeps_numpys_blas_to_one_thread() -> None:
    # In a fresh process: OpenBLAS's thread count, read through its own getter, before and
    # after the pipeline is loaded.
    script = (
        "import ctypes, json, numpy\n"
        "from newsgraph.ingest.extract.nlp import load_pipeline\n"
        "from newsgraph.ingest.extract.reference import load_reference\n"
        "def threads():\n"
        "    counts = []\n"
        "    for line in open('/proc/self/maps'):\n"
        "        path = line.split()[-1]\n"
        "        if 'openblas' in path.rsplit('/', 1)[-1]:\n"
        "            lib = ctypes.CDLL(path)\n"
        "            for name in ('openblas_get_num_threads', 'openblas_get_num_threads64_',\n"
        "                         'scipy_openblas_get_num_threads64_'):\n"
        "                if hasattr(lib, name):\n"
        "                    counts.append(getattr(lib, name)())\n"
        "                    break\n"
        "    return sorted(set(counts))\n"
        "before = threads()\n"
        "load_pipeline(load_reference())\n"
        "print(json.dumps([before, threads()]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    before, after = json.loads(done.stdout)
    if not before:
        pytest.skip("numpy's BLAS here is not OpenBLAS")
    assert after == [1]
