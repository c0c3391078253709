"""Quotes stage (issue #4): who said what.

``extract(doc)`` finds attributed statements in a parsed document and appends
:class:`~thucydides.model.Quote` records to ``doc.quotes``:

* ``direct``   -- the content is a quotation in marks: “…,” Lavrov said.
* ``indirect`` -- reported speech without marks: He noted that there is trust …;
  According to the foreign minister, relations … have never been better.
* ``mixed``    -- reported speech that quotes in part: He added that “Western partners …”

Two sources of evidence are combined in one pass over the document:

1. quotation marks, paired by their context (curly, straight, guillemets, doubled
   apostrophes), so that apostrophes in possessives and contractions never break a pair and
   a quotation left open at a paragraph's end continues into the next paragraph's opening mark;
2. the dependency parse: a speech verb (``data/cue_verbs.tsv``) with its subject (the speaker)
   and its clausal complement (the content), a colon introduction, a quotation next to the
   verb's clause, or a source phrase such as "according to" (``data/cue_phrases.tsv``).

The speaker is the actor the actors stage resolved for the subject as written
(:func:`thucydides.actors.actor_at`); when that fails the speaker stays ``None``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..actors.resolver import actor_at
from ..errors import StageError
from ..knowledge import multi, table
from ..model import Document, Quote

Span = tuple[int, int]

# Dependency labels under which a speech verb still heads (or continues) its own clause.
VERBAL_DEPS = frozenset({"ROOT", "ccomp", "parataxis", "conj", "advcl", "relcl", "xcomp", "acl", "pcomp"})
# Labels whose subject a dependent verb shares: "…, adding that …", "said … and added …".
INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "acl"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
RELATIVE = frozenset({"who", "that", "which", "whom"})
# Dependents of a speaker's head word that belong to the name as written.
NAME_DEPS = frozenset({"compound", "flat", "amod", "det", "nmod", "poss", "case", "nummod", "prt", "punct"})
CLAUSE_DEPS = frozenset({"acl", "relcl", "ccomp", "advcl", "punct", "cc", "conj"})
EDGE_PUNCT = " \t\n,;:—–-―"
QUOTE_CHARS = "\"“”«»„'‘’` "


# ---------------------------------------------------------------------------- knowledge
@dataclass(frozen=True)
class Lexicon:
    needs: dict  # cue lemma ("say", "point out") -> "clause" | "quote"
    forms: dict  # written form ("said", "pointed out") -> lemma
    sources: tuple  # token sequences (lower case) of source phrases: ("according", "to")
    channels: frozenset  # nouns (lower case) that belong to the cue: "statement", "telegram", "reporters"
    marks: dict  # mark -> set of nominal roles {"open", "close"}
    dashes: frozenset  # attribution dashes: “…” ― Name
    mark_re: object  # regex finding any top-level mark


_hashes_of: dict = {}  # id(lexicon) -> (the lexicon, its hash arrays)


def _cue_hashes(lex: Lexicon):
    """(cue forms, VERBAL_DEPS, first words of source phrases) as arrays of spaCy string ids, once per lexicon."""
    got = _hashes_of.get(id(lex))
    if got is None or got[0] is not lex:
        import numpy as np
        from spacy.strings import StringStore

        ids = StringStore()  # a string's id as the parse's arrays hold it: spaCy's symbol id (dep labels), else its hash

        def hashes(words):
            return np.array(sorted({ids[w] for w in words}), dtype=np.uint64)

        got = _hashes_of[id(lex)] = (lex, (hashes(lex.forms), hashes(VERBAL_DEPS), hashes(p[0] for p in lex.sources)))
    return got[1]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    needs, forms = {}, {}
    for row in table("cue_verbs.tsv"):
        lemma = row["lemma"].lower()
        needs[lemma] = row.get("needs") or "clause"
        for f in multi(row.get("forms", "")):
            forms.setdefault(f.lower(), lemma)
    sources, channels = [], set()
    for row in table("cue_phrases.tsv"):
        phrase, kind = row["phrase"], row.get("type")
        if kind == "source":
            sources.append(tuple(phrase.lower().split()))
        elif kind == "channel":
            channels.add(phrase.lower())
    marks: dict[str, set] = {}
    dashes = set()
    for row in table("quote_marks.tsv"):
        kind = row.get("kind")
        if kind == "double":
            marks.setdefault(row["open"], set()).add("open")
            marks.setdefault(row["close"], set()).add("close")
        elif kind == "dash":
            dashes.update((row["open"], row["close"]))
    alternation = "|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True))
    return Lexicon(needs, forms, tuple(sources), frozenset(channels), marks, frozenset(dashes),
                   re.compile(alternation))


# ------------------------------------------------------------------- quotation marks
OPEN_BEFORE = "([{/—–-―…"  # characters after which a mark opens
CLOSE_AFTER = ".,;:!?)]}—–-―…/"  # characters before which a mark closes


def _role(text: str, s: int, e: int, nominal: set, marks) -> str:
    """'open', 'close' or 'either' for the mark text[s:e], read from its neighbours first."""
    prev = text[s - 1] if s > 0 else "\n"
    nxt = text[e] if e < len(text) else "\n"
    can_open = (prev.isspace() or prev in OPEN_BEFORE or prev in marks) and not nxt.isspace()
    can_close = (not prev.isspace()) and (nxt.isspace() or nxt in CLOSE_AFTER or nxt in marks)
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if len(nominal) == 1:
        return next(iter(nominal))
    return "either"


def paragraphs(text: str) -> list[Span]:
    """Line spans (a line is a paragraph in clean text), without surrounding blanks."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def quotation_spans(text: str, paras: Optional[list[Span]] = None) -> list[Span]:
    """Spans of quotations in marks, marks included, paired by context.

    A quotation still open at a paragraph's end continues when the next paragraph opens with a
    mark (the newspaper convention for multi-paragraph quotes); otherwise it ends with its
    paragraph. Marks inside an open quotation that open again are nested quotations.
    """
    lex = lexicon()
    paras = paras if paras is not None else paragraphs(text)
    found = [(m.start(), m.end()) for m in lex.mark_re.finditer(text)]
    if not found:
        return []
    spans: list[Span] = []
    stack: list[int] = []  # start offsets of open marks
    k = 0
    for pi, (ps, pe) in enumerate(paras):
        while k < len(found) and found[k][0] < ps:
            k += 1
        first = True
        while k < len(found) and found[k][1] <= pe:
            s, e = found[k]
            k += 1
            role = _role(text, s, e, lex.marks[text[s:e]], lex.marks)
            if first and stack and s == ps and role != "close":
                first = False
                continue  # the continuation mark of a multi-paragraph quotation
            first = False
            if not stack:
                if role != "close":
                    stack.append(s)
            elif role == "open" and len(stack) == 1 and _double(text[s:e]) and _double(text[stack[0]:stack[0] + 1]) \
                    and _ends_sentence(text, stack[0], s):
                # a double mark opening a new sentence inside an open double quotation: the quotation before it
                # was left unclosed (nested quotations use single marks); it ends with its last sentence
                spans.append((stack[0], stack[0] + len(text[stack[0]:s].rstrip())))
                stack = [s]
            elif role == "open":
                stack.append(s)
            else:
                o = stack.pop()
                if not stack:
                    spans.append((o, e))
        if stack:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            cont = False
            if nxt is not None:
                m = lex.mark_re.match(text, nxt[0])
                cont = bool(m) and _role(text, m.start(), m.end(), lex.marks[m.group()], lex.marks) != "close"
            if not cont:
                spans.append((stack[0], pe))
                stack = []
            else:
                del stack[1:]
    return [sp for sp in spans if re.search(r"\w", text[sp[0]:sp[1]])]


def _double(mark: str) -> bool:
    return mark in ('"', "“", "”", "„", "«", "»")


def _ends_sentence(text: str, start: int, pos: int) -> bool:
    """The text of an open quotation before ``pos`` ends a sentence (its last non-blank is . ! or ?)."""
    before = text[start:pos].rstrip()
    return len(before) > 1 and before[-1] in ".!?"


# --------------------------------------------------------------------------- helpers
def _tok_span(t) -> Span:
    return t.idx, t.idx + len(t.text)


def _subtree_span(t) -> Span:
    return t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)


def _phrase_end(t) -> int:
    """End of a noun phrase without the clauses hanging off it: "a statement" in "a statement that …"."""
    end = t.idx + len(t.text)
    for c in t.rights:
        if c.dep_ in CLAUSE_DEPS:
            break
        end = max(end, _subtree_span(c)[1])
    return end


def _trim(text: str, s: int, e: int, chars: str = EDGE_PUNCT) -> Span:
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


class _Extractor:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.sdoc = doc.doc
        self.lex = lexicon()
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.qspans = quotation_spans(self.text, self.paras)
        self.q_starts = [q[0] for q in self.qspans]
        self.tok_starts = self.sdoc.to_array("IDX").tolist() if len(self.sdoc) else []
        self.source_words = {p[0] for p in self.lex.sources}
        self.claimed: set[int] = set()  # indices into qspans attached to a cue
        self.found: list[dict] = []

    # -------------------------------------------------------------- text geometry
    def para_of(self, pos: int) -> Span:
        i = bisect.bisect_right(self.para_starts, pos) - 1
        return self.paras[max(i, 0)] if self.paras else (0, len(self.text))

    def quotes_overlapping(self, s: int, e: int) -> list[int]:
        out = []
        i = bisect.bisect_left(self.q_starts, s)
        j = i - 1
        while j >= 0 and self.qspans[j][1] > s:  # a quotation opening before s
            out.append(j)
            j -= 1
        while i < len(self.qspans) and self.qspans[i][0] < e:
            out.append(i)
            i += 1
        return sorted(out)

    def inside_quote(self, pos: int) -> Optional[int]:
        """The quotation whose marks enclose ``pos``, if any."""
        i = bisect.bisect_right(self.q_starts, pos) - 1
        if i >= 0 and self.qspans[i][0] < pos < self.qspans[i][1]:
            return i
        return None

    def quote_ending_at(self, pos: int) -> Optional[int]:
        """A quotation that ends right before ``pos`` (only commas and blanks between, same paragraph)."""
        i = bisect.bisect_left(self.q_starts, pos) - 1
        if i < 0:
            return None
        qs, qe = self.qspans[i]
        if qe <= pos and re.fullmatch(r"[ \t,]*", self.text[qe:pos]):
            return i
        return None

    def quote_starting_at(self, pos: int, allow_break: bool = False) -> Optional[int]:
        """A quotation that starts right after ``pos`` (blanks only; a paragraph break when allowed)."""
        i = bisect.bisect_left(self.q_starts, pos)
        if i >= len(self.qspans):
            return None
        gap = self.text[pos:self.qspans[i][0]]
        if re.fullmatch(r"[ \t]*", gap) or (allow_break and re.fullmatch(r"\s*", gap)):
            return i
        return None

    # --------------------------------------------------------------------- cues
    def cue_lemma(self, t) -> Optional[str]:
        lex = self.lex
        verbish = t.tag_.startswith("VB") or t.pos_ in ("VERB", "AUX")
        if not verbish and not (t.dep_ in VERBAL_DEPS and t.lower_ in lex.forms):
            return None
        lemma = t.lemma_.lower()
        for c in t.children:
            if c.dep_ == "prt":
                key = f"{lemma} {c.lower_}"
                if key in lex.needs:
                    return key
        if lemma in lex.needs:
            return lemma
        return lex.forms.get(t.lower_)

    def cue_span(self, v) -> Span:
        """The speech verb with its particle and, when present, its channel: "said in a statement"."""
        s, e = _tok_span(v)
        for c in v.children:
            if c.dep_ == "prt" and c.i == v.i + 1:
                e = c.idx + len(c.text)
        for c in v.rights:
            if c.i > v.i + 4:
                break
            if c.dep_ == "prep":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs and self.is_channel(objs[0]):
                    e = max(e, _phrase_end(objs[0]))
            elif c.dep_ in ("dative", "dobj") and self.is_channel(c):
                e = max(e, _phrase_end(c))
        return s, e

    def channel_clauses(self, v) -> list:
        """ "said in a statement that …" parsed with the clause under "statement": that clause."""
        out = []
        for c in v.rights:
            if c.dep_ == "prep":
                for o in c.children:
                    if o.dep_ == "pobj" and self.is_channel(o):
                        out += [a for a in o.rights if a.dep_ in ("acl", "relcl", "ccomp")
                                and any(m.dep_ == "mark" for m in a.lefts)]
        return out

    def is_channel(self, t) -> bool:
        ch = self.lex.channels
        if t.lower_ in ch or t.lemma_.lower() in ch:
            return True
        left = t.doc[t.left_edge.i:t.i + 1].text.lower()
        return left in ch or left.split(" ", 1)[-1] in ch

    # ----------------------------------------------------------------- speakers
    def subject(self, v, depth: int = 0):
        subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - v.i))  # the nearest, should the parse offer two
        if v.pos_ in ("NOUN", "PROPN"):  # "Trump claims that …" read as a compound noun
            lefts = [c for c in v.lefts if c.dep_ == "compound"]
            if lefts:
                return lefts[-1]
        if depth < 4 and v.dep_ in INHERIT_DEPS and v.head.i != v.i:
            if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return v.head  # "a statement saying …", "Trump, saying …"
            if self.inside_quote(v.head.idx) is not None and self.inside_quote(v.idx) is None:
                # “…,” Rubio said, adding that … -- parsed under the quoted verb: the speaker of the cue before
                before = [t for t in v.sent if t.i < v.i and self.inside_quote(t.idx) is None and self.cue_lemma(t)]
                return self.subject(before[-1], depth + 1) if before else None
            return self.subject(v.head, depth + 1)
        return None

    def speaker(self, subj, v=None) -> tuple[Optional[Span], Optional[str]]:
        """(mention span as written, actor id) for a subject token of the cue ``v``."""
        if subj is None:
            return None, None
        if v is not None and self.para_of(subj.idx) != self.para_of(v.idx):
            # a parse run across paragraphs ("12:15 p.m. / Donald Trump says …"): the words in the cue's paragraph
            ps, pe = self.para_of(v.idx)
            toks = [t for t in subj.subtree if ps <= t.idx < pe and not t.is_punct]
            if not toks:
                return None, None
            ms, me = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            return (ms, me), actor_at(self.doc, *self.name_span(toks[-1], ms))
        head = subj
        if subj.lower_ in RELATIVE and subj.head.dep_ == "relcl":
            head = subj.head.head  # "Lavrov, who said …": the noun the clause describes
        # the name as written: the head with its compounds and modifiers, not its clauses
        s, e = _tok_span(head)
        for c in head.lefts:
            if c.dep_ in NAME_DEPS:
                s = min(s, c.left_edge.idx)
        for c in head.rights:
            if c.dep_ in ("compound", "flat", "appos", "prep", "nummod") and c.i - head.i <= 8:
                e = max(e, _subtree_span(c)[1])
        if head.i != subj.i:
            e = max(e, subj.idx + len(subj.text))
        ps, pe = self.para_of(head.idx)
        s, e = _trim(self.text, max(s, ps), min(e, pe), EDGE_PUNCT + QUOTE_CHARS)
        if e <= s:
            return None, None
        # the actor: the head word with the name it ends ("Sergei Lavrov", "the foreign minister"),
        # else a name in apposition ("the government spokesperson, Fatemeh Mohajerani, said")
        aid = None
        for h in [head] + [c for c in head.rights if c.dep_ == "appos"]:
            aid = aid or actor_at(self.doc, *self.name_span(h, ps))
        if aid is None and head.i != subj.i:
            aid = actor_at(self.doc, *_tok_span(subj))
        return (s, e), aid

    def name_span(self, head, floor: int = 0) -> Span:
        """Where to look for the actor: a name with its compound words ("Sergei Lavrov"), else the head word alone."""
        hs, he = _tok_span(head)
        if head.pos_ != "PROPN":
            return hs, he  # "China's U.N. ambassador": the ambassador, not the U.N.
        i = head.i
        while i > 0 and self.sdoc[i - 1].dep_ in ("compound", "flat") and self.sdoc[i - 1].head.i == head.i:
            i -= 1
        return max(self.sdoc[i].idx, floor), he

    # ------------------------------------------------------------------ content
    def clause_region(self, v, needs: str = "clause") -> Optional[Span]:
        """The content a speech verb governs: its clausal complement(s), or the clause it interrupts."""
        ps, pe = self.para_of(v.idx)
        regions = []
        for c in list(v.children) + self.channel_clauses(v):
            if c.dep_ != "ccomp" and c.head.i == v.i:
                continue
            cs, ce = _subtree_span(c)
            if c.i > v.i:
                marks = [m for m in c.lefts if m.dep_ == "mark"]
                if marks and marks[0].idx > cs:
                    cs = marks[0].idx  # "said in a statement that …": the content starts at "that"
                cs = max(cs, v.idx + len(v.text))  # "… that press freedom groups say is …": not the cue itself
            regions.append((cs, ce))
        regions = [(max(a, ps), min(b, pe)) for a, b in regions if b > ps and a < pe]
        if regions:
            return min(r[0] for r in regions), max(r[1] for r in regions)
        if needs != "clause" or any(c.dep_ == "mark" for c in v.children):
            return None  # "…, as Tehran rejected the offer" is not "…, Tehran said"
        # "The museum, Mr. Obama said, would …" / "There are no plans …, the minister noted"
        interrupts = v.dep_ == "parataxis" or (
            v.dep_ in ("ccomp", "advcl") and v.i > v.head.i and v.left_edge.i > 0
            and self.sdoc[v.left_edge.i - 1].text == "," and any(c.dep_ in SUBJECT_DEPS for c in v.children))
        if interrupts:
            h = v.head
            hs, he = _subtree_span(h)
            vs, ve = _subtree_span(v)
            if ve >= he:
                he = vs
            elif vs <= hs:
                hs = ve
            return hs, he
        return None

    def colon_region(self, v) -> Optional[Span]:
        """ "Lavrov said in an interview: …" -- what follows the colon."""
        sent = v.sent
        for t in self.sdoc[v.i + 1:min(sent.end + 1, v.i + 14, len(self.sdoc))]:
            if t.text == ":":
                qi = self.quote_starting_at(t.idx + 1, allow_break=True)
                if qi is not None:
                    return self.qspans[qi]
                end = sent.end_char if t.i < sent.end - 1 else None
                if end is None:  # the colon ends the sentence: the next paragraph is the content
                    ps, pe = self.para_of(t.idx)
                    nxt = bisect.bisect_right(self.para_starts, t.idx)
                    if t.idx + 1 >= pe and nxt < len(self.paras):
                        return self.paras[nxt]
                    return None
                return t.idx + 1, end
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") or t.text in ('"', "“", "”", ".", ";"):
                return None
        return None

    def quote_before(self, v, subj) -> Optional[Span]:
        """A quotation right before the cue clause: “…,” he said / “…,” said Lavrov."""
        left = v if subj is None or subj.head.i != v.i else min(v, subj.left_edge, key=lambda t: t.i)
        qi = self.quote_ending_at(left.idx)
        if qi is None or self.qspans[qi][1] > v.idx:
            return None
        qs, qe = self.qspans[qi]
        prefix = self.text[self.para_of(qs)[0]:qs].rstrip()
        if prefix and prefix[-1] not in ".!?:;…—–-―\"”'’":
            return None  # a title or phrase in marks inside the sentence: on “Fox News Sunday,” Pence said …
        if "," not in self.text[qe:left.idx] and self.text[qs:qe].rstrip(QUOTE_CHARS).endswith("."):
            return None  # “… .” He said …: a new sentence, not a cue after the quotation
        return self.qspans[qi]

    def quote_after(self, v, subj) -> Optional[Span]:
        """A quotation right after the cue clause and a comma: he said, “…” / said Lavrov, “…”."""
        end = v
        if subj is not None and subj.i > v.i:
            end = subj.right_edge
        nxt = end.i + 1
        if nxt < len(self.sdoc) and self.sdoc[nxt].text == ",":
            qi = self.quote_starting_at(self.sdoc[nxt].idx + 1)
            if qi is not None:
                return self.qspans[qi]
        return None

    # ------------------------------------------------------------------- emit
    def add(self, kind_hint: str, content: Span, cue: Optional[Span], subj, extra_speaker=None,
            clip: bool = False, cue_tok=None) -> Optional[dict]:
        text = self.text
        s, e = content
        if cue is not None:
            ps, pe = self.para_of(cue[0])
            if s < ps < e:
                s = ps  # a heading the parser ran into the cue's sentence
            if s < pe < e and ps <= s:
                e = pe
        s, e = _trim(text, s, e)
        if e <= s:
            return None
        # a quotation that overlaps the content belongs to it whole
        qis = [qi for qi in self.quotes_overlapping(s, e)
               if re.search(r"\w", text[max(s, self.qspans[qi][0]):min(e, self.qspans[qi][1])])]
        for qi in qis:
            s, e = min(s, self.qspans[qi][0]), max(e, self.qspans[qi][1])
        if (clip and qis and self.qspans[qis[0]][0] == s and self.qspans[qis[0]][1] < e
                and text[s:self.qspans[qis[0]][1]].rstrip(QUOTE_CHARS)[-1:] in (",", ".", "?", "!")):
            # “That makes me smart,” when Clinton blasted him -- the statement ends with its marks
            e = self.qspans[qis[0]][1]
            qis = [qis[0]]
        if cue is not None and s < cue[1] and cue[0] < e and not (s < cue[0] and cue[1] < e):
            # the content may not swallow its own cue from one side
            if cue[0] <= s:
                s = cue[1]
            else:
                e = cue[0]
            s, e = _trim(text, s, e)
            if e <= s:
                return None
        m = re.search(r"(?:[\s,;]+(?:and|but|or))+[\s,;]*$", text[s:e])
        if m and not any(qs < s + m.start() < qe for qs, qe in self.qspans):
            e = s + m.start()  # "… had lied about its intentions, and added: …"
        if len(re.findall(r"\w+", text[s:e])) < 2:
            return None
        outside = list(text[s:e])
        mention, aid = self.speaker(subj, cue_tok) if extra_speaker is None else extra_speaker
        blanks = [self.qspans[qi] for qi in qis] + [sp for sp in (cue, mention) if sp is not None]
        for bs, be in blanks:
            for k in range(max(bs, s), min(be, e)):
                outside[k - s] = " "
        outside = "".join(outside)
        if qis:
            kind = "direct" if kind_hint == "direct" or not re.search(r"\w", outside) else "mixed"
        else:
            kind = "indirect"
        if kind_hint == "quote_only" and not qis:
            return None
        if kind != "direct" and text[e - 1] == "." and not text[s:e].endswith(("..", "Jr.", "Sr.")):
            e -= 1  # the full stop closes the reporting sentence, not the statement
        self.claimed.update(qis)
        rec = {"kind": kind, "content": (s, e), "cue": cue, "mention": mention, "speaker": aid}
        self.found.append(rec)
        return rec

    # --------------------------------------------------------------------- run
    def cue_candidates(self) -> list[int]:
        """The tokens ``run`` may act on, in order: those ``cue_lemma`` can accept (a verb tag or POS, or a cue
        form in a verbal position) and the first words of source phrases. The same tests as theirs, on the
        parse's arrays, so that the other tokens cost no Token object and no attribute look-ups."""
        import numpy as np
        from spacy.attrs import DEP, LOWER, POS, TAG
        from spacy.parts_of_speech import AUX, VERB

        sdoc = self.sdoc
        if not len(sdoc):
            return []
        tag, pos, dep, lower = sdoc.to_array([TAG, POS, DEP, LOWER]).T
        strings = sdoc.vocab.strings
        verb_tags = [h for h in np.unique(tag).tolist() if strings[h].startswith("VB")]
        forms, verbal, sources = _cue_hashes(self.lex)
        keep = np.isin(tag, np.array(verb_tags, dtype=np.uint64)) | np.isin(pos, np.array([VERB, AUX], dtype=np.uint64))
        keep |= np.isin(dep, verbal) & np.isin(lower, forms)
        keep |= np.isin(lower, sources)
        return np.flatnonzero(keep).tolist()

    def run(self) -> None:
        sdoc = self.sdoc
        for i in self.cue_candidates():
            t = sdoc[i]
            if self.inside_quote(t.idx) is not None:
                continue  # speech reported inside a quotation belongs to the quoted speaker
            lemma = self.cue_lemma(t)
            if lemma is not None:
                self.verb_cue(t, lemma)
            elif t.lower_ in self.source_words:
                self.source_cue(t)
        self.dash_attributions()
        self.quoted_phrases()

    def verb_cue(self, v, lemma: str) -> None:
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
            return  # "he is said to …", "was told"
        if v.tag_ == "VBN" and v.dep_ in ("advcl", "acl", "amod") and not any(
                c.dep_ in ("aux", "nsubj") for c in v.children):
            return  # "Asked whether talks would resume, Peskov said …": the question, not his statement
        subj = self.subject(v)
        if subj is not None and subj.dep_ == "expl":
            return
        needs = self.lex.needs.get(lemma, "clause")
        cue = self.cue_span(v)
        region = self.colon_region(v)
        clip, hint = False, ""
        if region is None:
            before, clause = self.quote_before(v, subj), self.clause_region(v, needs)
            if before is not None and not (clause and clause[1] <= v.idx and clause[0] < before[0]):
                # “…,” he said (, “…”): the quotation, and its continuation after the cue
                region, hint = self.continued(before, v, subj, cue), "direct"
            else:
                region, clip = clause or before, clause is not None
        if region is None or needs != "clause":
            region = self.quote_after(v, subj) or region
        if region is None and needs == "clause" and subj is not None and all(
                c.dep_ in ("punct", "prep", "npadvmod", "nsubj") for c in v.rights):
            # “…,” she said. “We have no context …” -- the quotation opening the sentence after a bare cue
            nxt = self.continued((cue[0], cue[0]), v, subj, cue)
            qi = bisect.bisect_left(self.q_starts, cue[1])
            if nxt[1] > cue[0] and qi < len(self.qspans) and re.search(r"[.:]\s*$", self.text[cue[1]:self.qspans[qi][0]]):
                region, hint = (self.qspans[qi][0], nxt[1]), "direct"
        if region is None and needs == "quote":  # not "adjacent": "continued to exert “pressure”" is no statement
            # 'called it “a disaster”', 'blasted the media for being “dishonest”': the verb's objects
            rights = [c for c in v.rights if c.dep_ not in ("punct", "cc", "conj", "advcl", "parataxis")]
            if rights:
                cs, ce = rights[0].left_edge.idx, _subtree_span(rights[-1])[1]
                ce = min(ce, v.sent.end_char)
                if self.quotes_overlapping(cs, ce):
                    region = cs, ce
        if region is None or (subj is None and v.dep_ == "ROOT" and v.tag_ in ("VB", "NN", "NNP")
                              and not any(c.dep_ == "compound" for c in v.lefts)):
            return  # no statement, or an instruction to the reader ("Note: …")
        self.add("quote_only" if needs == "quote" else hint, region, cue, subj, clip=clip, cue_tok=v)

    def source_cue(self, t) -> None:
        """ "according to the minister, …" -- the phrase's object is the speaker, its clause the content."""
        sdoc = self.sdoc
        for phrase in self.lex.sources:
            n = len(phrase)
            if t.i + n > len(sdoc) or tuple(x.lower_ for x in sdoc[t.i:t.i + n]) != phrase:
                continue
            last = sdoc[t.i + n - 1]
            objs = [c for c in last.children if c.dep_ == "pobj"] or [c for c in t.children if c.dep_ == "pobj"]
            if not objs and t.i + n < len(sdoc):
                objs = [sdoc[t.i + n]]
            if not objs:
                return
            subj = objs[0]
            # the clause the phrase modifies
            top = t
            while top.head.i != top.i and top.pos_ not in ("VERB", "AUX"):
                top = top.head
            if top.i == t.i:
                top = t.head
            cs, ce = _subtree_span(top) if top.i != t.i else (t.sent.start_char, t.sent.end_char)
            ps, pe = t.idx, _subtree_span(subj)[1]
            pe = max(pe, last.idx + len(last.text))
            if ps <= cs:
                cs = pe
            elif pe >= ce or not re.search(r"\w", self.text[pe:ce]):
                ce = ps
            cue = (t.idx, last.idx + len(last.text))
            self.add("", (cs, ce), cue, subj)
            return

    def continued(self, region: Span, v, subj, cue: Span) -> Span:
        """“X,” he said, “Y.” / “X,” said Caddell. “Y.” -- one statement, two quotations around the cue."""
        pos = cue[1]
        if subj is not None and subj.i > v.i:
            pos = max(pos, _subtree_span(subj)[1])
        i = bisect.bisect_left(self.q_starts, pos)
        if i >= len(self.qspans):
            return region
        qs, qe = self.qspans[i]
        if qs >= self.para_of(pos)[1]:
            return region
        gap = self.text[pos:qs]
        if "\n" in gap or any(c in gap for c in QUOTE_CHARS.strip()) or len(gap.split()) > 15:
            return region
        if not re.fullmatch(r"[^.!?;]*[.,:;]?\s*", gap):
            return region
        # no other speech verb in between: “X,” he said, adding later, “Y” is two statements
        a, b = bisect.bisect_left(self.tok_starts, pos), bisect.bisect_left(self.tok_starts, qs)
        if any(self.cue_lemma(t) or not self.modifies(t, v) for t in self.sdoc[a:b] if not t.is_punct):
            return region
        return region[0], qe

    @staticmethod
    def modifies(t, v) -> bool:
        """True when token ``t`` belongs to the cue clause of ``v`` (its subject or an adjunct), not to another clause."""
        while t.i != v.i:
            if t.dep_ in ("conj", "cc", "ccomp", "parataxis", "relcl") or (
                    t.dep_ == "advcl" and any(c.dep_ in ("nsubj", "mark") for c in t.children)):
                return False
            if t.head.i == t.i:
                return False
            t = t.head
        return True

    def dash_attributions(self) -> None:
        """“…” ― Sonya Herridge: a quotation signed with a dash and a name."""
        dashes = "".join(re.escape(d) for d in self.lex.dashes)
        if not dashes:
            return
        sign = re.compile(r"[ \t\u00a0]*([" + dashes + r"])[ \t\u00a0]*([A-Z][\w.'’-]*(?:[ \t\u00a0]+[A-Z][\w.'’-]*){0,4})")
        for qi, (qs, qe) in enumerate(self.qspans):
            if qi in self.claimed:
                continue
            m = sign.match(self.text, qe)
            if m is None:
                continue
            rest = self.text[m.end():self.para_of(qe)[1]]
            if not re.fullmatch(r"[\s\u00a0.,]*|,[^\n]*", rest):
                continue
            ms, me = m.span(2)
            self.add("", (qs, qe), m.span(1), None, extra_speaker=((ms, me), actor_at(self.doc, ms, me)))

    def quoted_phrases(self) -> None:
        """Words in marks inside another verb's object: 'criticized the law as a “crazy system”'."""
        for qi, (qs, qe) in enumerate(self.qspans):
            if qi in self.claimed:
                continue
            k = bisect.bisect_left(self.tok_starts, qs)
            if k >= len(self.sdoc):
                continue
            t = self.sdoc[k]
            if t.is_punct and k + 1 < len(self.sdoc):
                t = self.sdoc[k + 1]
            # the nearest verb governing the quotation from outside it
            v, steps = t.head, 0
            while steps < 6 and (qs <= v.idx < qe or v.pos_ not in ("VERB", "AUX")) and v.head.i != v.i:
                v, steps = v.head, steps + 1
            if qs <= v.idx < qe or v.pos_ not in ("VERB", "AUX") or v.i > t.i:
                continue
            lemma = self.cue_lemma(v)
            if lemma is None or self.lex.needs.get(lemma) == "adjacent":
                continue
            subj = self.subject(v)
            if subj is None:
                continue
            rights = [c for c in v.rights if c.dep_ not in ("punct", "cc", "conj", "advcl", "parataxis")]
            if not rights:
                continue
            cs, ce = rights[0].left_edge.idx, _subtree_span(rights[-1])[1]
            ce = min(max(ce, qe), v.sent.end_char, self.para_of(qs)[1])
            if not cs <= qs:
                continue
            self.add("", (cs, ce), _tok_span(v), subj, cue_tok=v)

    def _stop_at_other_speakers(self, rec: dict, recs: list[dict]) -> None:
        """A statement ends where another speaker's words begin: content running over the cue or the name of
        another statement's speaker (a quotation left unclosed in text without paragraph breaks) is cut before
        the sentence that holds it."""
        s, e = rec["content"]
        cut = e
        for other in recs:
            if other is rec or (other["speaker"] is not None and other["speaker"] == rec["speaker"]):
                continue
            for sp in (other["cue"], other["mention"]):
                if sp is None or not (s < sp[0] < e):
                    continue
                if rec["cue"] is not None and rec["cue"][0] <= sp[0] < rec["cue"][1]:
                    continue
                k = bisect.bisect_right(self.tok_starts, sp[0]) - 1
                start = self.sdoc[k].sent.start_char if k >= 0 else sp[0]
                os_ = other["content"][0]
                if s < os_ < start:
                    start = os_
                if start > s:
                    cut = min(cut, start)
        if cut < e:
            ns, ne = _trim(self.text, s, cut)
            rec["content"] = (ns, ne) if len(re.findall(r"\w+", self.text[ns:ne])) >= 2 else None

    def quotes(self) -> list[Quote]:
        # one statement per cue (the widest reading of it), and one cue per content
        by_cue: dict = {}
        for rec in self.found:
            key = rec["cue"] or rec["content"]
            old = by_cue.get(key)
            if old is None or rec["content"][1] - rec["content"][0] > old["content"][1] - old["content"][0]:
                by_cue[key] = rec
        recs = list(by_cue.values())
        for rec in recs:
            self._stop_at_other_speakers(rec, recs)
        seen = set()
        out = []
        for rec in sorted((r for r in recs if r["content"] is not None), key=lambda r: r["content"]):
            key = rec["content"]
            if key in seen:
                continue
            seen.add(key)
            out.append(Quote(id=f"q{len(out) + 1}", kind=rec["kind"], content=rec["content"], cue=rec["cue"],
                             speaker_mention=rec["mention"], speaker=rec["speaker"]))
        return out


def extract(doc: Document) -> None:
    """Find attributed statements in ``doc`` and append them to ``doc.quotes``."""
    if doc.doc is None:
        raise StageError(f"{doc.input}: the quotes stage needs a parsed document (run the parse stage first)")
    if not doc.text:
        return
    ex = _Extractor(doc)
    ex.run()
    doc.quotes.extend(ex.quotes())
