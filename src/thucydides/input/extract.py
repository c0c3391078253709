"""Article extraction from HTML: several candidate extractions, one chosen by their agreement.

Candidates (each an independent reading of the page):

``precision``    trafilatura's own extractor with ``favor_precision``; also gives the page's metadata.
``recall``       trafilatura's own extractor with ``favor_recall``.
``readability``  trafilatura's readability port alone (on the already-parsed tree).
``justext``      jusText alone, as trafilatura integrates it (on trafilatura's cleaned tree).
``readability-lxml``  the readability-lxml package, which parses the page itself (and so recovers the text
                 of some damaged markup the other parsers give up on).

trafilatura's fallbacks (readability, jusText) are candidates in their own right here, so trafilatura runs
without them (``fast``): the vote below does what its own comparison did, with more evidence. The page is
parsed once for the trafilatura candidates.

The choice, in two steps, each explainable from the page alone:

1. The precision and recall readings are run first. When they agree (the Dice overlap of their word
   4-gram sets is at least ``settings.extract_agreement``) on an article of some length (at least
   ``settings.extract_min_chars`` characters, trafilatura's own size below which it tries its fallbacks),
   both rule sets found the same article and the precision reading is kept: the other candidates are not even computed (most pages stop here).
2. Otherwise every candidate is computed and they vote: a word 4-gram is *consensus* text when at least
   ``settings.extract_consensus`` of the candidates that found any text contain it (an empty reading abstains). Each candidate is scored by the
   F1 of its 4-grams against the consensus, less a penalty for link density (the share of its lines that
   are the text of one of the page's links: menus, teasers, related-story lists); the precision reading
   gets a small prior (``settings.extract_prior``) so that a near tie keeps it. The best score wins.

So a fixtures box or a teaser that one reading took for the article loses to the article the other
readings agree on, and a page where trafilatura returns nothing falls to the reading that recovered text.
The project's own chrome removal (``clean.clean_text``) runs on whichever candidate wins.
"""
from __future__ import annotations

import logging
import re
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Optional

from ..settings import Settings, load

PRECISION, RECALL, READABILITY, JUSTEXT, READABILITY_LXML = "precision", "recall", "readability", "justext", "readability-lxml"
CANDIDATES = (PRECISION, RECALL, READABILITY, JUSTEXT, READABILITY_LXML)

WORD = re.compile(r"\w+")
# libxml2 stops building the tree 255 elements deep (unclosed tags nest ever deeper): such pages are retried
# without their container tags
CONTAINER = re.compile(r"</?(?:div|span|section|font|center|table|tbody|thead|tr|td|th|ul|ol|li|b|i|u|em|strong|small|big|blockquote)\b[^>]*>", re.I)
DEEP_NESTING = 250
BLOCK = frozenset("p div li h1 h2 h3 h4 h5 h6 td th tr br blockquote pre dd dt section article table ul ol hr header "
                  "footer figcaption address center".split())

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("readability").setLevel(logging.CRITICAL)


@dataclass
class Extraction:
    """The chosen text (paragraphs separated by line breaks), the page's metadata, and why."""

    text: str
    chosen: str
    reason: str
    title: Optional[str] = None
    sitename: Optional[str] = None
    url: Optional[str] = None
    date: Optional[str] = None
    candidates: dict[str, str] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)


def shingles(text: str, n: int = 4) -> set:
    toks = [t.lower() for t in WORD.findall(text or "")]
    if len(toks) < n:
        return {tuple(toks)} if toks else set()
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def agreement(a: set, b: set) -> float:
    """Dice overlap of two shingle sets (0 when either is empty)."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def html_text(element) -> str:
    """Text of an HTML element, one line per block element, white space collapsed."""
    out: list[str] = []
    cur: list[str] = []

    def flush():
        s = " ".join("".join(cur).split())
        if s:
            out.append(s)
        cur.clear()

    def walk(e):
        tag = e.tag.lower() if isinstance(e.tag, str) else ""
        if tag in ("script", "style", "noscript") or not isinstance(e.tag, str):
            if e.tail:
                cur.append(e.tail)
            return
        if tag in BLOCK:
            flush()
        if e.text:
            cur.append(e.text)
        for c in e:
            walk(c)
        if tag in BLOCK:
            flush()
        if e.tail:
            cur.append(e.tail)

    walk(element)
    flush()
    return "\n".join(out)


def _tree(raw: str):
    """The page parsed once (trafilatura's loader), shared by the candidates that work on a tree."""
    from trafilatura.utils import load_html

    tree = load_html(raw)
    if len(CONTAINER.findall(raw)) > DEEP_NESTING and (tree is None or len(" ".join(tree.itertext()).split()) < 50):
        tree = load_html(CONTAINER.sub(" ", raw))
    return tree


def _metadata(tree, options):
    """trafilatura's ``extract_metadata`` limited to the fields the clean step keeps (title, url, date,
    sitename), step for step as trafilatura computes them: its author, category, tag and licence searches
    (a third of its time) are skipped, since nothing here reads them and none feeds the four fields."""
    from courlan import extract_domain
    from htmldate import find_date
    from trafilatura.metadata import META_URL, examine_meta, extract_meta_json, extract_sitename, extract_title, extract_url

    date_config = {**options.date_params}
    metadata = examine_meta(tree)
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception:  # bugs in trafilatura's JSON-LD reader, caught as trafilatura catches them
        pass
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, options.url)
    if metadata.url:
        metadata.hostname = extract_domain(metadata.url, fast=True)
    date_config["url"] = metadata.url
    metadata.date = find_date(tree, **date_config)
    if not metadata.sitename:
        metadata.sitename = extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url:
        mymatch = META_URL.match(metadata.url)
        if mymatch:
            metadata.sitename = mymatch[1]
    metadata.filedate = date_config.get("max_date")
    metadata.clean_and_trim()
    return metadata


def _sequence(tree, options, url: Optional[str], is_forum: bool) -> Optional[str]:
    """trafilatura's extraction cascade (``trafilatura_sequence`` and the end of ``bare_extraction``) for our
    settings (fast, comments off) on a tree whose raw-tree pruning is already done: its text, or None where
    ``bare_extraction`` gives nothing."""
    from trafilatura.baseline import baseline
    from trafilatura.core import _extract_and_compare, _prepare_tree
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xml import xmltotxt
    from trafilatura.xpaths import REMOVE_COMMENTS_XPATH

    cleaned_tree, cleaned_tree_backup = _prepare_tree(tree, options, url)
    if options.focus == "precision" and not is_forum:
        cleaned_tree = prune_unwanted_nodes(cleaned_tree, REMOVE_COMMENTS_XPATH)
    postbody, temp_text = _extract_and_compare(cleaned_tree, cleaned_tree_backup, tree, options)
    if len(temp_text) < options.min_extracted_size and options.focus != "precision":
        b_body, b_text, b_len = baseline(tree)
        if b_len > len(temp_text):
            postbody, temp_text = b_body, b_text
    if options.max_tree_size and len(postbody) > options.max_tree_size:
        from lxml.etree import strip_tags

        strip_tags(postbody, "hi")
        if len(postbody) > options.max_tree_size:
            return None
    if len(temp_text) < options.min_output_size and 0 < options.min_output_comm_size:
        return None
    return xmltotxt(postbody, options.formatting)


def _readings(tree, url: Optional[str]):
    """The precision reading with the page's metadata and the recall reading: what
    ``bare_extraction(tree, fast=True, include_comments=False)`` gives with ``favor_precision`` (and metadata)
    and with ``favor_recall``, without doing twice what both would do. Both copy the page, test it for a forum
    thread and prune the raw tree the same way (infinite-scroll appendices, comment sections: a third of their
    time); here that is done once on one copy, and each setting's own cascade runs from it. Returns
    (metadata, precision text, recall text); a text is None where trafilatura gives nothing. Checked
    against ``bare_extraction`` itself by tests/input/test_extract.py."""
    from copy import copy

    from trafilatura.core import _forum_thread_page
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.settings import Extractor
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    def options(**kw):
        return Extractor(output_format="python", fast=True, comments=False, url=url, **kw)

    prec, rec = options(precision=True, with_metadata=True), options(recall=True)
    base = copy(tree)
    meta = _safe(_metadata, base, prec) or None
    is_forum = _forum_thread_page(base)
    base = prune_unwanted_nodes(base, RAW_TREE_PRUNE_XPATH)
    # the comment sections go in both settings, except for recall on a forum thread (the posts are comments)
    rec_tree = copy(base) if is_forum else base
    base = prune_unwanted_nodes(base, REMOVE_COMMENTS_AND_LISTS_XPATH)
    # as in bare_extraction, a failed metadata search fails the precision reading, and a precision reading
    # with no text comes back without its metadata
    p = _safe(_sequence, base, prec, url or meta.url, is_forum) or None if meta is not None else None
    r = _safe(_sequence, rec_tree if is_forum else base, rec, url, is_forum) or None
    return (meta if p is not None else None), p, r


def _readability_port(tree) -> str:
    from trafilatura.external import try_readability

    return html_text(try_readability(deepcopy(tree)))


def _justext(tree) -> str:
    from trafilatura.external import justext_rescue
    from trafilatura.htmlprocessing import tree_cleaning
    from trafilatura.settings import Extractor

    options = Extractor()
    body, _ = justext_rescue(tree_cleaning(deepcopy(tree), options), options)
    return "\n".join(p.text for p in body if p.text and p.text.strip())


def readability_lxml(raw: str) -> str:
    """The readability-lxml package's article, as text."""
    import lxml.html
    from readability import Document as ReadabilityDocument

    summary = ReadabilityDocument(raw).summary()
    return html_text(lxml.html.fromstring(summary)) if summary.strip() else ""


def _link_texts(tree) -> set[str]:
    out = set()
    for a in tree.iter("a"):
        s = " ".join(" ".join(a.itertext()).split()).lower()
        if len(s) >= 3:
            out.add(s)
    return out


def link_density(text: str, links: set[str]) -> float:
    """Share of the text's characters on lines that are nothing but the text of one of the page's links."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    total = sum(len(line) for line in lines)
    return sum(len(line) for line in lines if line.lower() in links) / total if total else 0.0


def _safe(fn, *args, **kw):
    try:
        result = fn(*args, **kw)
    except Exception:  # a candidate that fails is an empty candidate; the others still run
        return ""
    return "" if result is None else result


def vote(candidates: dict[str, str], settings: Settings, links: set[str] = frozenset()) -> tuple[str, dict[str, float]]:
    """The candidate that agrees best with the consensus of all (see the module's docstring) and the scores."""
    sets = {name: shingles(text) for name, text in candidates.items()}
    votes: dict = {}
    for s in sets.values():
        for x in s:
            votes[x] = votes.get(x, 0) + 1
    # a reading that found nothing abstains (and cannot win while another found text)
    need = settings.extract_consensus * max(1, sum(1 for s in sets.values() if s))
    consensus = {x for x, v in votes.items() if v >= need}
    scores = {}
    for name, s in sets.items():
        tp = len(s & consensus)
        f1 = 2 * tp / (len(s) + len(consensus)) if tp else 0.0
        scores[name] = f1 - settings.extract_link_penalty * link_density(candidates[name], links) \
            + (settings.extract_prior if name == PRECISION else 0.0)
    best = max(candidates, key=lambda n: (bool(sets[n]), scores[n], n == PRECISION))
    return best, scores


def _field(result, name: str) -> Optional[str]:
    """A text field of an extraction result, or None (a failed candidate may come back as a plain string, whose
    ``.title`` is a method, not a title)."""
    value = getattr(result, name, None) if result is not None and not isinstance(result, str) else None
    return value if isinstance(value, str) and value else None


def extract(raw: str, url: Optional[str] = None, settings: Optional[Settings] = None, all_candidates: bool = False) -> Extraction:
    """Extract the article of an HTML page (see the module's docstring). ``all_candidates``: compute and
    keep every candidate even when the first two agree (for evaluation and tests)."""
    settings = settings or load()
    tree = _safe(_tree, raw)
    if isinstance(tree, str):
        tree = None
    first, prec, rec = _safe(_readings, tree, url) or (None, None, None) if tree is not None else (None, None, None)
    meta = dict(title=_field(first, "title"), sitename=_field(first, "sitename"), url=_field(first, "url"),
                date=_field(first, "date"))
    cands = {PRECISION: (prec or "").strip(), RECALL: (rec or "").strip()}
    agree = agreement(shingles(cands[PRECISION]), shingles(cands[RECALL]))
    settled = agree >= settings.extract_agreement and len(cands[PRECISION]) >= settings.extract_min_chars
    if settled and not all_candidates:
        return Extraction(cands[PRECISION], PRECISION, f"precision and recall readings agree ({agree:.2f})",
                          candidates=cands, **meta)
    if tree is not None and len(tree):
        cands[READABILITY] = _safe(_readability_port, tree)
        cands[JUSTEXT] = _safe(_justext, tree)
        links = _link_texts(tree)
    else:
        cands[READABILITY] = cands[JUSTEXT] = ""
        links = set()
    cands[READABILITY_LXML] = _safe(readability_lxml, raw)
    if settled:
        return Extraction(cands[PRECISION], PRECISION, f"precision and recall readings agree ({agree:.2f})",
                          candidates=cands, **meta)
    best, scores = vote(cands, settings, links)
    ranked = ", ".join(f"{n} {scores[n]:.2f}" for n in sorted(scores, key=scores.get, reverse=True))
    why = (f"precision and recall readings disagree ({agree:.2f})" if agree < settings.extract_agreement else
           f"precision and recall readings agree on only {len(cands[PRECISION])} characters")
    reason = f"{why}; agreement with the consensus: {ranked}"
    return Extraction(cands[best], best, reason, candidates=cands, scores=scores, **meta)
