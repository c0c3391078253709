"""Rendering for the web page: highlighted article text, short forms, links to a sentence, template set-up."""
from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path
from typing import Optional
from urllib.parse import quote, urlencode, urlsplit

from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from .. import __version__

WEB = Path(__file__).with_name("web")


def highlight(record: dict, focus: Optional[tuple[int, int]] = None) -> Markup:
    """The record's clean text as HTML with actor mentions, quotes and event triggers highlighted.

    The text is cut at every span boundary; each piece is escaped and wrapped in a ``span``
    carrying the classes of the annotations covering it, so overlapping spans need no nesting.
    """
    text = record.get("text") or ""
    n = len(text)
    actors = {a["id"]: a for a in record.get("actors", [])}
    anns = []  # (start, end, class, attrs)

    def add(span, cls, **attrs):
        if span and 0 <= span[0] < span[1] <= n:
            anns.append((int(span[0]), int(span[1]), cls, attrs))

    for a in record.get("actors", []):
        for m in a.get("mentions", []):
            add(m, "hl-actor", actor=a["id"], type=(a.get("type") or "").lower())
    for q in record.get("quotes", []):
        add(q.get("content"), "hl-quote", quote=q["id"])
        add(q.get("speaker_mention"), "hl-speaker", quote=q["id"])
    for e in record.get("events", []):
        flag = "negated" if e.get("negated") else "hypothetical" if e.get("hypothetical") else "asserted"
        add(e.get("trigger"), "hl-event", event=e["id"], flag=flag)
    if focus:
        add(focus, "hl-focus")

    bounds = sorted({0, n, *(a[0] for a in anns), *(a[1] for a in anns)})
    starts: dict[int, list] = defaultdict(list)
    for a in anns:
        starts[a[0]].append(a)
    active: list = []
    out = []
    for lo, hi in zip(bounds, bounds[1:]):
        active = [a for a in active if a[1] > lo] + starts.get(lo, [])
        for a in starts.get(lo, []):  # anchors to jump to
            if a[2] == "hl-quote":
                out.append(f'<a class="anchor" id="q-{escape(a[3]["quote"])}"></a>')
            elif a[2] == "hl-event":
                out.append(f'<a class="anchor" id="e-{escape(a[3]["event"])}"></a>')
            elif a[2] == "hl-focus":
                out.append('<a class="anchor" id="focus"></a>')
        piece = escape(text[lo:hi])
        if not active:
            out.append(str(piece))
            continue
        classes = sorted({a[2] for a in active})
        attrs: dict[str, list] = {}
        titles = []
        for a in active:
            for k, v in a[3].items():
                if v and v not in attrs.setdefault(k, []):
                    attrs[k].append(v)
            if a[2] == "hl-actor":
                act = actors.get(a[3]["actor"], {})
                titles.append(" · ".join(x for x in (act.get("name"), act.get("type"), act.get("country"), act.get("role")) if x))
            elif a[2] == "hl-event":
                ev = next((e for e in record.get("events", []) if e["id"] == a[3]["event"]), {})
                titles.append(f"event {ev.get('type', '')} ({a[3]['flag']})")
        if any(a[2] == "hl-event" and a[3]["flag"] != "asserted" for a in active):
            classes.append("hl-event-unreal")
        attr = "".join(f' data-{k}="{escape(" ".join(v))}"' for k, v in attrs.items() if v)
        title = f' title="{escape("; ".join(dict.fromkeys(t for t in titles if t)))}"' if titles else ""
        out.append(f'<span class="{" ".join(classes)}"{attr}{title}>{piece}</span>')
    return Markup("".join(out))


def _unquote(text: Optional[str]) -> str:
    """Text without the quotation marks (and trailing comma) around it."""
    return (text or "").strip().strip("\"“”‘’'").rstrip(",").strip("\"“”‘’'").strip()


def _short(text: Optional[str], n: int = 220) -> str:
    text = (text or "").strip()
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _doc_link(row: dict) -> Optional[str]:
    ident = row.get("doc_key") or row.get("doc_id") or row.get("id") or row.get("document")
    if not ident:
        docs = row.get("documents")
        ident = docs[0] if docs else None
    if not ident:
        return None
    span = row.get("span")
    if not span and row.get("sentence_start") is not None:
        span = [row.get("sentence_start"), row.get("sentence_end")]
    if not span and row.get("content_start") is not None:
        span = [row.get("content_start"), row.get("content_end")]
    url = "/article/" + quote(str(ident), safe="")  # ids are data: / # ? % in one must not route
    if span and len(span) == 2 and span[0] is not None:
        return url + "?" + urlencode({"span": f"{int(span[0])}-{int(span[1])}"}) + "#focus"
    return url


def link_url(url: Optional[str]) -> Optional[str]:
    """``url`` when it is an absolute http(s) address (a link may point there), else None:
    ``javascript:``, ``data:``, relative and odd URLs in an input stay data, never links."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c in url for c in "\x00\r\n\t<>\"' "):
        return None
    return url


def _trend(brief: Optional[dict]) -> Optional[dict]:
    """The brief's trend as a chart series (with the pair it is about)."""
    if not brief or not brief.get("trend"):
        return None
    names = [a.get("code") or a.get("name") or a.get("label") for a in brief.get("actors", [])[:2]]
    names += ["?"] * (2 - len(names))
    return {"a": names[0], "b": names[1], **brief["trend"]}


def json_script(obj) -> Markup:
    """JSON safe to place inside a ``<script type="application/json">`` element."""
    text = json.dumps(obj, default=str, ensure_ascii=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _score(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{v:+.1f}"


def templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(WEB / "templates"))
    t.env.globals.update(version=__version__, short=_short, unquote=_unquote, doc_link=_doc_link, score=_score)
    return t
