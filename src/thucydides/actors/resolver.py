"""Actors stage (issue #3): countries, people with their roles, organisations, and coreference.

``resolve(doc)`` finds actor mentions in a parsed document (spaCy entities, knowledge-base
matches, role descriptions, pronouns), gives every distinct actor one id with its name,
type, country, sector and role, and records every mention's character span. No model is
downloaded: resolution rests on the parse (recency, grammatical role, gender, role
compatibility) and the knowledge base in ``data/``.

Later stages ask :func:`actor_at` which actor a span refers to.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .. import kb as kbmod
from ..errors import StageError
from ..knowledge import table
from ..model import Actor, Document

PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "sen.", "rep.", "gen.", "lt.", "col.", "maj.", "adm."}
HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "dame": "f"}
POSSESSIVE = ("'s", "’s")
MEDIA_CONTEXT = re.compile(r"(?:\btold|\binterview (?:with|to)|\bspeaking (?:to|with)|\bwrote in|\bop-ed in|\bcited by|\breported by|\baccording to)\s+(?:the\s+)?$", re.I)


@dataclass
class Mention:
    start: int  # character offsets
    end: int
    kind: str  # name | surname | role | pronoun | country | org
    actor: Actor


@lru_cache(maxsize=None)
def _column_set(file: str, column: str) -> frozenset[str]:
    """The lower-cased values of ``column`` in the data file ``file`` (one cached set per file and column)."""
    return frozenset(r[column].lower() for r in table(file))


@lru_cache(maxsize=1)
def _sector_words() -> dict[str, str]:
    return {r["word"].lower(): r["sector"] for r in table("sector_words.tsv")}


@lru_cache(maxsize=1)
def _agent_labels() -> dict[tuple[str, str], str]:
    """(sector, type) -> the readable label of a generic agent actor (data/agent_labels.tsv)."""
    return {(r["sector"], r["type"]): r["label"] for r in table("agent_labels.tsv")}


def agent_label(sector: Optional[str], typ: str) -> Optional[str]:
    labels = _agent_labels()
    return labels.get((sector or "", typ)) or labels.get((sector or "", "*"))


@lru_cache(maxsize=1)
def _agent_units() -> frozenset[str]:
    """Nouns for a unit of an agent ("patrol", "contingent"), data/agent_units.tsv."""
    return frozenset(r["word"] for r in table("agent_units.tsv"))


@lru_cache(maxsize=1)
def _person_nouns() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """Nouns for one person (data/person_nouns.tsv): words, suffixes, and exceptions to the suffixes."""
    rows = table("person_nouns.tsv")
    kinds = {k: [r["form"] for r in rows if r["kind"] == k] for k in ("word", "suffix", "not")}
    return frozenset(kinds["word"]), tuple(kinds["suffix"]), frozenset(kinds["not"])


def names_a_person(noun: str) -> bool:
    """"judge", "journalist", "gunman" name one person; "school", "court", "tanker" do not."""
    words, suffixes, exceptions = _person_nouns()
    noun = noun.lower()
    last = noun.split()[-1]
    return last in words or (last.endswith(suffixes) and last not in exceptions)


@lru_cache(maxsize=1)
def _roles_abroad() -> frozenset[str]:
    """Offices held abroad ("ambassador", "envoy"), data/roles_abroad.tsv: the article's country is no evidence of theirs."""
    return _column_set("roles_abroad.tsv", "role")


@lru_cache(maxsize=1)
def _scope_words() -> frozenset[str]:
    """Words of a name that claim a scope beyond one country ("International", "World"), data/scope_words.tsv."""
    return frozenset(r["word"] for r in table("scope_words.tsv"))


@lru_cache(maxsize=1)
def _motion_verbs() -> frozenset[str]:
    """Verbs of movement (data/motion_verbs.tsv): a name after their "to" or "from" is a place ("spread to Bukavu")."""
    return frozenset(r["lemma"] for r in table("motion_verbs.tsv"))


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    """Lemmas of the speech verbs (data/cue_verbs.tsv)."""
    return frozenset(r["lemma"] for r in table("cue_verbs.tsv"))


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Given names used overwhelmingly for one gender (data/given_names.tsv)."""
    return {r["name"]: r["gender"] for r in table("given_names.tsv")}


@lru_cache(maxsize=1)
def _not_actor_words() -> dict[str, str]:
    """Head words of place and thing names that are not actors ("Anbar desert", "Jaffar Express")."""
    return {r["word"].lower(): r["what"] for r in table("not_actors.tsv")}


@lru_cache(maxsize=1)
def _outlet_nouns() -> frozenset[str]:
    """Nouns that describe a news outlet written before its name ("broadcaster TOLOnews"), data/outlet_nouns.tsv."""
    return _column_set("outlet_nouns.tsv", "noun")


@lru_cache(maxsize=1)
def _generic_offices() -> frozenset[str]:
    """Offices every kind of body has ("director", "head"), data/generic_offices.tsv."""
    return _column_set("generic_offices.tsv", "role")


@lru_cache(maxsize=1)
def _role_kinds() -> dict[str, frozenset[str]]:
    """A description of a kind of office -> the canonical roles it covers ("diplomat": ambassador, ...)."""
    return {r["description"].lower(): frozenset(x.strip() for x in r["covers"].split("|")) for r in table("role_kinds.tsv")}


@lru_cache(maxsize=1)
def _perpetrator_nouns() -> frozenset[str]:
    """Nouns for the unknown doer of an attack ("the gunman"), data/perpetrator_nouns.tsv."""
    return _column_set("perpetrator_nouns.tsv", "noun")


@lru_cache(maxsize=1)
def _attack_nouns() -> frozenset[str]:
    """Nouns for an armed attack or its weapons ("strikes", "shelling", "drones"), data/attack_nouns.tsv."""
    return _column_set("attack_nouns.tsv", "noun")


@lru_cache(maxsize=1)
def _shared_place_names() -> dict[str, tuple[str, ...]]:
    """Place names of cities in several countries -> their countries, the lists' first (data/shared_place_names.tsv)."""
    return {r["name"]: tuple(r["countries"].split("|")) for r in table("shared_place_names.tsv")}


@lru_cache(maxsize=1)
def _communities() -> dict[str, Optional[str]]:
    """Ethnic and religious communities -> their home country or None (data/communities.tsv)."""
    return {r["name"]: (r.get("country") or None) for r in table("communities.tsv")}


@lru_cache(maxsize=1)
def _alias_cues() -> tuple[tuple[str, ...], ...]:
    """Phrases that introduce another name of the person just named ("also known as"), longest first."""
    cues = {tuple(r["phrase"].lower().split()) for r in table("alias_cues.tsv")}
    return tuple(sorted(cues, key=len, reverse=True))


@lru_cache(maxsize=1)
def _anaphors() -> dict[str, tuple[str, ...]]:
    """Definite descriptions that refer back to an actor of a type ("the bloc", "the country", "the party")."""
    return {r["noun"].lower(): tuple(r["types"].split("|")) for r in table("anaphors.tsv")}


@lru_cache(maxsize=1)
def _named_anaphors() -> frozenset[str]:
    """Descriptions that refer back only to an actor whose name has the noun ("the court")."""
    return frozenset(r["noun"].lower() for r in table("anaphors.tsv") if r.get("named") == "yes")


AFFILIATION = {"of", "at", "for", "with"}
MANDATE = {"for", "on", "to"}  # "envoy for Syria", "rapporteur on Afghanistan", "ambassador to the U.N."
GROUND = {"soil", "territory", "territories"}  # "on Afghan soil": "on" these is where something is ("on the Thai
# border" is not: it says which border, not which side)
DIRECTIONS = {"the", "south", "north", "east", "west", "southern", "northern", "eastern", "western", "central",
              "southeastern", "southwestern", "northeastern", "northwestern"}
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "into", "towards", "toward"}


def _fold(name: str) -> str:
    """A name for comparison: case and the apostrophe's form do not count ("al-Rufay’i" = "al-Rufay'i")."""
    return name.replace("’", "'").replace("`", "'").lower()


def written_role(phrase: str, canonical: str) -> str:
    """The role as the text writes it ("foreign secretary" stays "foreign secretary"); abbreviations
    ("gen.", "sen.", "mp") are spelled out by their canonical role."""
    return canonical if phrase.endswith(".") or len(phrase) <= 3 else phrase


@lru_cache(maxsize=8)
def _agent_matcher(vocab, with_phoenix: bool = True):
    """A PhraseMatcher for generic agent nouns (data/phoenix_agents.tsv), lower case."""
    import spacy
    from spacy.matcher import PhraseMatcher

    tok = spacy.blank("en", vocab=vocab)
    m = PhraseMatcher(vocab, attr="LOWER")
    nouns = kbmod.agent_nouns()
    for i in range(0, len(nouns), 500):
        m.add("A", list(tok.tokenizer.pipe(nouns[i:i + 500])))
    return m


@lru_cache(maxsize=8)
def _matchers(vocab):
    """PhraseMatchers for the knowledge base over a vocab (cached per loaded model)."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokenizer import Tokenizer  # noqa: F401  (the vocab's tokenizer is used via make_doc)

    kb = kbmod.load()
    import spacy

    tok = spacy.blank("en", vocab=vocab)
    names = PhraseMatcher(vocab, attr="ORTH")
    for surface in kb.forms:
        names.add("F|" + surface, [tok.make_doc(surface)])
    for surface in kb.leaders:
        names.add("L|" + surface, [tok.make_doc(surface)])
    lower = PhraseMatcher(vocab, attr="LOWER")
    for surface in kb.lower_forms:
        lower.add("G|" + surface, [tok.make_doc(surface)])
    roles = PhraseMatcher(vocab, attr="LOWER")
    for phrase in kb.roles:
        patterns = [tok.make_doc(phrase)]
        # an abbreviated title ("rep.", "lt. gen.") is one token only as written in text ("Rep.", "Lt. Gen."): the
        # tokenizer splits the lower-case form, so the capitalised form is matched too
        written = tok.make_doc(" ".join(w[:1].upper() + w[1:] for w in phrase.split()))
        if [t.lower_ for t in written] != [t.lower_ for t in patterns[0]]:
            patterns.append(written)
        roles.add("R|" + phrase, patterns)
    return names, lower, roles


class _Resolver:
    def __init__(self, doc: Document):
        self.doc = doc
        self.sdoc = doc.doc
        self.kb = kbmod.load()
        self.date = (doc.published or "")[:10] or None
        self.country_tokens: set[int] = set()
        self.nameless: set[str] = set()  # people the text describes but never names ("the Kenyan spokesperson")
        self.known: set[str] = set()  # actors the knowledge base identified (no defaults for them)
        self.places: list[tuple[int, str]] = []  # (token index, country) of places and countries in the text
        self.org_codes: dict[str, str] = {}  # actor id -> the knowledge base's CAMEO code for an organisation
        self.actors: list[Actor] = []
        self.mentions: list[Mention] = []
        self.by_key: dict[str, Actor] = {}
        self.gender: dict[str, str] = {}
        self.consumed: set[int] = set()  # token indices used as a person's title or apposition
        self.described: set[str] = set()  # actors whose role or country this text states
        self._quote_spans: Optional[list[tuple[int, int]]] = None
        self.org_entry_of: dict[str, str] = {}  # organisation actor id -> its knowledge-base entry's code
        self.affiliated: dict[str, str] = {}  # person actor id -> the entry code of the organisation in his title
        self._named: Optional[set[str]] = None  # the countries the text names (named_countries)
        self.international: set[str] = set()  # people whose title names an international body ("judge of the ICJ")
        self.counterpart: set[str] = set()  # people introduced as another's counterpart ("his Israeli counterpart X")

    # ----------------------------------------------------------------- actors
    def new_actor(self, key: str, **kw) -> Actor:
        a = self.by_key.get(key)
        if a is None:
            a = Actor(id=f"a{len(self.actors) + 1}", **kw)
            self.actors.append(a)
            self.by_key[key] = a
        return a

    def add_mention(self, start: int, end: int, kind: str, actor: Actor) -> None:
        text = self.doc.text
        while end > start and text[end - 1] in " ,;:":
            end -= 1
        if text[start:end].endswith(POSSESSIVE):
            end -= 2
        if end > start:
            self.mentions.append(Mention(start, end, kind, actor))
            actor.mentions.append((start, end))

    def country_actor(self, code: str) -> Actor:
        # a country named as a whole is the state: no sector (its code is the country's)
        return self.new_actor("C|" + code, name=self.kb.country_name(code) or code, type="COUNTRY", country=code)

    def org_actor(self, e: kbmod.Entry) -> Actor:
        e = kbmod.org_as_of(e, self.date)
        country = e.code if e.type == "GROUP" else e.country
        a = self.new_actor("O|" + e.code, name=e.name, type=e.type, country=country, sector=e.sector)
        self.named_orgs.add(a.id)
        self.org_entry_of[a.id] = e.code
        if e.type == "GROUP":
            self.org_codes.setdefault(a.id, e.code)  # a bloc of states is its own code ("EUR"), not its government
        if e.type in ("IGO", "REBEL", "ORG") and not country and a.id not in self.org_codes:
            # an organisation of no one country: the Phoenix code says what it is (IGOUNO, IMGMUSISI, NGO...),
            # under its name or any name the lists give it ("Islamic State" is "ISIL" there)
            code = kbmod.phoenix_org_code([e.name] + self.kb.org_forms.get(e.code, []))
            if code:
                self.org_codes[a.id] = code
        return a

    # ---------------------------------------------------------------- spans
    def candidate_spans(self):
        """Name-like spans: knowledge-base matches and spaCy entities, overlaps resolved (longest first)."""
        names, lower, roles = _matchers(self.sdoc.vocab)
        cands = []
        for mid, s, e in names(self.sdoc):
            label = self.sdoc.vocab.strings[mid]
            cands.append((s, e, label, 2))
        for mid, s, e in lower(self.sdoc):
            cands.append((s, e, self.sdoc.vocab.strings[mid], 2))
        # (an entity tagged as a work of art or the like may still be "the Malawi High Court")
        institutions = self._missed_institutions({i for ent in self.sdoc.ents if ent.label_ not in NOT_ACTOR_LABELS
                                                  for i in range(ent.start, ent.end)})
        cands += institutions
        inst_tokens = {i for s, e, _, _ in institutions for i in range(s, e)}
        for ent in self.sdoc.ents:
            if ent.label_ in NOT_ACTOR_LABELS and any(i in inst_tokens for i in range(ent.start, ent.end)):
                continue
            if ent.label_ in NOT_ACTOR_LABELS and len(ent) > 1 and not self.kb.country_of(ent.root.text):
                # "Gulf of Guinea", "Indian Ocean": a place or thing that holds a country's name is not the country
                cands.append((ent.start, ent.end, "E|" + ent.label_, 0))
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
                s, e = ent.start, ent.end
                while s < e and self.sdoc[s].lower_ in ("the",):
                    s += 1
                if e - s and self.sdoc[e - 1].text in POSSESSIVE:
                    e -= 1
                if e > s:
                    cands.append((s, e, "E|" + ent.label_, 1))
        cands += self._missed_names({i for s, e, _, _ in cands for i in range(s, e)})
        # longest span wins; on equal length, the knowledge base wins over the statistical entity
        cands.sort(key=lambda c: (-(c[1] - c[0]), -c[3], c[0]))
        taken: set[int] = set()
        chosen = []
        for s, e, label, prio in cands:
            if any(i in taken for i in range(s, e)):
                continue
            taken.update(range(s, e))
            chosen.append((s, e, label))
        chosen = self._party_spans(chosen)
        chosen.sort()
        self.role_matches = sorted((s, e, self.sdoc.vocab.strings[m][2:]) for m, s, e in roles(self.sdoc))
        self.name_tokens = taken
        # tokens of a country's name or adjective ("South Korean"): they may stand in a person's title
        self.country_tokens = {i for s, e, label in chosen if self.kb.country_of(self.sdoc[s:e].text) for i in range(s, e)}
        return chosen

    def _missed_institutions(self, tagged: set[int]):
        """Institutions the tagger missed that open with a country's name: "the Malawi High Court", "the Chad
        Defence Ministry" (capitalised words up to a head of data/sector_words.tsv), not the country alone."""
        sdoc = self.sdoc
        words = _sector_words()
        out = []
        for t in sdoc:
            if t.i in tagged or t.pos_ != "PROPN" or not t.is_title or t.dep_ != "compound" or not self.kb.country_of(t.text):
                continue
            e = t.i + 1
            while e < len(sdoc) and e - t.i <= 4 and e not in tagged and sdoc[e].is_title and sdoc[e].pos_ == "PROPN" \
                    and sdoc[e].lower_ not in words:
                e += 1
            if e < len(sdoc) and e - t.i <= 4 and e not in tagged and sdoc[e].is_title and sdoc[e].pos_ == "PROPN" \
                    and sdoc[e].lower_ in words and sdoc[e].dep_ != "compound":
                out.append((t.i, e + 1, "E|ORG", 1))
        return out

    def _missed_names(self, tagged: set[int]):
        """Names the tagger missed: a given name of the list followed by one or two capitalised words that no list
        knows ("... Armed Forces Florence Parly"), not a country ("Chad"), a place or an institution."""
        sdoc = self.sdoc
        given = _given_names()
        out = []
        for t in sdoc:
            if t.i in tagged or t.text not in given or not t.is_title or t.pos_ != "PROPN" or self.kb.country_of(t.text):
                continue
            e = t.i + 1
            while e < len(sdoc) and e - t.i < 3 and e not in tagged and sdoc[e].is_title and sdoc[e].pos_ == "PROPN" \
                    and sdoc[e].is_alpha and not self.kb.forms.get(sdoc[e].text) and sdoc[e].lower_ not in _sector_words() \
                    and sdoc[e].lower_ not in _not_actor_words() and sdoc[e].lower_ not in self.kb.roles:
                e += 1
            if e > t.i + 1 and not (e < len(sdoc) and sdoc[e].is_title and sdoc[e].pos_ == "PROPN"):
                out.append((t.i, e, "E|PERSON", 0))
        return out

    def _party_spans(self, chosen):
        """A name written before "party" ("the Zanu PF party", "the ruling Pheu Thai party") is a political party
        wherever the text names it, whatever the tagger made of it (a person, two names)."""
        sdoc = self.sdoc
        names = set()
        for t in sdoc:
            if t.lower_ not in ("party", "party's") or t.i == 0:
                continue
            j = t.i
            while j > 0 and t.i - j < 4 and (sdoc[j - 1].is_title or sdoc[j - 1].is_upper) and sdoc[j - 1].is_alpha \
                    and not self.kb.country_of(sdoc[j - 1].text) and j - 1 != sdoc[j - 1].sent.start:
                j -= 1
            if j == t.i:
                continue
            name = sdoc[j:t.i].text
            if any(x.kind == "org" for x in self.kb.forms.get(name, ())) or kbmod.phoenix_org(name, self.date):
                continue  # a party the lists know is resolved as they say
            names.add(tuple(w.text for w in sdoc[j:t.i]))
        if not names:
            return chosen
        spans = []
        for words in names:
            n = len(words)
            for i in range(len(sdoc) - n + 1):
                if tuple(w.text for w in sdoc[i:i + n]) == words:
                    spans.append((i, i + n))
        kept = [c for c in chosen if not any(c[0] < e and s < c[1] for s, e in spans)]
        return kept + [(s, e, "P|party") for s, e in spans]

    # ---------------------------------------------------------- roles, titles
    def _roles_in(self, s: int, e: int):
        """Role matches fully inside tokens [s, e), longest first."""
        found = [(rs, re_, p) for rs, re_, p in self.role_matches if rs >= s and re_ <= e]
        found.sort(key=lambda r: (-(r[1] - r[0]), -r[0]))
        return found

    def _country_in(self, s: int, e: int) -> Optional[str]:
        for i in range(s, e):
            for j in range(min(e, i + 5), i, -1):
                code = self.kb.country_of(self.sdoc[i:j].text)
                if code:
                    return code
        return None

    def _leader_before(self, s: int) -> Optional[str]:
        """The country of a person of known country named right before token s ("the Trump administration",
        "Netanyahu's government"), when the noun at s is one a leader heads."""
        if s < 1 or self.sdoc[s].lower_ not in LED_BODIES:
            return None
        k = s - 1
        if self.sdoc[k].text in POSSESSIVE and k > 0:
            k -= 1
        tok = self.sdoc[k]
        end = tok.idx + len(tok.text)
        m = next((m for m in reversed(self.mentions) if m.end == end and m.actor.type == "PERSON"), None)
        return m.actor.country if m is not None and m.actor.country else None

    def _adjective_in(self, s: int, e: int) -> bool:
        return any(x.kind == "adjective" for t in self.sdoc[s:e] for x in self.kb.forms.get(t.text, ()))

    def _org_ending_at(self, i: int) -> Optional[int]:
        """The first token of an organisation's name that ends right before token i ("Islamic State emir X")."""
        for k in range(max(0, i - 6), i):
            if any(ent.kind == "org" for ent in self.kb.forms.get(self.sdoc[k:i].text, ())):
                return k
        return None

    def _org_in(self, s: int, e: int) -> Optional[kbmod.Entry]:
        for i in range(s, e):
            for j in range(min(e, i + 6), i, -1):
                for ent in self.kb.forms.get(self.sdoc[i:j].text, ()):
                    if ent.kind == "org":
                        return kbmod.org_as_of(ent, self.date)
        return None

    def title_window(self, s: int):
        """Tokens before a name that form its title: "Russian Foreign Minister", "China's top diplomat"."""
        sent_start = self.sdoc[s].sent.start
        i = s
        while i > sent_start and s - i < 9:
            t = self.sdoc[i - 1]
            after_role = i >= 2 and any(rs <= i - 2 < re_ for rs, re_, _ in self.role_matches) \
                and not any(i <= rs < s for rs, _, _ in self.role_matches)  # not "chief of staff to President X"
            ok = (t.is_title or t.is_upper or t.pos_ in ("PROPN", "ADJ") or t.text in POSSESSIVE
                  or t.lower_ in ("of", "the", "for", "and", "top", "chief", "deputy", "former", "acting")
                  or (t.lower_ in MANDATE and after_role)
                  or any(rs <= i - 1 < re_ for rs, re_, _ in self.role_matches)
                  or (t.pos_ == "NOUN" and t.is_lower and (kbmod.agent(t.lower_) is not None or (
                      i >= 2 and kbmod.agent(f"{self.sdoc[i - 2].lower_} {t.lower_}") is not None))))  # "deputy caliph"
            in_role = any(rs <= i - 1 < re_ for rs, re_, _ in self.role_matches)
            org_start = self._org_ending_at(i) if (i - 1) in self.name_tokens else None
            if not ok or ((i - 1) in self.name_tokens and not in_role and not self.kb.country_of(t.text)
                          and (i - 1) not in self.country_tokens and org_start is None):
                break
            if t.text in (",", ";", ":", "(", ")", '"', "“", "”"):
                break
            # "Islamic State emir X", "Al-Shabaab commander X": the organisation's whole name is part of the title
            i = org_start if org_start is not None and org_start >= sent_start else i - 1
        while i < s and self.sdoc[i].lower_ in ("the", "of", "and", "for"):
            i += 1
        return i

    def list_head(self, s: int):
        """The group a list of names is set off from: "three members of the U.S. Senate — A, B and C", "two
        lawmakers, A and B, ...": the plural description right before the dash or comma that opens the list (the
        tokens of the description), when it names members, lawmakers or senators."""
        sdoc = self.sdoc
        sent_start = sdoc[s].sent.start
        i = s - 1
        while i > sent_start:
            t = sdoc[i]
            if t.ent_type_ == "PERSON" or t.lower_ == "and" or (t.text == "," and sdoc[i - 1].ent_type_ == "PERSON"):
                i -= 1
                continue
            break
        if i <= sent_start or sdoc[i].text not in ("—", "–", ",", ":"):
            return None
        end = i
        j = end
        while j > sent_start and end - j < 10 and sdoc[j - 1].text not in (",", ";", "—", "–", ":", "(", '"', "“"):
            j -= 1
        if not any(t.lower_ in LIST_HEADS for t in sdoc[j:end]):
            return None
        return (j, end)

    def of_window(self, e: int, titled: bool = True):
        """An of-phrase right after a titled name that names his body: "Judge X of the International Court of
        Justice" (the tokens from "of" to the end of the organisation's name). After a name with no title only an
        organisation the lists know counts ("Peter Malone of the Lowy Institute"), not a country or a place."""
        sdoc = self.sdoc
        if e + 1 >= len(sdoc) or sdoc[e].lower_ != "of":
            return None
        first = e + 2 if sdoc[e + 1].lower_ == "the" else e + 1
        kinds = ("org", "country") if titled else ("org",)
        for j in range(min(len(sdoc), first + 6), first, -1):
            if any(x.kind in kinds for x in self.kb.forms.get(sdoc[first:j].text, ())):
                return (e, j)  # "Judge X of the International Court of Justice", "King Hassan of Morocco"
        return None

    def pre_apposition(self, w: int):
        """A description set off by a comma before the name: "Saudi Arabia's defense minister, Prince Khalid"."""
        if w < 2 or self.sdoc[w - 1].text != ",":
            return None
        end = w - 1
        roles = [r for r in self.role_matches if r[1] == end]
        if not roles:
            # "the U.N. envoy for Syria, Geir Pedersen", "a spokesperson for China's Taiwan Affairs Office, Zhu
            # Fenglian": a role with its mandate or body ("for", "on", "to", "of", "at" a place or an organisation)
            k = self._body_before(end)
            if k is not None:
                roles = [r for r in self.role_matches if r[1] == k - 1]
        if not roles:
            return None
        i = min(r[0] for r in roles)
        sent_start = self.sdoc[w - 1].sent.start
        while i > sent_start and end - i < 8 and s_ok(self.sdoc[i - 1]) and self.sdoc[i - 1].lower_ not in ("the", "a", "an"):
            i -= 1
        return (i, end)

    def _body_before(self, end: int) -> Optional[int]:
        """The first token of a place or body named right before token ``end`` after a preposition of mandate or
        affiliation that follows a role ("envoy for Syria", "spokesperson for Kenya's ministry of health"), else
        None."""
        sdoc = self.sdoc
        k = end
        while k > 1 and end - k < 8 and (sdoc[k - 1].pos_ in ("PROPN", "NOUN", "ADJ") or sdoc[k - 1].text in POSSESSIVE
                                         or sdoc[k - 1].lower_ in ("the", "of", "and")):
            if k < end and sdoc[k - 1].lower_ in MANDATE | AFFILIATION and any(r[1] == k - 1 for r in self.role_matches):
                return k
            k -= 1
        if k < end and k > 0 and sdoc[k - 1].lower_ in MANDATE | AFFILIATION and any(r[1] == k - 1 for r in self.role_matches):
            return k
        return None

    def apposition_window(self, e: int):
        """Tokens after ", " that describe the person: "…, Russia's foreign minister, said"."""
        if e >= len(self.sdoc) or self.sdoc[e].text != ",":
            return None
        j = e + 1
        limit = min(len(self.sdoc), e + 13)
        while j < limit and self.sdoc[j].text not in (",", ".", ";", ":", "(", ")", "—", "–") and self.sdoc[j].lemma_ not in ("say", "tell"):
            j += 1
        first = self.sdoc[e + 1] if e + 1 < len(self.sdoc) else None
        if first is None or not (first.lower_ in ("the", "a", "an") or first.pos_ in ("PROPN", "ADJ", "NOUN") or first.is_title):
            return None
        if any(t.tag_ in ("VBD", "VBZ", "VBP") and t.dep_ not in ("relcl", "acl") for t in self.sdoc[e + 1:j]):
            return None  # "With Wang, the Japanese minister raised ...": a clause, not an apposition
        return (e + 1, j) if self._roles_in(e + 1, j) or self._agent_in(e + 1, j) else None

    def copular_window(self, s: int, e: int):
        """The predicate that says what the person named at [s, e) is: "Ozor is a lawyer", "al-Rufay'i was the top IS
        official for Iraq" (the noun phrase after "be", up to a comma or a clause of its own)."""
        sdoc = self.sdoc
        root = sdoc[s:e].root
        verb = root.head
        if root.dep_ not in ("nsubj",) or verb.lemma_ != "be" or verb.i < e:
            return None
        attr = next((c for c in verb.children if c.dep_ == "attr" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")), None)
        if attr is None:
            return None
        lo, hi = attr.left_edge.i, attr.i + 1
        for c in attr.rights:
            if c.dep_ in ("prep", "compound", "amod") and not any(t.text in (",", ";") or t.dep_ in ("relcl", "acl")
                                                                 for t in c.subtree):
                hi = c.right_edge.i + 1
        if any(t.dep_ in ("relcl", "acl") or t.text in (",", ";") for t in sdoc[lo:attr.i]):
            return None
        agent = self._agent_in(lo, hi)  # "the first woman to win" says no more than a person
        return (lo, hi) if self._roles_in(lo, hi) or (agent and agent[1] != "civilians") else None

    def _agent_in(self, s: int, e: int):
        """The longest generic agent noun inside tokens [s, e) ("lawyer", "deputy caliph"), as (phrase, sector)."""
        best = None
        for i in range(s, e):
            for j in range(min(e, i + 4), i, -1):
                span = self.sdoc[i:j]
                if not all(t.is_lower or t.is_title for t in span) or span[-1].pos_ not in ("NOUN", "PROPN"):
                    continue
                found = kbmod.agent(span.text)
                if found and found[0] and (best is None or j - i > best[2]):
                    best = (span.text.lower(), found[0], j - i)
        return best[:2] if best else None

    def _canon(self, role: Optional[str]) -> Optional[str]:
        """The canonical role of a role as written ("foreign secretary" -> "foreign minister")."""
        if role is None:
            return None
        known = self.kb.roles.get(role.lower())
        return known[0] if known else role

    @staticmethod
    def _deputy(a: Actor) -> bool:
        return bool(SUBORDINATE & set((a.role or "").lower().split()))

    def _same_office(self, a: Actor, role: str, deputy: bool) -> bool:
        """The person holds the office described: the same canonical role, and a deputy's when the description says
        so ("the deputy governor" is a deputy governor, never the governor)."""
        if deputy and not self._deputy(a):
            return False
        if self._canon(a.role) == role:
            return True
        base = " ".join(w for w in (a.role or "").lower().split() if w not in SUBORDINATE)
        return deputy and bool(base) and self._canon(base) == role

    def _covers(self, role: str, a: Actor, deputy: bool) -> bool:
        """A description of an office ("the minister", "the diplomat", "the official") fits a person of another role
        it covers: any office for "official" and "leader"; the roles data/role_kinds.tsv lists for a kind ("the
        diplomat": the deputy foreign minister); a role with all the description's words ("the deputy minister":
        the deputy trade minister), a deputy's only for a deputy's description, a former office only for a former."""
        if role in ("official", "leader"):
            return self._deputy(a) or not deputy
        if role == "chancellor" and a.sector == "government":
            return True
        canon = self._canon(a.role) or ""
        if canon in _role_kinds().get(role, ()):
            return True
        words = set((a.role or "").lower().split()) | set(canon.split())
        former = "former" in words and "former" not in role
        # (news writing is loose with a minister: "the minister" after a deputy minister is that deputy)
        rank_fits = self._deputy(a) == deputy or (role == "minister" and not deputy)
        return not former and rank_fits and set(role.split()) - SUBORDINATE <= words

    def _rank(self, role: Optional[str]) -> int:
        role = self._canon(role)
        return max((r for (name, _, r) in self.kb.roles.values() if name == role), default=0)

    def _written_country(self, s: int, e: int) -> Optional[str]:
        """The person's country a description [s, e) writes ("Nigeria's defense minister", "the governor of Kandahar
        province", "a spokesperson for China's Taiwan Affairs Office")."""
        # "envoy for Syria", "ambassador to the U.N.": what follows the preposition is the mandate, not the person's
        # country or organisation of origin
        mandate = next((k for k in range(s + 1, e) if self.sdoc[k].lower_ in MANDATE
                        and any(rs <= k - 1 < re_ for rs, re_, _ in self.role_matches)), e)
        body = self._org_in(mandate + 1, e) if mandate < e else None
        if mandate < e and (body or any(t.lower_ in _sector_words() for t in self.sdoc[mandate + 1:e])
                            or self._roles_in(mandate + 1, e)):
            # "spokesperson for Kenya's ministry of health": a body he speaks for is his, with its country; so is
            # the office he serves ("an adviser to the Czech president")
            mandate = e
        code = self._country_in(s, mandate)
        of = next((k for k in range(s + 1, mandate) if self.sdoc[k].lower_ in AFFILIATION
                   and any(r[1] == k for r in self.role_matches)), None)
        if code is None and of is not None:
            code = self._country_phrase(of + 1, mandate)  # "the governor of Kandahar province": a place the lists know
        if body is not None and body.type != "IGO" and body.country:
            code = body.country  # "for the Taiwan Affairs Office": the body's country, not a word of its name
        return code

    def describe(self, actor: Actor, s: int, e: int) -> bool:
        """Read role, country and sector from tokens [s, e); mark them consumed. True when a role was found."""
        code = self._written_country(s, e)
        if actor.id in self.described and code and actor.country and code != actor.country:
            return False  # the text already said who this is; a conflicting later description is someone else
        # a role followed by a name inside the description is another person's title ("Istanbul Mayor Ekrem Imamoglu,
        # President Recep Tayyip Erdogan's main rival"; "the brother of Crown Prince Mohammed bin Salman")
        roles = [r for r in self._roles_in(s, e) if not (r[1] < e and (self.sdoc[r[1]].ent_type_ == "PERSON"
                                                                          or r[1] in self.name_tokens))]
        found = False
        if roles:
            rs, re_, phrase = roles[0]
            role, sector, rank = self.kb.roles[phrase]
            if role == "counterpart":
                # "Chinese counterpart Dong Jun": the office of the person last named with one
                other = next((m.actor for m in reversed(self.mentions) if m.actor.type == "PERSON" and m.actor.role
                              and m.actor.id != actor.id and m.end <= self.sdoc[s].idx), None)
                if other is not None:
                    role, sector, phrase = other.role, other.sector or sector, other.role
                    self.counterpart.add(actor.id)
            current = self._rank(actor.role)
            # the text decides: a title or apposition replaces what a name match gave; within the text a
            # courtesy or lesser title ("Prince", "Sheikh") does not replace an office already stated
            former = role.startswith("former") or any(t.lower_ in ("former", "ex") for t in self.sdoc[s:rs])
            if former and actor.role and not actor.role.startswith("former") and actor.id in self.described:
                pass  # "NATO Secretary General Mark Rutte, a former Dutch prime minister": the office held now stays
            elif actor.role is None or rank >= current or actor.id not in self.described:
                actor.role = written_role(phrase, role)
                if rs > s and self.sdoc[rs - 1].lower_ in SUBORDINATE and not SUBORDINATE & set(actor.role.split()):
                    actor.role = f"{self.sdoc[rs - 1].lower_} {actor.role}"  # "Deputy Governor Ann Moyo": a deputy
                actor.sector = self._modifier_sector(s, rs) or sector if sector == "government" else sector
                if rank <= 1 and sector == "government" and re_ < e and self.sdoc[re_].lower_ == "of":
                    # "the leader of the Village de Dieu gang", "head of the police unit": the group led says what
                    # kind of leader
                    led = self._agent_in(re_ + 1, e)
                    if led is not None:
                        actor.sector = led[1]
                elif rank <= 1 and sector == "government" and rs - 1 > s and self.sdoc[rs - 1].text in POSSESSIVE:
                    led = self._agent_in(s, rs - 1)  # "the gang's leader": the same, in the possessive
                    if led is not None:
                        actor.sector = led[1]
                elif rank <= 1 and sector == "government" and actor.sector == "government" and rs > s:
                    # "student leader X", "community leader X", "gang leader X": the group noun before a
                    # generic office says what kind of leader, as the of-phrase does
                    t = self.sdoc[rs - 1]
                    kind = None
                    if t.pos_ in ("NOUN", "PROPN") and (t.is_lower or t.i == t.sent.start):
                        agent, as_role = kbmod.agent(t.lower_), self.kb.roles.get(t.lower_)
                        kind = agent[0] if agent else as_role[1] if as_role else None  # "student" is both
                    if kind and kind not in STATE_SECTORS:
                        actor.sector = kind
                if any(t.lower_ in ("former", "ex") for t in self.sdoc[s:rs]) and not actor.role.startswith("former"):
                    actor.role = "former " + actor.role  # "Former FBI Director James Comey": the office he held
            found = True
        else:
            # no office: a generic agent noun says what the person is ("lawyer Chris Mhike", "a journalist")
            agent = self._agent_in(s, e)
            if agent is not None and (actor.role is None or actor.id not in self.described):
                actor.role, actor.sector = agent
                found = True
        org = self._org_in(s, e)
        igo = org is not None and (org.type == "IGO" or org.sector == "igo")
        if igo and code and roles and self.kb.roles[roles[0][2]][1] != "igo":
            # "U.S. deputy U.N. ambassador", "Britain's ambassador to the U.N.": a country's representative
            org = None
        elif igo or actor.sector == "igo":
            code = None  # "the U.N. envoy for Syria": an international official has no country from the text
            if igo:
                self.international.add(actor.id)
            if igo and actor.country and actor.id not in self.known:
                actor.country = None  # a guess from elsewhere gives way to the written affiliation
        if code:
            actor.country = code
        named = self._affiliations(s, e)
        if org is not None:
            self.affiliated[actor.id] = org.code
            # "Hamas official Basem Naim", "NATO Secretary General Mark Rutte": the organisation's sector wins
            if not code:
                actor.country = actor.country or org.country
            if org.sector:
                actor.sector = org.sector
            keep = self._possessives(s, e)  # "UNICEF's executive director": UNICEF is still mentioned
            self.consumed.update(i for i in range(s, e) if i not in named and i not in keep)
        elif named and (found or actor.sector is None):
            # "director of Cornell University's ...", "a professor at Tokai University": the institution's kind
            # (its name's sector word) says the person's sector
            words = _sector_words()
            sector = next((words[t.lower_] for a, b in sorted(named_spans(named)) for t in reversed(self.sdoc[a:b])
                           if t.lower_ in words), None)
            if sector:
                actor.sector = sector
            elif roles and actor.sector == "government" and self.kb.roles[roles[0][2]][0] in _generic_offices() \
                    and actor.id not in self.known:
                # "director of the Asia Program at the Wilson Center": an office every kind of body has, held at a
                # named body no word of which says it is the state's, is no government office; its kind is unknown
                actor.sector = None
        if found or code:
            # a country or organisation named in the possessive ("Nigeria's defense minister", "UNICEF's
            # executive director") is still a mention of it
            keep = self._possessives(s, e)
            self.consumed.update(i for i in range(s, e) if i not in keep and i not in named)
            self.described.add(actor.id)
        return found

    def _possessives(self, s: int, e: int) -> set[int]:
        """Tokens of a country or organisation named inside a title [s, e), in the possessive ("UNICEF's executive
        director") or as a modifier ("Taliban spokesman", "Mauritius Prime Minister"): still a mention of it.
        A nationality adjective ("Iraqi Prime Minister") is not."""
        keep: set[int] = set()
        i = s
        while i < e:
            j = next((j for j in range(min(e, i + 6), i, -1)
                      if any(x.kind in ("country", "org") for x in self.kb.forms.get(self.sdoc[i:j].text, ()))), None)
            if j is not None and not any(rs <= i < re_ for rs, re_, _ in self.role_matches):
                keep.update(range(i, j))
                i = j
            else:
                i += 1
        for i in range(s, e):
            if i + 1 < len(self.sdoc) and self.sdoc[i + 1].text in POSSESSIVE:
                j = i
                while j > s and self.sdoc[j - 1].text[:1].isupper():
                    j -= 1
                name = self.sdoc[j:i + 1].text
                if any(x.kind in ("country", "org") for x in self.kb.forms.get(name, ())) or \
                        any(x.kind in ("country", "org") for x in self.kb.forms.get(self.sdoc[i].text, ())):
                    keep.update(range(j, i + 1))
        return keep

    def _affiliations(self, s: int, e: int) -> set[int]:
        """Tokens of organisations the tagger finds in a description after "of", "at", "for" or "with"
        ("director of Cornell University's institute", "professor at Tokai University"): they stay mentions of
        those organisations."""
        out: set[int] = set()
        for ent in self.sdoc.ents:
            if not (s < ent.start and ent.end <= e and ent.label_ == "ORG"):
                continue  # tested first: the title test scans every role match (speed; same answer)
            if any(rs <= ent.start and ent.end <= re_ for rs, re_, _ in self.role_matches):
                continue  # "Secretary of State": a word of the title, not an organisation
            if ent.label_ == "ORG" and s < ent.start and ent.end <= e:
                a = ent.start
                while a < ent.end and self.sdoc[a].lower_ == "the":
                    a += 1
                before = self.sdoc[ent.start - 1].lower_
                if before in AFFILIATION or (before == "the" and ent.start >= 2 and self.sdoc[ent.start - 2].lower_ in AFFILIATION):
                    out.update(range(a, ent.end))
        return out

    # ------------------------------------------------------------------- people
    def particle_surname_of(self, text: str) -> Optional[Actor]:
        """The person met before whose name ends in ``text`` from a lower-case particle on ("De Gaulle" after "Charles
        de Gaulle", "Bin Zayed" after "Mohamed bin Zayed", "Al-Jolani" after "Abu Mohammed al-Jolani", "Von der Leyen"):
        a name's lower-case word starts the part a surname keeps, capitalised at the head of a sentence), or its last
        word when the tagger splits it ("Mensah-Bonsu"). The name as written in the text counts as well as the
        actor's ("al-Jolani" for Ahmed al-Sharaa)."""
        want = _fold(text)
        if not text[:1].isupper() or len(want) < 3:
            return None
        found: dict[str, Actor] = {}
        for m in self.mentions:
            a = m.actor
            if a.type != "PERSON" or m.kind == "pronoun" or a.id in self.nameless:
                continue
            for form in (a.name, self.doc.text[m.start:m.end]):
                words = form.split()
                if any((w[:1].islower() or k == len(words) - 1) and _fold(" ".join(words[k:])) == want
                       for k, w in enumerate(words) if 0 < k):
                    found.setdefault(a.id, a)
        if len(found) > 1:
            # two people of one surname ("Benjamin Netanyahu and his wife Sara Netanyahu"): the one the text gave
            # an office, when only one has one; else the one named first, as news names the principal first
            office = [a for a in found.values() if a.role]
            return office[0] if len(office) == 1 else next(iter(found.values()))
        return next(iter(found.values()), None)

    def known_surname(self, s: int, e: int) -> bool:
        """A one-word span that is the surname (or, for names like "Wang Yi", the family name) of a person already met,
        or a surname from a particle on ("De Gaulle", "Al-Jolani": particle_surname_of)."""
        if e - s != 1:
            return e - s <= 4 and self.particle_surname_of(self.sdoc[s:e].text) is not None
        word = self.sdoc[s].text
        for a in self.actors:
            if a.type == "PERSON" and a.mentions and a.id not in self.nameless:
                parts = a.name.split()
                if len(parts) > 1 and _fold(word) in (_fold(parts[-1]), _fold(parts[0])) and word[:1].isupper():
                    return True
                if len(parts) == 1 and _fold(word) == _fold(a.name) and word[:1].isupper():
                    return True  # "Eguiluz said ... But Eguiluz told VOA" (the tagger calls the second a place)
        return False

    def known_person(self, name: str) -> Optional[kbmod.Entry]:
        """A person of the knowledge base as of the article's date: the project's list (leaders.tsv) first,
        the Phoenix files for an article up to 2014 that they date, or for people the list does not have."""
        lead = self.kb.leaders.get(name)
        if lead is not None:
            lead = kbmod.leader_as_of(lead, self.date)
        ph = kbmod.phoenix_person(name, self.date) or (kbmod.phoenix_person(lead.name, self.date) if lead else None)
        if lead is not None and ph is not None and self.date and self.date <= kbmod.PHOENIX_END:
            return kbmod.Entry("leader", lead.name, lead.name, "PERSON", ph.sector, ph.country or lead.country, None,
                               lead.gender)
        return lead or ph

    def is_place(self, s: int, e: int, known_actor: bool = False, person: bool = False) -> bool:
        """A name that is a place or a thing, not an actor: a place the knowledge base knows (and no actor
        of that name), a name headed by a place or thing word ("Anbar desert", "Jaffar Express"), or a name
        after a locative preposition ("in Houston") that no list knows as an actor. A place's country is kept
        for the agents of the text ("police in Quetta")."""
        span = self.sdoc[s:e]
        text = span.text
        head = self.sdoc[e - 1].lower_
        words = _not_actor_words()
        after = self.sdoc[e].lower_ if e < len(self.sdoc) else ""
        # "Anbar desert", "Jaffar Express"; "the Sahel region", "Deh Yak district"; "the village of Jangebe"
        before_of = self.sdoc[s - 2].lower_ if s > 1 and self.sdoc[s - 1].lower_ == "of" else ""
        root = span.root
        # the name modifies a place or thing: "the Croix des Bouquets jail", "the Schengen system"
        modifies = False
        head_, steps = root, 0
        while head_.dep_ in ("compound", "nmod", "amod") and head_.head.i != head_.i and steps < 4:
            head_, steps = head_.head, steps + 1  # "the Croix des Bouquets civilian jail": up the chain of modifiers
            if head_.i >= e and head_.lower_ in words:
                modifies = True
                break
        if (head in words or words.get(after) == "place" or words.get(before_of) in ("place", "people") or modifies) \
                and not known_actor:
            self._place(s, text)
            return True
        if known_actor:
            return False
        if words.get(span[0].lower_) in PREFIXES and len(span) > 1 or \
                (e < len(self.sdoc) and words.get(span[-1].lower_) in PREFIXES and self.sdoc[e].is_title):
            return True  # a ship or a storm: "INS Imphal", "USS Carl Vinson", "Hurricane Milton", "Storm Sara"
        if self._among_places(span):
            self._place(s, text)
            return True
        if any(t.text == "," for t in span) and any(t.lower_ in ("and", "or") for t in span):
            return True  # "Twitter, Instagram and Facebook": a list of names is no one actor
        # a city the tagger calls an organisation ("Quetta") is a place; one it calls a person too, unless it acts
        # as a person would: the subject of a verb, after a title ("Defense Secretary Austin said")
        acts = span.root.dep_ in ("nsubj", "nsubjpass") or (s > 0 and self.sdoc[s - 1].is_title
                                                            and self.sdoc[s - 1].pos_ == "PROPN")
        if not (person and acts) and kbmod.phoenix_place(text) and not kbmod.phoenix_org(text, self.date) \
                and not kbmod.phoenix_person(text, self.date):
            self._place(s, text)
            return True
        prev = self.sdoc[s - 1] if s > 0 else None
        if prev is not None and prev.lower_ == "the" and s > 1:
            prev = self.sdoc[s - 2]
        org_word = any(t.lower_ in _sector_words() for t in span)  # "at Cornell University" is an affiliation
        moving = prev is not None and prev.lower_ in ("to", "from") and prev.head.lemma_ in _motion_verbs()
        if prev is not None and (prev.lower_ in LOCATIVE or moving) and prev.dep_ == "prep" and not org_word:
            self._place(s, text)
            return True
        named_as = self.sdoc[s - 1] if s > 0 else None
        if named_as is not None and PRODUCT_NUMBER.fullmatch(named_as.text):
            return True  # "a Boeing 737 MAX": the rest of a product's name
        if named_as is not None and DECADE.fullmatch(named_as.text) and s <= named_as.head.i < e:
            self._place(s, text)
            return True  # "in 1960s Houston": a place at a time (a person is not dated so; "in the 1990s Mandela" is)
        if named_as is not None and named_as.is_lower and named_as.pos_ == "NOUN" and not org_word \
                and words.get(named_as.lower_) in ("place", "thing", "event"):
            # "the tanker Sounion", "the city Kherson": a name the noun before it says is a thing or a place
            self._place(s, text)
            return True
        if prev is not None and prev.dep_ == "prep" and words.get(prev.head.lower_) == "place" and not org_word:
            # "the base on Diego Garcia", "the camp of Zamzam": a name after a place word's preposition is a place
            self._place(s, text)
            return True
        return False

    def _among_places(self, span) -> bool:
        """A name listed with places ("Khan Younis and Rafah", "around Pokrovsk and Kurakhove"): conjoined with a
        place the knowledge base knows, or with a name that follows a locative preposition."""
        root = span.root
        kin = [root.head] if root.dep_ == "conj" else []
        kin += [c for c in root.children if c.dep_ == "conj"]
        for k in kin:
            if k.i in range(span.start, span.end) or not k.is_title:
                continue
            if kbmod.phoenix_place(k.text) and not self.kb.country_of(k.text) and not self.known_actor_name(k.text):
                return True
            prep = k.head if k.dep_ == "pobj" else None
            if prep is not None and prep.lower_ in LOCATIVE and prep.dep_ == "prep" and k.ent_type_ in ("GPE", "LOC", "FAC"):
                return True
        return False

    def named_countries(self) -> set[str]:
        """The countries the text names by name or nationality (a word or two of the lists' forms)."""
        if self._named is None:
            toks = self.sdoc
            self._named = {x.code for i in range(len(toks)) for j in (i + 1, i + 2, i + 3) if j <= len(toks)
                           for x in self.kb.forms.get(toks[i:j].text, ()) if x.kind in ("country", "adjective")}
        return self._named

    def place_country(self, i: int, text: str, code: Optional[str]) -> Optional[str]:
        """The country of a place name at token i that names cities in several countries ("Tripoli"): the one the
        text names right after it ("Tripoli, Lebanon") or elsewhere, when it does not name the lists' country."""
        others = _shared_place_names().get(text)
        if not others or code not in others:
            return code
        k = i + len(text.split())
        if k + 1 < len(self.sdoc) and self.sdoc[k].text == ",":
            after = self._country_phrase(k + 1, min(len(self.sdoc), k + 3))
            if after in others:
                return after  # "Tripoli, Lebanon"
        named = self.named_countries()
        if code in named:
            return code
        return next((c for c in others if c in named), code)

    def _place(self, i: int, text: str) -> None:
        code = self.place_country(i, text, self.kb.country_of(text) or kbmod.phoenix_place(text))
        if code:
            self.places.append((i, code))
            k = i - 1
            while k >= 0 and (self.sdoc[k].lower_ == "the" or self.sdoc[k].pos_ == "ADJ"):
                k -= 1
            preps = LOCATIVE | {"from"}
            if k >= 1 and self.sdoc[k].lower_ == "of" and _not_actor_words().get(self.sdoc[k - 1].lower_) == "place":
                # "on the streets of New York City", "on the outskirts of Goma": the place word's own preposition
                k, preps = k - 2, preps | {"on"}
                while k >= 0 and (self.sdoc[k].lower_ == "the" or self.sdoc[k].pos_ == "ADJ"):
                    k -= 1
            if not self.kb.country_of(text) and k >= 0 and self.sdoc[k].lower_ in preps:
                self.local_places.append(code)  # "in Quetta", "near Pokrovsk": where the story happens

    def known_actor_name(self, text: str) -> bool:
        return any(x.kind in ("org", "leader") for x in self.kb.forms.get(text, ())) or text in self.kb.leaders \
            or kbmod.phoenix_org(text, self.date) is not None or kbmod.phoenix_person(text, self.date) is not None

    def person(self, s: int, e: int) -> Optional[Actor]:
        toks = [t for t in self.sdoc[s:e]]
        honorific_gender = None
        while toks and toks[0].lower_ in HONORIFICS:
            honorific_gender = honorific_gender or HONORIFIC_GENDER.get(toks[0].lower_)
            toks = toks[1:]
        # a role phrase inside the entity ("Foreign Minister Sergei Lavrov") belongs to the title
        inner_roles = [r for r in self._roles_in(s, e) if r[0] == toks[0].i] if toks else []
        if inner_roles:
            cut = inner_roles[0][1]
            toks = [t for t in toks if t.i >= cut]
        toks = [t for t in toks if t.text not in POSSESSIVE]
        if not toks:
            return None
        name = self.doc.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]
        if name.endswith(".") and len(toks[-1].text) > 2 and toks[-1].i + 1 < len(self.sdoc) \
                and toks[-1].i == self.sdoc[toks[-1].i].sent.end - 1 or (name.endswith(".") and len(toks[-1].text) > 3):
            name = name[:-1]  # "Dong Jun." at the end of a sentence: the full stop is no part of the name
        if not re.search(r"[A-Za-z]", name):
            return None
        parts = name.split()
        actor = self.by_key.get("P|" + _fold(name)) or self.alias_of(toks[0].i)
        if actor is not None:
            self.by_key.setdefault("P|" + _fold(name), actor)
        kind = "name"
        if actor is None:
            actor = self.particle_surname_of(name)
            kind = "name" if actor is None else "surname"
        if actor is None and len(parts) == 1:
            surname = parts[0].lower()
            same = [a for a in self.actors if a.type == "PERSON" and len(a.name.split()) > 1 and a.id not in self.nameless
                    and _fold(surname) in (_fold(a.name.split()[-1]), _fold(a.name.split()[0]))]
            if same:
                actor, kind = same[-1], "surname"
        if actor is None and len(parts) > 1:
            for a in self.actors:
                if a.type == "PERSON" and len(a.name.split()) == 1 and _fold(a.name) == _fold(parts[-1]):
                    actor = a
                    a.name = name
                    self.by_key["P|" + _fold(name)] = a
                    break
        if actor is None:
            known = self.known_person(name)
            before = self.sdoc[toks[0].i - 1] if toks[0].i > 0 else None
            if known is None and len(parts) == 1 and before is not None and before.is_title \
                    and before.lower_ in self.kb.roles:
                # "President Bush": a surname the lists know with the title written before it
                known = self.known_person(f"{before.text} {name}")
            if known is not None:
                actor = self.by_key.get("P|" + _fold(known.name))
                if actor is None:
                    actor = self.new_actor("P|" + _fold(known.name), name=known.name, type="PERSON",
                                           country=known.country, sector=known.sector, role=known.role)
                    self.known.add(actor.id)
                    if known.gender:
                        self.gender[actor.id] = known.gender
                kind = "name" if len(parts) > 1 else "surname"
            else:
                actor = self.new_actor("P|" + _fold(name), name=name, type="PERSON")
        if honorific_gender:
            self.gender.setdefault(actor.id, honorific_gender)
        given = _given_names().get(actor.name.split()[0]) if len(actor.name.split()) > 1 else None
        if given:
            self.gender.setdefault(actor.id, given)
        # title before the name, apposition after it
        w = self.title_window(s)
        if w < s:
            self.describe(actor, w, s)
        pre = self.pre_apposition(w)
        if pre:
            self.describe(actor, *pre)
        app = self.apposition_window(e)
        if app:
            self.describe(actor, *app)
        of = self.of_window(e, titled=w < s) if not app else None
        if of:
            self.describe(actor, *of)
        cop = self.copular_window(s, e) if actor.role is None else None  # a weaker word than a title: only for the undescribed
        if cop:
            self.describe(actor, *cop)
        if actor.role is None and actor.id not in self.described:
            head = self.list_head(s)
            if head:
                self.describe(actor, *head)
                actor.role = None  # the group's body or noun ("the U.S. Senate") is no office of his; its country
                # and sector are
        if actor.country and not actor.sector and actor.role is None:
            actor.sector = None
        start = toks[0].idx
        end = toks[0].idx + len(name)
        self.add_mention(start, end, kind, actor)
        return actor

    def alias_of(self, s: int) -> Optional[Actor]:
        """The person a name at token s is another name of: "al-Baghdadi, also known as Abu Dua", "Ali Musa (alias
        Abu Said)", "Joseph, better known as Izo": the person named right before the phrase (data/alias_cues.tsv)."""
        sdoc = self.sdoc
        for cue in _alias_cues():
            n = len(cue)
            if s - n < 1 or [t.lower_ for t in sdoc[s - n:s]] != list(cue):
                continue
            k = s - n - 1
            while k > 0 and sdoc[k].text in (",", "(", "—", "–", "-") + POSSESSIVE:
                k -= 1
            end = sdoc[k].idx + len(sdoc[k].text)
            m = next((m for m in reversed(self.mentions) if m.actor.type == "PERSON" and m.start < end <= m.end + 2
                      and m.kind != "pronoun"), None)
            return m.actor if m is not None else None
        return None

    def relabel(self, s: int, e: int, label: str) -> str:
        """Correct the tagger where the knowledge base knows better.

        "Bosnian Serbs" tagged PERSON, "Radical French" tagged ORG: a people named by a country
        adjective is that country. "Moody Awori" tagged ORG: a known given name makes it a person.
        """
        text = self.sdoc[s:e].text
        if text in _communities() and label.startswith(("E|", "F|", "G|")) and not (
                s > 0 and self.sdoc[s - 1].lower_ in LOCATIVE | {"from", "to"}):
            return "K|" + text  # "Uyghurs", "the Alawite minority": a community, not a person ("in Rakhine" is a place)
        if label not in ("E|PERSON", "E|ORG"):
            return label
        toks = list(self.sdoc[s:e])
        adjective = next((t for t in toks if any(x.kind == "adjective" for x in self.kb.forms.get(t.text, ()))), None)
        if adjective is not None:
            words = {t.lower_ for t in toks}
            plural_people = label == "E|PERSON" and toks[-1].tag_ in ("NNPS", "NNS")
            bare_org = label == "E|ORG" and not (words & set(_sector_words())) and len(toks) <= 3
            if plural_people or bare_org:
                return "F|" + adjective.text
        if label == "E|ORG" and self.lone_name_acts_as_person(s, e):
            return "E|PERSON"
        if label == "E|ORG" and len(toks) in (2, 3) and all(t.is_title for t in toks) and s > 0 \
                and self.sdoc[s - 1].is_lower and self.sdoc[s - 1].pos_ == "NOUN" \
                and (self.sdoc[s - 1].lower_ in self.kb.roles or names_a_person(self.sdoc[s - 1].lower_)) \
                and not any(t.lower_ in _sector_words() for t in toks) and not self._org_in(s, e):
            return "E|PERSON"  # "journalist Fisayo Soyombo": a name right after a word for a person is a person
        if label == "E|ORG" and len(toks) in (2, 3) and all(t.is_title for t in toks) and toks[0].text in _given_names() \
                and not any(t.lower_ in _sector_words() for t in toks) and not self._org_in(s, e):
            return "E|PERSON"
        return label

    def short_form(self, s: int, e: int) -> bool:
        """One word that begins the two-word name of an institution met earlier ("State" after "the State
        Department", "Justice" after "the Justice Department") is that institution, not a person. True when so:
        the word becomes a mention of that institution once the institutions are resolved (run)."""
        if e - s != 1 or not self.sdoc[s].is_title:
            return False
        word = self.sdoc[s].text
        for a, b, label in self.spans:
            if b > s:
                break
            if self.sdoc[a].lower_ == "the":
                a += 1
            if b - a == 2 and self.sdoc[a].text == word and not label.startswith(("E|PERSON", "L|")):
                self.short_forms.append((s, a))
                return True
        return False

    def lone_name_acts_as_person(self, s: int, e: int) -> bool:
        """One capitalised word the tagger calls an organisation but no list knows, that speaks ("Okafor said",
        "Okafor told reporters") or follows a word for a person ("lawyer Okafor", "student Ada"): a surname
        or given name of someone the passage introduced earlier or elsewhere."""
        if e - s != 1:
            return False
        tok = self.sdoc[s]
        if not (tok.is_title and tok.is_alpha and len(tok.text) > 2) or self.known_actor_name(tok.text) \
                or tok.lower_ in self.kb.roles or tok.lower_ in HONORIFICS \
                or self.kb.forms.get(tok.text) or tok.lower_ in _sector_words() or kbmod.phoenix_place(tok.text):
            return False
        speaks = tok.dep_ == "nsubj" and tok.head.lemma_ in _speech_lemmas()
        prev = self.sdoc[s - 1] if s > 0 else None
        introduced = prev is not None and prev.is_lower and prev.pos_ == "NOUN" and (
            prev.lower_ in self.kb.roles or kbmod.agent(prev.lower_) is not None) and prev.lower_ not in _sector_words()
        return speaks or introduced

    # ------------------------------------------------------------ organisations
    def org_from_entity(self, s: int, e: int) -> Optional[Actor]:
        span = self.sdoc[s:e]
        text = span.text
        left = self.doc.text[max(0, span.start_char - 40):span.start_char]
        code = self._country_in(s, e)
        words = [t.lower_ for t in span]
        sector = None
        for w in reversed(words):
            if w in _sector_words():
                sector = _sector_words()[w]
                break
        typ = "ORG"
        owner = next((x for k in range(s + 1, e) if self.sdoc[k].text in POSSESSIVE
                      for x in self.kb.forms.get(self.sdoc[s:k].text, ()) if x.kind == "org"), None)
        if owner is None and s >= 2 and self.sdoc[s - 1].text in POSSESSIVE:
            # "VOA's Mandarin Service": the possessor named just before the name
            owner = next((x for j in range(max(0, s - 5), s - 1) for x in self.kb.forms.get(self.sdoc[j:s - 1].text, ())
                          if x.kind == "org"), None)
        if owner is None:
            # "United Nations Emergency Relief Coordinator", "UN Human Rights Council": a body whose name begins
            # with an international organisation's is part of it
            owner = next((x for k in range(e - 1, s, -1) for x in self.kb.forms.get(self.sdoc[s:k].text, ())
                          if x.kind == "org" and (x.type == "IGO" or x.sector == "igo")), None)
        if owner is not None:
            # "VOA's Russian Service": a part of a known organisation is of its country, type and sector
            code = owner.country
            typ = owner.type if owner.type in ("MEDIA", "IGO", "PARTY", "REBEL") else typ
            sector = owner.sector or sector
        ph = kbmod.phoenix_org(text, self.date)
        if ph is not None:
            typ, sector, code = ph.type, ph.sector or sector, code or ph.country
        if MEDIA_CONTEXT.search(left) and sector in (None, "media", "business"):
            typ, sector = "MEDIA", "media"
        outlet = self.outlet_noun_before(s) if ph is None else None
        if outlet is not None:
            # "Afghan broadcaster TOLOnews", "the Kenyan newspaper Daily Nation": a news outlet of that country
            typ, sector = "MEDIA", "media"
            code = code or self._country_in(max(0, outlet - 3), outlet)
        if code is None and s >= 2 and self.sdoc[s - 1].text in POSSESSIVE:
            code = self.kb.country_of(self.sdoc[s - 2].text)  # "Afghanistan's Ministry of Foreign Affairs"
        if code is None and e < len(self.sdoc) and self.sdoc[e].lower_ in ("in", "of") and ph is None and typ != "IGO":
            # "International Christian University in Tokyo": an institution where it is
            code = self._country_phrase(e + 1, min(len(self.sdoc), e + 4))
        if code is None and sector in STATE_SECTORS and ph is None:
            # a state body named without its country ("the Foreign Ministry"): the country of its context, but
            # not of a place the sentence names (a ministry speaks about places abroad)
            code = self.context_country(s, e, places=False)
        actor = self.new_actor("O|" + text.lower() + "|" + (code or ""), name=text, type=typ, country=code, sector=sector)
        self.named_orgs.add(actor.id)
        if ph is not None:
            self.org_codes.setdefault(actor.id, ph.code)
        self.add_mention(span.start_char, span.end_char, "org", actor)
        return actor

    def outlet_noun_before(self, s: int) -> Optional[int]:
        """The first token of a news-outlet noun right before token s ("broadcaster", "TV channel"), else None."""
        for n in (2, 1):
            k = s - n
            if k >= 0 and self.sdoc[k:s].text.lower() in _outlet_nouns():
                return k
        return None

    def outlets(self) -> None:
        """A capitalised name right after a news-outlet noun that no actor holds yet, missed by the tagger or taken
        for a place or a people ("Afghan broadcaster TOLOnews", "broadcaster JoyNews")."""
        sdoc = self.sdoc
        for t in sdoc:
            if not (t.text[:1].isupper() or t.is_upper) or t.ent_type_ in ("PERSON", "DATE", "TIME") \
                    or t.i == t.sent.start or self.outlet_noun_before(t.i) is None:
                continue
            if any(m.start <= t.idx < m.end for m in self.mentions):
                continue
            e = t.i + 1
            while e < len(sdoc) and e - t.i < 4 and (sdoc[e].text[:1].isupper() or sdoc[e].like_num) \
                    and sdoc[e].ent_type_ not in ("PERSON", "DATE", "TIME") and not any(m.start <= sdoc[e].idx < m.end
                                                                                        for m in self.mentions):
                e += 1
            self.org_from_entity(t.i, e)

    def org_persons(self) -> None:
        """"the NATO chief", "the U.N. investigator", "the Hamas leader": a noun for one person right after an
        organisation's name (with "the" before it) is a person of that organisation, not the organisation (which
        stays mentioned inside): the last person whose title named it, else the one undescribed person named just
        before (salient_unroled), else a person the text does not name, of its country and sector."""
        sdoc = self.sdoc
        for m in list(self.mentions):
            org = m.actor
            if org.type not in ("IGO", "ORG", "REBEL", "PARTY", "MEDIA") or org.id not in self.named_orgs:
                continue
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            n = span.end if span is not None else len(sdoc)
            if n >= len(sdoc) or n in self.consumed or not self._person_noun(sdoc[n]):
                continue
            det = span.start if sdoc[span.start].lower_ == "the" else span.start - 1
            if det < 0 or sdoc[det].lower_ != "the" or any(x.start <= sdoc[n].idx < x.end for x in self.mentions):
                continue
            start, end = sdoc[det].idx, sdoc[n].idx + len(sdoc[n].text)
            noun = sdoc[n].lower_
            sector = org.sector or (kbmod.agent(noun) or ("",))[0] or None
            before = [x.actor for x in reversed(self.mentions) if x.actor.type == "PERSON" and x.end <= start
                      and x.actor.id not in self.nameless]
            code = self.org_entry_of.get(org.id)
            person = next((p for p in before if code and self.affiliated.get(p.id) == code), None)
            if person is None:
                person = self.salient_unroled(det, start, sector, org.country, noun)
                if person is not None:
                    self.take_description(person, noun, sector, org.country)
                    if code:
                        self.affiliated[person.id] = code  # "the Taliban chief" again is the same person
            if person is None:
                person = self.new_actor(f"R|{code or org.id}|{noun}", name=f"{org.name} {noun}", type="PERSON",
                                        country=org.country, sector=sector, role=noun)
                self.nameless.add(person.id)
                self.described.add(person.id)
            self.add_mention(start, end, "role", person)
            self.consumed.add(n)

    def _person_noun(self, tok) -> bool:
        """A common noun for one person standing alone, not a title before a name ("NATO chief Mark Rutte") nor a
        modifier of another noun ("the U.N. member states")."""
        sdoc = self.sdoc
        nxt = sdoc[tok.i + 1] if tok.i + 1 < len(sdoc) else None
        return tok.pos_ == "NOUN" and tok.is_lower and tok.tag_ == "NN" and names_a_person(tok.text) \
            and not (nxt is not None and (nxt.pos_ in ("PROPN", "NOUN") or nxt.i in self.name_tokens))

    def people_of(self, s: int, e: int, entry: kbmod.Entry) -> bool:
        """A bare plural demonym ("Malaysians", not "the Malaysians") names a country's people."""
        last = self.sdoc[e - 1]
        return entry.kind == "adjective" and last.text.endswith("s") and last.tag_ in ("NNPS", "NNS") \
            and not (s > 0 and self.sdoc[s - 1].lower_ in ("the", "those", "these"))

    def residence(self, s: int, e: int, kin: str):
        """Where a people named by a plural demonym [s, e) lives when it is not its kin state: a country after "of"
        ("the Albanians of southern Serbia") or, for an ethnic group ("ethnic Turks"), after "in" or where the
        sentence places things, else the article's country other than the kin state (None: not known). False
        when nothing says the people is a community abroad."""
        sdoc = self.sdoc
        ethnic = s > 0 and sdoc[s - 1].lower_ == "ethnic"
        if e < len(sdoc) and (sdoc[e].lower_ == "of" or ethnic and sdoc[e].lower_ in LOCATIVE):
            obj = next((c for c in sdoc[e].children if c.dep_ == "pobj"), None)
            # the place itself, not a word on it: "the Israeli-occupied West Bank" is the West Bank
            words = sorted(t.i for t in obj.subtree if t.i == obj.i or t.dep_ == "compound") if obj is not None else []
            code = self._country_phrase(words[0], words[-1] + 1) if words else None
            if code == kin:
                return False  # "the Palestinians of the West Bank": at home
            if code:
                return code
        if not ethnic:
            return False
        code = self.located_country(s) or self.main_country()
        return code if code != kin else None

    # ------------------------------------------------------- context countries
    def dateline_country(self) -> Optional[str]:
        """The country of the dateline ("TAIPEI", "DENPASAR, Indonesia", "ISLAMABAD/PENTAGON")."""
        line = (self.doc.dateline or "").strip()
        # "NEW YORK (AP) —", "KYIV, Ukraine (Reuters) -": the news agency and the dash are no place
        line = re.sub(r"\([^)]*\)", " ", line).strip(" \t—–-:")
        if not line:
            return None
        parts = [p.strip() for p in re.split(r"[,/;]| and ", line) if p.strip()]
        for p in reversed(parts):  # "DENPASAR, Indonesia": the country named last
            code = self.kb.country_of(p) or self.kb.country_of(p.title())
            if code:
                return code
        for p in parts:
            code = kbmod.phoenix_place(p.title()) or kbmod.phoenix_place(p)
            if code:
                return code
        return None

    def counterparts(self, person: Actor) -> set[str]:
        """For a head of state or government, the countries written on the other heads ("South African leader X")
        of the sentences that name him: two heads in one sentence lead two countries. For any other office, the
        countries written on his counterparts in his sentences ("National Security Adviser X spoke with his Israeli
        counterpart Y"): a counterpart holds the same office in another country (two senators of one sentence may
        well serve one)."""
        if not person.role:
            return set()
        head = self._rank(person.role) >= 3
        office = self._canon(person.role)
        spans = self.sentences_of(person)
        return {m.actor.country for m in self.mentions if m.actor.type == "PERSON" and m.actor is not person
                and m.actor.country and m.actor.id in self.described
                and ((self._rank(m.actor.role) >= 3 or self._canon(m.actor.role) == "leader") if head
                     else m.actor.id in self.counterpart and self._canon(m.actor.role) == office)
                and any(a <= m.start < b for a, b in spans)}

    def main_country(self, without: tuple[tuple[int, int], ...] = (), exclude: frozenset[str] | set[str] = frozenset()
                     ) -> Optional[str]:
        """The article's country: the dateline's, else the country named most often (first named on a tie);
        with ``without`` (character spans), only among the countries also named outside those spans; never one of
        ``exclude``."""
        code = self.dateline_country()
        if code:
            return code

        def out(char: int) -> bool:
            return not any(s <= char < e for s, e in without)
        counts: dict[str, int] = {}
        for m in self.mentions:  # every mention of an actor of a known country counts
            if m.actor.country in self.kb.countries:
                counts[m.actor.country] = counts.get(m.actor.country, 0) + 1
        for _, c in self.places:
            counts[c] = counts.get(c, 0) + 0  # places count on a tie only after countries
        if without:  # only a country the text also names away from the spans ``without`` can be its country
            elsewhere = {m.actor.country for m in self.mentions if out(m.start)} | \
                {c for i, c in self.places if out(self.sdoc[i].idx)}
            counts = {c: n for c, n in counts.items() if c in elsewhere}
        counts = {c: n for c, n in counts.items() if c not in exclude}
        if not counts:
            return None
        best = max(counts.values())
        for m in self.mentions:
            if counts.get(m.actor.country) == best:
                return m.actor.country
        return next(iter(counts))

    def described_country(self, actor: Actor) -> Optional[str]:
        """The country written on a person: in the words of his own noun phrase ("Philippine Coast Guard
        spokesperson X", "the governor of Herat province, X", "X, a co-author from the University of Witwatersrand
        in South Africa") or of what the text says he is ("he is a Chilean engineer"), not in the clause around it
        nor in a relative clause about him."""
        sdoc = self.sdoc
        for m in self.mentions:
            if m.actor is not actor or m.kind not in ("name", "surname", "role", "pronoun"):
                continue
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            heads = [root] if m.kind != "pronoun" else []
            if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") and m.kind != "pronoun":
                heads.append(root.head)  # "the governor of Herat province, Farid Hakimi"
            if root.dep_ == "nsubj" and root.head.lemma_ == "be":
                # what the text says he is: "He is one of thousands of Chinese nationals who moved to Japan"
                heads += [c for c in root.head.children if c.dep_ == "attr"]
            if not heads:
                continue
            words: set[int] = set()
            for h in heads:
                words |= {t.i for t in h.subtree}
            for h in heads:
                for c in h.subtree:
                    if c.i != h.i and (c.dep_ in ("relcl", "acl") or (c.dep_ == "appos" and c.head is h and c not in heads
                                                         and c.pos_ == "PROPN" and c.i not in self.country_tokens)):
                        # a clause about him ("a woman living in Kenya"), another named person
                        words -= {t.i for t in c.subtree}
            words -= set(range(span.start, span.end))
            for a, b in named_spans(words):
                code = self._country_phrase(a, b)
                if code:
                    return code
        return None

    def placed_country(self, actor: Actor) -> Optional[str]:
        """The country a sentence that names a person places things in ("was arrested near Gonaives in Haiti")."""
        for start, _ in sorted(actor.mentions):
            span = self.sdoc.char_span(start, start + 1, alignment_mode="expand")
            code = self.located_country(span.start) if span is not None else None
            if code:
                return code
        return None

    def sentences_of(self, actor: Actor) -> tuple[tuple[int, int], ...]:
        """The character spans of the sentences that mention an actor."""
        spans = set()
        for m in self.mentions:
            if m.actor is actor:
                sent = self.sdoc.char_span(m.start, m.end, alignment_mode="expand").sent
                spans.add((sent.start_char, sent.end_char))
        return tuple(sorted(spans))

    def _country_phrase(self, i: int, j: int) -> Optional[str]:
        for a in range(i, j):
            for b in range(min(j, a + 4), a, -1):
                t = self.sdoc[a:b].text
                code = self.kb.country_of(t) or kbmod.phoenix_place(t)
                if code:
                    return self.place_country(a, t, code)
        return None

    def context_country(self, s: int, e: int, left: Optional[int] = None, places: bool = True,
                        sector: Optional[str] = None) -> Optional[str]:
        """The country of a generic agent or state body at tokens [s, e): a nationality adjective or country
        before it, an of-phrase after it, a place in the sentence (a place after "in"/"at" first, else the
        nearest), the dateline, or the article's main country, in that order. A state agent in what a state
        body of a known country says ("the Kenyan army said two soldiers died") is of that body's country
        before any place."""
        sdoc = self.sdoc
        kin = None
        if left is not None and left < s:
            led = self._leader_before(s)
            if led:
                return led  # "the Trump administration", "Modi's government": the leader's country
            # a nationality or country before it, or a place the lists know ("Darfur rebels", "Quetta police")
            code = self._country_in(left, s) or self._country_phrase(left, s)
            if code and any(t.lower_ == "ethnic" for t in sdoc[max(0, left - 1):s]):
                kin = code  # "ethnic Albanian guerrillas operating in Macedonia": where they are, not their kin state
            elif code:
                return code
        if e < len(sdoc) and sdoc[e].lower_ == "of":
            code = self._country_phrase(e + 1, min(len(sdoc), e + 5))
            if code:
                return code
        if e < len(sdoc) and sdoc[e].lower_ in LOCATIVE:
            k = e + 1
            while k < len(sdoc) and sdoc[k].lower_ in DIRECTIONS:
                k += 1
            code = self._country_phrase(k, min(len(sdoc), k + 4))
            if code:
                return code
        if sector in STATE_SECTORS:
            code = self._speaker_country(s)
            if code:
                return code
        sent = sdoc[s].sent
        if not places:
            # a person the sentence names in a state office of a known country ("..., spokesperson Mao Ning said")
            speakers = [m.actor.country for m in self.mentions if m.actor.type == "PERSON" and m.actor.country
                        and m.actor.sector in STATE_SECTORS and sent.start_char <= m.start < sent.end_char]
            return speakers[0] if speakers else self.main_country()

        code = self.located_country(s) or self.main_country()
        if code == kin:
            return None
        if sector == "civilians" and code in self._attacker_countries(s):
            # "Israeli strikes killed 30 people": the attacker's country is not the victims'; the place the attack
            # fell on is ("Israeli strikes on Gaza", "Russian drone attacks on Ukraine")
            return self._attacked_place(s)
        return code

    def _attacked_place(self, s: int) -> Optional[str]:
        """The country of what an attack in the sentence of token ``s`` was on ("strikes on Gaza")."""
        for t in self.sdoc[s].sent:
            if t.lower_ in _attack_nouns():
                for p in t.children:
                    if p.dep_ == "prep" and p.lower_ in ("on", "against"):
                        obj = next((c for c in p.children if c.dep_ == "pobj"), None)
                        code = self._country_phrase(obj.left_edge.i, obj.i + 1) if obj is not None else None
                        if code and code not in self._attacker_countries(s):
                            return code
        return None

    def _attacker_countries(self, s: int) -> set[str]:
        """The countries written as the nationality of an attack or its weapons in the sentence of token ``s``
        ("Israeli strikes", "Turkish air strikes", "Russian shelling", "Saudi-led raids")."""
        found = set()
        for t in self.sdoc[s].sent:
            if t.dep_ not in ("amod", "compound", "nmod", "poss", "npadvmod") or t.i == t.head.i:
                continue
            head = t.head
            while head.dep_ == "amod" and head.head.i != head.i and head.i < head.head.i:
                head = head.head  # "Saudi-led air strikes", "Israeli-led"
            compound = " ".join(c.lower_ for c in head.lefts if c.dep_ == "compound" and c.i > t.i)
            if head.lower_ not in _attack_nouns() and f"{compound} {head.lower_}".strip() not in _attack_nouns():
                continue
            # a nationality ("Israeli strikes", "Saudi-led raids") or a country in the possessive ("Russia's
            # missiles") is the attacker; a city or country as a plain modifier is where it was ("the Kabul attack")
            word = t.text if "-" not in t.text or t.dep_ == "poss" else t.text.split("-")[0]
            kinds = {x.kind for x in self.kb.forms.get(word, ())}
            code = self.kb.country_of(t.text if t.dep_ == "poss" else word)
            if code and ("adjective" in kinds or t.dep_ == "poss" and t.text not in ("its", "their")):
                found.add(code)
        return found

    def _speaker_country(self, s: int) -> Optional[str]:
        """The country of the state body or official whose words token s stands in: the subject of the speech verb
        whose reported clause holds it ("Australia's foreign ministry said consular officials were helping")."""
        sdoc = self.sdoc
        tok, verb = sdoc[s], None
        while tok.head.i != tok.i:
            if tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_ in _speech_lemmas():
                verb = tok.head
                break
            tok = tok.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if subject is None:
            return None
        head = sdoc[subject.i].idx  # once, not a Token per mention tested
        lo, hi = sdoc[subject.left_edge.i].idx, head + len(sdoc[subject.i].text)
        speaker = next((m.actor for m in self.mentions if lo <= m.start and m.end <= hi and m.actor.type != "COUNTRY"
                        and head < m.end), None)
        return speaker.country if speaker is not None and speaker.sector in STATE_SECTORS else None

    def located_country(self, s: int) -> Optional[str]:
        """The country of the place the sentence of token ``s`` puts something in ("in Quetta", "at the border of
        Chad", "in Haiti"), the nearest to ``s``; a country it merely names ("against Nigeria") is none."""
        sdoc = self.sdoc
        sent = sdoc[s].sent

        def located(i: int) -> bool:  # a place where something is: "in Quetta", "at the border of Chad"
            head = sdoc[i].head
            if sdoc[i].dep_ in ("amod", "compound") and head.i != i and head.lower_ in _attack_nouns():
                return False  # "died in Turkish air strikes": the attacker's nationality, not a place
            below = sdoc[i]
            while head.dep_ in ("compound", "amod", "pobj", "conj") and head.i != head.head.i and head.pos_ != "ADP":
                below, head = head, head.head
            # "on Afghan soil", "on Pakistani territory": "on" a place word is where something is too
            return head.pos_ == "ADP" and (head.lower_ in LOCATIVE or (
                head.lower_ == "on" and below.i != i and below.lower_ in GROUND))

        near = [(abs(i - s), c) for i, c in self.places if sent.start <= i < sent.end and located(i)]
        for m in self.mentions:
            if m.actor.type == "COUNTRY" and m.actor.country and sent.start_char <= m.start < sent.end_char:
                i = sdoc.char_span(m.start, m.end, alignment_mode="expand").start
                if located(i):
                    near.append((abs(i - s), m.actor.country))
        return min(near)[1] if near else None

    # ---------------------------------------------------------- generic agents
    def agents(self) -> None:
        """Generic agents ("police", "prosecutors", "government forces", "rebels") as actors of a country and
        sector (data/phoenix_agents.tsv). Institutions and groups of people only: a single person named by
        a noun ("the judge") is a role description, not an agent."""
        sdoc = self.sdoc
        matches = sorted(_agent_matcher(sdoc.vocab, kbmod.phoenix_enabled())(sdoc), key=lambda m: (m[1], -(m[2] - m[1])))
        covered = [(m.start, m.end) for m in self.mentions]
        last = -1
        for _, s, e in matches:
            while s < e - 1 and sdoc[s].lower_ in ("the", "a", "an"):
                s += 1  # "the court" is listed as it is
            if s < last:
                continue
            toks = sdoc[s:e]
            head = sdoc[e - 1]
            lower = all(t.is_lower or (t.i == t.sent.start and t.is_title) for t in toks)
            unit = head.dep_ == "compound" and head.head.lower_ in _agent_units()  # "a police patrol"
            if not lower or head.pos_ not in ("NOUN", "PROPN") or (head.dep_ == "compound" and not unit):
                continue
            if any(i in self.name_tokens or i in self.consumed for i in range(s, e)):
                continue
            if any(a < toks.end_char and toks.start_char < b for a, b in covered):
                continue
            found = kbmod.agent(toks.text)
            if found is None:
                continue
            sector, _code = found
            if not sector:
                last = e  # listed as not an agent: its words are not agents either
                continue
            if toks.text.lower() in _outlet_nouns() and e < len(sdoc) and any(
                    m.start == sdoc[e].idx and m.actor.type == "MEDIA" for m in self.mentions):
                last = e  # "the Kenyan newspaper Daily Nation": the noun describes the outlet named after it
                continue
            words = _sector_words()
            institution = head.lower_ in words or head.lemma_ in words
            plural = head.tag_ in ("NNS", "NNPS") or (head.lower_.endswith("s") and kbmod.agent(head.lower_[:-1]) is not None)
            if not (institution or plural) or (toks.text.lower() in self.kb.roles and not plural):
                if not (institution or plural):
                    self._person_noun_description(s, e, toks, sector)
                continue
            last = e
            if toks[0].lower_ in ("members", "member") and institution:
                institution = False  # "members of parliament" are people, not the parliament
            if not institution:
                sector = self._members_of(e) or sector
            typ = "REBEL" if sector == "rebels" else "GROUP" if not institution else \
                {"party": "PARTY", "media": "MEDIA"}.get(sector, "ORG")  # "the ruling party", "state media"
            left = min((head.head if unit else head).left_edge.i, s)  # "an Indian navy contingent": the unit's modifiers
            while left < s and sdoc[left].lower_ in ("the", "a", "an", "some", "two", "three", "several", "many"):
                left += 1
            if any(t.lower_ in ("and", "or", ",") for t in sdoc[left:s]) and self._country_in(left, s):
                continue  # "South Korean and Japanese officials": officials of several countries are no one actor
            if e < len(sdoc) and sdoc[e].lower_ == "of" and len({self._country_phrase(k, k + 1) for k in
                                                                 range(e + 1, min(len(sdoc), e + 8))} - {None}) > 1:
                continue  # "foreign ministers of Japan, China and South Korea"
            if toks.text.lower() in kbmod.agents_abroad():
                # "diplomats in Vienna" are not Austrian: a nationality or an of-phrase, or no actor at all
                code = self._country_in(left, s) if left < s else None
                if code is None and e < len(sdoc) and sdoc[e].lower_ == "of":
                    code = self._country_phrase(e + 1, min(len(sdoc), e + 5))
                if code is None:
                    continue
            else:
                code = self.context_country(s, e, left, sector=sector)
            start = s
            if left < s and self._adjective_in(left, s):
                # "Pakistani officials", "Indian navy": the nationality adjective belongs to the agent (a country
                # named in full or in the possessive, "Russia's courts", stays a mention of the country)
                start = left
                lo, hi = sdoc[left].idx, toks.start_char
                self.mentions = [m for m in self.mentions if not (m.actor.type == "COUNTRY" and lo <= m.start and m.end <= hi)]
                for a in self.actors:
                    a.mentions = [(ms, me) for ms, me in a.mentions if not (a.type == "COUNTRY" and lo <= ms and me <= hi)]
            if head.lower_ in STATE_NOUNS and code and e - s == 1:
                # "the Thai government" is the state
                self.add_mention(sdoc[start].idx, toks.end_char, "country", self.country_actor(code))
                continue
            definite = start == s and start and sdoc[start - 1].lower_ == "the"
            same = self._same_group(toks) if definite and plural else \
                self._same_institution(toks) if definite and institution else None
            if same is not None:
                self.add_mention(toks.start_char, toks.end_char, "agent", same)
                continue
            named = self.named_org_for(start, toks.start_char, sector, code, sdoc[start - 1].lower_ == "the" if start else False)
            if named is not None:
                # "WHO officials", "Hamas fighters": the organisation's people; "the militants" after Hezbollah
                self.add_mention(toks.start_char, toks.end_char, "agent", named)
                continue
            # one actor per country, sector and type whatever the noun ("militants", "terrorists", "fighters"),
            # named readably: "Pakistani militants", "Kenyan police"
            label = agent_label(sector, typ) or toks.text.lower()
            name = f"{self.demonym(code)} {label}" if code else label
            key = f"A|{code}|{sector}|{typ}"
            actor = self.new_actor(key, name=name, type=typ, country=code, sector=sector)
            self.add_mention(sdoc[start].idx, toks.end_char, "agent", actor)

    def _person_noun_description(self, s: int, e: int, toks, sector: str) -> None:
        """"the judge", "the French politician": one person, named before or not at all (decided in
        role_descriptions); a nationality between the article and the noun is that person's country."""
        sdoc = self.sdoc
        k, written = s - 1, None
        while k >= 0 and s - k <= 3 and sdoc[k].pos_ in ("ADJ", "PROPN") and (
                self.kb.country_of(sdoc[k].text) or sdoc[k].pos_ == "ADJ" and k not in self.name_tokens):
            written = written or self.kb.country_of(sdoc[k].text)
            k -= 1
        if k >= 0 and sdoc[k].lower_ == "the" and sdoc[e - 1].tag_ == "NN" \
                and names_a_person(toks.text) and not (e < len(sdoc) and sdoc[e].pos_ == "NOUN") \
                and toks.text.lower() not in self.kb.roles and sector not in ("civilians",) \
                and not (e < len(sdoc) and (sdoc[e].pos_ == "PROPN" or sdoc[e].text == "," and e + 1 < len(sdoc)
                                            and (sdoc[e + 1].pos_ == "PROPN" or e + 1 in self.name_tokens))):
            # (not a title or an apposition of a name: "the journalist, Jane Doe,"; "the journalist, who" is one;
            # nor a modifier of another noun: "the fighter jet")
            if written:
                lo, hi = sdoc[k].idx, toks.start_char
                self.mentions = [m for m in self.mentions if not (m.actor.type == "COUNTRY" and lo <= m.start and m.end <= hi)]
                for a in self.actors:
                    a.mentions = [(ms, me) for ms, me in a.mentions if not (a.type == "COUNTRY" and lo <= ms and me <= hi)]
            self.pending_roles.append((k + 1, e, toks.text.lower(), sector, toks.text.lower(), sdoc[k].idx, True, written))

    def _same_group(self, toks) -> Optional[Actor]:
        """'Two U.S. defense officials told VOA ... The officials said': the same people again (the last group
        named with the same head noun)."""
        head = toks[-1].lower_
        return next((m.actor for m in reversed(self.mentions) if m.kind == "agent" and m.end <= toks.start_char
                     and m.actor.type in ("GROUP", "REBEL") and self.doc.text[m.start:m.end].split()[-1].lower() == head), None)

    def _same_institution(self, toks) -> Optional[Actor]:
        """"Australia's foreign ministry said ... The ministry declined to comment": a definite institution noun
        with no country of its own is the last institution named with that noun in the previous two sentences
        (an agent or a named body: "the Ministry of Foreign Affairs ... the ministry")."""
        head = toks[-1].lower_
        sents = list(self.sdoc.sents)
        k = next(i for i, st in enumerate(sents) if st.start <= toks.start < st.end)
        lo = sents[max(0, k - 2)].start_char
        return next((m.actor for m in reversed(self.mentions) if lo <= m.start and m.end <= toks.start_char
                     and m.actor.type in ("ORG", "MEDIA", "PARTY") and m.kind in ("agent", "org")
                     and head in self.doc.text[m.start:m.end].lower().split()), None)

    def _members_of(self, e: int) -> Optional[str]:
        """'officials of the ruling party', 'fighters from the rebel group': the sector of the party or group the
        people belong to."""
        sdoc = self.sdoc
        if e >= len(sdoc) or sdoc[e].lower_ not in ("from", "of"):
            return None
        j = e + 1 + (e + 1 < len(sdoc) and sdoc[e + 1].lower_ == "the")
        side = next((found for n in (2, 1) if j + n <= len(sdoc) for found in [kbmod.agent(sdoc[j:j + n].text)] if found), None)
        return side[0] if side and side[0] in ("opposition", "party", "rebels", "criminal") else None

    def named_org_for(self, start: int, char: int, sector: str, code: Optional[str], definite: bool) -> Optional[Actor]:
        """The organisation a generic agent belongs to: one named just before the noun ("WHO officials", "Hamas
        fighters", "the U.N.'s envoys"), or, for a definite agent with no nationality ("the militants", "the army"),
        the last organisation named of that sector and country."""
        text = self.doc.text
        for m in reversed(self.mentions):
            if m.end <= char and m.actor.id in self.named_orgs and text[m.end:char].strip() in ("", "'s", "’s"):
                return m.actor
            if m.end <= char:
                break
        if not definite or self.sdoc[start].i != start:
            return None
        for m in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            a = m.actor
            if m.end <= char and a.id in self.named_orgs and a.sector == sector and (code is None or a.country in (code, None)):
                return a
        return None

    def demonym(self, code: str) -> str:
        """The adjective of a country ("Pakistani"), else its name."""
        row = self.kb.countries.get(code) or {}
        adjectives = [a for a in (row.get("adjectives") or "").split("|") if a.strip()]
        return adjectives[0].strip() if adjectives else (self.kb.country_name(code) or code)

    # ------------------------------------------------------------ anaphors
    def anaphors(self) -> None:
        """"the bloc", "the country", "the party", "the Iran-backed group": the last actor named of a fitting type
        (of the country a nationality among the modifiers names: "the Palestinian militant group")."""
        sdoc = self.sdoc
        table_ = _anaphors()
        for t in sdoc:
            if t.lower_ not in ("the", "this") or t.i + 1 >= len(sdoc):
                continue
            done = False
            for k in range(t.i + 1, min(len(sdoc), t.i + 5)):
                if done:
                    break
                if k > t.i + 1 and not self._modifier(sdoc[k - 1]):
                    break
                for n in (2, 1):
                    j = k + n
                    if j > len(sdoc):
                        continue
                    phrase = sdoc[k:j].text.lower()
                    types = table_.get(phrase)
                    if types is None or sdoc[j - 1].pos_ not in ("NOUN",) or (j < len(sdoc) and sdoc[j].pos_ in ("NOUN", "PROPN")):
                        continue
                    done = True
                    mods = range(t.i + 1, k)
                    nationality = next((self.kb.country_of(sdoc[i].text) for i in mods if self.kb.country_of(sdoc[i].text)
                                        and not (i + 1 < len(sdoc) and sdoc[i + 1].text == "-")), None)
                    if any((i in self.name_tokens and i not in self.country_tokens) or i in self.consumed for i in range(t.i, j)):
                        break
                    end = sdoc[j - 1].idx + len(sdoc[j - 1])
                    if any(m.start < end and sdoc[t.i].idx < m.end and m.actor.type != "COUNTRY" for m in self.mentions) or \
                            any(sdoc[k].idx <= m.start < end for m in self.mentions):
                        break
                    before = [m for m in self.mentions if m.end <= t.idx and m.actor.type in types
                              and (nationality is None or m.actor.country == nationality)]
                    if not before:
                        break
                    # an actor whose name has the noun ("the court": the International Court of Justice) first,
                    # then by the order of the types ("the bloc": an IGO before a group of countries), latest first
                    named = [m for m in before if phrase in m.actor.name.lower()]
                    if not named and phrase in _named_anaphors():
                        break  # "the court" with no court named: the generic agent (the country's courts)
                    pool = named or before
                    rank = {typ: r for r, typ in enumerate(types)}
                    actor = min(pool, key=lambda m: (rank[m.actor.type], -m.start)).actor
                    self.add_mention(t.idx, end, "role", actor)
                    self.consumed.update(range(t.i, j))
                    break

    def _modifier_sector(self, i: int, rs: int) -> Optional[str]:
        """The sector of a state agent noun qualifying a role ("army spokesperson", "navy commander")."""
        if rs - 1 < max(i, 0):
            return None
        t = self.sdoc[rs - 1]  # the noun right before the role
        found = kbmod.agent(t.lower_) if t.pos_ == "NOUN" and t.is_lower and t.lower_ not in self.kb.roles \
            and t.lower_ not in RANK_WORDS else None
        return found[0] if found and found[0] in STATE_SECTORS else None

    @staticmethod
    def _modifier(tok) -> bool:
        """A word between "the" and its noun: "Iran-backed", "militant", "27-nation", "Palestinian"."""
        return tok.pos_ in ("ADJ", "NUM", "PROPN", "VERB") or tok.text in ("-", "–") or \
            (tok.pos_ == "NOUN" and tok.dep_ in ("compound", "amod", "nmod"))

    # -------------------------------------------------------- role descriptions
    def role_reference(self, rs: int, re_: int, phrase: str) -> Optional[Actor]:
        """'the foreign minister', 'the Russian chancellor', "Russia's top diplomat" with no name after."""
        sdoc = self.sdoc
        if self._title_of_name_after(re_):
            return None
        i = rs
        code = None
        while i > 0 and s_ok(sdoc[i - 1]) and rs - i < 5 and sdoc[i - 1].lower_ not in ("the", "this", "that"):
            c = self.kb.country_of(sdoc[i - 1].text)
            if c:
                code = c
            elif sdoc[i - 1].text in POSSESSIVE and i >= 2:
                c = self.kb.country_of(sdoc[i - 2].text)
                if c:
                    code = c
                    i -= 1
            i -= 1
        det = sdoc[i - 1] if i > 0 else None
        written = code is not None  # the description itself names the country ("the Kenyan spokesperson")
        tail = re_
        if re_ < len(sdoc) and sdoc[re_].lower_ in ("of", "in", "from"):
            # "the foreign minister of Japan", "the leader of the opposition in Tanzania"
            c = self._country_phrase(re_ + 1, min(len(sdoc), re_ + 4))
            if c and not code:
                code, written = c, True
                tail = next(k for k in range(re_ + 2, min(len(sdoc), re_ + 4) + 1) if self._country_phrase(re_ + 1, k))
        if not (det is not None and det.lower_ in ("the", "this", "that") or code):
            return None
        role, sector, _ = self.kb.roles[phrase]
        igo = None if code or i >= rs else self._org_in(i, rs)
        if igo is not None and (igo.type == "IGO" or det is not None and det.lower_ in ("the", "this", "that")) \
                and not (re_ < len(sdoc) and sdoc[re_].pos_ == "NOUN"):  # "the EU envoy office" is no person
            return self._igo_official(i, rs, re_, det, igo, role, phrase)
        qualifier = [t.lower_ for t in sdoc[i:rs] if t.pos_ == "NOUN" and not self.kb.country_of(t.text)]
        # "the deputy governor" is not the governor, nor "the minister" a deputy minister
        deputy = any(t.lower_ in SUBORDINATE for t in sdoc[i:rs]) or bool(SUBORDINATE & set(phrase.split()))
        people = [m for m in self.mentions if m.actor.type == "PERSON" and m.end <= sdoc[rs].idx]
        seen, order = set(), []
        for m in reversed(people):
            if m.actor.id not in seen:
                seen.add(m.actor.id)
                order.append(m.actor)
        fits = [a for a in order if self._same_office(a, role, deputy) and (code is None or a.country in (None, code))]
        if qualifier:
            # "the gang leader", "the opposition leader": only a person the text gave that kind of role
            fits = [a for a in fits if a.role and all(q in a.role for q in qualifier)]
        elif not fits:
            fits = [a for a in order if a.role and self._covers(role, a, deputy) and (code is None or a.country == code)]
            if role == "chancellor" and len(fits) != 1:
                fits = []
        start = (det.idx if det is not None and det.lower_ in ("the", "this", "that") else sdoc[i].idx)
        after = sdoc[tail] if tail < len(sdoc) else None
        title_or_modifier = after is not None and (after.pos_ in ("NOUN", "PROPN") or after.is_title) \
            or sdoc[re_ - 1].pos_ not in ("NOUN", "PROPN")  # "German Chancellor Olaf Scholz", "the official news agency"
        # "the Kremlin's spokesman, Dmitry Peskov, said": the description of the name after it
        nxt = tail + 1
        while nxt < len(sdoc) and sdoc[nxt].lower_ in HONORIFICS | {"gen", "lt", "col", "maj", "adm", "gov", "gov."}:
            nxt += 1  # "Pakistan's army chief, Gen. Asim Munir"
        title_or_modifier = title_or_modifier or (after is not None and after.text in (",", "—", "-") and nxt < len(sdoc)
                                                  and (sdoc[nxt].ent_type_ == "PERSON" or nxt in self.name_tokens))
        former_desc = any(t.lower_ in ("former", "ex") for t in sdoc[i:rs])
        if not fits and former_desc and not title_or_modifier:
            # "Mark Rutte ... The former Dutch prime minister": a past office describes someone named with another
            holder = self.former_holder(rs, start, role, code)
            if holder is not None:
                if code and holder.country is None:
                    holder.country = code  # the nationality the past office writes (an international official's too)
                end = sdoc[tail - 1].idx + len(sdoc[tail - 1].text)
                self.add_mention(start, end, "role", holder)
                self.consumed.update(range(i, tail))
                return holder
        if not fits and written and not title_or_modifier:
            # no one named fits, but the description says who: "the Kenyan government spokesperson",
            # "Thailand's king" are a person of that country in that office, not the country
            # the description starts at its country word ("Old friends Malaysia's former prime minister" is not one)
            first = next((k for k in range(i, rs) if self.kb.country_of(sdoc[k].text)), i)
            if first > i:
                start = sdoc[first].idx
            # "Norway's king": the country in the possessive stays a mention of the country too
            i = first + 2 if first + 1 < rs and sdoc[first + 1].text in POSSESSIVE else first
            desc = sdoc[first:re_].text
            sector = self._modifier_sector(first, rs) or sector  # "the Pakistani army spokesperson": military
            if not self.kb.country_of(sdoc[first].text):
                desc = f"{self.demonym(code)} {desc}"  # "the prime minister of Albania": "Albanian prime minister"
            former = "former " if any(t.lower_ in ("former", "ex") for t in sdoc[first:rs]) else ""
            actor = self.new_actor(f"R|{code}|{role}|{_fold(desc)}", name=desc, type="PERSON", country=code,
                                   sector=sector, role=former + written_role(phrase, role))
            self.described.add(actor.id)
            self.nameless.add(actor.id)
            end = sdoc[tail - 1].idx + len(sdoc[tail - 1].text)
            self.add_mention(start, end, "role", actor)
            self.consumed.update(range(i, tail))
            return actor
        if not fits:
            if det is not None and det.lower_ == "the" and not title_or_modifier:
                # "the president", "the chief minister" with no one named before: decided once everyone is known
                former = "former " if any(t.lower_ in ("former", "ex") for t in sdoc[i:rs]) else ""
                self.pending_roles.append((i, re_, role, sector, former + written_role(phrase, role), start, False, None))
            return None
        actor = fits[0]
        end = sdoc[re_ - 1].idx + len(sdoc[re_ - 1].text)
        self.add_mention(start, end, "role", actor)
        self.consumed.update(range(i, re_))
        return actor

    def former_holder(self, rs: int, start: int, role: str, code: Optional[str]) -> Optional[Actor]:
        """The person a description of a past office ("the former Dutch prime minister", "the ex-minister") stands
        for: news names a person with the present office and describes him or her by a past one. The one person
        named in the description's sentence or the two before who could have held it: of the country the
        description writes (or none), not holding it now, and, when the knowledge base dates the person's offices,
        one it says held that office ("the former foreign minister" after Macron is not Macron). None when no
        person or more than one fits."""
        sents = list(self.sdoc.sents)
        k = bisect.bisect_right([st.start for st in sents], rs) - 1
        lo = sents[max(0, k - 2)].start_char
        pool: dict[str, Actor] = {}
        for m in self.mentions:
            a = m.actor
            if a.type == "PERSON" and lo <= m.start and m.end <= start and a.id not in self.nameless:
                pool.setdefault(a.id, a)
        fits = []
        for a in pool.values():
            if self._same_office(a, role, False) or (code and a.country not in (None, code)):
                continue
            offices = self.kb.leader_offices.get(a.name)
            if offices and not any(self._canon(e.role) == role and (code is None or e.country in (None, code))
                                   and until and (self.date is None or until <= self.date)
                                   for _, until, e in offices):
                continue  # the knowledge base dates this person's offices and none of them is the one described
            fits.append(a)
        return fits[0] if len(fits) == 1 else None

    def _title_of_name_after(self, re_: int) -> bool:
        """The role ending before token re_ is the title or description of a name after it ("Foreign Minister
        Sergei Lavrov", "Minister of Armed Forces Florence Parly", "ambassador to the United Nations, Barbara
        Woodward"), not a description standing for someone."""
        sdoc = self.sdoc
        if re_ < len(sdoc) and (sdoc[re_].pos_ == "PROPN" or (re_ in self.name_tokens)) and sdoc[re_].ent_type_ == "PERSON":
            return True  # a title of the following name
        if re_ < len(sdoc) and sdoc[re_].lower_ in ("of", "for"):
            # "Minister of Armed Forces Florence Parly": a title with its portfolio, before a name
            people = {a for a, _, label in self.spans if label.startswith(("E|PERSON", "L|"))}
            k = re_ + 1
            while k < len(sdoc) and k - re_ < 6 and sdoc[k].is_title and sdoc[k].ent_type_ != "PERSON" and k not in people:
                k += 1
            if k > re_ + 1 and k < len(sdoc) and (sdoc[k].ent_type_ == "PERSON" or k in people):
                return True
        if re_ < len(sdoc) and sdoc[re_].lower_ in MANDATE | AFFILIATION:
            # "Britain's ambassador to the United Nations, Barbara Woodward", "the spokesperson for Kenya's ministry
            # of health, Mary Muthoni": the description of the name after it
            k = re_ + 1
            while k < len(sdoc) and k - re_ < 9 and (sdoc[k].pos_ in ("PROPN", "NOUN", "ADJ") or sdoc[k].text in POSSESSIVE
                                                      or sdoc[k].lower_ in ("the", "of", "and")):
                k += 1
            if k + 1 < len(sdoc) and sdoc[k].text == "," and (sdoc[k + 1].ent_type_ == "PERSON" or k + 1 in self.name_tokens):
                return True
        return False

    def _igo_official(self, i: int, rs: int, re_: int, det, igo: kbmod.Entry, role: str, phrase: str) -> Actor:
        """'the U.N. envoy', 'the IMF chief', 'the Hamas leader': an official of the organisation, not the
        organisation. The person whose title named it, or of that office in its sector and country (an international
        official: no country), named before; else the one undescribed person named just before; else one the
        text does not name."""
        sdoc = self.sdoc
        igo = kbmod.org_as_of(igo, self.date)
        country = None if igo.type == "IGO" else igo.country
        sector = igo.sector or ("igo" if igo.type == "IGO" else self.kb.roles[phrase][1])
        fits = [m.actor for m in reversed(self.mentions) if m.actor.type == "PERSON" and m.end <= sdoc[rs].idx
                and (self.affiliated.get(m.actor.id) == igo.code or m.actor.country == country
                     and m.actor.sector == sector and self._canon(m.actor.role) == role)]
        start = det.idx if det is not None and det.lower_ in ("the", "this", "that") else sdoc[i].idx
        end = sdoc[re_ - 1].idx + len(sdoc[re_ - 1].text)
        unroled = None if fits else self.salient_unroled(i, start, sector, country)
        if fits:
            actor = fits[0]
        elif unroled is not None:
            actor = unroled  # "Bennett called for ... He accused the U.N. envoy": the person named before
            self.take_description(actor, written_role(phrase, role), sector, country)
        else:
            wrole = written_role(phrase, role)
            actor = self.new_actor(f"R|{igo.code}|{role}", name=f"{igo.name} {wrole}", type="PERSON", country=country,
                                   sector=sector, role=wrole)
            self.described.add(actor.id)
            self.nameless.add(actor.id)
        self.add_mention(start, end, "role", actor)
        self.consumed.update(range(i, re_))
        return actor

    # ---------------------------------------------------------------- pronouns
    def pronoun(self, tok) -> Optional[Actor]:
        """he/she/him/her: the compatible person most recently mentioned, preferring, when the pronoun
        is a subject, the subject of an earlier clause over a person only named in passing since
        ("Fu Cong said ... Trump's tariffs ... he said" is Fu Cong)."""
        gender = PRONOUN_GENDER.get(tok.lower_)
        if gender is None or tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos"):
            return None
        people = [m for m in self.mentions if m.actor.type == "PERSON" and m.end <= tok.idx]
        fits = [m for m in reversed(people) if self.gender.get(m.actor.id) in (None, gender)]
        if tok.dep_ in ("dobj", "dative", "pobj"):
            # "Sharif told him": an object pronoun is not the subject of its own verb (that would be "himself")
            verb = tok.head.head if tok.dep_ == "pobj" and tok.head.pos_ == "ADP" else tok.head
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            while not subjects and verb.dep_ in ("xcomp", "advcl") and verb.head is not verb \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                # "Kato wanted to thank him": an infinitive's subject is that of the verb it completes
                verb = verb.head
                subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            # "Judge Kato, who was asked to recuse him": a relative pronoun stands for the noun it qualifies
            subjects = [verb.head if c.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" else c for c in subjects]
            own = {m.actor.id for m in fits for c in subjects if m.start <= c.idx < m.end}
            # "raised the case of Navalny with him": nor a person named in another object of the same verb
            others = [c for c in verb.children if c.dep_ in ("dobj", "dative") and tok not in list(c.subtree)]
            own |= {m.actor.id for m in fits for c in others for g in c.subtree if m.start <= g.idx < m.end}
            fits = [m for m in fits if m.actor.id not in own]
        speakers = self.quoting(tok)
        if speakers:
            # '"If he is uncertain, I think ...," Lutnick said': in someone's own words, "he" is someone else
            fits = [m for m in fits if m.actor.id not in speakers]
        if tok.dep_ in ("nsubj", "nsubjpass"):
            # "He told Belousov": a subject pronoun is not the person named as the object of its own verb
            objects = {c.text.lower() for c in tok.head.children if c.dep_ in ("dobj", "dative")}
            objects |= {g.text.lower() for c in tok.head.children if c.dep_ == "dobj" for g in c.subtree}
            fits = [m for m in fits if not objects & {w.lower() for w in m.actor.name.split()}]
        if not fits:
            self.unresolved.append(tok)
            return None
        choice = fits[0]
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in _speech_lemmas():
            # '"...," he told reporters': the one who spoke last, before anyone merely spoken about
            window = self.sdoc[max(0, tok.sent.start - 1)].sent.start
            speaker = next((m for m in fits if m.start >= self.sdoc[window].idx and self._speaks(m)), None)
            if speaker is not None:
                self.gender.setdefault(speaker.actor.id, gender)
                self.add_mention(tok.idx, tok.idx + len(tok.text), "pronoun", speaker.actor)
                return speaker.actor
        if tok.dep_ in ("nsubj", "nsubjpass"):
            window_start = self.sdoc[tok.sent.start].sent.start
            prev = tok.sent.start - 1
            if prev >= 0:
                window_start = self.sdoc[prev].sent.start
            for m in fits:
                if m.start < self.sdoc[window_start].idx:
                    break
                if self._is_subject(m):
                    choice = m
                    break
            self.gender.setdefault(choice.actor.id, gender)
        self.add_mention(tok.idx, tok.idx + len(tok.text), "pronoun", choice.actor)
        return choice.actor

    def _quotations(self) -> list[tuple[int, int]]:
        """Character spans of the direct quotations: a quotation mark that opens a sentence or follows a colon up to
        the one that closes it (a quote woven into reported speech, 'said the judge "indicated that ..."', is not
        one: its words may be the reporter's)."""
        if self._quote_spans is None:
            text, spans, open_at = self.doc.text, [], None
            for k, ch in enumerate(text):
                if ch in "\u201c\u201d\"":
                    opening = ch == "\u201c" or (ch == '"' and open_at is None)
                    if opening and open_at is None:
                        open_at = k
                    elif not opening or open_at is not None:
                        if open_at is not None:
                            before = text[:open_at].rstrip()
                            if not before or before[-1] in ".!?:\u201d\"":
                                spans.append((open_at, k))
                        open_at = None
            self._quote_spans = spans
        return self._quote_spans

    def quoting(self, tok) -> set[str]:
        """Who is speaking in the direct quotation the token stands in: the people who speak (subject of a speech
        verb) outside the quotation in its sentence or the one before ("Lutnick told NBC. '... he ...,' he said")."""
        q = next(((a, b) for a, b in self._quotations() if a < tok.idx < b), None)
        if q is None:
            return set()
        sent = tok.sent
        lo = self.sdoc[max(0, sent.start - 1)].sent.start_char
        closing = self.sdoc.char_span(q[1], q[1] + 1, alignment_mode="expand")
        hi = max(sent.end_char, closing.sent.end_char if closing is not None else q[1] + 1)
        return {m.actor.id for m in self.mentions if lo <= m.start and m.end <= hi and not (q[0] < m.start < q[1])
                and m.actor.type == "PERSON" and self._speaks(m)}

    def role_descriptions(self) -> None:
        """Definite role descriptions no one named before fits ("the president", "the chief minister", "the judge"):
        a person of that role (or, for a noun, whose role has the noun) named before, else one named just after in
        the same or the next two sentences; else a person the text does not name, of the country the description
        writes ("the French politician") or the article's country (international officials have none)."""
        sdoc = self.sdoc
        sents = list(sdoc.sents)
        starts = [st.start for st in sents]
        for i, re_, role, sector, wrole, start, noun, written in self.pending_roles:
            end = sdoc[re_ - 1].idx + len(sdoc[re_ - 1].text)
            if any(k in self.consumed for k in range(i, re_)) or any(m.start < end and start < m.end for m in self.mentions):
                continue
            people = [m for m in sorted(self.mentions, key=lambda m: m.start)
                      if m.actor.type == "PERSON" and m.actor.id not in self.nameless]
            deputy = any(t.lower_ in SUBORDINATE for t in sdoc[i:re_])

            def same(a: Actor, role: str = role, noun: bool = noun, deputy: bool = deputy, written=written) -> bool:
                if written and a.country not in (None, written):
                    return False  # "the French politician" is no Kenyan politician
                return (a.role is not None and role in a.role.lower()) if noun else self._same_office(a, role, deputy)
            before = [m for m in people if m.end <= start and same(m.actor)]
            k = bisect.bisect_right(starts, i) - 1
            limit = sents[min(len(sents) - 1, k + 2)].end_char
            after = [m for m in people if end <= m.start < limit and same(m.actor)]
            actor = before[-1].actor if before else after[0].actor if after else None
            if actor is None:
                desc = role if written else sdoc[i:re_].text.lower()
                if not noun and any(t.pos_ == "NOUN" for t in sdoc[i:re_ - 1]) and desc not in self.kb.roles:
                    # "the gang leader": the qualifier decides what kind of leader (an agent noun's sector, or none)
                    found = kbmod.agent(desc)
                    sector = found[0] or None if found else None
                taken = wrole if written or noun else desc
                actor = self.salient_unroled(i, start, sector, written, taken)
                if actor is not None:
                    self.take_description(actor, taken, sector, written)
                    self.add_mention(start, end, "role", actor)
                    self.consumed.update(range(i, re_))
                    continue
                abroad = sector == "igo" or (role or "").lower() in _roles_abroad()
                code = written or (None if abroad else self.main_country())
                if code is None and sector != "igo":
                    continue  # no country to place the office in: left unresolved rather than guessed
                name = f"{self.demonym(code)} {desc}" if code else desc
                actor = self.new_actor(f"R|{code}|{role}|{_fold(desc)}", name=name, type="PERSON", country=code,
                                       sector=sector, role=wrole)
                self.nameless.add(actor.id)
                self.described.add(actor.id)
            self.add_mention(start, end, "role", actor)
            self.consumed.update(range(i, re_))

    def age_descriptions(self) -> None:
        """"The 70-year-old", "the 34-year-old man": a definite description by age stands for a person named in its
        sentence or the two before: the one whose age the text wrote the same ("Peter Okello, 34,"), else the only
        person named there (with two and no age written, "Kato sentenced Dunn. The 45-year-old ...", no one). Never
        an indefinite one ("a 34-year-old man" is someone new), and never where another mention already stands."""
        sdoc = self.sdoc
        sents = list(sdoc.sents)
        starts = [st.start for st in sents]
        for t in sdoc:
            j = t.i
            if t.lower_ not in ("the", "this") or j + 6 > len(sdoc):
                continue
            num, d1, year, d2, old = sdoc[j + 1:j + 6]
            if not (num.like_num and d1.text == "-" and year.lower_ in ("year", "years") and d2.text == "-"
                    and old.lower_ == "old"):
                continue
            end_i = j + 6
            if end_i < len(sdoc) and sdoc[end_i].pos_ == "NOUN":
                if not names_a_person(sdoc[end_i].lower_):
                    continue  # "the 50-year-old law", "the 20-year-old war"
                end_i += 1
            start, end = t.idx, sdoc[end_i - 1].idx + len(sdoc[end_i - 1].text)
            if any(m.start < end and start < m.end for m in self.mentions):
                continue
            k = bisect.bisect_right(starts, j) - 1
            lo = sents[max(0, k - 2)].start_char
            near = [m for m in self.mentions if m.actor.type == "PERSON" and m.kind != "pronoun"
                    and m.actor.id not in self.nameless and lo <= m.start and m.end <= start]
            if not near:
                continue
            aged = [m.actor for m in near if self._written_age(m) == num.text]
            pool = list(dict.fromkeys(m.actor.id for m in near))
            actor = None
            if aged:
                actor = aged[-1]
            elif len(pool) == 1:
                actor = near[-1].actor
            if actor is not None:
                self.add_mention(start, end, "role", actor)
                self.consumed.update(range(j, end_i))

    def _written_age(self, m: Mention) -> Optional[str]:
        """The age written in apposition after a name ("Peter Okello, 34,"), or None."""
        span = self.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.end + 1 >= len(self.sdoc):
            return None
        comma, num = self.sdoc[span.end], self.sdoc[span.end + 1]
        return num.text if comma.text == "," and num.like_num else None

    def salient_unroled(self, i: int, start: int, sector: Optional[str], written: Optional[str],
                        role: Optional[str] = None) -> Optional[Actor]:
        """A description no office named in the text fits ("the gang leader", "the journalist", "the U.N. envoy")
        is the one person the last few sentences named without saying what he or she is ("Arnel Joseph was killed.
        ... it was the gang leader who was killed"): news names a person first and describes him after. Only when
        exactly one such person is in the three sentences before (a person of the description's sector or none,
        of its country or none) and no person before it in its own sentence but the one who says it (there the
        description is of someone else, or of the person named: "Jimmy Lai's lawyers fear for the publisher");
        never for a state office (government, military, police, courts: new participants are named with their
        title, "the judge" is rarely the defendant named before), nor for the doer of an attack ("the
        gunman" after the victim's name, data/perpetrator_nouns.tsv). A person this rule already gave the
        description keeps it ("The gang leader's escape" after "it was the gang leader who was killed")."""
        if sector in STATE_SECTORS or (role or "").lower() in _perpetrator_nouns():
            return None
        sents = list(self.sdoc.sents)
        k = bisect.bisect_right([st.start for st in sents], i) - 1
        lo, own = sents[max(0, k - 3)].start_char, sents[k].start_char
        near = [m for m in self.mentions if m.actor.type == "PERSON" and m.end <= start and m.start >= lo]
        end = sents[k].end_char
        speakers = {m.actor.id for m in self.mentions if own <= m.start < end and self._speaks(m)}
        if any(m.start >= own and m.actor.id not in speakers for m in near):
            return None  # "Jimmy Lai's team fears for the publisher": the person the sentence names, not one before
        pool = {m.actor.id: m.actor for m in near if m.actor.id not in self.nameless and m.actor.id not in self.known}
        fits = [a for a in pool.values() if a.role in (None, role) and a.sector in (None, "civilians", sector)
                and (written is None or a.country in (None, written))
                and any(m.kind != "pronoun" for m in self.mentions if m.actor is a)]
        return fits[0] if len(fits) == 1 else None

    def take_description(self, actor: Actor, role: str, sector: Optional[str], country: Optional[str]) -> None:
        """A named person takes the office, sector and country a description of him or her writes; an
        international official ("the U.N. envoy") has no country."""
        actor.role = role
        if sector:
            actor.sector = sector
        if sector == "igo":
            actor.country = None
        elif country:
            actor.country = country
        self.described.add(actor.id)

    def hyphenated_countries(self) -> None:
        """Countries inside one hyphenated word ("U.S.-ROK approach", "U.S.-Russian rapprochement") are mentions of
        those countries."""
        for t in self.sdoc:
            if "-" not in t.text[1:-1] or t.i in self.consumed:
                continue
            pos = t.idx
            for part in t.text.split("-"):
                code = self.kb.country_of(part) if part else None
                if code and not any(m.start < pos + len(part) and pos < m.end for m in self.mentions):
                    self.add_mention(pos, pos + len(part), "country", self.country_actor(code))
                pos += len(part) + 1

    def cataphora(self) -> None:
        """A pronoun with no one before it ("'We ran,' she says. ... Amina Yusuf says"): the first person of a
        fitting gender named after it in the same or the next two sentences, preferring one who speaks or acts;
        further on (up to four sentences) only one who plays the same part. Never the speaker of the quotation the
        pronoun stands in, nor another pronoun."""
        if not self.unresolved:
            return
        sents = list(self.sdoc.sents)
        starts = [st.start for st in sents]
        for tok in self.unresolved:
            k = bisect.bisect_right(starts, tok.i) - 1
            near = sents[min(len(sents) - 1, k + 2)].end_char
            limit = sents[min(len(sents) - 1, k + 4)].end_char
            gender = PRONOUN_GENDER[tok.lower_]
            speakers = self.quoting(tok)
            after = [m for m in sorted(self.mentions, key=lambda m: m.start) if m.actor.type == "PERSON" and m.actor.id not in self.nameless
                     and m.kind != "pronoun" and m.actor.id not in speakers
                     and tok.idx < m.start < limit and self.gender.get(m.actor.id) in (None, gender)]
            close = [m for m in after if m.start < near]
            speaks = tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in _speech_lemmas()
            # further on, only one who plays the same part: a speaker for "she says", the one acting for a
            # pronoun in someone else's words
            far = [m for m in after if m.start >= near and (self._speaks(m) if speaks else bool(speakers) and self._is_subject(m))]
            choice = next((m for m in close if self._is_subject(m)), close[0] if close else far[0] if far else None)
            if choice is not None:
                self.add_mention(tok.idx, tok.idx + len(tok.text), "pronoun", choice.actor)
        for tok in self.unresolved:
            # "She also says she tried to duck": a pronoun still without anyone is the one a pronoun of its gender
            # before it in its own sentence stands for
            if any(m.start == tok.idx for m in self.mentions):
                continue
            gender = PRONOUN_GENDER[tok.lower_]
            lo = tok.sent.start_char
            before = [m for m in self.mentions if m.kind == "pronoun" and lo <= m.start < tok.idx
                      and PRONOUN_GENDER.get(self.doc.text[m.start:m.end].lower()) == gender]
            if before:
                self.add_mention(tok.idx, tok.idx + len(tok.text), "pronoun", max(before, key=lambda m: m.start).actor)

    def _speaks(self, m: Mention) -> bool:
        """The mention is the subject of a speech verb ("Zelenskyy said ...")."""
        span = self.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.dep_ in ("appos", "compound"):
            root = root.head
        return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _speech_lemmas()

    def _is_subject(self, m: Mention) -> bool:
        span = self.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ in ("appos", "compound") and root.head.dep_ in ("nsubj", "nsubjpass"))

    # -------------------------------------------------------------------- run
    def run(self) -> None:
        spans = self.candidate_spans()
        self.spans = spans
        self.local_places: list[str] = []  # countries of the cities and regions the text names
        self.named_orgs: set[str] = set()  # organisations named in the text (not generic agents)
        self.unresolved: list = []  # pronouns with no person named before them
        self.pending_roles: list[tuple] = []  # role descriptions no one named before fits (role_descriptions)
        self.short_forms: list[tuple[int, int]] = []  # (token, first token of the institution's name it stands for)
        # events in document order: name spans, role references, pronouns
        items = [(s, 0, ("span", s, e, label)) for s, e, label in spans]
        longest = {}
        for rs, re_, _ in self.role_matches:
            longest[rs] = max(longest.get(rs, re_), re_)
        for rs, re_, phrase in self.role_matches:
            if re_ < longest[rs]:
                continue  # "leader of the opposition", not "leader"
            if not any(i in self.name_tokens for i in range(rs, re_)):
                items.append((rs, 1, ("role", rs, re_, phrase)))
        for t in self.sdoc:
            if t.lower_ in PRONOUN_GENDER and t.pos_ == "PRON":
                items.append((t.i, 2, ("pron", t.i)))
            elif t.is_title and t.pos_ in ("PROPN", "NOUN") and t.i not in self.name_tokens:
                items.append((t.i, 3, ("tok", t.i)))  # a NOUN only ever as a surname met before ("Wood spoke")
        items.sort(key=lambda x: (x[0], x[1]))
        deferred = []
        for _, _, item in items:
            if item[0] == "span":
                _, s, e, label = item
                label = self.relabel(s, e, label)
                if label.startswith("E|") and self.short_form(s, e):
                    continue
                if label.startswith("E|PERSON") or label.startswith("L|") or self.known_surname(s, e):
                    if label == "E|PERSON" and not self.known_surname(s, e) and (
                            not any(t.text[:1].isupper() for t in self.sdoc[s:e])  # "tongseng": not a name
                            or self.is_place(s, e, self.known_actor_name(self.sdoc[s:e].text), person=True)):
                        continue
                    self.person(s, e)
                else:
                    deferred.append((s, e, label))
            elif item[0] == "tok":
                i = item[1]
                if i not in self.consumed and self.short_form(i, i + 1):
                    continue
                if i not in self.consumed and (self.known_surname(i, i + 1) or (
                        not self.sdoc[i].ent_type_ and self.sdoc[i].pos_ == "PROPN" and self.lone_name_acts_as_person(i, i + 1))):
                    # a surname met before, or one the tagger missed that speaks ("Abdi says she saw ...")
                    self.person(i, i + 1)
            elif item[0] == "role":
                _, rs, re_, phrase = item
                if not any(i in self.consumed for i in range(rs, re_)):
                    self.role_reference(rs, re_, phrase)
            else:
                self.pronoun(self.sdoc[item[1]])
        self.countries_and_orgs(spans, deferred)
        self.hyphenated_countries()
        self.cataphora()
        for i, a in self.short_forms:
            first = self.sdoc[a].idx
            m = next((m for m in self.mentions if m.start <= first < m.end and m.actor.type != "PERSON"), None)
            if m is not None:
                self.add_mention(self.sdoc[i].idx, self.sdoc[i].idx + len(self.sdoc[i].text), "org", m.actor)
        self.outlets()
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self.org_persons()
        self.anaphors()
        self.agents()
        self.role_descriptions()
        self.age_descriptions()
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self.defaults()

    def countries_and_orgs(self, spans, deferred) -> None:
        """The name spans left after people: acronyms of organisations named in full, parties, knowledge-base
        organisations and countries, tagged organisations, and places (kept for the agents' countries)."""
        # "the Nuclear Consultative Group (NCG)": the acronym in brackets is the same organisation wherever it stands
        sdoc = self.sdoc
        acronyms = {sdoc[e + 1].text: (s, e) for s, e, label in spans if e + 2 < len(sdoc) and sdoc[e].text == "("
                    and sdoc[e + 2].text == ")" and sdoc[e + 1].is_upper and len(sdoc[e + 1].text) > 1
                    and not label.startswith(("E|PERSON", "L|"))}
        # countries and organisations, except words already used as a person's title or apposition
        abroad: list[tuple[int, int, str]] = []
        for s, e, label in deferred:
            if all(i in self.consumed for i in range(s, e)):
                continue
            span = self.sdoc[s:e]
            long_form = acronyms.get(span.text)
            if long_form is not None and long_form[0] != s:
                lo, hi = sdoc[long_form[0]].idx, sdoc[long_form[1] - 1].idx + len(sdoc[long_form[1] - 1])
                m = next((m for m in self.mentions if m.start < hi and lo < m.end and m.actor.type not in ("PERSON", "COUNTRY")), None)
                if m is not None:
                    self.add_mention(span.start_char, span.end_char, "org", m.actor)
                    continue
            kind, _, surface = label.partition("|")
            if kind == "K":
                code = _communities()[surface] or self.context_country(s, e)
                actor = self.new_actor(f"K|{code}|{surface.rstrip('s').lower()}", name=surface, type="GROUP",
                                       country=code, sector="civilians")
                self.add_mention(span.start_char, span.end_char, "agent", actor)
                continue
            if kind == "P":
                code = self._country_in(max(0, s - 3), s) or self.context_country(s, e)
                actor = self.new_actor("O|" + span.text.lower() + "|" + (code or ""), name=span.text, type="PARTY",
                                       country=code, sector="party")
                self.add_mention(span.start_char, span.end_char, "org", actor)
                continue
            if kind in ("F", "G"):
                entries = (self.kb.forms.get(surface) if kind == "F" else self.kb.lower_forms.get(surface)) or []
                org = next((x for x in entries if x.kind == "org"), None)
                root = span.root
                if org is not None and root.dep_ in ("compound", "nmod", "amod") and root.head.i >= e \
                        and _not_actor_words().get(root.head.lower_) == "place":
                    # "the French army base", "a NATO base": a place named after its owner, not the owner acting
                    continue
                if org is not None and e < len(sdoc) and PRODUCT_NUMBER.fullmatch(sdoc[e].text):
                    continue  # "a Boeing 737 MAX", "an Airbus A320": a product named after its maker, not the maker acting
                if org is not None:
                    actor = self.org_actor(org)
                    if actor.type == "ORG" and actor.sector in (None, "media", "business") and MEDIA_CONTEXT.search(self.doc.text[max(0, span.start_char - 40):span.start_char]):
                        actor.type, actor.sector = "MEDIA", "media"
                    self.add_mention(span.start_char, span.end_char, "org", actor)
                    continue
                ctry = next((x for x in entries if x.kind in ("country", "adjective", "capital", "seat")), None)
                if ctry is not None and ctry.kind == "adjective" and sdoc[e - 1].tag_ in ("NNPS", "NNS") and (
                        (s > 0 and sdoc[s - 1].lower_ == "ethnic") or (e < len(sdoc) and sdoc[e].lower_ == "of")):
                    abroad.append((s, e, ctry.code))  # decided below, once every country of the text is known
                elif ctry is not None and self.people_of(s, e, ctry):
                    # "Haitians worldwide", "Malaysians voted": the people, not the state ("the Russians" is)
                    # one actor with the country's civilians ("Americans" and "American civilians" are one entry)
                    actor = self.new_actor(f"A|{ctry.code}|civilians|GROUP", type="GROUP", country=ctry.code,
                                           name=f"{self.demonym(ctry.code)} {agent_label('civilians', 'GROUP')}",
                                           sector="civilians")
                    self.add_mention(span.start_char, span.end_char, "agent", actor)
                elif ctry is not None:
                    code = self.place_country(s, span.text, ctry.code) if ctry.kind == "capital" else ctry.code
                    actor = self.country_actor(code)
                    self.places.append((s, code))
                    self.add_mention(span.start_char, span.end_char, "country", actor)
            elif label == "E|ORG":
                if not self.is_place(s, e, self.known_actor_name(span.text)):
                    self.org_from_entity(s, e)
            elif label[2:] in NOT_ACTOR_LABELS:
                self._place(s, span.text)
            elif label in ("E|GPE", "E|NORP"):
                code = self.kb.country_of(span.text)
                if code:
                    self.places.append((s, code))
                    self.add_mention(span.start_char, span.end_char, "country", self.country_actor(code))
                else:
                    self._place(s, span.text)
        for s, e, kin in abroad:
            # "ethnic Albanians in Serbia", "the Albanians of southern Serbia": a community of the country it lives
            # in, not its kin state (unknown when the text does not place it); "the Albanians of Albania" are its people
            home = self.residence(s, e, kin)
            span = sdoc[s:e]
            if home is False and s > 0 and sdoc[s - 1].lower_ in ("the", "those", "these"):
                self.places.append((s, kin))  # "the Albanians of all faiths": the state, as before
                self.add_mention(span.start_char, span.end_char, "country", self.country_actor(kin))
                continue
            if home is False:
                self.add_mention(span.start_char, span.end_char, "agent", self.new_actor(
                    f"A|{kin}|civilians|GROUP", type="GROUP", country=kin, sector="civilians",
                    name=f"{self.demonym(kin)} {agent_label('civilians', 'GROUP')}"))
                continue
            actor = self.new_actor(f"K|{home}|{kin}|ethnic", type="GROUP", country=home, sector="civilians",
                                   name=f"ethnic {span.text}")
            self.add_mention(span.start_char, span.end_char, "agent", actor)

    def local_country(self) -> Optional[str]:
        """The country of the cities and regions the text places things in most (first on a tie): where the story is
        set, which for a person the text does not place tells more than the countries it talks about."""
        if not self.local_places:
            return None
        counts: dict[str, int] = {}
        for c in self.local_places:
            counts[c] = counts.get(c, 0) + 1
        return max(counts, key=lambda c: (counts[c], -self.local_places.index(c)))

    def body_of(self, person: Actor) -> Optional[str]:
        """The country of the state body a person's office names ("foreign ministry spokesperson"), when the text
        named that body with its country before the person ("Afghanistan's Ministry of Foreign Affairs")."""
        if not person.role or person.sector not in STATE_SECTORS:
            return None
        words = set(person.role.lower().split()) - ROLE_HEADS
        if not words:
            return None
        first = min(person.mentions)[0]
        bodies = [m for m in self.mentions if m.start < first and m.actor.type == "ORG" and m.actor.country
                  and m.actor.sector in STATE_SECTORS and words & set(m.actor.name.lower().split())]
        return bodies[-1].actor.country if bodies else None

    def defaults(self) -> None:
        """What the text leaves open: a person or an organisation no list knows, without a stated country, is
        of the article's country (the dateline's, else the country it names most); a person with no office,
        affiliation or description is a civilian. International officials and NGOs keep no country."""
        home = None
        for a in self.actors:
            if not a.mentions or a.country or a.sector in ("igo", "ngo") or a.type not in ("PERSON", "ORG", "MEDIA", "PARTY"):
                continue
            if a.type != "PERSON" and (a.id in self.org_codes or self.kb.forms.get(a.name) or a.name in self.kb.leaders):
                continue
            if a.type == "PERSON" and (a.name in self.kb.leaders or a.id in self.known or a.id in self.international):
                continue  # "a judge of the International Court of Justice" takes no country from the case he hears
            body = self.body_of(a) if a.type == "PERSON" else None
            if body:
                a.country = body  # "foreign ministry spokesperson X" after "Afghanistan's Ministry of Foreign Affairs"
                continue
            if a.type == "PERSON" and a.sector not in STATE_SECTORS | {"party", "opposition", "media"}:
                # a person's country comes from evidence about the person, never from a country merely named
                # where he acts ("Tutu called for sanctions against Nigeria"): the country written on him, the
                # dateline, the cities and regions the story is set in, the country the text names most among
                # those it also names away from him, else the country his sentence places things in ("in Haiti").
                # (A state office with no country written, "President X", is a state agent: the country of its
                # context, in the agents' order, below.)
                a.country = self.described_country(a) or self.dateline_country() or self.local_country() or \
                    self.main_country(without=self.sentences_of(a)) or self.placed_country(a)
            elif a.type != "PERSON" and set(re.split(r"[\s]+", a.name)) & _scope_words():
                # "the International Labor Office", "the Association of African Jurists": a name that claims a
                # scope beyond one country takes none from the article; a state body of that scope is intergovernmental
                a.sector = "igo" if a.sector in STATE_SECTORS else (a.sector or "ngo")
            else:
                home = home or self.main_country()
                a.country = (self.local_country() or home) if a.type == "PERSON" and not self.doc.dateline else home
                if a.type == "PERSON" and a.country and not self.doc.dateline \
                        and a.country in self.counterparts(a) and a.country != self.local_country():
                    # "President X gave a warm welcome to South African leader Y": the country written on the
                    # other office holder in his sentence is that one's, not his
                    a.country = self.main_country(exclude=self.counterparts(a))
            if a.type == "PERSON" and a.sector is None and a.role is None and a.country:
                a.sector = "civilians"


PRODUCT_NUMBER = re.compile(r"(?!(?:19|20)\d\d$|\d*0s$)[A-Z]{0,3}-?\d{2,4}[A-Za-z]*")  # a model number ("737", "A320"),
# not a year or a decade
DECADE = re.compile(r"(?:1[89]|20)?\d0s")  # "1960s", "'70s"
PREFIXES = {"vessel", "storm", "operation"}  # kinds of data/not_actors.tsv words that open a name ("USS", "Hurricane")
NOT_ACTOR_LABELS = {"LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
STATE_SECTORS = {"government", "military", "police", "judiciary", "legislature", "intelligence"}
RANK_WORDS = {"deputy", "vice", "acting", "chief", "top", "senior", "junior", "assistant", "former", "interim"}
SUBORDINATE = {"deputy", "vice", "assistant"}  # rank words that make the office another person's
ROLE_HEADS = {"spokesperson", "spokesman", "spokeswoman", "minister", "official", "director", "head", "chief",
              "deputy", "the", "of", "and", "senior", "secretary"}  # words of an office that name no body
LIST_HEADS = {"members", "lawmakers", "legislators", "senators", "congressmen", "parliamentarians", "mps"}  # a
# group a list of names is set off from ("members of the U.S. Senate — A, B and C")
LED_BODIES = {"administration", "government", "regime", "cabinet", "junta"}  # bodies a named leader heads ("the
# Trump administration")
STATE_NOUNS = {"government", "regime"}  # a country's government named generically stands for the state


def named_spans(tokens: set[int]) -> list[tuple[int, int]]:
    """Runs of consecutive token indices as [start, end) spans."""
    spans: list[tuple[int, int]] = []
    for i in sorted(tokens):
        if spans and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans


def s_ok(tok) -> bool:
    """A token that may stand between a determiner and a role: an adjective, a country, a possessive."""
    return tok.pos_ in ("ADJ", "PROPN", "NOUN") or tok.text in POSSESSIVE or tok.is_title


def resolve(doc: Document) -> None:
    """Find actors and their mentions in a parsed document; fills ``doc.actors``."""
    if doc.doc is None:
        raise StageError(f"{doc.input}: the actors stage needs a parsed document (run the parse stage first)")
    r = _Resolver(doc)
    r.run()
    # keep actors that have at least one mention, ids renumbered in order of first mention
    live = [a for a in r.actors if a.mentions]
    live.sort(key=lambda a: min(a.mentions))
    renumber = {a.id: f"a{i}" for i, a in enumerate(live, 1)}
    gender = {renumber[old]: g for old, g in r.gender.items() if old in renumber}
    for a in live:
        a.code = kbmod.actor_code(a.country, a.sector, a.type, r.org_codes.get(a.id))
        a.id = renumber[a.id]
    doc.actors = live
    doc.state.mentions = [(m.start, m.end, m.actor.id, m.kind) for m in r.mentions if m.actor.mentions]
    doc.state.gender = gender
    doc.state.described = {renumber[old] for old in r.described if old in renumber}
    # proper nouns: the registry may know, across documents, names this text leaves unresolved (linking.discover)
    doc.state.proper_nouns = [(t.idx, t.idx + len(t.text)) for t in doc.doc
                                if t.is_title and t.pos_ == "PROPN" and len(t.text) > 2]


def mentions(doc: Document) -> list[tuple[int, int, str, str]]:
    """(start, end, actor id, kind) for every resolved mention, in text order."""
    return doc.state.mentions


def actor_at(doc: Document, start: int, end: int) -> Optional[str]:
    """The actor whose mention best covers the character span [start, end), or None."""
    best, best_score = None, (0, 0)
    ms = mentions(doc)
    i = bisect.bisect_left(ms, (start - 200,))
    for s, e, aid, _kind in ms[i:]:
        if s >= end:
            break
        overlap = min(e, end) - max(s, start)
        # the most overlap; on a tie the tighter mention ("Iran" inside "the Iran-backed group" is Iran)
        if overlap > 0 and (overlap, -(e - s)) > best_score:
            best, best_score = aid, (overlap, -(e - s))
    return best


def mentions_in(doc: Document, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """Mentions lying inside [start, end)."""
    return [m for m in mentions(doc) if m[0] >= start and m[1] <= end]
