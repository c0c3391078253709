"""Attributes of an event: date, location, quote, mode from the weapon named, score; and the Event itself."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..input.dates import month_number, parse_date, resolve_relative
from ..model import Event


def resolve_date(expr: str, published: Optional[str], future: bool = False) -> Optional[str]:
    """A date expression ("on Wednesday", "last month", "in May", "February 2022") as ISO, or None."""
    e = expr.strip()
    m = re.search(r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                  r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+((?:19|20)\d\d)\b", e, re.I)
    if m and not parse_date(e):
        return dt.date(int(m.group(2)), month_number(m.group(1)), 1).isoformat()
    y = re.fullmatch(r"(?:in\s+)?((?:19|20)\d\d)", e, re.I)
    if y:
        return y.group(1) + "-01-01"
    got = resolve_relative(e, published)
    if got and future and published:
        # "in May", "on Friday" said of a future act point forward, not back
        try:
            ref = dt.date.fromisoformat(published[:10])
            d = dt.date.fromisoformat(got)
        except ValueError:
            return got
        if d < ref and not re.search(r"\b(last|ago|yesterday|past|earlier)\b", e, re.I) and not re.search(r"(19|20)\d\d", e):
            if re.search(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", e, re.I):
                d = d + dt.timedelta(days=7)
            else:
                try:
                    d = d.replace(year=d.year + 1)
                except ValueError:
                    pass
            got = d.isoformat()
    return got


class Attributes:
    """Date, place, quote and score of an event, and its creation (mixed into the coder)."""

    def date_for(self, anchor, sent, fut: bool) -> tuple[Optional[str], bool]:
        """The date of the event: a date expression attached to its predicate (or to the reporting verb
        above it), resolved against the publication date."""
        attached, fallback = [], []
        for ent in self.sentence_info(sent)["dates"]:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            h, steps, verb = ent.root, 0, None
            while steps < 10:
                if h.i == anchor.i:
                    attached.append((steps, ent))
                    break
                if h.head is h:
                    break
                h = h.head
                steps += 1
                if h.pos_ == "VERB" and h.i != anchor.i:
                    verb = h
                    break
            if verb is not None and self.lemma_in(verb, "SAY") and \
                    verb.left_edge.i <= anchor.i <= verb.right_edge.i:
                fallback.append((steps, ent))
        for _, ent in sorted(attached, key=lambda x: x[0]) + sorted(fallback, key=lambda x: x[0]):
            expr = ent.text
            head = ent.root.head
            if head.dep_ == "prep" and head.i == ent.start - 1:
                expr = f"{head.text} {expr}"  # "in May", "on Friday"
            got = resolve_date(expr, self.doc.published, fut)
            if got:
                return got, bool(re.search(r"\b(next|tomorrow|coming|later)\b", expr, re.I))
        return None, False

    def sentence_ents(self, sent) -> list:
        """``sent.ents`` (the entities wholly inside the sentence, as spaCy's ``Span.ents`` selects them) from
        the document's entities read once: ``Span.ents`` rebuilds every entity of the document per call."""
        doc_ents = self._sent_cache.get("doc ents")
        if doc_ents is None:
            doc_ents = self._sent_cache["doc ents"] = self.sdoc.ents
        out = []
        for ent in doc_ents:
            if ent.start >= sent.start:
                if ent.end <= sent.end:
                    out.append(ent)
                else:
                    break
        return out

    def sentence_info(self, sent) -> dict:
        got = self._sent_cache.get(sent.start)
        if got is None:
            text = sent.text
            got = self._sent_cache[sent.start] = {
                "text": text,
                "contexts": [c for c, rx in self.lex.contexts if rx.search(text)],
                "dates": [e for e in self.sentence_ents(sent) if e.label_ in ("DATE", "TIME")],
            }
        return got

    def location_for(self, anchor) -> Optional[str]:
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "outside", "inside", "into", "across"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC", "FAC"):
                        ent = next((e for e in p.sent.ents if e.start <= p.i < e.end), None)
                        return ent.text if ent is not None else p.text
        return None

    def quote_at(self, pos: int):
        for q in self.quotes:
            if q.content[0] <= pos < q.content[1]:
                return q
            if q.content[0] > pos:
                break
        return None

    def mode_from_words(self, type_: str, text: str) -> Optional[str]:
        for t, m, rx in self.lex.modes:
            if t == type_ and rx.search(text):
                return m
        return None

    def make(self, sent, tok, type_: str, mode: Optional[str], context, sources, targets, flags: dict,
             anchor=None, trigger_span=None, quote=None, evidence: str = "statement") -> Optional[Event]:
        if not type_ or type_ == "-":
            return None
        key = (tok.i, type_)
        # one event per dyad and type in a sentence; but distinct measures (an arrest and a ban) are two
        kind = (type_, mode) if type_ in ("COERCE", "SANCTION") and mode else type_
        dyad = (sent.start, kind, frozenset(sources), frozenset(targets), bool(flags.get("neg")), bool(flags.get("hyp")))
        if key in self.seen or (dyad in self.seen and (sources or targets)):
            return None
        self.seen.add(key)
        self.seen.add(dyad)
        anchor = anchor if anchor is not None else tok
        past = self.past_tense(anchor)
        date, fut_time = self.date_for(anchor, sent, bool(flags.get("fut")) and not past)
        date = self.not_after_publication(date, bool(flags.get("fut") or fut_time))
        ctx = list(dict.fromkeys(list(context) + self.sentence_info(sent)["contexts"]))
        if type_ in ("ASSAULT", "PROTEST") and (not mode or mode in ("firearms", "heavy-weapons", "explosives", "aerial")):
            # the weapon named in the sentence says more than the verb ("fired water cannon", "killed in an air strike")
            mode = self.mode_from_words(type_, self.sentence_info(sent)["text"]) or mode
        row = self.lex.type_row(type_, mode)
        try:
            score = float(row["score"]) if row.get("score") not in (None, "") else None
        except ValueError:
            score = None
        historical = self.historical_clause(anchor)
        if historical and date and self.doc.published and date[:10] >= self.doc.published[:10]:
            date = None  # a background clause never takes the news's own date
        if date and self.doc.published and not historical:
            try:
                historical = dt.date.fromisoformat(date) < dt.date.fromisoformat(self.doc.published[:10]) - dt.timedelta(days=365)
            except ValueError:
                historical = False
        span = trigger_span or (tok.idx, tok.idx + len(tok.text))
        q = quote if quote is not None else self.quote_at(span[0])
        ev = Event(id=f"e{len(self.events) + 1}", type=type_, mode=mode, context=ctx,
                   source=list(dict.fromkeys(sources)), target=list(dict.fromkeys(targets)),
                   negated=bool(flags.get("neg")), hypothetical=bool(flags.get("hyp")),
                   future=bool(flags.get("fut") or fut_time), historical=historical,
                   sentence=(sent.start_char, sent.end_char), trigger=span, date=date,
                   location=self.location_for(anchor), score=score, quote=q.id if q is not None else None)
        key = self.evidence_key(evidence, ev)
        self.evidence[id(ev)] = key
        ev.confidence = self.confidence(key)
        self.events.append(ev)
        self.by_token.setdefault(tok.i, ev)
        if anchor is not tok:
            self.by_token.setdefault(anchor.i, ev)
        return ev

    def past_tense(self, v) -> bool:
        """"rejected", "has rejected", "was rejected": the act lies before the report."""
        if v is None or v.pos_ not in ("VERB", "AUX"):
            return False
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall", "'ll", "would", "to") for c in v.children):
            return False
        return v.tag_ == "VBD" or (v.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in v.children))

    def not_after_publication(self, date: Optional[str], future: bool) -> Optional[str]:
        """No act reported as done is dated after its article: a weekday resolved forward goes back a week."""
        if not date or future or not self.doc.published:
            return date
        try:
            d, pub = dt.date.fromisoformat(date[:10]), dt.date.fromisoformat(self.doc.published[:10])
        except ValueError:
            return date
        while d > pub and (d - pub).days <= 7:
            d -= dt.timedelta(days=7)
        return d.isoformat() if d <= pub else None

    def historical_clause(self, anchor) -> bool:
        """"before Russia invaded Ukraine", "since the 2014 annexation": background to the news, not news."""
        h, steps = anchor, 0
        while h is not None and steps < 4:
            if h.dep_ in ("advcl", "pcomp") or (h.dep_ == "pobj" and h.head.dep_ == "prep"):
                marks = [c.lower_ for c in h.children if c.dep_ == "mark"]
                if h.dep_ == "pobj" or h.dep_ == "pcomp":
                    marks.append(h.head.lower_)
                if any(m in self.lex.cls("HISTORY_MARK") for m in marks) and (
                        h.pos_ in ("NOUN", "PROPN") or self.past_tense(h) or h.tag_ == "VBG"):
                    return True
            if h.head.i == h.i:
                break
            h = h.head
            steps += 1
        return False

    @staticmethod
    def evidence_key(evidence: str, ev: Event) -> tuple[str, str]:
        """What the coding rests on: the kind of trigger, and which of its actors were found."""
        actors = "both" if ev.source and ev.target else "source" if ev.source else "target" if ev.target else "none"
        return evidence, actors

    def confidence(self, key: tuple[str, str]) -> float:
        """The calibrated confidence of an event with this evidence (``data/plover_confidence.tsv``)."""
        table = self.lex.confidence
        got = table.get(key)
        if got is None:
            got = table.get((key[0], "*"), table.get(("*", "*"), 0.5))
        return round(min(1.0, max(0.0, got)), 3)
