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
    origin: str = "hand"  # hand | cameo-pattern | cameo-verb: where the rule comes from

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
    cameo: dict = field(default_factory=dict)  # lemma -> [CameoPattern] (cameo_verbs.tsv)
    cameo_classes: dict = field(default_factory=dict)  # &name -> frozenset of member words
    use_cameo: bool = True  # off only to measure what the CAMEO patterns add
    confidence: dict = field(default_factory=dict)  # (evidence, actors) -> calibrated confidence

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
                    "dest", "needs2", "coop", "stative", "passive", "active", "verbal", "cswap", "member"})
MODALITY = {"aux": {"future", "conditional", "hypothetical", "obligation"}, "neg": {"negation"},
            "mark": {"hypothetical", "future"}, "adv": {"hypothetical", "realis", "negation", "habitual"},
            "gov": {"hypothetical", "negation", "realis", "hypothetical+future", "future", "obligation"},
            "amod": {"hypothetical", "future"}, "time": {"future"}, "subj": {"negation"}, "obj": {"negation"}}


def rows(name: str, required: tuple[str, ...], skip: Optional[tuple[str, str]] = None) -> list[tuple[int, dict]]:
    """(line number, row) of a tab-separated data file; a missing column or a short row fails loudly.
    ``skip``: (column, value) of rows not wanted (not validated either)."""
    text = path(name).read_text(encoding="utf-8")
    out, header, skip_at = [], None, None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise LexiconError(f"{name}:{n}: header lacks column(s) {', '.join(missing)}")
            skip_at = header.index(skip[0]) if skip and skip[0] in header else None
            continue
        if skip_at is not None and len(cells) > skip_at and cells[skip_at] == skip[1]:
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
    for n, r in rows("plover_confidence.tsv", ("evidence", "actors", "confidence")):
        try:
            value = float(r["confidence"])
        except ValueError:
            raise LexiconError(f"plover_confidence.tsv:{n}: confidence {r['confidence']!r} is not a number") from None
        if not 0.0 <= value <= 1.0:
            raise LexiconError(f"plover_confidence.tsv:{n}: confidence {value} is not in [0, 1]")
        lex.confidence[(r["evidence"], r["actors"])] = value
    return lex


@dataclass(frozen=True)
class CameoPattern:
    """One row of ``cameo_verbs.tsv``: a verb (with particle) and the slots its pattern needs."""

    lemma: str
    particles: tuple[str, ...]
    subj: tuple[str, ...]  # slots before the verb: the subject's head (word, a_b phrase, &class)
    obj: Optional[str]  # the object's head, or None
    preps: tuple[tuple[str, str], ...]  # (preposition, slot) after the verb
    code: str
    roles: str  # - | swap | recip
    type: str  # PLOVER type, "" for CAMEO 01 statements, "-" for a null pattern
    mode: Optional[str]
    context: tuple[str, ...]
    quality: str  # verb | pattern | null

    @property
    def slots(self) -> int:
        return len(self.subj) + (self.obj is not None) + len(self.preps)


CAMEO_QUALITIES = {"verb", "pattern", "null", "synonym", "class"}
CAMEO_CODE = re.compile(r"^(?:\d{2,4}|---)$")


def load_cameo(lex: "Lexicon", name: str = "cameo_verbs.tsv") -> None:
    """The CAMEO verb dictionary as converted by ``tools/kb/convert_cameo.py`` (verb, pattern and null rows;
    ``synonym`` rows, PETRARCH's block generalisation, are not used)."""
    for n, r in rows(name, ("lemma", "quality"), skip=("quality", "synonym")):
        q = r["quality"]
        if q not in CAMEO_QUALITIES:
            raise LexiconError(f"{name}:{n}: unknown quality {q!r}")
        if q == "class":
            lex.cameo_classes[r["lemma"]] = frozenset(w.replace("_", " ") for w in multi(r["pattern"]))
            continue
        if q == "synonym":
            continue
        code, type_ = r["cameo"], r.get("plover_type", "")
        if not CAMEO_CODE.match(code):
            raise LexiconError(f"{name}:{n}: {code!r} is not a CAMEO code")
        if type_ and type_ not in PLOVER_TYPES:
            raise LexiconError(f"{name}:{n}: {type_!r} is not a PLOVER event type")
        if r["roles"] not in ("-", "swap", "recip"):
            raise LexiconError(f"{name}:{n}: roles {r['roles']!r} is not -, swap or recip")
        parts = r["pattern"].split()
        if "*" not in parts:
            raise LexiconError(f"{name}:{n}: pattern {r['pattern']!r} has no verb slot '*'")
        star = parts.index("*")
        obj, preps = None, []
        for slot in parts[star + 1:]:
            if ":" in slot and not slot.startswith("<"):
                p, _, what = slot.partition(":")
                preps.append((p.replace("_", " "), what))
            elif obj is None:
                obj = slot
            else:
                preps.append(("", slot))  # a second bare noun: PETRARCH reads it as another noun of the phrase
        lex.cameo.setdefault(r["lemma"], []).append(CameoPattern(
            lemma=r["lemma"], particles=tuple(r["particle"].split()), subj=tuple(parts[:star]), obj=obj,
            preps=tuple(preps), code=code, roles=r["roles"], type="-" if code == "---" else type_,
            mode=r.get("plover_mode") or None, context=tuple(multi(r.get("plover_context", ""))), quality=q))
    for pats in lex.cameo.values():  # the most specific pattern first; the verb's own row last
        pats.sort(key=lambda c: (c.quality == "verb", -len(c.particles), -c.slots))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The events lexicon, loaded and validated once (hand-written data and the CAMEO verb dictionary)."""
    lex = load()
    load_cameo(lex)
    return lex
