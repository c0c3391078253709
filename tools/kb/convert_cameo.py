#!/usr/bin/env python3
"""Convert PETRARCH-2's CAMEO verb dictionary into PLOVER trigger rows for Thucydides' event coder.

Sources:

    CAMEO.2.0.txt          the CAMEO verb pattern dictionary PETRARCH-2 codes with: openeventdata/petrarch2,
                           ``petrarch2/data/dictionaries/`` at commit 676801cd9cb2924bbbad09f86d15c9323e7097bf,
                           MIT licence, Copyright (c) Open Event Data Alliance
    CAMEO2PLOVER-2021.txt  the CAMEO code -> PLOVER type / mode / context table of the PLOVER project
                           (Open Event Data Alliance, ed. Philip Schrodt, 17 Sep 2021), CC BY-SA 4.0

Writes ``cameo_verbs.tsv`` (into ``src/thucydides/data/`` unless ``--out`` says otherwise): one row per verb
lemma and trigger -- the verb alone (its default code) or the verb with one of its block's patterns.
The columns and the pattern notation are described in the file's header and in ``tools/kb/CAMEO.md``.

Standard library only; the output is deterministic (sorted, no time stamps): running the script twice gives
byte-identical files.  Usage, from the repository root::

    python tools/kb/convert_cameo.py [--cameo FILE] [--plover FILE] [--out DIR] [--report]

The reading rules follow PETRARCH-2's own reader (``PETRreader.read_verb_dictionary``) and matcher
(``PETRtree.VerbPhrase.get_code`` / ``match_pattern``, ``utilities.convert_code``):

* a block starts with ``--- NAME [CODE] ---``; CODE is the default of every verb of the block that has no
  ``[CODE]`` of its own; ``---`` is the null code (the verb alone codes nothing);
* verb lines give the primary form, optionally ``{irregular forms}`` and ``[code]``; ``+CALL_OFF`` is the verb
  CALL with the particle OFF;
* a pattern ``- PRE * POST [CODE]`` applies to every verb of its block; words are noun heads, ``{A B}`` a noun
  phrase whose last word is the head, ``(P ...)`` a prepositional phrase, ``&NAME`` a noun synonym set,
  ``^`` any noun phrase (PETRARCH's wildcard), ``$`` / ``+`` / ``%`` the source / target / both actor slots;
* ``[A:B]``: A is the code of the event as read (subject acts on object), B the code of the same clause read
  the other way round (the object acts on the subject, e.g. 042 visit : 043 host); ``[:B]`` has only the
  reversed reading (PETRARCH then treats the verb as passive: "X appeared in court" is the court acting on X);
* the same pattern given twice in a block with different codes: the last one is the one PETRARCH uses
  (its pattern trie overwrites), so earlier ones are kept but marked ``shadowed``;
* a verb listed in several blocks: PETRARCH takes the first block's default code for the bare verb (later
  ones are kept, marked ``shadowed``); patterns of every block the verb is listed in are emitted.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CAMEO = REPO.parent / "shared" / "kb" / "petrarch2" / "CAMEO.2.0.txt"
DEFAULT_PLOVER = REPO.parent / "shared" / "docs" / "CAMEO2PLOVER-2021.txt"
DEFAULT_OUT = REPO / "src" / "thucydides" / "data"
OUT_NAME = "cameo_verbs.tsv"

SOURCE_REPO = "openeventdata/petrarch2"
SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
SOURCE_PATH = "petrarch2/data/dictionaries/CAMEO.2.0.txt"

COLUMNS = ("lemma", "particle", "pattern", "cameo", "roles", "plover_type", "plover_mode", "plover_context", "quality", "raw")
EXTRA_COLUMNS = ("mapping", "block", "origin")  # written with --all only (inspection; they triple the size)

# Words that, standing first after the verb, are the verb's particle ("set OFF explosives", "put UP barricade").
PARTICLES = {"up", "down", "out", "off", "away", "back", "forward", "aside", "together", "apart", "ahead"}
# Bare (unbracketed) prepositions in TABARI-era patterns ("* ATTACK ON +"): read as a prepositional phrase.
PREPOSITIONS = {
    "about",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "among",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "between",
    "beyond",
    "by",
    "during",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "of",
    "on",
    "onto",
    "outside",
    "over",
    "since",
    "through",
    "to",
    "toward",
    "towards",
    "under",
    "until",
    "upon",
    "with",
    "within",
    "without",
}
# Function words and adverbs in TABARI-era patterns: such a pattern cannot be read as verb + nouns.
NON_NOUNS = {
    "and",
    "or",
    "not",
    "will",
    "would",
    "been",
    "be",
    "is",
    "that",
    "when",
    "each",
    "other",
    "strongly",
    "said",
    "expects",
    "forming",
    "go",
    "resign",
    "leave",
    "begin",
    "act",
    "calm",
    "congratulate",
    "inspect",
    "bolster",
    "assert",
    "restor",
    "violat",
    "reducing",
    "refrain",
    "on_the",
    "tanks_and",
    "crashed",
    "firing",
    "walk",
    "extend",
    "bitterly",
    "sharply",
    "verbally",
}
# Articles are dropped from bare word sequences ("(TO A VOTE)" -> to:vote).
ARTICLES = {"a", "an", "the"}
# An adjective after a noun is a predicate, not part of the noun phrase: "* PLAN UNACCEPTABLE".
PREDICATIVE = {"unacceptable", "unfair", "closed"}
# Verb entries that are inflected forms in the dictionary (PETRARCH matches surface forms; we want lemmas).
LEMMA_FIX = {
    "burnt": "burn",
    "losing": "lose",
    "touring": "tour",
    "worried": "worry",
    "understood": "understand",
    "kidnapped": "kidnap",
    "killed": "kill",
    "attacked": "attack",
    "shot": "shoot",
    "angered": "anger",
    "is": "be",
}
# PLOVER drops CAMEO 01 (public statements); CAMEO 02 (appeal) has the same sub-structure as 10 (demand),
# and PLOVER's REQUEST is "all requests, demands, and orders": 02x is mapped as its 10x analogue.
APPEAL_ANALOGUE = ("02", "10")
DROPPED_ROOTS = {"01": "PLOVER drops CAMEO 01 (make public statement)"}

ACTOR_SLOTS = {"$": "<source>", "+": "<target>", "%": "<both>", "^": "<any>"}
QUALITY_ORDER = {"class": 0, "verb": 1, "pattern": 2, "synonym": 3, "null": 4, "legacy": 5, "shadowed": 6}
# rows written by default; legacy and shadowed rows only with --all
WRITTEN = {"class", "verb", "pattern", "synonym", "null"}


def warn(msg: str) -> None:
    print(f"convert_cameo: {msg}", file=sys.stderr)


# ------------------------------------------------------------------------------------------------ PLOVER table
@dataclass(frozen=True)
class Plover:
    type: str
    mode: str
    context: str  # '|' separated


def read_plover_table(path: Path) -> tuple[dict[str, Plover], dict[str, str]]:
    """CAMEO code -> Plover (3-4 digit rows) and 2-digit root -> PLOVER type (the section lines)."""
    codes: dict[str, Plover] = {}
    roots: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", body)
        if not m:
            continue
        code, rest = m.group(1), m.group(2)
        parts = [p.strip() for p in rest.split(",")]
        if len(code) == 2:
            roots.setdefault(code, parts[0])  # "08" is listed twice (CONCEDE, RETREAT): 3-digit rows decide
            continue
        parts += [""] * (3 - len(parts))
        ptype, mode, ctx = parts[0], parts[1], parts[2]
        ctx = "|".join(c.strip() for c in ctx.split(";") if c.strip())
        new = Plover(ptype, mode, ctx)
        if code in codes and codes[code] != new:
            warn(f"CAMEO2PLOVER gives {code} twice, differently; keeping the first")
            continue
        codes[code] = new
    return codes, roots


def map_code(code: str, table: dict[str, Plover], roots: dict[str, str]) -> tuple[Plover, str]:
    """PLOVER coding of a CAMEO code and how it was found (exact / parent:NNN / analogue:NNN / root:NN / ...)."""
    if code in table:
        return table[code], "exact"
    if len(code) == 4 and code[:3] in table:
        return table[code[:3]], f"parent:{code[:3]}"
    root = code[:2]
    if root == APPEAL_ANALOGUE[0]:
        analogue = APPEAL_ANALOGUE[1] + code[2:]
        p, how = map_code(analogue, table, roots)
        if p.type:
            return p, f"analogue:{analogue}"
    if root in DROPPED_ROOTS:
        return Plover("", "", ""), "dropped"
    if root in roots:
        return Plover(roots[root], "", ""), f"root:{root}"
    return Plover("", "", ""), "none"


# ------------------------------------------------------------------------------------------------ dictionary
@dataclass
class Verb:
    lemma: str
    particle: str
    code: str  # normalised code field, e.g. "020", "042:043", "---"
    own_code: bool
    raw: str
    legacy: bool = False
    surface: str = ""  # the word as the dictionary gives it (lower case)
    forms: tuple = ()  # its irregular forms, lower case


@dataclass
class Pattern:
    pre: list  # tokens before '*'
    post: list  # tokens after '*'
    code: str
    raw: str
    origin: str  # verb named in the comment (the verb the pattern was first written for), lower case
    stray: bool = False


@dataclass
class Block:
    name: str
    code: str
    verbs: list
    patterns: list


def clean_code(text: str) -> str:
    """'110]---' -> '110', '080!' -> '080', ':173' -> ':173', '---' -> '---'."""
    text = text.strip()
    if not text or set(text) <= {"-"}:
        return "---"
    halves = text.split(":")
    out = []
    for h in halves:
        digits = re.match(r"\d*", h.strip()).group(0)
        out.append(digits)
    if len(out) == 1:
        return out[0] or "---"
    return ":".join(out[:2])


def read_dictionary(path: Path):
    synsets: dict[str, list[str]] = collections.OrderedDict()
    blocks: list[Block] = []
    transformations = 0
    section = "synsets"
    label: Optional[str] = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if line.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if line.startswith("######## TRANSFORMATIONS"):
            section = "transformations"
            continue
        if line.startswith("#") or not line.strip():
            continue
        body, _, comment = line.partition("#")
        body = body.rstrip()
        if not body.strip():
            continue
        if section == "synsets":
            if body.startswith("&"):
                label = body.strip().split()[0]
                synsets.setdefault(label, [])
            elif body.startswith("+") and label:
                term = body.strip()[1:].strip().rstrip("_").replace("_", " ").lower()
                if term and term not in synsets[label]:
                    synsets[label].append(term)
            continue
        if section == "transformations":
            if body.startswith("~"):
                transformations += 1
            continue
        # verb section
        if body.startswith("---"):
            m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", body)
            if not m:
                warn(f"line {lineno}: unreadable block header {body!r}")
                continue
            blocks.append(Block(m.group(1), clean_code(m.group(2)), [], []))
            continue
        if not blocks:
            continue
        block = blocks[-1]
        if body.lstrip().startswith("-"):
            text = body.lstrip()[1:]
            codes = list(re.finditer(r"\[([^\]]*)\]", text))
            if not codes:
                warn(f"line {lineno}: pattern without code {body!r}")
                continue
            code = clean_code(codes[-1].group(1))
            pat_text = text[: codes[-1].start()]
            if "*" not in pat_text:
                warn(f"line {lineno}: pattern without '*' {body!r}")
                continue
            pre_text, post_text = pat_text.split("*", 1)
            pre, s1 = tokenize(pre_text)
            post, s2 = tokenize(post_text)
            origin = comment.strip().split()[0] if comment.strip() else ""
            raw = " ".join(pat_text.split())
            block.patterns.append(Pattern(pre, post, code, raw, origin, s1 or s2))
            continue
        # a verb line (two lines end in a TABARI-style ';' comment)
        words_text = body.split(";", 1)[0].strip()
        m = re.search(r"\[([^\]]*)\]\s*$", words_text)
        own = bool(m)
        code = clean_code(m.group(1)) if m else block.code
        if m:
            words_text = words_text[: m.start()].strip()
        forms = re.search(r"\{([^}]*)\}", words_text)
        head = re.sub(r"\{[^}]*\}", " ", words_text).split()
        if not head:
            continue
        if len(head) > 1:
            warn(f"line {lineno}: extra words on verb line {body!r}")
        word = head[0]
        legacy = False
        if "_" in word or word.startswith("+"):
            parts = [p for p in word.split("_") if p]
            idx = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
            if idx != 0:
                warn(f"line {lineno}: verb not first in compound {word!r}: skipped")
                continue
            verb = parts[0].lstrip("+").lower()
            particle = " ".join(p.lower() for p in parts[1:])
            if {"and", "or"} & set(particle.split()):
                legacy = True  # "+KIDNAPPED_AND_KILLED": a coordination hack for the constituency parser
        else:
            verb, particle = word.lower(), ""
        raw = " ".join(body.split(";", 1)[0].split())  # the entry with its own [code], if any
        block.verbs.append(
            Verb(
                LEMMA_FIX.get(verb, verb),
                particle,
                code,
                own,
                raw,
                legacy,
                verb,
                tuple(forms.group(1).lower().split()) if forms else (),
            )
        )
    return synsets, blocks, transformations


def tokenize(text: str) -> tuple[list, bool]:
    """Pattern text -> tokens: ('w', WORD) | ('np', [WORDS]) | ('pp', PREP, [tokens]) ; stray ')' reported."""
    stray = False
    tokens: list = []
    s = text.replace("(", " ( ").replace(")", " ) ").replace("{", " { ").replace("}", " } ").split()
    i = 0

    def read_np(j):
        words = []
        while j < len(s) and s[j] != "}":
            words.append(s[j])
            j += 1
        return words, j + 1

    while i < len(s):
        t = s[i]
        if t == "(":
            j = i + 1
            inner: list = []
            while j < len(s) and s[j] != ")":
                if s[j] == "{":
                    words, j = read_np(j + 1)
                    inner.append(("np", words))
                    continue
                if s[j] == "(":  # nested parenthesis: not in this dictionary's syntax
                    stray = True
                    j += 1
                    continue
                inner.append(("w", s[j]))
                j += 1
            if inner and inner[0][0] == "w":
                tokens.append(("pp", inner[0][1], inner[1:]))
            else:
                stray = True
            i = j + 1
        elif t == "{":
            words, i = read_np(i + 1)
            tokens.append(("np", words))
        elif t in (")", "}"):
            stray = True
            i += 1
        else:
            tokens.append(("w", t))
            i += 1
    return tokens, stray


# ------------------------------------------------------------------------------------------------ patterns
class Untranslatable(Exception):
    pass


def class_name(label: str) -> str:
    """'&FIGHT_OF_WORDS' -> '&fight-of-words' (no '_' inside, so that '_' only joins the words of a phrase)."""
    return "&" + label[1:].rstrip("_").lower().replace("_", "-")


def noun_alternatives(words: list[str], synsets: dict[str, list[str]]) -> list[str]:
    """A noun phrase (list of words, head last; words may be &SYNSETs) -> [phrase], words joined by '_'.

    A synonym set stays a reference (``&food``); its members are the ``class`` rows of the output."""
    out = []
    for w in words:
        if w.startswith("&"):
            if not synsets.get(w):
                raise Untranslatable(f"undefined synset {w}")
            out.append(class_name(w))
        elif w in ACTOR_SLOTS:
            out.append(ACTOR_SLOTS[w])
        else:
            out.append(w.lower())
    return ["_".join(out)]


@dataclass
class Translation:
    particle: str
    text: str
    legacy: bool


def merge_words(tokens: list) -> list:
    """Consecutive bare words (not prepositions or actor marks) -> one noun phrase: in TABARI-era patterns
    "* ARMS EMBARGO" is the phrase {ARMS EMBARGO} (PETRARCH-2 would read two separate nouns and never match)."""
    out: list = []
    run: list = []

    def flush():
        if len(run) == 1:
            out.append(("w", run[0]))
        elif run:
            out.append(("np", list(run), "bare"))
        run.clear()

    for tok in tokens:
        if tok[0] == "w" and tok[1] not in ACTOR_SLOTS and tok[1].lower() not in PREPOSITIONS:
            run.append(tok[1])
            continue
        flush()
        out.append(tok)
    flush()
    return out


def translate(pat: Pattern, synsets: dict[str, list[str]]) -> Translation:
    """PETRARCH pattern tokens -> the documented slot notation (see CAMEO.md)."""
    legacy = pat.stray
    particle = ""
    post = list(pat.post)
    # particle: first post-verb word ("* OFF &WEAPON"), or a last word after a noun ("* MINISTER OUT")
    if post and post[0][0] == "w" and post[0][1].lower() in PARTICLES:
        particle = post.pop(0)[1].lower()
    elif len(post) >= 2 and post[-1][0] == "w" and post[-1][1].lower() in PARTICLES and post[-2][0] != "pp":
        particle = post.pop()[1].lower()

    def noun(tok) -> str:
        nonlocal legacy
        if tok[0] == "w":
            words = [tok[1]]
        else:
            words = tok[1]
        bare = tok[0] == "w" or len(tok) > 2
        if bare:
            words = [w for w in words if w.lower() not in ARTICLES] or words
        lower = [w.lower() for w in words]
        if bare and any(w in NON_NOUNS for w in lower):
            legacy = True  # "* NOT EXTEND DEADLINE", "WILL *": auxiliaries, adverbs, verbs
        if bare and len(lower) > 1 and lower[-1] in PREDICATIVE:
            legacy = True  # "* PLAN UNACCEPTABLE": object + predicative adjective
        if not bare and any(w in PREPOSITIONS for w in lower):
            legacy = True  # "{FOR DONATIONS}": a prepositional phrase in braces
        return "|".join(noun_alternatives(words, synsets))

    def pp_slot(prep: str, inner: list) -> str:
        nonlocal legacy
        inner = merge_words(inner)
        parts = []
        for t in inner:
            if t[0] == "pp" or (t[0] == "w" and t[1].lower() in PREPOSITIONS):
                legacy = True
                continue
            parts.append(noun(t))
        if len(parts) > 1:
            legacy = True  # "(INTO + POSIT)": an actor and a noun in one phrase
        return f"{prep}:{'|'.join(parts) or '<any>'}"

    def side(tokens: list) -> list[str]:
        nonlocal legacy
        tokens = merge_words(tokens)
        slots: list[str] = []
        nouns = 0
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok[0] == "pp":
                slots.append(pp_slot(tok[1].lower(), tok[2]))
                i += 1
                continue
            if tok[0] == "w" and tok[1].lower() in PREPOSITIONS:
                # TABARI-style bare preposition ("* ATTACK ON +"): it governs the next noun, if any
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                if nxt and nxt[0] in ("w", "np") and not (nxt[0] == "w" and nxt[1].lower() in PREPOSITIONS):
                    slots.append(pp_slot(tok[1].lower(), [nxt]))
                    i += 2
                else:
                    slots.append(pp_slot(tok[1].lower(), []))
                    i += 1
                continue
            slot = noun(tok)
            if not slot.startswith("<"):
                nouns += 1
            slots.append(slot)
            i += 1
        if nouns > 1:
            legacy = True  # two noun phrases side by side ("* &PKO {GREEN LIGHT}"): not verb + object
        return slots

    pre_slots = side(pat.pre)
    post_slots = side(post)
    return Translation(particle, " ".join(pre_slots + ["*"] + post_slots), legacy)


# ------------------------------------------------------------------------------------------------ rows
def code_readings(code: str) -> list[tuple[str, str]]:
    """'042:043' -> [('042','-'), ('043','swap')]; '062:062' -> [('062','recip')]; ':173' -> [('173','swap')]."""
    if code == "---":
        return [("---", "-")]
    if ":" not in code:
        return [(code, "-")]
    a, b = code.split(":", 1)
    if a and b and a == b:
        return [(a, "recip")]
    out = []
    if a:
        out.append((a, "-"))
    if b:
        out.append((b, "swap"))
    return out or [("---", "-")]


def origin_lemma(origin: str) -> str:
    """The comment's first word ('RUSH', 'CALL_OFF', '+ASK_FOR') as a lemma ('rush', 'call', 'ask')."""
    word = origin.lstrip("+").split("_")[0].lower()
    return LEMMA_FIX.get(word, word)


def build_rows(synsets, blocks, table, roots, stats):
    rows = []
    first_block: dict[tuple[str, str], str] = {}
    for block in blocks:
        # merge repeated entries of the same verb in a block; a word that is another entry's irregular form
        # ("DETERRING" beside "DETER {DETERRING ...}") is that verb, not a verb of its own
        forms_of = {}
        for v in block.verbs:
            for f in v.forms:
                if f != v.surface:
                    forms_of[f] = v
        merged: dict[tuple[str, str], Verb] = {}
        for v in block.verbs:
            if not v.particle and v.surface in forms_of and forms_of[v.surface] is not v:
                stats["verb entries that are another entry's inflected form (merged)"] += 1
                continue
            key = (v.lemma, v.particle)
            if key in merged:
                old = merged[key]
                stats["repeated verb entries in a block (merged)"] += 1
                if v.own_code and not old.own_code:
                    merged[key] = v
                elif v.own_code and old.own_code and v.code != old.code:
                    warn(f"{block.name}: {v.lemma} {v.particle} given codes {old.code} and {v.code}; first kept")
                continue
            merged[key] = v
        verbs = list(merged.values())
        lemmas = {v.lemma for v in verbs}
        # bare verbs
        for v in verbs:
            key = (v.lemma, v.particle)
            shadowed = key in first_block
            if shadowed:
                stats["verbs listed in more than one block (later defaults shadowed)"] += 1
            else:
                first_block[key] = block.name
            for cameo, roles in code_readings(v.code):
                quality = "shadowed" if shadowed else "legacy" if v.legacy else "null" if cameo == "---" else "verb"
                rows.append(make_row(v.lemma, v.particle, "*", cameo, roles, quality, block.name, "", v.raw, table, roots))
        # patterns: of identical patterns in a block, the last is PETRARCH's
        translated = []
        stats["patterns in the dictionary"] += len(block.patterns)
        for pat in block.patterns:
            try:
                tr = translate(pat, synsets)
            except Untranslatable as e:
                stats["patterns not translated: " + str(e)] += 1
                continue
            translated.append((pat, tr))
        last_code: dict[tuple[str, str], str] = {}
        for pat, tr in translated:
            last_code[(tr.particle, tr.text)] = pat.code
        for pat, tr in translated:
            key = (tr.particle, tr.text)
            shadowed = last_code[key] != pat.code
            if shadowed:
                stats["patterns shadowed by a later identical pattern with another code"] += 1
            if tr.legacy:
                stats["patterns not readable as verb + nouns (legacy)"] += 1
            origin = origin_lemma(pat.origin) if pat.origin else ""
            if origin not in lemmas:
                stats["patterns whose comment names no verb of the block"] += 1
                origin = ""
            for v in verbs:
                particle = v.particle
                if tr.particle:
                    if particle and particle != tr.particle:
                        stats["verb x pattern pairs skipped: two particles"] += 1
                        continue
                    particle = tr.particle
                for cameo, roles in code_readings(pat.code):
                    if shadowed:
                        quality = "shadowed"
                    elif tr.legacy or v.legacy:
                        quality = "legacy"
                    elif cameo == "---":
                        quality = "null"
                    elif origin and origin != v.lemma:
                        quality = "synonym"
                    else:
                        quality = "pattern"
                    rows.append(
                        make_row(v.lemma, particle, tr.text, cameo, roles, quality, block.name, origin, pat.raw, table, roots)
                    )
    # identical rows (same verb, pattern, code and reading) from repeated lines or blocks: keep the best
    rows.sort(
        key=lambda r: (
            r["lemma"],
            r["particle"],
            r["pattern"],
            r["cameo"],
            r["roles"],
            QUALITY_ORDER[r["quality"]],
            r["block"],
            r["raw"],
        )
    )
    out, seen = [], set()
    for r in rows:
        key = (r["lemma"], r["particle"], r["pattern"], r["cameo"], r["roles"])
        if key in seen:
            stats["duplicate rows dropped"] += 1
            continue
        seen.add(key)
        out.append(r)
    # class rows: the noun synonym sets the written patterns refer to
    used = set()
    for r in out:
        if r["quality"] in WRITTEN:
            used.update(re.findall(r"&[a-z0-9-]+", r["pattern"]))
    for label, members in synsets.items():
        name = class_name(label)
        if name in used and members:
            out.append(
                {
                    "lemma": name,
                    "particle": "",
                    "pattern": "|".join(m.replace(" ", "_") for m in members),
                    "cameo": "",
                    "roles": "",
                    "plover_type": "",
                    "plover_mode": "",
                    "plover_context": "",
                    "quality": "class",
                    "mapping": "",
                    "block": "",
                    "origin": "",
                    "raw": label,
                }
            )
    out.sort(
        key=lambda r: (r["lemma"], r["particle"], QUALITY_ORDER[r["quality"]], r["pattern"], r["cameo"], r["roles"], r["raw"])
    )
    return out


def make_row(lemma, particle, pattern, cameo, roles, quality, block, origin, raw, table, roots):
    if cameo == "---":
        p, how = Plover("", "", ""), "null"
    else:
        p, how = map_code(cameo, table, roots)
    return {
        "lemma": lemma,
        "particle": particle,
        "pattern": pattern,
        "cameo": cameo,
        "roles": roles,
        "plover_type": p.type,
        "plover_mode": p.mode,
        "plover_context": p.context,
        "quality": quality,
        "mapping": how,
        "block": block,
        "origin": origin,
        "raw": raw,
    }


# ------------------------------------------------------------------------------------------------ output
HEADER = f"""\
# CAMEO verb triggers for PLOVER coding (thucydides.events): PETRARCH-2's CAMEO verb dictionary, one row per
# verb lemma and trigger (the verb alone, or the verb with one of its block's patterns).
# generated by tools/kb/convert_cameo.py; do not edit by hand. Notation and recommended use: tools/kb/CAMEO.md
# Sources:
#   CAMEO.2.0.txt, the verb pattern dictionary of PETRARCH-2: {SOURCE_REPO} commit {SOURCE_COMMIT},
#   {SOURCE_PATH}; MIT licence, "Copyright (c) Open Event Data Alliance".
#   CAMEO2PLOVER-2021.txt, the CAMEO -> PLOVER conversion table of the PLOVER project (Open Event Data
#   Alliance, https://github.com/openeventdata/PLOVER), CC BY-SA 4.0. This file is CC BY-SA 4.0.
# Columns (tab separated):
#   lemma     the verb's lemma, lower case (every member of a CAMEO verb block is its own row);
#             for quality "class": the name of a noun synonym set (&food), used in patterns
#   particle  word(s) that belong to the verb ("call off", "set up", "ask for", "take shape")
#   pattern   '*' = the verb alone; else blank-separated slots in sentence order, '*' standing for the verb:
#               NOUN          before '*': the subject's head noun; after '*': the object's head noun
#               PREP:NOUN     a prepositional phrase (after '*': on the verb or on its object; before: on the subject)
#             NOUN = a noun phrase, words joined by '_', head last ("humanitarian_aid"); &name = any member of
#             the class &name (its "class" row); <source> <target>: the actor slots ($ +); <both>: a compound
#             actor that is source and target (%); <any>: any noun phrase (^, or a bare "(PREP)")
#             for quality "class": the members, '|' separated
#   cameo     CAMEO event code; '---' = the null code: explicitly no event
#   roles     -      subject = actor (source), object / prepositional object = recipient (target)
#             swap   the other way round: the object, or a by/from phrase, is the actor ("[:173]", and the second
#                    code of "[042:043]": X visits Y = Y hosts X)
#             recip  reciprocal ("[062:062]"): both parties are actors
#   plover_type, plover_mode, plover_context   from CAMEO2PLOVER (context '|' separated; empty where it gives none;
#             CAMEO 02 appeals as their 10 (demand) analogues = REQUEST; CAMEO 01 statements have no PLOVER type)
#   quality   verb     the verb alone: its default code, used when none of its patterns matches
#             pattern  the verb with a pattern written for it (or for its block as a whole)
#             synonym  a pattern written for another verb of the block, applied by PETRARCH to all its members
#             null     a verb or pattern coded '---': no event (a matching null pattern blocks the verb's default)
#             class    a noun synonym set (see lemma, pattern)
#   raw       the dictionary's text: the verb entry (with its own [code], if it has one), or the pattern
#             (without its [code]: see cameo and roles)
"""


def write_tsv(rows, path: Path, everything: bool = False) -> None:
    columns = COLUMNS + (EXTRA_COLUMNS if everything else ())
    lines = [HEADER.rstrip("\n"), "\t".join(columns)]
    for r in rows:
        if not everything and r["quality"] not in WRITTEN:
            continue
        cells = [r[c] for c in columns]
        for c in cells:
            if "\t" in c or "\n" in c:
                raise ValueError(f"tab or newline in cell {c!r}")
        lines.append("\t".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def report(rows, blocks, synsets, transformations, stats, table, roots) -> str:
    """Counts for tools/kb/CAMEO.md."""
    out = []
    written = [r for r in rows if r["quality"] in WRITTEN]
    usable = [r for r in rows if r["quality"] in ("verb", "pattern", "synonym")]
    q = collections.Counter(r["quality"] for r in rows)
    out.append(
        f"rows written: {len(written)} of {len(rows)}; by quality: " + ", ".join(f"{k} {q[k]}" for k in QUALITY_ORDER if q[k])
    )
    out.append(f"blocks: {len(blocks)}; noun synonym sets: {len(synsets)}; transformations (not converted): {transformations}")
    verbs = {(r["lemma"], r["particle"]) for r in written if r["quality"] != "class"}
    coding = {(r["lemma"], r["particle"]) for r in usable}
    lemmas = {r["lemma"] for r in written if r["quality"] != "class"}
    out.append(
        f"verb entries (lemma, particle): {len(verbs)}, of which with a particle "
        f"{sum(1 for v in verbs if v[1])}; lemmas {len(lemmas)}"
    )
    out.append(
        f"verb entries with some event code (verb, pattern or synonym rows): {len(coding)}; lemmas {len({v[0] for v in coding})}"
    )
    bare = [r for r in written if r["quality"] in ("verb", "null") and r["pattern"] == "*"]
    out.append(
        f"bare-verb rows: {len(bare)}: with an event code {sum(1 for r in bare if r['quality'] == 'verb')},"
        f" null {sum(1 for r in bare if r['quality'] == 'null')}"
    )
    pats = {
        (r["block"], r["particle"], r["pattern"], r["cameo"], r["roles"])
        for r in written
        if r["pattern"] != "*" and r["quality"] != "class"
    }
    out.append(f"distinct written patterns (block, particle, pattern, reading): {len(pats)}")
    for k, v in sorted(stats.items()):
        out.append(f"{k}: {v}")
    out.append("usable rows by PLOVER type: verb / pattern / synonym; distinct lemmas")
    by = collections.defaultdict(collections.Counter)
    lem = collections.defaultdict(set)
    for r in usable:
        t = r["plover_type"] or "(none: CAMEO 01)"
        by[t][r["quality"]] += 1
        lem[t].add(r["lemma"])
    for t in sorted(by):
        out.append(f"  {t}: {by[t]['verb']} / {by[t]['pattern']} / {by[t]['synonym']}; {len(lem[t])}")
    out.append("roles: " + ", ".join(f"{k} {v}" for k, v in sorted(collections.Counter(r["roles"] for r in usable).items())))
    codes = sorted({r["cameo"] for r in rows if r["cameo"] not in ("---", "")})
    out.append(f"CAMEO codes used: {len(codes)}")
    for c in codes:
        p, how = map_code(c, table, roots)
        if how != "exact":
            n = sum(1 for r in usable if r["cameo"] == c)
            out.append(f"  not in the table: {c} -> {p.type or '-'} {p.mode} {p.context} ({how}); usable rows {n}")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--cameo", type=Path, default=DEFAULT_CAMEO, help="CAMEO.2.0.txt verb dictionary")
    ap.add_argument("--plover", type=Path, default=DEFAULT_PLOVER, help="CAMEO2PLOVER table")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default src/thucydides/data)")
    ap.add_argument(
        "--all", action="store_true", help="also write legacy and shadowed rows and the mapping/block/origin columns (inspection)"
    )
    ap.add_argument("--report", action="store_true", help="print counts and unmapped codes to stdout")
    args = ap.parse_args(argv)
    table, roots = read_plover_table(args.plover)
    synsets, blocks, transformations = read_dictionary(args.cameo)
    stats: collections.Counter = collections.Counter()
    rows = build_rows(synsets, blocks, table, roots, stats)
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out / OUT_NAME
    write_tsv(rows, out, args.all)
    print(f"wrote {out} ({out.stat().st_size} bytes)", file=sys.stderr)
    if args.report:
        print(report(rows, blocks, synsets, transformations, stats, table, roots))
    return 0


if __name__ == "__main__":
    sys.exit(main())
