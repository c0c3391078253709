"""Lexicon of the events stage: triggers, word classes, types, modality cues, modes and contexts.

Loaded once from ``data/plover_*.tsv`` and ``data/modality.tsv``; every row is validated, and a bad
row (unknown type, unknown word class, a malformed frame) fails with its file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..errors import ThucydidesError
from ..knowledge import multi, path

CONTROL_FRAMES = ("fixed", "refuse", "volition", "request")
NOUN_POS = ("NOUN",)


@dataclass(frozen=True)
class Rule:
    pos: str  # V | N | A
    head: str  # first word (lemma) or the whole noun phrase
    particles: tuple[str, ...]
    obj: str
    subj: str
    type: str
    mode: Optional[str]
    context: tuple[str, ...]
    frames: frozenset
    cameo: str = ""  # the CAMEO code of the pattern, where there is one

    @property
    def frame(self) -> str:
        for f in ("fixed", "refuse", "volition", "request", "light", "aspect", "negcue"):
            if f in self.frames:
                return f
        return "-"


@dataclass
class Lexicon:
    verbs: dict = field(default_factory=dict)  # lemma -> [Rule]
    nouns: dict = field(default_factory=dict)  # phrase -> [Rule]
    adjs: dict = field(default_factory=dict)  # lemma -> [Rule]
    classes: dict = field(default_factory=dict)  # name -> frozenset
    types: dict = field(default_factory=dict)  # (type, mode) -> row
    modality: dict = field(default_factory=dict)  # where -> {cue: kind}
    modes: list = field(default_factory=list)  # (type, mode, compiled regex)
    contexts: list = field(default_factory=list)  # (context, compiled regex)

    def cls(self, name: str) -> frozenset:
        return self.classes.get(name.lstrip("@!"), frozenset())

    def type_row(self, type_: str, mode: Optional[str]) -> dict:
        return self.types.get((type_, mode or "")) or self.types.get((type_, ""), {})

    def quad(self, type_: str) -> str:
        return self.type_row(type_, None).get("quad", "")


def _words_regex(words: list[str]):
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])", re.I)


class LexiconError(ThucydidesError, ValueError):
    """A row of an event data file is malformed: the message names the file and the line."""


PLOVER_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
FRAMES = frozenset({"-", "fixed", "refuse", "volition", "request", "light", "aspect", "negcue", "recip", "swap", "joint",
                    "dest", "needs2", "coop", "stative", "passive", "active", "verbal"})
MODALITY = {"aux": {"future", "conditional", "hypothetical", "obligation"}, "neg": {"negation"},
            "mark": {"hypothetical", "future"}, "adv": {"hypothetical", "realis"},
            "gov": {"hypothetical", "negation", "realis", "hypothetical+future", "future", "obligation"},
            "amod": {"hypothetical", "future"}, "time": {"future"}, "subj": {"negation"}, "obj": {"negation"}}


def rows(name: str, required: tuple[str, ...]) -> list[tuple[int, dict]]:
    """(line number, row) of a tab-separated data file; a missing column or a short row fails loudly."""
    text = path(name).read_text(encoding="utf-8")
    out, header = [], None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise LexiconError(f"{name}:{n}: header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) > len(header) and any(cells[len(header):]):
            raise LexiconError(f"{name}:{n}: {len(cells)} cells, but the header has {len(header)} columns")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        for c in required:
            if not row.get(c):
                raise LexiconError(f"{name}:{n}: empty {c!r} cell")
        out.append((n, row))
    return out


def _check_spec(lex: "Lexicon", spec: str, name: str, n: int, column: str) -> None:
    for part in filter(None, spec.replace("|", " ").split()):
        cls = part.lstrip("!")
        if cls.startswith("@") and cls != "@ACTOR" and cls[1:] not in lex.classes:
            raise LexiconError(f"{name}:{n}: {column} names the unknown word class {cls} (plover_classes.tsv)")


def _type_ok(type_: str) -> bool:
    return type_ in PLOVER_TYPES or type_ == "-"


def rule_from_row(lex: "Lexicon", r: dict, name: str, n: int, cameo: str = "") -> Rule:
    """A validated trigger rule from one row of a trigger table."""
    pos = r["pos"]
    if pos not in ("V", "N", "A"):
        raise LexiconError(f"{name}:{n}: pos {pos!r} is not V, N or A")
    if not _type_ok(r["type"]):
        raise LexiconError(f"{name}:{n}: {r['type']!r} is not a PLOVER event type")
    frames = frozenset((r.get("frame") or "-").split("+"))
    bad = sorted(frames - FRAMES)
    if bad:
        raise LexiconError(f"{name}:{n}: unknown frame(s) {', '.join(bad)}")
    _check_spec(lex, r.get("obj", ""), name, n, "obj")
    _check_spec(lex, r.get("subj", ""), name, n, "subj")
    words = r["head"].lower().split()
    return Rule(pos=pos, head=" ".join(words) if pos == "N" else words[0],
                particles=tuple(words[1:]) if pos != "N" else (), obj=r.get("obj", ""), subj=r.get("subj", ""),
                type=r["type"], mode=r.get("mode") or None, context=tuple(multi(r.get("context", ""))),
                frames=frames, cameo=cameo)


def load(lex: Optional["Lexicon"] = None) -> "Lexicon":
    """Read and validate every events data file into a :class:`Lexicon`."""
    lex = lex or Lexicon()
    for _, r in rows("plover_classes.tsv", ("class", "members")):
        lex.classes[r["class"]] = frozenset(w.lower() for w in multi(r["members"]))
    for n, r in rows("plover_types.tsv", ("type", "quad")):
        if r["type"] not in PLOVER_TYPES:
            raise LexiconError(f"plover_types.tsv:{n}: {r['type']!r} is not a PLOVER event type")
        for col in ("future_as", "negfuture_as"):
            t = (r.get(col) or "").partition(":")[0]
            if t and not _type_ok(t):
                raise LexiconError(f"plover_types.tsv:{n}: {col} {t!r} is not a PLOVER event type")
        if r.get("score"):
            try:
                float(r["score"])
            except ValueError:
                raise LexiconError(f"plover_types.tsv:{n}: score {r['score']!r} is not a number") from None
        lex.types[(r["type"], r.get("mode", ""))] = r
    for n, r in rows("plover_triggers.tsv", ("pos", "head", "type")):
        rule = rule_from_row(lex, r, "plover_triggers.tsv", n)
        index = {"V": lex.verbs, "N": lex.nouns, "A": lex.adjs}[rule.pos]
        index.setdefault(rule.head, []).append(rule)
    for index in (lex.verbs, lex.adjs):  # a particle, then an object or subject class, make a pattern more specific
        for rules in index.values():
            rules.sort(key=lambda r: (0 if r.particles else 1, 0 if (r.obj or r.subj) else 1))
    for n, r in rows("modality.tsv", ("cue", "where", "kind")):
        kinds = MODALITY.get(r["where"])
        if kinds is None:
            raise LexiconError(f"modality.tsv:{n}: unknown place {r['where']!r} (one of {', '.join(sorted(MODALITY))})")
        if r["kind"] not in kinds:
            raise LexiconError(f"modality.tsv:{n}: kind {r['kind']!r} is not one of {', '.join(sorted(kinds))} "
                               f"for {r['where']}")
        lex.modality.setdefault(r["where"], {})[r["cue"].lower()] = r["kind"]
    for n, r in rows("plover_modes.tsv", ("type", "mode", "words")):
        if r["type"] not in PLOVER_TYPES:
            raise LexiconError(f"plover_modes.tsv:{n}: {r['type']!r} is not a PLOVER event type")
        lex.modes.append((r["type"], r["mode"], _words_regex(multi(r["words"]))))
    for _, r in rows("plover_contexts.tsv", ("context", "words")):
        lex.contexts.append((r["context"], _words_regex(multi(r["words"]))))
    return lex


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The events lexicon, loaded and validated once."""
    return load()
