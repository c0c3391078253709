"""Understanding a question: its actors, the relation asked about (PLOVER type, mode, context), its kind and time.

Actors are found by name, demonym, abbreviation (with or without periods), capital, seat of government, or leader
(who stands for the government), in any case; one or two of them ("what did X say about Y" may name more on the
Y side). The relation is the PLOVER type with the best score over the whole question: analyst phrasings
(``data/ask_phrases.tsv``, longer phrases weigh more) plus the stems of the PLOVER manual's definitions
(``data/ask_plover.tsv``, weighted by how specific a stem is to one type). Everything known lives in data files.
"""
from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable, Optional

from ... import kb as kbmod
from ...knowledge import lines, multi, table
from ..relations import quads

TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|(?:[A-Za-z]\.)+[A-Za-z]\b|[\w’']+(?:-[a-z0-9][\w’']*)*")
SAY = re.compile(r"\b(?:what|how)\b.*?\b(?:say|said|says|saying|think|thinks|react|reacted|respond|responded|"
                 r"comment|commented|tell|told|describe|described)\b(?:\s+(?:about|of|on|to|regarding))?", re.I)
ATTRIBUTION = re.compile(r"\b(?:behind|involved in|involvement in|responsible for|role in|sponsor(?:ed|ing|s)?|"
                         r"to blame for)\b", re.I)
VERBAL = ("THREATEN", "ACCUSE", "REQUEST", "PROTEST")  # acts done by saying, whose content may name another act
PAST = re.compile(r"\s*(?:did|didn't|was\s+there|were\s+there)\b", re.I)
FUTURE = re.compile(r"\b(?:will|would|going to|willing|ready|plan|plans|planning|prepared|intend|intends|"
                    r"considering|set to|about to|could)\b", re.I)
# "Is X considering / weighing / mulling ...": the possibility itself is asked about
CONSIDER = re.compile(r"\b(?:consider(?:ing|s)?|weigh(?:ing|s)?|mull(?:ing|s)?|think(?:ing)? about|explor(?:ing|es)|"
                      r"eye(?:ing|s)?|hint(?:ing|s)? at|discuss(?:ing|es)? (?:the )?(?:possibility|idea))\b", re.I)


def stem(w: str) -> str:
    """The crude stem of tools/kb/ask_vocabulary.py (the same rules, so question words meet the manual's)."""
    w = w.lower()
    for suf in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s", "e", "y"):
        if len(w) - len(suf) >= 4 and w.endswith(suf):
            return w[: -len(suf)]
    return w


@dataclass
class Actor:
    label: str
    code: Optional[str] = None  # country (ISO alpha-3) or organisation code (EU, UN, NATO, G7)
    name: Optional[str] = None  # canonical name (organisations, people without a country)
    kind: str = "country"  # country | org | person
    surface: str = ""
    via: Optional[str] = None  # "capital", "leader", "seat", "adjective": how the question named it
    start: int = -1  # character offset in the text it was found in
    place: bool = False  # named as where it happens ("a truce in Ukraine"), not as a party

    @property
    def key(self) -> str:
        return self.code or self.name or self.label

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None and k != "start" and (k != "place" or v)}


@dataclass
class Relation:
    type: str
    mode: Optional[str]
    contexts: list[str]
    polarity: int
    related: list[str] = field(default_factory=list)  # other types that scored close: also direct evidence
    terms: list[str] = field(default_factory=list)  # the question's phrases of the relation
    asked: list[str] = field(default_factory=list)  # words that name what the question asks about, in evidence
    score: float = 0.0
    main: Optional[str] = None  # the question's first relation phrase: its verb, the act asked about

    @property
    def types(self) -> list[str]:
        return [self.type] + self.related

    @property
    def name(self) -> str:
        return self.type + (f" ({self.mode})" if self.mode else "")

    def as_dict(self) -> dict:
        return {"type": self.type, "mode": self.mode, "contexts": self.contexts, "polarity": self.polarity,
                "related": self.related, "terms": self.terms, "asked": self.asked, "main": self.main,
                "name": self.name}


@dataclass
class Question:
    text: str
    actors: list[Actor]
    relation: Optional[Relation]
    kind: str = "yesno"  # yesno | say
    speaker: list[Actor] = field(default_factory=list)  # "say": who speaks
    about: list[Actor] = field(default_factory=list)  # "say": about whom
    topic: list[str] = field(default_factory=list)  # content words that are not actors or relation words
    future: bool = False
    joint: bool = False  # "X and Y ...": both act; otherwise the first actor is the one acting
    attribution: bool = False  # "Is X behind ...", "Was X involved in ...": who did it is asked
    past: bool = False  # "Did X ...?": whether a thing was done at all, not a present state or intention
    as_of: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None

    def understood(self) -> str:
        who = ", ".join(a.label + (f" (as {a.surface!r})" if a.surface and a.surface.lower() != a.label.lower() else "")
                        for a in self.actors) or "no actors"
        if self.kind == "say":
            s = (f"what {', '.join(a.label for a in self.speaker) or '?'} said about "
                 f"{', '.join(a.label for a in self.about) or ' '.join(self.topic) or ' '.join(self.relation.terms if self.relation else []) or '?'}")
        else:
            s = f"actors: {who}; relation: {self.relation.name if self.relation else 'none I know'}"
            if self.relation and self.relation.contexts:
                s += f", context {'/'.join(self.relation.contexts)}"
        if self.topic and self.kind != "say":
            s += f"; about: {' '.join(self.topic)}"
        if self.future:
            s += "; asks about intentions"
        for k in ("as_of", "since", "until"):
            if getattr(self, k):
                s += f"; {k.replace('_', ' ')} {getattr(self, k)}"
        return s

    def as_dict(self) -> dict:
        return {"text": self.text, "kind": self.kind, "actors": [a.as_dict() for a in self.actors],
                "speaker": [a.as_dict() for a in self.speaker], "about": [a.as_dict() for a in self.about],
                "relation": self.relation.as_dict() if self.relation else None, "topic": self.topic,
                "future": self.future, "past": self.past, "joint": self.joint, "attribution": self.attribution, "as_of": self.as_of, "since": self.since, "until": self.until}


# ---------------------------------------------------------------------------------------------- actors
@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[Actor, bool]]]:
    """lower-case surface -> (actor, needs a capital letter in the question)."""
    kb = kbmod.load()
    idx: dict[str, list[tuple[Actor, bool]]] = {}

    def add(surface: str, actor: Actor, cased: bool) -> None:
        for s in {surface, surface[4:] if surface.lower().startswith("the ") else surface}:
            idx.setdefault(s.lower(), []).append((actor, cased))

    for code, r in kb.countries.items():
        name = r["name"]
        for kind, col in (("country", "name"), ("country", "aliases"), ("adjective", "adjectives"),
                          ("capital", "capitals"), ("seat", "seats")):
            for v in ([name] if col == "name" else multi(r.get(col, ""))):
                add(v, Actor(name, code=code, kind="country", via=None if kind == "country" else kind), False)
    for code, e in kb.orgs.items():
        if e.type == "IGO":
            actor = Actor(e.name, code=code, name=e.name, kind="org")
        elif e.country and e.type in ("REBEL", "ORG", "GROUP") and e.sector in ("rebels", "military", "government"):
            actor = Actor(kb.country_name(e.country) or e.country, code=e.country, kind="country", via=e.name)
        else:
            continue
        row = next((r for r in table("organisations.tsv") if r["code"] == code), {})
        for v in [e.name] + multi(row.get("aliases", "")):
            add(v, actor, len(v) <= 4 and v.isupper())
    for r in table("ask_actor_names.tsv"):
        e = kb.orgs.get(r["code"])
        if e:
            add(r["surface"], Actor(e.name, code=r["code"], name=e.name, kind="org", via=r.get("via") or None), False)
    for alias, e in kb.leaders.items():
        if e.country:
            actor = Actor(kb.country_name(e.country) or e.country, code=e.country, kind="country", via=e.name)
        else:
            actor = Actor(e.name, name=e.name, kind="person")
        add(alias, actor, len(alias.split()) == 1)
    return idx


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(lines("ask_question_words.txt"))


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    words = set()
    for phrase in kbmod.load().roles:
        words.update(phrase.split())
    return frozenset(w for w in words if len(w) > 3)


def find_actors(text: str, cased: bool = False, prefer: frozenset = frozenset()) -> list[tuple[Actor, int, int]]:
    """Actors named in ``text`` with their token spans, longest match first, each actor once.

    ``cased``: read names only as written with capitals (evidence text, where "us" is a pronoun); a question
    is read in any case. ``prefer``: keys of actors to read a name as when it may stand for several ("Brussels":
    Belgium, or the EU when the EU is asked about).
    """
    idx, stop = _index(), _function_words()
    toks = [(m.group(0), m.start()) for m in TOKEN.finditer(text)]
    out: list[tuple[Actor, int, int]] = []
    i = 0
    while i < len(toks):
        hit = None
        for j in range(min(len(toks), i + 6), i, -1):
            surface = " ".join(t for t, _ in toks[i:j])
            cands = [surface]
            if surface.endswith(("'s", "’s")):
                cands.append(surface[:-2])
            if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", surface):
                cands.append(surface + ".")  # "U.S" as typed without its last period
            for c in cands:
                low = c.lower()
                if j - i == 1 and low in stop:
                    continue
                cands_here = idx.get(low, ())
                if prefer:
                    cands_here = sorted(cands_here, key=lambda x: x[0].key not in prefer)
                for actor, needs_cap in cands_here:
                    if (cased or needs_cap) and not c[:1].isupper():
                        continue
                    if cased and len(c.replace(".", "")) <= 3 and not c.replace(".", "").isupper():
                        continue
                    hit = (Actor(**actor.__dict__), i, j)
                    break
                if hit:
                    break
            if hit:
                break
        if hit:
            out.append(hit)
            i = hit[2]
        else:
            i += 1
    # "Beijing's UN envoy": an organisation between a possessive and a role word is part of the role
    keep = []
    for n, (a, i, j) in enumerate(out):
        if a.kind == "org" and n > 0:
            pa, pi, pj = out[n - 1]
            prev_tok = toks[pj - 1][0]
            nxt = toks[j][0].lower() if j < len(toks) else ""
            if prev_tok.endswith(("'s", "’s")) and pj == i and stem(nxt) in {stem(w) for w in _role_words()}:
                continue
        keep.append((a, i, j))
    low_text = text.lower()
    for r in table("ask_ellipses.tsv"):
        if r["phrase"] in low_text and any(a.code == r["with"] for a, _, _ in keep) \
                and not any(a.code == r["means"] for a, _, _ in keep):
            k = len(TOKEN.findall(text[:low_text.index(r["phrase"])]))
            kb = kbmod.load()
            keep.append((Actor(kb.country_name(r["means"]) or r["means"], code=r["means"], via=r["phrase"]), k, k + 2))
    seen, uniq = set(), []
    for a, i, j in keep:
        a.surface = " ".join(t for t, _ in toks[i:j])
        a.start = toks[i][1]
        if a.key not in seen:
            seen.add(a.key)
            uniq.append((a, i, j))
    return uniq


# ---------------------------------------------------------------------------------------------- relation
@lru_cache(maxsize=1)
def _phrases() -> list[tuple[list[str], str, Optional[str], Optional[str]]]:
    return [(r["phrase"].lower().split(), r["type"], r.get("mode") or None, r.get("context") or None)
            for r in table("ask_phrases.tsv") if r.get("phrase")]


@lru_cache(maxsize=1)
def _definitions() -> tuple[dict[str, set[str]], dict[tuple[str, str], set[str]], dict[str, set[str]]]:
    types: dict[str, set[str]] = {}
    modes: dict[tuple[str, str], set[str]] = {}
    contexts: dict[str, set[str]] = {}
    for r in table("ask_plover.tsv"):
        stems = set(multi(r["stems"]))
        if r["kind"] == "type":
            types[r["type"]] = stems
        elif r["kind"] == "mode":
            modes[(r["type"], r["name"])] = stems
        elif r["kind"] == "context":
            contexts[r["name"]] = stems
    return types, modes, contexts


@lru_cache(maxsize=1)
def _irregular() -> dict[str, frozenset[str]]:
    return {r["verb"]: frozenset(multi(r["forms"])) for r in table("ask_irregular.tsv")}


def _word_ok(w: str, tok: str) -> bool:
    """A phrase word matches a token it begins; words of four letters or fewer only as themselves or inflected
    ("ban", "bans", "banned", "banning"; "ease", "easing"), never inside a longer word ("war" in "warned"); irregular
    past forms from ``data/ask_irregular.tsv`` ("sent" for "send")."""
    if tok in _irregular().get(w, ()):
        return True
    # a word ending in consonant + "y" turns it into "i" before "es"/"ed" ("bully": "bullies"; "deny": "denied")
    y_forms = (w[:-1] + "ies", w[:-1] + "ied") if len(w) >= 4 and w.endswith("y") and w[-2] not in "aeiou" else ()
    if len(w) > 4:
        return tok.startswith(w) or (w.endswith("e") and tok.startswith(w[:-1] + "ing")) or tok in y_forms
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "ings", w + w[-1] + "ed", w + w[-1] + "ing",
             *y_forms}  # "meetings" too
    if w.endswith("e"):
        forms.add(w[:-1] + "ing")
    return tok in forms


def _match(words: list[str], toks: list[str]) -> Optional[int]:
    """Index of the last token of an in-order match of ``words`` (prefixes) with gaps of at most 3 tokens."""
    span = _match_span(words, toks)
    return span[1] if span else None


def _match_span(words: list[str], toks: list[str]) -> Optional[tuple[int, int]]:
    """Indexes of the first and the last token of an in-order match of ``words`` (see ``_match``)."""
    pos, first = -1, None
    for n, w in enumerate(words):
        found = None
        lo = pos + 1
        hi = len(toks) if n == 0 else min(len(toks), pos + 5)
        for k in range(lo, hi):
            if _word_ok(w, toks[k]):
                found = k
                break
        if found is None:
            return None
        pos = found
        first = found if first is None else first
    return (first, pos) if first is not None else None


def parse_relation(words: list[str]) -> Optional[Relation]:
    """The PLOVER relation best matching the words of a question (its actors removed)."""
    toks = [w.lower() for w in words]
    if not toks:
        return None
    types, modes, contexts = _definitions()
    score: dict[str, float] = {}
    mode_score: dict[tuple[str, str], float] = {}
    ctx_score: dict[str, float] = {}
    terms: dict[str, list[str]] = {}
    found = []
    # phrases of no type of their own ("hit back") take their words away from shorter phrases ("hit")
    for phrase, typ, mode, ctx in _phrases():
        if typ == "-":
            end = _match(phrase, toks)
            if end is not None:
                toks = toks[:end - len(phrase) + 1] + ["_"] * len(phrase) + toks[end + 1:]
    for phrase, typ, mode, ctx in _phrases():
        if typ == "-":
            continue
        span = _match_span(phrase, toks)
        if span is not None:
            found.append((span[1] - len(phrase) + 1, phrase, typ, mode, ctx, span[1], span[0]))
    first = min((h[0] for h in found), default=None)
    for start, phrase, typ, mode, ctx, end, begin in found:
        w = len(phrase) ** 1.5 * (1.5 if start == first else 1.0)
        if any(g[2] != typ and g[6] < begin and end <= g[5] for g in found):
            w *= 0.3  # the object of a longer phrase's verb ("military aid" in "cut military aid"): that phrase heads
        score[typ] = score.get(typ, 0.0) + w
        terms.setdefault(typ, []).append(" ".join(phrase))
        if mode:
            mode_score[(typ, mode)] = mode_score.get((typ, mode), 0.0) + w
        if ctx:
            ctx_score[ctx] = ctx_score.get(ctx, 0.0) + w
    stems = [stem(t) for t in toks if len(t) > 3]
    df: dict[str, int] = {}
    for st in types.values():
        for s in st:
            df[s] = df.get(s, 0) + 1
    for typ, st in types.items():
        for s in stems:
            if s in st:
                score[typ] = score.get(typ, 0.0) + 0.3 * math.log(1 + len(types) / df[s])
    if not score:
        return None
    ranked = sorted(score.items(), key=lambda kv: -kv[1])
    best, top = ranked[0]
    if top < 0.5:
        return None
    lead = min(found, key=lambda h: (h[0], -len(h[1])), default=None)  # (start, phrase, type, mode, context, end, first token)
    if lead and lead[2] in VERBAL + ("REJECT",) and lead[2] != best and score[lead[2]] >= 0.4 * top:
        # a verbal act heads the question and the other relation is its content ("threatening Russia with more
        # sanctions", "accused X of attacks", "called for talks"): the verbal act is what is asked
        ranked = [(lead[2], score[lead[2]])] + [(t, s) for t, s in ranked if t != lead[2]]
        best, top = lead[2], max(top, score[lead[2]])
    related = [t for t, s in ranked[1:] if s >= 0.6 * top and s >= 1.0][:2]
    for (typ, mode), st in modes.items():
        if typ == best:
            hits = sum(1 for s in stems if s in st)
            if hits >= 2 and not any(t == best for t, _ in mode_score):
                mode_score[(typ, mode)] = 0.5 * hits  # the manual's mode description, when no phrase named one
    mode = max(((m, s) for (t, m), s in mode_score.items() if t == best), key=lambda x: x[1], default=(None, 0))[0]
    for c, st in contexts.items():
        hits = sum(1 for s in stems if s in st)
        if hits:
            ctx_score[c] = ctx_score.get(c, 0.0) + 0.4 * hits
    ctx = [c for c, s in sorted(ctx_score.items(), key=lambda kv: -kv[1]) if s >= 1.0][:2]
    q = quads().get(best)
    asked = sorted({t for ts in terms.values() for t in ts})
    main = next((" ".join(h[1]) for h in sorted(found, key=lambda h: (h[0], -len(h[1]))) if h[2] in [best] + related), None)
    return Relation(best, mode, ctx, q[1] if q else 0, related, sorted(set(terms.get(best, []))), asked, round(top, 2),
                    main)


@lru_cache(maxsize=1)
def _synonyms() -> list[list[str]]:
    return [multi(line) for line in lines("ask_synonyms.txt")]


def expand(words: list[str]) -> list[str]:
    """The question's own words with their synonyms (data/ask_synonyms.txt)."""
    out = list(words)
    def near(g: str, w: str) -> bool:
        g, w = g.strip(), w.strip()
        return len(min(g, w, key=len)) >= 4 and (w.startswith(g) or g.startswith(w))

    for group in _synonyms():
        if any(any(near(g, w) for g in group) for w in words):
            out += [g for g in group if g not in out]
    return out


# ---------------------------------------------------------------------------------------------- the question
def _dates(low: str, as_of: Optional[str]) -> tuple[Optional[str], Optional[str], Optional[str]]:
    since = until = None
    m = re.search(r"\b(?:in|during)\s+((?:19|20)\d\d)\b", low)
    if m:
        since, until = f"{m.group(1)}-01-01", f"{m.group(1)}-12-31"
    m = re.search(r"\bsince\s+((?:19|20)\d\d)\b", low)
    if m:
        since = f"{m.group(1)}-01-01"
    m = re.search(r"\bas of\s+(\d{4}-\d\d-\d\d)\b", low)
    if m and not as_of:
        as_of = m.group(1)
    m = MONTH.search(low)
    if m:
        # "in March 2025", "since March": the month of the year given, else the last such month up to the question's
        # date; with neither, the month cannot be placed and no bound is set
        month = MONTHS.index(m.group(2)) + 1
        year = int(m.group(3)) if m.group(3) else None
        if year is None and as_of:
            ref = date.fromisoformat(as_of)
            year = ref.year if month <= ref.month else ref.year - 1
        if year:
            first = date(year, month, 1)
            last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
            since = first.isoformat()
            until = None if m.group(1) == "since" else last.isoformat()
    return as_of, since, until


MONTHS = [calendar.month_name[k].lower() for k in range(1, 13)]
MONTH = re.compile(r"\b(in|during|since)\s+(?:early\s+|late\s+|mid-?)?(" + "|".join(MONTHS) + r")\b(?:,?\s+((?:19|20)\d\d)\b)?")


def _date_tokens(toks: list[str]) -> set[int]:
    """Indexes of the tokens that say when (a year, a month after in/during/since or before a year): not the topic
    nor the relation ("in March" is no protest march)."""
    low = [t.lower() for t in toks]
    out = set()
    for k, t in enumerate(low):
        if re.fullmatch(r"(?:19|20)\d\d", t):
            out.add(k)
        elif t in MONTHS and ((k > 0 and low[k - 1] in ("in", "during", "since", "early", "late", "mid"))
                              or (k + 1 < len(low) and re.fullmatch(r"(?:19|20)\d\d", low[k + 1]))):
            out.add(k)
    return out


@lru_cache(maxsize=1)
def _role_heads() -> tuple[frozenset[str], frozenset[str]]:
    """Role phrases of the knowledge base ("foreign secretary") and head words of government bodies ("ministry")."""
    return (frozenset(p.lower() for p in kbmod.load().roles),
            frozenset(r["word"].lower() for r in table("sector_words.tsv") if r.get("sector") == "government"))


def _roles_after(toks: list[str], found: list) -> set[int]:
    """Indexes of the words naming a role or body after an actor's possessive ("Britain's foreign secretary", "China's
    foreign ministry"): who acts or speaks, not what the question is about."""
    roles, heads = _role_heads()
    out: set[int] = set()
    for _, i, j in found:
        if not toks[j - 1].endswith(("'s", "’s")):
            continue
        best = 0
        for n in range(1, 5):
            run = " ".join(t.lower() for t in toks[j:j + n])
            if j + n <= len(toks) and (run in roles or toks[j + n - 1].lower() in heads):
                best = n
        out.update(range(j, j + best))
    return out


def _names_left(toks: list[str], found: list) -> list[tuple[str, int, int]]:
    """Runs of capitalised words no actor was read from ("Duterte", "Richard Bennett"): names a store may know."""
    used = {k for _, i, j in found for k in range(i, j)}
    stop, out, k = _function_words(), [], 0
    while k < len(toks):
        j = k
        while j < len(toks) and j not in used and toks[j][:1].isupper() and toks[j].lower() not in stop \
                and toks[j].lower() not in _GENERIC and not toks[j].isupper():
            j += 1
        if j > k:
            out.append((" ".join(toks[k:j]), k, j))
        k = max(j, k + 1)
    return out


def parse_question(text: str, as_of: Optional[str] = None,
                   people: Optional[Callable[[str], Optional[Actor]]] = None) -> Question:
    """``people``: a look-up of a name the knowledge base does not know (the store's registry of persons)."""
    if as_of:
        date.fromisoformat(as_of)
    found = find_actors(text)
    toks = [m.group(0) for m in TOKEN.finditer(text)]
    if people:
        keys = {a.key for a, _, _ in found}
        for name, i, j in _names_left(toks, found):
            a = people(re.sub(r"[’']s$", "", name))
            if a and a.key not in keys:
                a.surface, a.start = name, -1
                keys.add(a.key)
                found.append((a, i, j))
        found.sort(key=lambda x: x[1])
    used = {k for _, i, j in found for k in range(i, j)} | _date_tokens(toks)
    rest = [t for k, t in enumerate(toks) if k not in used]
    stop = _function_words()
    relation = parse_relation(rest)
    rel_words = {w for p in (relation.terms if relation else []) for w in p.split()}
    # the word right after an actor is most often the question's verb ("Will China forge ..."): not a topic
    verbs = {j for a, _, j in found if j < len(toks) and a.via != "adjective" and not toks[j - 1].endswith(("'s", "’s"))}
    rest = [t for k, t in enumerate(toks) if k not in used and k not in verbs and k not in _roles_after(toks, found)]
    topic = [t.lower() for t in rest if len(t) > 3 and t.lower() not in stop and not re.search(r"(ing|ed)$", t.lower()) and not any(t.lower().startswith(w) for w in rel_words)
             and t.lower() not in _GENERIC]
    as_of, since, until = _dates(text.lower(), as_of)
    for a, i, _ in found[1:]:
        if i > 0 and toks[i - 1].lower() in ("in", "inside", "within", "across", "around", "near"):
            a.place = True
    actors = [a for a, _, _ in found]
    q = Question(text, actors, relation, topic=topic, future=bool(FUTURE.search(text)), as_of=as_of,
                 since=since, until=until)
    if relation:
        relation.asked = expand(relation.asked + topic)
    q.attribution = bool(ATTRIBUTION.search(text))
    q.past = bool(PAST.match(text)) and not q.future
    if len(found) >= 2:
        between = [t.lower() for t in toks[found[0][2]:found[1][1]]]
        q.joint = all(t in ("and", ",", "&", "the") for t in between)
    m = SAY.search(text)
    if m:
        cut = len(TOKEN.findall(text[:m.start() + len(m.group(0))]))
        q.kind = "say"
        q.speaker = [a for a, i, _ in found if i < cut][:1]
        q.about = [a for a, i, _ in found if i >= cut]
        if not q.speaker and len(actors) > 1:
            q.speaker, q.about = actors[:1], actors[1:]
        q.actors = q.speaker + q.about
        q.future = False
        # the words naming the speaker ("China's foreign ministry", "Iran's defence minister") are who speaks, not
        # what it is about: what the statement must be about comes after the verb of saying
        said_words = {t.lower() for t in toks[cut:]}
        speaker_words = {w for w in q.topic if w not in said_words}
        q.topic = [w for w in q.topic if w in said_words]
        if relation:
            relation.asked = [w for w in relation.asked if w not in speaker_words]
    return q


_GENERIC = frozenset("""does have been being were with that this they their them from into over under against about
after before more most much many some such than then there these those what when where which while whom whose
would could should might must shall also just only very still ever even again other another each every both
either neither trying try tried ready willing going near around across inside within behind beyond among amid
toward towards between""".split())
