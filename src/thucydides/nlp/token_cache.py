"""Coarse POS, morphology and lemmas served from a cache instead of two rule-based components.

spaCy's English pipelines end their parse with an ``attribute_ruler`` (maps fine tags, plus a
few words and dependency labels, to coarse POS and morphology) and a rule ``lemmatizer`` (a
function of the word, its POS and morphology). Together they cost about a fifth of the parse,
yet their output is a pure function of a few token fields. :class:`TokenCache` takes their
place: it looks the output up under the key that determines it, and computes what it has not
seen yet by running the two components themselves on a small Doc of those tokens, so every
answer is the components' own.

The key is the token's ORTH plus every token field the ruler's patterns read (TAG, DEP; the
lexical attributes such as LOWER or IS_SPACE follow from ORTH). Patterns spanning several
tokens ("there is", "gon na") depend on neighbours: tokens a multi-token pattern could cover
are looked up with their window of neighbours as the key, and computed on that window.

:func:`install` puts the cache in place of the two components when it can prove the
equivalence from the pipeline's own configuration (single-token field reads only, a rule or
lookup lemmatizer, nothing in between that writes what they read). Otherwise the model keeps
its own components and :func:`install` says why.
"""
from __future__ import annotations

from typing import Optional

import numpy as np

NAME = "thucydides_token_cache"

# Pattern keys the cache can reason about: lexical attributes (fixed by ORTH) and TAG/DEP.
_LEXICAL = {"ORTH", "TEXT", "LOWER", "LENGTH", "SHAPE", "PREFIX", "SUFFIX", "IS_ALPHA", "IS_ASCII",
            "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_CURRENCY",
            "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT",
            "IS_OOV"}
_TOKEN_FIELDS = ("TAG", "DEP")
# What the two components may write, in the order of the cached tuples.
_WRITES = ("TAG", "DEP", "POS", "MORPH", "LEMMA")
# Entries per cache before it starts afresh (about 300 bytes each): memory stays flat on any corpus.
MAX_ENTRIES = 200_000
# Ruler pattern fields the over-approximate neighbour check evaluates (everything else counts as "may match").
_CHECKED = ("LOWER", "ORTH", "TAG", "DEP")


class CannotCache(Exception):
    """The pipeline's ruler or lemmatizer reads something the cache key does not hold."""


def _constraint(value, strings) -> Optional[tuple[bool, set[int]]]:
    """(accept?, hashes) for a string / IN / NOT_IN constraint; None when not checkable (regex, ...)."""
    if isinstance(value, str):
        return True, {strings.add(value)}
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, (list, tuple)) and all(isinstance(a, str) for a in arg):
            return op == "IN", {strings.add(a) for a in arg}
    return None


class TokenCache:
    """Pipeline component standing in for ``attribute_ruler`` + ``lemmatizer`` (see module doc)."""

    def __init__(self, nlp, ruler_name: str = "attribute_ruler", lemmatizer_name: str = "lemmatizer"):
        from spacy.attrs import IDS
        from spacy.pipeline import AttributeRuler, Lemmatizer

        self.ruler = nlp.get_pipe(ruler_name)
        self.lemmatizer = nlp.get_pipe(lemmatizer_name)
        self.vocab = nlp.vocab
        if not isinstance(self.ruler, AttributeRuler):
            raise CannotCache(f"{ruler_name!r} is not spaCy's AttributeRuler")
        if not isinstance(self.lemmatizer, Lemmatizer) or self.lemmatizer.mode not in ("rule", "lookup"):
            raise CannotCache(f"{lemmatizer_name!r} is not a rule or lookup lemmatizer")
        fields: set[str] = set()
        self.multi: list[list[dict]] = []
        for p in self.ruler.patterns:
            for pattern in p["patterns"]:
                if isinstance(pattern, str) or not isinstance(pattern, list):
                    raise CannotCache("a ruler pattern is a phrase pattern")
                for tok in pattern:
                    for key in tok:
                        key = key.upper()
                        if key in ("OP", "_"):
                            raise CannotCache(f"a ruler pattern uses {key}")
                        if key not in _LEXICAL and key not in _TOKEN_FIELDS:
                            raise CannotCache(f"a ruler pattern reads {key}")
                        if key in _TOKEN_FIELDS:
                            fields.add(key)
                if len(pattern) > 1:
                    self.multi.append([{("ORTH" if k.upper() == "TEXT" else k.upper()): v for k, v in tok.items()}
                                       for tok in pattern])
            for attr in p["attrs"]:
                if attr.upper() not in _WRITES:
                    raise CannotCache(f"a ruler pattern writes {attr}")
        self.key_attrs = [IDS["ORTH"]] + [IDS[f] for f in _TOKEN_FIELDS if f in fields]
        self.write_attrs = [IDS[a] for a in _WRITES]
        self.span = max((len(m) for m in self.multi), default=1)
        # Per multi-token pattern and position: [(column, accept, hashes)] over LOWER/ORTH/TAG/DEP.
        self.checks = []
        for pattern in self.multi:
            per_pos = []
            for tok in pattern:
                tests = []
                for key in _CHECKED:
                    if key in tok:
                        c = _constraint(tok[key], self.vocab.strings)
                        if c is not None:
                            tests.append((key, c[0], np.fromiter(c[1], dtype=np.uint64)))
                per_pos.append(tests)
            self.checks.append(per_pos)
        self.check_attrs = sorted({t[0] for pp in self.checks for tests in pp for t in tests})
        self.cache: dict = {}       # single-token key -> written values
        self.windows: dict = {}     # (window keys, offset) -> written values
        self.hits = self.misses = 0

    # ------------------------------------------------------------------ the component
    def __call__(self, doc):
        n = len(doc)
        if not n:
            return doc
        keys = list(map(tuple, doc.to_array(self.key_attrs).tolist()))
        cache = self.cache
        out = [cache.get(k) for k in keys]
        todo: dict[int, tuple] = {}  # token index -> (segment start, segment end)
        for i in self._near_multi(doc):
            todo[i] = (max(0, i - self.span + 1), min(n, i + self.span))
        windows = self.windows
        for i, (s, e) in list(todo.items()):
            hit = windows.get((tuple(keys[s:e]), i - s))
            if hit is not None:
                out[i] = hit
                del todo[i]
        for i, v in enumerate(out):
            if v is None and i not in todo:
                todo[i] = (i, i + 1)
        self.misses += len(todo)
        self.hits += n - len(todo)
        if todo:
            if len(self.cache) > MAX_ENTRIES or len(self.windows) > MAX_ENTRIES:
                self.cache.clear()
                self.windows.clear()
            self._compute(doc, keys, todo, out)
        doc.from_array(self.write_attrs, np.array(out, dtype=np.uint64))
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    # ------------------------------------------------------------------ helpers
    def _near_multi(self, doc) -> list[int]:
        """Tokens some multi-token pattern could cover (an over-approximation: unchecked constraints pass)."""
        if not self.multi:
            return []
        from spacy.attrs import IDS

        n = len(doc)
        cols = {a: c for a, c in zip(self.check_attrs, doc.to_array([IDS[a] for a in self.check_attrs]).T)} \
            if self.check_attrs else {}
        flagged = np.zeros(n, dtype=bool)
        for per_pos in self.checks:
            m = len(per_pos)
            if m > n:
                continue
            starts = np.ones(n - m + 1, dtype=bool)
            for k, tests in enumerate(per_pos):
                for key, accept, hashes in tests:
                    ok = np.isin(cols[key][k:k + n - m + 1], hashes)
                    starts &= ok if accept else ~ok
            for s in np.flatnonzero(starts):
                flagged[s:s + m] = True
        return np.flatnonzero(flagged).tolist()

    def _compute(self, doc, keys: list[tuple], todo: dict[int, tuple], out: list) -> None:
        """Run the ruler and the lemmatizer themselves on the segments of ``todo``; fill ``out`` and the caches."""
        from spacy.attrs import IDS
        from spacy.tokens import Doc

        read = [IDS["ORTH"], IDS["TAG"], IDS["DEP"]]
        src = doc.to_array(read)
        index, bounds, targets = [], [], []  # the segments' token indices, in one gather (not a copy per token)
        for i, (s, e) in todo.items():
            start = len(index)
            index.extend(range(s, e))
            bounds.append((start, start + e - s))
            targets.append((i, start + i - s))
        arr = src[index].astype(np.uint64, copy=False)
        strings = self.vocab.strings
        words = [strings[o] for o in arr[:, 0].tolist()]
        mini = Doc(self.vocab, words=words, spaces=[False] * len(words))
        mini.from_array([IDS["TAG"], IDS["DEP"]], arr[:, 1:])
        # Matches must lie within one segment: segments are not neighbours in the real text.
        seg_end = np.zeros(len(index), dtype=np.int64)
        for b, e in bounds:
            seg_end[b:e] = e
        matches = [m for m in self.ruler.match(mini) if m[3] <= seg_end[m[2]]]
        self.ruler.set_annotations(mini, matches)
        self.lemmatizer(mini)
        res = mini.to_array(self.write_attrs).tolist()
        for (i, j), (s, e) in zip(targets, todo.values()):
            value = tuple(res[j])
            out[i] = value
            if e - s == 1:
                self.cache[keys[i]] = value
            else:
                self.windows[(tuple(keys[s:e]), i - s)] = value


def install(nlp, name: str = NAME) -> Optional[str]:
    """Replace ``attribute_ruler`` + ``lemmatizer`` of ``nlp`` by a :class:`TokenCache`.

    Returns None when installed, else the reason the model keeps its own components.
    The two components stay in the pipeline, disabled: the cache runs them on what it has not seen.
    """
    names = nlp.pipe_names
    if "lemmatizer" in names:
        index_as_sets(nlp.get_pipe("lemmatizer"))
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return "the pipeline has no attribute_ruler and lemmatizer"
    a, b = names.index("attribute_ruler"), names.index("lemmatizer")
    if b < a:
        return "the lemmatizer runs before the attribute_ruler"
    # What runs between them must not read or write POS, morphology or lemmas: only NER is known not to.
    from spacy.pipeline import EntityRecognizer

    for between in names[a + 1:b]:
        if not isinstance(nlp.get_pipe(between), EntityRecognizer):
            return f"component {between!r} runs between the attribute_ruler and the lemmatizer"
    from spacy.language import Language

    if not Language.has_factory(NAME):
        Language.factory(NAME, func=_make)
    try:
        nlp.add_pipe(NAME, name=name, after="lemmatizer")
    except CannotCache as e:
        return str(e)
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return None


def index_as_sets(lemmatizer) -> None:
    """Make the rule lemmatizer's word lists (``lemma_index``, one per POS) sets, in place.

    spaCy's rule lemmatizer only ever asks ``form in index`` of them, and the lists hold up to 57,000
    words: every lemma it has not cached yet scanned them (70 us a word, more than the rest of the
    first pass's lemmatizing and attribute ruling together). A set answers the same question alike.
    """
    from spacy.lookups import Table
    from spacy.pipeline import Lemmatizer

    lookups = getattr(lemmatizer, "lookups", None)
    # Only spaCy's own rule_lemmatize is known to use the lists for membership alone (other languages' differ).
    if (not isinstance(lemmatizer, Lemmatizer) or type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize
            or lemmatizer.mode != "rule" or lookups is None or not lookups.has_table("lemma_index")):
        return
    table = lookups.get_table("lemma_index")
    if isinstance(table, Table):
        for key in list(table.keys()):
            if isinstance(table[key], list):
                table[key] = frozenset(table[key])


def _make(nlp, name: str) -> TokenCache:
    return TokenCache(nlp)
