"""The records Thucydides produces, defined once.

The serialised form (``Record.to_dict``) is the analysis record of the public
contract (``shared/eval/README.md``): every span is a ``[start, end)`` pair of
character offsets into the record's own ``text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .errors import InputError  # noqa: F401  (re-exported: raised by the input stages)

Span = tuple[int, int]


def _span(s: Optional[Span]):
    return [int(s[0]), int(s[1])] if s is not None else None


@dataclass
class Actor:
    id: str
    name: str
    type: str  # PERSON | COUNTRY | ORG | GROUP | MEDIA | LOC
    country: Optional[str] = None  # ISO 3166-1 alpha-3 (or a group code such as WST)
    sector: Optional[str] = None  # PLOVER-style sector: government, military, media, ...
    role: Optional[str] = None  # "foreign minister", "president", ...
    mentions: list[Span] = field(default_factory=list)
    registry_id: Optional[str] = None  # id in the cross-document registry, once stored
    code: Optional[str] = None  # ICEWS/Phoenix-style code: CAMEO country + sector (RUSGOV, USAMIL, PAKCOP, IGOUNO)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "code": self.code,
            "sector": self.sector,
            "role": self.role,
            "mentions": [_span(m) for m in sorted(set(self.mentions))],
        }


@dataclass
class Quote:
    id: str
    kind: str  # direct | indirect | mixed
    content: Span
    cue: Optional[Span] = None
    speaker_mention: Optional[Span] = None
    speaker: Optional[str] = None  # actor id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "content": _span(self.content),
            "cue": _span(self.cue),
            "speaker_mention": _span(self.speaker_mention),
            "speaker": self.speaker,
        }


@dataclass
class Event:
    id: str
    type: str  # PLOVER event type
    mode: Optional[str] = None
    context: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)  # actor ids
    target: list[str] = field(default_factory=list)  # actor ids
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    sentence: Optional[Span] = None
    trigger: Optional[Span] = None
    date: Optional[str] = None  # YYYY-MM-DD
    location: Optional[str] = None
    score: Optional[float] = None  # PLOVER conflict-cooperation score
    quote: Optional[str] = None  # id of the quote the event was stated in
    cameo: Optional[str] = None  # CAMEO code of the pattern that coded it, where there is one
    confidence: Optional[float] = None  # 0..1, from the evidence of its coding (calibrated on the dev sets)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "source": list(self.source),
            "target": list(self.target),
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "future": self.future,
            "historical": self.historical,
            "sentence": _span(self.sentence),
            "trigger": _span(self.trigger),
            "date": self.date,
            "location": self.location,
            "score": self.score,
            "quote": self.quote,
            "cameo": self.cameo,
            "confidence": self.confidence,
        }


MentionRow = tuple[int, int, str, Optional[str]]  # start, end, actor id, kind ("name", "surname", "role", ...)


@dataclass
class AnalysisState:
    """What the stages pass to each other besides the record: typed, small, and picklable (it travels
    back from ``--jobs`` and Dask workers with the document; the spaCy parse does not).

    Written by: ``read`` (headline_first_line), ``actors`` (mentions, gender, described, proper_nouns),
    ``linking`` (mentions of people it discovers). Read by: ``clean``, ``quotes``, ``events``,
    ``linking`` and ``storage`` (the mentions table).
    """

    headline_first_line: bool = False  # plain text whose first line is the headline
    mentions: list[MentionRow] = field(default_factory=list)  # every resolved mention, in text order
    gender: dict[str, str] = field(default_factory=dict)  # actor id -> "m" | "f" where known
    described: set[str] = field(default_factory=set)  # actor ids the text itself describes (title, apposition)
    proper_nouns: list[Span] = field(default_factory=list)  # title-case proper-noun spans (for linking)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (Dask partitions carry it beside the record)."""
        return {"headline_first_line": self.headline_first_line, "mentions": [list(m) for m in self.mentions],
                "gender": dict(self.gender), "described": sorted(self.described),
                "proper_nouns": [list(s) for s in self.proper_nouns]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "AnalysisState":
        return cls(headline_first_line=bool(d.get("headline_first_line")),
                   mentions=[tuple(m) for m in d.get("mentions") or []], gender=dict(d.get("gender") or {}),
                   described=set(d.get("described") or []), proper_nouns=[tuple(s) for s in d.get("proper_nouns") or []])


@dataclass
class Document:
    """One article travelling through the stages.

    ``read`` fills ``input``/``raw``/``is_html`` and metadata, ``clean`` fills
    ``text``/``title``/``dateline``/``published``/``removed``, ``parse`` attaches the
    spaCy ``doc``, and the later stages append actors, quotes and events.
    """

    id: str
    input: str  # where it came from: path, path:line, or "-"
    raw: str = ""
    is_html: bool = False
    text: str = ""
    title: Optional[str] = None
    dateline: Optional[str] = None
    published: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    removed: list[str] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    doc: Any = None  # spaCy Doc, never serialised
    state: AnalysisState = field(default_factory=AnalysisState)  # between stages, never serialised

    def actor(self, actor_id: Optional[str]) -> Optional[Actor]:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    @classmethod
    def from_dict(cls, rec: dict[str, Any], input: Optional[str] = None) -> "Document":
        """The inverse of :meth:`to_dict` (the spaCy parse is not part of a record)."""
        sp = lambda v: tuple(v) if v is not None else None
        doc = cls(id=str(rec["id"]), input=input or str(rec["id"]), text=rec["text"], title=rec.get("title"),
                  dateline=rec.get("dateline"), published=rec.get("published"), source=rec.get("source"),
                  url=rec.get("url"), removed=list(rec.get("removed") or []))
        doc.actors = [Actor(id=a["id"], name=a["name"], type=a["type"], country=a.get("country"), sector=a.get("sector"),
                            role=a.get("role"), mentions=[tuple(m) for m in a.get("mentions") or []], code=a.get("code"))
                      for a in rec.get("actors") or []]
        doc.quotes = [Quote(id=q["id"], kind=q["kind"], content=sp(q["content"]), cue=sp(q.get("cue")),
                            speaker_mention=sp(q.get("speaker_mention")), speaker=q.get("speaker"))
                      for q in rec.get("quotes") or []]
        doc.events = [Event(id=e["id"], type=e["type"], mode=e.get("mode"), context=list(e.get("context") or []),
                            source=list(e.get("source") or []), target=list(e.get("target") or []),
                            negated=bool(e.get("negated")), hypothetical=bool(e.get("hypothetical")),
                            future=bool(e.get("future")), historical=bool(e.get("historical")),
                            sentence=sp(e.get("sentence")), trigger=sp(e.get("trigger")), date=e.get("date"),
                            location=e.get("location"), score=e.get("score"), quote=e.get("quote"),
                            cameo=e.get("cameo"), confidence=e.get("confidence"))
                      for e in rec.get("events") or []]
        return doc

    def to_dict(self) -> dict[str, Any]:
        from . import __version__

        return {
            "id": self.id,
            "text": self.text,
            "title": self.title,
            "dateline": self.dateline,
            "published": self.published,
            "source": self.source,
            "url": self.url,
            "removed": list(self.removed),
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "analyser": __version__,
        }


@dataclass
class Failure:
    """An input that could not be analysed, and why."""

    input: str  # path, path:line, or "-"
    reason: str
    skipped: bool = False  # True: deliberately passed over (not an error), e.g. a non-article file in a directory

    def __str__(self) -> str:
        return f"{self.input}: {'skipped: ' if self.skipped else ''}{self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {"input": self.input, "error": None if self.skipped else self.reason,
                "skipped": self.reason if self.skipped else None}
