"""Hardening campaign: hostile input, faults, and attacks on the server; writes ``reports/HARDENING.md``.

    python tools/harden.py [--budget SECONDS] [--out-dir reports]

What it does (each part is also a function the tests in ``tests/test_hardening.py`` and
``tests/test_api_security.py`` call with smaller budgets):

* **Hostile input.** Hypothesis strategies (:func:`strategies`) build files of every kind the
  readers take (.txt, .html, .html.gz, .jsonl, .warc, .rss/.atom) out of random bytes, wrong and
  mixed encodings, right-to-left text, emoji, zero-width and control characters, runs of
  quotation marks, nested and broken markup, JSON lines with wrong types, damaged WARC records
  and odd feeds; :func:`hostile_examples` adds fixed extreme cases (5,000 nested ``<div>``, a
  100,000-character paragraph, ...). Each file goes through the real pipeline
  (``thucydides.pipeline.analyze``) and :func:`problems` checks the contract: nothing raises,
  every input yields at least one item, every item is a Document or a Failure naming the input
  with a reason, every span lies inside the text, every record serialises to JSON and UTF-8.
* **Faults.** ``kill -9`` during ingest then restart (:func:`fault_kill9`), a full disk
  (:func:`fault_disk_full`, a tmpfs), a database locked by another process
  (:func:`fault_locked`), a damaged database file (:func:`fault_corrupt`).
* **The server.** SQL injection in every parameter of every GET route, path traversal,
  oversized bodies, ingestion without the token, CORS, the default bind address, stack traces
  in bodies (:func:`api_campaign`), and a bounded Schemathesis run when it is installed.

Hypothesis is a development dependency (``pip install -e .[dev]``); the campaign needs it.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import platform
import queue
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional
from urllib.parse import quote, unquote

from thucydides.model import AnalysisState, Document, Failure

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "thucydides"  # the source tree beside this tool
SAMPLE = PACKAGE / "sample"
HANG_S = 60.0  # one input analysed for longer than this (the default doc_timeout) counts as a hang
COMMAND = "python tools/harden.py"  # also `make harden`


# =============================================================================== the contract
def _is_int(v) -> bool:
    import numbers

    return isinstance(v, numbers.Integral) and not isinstance(v, bool)


def span_problems(doc: Document) -> list[str]:
    """Spans outside ``[0, len(text)]``, reversed, or not integer pairs; references to unknown actors."""
    n = len(doc.text)
    out: list[str] = []

    def check(span, what, optional=True):
        if span is None:
            if not optional:
                out.append(f"{what}: missing span")
            return
        try:
            s, e = span
        except (TypeError, ValueError):
            out.append(f"{what}: not a [start, end] pair: {span!r}")
            return
        if not (_is_int(s) and _is_int(e)):
            out.append(f"{what}: offsets are not integers: {span!r}")
        elif not 0 <= s <= e <= n:
            out.append(f"{what}: span {[s, e]} outside [0, {n}] or reversed")

    ids = {a.id for a in doc.actors}
    for a in doc.actors:
        for m in a.mentions:
            check(m, f"actor {a.id} mention", optional=False)
    for m in doc.state.mentions:
        check(tuple(m[:2]), "mention (store rows)", optional=False)
    for q in doc.quotes:
        check(q.content, f"quote {q.id} content", optional=False)
        check(q.cue, f"quote {q.id} cue")
        check(q.speaker_mention, f"quote {q.id} speaker_mention")
        if q.speaker is not None and q.speaker not in ids:
            out.append(f"quote {q.id}: speaker {q.speaker!r} is not an actor of the document")
    for e in doc.events:
        check(e.sentence, f"event {e.id} sentence")
        check(e.trigger, f"event {e.id} trigger")
        for a in list(e.source) + list(e.target):
            if a not in ids:
                out.append(f"event {e.id}: actor {a!r} is not an actor of the document")
    return out


def problems(name: str, items: list) -> list[str]:
    """Violations of the pipeline's contract for the items analysed from input ``name``."""
    out: list[str] = []
    if not items:
        out.append("unaccounted: the input yielded no Document and no Failure")
    for it in items:
        if isinstance(it, Failure):
            if not isinstance(it.reason, str) or not it.reason.strip():
                out.append("failure without a reason")
            if not isinstance(it.input, str) or name not in it.input:
                out.append(f"failure does not name the input (input={it.input!r})")
            continue
        if not isinstance(it, Document):
            out.append(f"unexpected item of type {type(it).__name__}")
            continue
        if not isinstance(it.input, str) or name not in it.input:
            out.append(f"document does not name the input (input={it.input!r})")
        if not isinstance(it.text, str) or not it.text.strip():
            out.append("document with empty text")
            continue
        out.extend(span_problems(it))
        try:
            rec = it.to_dict()
            json.dumps(rec)
            json.dumps(rec, ensure_ascii=False).encode("utf-8")  # what `analyze --out` and the store write
        except Exception as e:  # noqa: BLE001 - any failure to serialise is the finding
            out.append(f"record does not serialise: {type(e).__name__}: {str(e)[:120]}")
    return out


@dataclass
class Outcome:
    """One input through the pipeline."""

    name: str
    size: int
    seconds: float
    documents: int = 0
    failures: int = 0
    crash: Optional[str] = None  # the exception that escaped analyze(), with its last frame
    problems: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.crash is None and not self.problems

    def signature(self) -> str:
        if self.crash:
            return "crash: " + self.crash.splitlines()[0][:160]
        return "; ".join(sorted({re.sub(r"\d+", "N", p)[:120] for p in self.problems}))


def _crash_text(e: BaseException) -> str:
    tb = traceback.extract_tb(e.__traceback__)
    where = ""
    for fr in reversed(tb):
        if "/thucydides/" in fr.filename:
            where = f" (at {Path(fr.filename).name}:{fr.lineno} in {fr.name})"
            break
    deepest = tb[-1] if tb else None
    deep = f" [raised in {Path(deepest.filename).name}:{deepest.lineno}]" if deepest else ""
    return f"{type(e).__name__}: {str(e)[:200]}{where}{deep}"


def analyse_file(path: Path, settings=None) -> Outcome:
    """Run ``list(analyze([path]))`` and check the contract."""
    from thucydides.pipeline import analyze

    t0 = time.perf_counter()
    try:
        items = list(analyze([path], settings))
    except Exception as e:  # noqa: BLE001 - an exception escaping analyze() is the finding
        return Outcome(str(path), path.stat().st_size, time.perf_counter() - t0, crash=_crash_text(e))
    out = Outcome(str(path), path.stat().st_size, time.perf_counter() - t0,
                  documents=sum(isinstance(i, Document) for i in items),
                  failures=sum(isinstance(i, Failure) for i in items))
    out.problems = problems(str(path), items)
    out.reasons = sorted({re.sub(r"\d[\d,]*", "N", i.reason)[:90] for i in items if isinstance(i, Failure)})
    if out.seconds > HANG_S:
        out.problems.append(f"hang: {out.seconds:.0f} s for one input (over {HANG_S:g} s)")
    return out


def analyse_bytes(suffix: str, data: bytes, settings=None, directory: Optional[Path] = None) -> Outcome:
    """Write ``data`` to a file named ``input<suffix>`` and analyse it."""
    with tempfile.TemporaryDirectory(dir=directory, prefix="harden-") as d:
        path = Path(d) / f"input{suffix}"
        path.write_bytes(data)
        return analyse_file(path, settings)


# =============================================================================== hostile input
QUOTE_CHARS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "`", "´", "″"]
RUN_CHARS = QUOTE_CHARS + ["(", ")", "[", "$", "!", "?", "-", "—", ".", "…", "😀", "*", "#", "<", "&", "\u200b", " "]
ATOMS = [
    # right-to-left text and bidi controls
    "قال وزير الخارجية الروسي سيرغي لافروف إن روسيا والصين لن تشكلا تحالفا عسكريا.",
    "אמר שר החוץ של ישראל כי השיחות יימשכו.", "\u200f", "\u200e", "\u202e", "\u202d", "\u2066", "\u2069",
    # emoji: flags, ZWJ sequences, skin tones, variation selectors
    "😀", "👍🏽", "🇷🇺", "🇨🇳", "👩‍👩‍👧‍👦", "🏳️‍🌈", "❤️", "\ufe0f", "\U0001f9ea",
    # zero-width, BOM, soft hyphen, controls, odd line breaks
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b[31m", "\x7f",
    "\u0085", "\u2028", "\u2029", "\r", "\r\n", "\t", "\n", "\n\n", "\n\n\n",
    # combining marks, homoglyphs, wide and astral characters, private use, noncharacters
    "e\u0301", "Z\u0351\u0352\u0353\u0354", "Ρussia", "Сhina", "ＲＵＳＳＩＡ", "𝐑𝐮𝐬𝐬𝐢𝐚", "\ue000", "\uffff", "\U0010ffff",
    # news words around which the analysis works
    "Russia", "China", "the United States", "Sergei Lavrov", "the foreign minister", "said", "told reporters",
    "President Xi Jinping", "Mr.", "U.S.", "on Monday", "2025-03-10", "10 March 2025", "MOSCOW —", "(Reuters)",
    # markup-looking text in plain text
    "<script>alert(1)</script>", "&amp;", "&#x0;", "&#xD800;", "]]>", "<!--", "{", "}", "\\", "%s", "{0}", "NaN",
]


def _sample_sentences() -> list[str]:
    out: list[str] = []
    for p in sorted(SAMPLE.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        out += [s.strip() for s in re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+", text) if 20 <= len(s.strip()) <= 400]
    return out or ["Russia and China held talks on Monday, officials said."]


SENTENCES = _sample_sentences()
ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252",
             "shift_jis", "koi8-r"]


def _encode(text: str, encoding: str, junk: list[tuple[int, bytes]]) -> bytes:
    data = bytearray(text.encode(encoding, errors="replace"))
    for pos, b in junk:  # invalid bytes at random places: broken UTF-8
        i = pos % (len(data) + 1)
        data[i:i] = b
    return bytes(data)


def _xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _warc_record(rtype: str, uri: Optional[str], http_ctype: str, payload: bytes, length_delta: int,
                 record_id: str, extra: list[str]) -> bytes:
    if rtype in ("response", "revisit"):
        block = b"HTTP/1.1 200 OK\r\nContent-Type: " + http_ctype.encode("latin-1", "replace") + b"\r\n\r\n" + payload
    else:
        block = payload
    head = ["WARC/1.0", f"WARC-Type: {rtype}"]
    if uri is not None:
        head.append(f"WARC-Target-URI: {uri}")
    head += [f"WARC-Record-ID: <urn:uuid:{record_id}>", "WARC-Date: 2025-03-10T12:00:00Z",
             "Content-Type: application/http; msgtype=response", f"Content-Length: {max(0, len(block) + length_delta)}", *extra]
    return "\r\n".join(head).encode("utf-8", "replace") + b"\r\n\r\n" + block + b"\r\n\r\n"


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def strategies() -> dict[str, Any]:
    """Input classes for fuzzing: name -> Hypothesis strategy of ``(file suffix, bytes)``."""
    from hypothesis import strategies as st

    run = st.builds(lambda c, n: c * n, st.sampled_from(RUN_CHARS), st.integers(1, 400))
    piece = st.one_of(st.sampled_from(SENTENCES), st.sampled_from(ATOMS), run, st.text(max_size=30),
                      st.sampled_from(QUOTE_CHARS))
    hostile_text = st.builds(lambda ps, sep: sep.join(ps), st.lists(piece, min_size=1, max_size=40),
                             st.sampled_from([" ", "", "\n", "\n\n", " \u200b", "\r\n\r\n"]))
    junk = st.lists(st.tuples(st.integers(0, 10 ** 6), st.binary(min_size=1, max_size=3)), max_size=3)
    no_junk = st.just([])

    text_file = st.builds(lambda t, enc, j: (".txt", _encode(t, enc, j)), hostile_text, st.sampled_from(ENCODINGS),
                          st.one_of(no_junk, no_junk, junk))

    # -------------------------------------------------------------- HTML
    tags = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<article>", "</article>", "<b>", "</i>", "<table><tr><td>",
                            "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<br/>", "<p <b>>",
                            "<a href='javascript:alert(1)'>", "<h1>", "</h1>", "<nav>", "<iframe src=x>", "<svg><g>",
                            "<meta charset='latin-1'>", "<math>", "<template>", "</body>", "</html>", "<html>", "<",
                            ">", "&", "&#0;", "&#xD800;", "&nbsp;", "<?xml version='1.0'?>", "<!DOCTYPE html>"])
    html_piece = st.one_of(tags, hostile_text.map(_xml_escape), hostile_text,
                           st.sampled_from(SENTENCES).map(lambda s: f"<p>{_xml_escape(s)}</p>"))
    nested = st.builds(
        lambda tag, depth, body, close: f"<{tag}>" * depth + body + (f"</{tag}>" * depth if close else ""),
        st.sampled_from(["div", "span", "p", "b", "li", "section", "table", "blockquote", "font"]),
        st.integers(0, 800), st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6).map(
            lambda ss: "".join(f"<p>{_xml_escape(s)}</p>" for s in ss)), st.booleans())
    html_text = st.builds(lambda head, body, tail: "<html><head><title>t</title></head><body>" + head + body + tail,
                          st.lists(html_piece, max_size=20).map("".join), st.one_of(nested, html_piece),
                          st.lists(html_piece, max_size=20).map("".join))
    html_file = st.builds(lambda t, enc, j: (".html", _encode(t, enc, j)), html_text, st.sampled_from(ENCODINGS),
                          st.one_of(no_junk, no_junk, junk))
    html_gz = st.one_of(
        html_text.map(lambda t: (".html.gz", _gzip(t.encode("utf-8", "replace")))),
        st.builds(lambda t, k: (".html.gz", _gzip(t.encode("utf-8", "replace"))[: max(1, k)]), html_text, st.integers(0, 400)),
        st.binary(max_size=2000).map(lambda b: (".html.gz", b)),
        st.binary(max_size=2000).map(lambda b: (".html.gz", _gzip(b))),
    )

    # -------------------------------------------------------------- JSON Lines
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30), hostile_text)
    any_json = st.recursive(scalars, lambda c: st.one_of(st.lists(c, max_size=3), st.dictionaries(st.text(max_size=6), c, max_size=3)),
                            max_leaves=8)
    text_value = st.one_of(hostile_text, hostile_text, any_json)
    obj = st.fixed_dictionaries({}, optional={"id": any_json, "text": text_value, "html": st.one_of(html_text, any_json),
                                              "title": any_json, "published": st.one_of(any_json, st.sampled_from(
                                                  ["2025-03-10", "10/03/2025", "yesterday", "9999-99-99", "0000-00-00", "2025-02-30"])),
                                              "url": any_json, "source": any_json, "date": any_json})

    def dumps(o, ascii_):
        try:
            return json.dumps(o, ensure_ascii=ascii_)
        except ValueError:  # integers too long for str(): write them as a huge literal instead
            return '{"id": 1' + "0" * 5000 + "}"

    raw_lines = st.sampled_from([
        '{"id": "x", "text": "Russia said \\ud800 on Monday.", "title": "\\udfff"}',  # lone surrogates
        '{"id": "y", "text": "Talks \\ud83d\\ude00 went on."}',  # a proper surrogate pair
        "[" * 5000 + "]" * 5000, '{"id": "d", "text": ' + "[" * 3000 + "]" * 3000 + "}",
        '{"id": 1' + "0" * 5000 + ', "text": "Russia and China held talks."}',
        '{"id": 1e400, "text": "Russia and China held talks."}', '{"id": NaN, "text": "x"}', '{"id": -Infinity}',
        '{"id": "dup", "text": "a", "text": "Russia and China held talks on Monday."}', '{"text": "unterminated',
        "{}", "[]", "null", "42", '"just a string"', "\ufeff{\"id\": \"bom\", \"text\": \"Talks resumed.\"}", "\u2028",
        "\x00\x00", "{'id': 'single quotes'}", '{"id": "x", "text": "x"}' * 3,
    ])
    line = st.one_of(st.builds(dumps, obj, st.booleans()), raw_lines, hostile_text.map(lambda t: t.replace("\n", " ")))
    jsonl = st.builds(lambda ls, sep, enc: (".jsonl", sep.join(ls).encode(enc, "replace")),
                      st.lists(line, min_size=1, max_size=6), st.sampled_from(["\n", "\r\n", "\n\n", "\r"]),
                      st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1"]))

    # -------------------------------------------------------------- WARC
    record = st.builds(
        lambda rtype, uri, ctype, payload, delta, rid, extra: _warc_record(rtype, uri, ctype, payload, delta, rid, extra),
        st.sampled_from(["response", "response", "response", "request", "warcinfo", "revisit", "metadata", "resource", "bogus"]),
        st.one_of(st.none(), st.just("https://example.org/a"), st.text(max_size=30)),
        st.sampled_from(["text/html; charset=utf-8", "text/html", "application/pdf", "TEXT/HTML", "", "text/html; charset=utf-16"]),
        st.one_of(html_text.map(lambda t: t.encode("utf-8", "replace")), st.binary(max_size=500)),
        st.sampled_from([0, 0, 0, -1, 1, -50, 1000]), st.uuids().map(str),
        st.lists(st.sampled_from(["WARC-Truncated: length", "WARC-Segment-Number: 2", "WARC-Payload-Digest: sha1:XYZ",
                                  "WARC-Block-Digest: sha1:AAAA", "Garbage header line", "Content-Length: 12"]), max_size=2))

    def damage(data: bytes, how: int, pos: int, junk_bytes: bytes) -> bytes:
        if not data:
            return data
        i = pos % len(data)
        if how == 1:
            return data[:i]
        if how == 2:
            return data[:i] + junk_bytes + data[i + len(junk_bytes):]
        if how == 3:
            return data[:i] + junk_bytes + data[i:]
        return data

    warc = st.builds(
        lambda recs, gz, how, pos, jb: (".warc.gz" if gz else ".warc",
                                        damage(b"".join(_gzip(r) if gz else r for r in recs), how, pos, jb)),
        st.lists(record, max_size=3), st.booleans(), st.sampled_from([0, 0, 1, 2, 3]), st.integers(0, 10 ** 6),
        st.binary(min_size=1, max_size=20))

    # -------------------------------------------------------------- feeds
    def feed_item(atom: bool, title: str, body: str, mode: int, link: str) -> str:
        content = {0: _xml_escape(body), 1: f"<![CDATA[{body}]]>", 2: body}[mode]
        if atom:
            return (f"<entry><title>{_xml_escape(title)}</title><link href=\"{_xml_escape(link)}\"/><id>{uuid.uuid4()}</id>"
                    f"<updated>2025-03-10T00:00:00Z</updated><content type=\"html\">{content}</content></entry>")
        return (f"<item><title>{_xml_escape(title)}</title><link>{_xml_escape(link)}</link><guid>{_xml_escape(link)}</guid>"
                f"<pubDate>Mon, 10 Mar 2025 10:00:00 GMT</pubDate><description>{content}</description></item>")

    def feed(atom: bool, items: list, prolog: str, suffix: str) -> tuple[str, bytes]:
        body = "".join(feed_item(atom, *i) for i in items)
        if atom:
            doc = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>f</title>{body}</feed>'
        else:
            doc = f'<rss version="2.0"><channel><title>f</title>{body}</channel></rss>'
        return suffix, (prolog + doc).encode("utf-8", "replace")

    prolog = st.sampled_from([
        "", '<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>',
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY who "Russia">]>',
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    ])
    item = st.tuples(hostile_text, st.one_of(hostile_text, html_text, st.sampled_from(["&who;", "&xxe;", "&d;&d;&d;", ""])),
                     st.integers(0, 2), st.sampled_from(["https://example.org/a", "", "javascript:alert(1)", "x" * 300]))
    feeds = st.builds(feed, st.booleans(), st.lists(item, max_size=4), prolog, st.sampled_from([".rss", ".atom", ".xml"]))

    random_bytes = st.tuples(st.sampled_from([".txt", ".html", ".html.gz", ".jsonl", ".warc", ".warc.gz", ".rss", ".atom"]),
                             st.binary(max_size=4000))

    return {
        "random bytes (every file kind)": random_bytes,
        "plain text: hostile characters, runs of quotation marks, wrong encodings": text_file,
        "HTML: nested, broken and mis-encoded markup": html_file,
        "gzipped HTML: valid, truncated, random": html_gz,
        "JSON Lines: wrong types, broken lines, odd numbers and escapes": jsonl,
        "WARC: built and damaged records": warc,
        "RSS/Atom feeds: entities, CDATA, broken XML": feeds,
    }


def _para(n: int) -> str:
    """One paragraph of ``n`` characters without a line break: news sentences, RTL text, emoji, quotes."""
    rng = random.Random(n)
    extra = ["قال وزير الخارجية إن المحادثات ستستمر.", "השיחות יימשכו.", "😀👍🏽🇷🇺", "“Nothing,” he said.",
             "\u200bzero\u200dwidth\u200c", "«Nous continuons», a-t-il dit."]
    parts, size = [], 0
    while size < n:
        s = rng.choice(SENTENCES) if rng.random() < 0.8 else rng.choice(extra)
        parts.append(" ".join(s.split()))
        size += len(s) + 1
    return " ".join(parts)[:n]


def punctuation_run(n: int) -> str:
    """``n`` characters of quotation marks, emoji and symbols with no space: the tokenizer's worst case."""
    unit = '"' * 8 + "“”" * 2 + "😀" * 2 + "$" * 2 + "(" * 2
    return (unit * (n // len(unit) + 1))[:n]


# Fixed inputs that hold a readable article: a Failure for them (however well reported) is a lost article.
ARTICLE_INSIDE = {
    "html: 5,000 nested <div>, closed", "html: 5,000 nested <div>, never closed", "html: 5,000 nested mixed tags",
    "html: 200,000-character attribute (huge line)", "text: UTF-8 with BOM", "text: Arabic and Hebrew with bidi controls",
    "text: emoji everywhere", "text: zero-width and control characters inside words", "text: NEL, LS and PS line breaks",
    "text: 100,000-character paragraph", "text: 20,000 quotation marks, emoji and symbols without a space",
    "jsonl: 100,000-deep nested array", "jsonl: lone surrogate escapes", "warc: Content-Length larger than the record",
}


def hostile_examples() -> list[tuple[str, str, bytes]]:
    """Fixed extreme inputs: ``(name, file suffix, bytes)``."""
    art = (SAMPLE / "lavrov-alliance.txt").read_text(encoding="utf-8")
    paras = "".join(f"<p>{_xml_escape(s)}</p>" for s in SENTENCES[:12])
    ex: list[tuple[str, str, bytes]] = []

    def add(name, suffix, data):
        ex.append((name, suffix, data if isinstance(data, bytes) else data.encode("utf-8")))

    # markup
    add("html: 5,000 nested <div>, closed", ".html", "<html><body>" + "<div>" * 5000 + paras + "</div>" * 5000 + "</body></html>")
    add("html: 5,000 nested <div>, never closed", ".html", "<html><body>" + "<div>" * 5000 + paras)
    add("html: 5,000 nested mixed tags", ".html", "<html><body>" + "<span><b><i><table><tr><td>" * 800 + paras)
    add("html: broken soup (unterminated comment, script, CDATA, attributes)", ".html",
        "<html><head><title>x</title><script>var a='</scr'+'ipt>';<body><p <b>>" + paras +
        "<!-- never closed <p>hidden</p><![CDATA[ x ]]</table></td></tr><div class='a\"b' id=>" + paras)
    add("html: 200,000-character attribute (huge line)", ".html",
        "<html><body><div class='" + "a" * 200_000 + "'>" + paras + "</div></body></html>")
    add("html: latin-1 bytes declared as latin-1", ".html",
        ("<html><head><meta charset='latin-1'></head><body>" + paras + "<p>Caf\xe9 cr\xe8me \xe0 Gen\xe8ve.</p></body></html>").encode("latin-1", "replace"))
    add("html.gz: gzip bomb (50 MB of zeros)", ".html.gz", _gzip(b"\0" * 50_000_000))
    add("html.gz: truncated gzip", ".html.gz", _gzip(("<html><body>" + paras + "</body></html>").encode())[:100])
    # encodings
    add("text: latin-1", ".txt", art.encode("latin-1", "replace"))
    add("text: UTF-16 with BOM", ".txt", art.encode("utf-16"))
    add("text: UTF-16-LE without BOM", ".txt", art.encode("utf-16-le"))
    add("text: UTF-32", ".txt", art.encode("utf-32"))
    add("text: UTF-8 with BOM", ".txt", art.encode("utf-8-sig"))
    add("text: invalid UTF-8 in the middle", ".txt", art[:500].encode() + b"\xc3\x28\xa0\xa1\xff\xfe" + art[500:].encode())
    add("text: UTF-8 and latin-1 mixed", ".txt", art[:300].encode() + art[300:].encode("latin-1", "replace"))
    # scripts and characters
    add("text: Arabic and Hebrew with bidi controls", ".txt",
        "محادثات في موسكو\n\nموسكو — قال وزير الخارجية الروسي سيرغي لافروف يوم الاثنين إن روسيا والصين لن تشكلا تحالفا عسكريا. "
        "\u202eSergei Lavrov said\u202c «لا» \u200f. אמר שר החוץ כי \"השיחות יימשכו\". " * 20)
    add("text: emoji everywhere", ".txt", "Talks 🇷🇺🇨🇳\n\n" + " ".join(w + "👍🏽" for w in art.split()))
    add("text: zero-width and control characters inside words", ".txt",
        "Talks\n\n" + "".join(c + ("\u200b" if i % 3 == 0 else "\u200d" if i % 5 == 0 else "\x0b" if i % 97 == 0 else "")
                              for i, c in enumerate(art)))
    add("text: NEL, LS and PS line breaks", ".txt", art.replace("\n\n", "\u2029").replace("\n", "\u0085"))
    add("text: combining marks (zalgo)", ".txt", "Talks\n\n" + "".join(c + "\u0301\u0352\u0353" for c in art[:3000]))
    add("text: 100,000-character paragraph", ".txt", "A long paragraph\n\n" + _para(100_000))
    add("text: 200,000-character line without spaces", ".txt", "Headline\n\n" + "x" * 200_000 + " said Lavrov.")
    add("text: thousands of quotation marks, straight, curly, unbalanced (spaced)", ".txt",
        "Quotes\n\n" + " ".join(['"Russia," he said.', "“China”", "‘", "“", '"', "”", "«", "'"] * 1500))
    add("text: 20,000 quotation marks, emoji and symbols without a space", ".txt",
        "Quotes\n\nMOSCOW — Lavrov said " + punctuation_run(20_000) + " on Monday.")
    add("text: only whitespace and zero-width characters", ".txt", "\u200b\u200c\u200d\ufeff \u2060" * 2000)
    # JSON Lines
    wrong = [
        {"id": ["a", "list"], "text": "Russia and China held talks on Monday, officials said."},
        {"id": {"an": "object"}, "text": "Russia and China held talks."}, {"id": None, "text": 42},
        {"id": "n1", "text": None}, {"id": "n2", "text": {"nested": ["a", ["b", ["c"]]]}}, {"id": "n3", "text": [1, [2, [3]]]},
        {"id": True, "text": True}, {"id": 1.5, "text": "Russia and China held talks."}, {"id": "n4", "html": 7},
        {"id": "n5", "text": "Russia and China held talks.", "title": {"x": 1}, "published": [2025, 3, 10], "url": 5},
        {"id": "n6", "text": "", "html": ""}, {"id": 10 ** 30, "text": "India and Pakistan agreed to talk on Friday."},
    ]
    lines = [json.dumps(o) for o in wrong] + [
        '{"id": 1' + "0" * 5000 + ', "text": "Russia and China held talks."}', '{"id": 1e400, "text": "x y z"}',
        '{"id": NaN, "text": "x"}', '{"text": "unterminated', "[1, 2, 3]", "null", '"string"', "{}",
        json.dumps({"id": "ok", "text": "BEIJING - China and Russia signed a trade agreement on Tuesday, officials said."})]
    add("jsonl: wrong types, huge numbers, broken lines", ".jsonl", "\n".join(lines))
    add("jsonl: 100,000-deep nested array", ".jsonl",
        "[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"id": "after", "text": "Russia and China held talks on Monday."}))
    add("jsonl: lone surrogate escapes", ".jsonl",
        '{"id": "s1", "text": "Russia and China held talks \\ud800 on Monday, officials said.", "title": "T\\udfff"}\n'
        + json.dumps({"id": "s2", "text": "India and Pakistan agreed on Friday to resume talks."}))
    add("jsonl: only Unicode whitespace lines", ".jsonl", "\u2028\n\u00a0\n\u3000\n")
    add("jsonl: 300,000-character text value (huge line)", ".jsonl", json.dumps({"id": "big", "text": "w" * 300_000 + " said Lavrov."}))
    # WARC
    html = ("<html><body><article>" + paras + "</article></body></html>").encode()
    good = _warc_record("response", "https://example.org/a", "text/html", html, 0, str(uuid.UUID(int=1)), [])
    add("warc: response record without WARC-Target-URI", ".warc",
        _warc_record("response", None, "text/html", html, 0, str(uuid.UUID(int=2)), []))
    add("warc: empty file", ".warc", b"")
    add("warc: only non-HTML records", ".warc",
        _warc_record("warcinfo", None, "", b"software: x\r\n", 0, str(uuid.UUID(int=3)), [])
        + _warc_record("response", "https://example.org/p.pdf", "application/pdf", b"%PDF-1.4", 0, str(uuid.UUID(int=4)), []))
    add("warc: Content-Length larger than the record", ".warc", good[:-4].replace(b"Content-Length: ", b"Content-Length: 9"))
    add("warc.gz: truncated", ".warc.gz", _gzip(good)[:-20])
    add("warc: random bytes after a valid record", ".warc", good + bytes(random.Random(3).randrange(256) for _ in range(3000)))
    # feeds
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
        + ']><rss><channel><item><description>&lol9;</description></item></channel></rss>')
    add("rss: billion laughs", ".rss", lol)
    add("rss: external entity (XXE) to /etc/passwd", ".rss",
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><item>'
        "<title>x</title><description>Russia said &xxe; on Monday, officials said, and China agreed.</description></item></channel></rss>")
    add("rss: 100,000 nested elements", ".rss", "<rss>" + "<a>" * 100_000 + "</a>" * 100_000 + "</rss>")
    add("atom: entries with HTML in CDATA and control characters", ".atom",
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><content type="html"><![CDATA[' + paras +
        "]]></content></entry><entry><title>\x01</title><content>\x02</content></entry></feed>")
    return ex


# =============================================================================== fuzz runner (campaign)
@dataclass
class ClassReport:
    name: str
    examples: int = 0
    documents: int = 0
    failures: int = 0
    crashes: int = 0
    hangs: int = 0
    unaccounted: int = 0
    span_errors: int = 0
    serialisation: int = 0
    other: int = 0
    slowest: float = 0.0
    seconds: float = 0.0
    findings: dict[str, tuple[int, str, int]] = field(default_factory=dict)  # signature -> (count, example, size)

    def add(self, out: Outcome, example_repr: str) -> None:
        self.examples += 1
        self.documents += out.documents
        self.failures += out.failures
        self.slowest = max(self.slowest, out.seconds)
        if out.crash:
            self.crashes += 1
        for p in out.problems:
            if p.startswith("hang"):
                self.hangs += 1
            elif p.startswith("unaccounted") or "does not name the input" in p:
                self.unaccounted += 1
            elif "span" in p or "not an actor" in p or "offsets" in p:
                self.span_errors += 1
            elif "serialise" in p:
                self.serialisation += 1
            else:
                self.other += 1
        if not out.ok:
            sig = out.signature()
            count, ex, size = self.findings.get(sig, (0, example_repr, out.size))
            if out.size < size:
                ex, size = example_repr, out.size
            self.findings[sig] = (count + 1, ex, size)

    @property
    def bad(self) -> int:
        return self.crashes + self.hangs + self.unaccounted + self.span_errors + self.serialisation + self.other


def _repr_example(suffix: str, data: bytes, limit: int = 160) -> str:
    r = repr(data[:limit])
    return f"{suffix} {len(data):,} bytes: {r}{'...' if len(data) > limit else ''}"


def fuzz_class(name: str, strategy, seconds: float, round_size: int = 40, directory: Optional[Path] = None) -> ClassReport:
    """Generate inputs of one class for about ``seconds`` and analyse each; never raises on a finding."""
    from hypothesis import HealthCheck, Phase, given, seed, settings

    rep = ClassReport(name)
    t0 = time.monotonic()
    deadline = t0 + seconds
    n = 0
    while time.monotonic() < deadline:
        @seed(n)
        @settings(max_examples=round_size, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck), derandomize=False)
        @given(strategy)
        def prop(example):
            if time.monotonic() > deadline:
                return
            suffix, data = example
            rep.add(analyse_bytes(suffix, data, directory=directory), _repr_example(suffix, data))

        prop()
        n += 1
    rep.seconds = time.monotonic() - t0
    return rep


# --------------------------------------------------------------- explicit cases in a worker process (hang-proof)
def _worker(paths: list[str]) -> int:
    """``python tools/harden.py --worker FILE...``: analyse each file, one JSON line per file."""
    from thucydides.nlp.parse import get_nlp

    get_nlp()  # load the model before the first timed input
    print(json.dumps({"ready": True}), flush=True)
    for p in paths:
        print(json.dumps({"start": p}), flush=True)
        out = analyse_file(Path(p))
        print(json.dumps({"done": p, "seconds": out.seconds, "documents": out.documents, "failures": out.failures,
                          "crash": out.crash, "problems": out.problems, "reasons": out.reasons}), flush=True)
    return 0


def run_examples(examples: list[tuple[str, str, bytes]], workdir: Path, hang_s: float = HANG_S,
                 env: Optional[dict] = None) -> list[dict]:
    """Analyse fixed examples in a child process; an input over ``hang_s`` is recorded as a hang and skipped.

    ``env``: extra environment for the worker (e.g. ``THUCYDIDES_DOC_TIMEOUT``).
    """
    files = []
    for i, (name, suffix, data) in enumerate(examples):
        p = workdir / f"ex{i:02d}{suffix}"
        p.write_bytes(data)
        files.append((str(p), name, len(data)))
    results: dict[str, dict] = {}
    pending = [f[0] for f in files]
    while pending:
        proc = subprocess.Popen([sys.executable, "-W", "ignore", str(Path(__file__).resolve()), "--worker", *pending],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True,
                                env={**os.environ, **(env or {})})
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda lines=lines, proc=proc: [lines.put(l) for l in proc.stdout] and None,
                         daemon=True).start()
        current, started, spawned = None, time.monotonic(), time.monotonic()
        ready = False
        while True:
            try:
                msg = json.loads(lines.get(timeout=1.0))
            except queue.Empty:
                if not ready and time.monotonic() - spawned > 300:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
                    for p in pending:
                        results.setdefault(p, {"crash": "the worker process did not start"})
                    break
                if current is not None and time.monotonic() - started > hang_s:
                    results[current] = {"hang": True, "seconds": time.monotonic() - started}
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
                    break
                if proc.poll() is not None and lines.empty():
                    if current is not None and current not in results:
                        results[current] = {"crash": f"worker died (exit {proc.returncode})", "seconds": time.monotonic() - started}
                    break
                continue
            except json.JSONDecodeError:
                continue
            if "ready" in msg:
                ready = True
            elif "start" in msg:
                current, started = msg["start"], time.monotonic()
            elif "done" in msg:
                results[msg["done"]] = msg
                current = None
        pending = [p for p in pending if p not in results]
        with contextlib.suppress(Exception):
            proc.kill()
            proc.wait()
    out = []
    for path, name, size in files:
        r = results.get(path, {"crash": "not run"})
        probs = list(r.get("problems") or [])
        if r.get("hang"):
            probs.append(f"hang: over {hang_s:g} s for one input (stopped)")
        elif name in ARTICLE_INSIDE and not r.get("crash") and not r.get("documents"):
            probs.append("lost: the input holds an article, no document came out (" + "; ".join(r.get("reasons") or [])[:100] + ")")
        out.append({"name": name, "size": size, "seconds": r.get("seconds", 0.0), "documents": r.get("documents", 0),
                    "failures": r.get("failures", 0), "crash": r.get("crash"), "problems": probs,
                    "reasons": r.get("reasons") or []})
    return out


# =============================================================================== faults
def cli(args: list[str], timeout: float = 600, env: Optional[dict] = None) -> subprocess.CompletedProcess:
    """Run ``python -m thucydides.cli ARGS`` and capture its output."""
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "thucydides.cli", *args], capture_output=True, text=True, timeout=timeout, env=e)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_corpus(path: Path, n: int, start: int = 0, filler_words: int = 0) -> list[str]:
    """``n`` distinct small news articles as JSON Lines; returns their ids."""
    countries = ["Russia", "China", "India", "Pakistan", "Iran", "Israel", "Turkey", "Japan"]
    rng = random.Random(start)
    ids = []
    with open(path, "w", encoding="utf-8") as f:
        for i in range(start, start + n):
            a, b = countries[i % 8], countries[(i + 3) % 8]
            filler = " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 9)))
                              for _ in range(filler_words))
            text = (f"{a} and {b} held talks on trade number {i} on Monday, officials said. "
                    f"The foreign minister of {a} said the meeting was useful. {filler}").strip()
            ids.append(f"d{i:05d}")
            f.write(json.dumps({"id": ids[-1], "published": "2025-03-10", "text": text}) + "\n")
    return ids


def db_integrity(db: Path) -> dict:
    """Counts and consistency of a Thucydides database, opened read-only (raises on failure to open)."""
    from thucydides.storage import Store

    with Store(db, read_only=True) as s:
        one = lambda sql: s.query(sql)[0]["n"]  # noqa: E731
        recs = s.query("SELECT doc_key, id, record FROM documents")
        bad_records = 0
        partial = 0
        actor_rows = {r["doc_key"]: r["n"] for r in s.query("SELECT doc_key, count(*) AS n FROM actors GROUP BY 1")}
        for r in recs:
            try:
                rec = json.loads(r["record"])
                if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                    bad_records += 1
                elif actor_rows.get(r["doc_key"], 0) != len(rec.get("actors") or []):
                    partial += 1
            except (TypeError, ValueError):
                bad_records += 1
        ids = [r["id"] for r in recs]
        return {
            "documents": len(recs),
            "distinct_ids": len(set(ids)),
            "ids": ids,
            "bad_records": bad_records,
            "partial_documents": partial,
            "orphan_rows": sum(one(f"SELECT count(*) AS n FROM {t} WHERE doc_key NOT IN (SELECT doc_key FROM documents)")
                               for t in ("actors", "mentions", "quotes", "events")),
            "inputs_stored": one("SELECT count(*) AS n FROM inputs WHERE status = 'stored'"),
        }


def clear_error(res: subprocess.CompletedProcess, db: Path) -> list[str]:
    """What is wrong with a CLI error: a traceback, no message naming the database, the wrong exit code."""
    out = []
    err = res.stderr or ""
    if "Traceback" in err or 'File "/' in err:
        out.append("a Python traceback on stderr")
    if str(db) not in err and db.name not in err:
        out.append("the message does not name the database file")
    if res.returncode == 0:
        out.append("exit status 0")
    return out


def _last_line(text: str) -> str:
    lines = [l for l in (text or "").strip().splitlines() if l.strip()]
    return lines[-1][:300] if lines else ""


HOLD_LOCK = ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); "
             "time.sleep(float(sys.argv[2])); c.close()")


@contextlib.contextmanager
def lock_held(db: Path, seconds: float = 120):
    """Another process holding a read-write DuckDB connection (and so the file lock) on ``db``."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().strip()
        if line != "locked":
            raise RuntimeError(f"the lock holder did not start (got {line!r})")
        yield proc
    finally:
        proc.kill()
        proc.wait()


def build_db(db: Path, inputs: Iterable) -> int:
    """Analyse ``inputs`` with the real pipeline and store them in ``db``; returns documents stored."""
    from thucydides.pipeline import analyze
    from thucydides.storage import Store

    with Store(db) as s:
        return s.ingest(analyze([str(i) for i in inputs])).stored


def fault_locked(work: Path) -> dict:
    """`thucydides ingest` and `thucydides stats` while another process holds the database's write lock."""
    work.mkdir(parents=True, exist_ok=True)
    db = work / "locked.duckdb"
    from thucydides.storage import Store

    with Store(db):
        pass
    article = SAMPLE / "lavrov-alliance.txt"
    runs = {}
    with lock_held(db):
        before = sha256(db)
        for cmd in (["ingest", str(article), "--db", str(db), "-q"], ["stats", "--db", str(db)],
                    ["quotes", "--db", str(db)], ["events", "--db", str(db)]):
            res = cli(cmd, timeout=120)
            runs[cmd[0]] = {"exit": res.returncode, "message": _last_line(res.stderr),
                            "problems": clear_error(res, db) + ([] if "lock" in res.stderr.lower() else ["the message does not say 'locked'"])
                            + ([] if res.returncode == 2 else [f"exit status {res.returncode}, not 2"])}
        unchanged = sha256(db) == before
    return {"runs": runs, "unchanged": unchanged}


def _damaged_copies(src: bytes, probe: Path) -> list[tuple[str, bytes]]:
    """Copies of a real database with 64 bytes of one block zeroed: one DuckDB notices when opening the file,
    one it notices only when ``thucydides stats`` reads the damaged block."""
    import duckdb

    from thucydides.errors import StoreError
    from thucydides.storage import Store

    block = 262_144
    found: dict[str, bytes] = {}
    for off in range(12_288 + 1000, len(src), block):
        data = bytearray(src)
        data[off:off + 64] = bytes(64)
        probe.write_bytes(bytes(data))
        try:
            con = duckdb.connect(str(probe), read_only=True)
        except duckdb.Error:
            found.setdefault("a data block damaged (noticed when the file is opened)", bytes(data))
        else:
            con.close()
            try:
                with Store(probe, read_only=True) as s:
                    s.stats()
            except (duckdb.Error, StoreError):
                found.setdefault("a data block damaged (noticed when stats reads it)", bytes(data))
        if len(found) == 2:
            break
    probe.unlink(missing_ok=True)
    return sorted(found.items())


def fault_corrupt(work: Path, sample_db: Optional[Path] = None) -> dict:
    """CLI commands on damaged database files.

    A command that hits the damage must exit 2 with a message naming the file (not "locked"), no
    traceback, and leave the file byte-for-byte unchanged. Where the damage is in a block a command
    does not read (only possible for the data-block cases), the command may succeed.
    """
    work.mkdir(parents=True, exist_ok=True)
    if sample_db is None:
        sample_db = work / "source.duckdb"
        if not sample_db.exists():
            build_db(sample_db, [SAMPLE])
    src = sample_db.read_bytes()
    rng = random.Random(8)
    cases = [("random bytes (200 KB)", bytes(rng.randrange(256) for _ in range(200_000))),
             ("empty file", b""),
             ("truncated to half of a real database", src[: len(src) // 2]),
             ("first 4 KB (header) zeroed", bytes(4096) + src[4096:])]
    cases += _damaged_copies(src, work / "probe.duckdb")
    article = SAMPLE / "lavrov-alliance.txt"
    results = []
    for name, data in cases:
        db = work / f"corrupt-{len(results)}.duckdb"
        db.write_bytes(data)
        for cmd in (["stats", "--db", str(db)], ["quotes", "--db", str(db)], ["events", "--db", str(db)],
                    ["ingest", str(article), "--db", str(db), "-q", "--no-resume"]):
            db.write_bytes(data)
            before = sha256(db)
            res = cli(cmd, timeout=300)
            may_succeed = name.startswith("a data block") and not (name.endswith("opened)") or cmd[0] == "stats")
            probs = []
            if res.returncode == 0 and may_succeed:
                if "Traceback" in res.stderr:
                    probs.append("a Python traceback on stderr")
            else:
                probs = clear_error(res, db)
                if res.returncode != 2:
                    probs.append(f"exit status {res.returncode}, not 2")
                if "locked" in res.stderr.lower():
                    probs.append("the message says the database is locked (it is damaged)")
                if sha256(db) != before:
                    probs.append("the file changed")
            results.append({"case": name, "command": cmd[0], "exit": res.returncode, "message": _last_line(res.stderr),
                            "problems": probs})
    return {"results": results}


def _mount_tmpfs(directory: Path, size: str) -> Optional[str]:
    """Mount a tmpfs; returns None on success, else the reason it cannot be done here."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "not root: cannot mount a tmpfs"
    if not shutil.which("mount"):
        return "no mount command"
    directory.mkdir(parents=True, exist_ok=True)
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(directory)], capture_output=True, text=True)
    if res.returncode != 0:
        return f"mounting a tmpfs is not permitted here ({_last_line(res.stderr) or res.returncode})"
    return None


def _umount(directory: Path) -> None:
    for _ in range(20):
        if subprocess.run(["umount", str(directory)], capture_output=True).returncode == 0:
            return
        time.sleep(0.25)
    subprocess.run(["umount", "-l", str(directory)], capture_output=True)


def _ballast(directory: Path, leave_bytes: int) -> Path:
    """Fill a file system with a ballast file until about ``leave_bytes`` are free."""
    st = os.statvfs(directory)
    free = st.f_bavail * st.f_frsize
    ballast = directory / "ballast.bin"
    with open(ballast, "wb") as f:
        left = max(0, free - leave_bytes)
        chunk = b"\0" * (1 << 20)
        while left > 0:
            n = min(left, len(chunk))
            f.write(chunk[:n])
            left -= n
    return ballast


def fault_disk_full(work: Path, size: str = "32m", headroom: int = 1_500_000, first: int = 5, second: int = 150) -> dict:
    """Ingest until the disk (a tmpfs) is full; then the database must open, intact, with what was committed.

    The tmpfs is larger than 3 MB because an empty Thucydides database with its full-text index is
    already about 5 MB; a ballast file leaves ``headroom`` bytes free before the second ingest.
    """
    work.mkdir(parents=True, exist_ok=True)
    mnt = work / "tmpfs"
    reason = _mount_tmpfs(mnt, size)
    if reason:
        return {"skipped": reason}
    try:
        db = mnt / "full.duckdb"
        c1, c2 = work / "first.jsonl", work / "second.jsonl"
        write_corpus(c1, first, start=0)
        ids2 = write_corpus(c2, second, start=10_000, filler_words=300)
        r1 = cli(["ingest", str(c1), "--db", str(db), "-q"], timeout=300)
        if r1.returncode != 0:
            return {"skipped": f"the first ingest did not fit on a {size} tmpfs: {_last_line(r1.stderr)}"}
        before = db_integrity(db)
        ballast = _ballast(mnt, headroom)
        r2 = cli(["ingest", str(c2), "--db", str(db), "-q"], timeout=600)
        msg = r2.stderr
        res: dict[str, Any] = {
            "tmpfs": size, "headroom": headroom, "committed_before": before["documents"], "exit": r2.returncode,
            "message": _last_line(msg), "problems": [],
        }
        if r2.returncode == 0:
            res["problems"].append("the ingest did not fail although the disk filled")
        res["problems"] += [p for p in clear_error(r2, db) if p != "exit status 0"]
        if not re.search(r"no space left|not enough space|disk (is )?full|out of space", msg, re.I):
            res["problems"].append("the message does not say the disk is full")
        try:
            after = db_integrity(db)  # read-only: possible while the disk is still full
        except Exception as e:  # noqa: BLE001
            res["problems"].append(f"the database does not open after the failure: {type(e).__name__}: {str(e)[:160]}")
            return res
        res["after_failure"] = {k: v for k, v in after.items() if k != "ids"}
        if after["documents"] < before["documents"]:
            res["problems"].append(f"lost committed documents: {before['documents']} before, {after['documents']} after")
        if after["distinct_ids"] != after["documents"]:
            res["problems"].append("duplicated documents")
        for k in ("bad_records", "partial_documents", "orphan_rows"):
            if after[k]:
                res["problems"].append(f"{k}: {after[k]}")
        if after["inputs_stored"] != after["documents"]:
            res["problems"].append(f"inputs marked stored ({after['inputs_stored']}) differ from documents ({after['documents']})")
        # free the space and run the same command again: it must finish the job, losing and duplicating nothing
        ballast.unlink()
        r3 = cli(["ingest", str(c2), "--db", str(db), "-q"], timeout=600)
        res["resume_exit"] = r3.returncode
        if r3.returncode != 0:
            res["problems"].append(f"the ingest after freeing space failed: {_last_line(r3.stderr)}")
        else:
            final = db_integrity(db)
            res["final"] = {k: v for k, v in final.items() if k != "ids"}
            want = first + len(ids2)
            if final["documents"] != want or final["distinct_ids"] != want:
                res["problems"].append(f"after resuming: {final['documents']} documents ({final['distinct_ids']} distinct), expected {want}")
        return res
    finally:
        _umount(mnt)


def fault_kill9(work: Path, n: int = 250, kills: tuple[float, ...] = (4.0, 4.0)) -> dict:
    """``kill -9`` the ingest process group ``len(kills)`` times in a row, then let it finish: no loss, no duplicates.

    tests/test_scale.py kills once at 4 s and at 7 s; this kills repeatedly, resuming a resumed run.
    """
    work.mkdir(parents=True, exist_ok=True)
    src = work / "in.jsonl"
    ids = write_corpus(src, n)
    db = work / "k.duckdb"
    cmd = [sys.executable, "-m", "thucydides.cli", "ingest", str(src), "--db", str(db), "--quiet"]
    progress = []
    for after in kills:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(after)
        finished = proc.poll() is not None
        if not finished:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        stored = db_integrity(db)["documents"] if db.exists() else 0
        progress.append({"killed_after_s": after, "finished_before_kill": finished, "stored_so_far": stored})
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    final = db_integrity(db)
    probs = []
    if res.returncode != 0:
        probs.append(f"the restarted ingest failed: {_last_line(res.stderr)}")
    if final["documents"] != n:
        probs.append(f"{final['documents']} documents stored, expected {n} (lost {n - final['documents']})")
    if final["distinct_ids"] != final["documents"]:
        probs.append(f"duplicated documents: {final['documents'] - final['distinct_ids']}")
    if set(final["ids"]) != set(ids):
        probs.append("stored ids differ from the corpus ids")
    for k in ("bad_records", "partial_documents", "orphan_rows"):
        if final[k]:
            probs.append(f"{k}: {final[k]}")
    return {"documents": n, "kills": progress, "final": {k: v for k, v in final.items() if k != "ids"},
            "lost": max(0, n - final["distinct_ids"]), "duplicated": final["documents"] - final["distinct_ids"],
            "problems": probs}


# kill -9 at a statement boundary: the real `thucydides ingest` in a child process that kills itself with
# SIGKILL right before or after the n-th statement containing a pattern (a chunk's COMMIT, the index rebuild).
KILL_CHILD = r"""
import os, signal, sys
import thucydides.storage as st
import thucydides.storage.store as store_mod
from thucydides.cli import main

when, pattern, nth, chunk = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
seen = [0]

class Killing:
    def __init__(self, con):
        self._con = con
    def __getattr__(self, name):
        return getattr(self._con, name)
    def execute(self, sql, *a, **k):
        hit = pattern in sql
        if hit:
            seen[0] += 1
        if hit and when == "before" and seen[0] == nth:
            os.kill(os.getpid(), signal.SIGKILL)
        out = self._con.execute(sql, *a, **k)
        if hit and when == "after" and seen[0] == nth:
            os.kill(os.getpid(), signal.SIGKILL)
        return out

init = store_mod.Store.__init__
def patched(self, *a, **k):
    init(self, *a, **k)
    self.con = Killing(self.con)
store_mod.Store.__init__ = patched
ingest = st.ingest
st.ingest = lambda *a, **k: ingest(*a, chunk=chunk, **k)
sys.exit(main(sys.argv[5:]))
"""
KILL_ARTICLES = ("lavrov-alliance.txt", "beijing-iran-talks.txt", "israel-iran-warning.txt", "us-china-tariffs.txt",
                 "eu-russia-sanctions-renewal.txt")
KILL_QUESTIONS = ("Will Russia and China forge a military alliance?", "Will Israel attack Iran?")
KILL_SEARCHES = ("alliance", "sanctions", "nuclear talks", "tariffs China", "strike")


def _answers(db: Path) -> dict:
    """What a user of ``db`` sees: documents, index entries (passages, full-text entries), ask and search."""
    from thucydides.query.ask import ask
    from thucydides.storage import Store

    with Store(db, read_only=True) as s:
        fts = s.load_fts() and bool(s.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = 'fts_main_passages'"))
        briefs = [ask(s, q, limit=50) for q in KILL_QUESTIONS]
        for b in briefs:
            b.pop("seconds", None)
        has_passages = bool(s.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'passages'"))
        return {"documents": s.query("SELECT count(*) AS n FROM documents")[0]["n"],
                "events": s.query("SELECT count(*) AS n FROM events")[0]["n"],
                "passages": s.query("SELECT count(*) AS n FROM passages")[0]["n"] if has_passages else 0,
                "fts_entries": s.query("SELECT count(*) AS n FROM fts_main_passages.docs")[0]["n"] if fts else 0,
                "ask": json.dumps(briefs, sort_keys=True, default=str),
                "search": json.dumps([s.search_passages(w, limit=50) for w in KILL_SEARCHES], sort_keys=True, default=str)}


def fault_kill_points(work: Path, chunk: int = 2) -> dict:
    """``kill -9`` at every stage boundary of an ingest (after each chunk's commit, before and inside the
    index rebuild), then the same command again: documents, index entries, ``ask`` and search must equal
    a clean run's. 5 sample articles, ``chunk`` per transaction."""
    work.mkdir(parents=True, exist_ok=True)
    articles = [str(SAMPLE / n) for n in KILL_ARTICLES]
    clean_db = work / "clean.duckdb"
    res = cli(["ingest", *articles, "--db", str(clean_db), "-q"], timeout=900)
    if res.returncode != 0:
        return {"harness_error": f"clean run failed: {_last_line(res.stderr)}"}
    clean = _answers(clean_db)
    chunks = -(-len(articles) // chunk)
    points = [("after", "COMMIT", n) for n in range(1, chunks + 1)]  # the chunks' commits (schema creation is not seen)
    points += [("before", "CREATE OR REPLACE TABLE passages", 1), ("after", "CREATE OR REPLACE TABLE passages", 1),
               ("after", "create_fts_index", 1)]
    names = {("after", "COMMIT"): "after chunk {} commits", ("before", "CREATE OR REPLACE TABLE passages"):
             "after the last chunk, before the index rebuild", ("after", "CREATE OR REPLACE TABLE passages"):
             "in the rebuild: passage table built, full-text index not", ("after", "create_fts_index"):
             "in the rebuild: full-text index built, its generation not recorded"}
    rows = []
    for when, pattern, nth in points:
        db = work / f"k{len(rows)}.duckdb"
        cmd = ["ingest", *articles, "--db", str(db), "-q"]
        child = subprocess.run([sys.executable, "-c", KILL_CHILD, when, pattern, str(nth), str(chunk), *cmd],
                               capture_output=True, text=True, timeout=900)
        killed = child.returncode == -signal.SIGKILL
        at_kill = db_integrity(db)["documents"] if db.exists() else 0
        rerun = cli(cmd, timeout=900)
        got = _answers(db) if db.exists() else {k: 0 for k in clean}
        row = {"point": names[(when, pattern)].format(nth), "killed": killed, "stored_at_kill": at_kill,
               "rerun_exit": rerun.returncode, "documents": got["documents"],
               "lost_documents": max(0, clean["documents"] - got["documents"]),
               "lost_index_entries": max(0, clean["passages"] - got["passages"]) + max(0, clean["fts_entries"] - got["fts_entries"]),
               "ask_same": got["ask"] == clean["ask"], "search_same": got["search"] == clean["search"], "problems": []}
        if not killed:
            row["problems"].append(f"the child was not killed (exit {child.returncode}: {_last_line(child.stderr)})")
        if rerun.returncode != 0:
            row["problems"].append(f"the rerun failed: {_last_line(rerun.stderr)}")
        for k in ("lost_documents", "lost_index_entries"):
            if row[k]:
                row["problems"].append(f"{k.replace('_', ' ')}: {row[k]}")
        if got["documents"] > clean["documents"]:
            row["problems"].append(f"{got['documents'] - clean['documents']} documents more than a clean run")
        if not row["ask_same"] or not row["search_same"]:
            row["problems"].append("ask or search answers differently from a clean run")
        rows.append(row)
    return {"articles": len(articles), "chunk": chunk, "clean": {k: clean[k] for k in ("documents", "events", "passages", "fts_entries")},
            "points": rows, "lost_documents": sum(r["lost_documents"] for r in rows),
            "lost_index_entries": sum(r["lost_index_entries"] for r in rows),
            "problems": [f"{r['point']}: {p}" for r in rows for p in r["problems"]]}


def time_limit_check() -> dict:
    """Does the pipeline enforce ``doc_timeout`` (a long article, a 1 ms limit)?"""
    from thucydides.pipeline import analyze_documents
    from thucydides.settings import load

    art = (SAMPLE / "lavrov-alliance.txt").read_text(encoding="utf-8")
    doc = Document(id="long", input="long-article", raw="\n\n".join([art] * 4), state=AnalysisState(headline_first_line=True))
    t0 = time.perf_counter()
    [item] = list(analyze_documents([doc], load(doc_timeout=0.001)))
    secs = time.perf_counter() - t0
    ok = isinstance(item, Failure) and "time limit" in item.reason
    return {"enforced": ok, "seconds": secs, "outcome": item.reason if isinstance(item, Failure) else "analysed (no limit)"}


# =============================================================================== the server
SQLI = [
    "' OR 1=1 --", "' OR '1'='1", "\"; DROP TABLE documents; --", "'; DROP TABLE documents; --",
    "%' UNION SELECT record, NULL FROM documents --", "') UNION SELECT input, reason FROM failures --",
    "1; DELETE FROM quotes", "\x00", "abc\x00' OR 1=1 --", "\\", "%", "_", "'||(SELECT version())||'",
    "$$; DROP TABLE events; $$", "?", "$1", "NULL", "1e999", "-1", "99999999999999999999999", "2025-01-01' OR '1'='1",
    "🙂' --", "\u202e' OR 1=1", "'" * 150, "ATTACH '/etc/passwd' AS x; --", "COPY documents TO '/tmp/x.csv'; --",
    "' || read_text('/etc/passwd') || '", "RUS' AND 1=(SELECT count(*) FROM documents) --", "%00", "%27%20OR%201%3D1",
]
SQLI_SHORT = SQLI[:9] + ["%", "_", "\\", "' || read_text('/etc/passwd') || '", "%' UNION SELECT * FROM inputs --"]
SQL_ERROR_MARKERS = ("Parser Error", "Binder Error", "Catalog Error", "Conversion Error", "Invalid Input Error",
                     "Out of Range Error", "IO Error", "_duckdb", "duckdb.", "syntax error")
TRACE_MARKERS = ("Traceback", 'File "/')
FILE_MARKERS = ("root:x:0:0", "def create_app", "import duckdb", "[build-system]")
TRAVERSAL = [
    "../../../../etc/passwd", "..%2f..%2f..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/%2e%2e/etc/passwd", "..%252f..%252f..%252fetc%252fpasswd", "/etc/passwd", "%2fetc%2fpasswd",
    "....//....//....//etc/passwd", "..\\..\\..\\api.py", "..%5c..%5capi.py", "../api.py", "../../thucydides/api.py",
    "%2e%2e%2fapi.py", "../templates/home.html", "../../../../pyproject.toml", "%00", "style.css%00.js",
    "..%00/api.py", "%c0%ae%c0%ae/%c0%ae%c0%ae/api.py", "%ff%fe", "a" * 5000,
]
PATH_ROUTES = ["/api/documents/{}", "/article/{}", "/static/{}"]


def get_routes(app) -> list[tuple[str, list[str], list[str]]]:
    """Every GET route of the app: (path, query parameter names, path parameter names)."""
    from fastapi.routing import APIRoute

    def flat(routes):
        for r in routes:
            inner = getattr(r, "original_router", None)  # FastAPI >= 0.16x wraps included routers
            yield from (flat(inner.routes) if inner is not None else [r])

    out = []
    for r in flat(app.routes):
        if isinstance(r, APIRoute) and "GET" in r.methods:
            out.append((r.path_format, [p.name for p in r.dependant.query_params], [p.name for p in r.dependant.path_params]))
    return out


BENIGN = {"a": "RUS", "b": "CHN", "period": "2025-03-01", "q": "Will Russia and China forge a military alliance?",
          "ident": "lavrov-alliance"}


def response_problems(r, what: str = "") -> list[str]:
    """What a response must never show: a 5xx (other than 503 busy), a traceback, SQL errors, file contents."""
    out = []
    text = r.text if hasattr(r, "text") else r[2].decode("utf-8", "replace")
    status = r.status_code if hasattr(r, "status_code") else r[0]
    if status >= 500:
        out.append(f"{what}: HTTP {status}")
    for m in TRACE_MARKERS:
        if m in text:
            out.append(f"{what}: stack trace in the body ({m!r})")
    for m in SQL_ERROR_MARKERS:
        if m in text:
            out.append(f"{what}: SQL error text in the body ({m!r})")
    for m in FILE_MARKERS:
        if m in text:
            out.append(f"{what}: file contents in the body ({m!r})")
    return out


def table_counts(db: Path) -> dict:
    from thucydides.storage import Store

    with Store(db, read_only=True) as s:
        return {t: s.query(f"SELECT count(*) AS n FROM {t}")[0]["n"]
                for t in ("documents", "actors", "mentions", "quotes", "events", "registry", "inputs", "failures")}


def asgi_request(app, method: str, raw_path: bytes, headers: Optional[list] = None, body: bytes = b"",
                 query: bytes = b"") -> tuple[int, dict, bytes]:
    """One request straight to the ASGI app, with the path exactly as given (no client-side normalisation)."""

    async def call():
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
                 "path": unquote(raw_path.decode("latin-1")), "raw_path": raw_path, "query_string": query,
                 "root_path": "", "headers": [(b"host", b"testserver"), *(headers or [])],
                 "client": ("127.0.0.1", 50000), "server": ("testserver", 80)}
        msgs: list = []
        done = asyncio.Event()
        sent = False

        async def receive():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            await done.wait()
            return {"type": "http.disconnect"}

        async def send(m):
            msgs.append(m)
            if m["type"] == "http.response.body" and not m.get("more_body"):
                done.set()

        await asyncio.wait_for(app(scope, receive, send), 60)
        start = next(m for m in msgs if m["type"] == "http.response.start")
        return (start["status"], {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in start.get("headers", [])},
                b"".join(m.get("body", b"") for m in msgs if m["type"] == "http.response.body"))

    return asyncio.run(call())


class _Counter:
    def __init__(self):
        self.requests = Counter()
        self.statuses: dict[str, Counter] = defaultdict(Counter)
        self.problems: dict[str, list[str]] = defaultdict(list)

    def note(self, cls: str, status: int, probs: list[str]):
        self.requests[cls] += 1
        self.statuses[cls][status] += 1
        self.problems[cls].extend(probs)


def api_campaign(sample_db: Path, work: Path, full: bool = True) -> dict:
    """Attack the API and pages over a copy of ``sample_db``; counts requests per class and what went wrong."""
    from fastapi.testclient import TestClient

    from thucydides.server.app import create_app

    work.mkdir(parents=True, exist_ok=True)
    db = work / "api.duckdb"
    shutil.copy(sample_db, db)
    counts0, hash0 = table_counts(db), sha256(db)
    token = "campaign-" + uuid.uuid4().hex
    app = create_app(str(db), token=token, rate_limit=0, max_body=200_000)
    c = _Counter()
    payloads = SQLI if full else SQLI_SHORT
    with TestClient(app, raise_server_exceptions=False) as client:
        # ---- SQL injection in every parameter of every GET route (query and path)
        targets = []
        for path, qparams, pparams in get_routes(app):
            for attacked in qparams + pparams:
                targets.append(f"{path}?{attacked}")
                for p in payloads:
                    params = {k: BENIGN[k] for k in qparams if k in BENIGN and k != attacked}
                    url = path
                    for pp in pparams:
                        url = url.replace("{" + pp + "}", quote(p if pp == attacked else BENIGN.get(pp, "x"), safe=""))
                    if attacked in qparams:
                        params[attacked] = p
                    r = client.get(url, params=params)
                    c.note("SQL injection in a parameter", r.status_code, response_problems(r, f"GET {path} {attacked}={p!r}"))
        # ---- path traversal
        for route in PATH_ROUTES:
            for t in TRAVERSAL:
                raw = route.format(t).encode("latin-1", "replace")
                st, hdrs, body = asgi_request(app, "GET", raw)
                probs = response_problems((st, hdrs, body), f"GET {raw[:80]!r}")
                if st not in (404, 422, 400):
                    probs.append(f"GET {raw[:80]!r}: HTTP {st}, expected 404/422")
                c.note("path traversal (raw ASGI path)", st, probs)
                r = client.get(route.format(t))
                probs = response_problems(r, f"GET {route.format(t)[:80]!r} (client)")
                if r.status_code not in (404, 422, 400):
                    probs.append(f"GET {route.format(t)[:80]!r}: HTTP {r.status_code}, expected 404/422")
                c.note("path traversal (HTTP client)", r.status_code, probs)
        # ---- oversized bodies (the limit is 200,000 bytes here)
        big = json.dumps({"documents": [{"id": "big", "text": "word " * 60_000}]}).encode()
        auth = {"Authorization": f"Bearer {token}"}
        for what, kw in [
            ("ingest, Content-Length over the limit, with token", dict(content=big, headers={**auth, "Content-Type": "application/json"})),
            ("ingest, over the limit, no token", dict(content=big, headers={"Content-Type": "application/json"})),
            ("ingest, chunked without Content-Length", dict(content=iter([b"x" * 50_000] * 6), headers=auth)),
        ]:
            r = client.post("/api/ingest", **kw)
            probs = response_problems(r, what) + ([] if r.status_code == 413 else [f"{what}: HTTP {r.status_code}, expected 413"])
            c.note("oversized bodies", r.status_code, probs)
        for url in ("/api/stats", "/api/documents", "/"):
            r = client.request("GET", url, content=b"x" * 300_000)
            probs = response_problems(r, f"GET {url} with a 300 KB body")
            if r.status_code != 413:
                probs.append(f"GET {url} with a 300 KB body: HTTP {r.status_code}, expected 413")
            c.note("oversized bodies", r.status_code, probs)
        st, _, body = asgi_request(app, "POST", b"/api/ingest", headers=[(b"content-length", b"99999999999999999999"), *[(k.lower().encode(), v.encode()) for k, v in auth.items()]])
        c.note("oversized bodies", st, response_problems((st, {}, body), "huge Content-Length") + ([] if st == 413 else [f"huge Content-Length: HTTP {st}"]))
        st, _, body = asgi_request(app, "POST", b"/api/ingest", headers=[(b"content-length", b"abc")])
        c.note("oversized bodies", st, response_problems((st, {}, body), "bad Content-Length") + ([] if st == 400 else [f"bad Content-Length: HTTP {st}"]))
        r = client.get("/api/documents", params={"q": "x" * 30_000})
        c.note("oversized bodies", r.status_code, response_problems(r, "30 KB query parameter") + ([] if r.status_code in (413, 414, 422) else [f"30 KB query: HTTP {r.status_code}"]))
        # ---- ingestion without the token
        doc = {"documents": [{"id": "intruder", "text": "Russia and China held talks on Monday, officials said. " * 3}]}
        attempts = [
            ("no Authorization header", {}, {}),
            ("wrong token", {"Authorization": "Bearer wrong"}, {}),
            ("empty bearer", {"Authorization": "Bearer "}, {}),
            ("token without scheme", {"Authorization": token}, {}),
            ("Basic scheme", {"Authorization": f"Basic {token}"}, {}),
            ("Token scheme", {"Authorization": f"Token {token}"}, {}),
            ("token prefix", {"Authorization": f"Bearer {token[:-1]}"}, {}),
            ("token plus suffix", {"Authorization": f"Bearer {token}x"}, {}),
            ("token in query ?token=", {}, {"token": token}),
            ("token in query ?access_token=", {}, {"access_token": token}),
            ("token in query ?authorization=", {}, {"authorization": f"Bearer {token}"}),
            ("token in X-API-Key", {"X-API-Key": token}, {}),
            ("token in X-Token", {"X-Token": token}, {}),
            ("token in a cookie", {"Cookie": f"token={token}"}, {}),
            ("token in Proxy-Authorization", {"Proxy-Authorization": f"Bearer {token}"}, {}),
            ("non-ASCII token", {"Authorization": "Bearer tökén".encode("utf-8")}, {}),
        ]
        for what, headers, params in attempts:
            r = client.post("/api/ingest", json=doc, headers=headers, params=params)
            probs = response_problems(r, what)
            if r.status_code not in (401, 403):
                probs.append(f"{what}: HTTP {r.status_code} (accepted unauthorised write)" if r.status_code < 300
                             else f"{what}: HTTP {r.status_code}, expected 401/403")
            c.note("ingestion without the token", r.status_code, probs)
        for method in ("PUT", "PATCH", "DELETE"):
            for url in ("/api/ingest", "/api/documents/lavrov-alliance", "/api/actors"):
                r = client.request(method, url, json=doc)
                probs = response_problems(r, f"{method} {url}") + ([] if r.status_code in (401, 403, 404, 405) else [f"{method} {url}: HTTP {r.status_code}"])
                c.note("ingestion without the token", r.status_code, probs)
        for url in ("/api/stats", "/api/documents", "/api/quotes"):
            r = client.post(url, json=doc)
            probs = response_problems(r, f"POST {url}") + ([] if r.status_code in (404, 405) else [f"POST {url}: HTTP {r.status_code}"])
            c.note("ingestion without the token", r.status_code, probs)
        # ---- CORS
        for path, qparams, pparams in get_routes(app):
            url = path
            for pp in pparams:
                url = url.replace("{" + pp + "}", BENIGN.get(pp, "x"))
            params = {k: BENIGN[k] for k in qparams if k in BENIGN}
            r = client.get(url, params=params, headers={"Origin": "https://evil.example"})
            cors = [h for h in r.headers if h.lower().startswith("access-control-")]
            c.note("CORS (Origin header, preflight)", r.status_code,
                   response_problems(r, f"GET {url} with Origin") + ([f"GET {url}: CORS headers {cors}"] if cors else []))
        for url in ("/api/ingest", "/api/stats", "/api/documents"):
            r = client.options(url, headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
                                             "Access-Control-Request-Headers": "authorization, content-type"})
            cors = [h for h in r.headers if h.lower().startswith("access-control-")]
            c.note("CORS (Origin header, preflight)", r.status_code,
                   response_problems(r, f"OPTIONS {url}") + ([f"OPTIONS {url}: CORS headers {cors}"] if cors else []))
    # ---- nothing was written
    written = []
    if table_counts(db) != counts0:
        written.append(f"table counts changed: {counts0} -> {table_counts(db)}")
    if sha256(db) != hash0:
        written.append("the database file changed")
    c.problems["ingestion without the token"].extend(written)
    return {"requests": dict(c.requests), "statuses": {k: dict(v) for k, v in c.statuses.items()}, "sqli_targets": targets,
            "problems": {k: v for k, v in c.problems.items()}, "written": written}


def default_bind() -> dict:
    """The address `serve` binds by default, from the function signature and the CLI parser."""
    import inspect

    from thucydides.cli import build_parser
    from thucydides.server.app import serve

    fn = inspect.signature(serve).parameters["host"].default
    cli_host = build_parser().parse_args(["serve"]).host
    return {"serve()": fn, "thucydides serve": cli_host, "ok": fn == "127.0.0.1" and cli_host == "127.0.0.1"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _outside_address() -> Optional[str]:
    """A non-loopback address of this machine, if it has one."""
    with contextlib.suppress(OSError):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: nothing is sent
            addr = s.getsockname()[0]
            if not addr.startswith("127."):
                return addr
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            if not info[4][0].startswith("127."):
                return info[4][0]
    return None


def _raw_http(host: str, port: int, request: bytes, timeout: float = 10) -> bytes:
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.sendall(request)
        chunks = []
        while True:
            try:
                b = s.recv(65536)
            except socket.timeout:
                break
            if not b:
                break
            chunks.append(b)
    return b"".join(chunks)


def live_server(sample_db: Path, work: Path) -> dict:
    """`thucydides serve` with its defaults: where it listens, and raw-socket traversal requests."""
    work.mkdir(parents=True, exist_ok=True)
    db = work / "live.duckdb"
    shutil.copy(sample_db, db)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "THUCYDIDES_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "thucydides.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, start_new_session=True)
    out: dict[str, Any] = {"port": port, "problems": [], "requests": 0}
    try:
        t0 = time.monotonic()
        while time.monotonic() - t0 < 60:
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            if proc.poll() is not None:
                out["problems"].append(f"the server exited: {proc.stdout.read()[-300:]}")
                return out
            time.sleep(0.2)
        outside = _outside_address()
        out["outside_address"] = outside
        if outside:
            try:
                socket.create_connection((outside, port), timeout=2).close()
                out["problems"].append(f"the server answers on {outside}:{port}, not only on loopback")
                out["reachable_from_outside"] = True
            except OSError:
                out["reachable_from_outside"] = False
        for t in TRAVERSAL[:12]:
            for route in PATH_ROUTES:
                path = route.format(t)
                raw = _raw_http("127.0.0.1", port, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode("latin-1", "replace"))
                out["requests"] += 1
                head, _, body = raw.partition(b"\r\n\r\n")
                status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
                probs = response_problems((status, {}, body), f"live GET {path[:60]}")
                if status not in (400, 404, 422):
                    probs.append(f"live GET {path[:60]}: HTTP {status}")
                out["problems"] += probs
        raw = _raw_http("127.0.0.1", port, b"GET /api/stats HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\nConnection: close\r\n\r\n")
        out["requests"] += 1
        if b"access-control-allow-origin" in raw.lower():
            out["problems"].append("live server sends Access-Control-Allow-Origin")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=10)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return out


def _serve(cmd: list[str], port: int, env: dict, cwd: Optional[Path] = None) -> subprocess.Popen:
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=cwd,
                            env={**os.environ, **env}, start_new_session=True)
    t0 = time.monotonic()
    while time.monotonic() - t0 < 120:
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited: {proc.stdout.read()[-300:]}")
        time.sleep(0.2)
    _stop(proc)
    raise RuntimeError("the server did not start listening")


def _stop(proc: subprocess.Popen) -> str:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    return proc.stdout.read() if proc.stdout else ""


def _status(raw: bytes) -> int:
    return int(raw.split(b" ", 2)[1]) if raw.startswith(b"HTTP/") and len(raw.split(b" ", 2)) > 1 else 0


def slow_clients(sample_db: Path, work: Path, attackers: int = 300, others: int = 20, header_timeout: float = 3.0) -> dict:
    """Slowloris against a live `thucydides serve` (127.0.0.1 only): ``attackers`` connections from 127.0.0.1
    each send half a request (unfinished headers, or headers and a body never sent) and hold it; meanwhile
    ``others`` clients (127.0.0.2, 127.0.0.3, ...) ask for /api/stats. Every other client must be answered,
    and every attacking connection closed by the server (503 over the per-client cap, 408 on timeout)."""
    work.mkdir(parents=True, exist_ok=True)
    db = work / "slow.duckdb"
    shutil.copy(sample_db, db)
    port = _free_port()
    env = {"THUCYDIDES_SERVER_HEADER_TIMEOUT": str(header_timeout), "THUCYDIDES_SERVER_BODY_TIMEOUT": str(header_timeout),
           "THUCYDIDES_SERVER_RATE_LIMIT": "0"}
    env = {k: v for k, v in env.items()}
    proc = _serve([sys.executable, "-m", "thucydides.cli", "serve", "--db", str(db), "--port", str(port)], port, env)
    out: dict[str, Any] = {"attackers": attackers, "others": others, "header_timeout_s": header_timeout, "problems": []}
    socks = []
    try:
        for i in range(attackers):
            s = socket.create_connection(("127.0.0.1", port), timeout=header_timeout * 4 + 20)
            with contextlib.suppress(OSError):
                s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Slow: " if i % 2 else
                          b"GET /api/stats HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{")
            socks.append(s)
        served = 0
        for k in range(others):
            src = f"127.0.0.{2 + k}"
            with contextlib.suppress(OSError):
                with socket.create_connection(("127.0.0.1", port), timeout=30, source_address=(src, 0)) as c:
                    c.sendall(b"GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    raw = b""
                    while True:
                        b = c.recv(65536)
                        if not b:
                            break
                        raw += b
                    served += _status(raw) == 200
        out["others_served"] = served
        statuses: Counter = Counter()
        held = 0
        for s in socks:
            raw = b""
            try:
                while True:
                    b = s.recv(4096)
                    if not b:
                        break
                    raw += b
                statuses[_status(raw) or "closed"] += 1
            except ConnectionResetError:
                statuses["reset"] += 1
            except socket.timeout:
                held += 1
        out["attack_statuses"] = {str(k): v for k, v in statuses.items()}
        out["still_held"] = held
        if served < others:
            out["problems"].append(f"{others - served} of {others} other clients not served under the attack")
        if held:
            out["problems"].append(f"{held} attacking connections still held after {header_timeout * 4 + 20:g} s")
    finally:
        for s in socks:
            s.close()
        _stop(proc)
    return out


def serve_script_without_guard(sample_db: Path, work: Path) -> dict:
    """The documented Python example without ``if __name__ == "__main__"``: `serve(...)` at module level.
    Two ingestion requests must be answered, the server must run once (no "address already in use" from
    workers re-running the script), with one analysis worker process beside it."""
    work.mkdir(parents=True, exist_ok=True)
    db = work / "guard.duckdb"
    shutil.copy(sample_db, db)
    port = _free_port()
    script = work / "app.py"
    script.write_text(f"from thucydides.server import serve\nserve({str(db)!r}, port={port})\n", encoding="utf-8")
    token = "script-" + uuid.uuid4().hex
    proc = _serve([sys.executable, str(script)], port, {"THUCYDIDES_TOKEN": token}, cwd=work)
    out: dict[str, Any] = {"problems": [], "answers": []}
    try:
        for i in range(2):
            body = json.dumps({"documents": [{"id": f"guard-{i}", "text": f"Iran and Russia signed trade agreement "
                                              f"number {i} in Moscow on Tuesday, the Kremlin said."}]}).encode()
            req = (f"POST /api/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
                   f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
            raw = _raw_http("127.0.0.1", port, req, timeout=300)
            st = _status(raw)
            stored = json.loads(raw.partition(b"\r\n\r\n")[2] or b"{}").get("stored") if st == 200 else None
            out["answers"].append({"status": st, "stored": stored})
            if st != 200 or stored != 1:
                out["problems"].append(f"request {i + 1}: HTTP {st}, stored {stored}")
        children = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _ppid(p) == proc.pid]
        out["child_processes"] = len(children)
        if len(children) != 1:
            out["problems"].append(f"{len(children)} child processes of the server (one analysis worker expected)")
    finally:
        log = _stop(proc)
    out["address_in_use"] = log.lower().count("address already in use")
    out["serving_lines"] = log.count("thucydides: serving")
    if out["address_in_use"] or out["serving_lines"] != 1:
        out["problems"].append(f"the script ran the server {out['serving_lines']} times "
                               f"({out['address_in_use']} 'address already in use')")
    return out


def _ppid(p: Path) -> int:
    try:
        return int((p / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


def schemathesis_run(sample_db: Path, work: Path, max_examples: int = 30) -> dict:
    """A bounded Schemathesis run over the OpenAPI schema (skipped when schemathesis is not installed)."""
    try:
        import schemathesis
        from hypothesis import HealthCheck, given, settings
    except ImportError:
        return {"skipped": "schemathesis is not installed (a development dependency candidate)"}
    from thucydides.server.app import create_app

    work.mkdir(parents=True, exist_ok=True)
    db = work / "st.duckdb"
    shutil.copy(sample_db, db)
    token = "st-" + uuid.uuid4().hex
    app = create_app(str(db), token=token, rate_limit=0)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    ops, calls, probs = [], Counter(), []
    statuses: Counter = Counter()
    for result in schema.get_all_operations():
        op = result.ok()
        ops.append(f"{op.method.upper()} {op.path}")

        @settings(max_examples=max_examples, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(op.as_strategy())
        def check(case):  # called at once below, inside this iteration
            headers = {"Authorization": f"Bearer {token}"} if op.method.lower() == "post" else None  # noqa: B023
            r = case.call(headers=headers)
            calls[f"{op.method.upper()} {op.path}"] += 1  # noqa: B023
            statuses[r.status_code] += 1
            probs.extend(response_problems(r, f"{op.method.upper()} {op.path}"))  # noqa: B023

        check()
    return {"version": getattr(schemathesis, "__version__", "?"), "operations": ops, "calls": sum(calls.values()),
            "statuses": dict(statuses), "problems": probs}


def api_time_limit(sample_db: Path, work: Path) -> dict:
    """Is the per-document time limit enforced for documents posted to /api/ingest (analysed in the server's worker process)?"""
    from fastapi.testclient import TestClient

    from thucydides.server.app import create_app

    work.mkdir(parents=True, exist_ok=True)
    db = work / "tl.duckdb"
    shutil.copy(sample_db, db)
    art = (SAMPLE / "lavrov-alliance.txt").read_text(encoding="utf-8")
    old = os.environ.get("THUCYDIDES_DOC_TIMEOUT")
    os.environ["THUCYDIDES_DOC_TIMEOUT"] = "0.001"
    try:
        with TestClient(create_app(str(db), token="t", rate_limit=0), raise_server_exceptions=False) as c:
            r = c.post("/api/ingest", json={"documents": [{"id": "slow", "text": "\n\n".join([art] * 4) + "\n\nNew ending " + uuid.uuid4().hex}]},
                       headers={"Authorization": "Bearer t"})
    finally:
        if old is None:
            os.environ.pop("THUCYDIDES_DOC_TIMEOUT", None)
        else:
            os.environ["THUCYDIDES_DOC_TIMEOUT"] = old
    body = r.json() if r.headers.get("content-type", "").startswith("application/json") else {}
    failed = body.get("failed") or []
    enforced = r.status_code == 200 and body.get("stored") == 0 and any("time limit" in (f.get("error") or "") for f in failed)
    return {"status": r.status_code, "stored": body.get("stored"), "enforced": enforced,
            "failed": [f.get("error") for f in failed][:2]}


# =============================================================================== report
def _md_table(header: list[str], rows: list[list]) -> str:
    def cell(v):
        return str(v).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)


def _safe(fn: Callable, *a, **kw) -> Any:
    """Run one part of the campaign; a harness error is reported, never hidden."""
    try:
        return fn(*a, **kw)
    except Exception as e:  # noqa: BLE001
        return {"harness_error": f"{type(e).__name__}: {str(e)[:300]}", "trace": traceback.format_exc()[-1500:]}


def run(out_dir: str | Path = "reports", budget_s: float = 300.0, log: Callable[[str], None] | None = None) -> Path:
    """Run the campaign within about ``budget_s`` seconds and write ``<out_dir>/HARDENING.md``; returns its path."""
    log = log or (lambda m: print(f"harden: {m}", file=sys.__stderr__ or sys.stderr, flush=True))
    t_start = time.monotonic()
    started = dt.datetime.now(dt.timezone.utc)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="thucydides-harden-"))
    try:
        from thucydides.nlp.parse import get_nlp

        get_nlp()  # load the model once, outside the timings
        log("building the sample database")
        sample_db = work / "sample.duckdb"
        sample_docs = build_db(sample_db, [SAMPLE])

        log("fixed hostile examples (in a worker process, hang-proof)")
        t0 = time.monotonic()
        examples = _safe(run_examples, hostile_examples(), _mk(work / "examples"))
        examples_s = time.monotonic() - t0

        log("per-document time limit")
        tl = _safe(time_limit_check)
        log("faults: kill -9")
        kill = _safe(fault_kill9, work / "kill9")
        log("faults: kill -9 at every stage boundary of an ingest")
        points = _safe(fault_kill_points, work / "points")
        log("faults: disk full")
        disk = _safe(fault_disk_full, work / "diskfull")
        log("faults: locked database")
        locked = _safe(fault_locked, work / "locked")
        log("faults: damaged database files")
        corrupt = _safe(fault_corrupt, work / "corrupt", sample_db)
        log("server: attacks through the app")
        api = _safe(api_campaign, sample_db, work / "api", True)
        log("server: live, default bind")
        live = _safe(live_server, sample_db, work / "live")
        bind = _safe(default_bind)
        log("server: slow clients")
        slow = _safe(slow_clients, sample_db, work / "slow")
        log("server: a script calling serve() without a main guard")
        guard = _safe(serve_script_without_guard, sample_db, work / "guard")
        api_tl = _safe(api_time_limit, sample_db, work / "apitl")
        log("server: schemathesis")
        st = _safe(schemathesis_run, sample_db, work / "st")

        remaining = budget_s - (time.monotonic() - t_start)
        fuzz_s = max(30.0, remaining - 10)
        classes = strategies()
        log(f"fuzzing {len(classes)} input classes for {fuzz_s:.0f} s")
        fuzz = []
        import warnings

        # warcio and hypothesis talk on stdout/stderr about the damaged inputs they are given: keep the log readable
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            for name, strat in classes.items():
                fuzz.append(_safe(fuzz_class, name, strat, fuzz_s / len(classes), 40, _mk(work / "fuzz")))
                log(f"  {name}: {getattr(fuzz[-1], 'examples', '?')} inputs")
        total_s = time.monotonic() - t_start
        text = _report(started, budget_s, total_s, sample_docs, examples, examples_s, tl, kill, disk, locked, corrupt,
                       api, live, bind, api_tl, st, fuzz, extra={"points": points, "slow": slow, "guard": guard}
                       ).replace(str(work), "$TMP")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    path = out_dir / "HARDENING.md"
    path.write_text(text, encoding="utf-8")
    log(f"wrote {path} in {time.monotonic() - t_start:.0f} s")
    return path


def _mk(p: Path) -> Path:
    p.mkdir(parents=True, exist_ok=True)
    return p


def _report(started, budget_s, total_s, sample_docs, examples, examples_s, tl, kill, disk, locked, corrupt, api, live,
            bind, api_tl, st, fuzz, extra: Optional[dict] = None) -> str:
    from thucydides import __version__

    def herr(x):
        return isinstance(x, dict) and "harness_error" in x

    # ---------------------------------------------------------------- tallies
    ex_ok = isinstance(examples, list)
    ex_list = examples if ex_ok else []
    fz = [f for f in fuzz if isinstance(f, ClassReport)]
    crashes = sum(f.crashes for f in fz) + sum(1 for e in ex_list if e["crash"])
    hangs = sum(f.hangs for f in fz) + sum(1 for e in ex_list if any(p.startswith("hang") for p in e["problems"]))
    unaccounted = sum(f.unaccounted for f in fz) + sum(1 for e in ex_list if any(p.startswith("unaccounted") or "does not name" in p for p in e["problems"]))
    lost_articles = sum(1 for e in ex_list if any(p.startswith("lost") for p in e["problems"]))
    spans = sum(f.span_errors + f.serialisation + f.other for f in fz) + sum(
        1 for e in ex_list if any(not (p.startswith(("hang", "unaccounted", "lost")) or "does not name" in p) for p in e["problems"]))
    cli_tracebacks = 0
    fault_problems = 0
    for part in (locked,):
        if isinstance(part, dict) and "runs" in part:
            cli_tracebacks += sum("a Python traceback on stderr" in r["problems"] for r in part["runs"].values())
            fault_problems += sum(bool(r["problems"]) for r in part["runs"].values())
    if isinstance(corrupt, dict) and "results" in corrupt:
        cli_tracebacks += sum("a Python traceback on stderr" in r["problems"] for r in corrupt["results"])
        fault_problems += sum(bool(r["problems"]) for r in corrupt["results"])
    if isinstance(disk, dict) and disk.get("problems"):
        cli_tracebacks += int(any("traceback" in p for p in disk["problems"]))
        fault_problems += len(disk["problems"])
    lost = (kill.get("lost", 0) if isinstance(kill, dict) else 0)
    dup = (kill.get("duplicated", 0) if isinstance(kill, dict) else 0)
    if isinstance(disk, dict):
        lost += sum(1 for p in disk.get("problems", []) if p.startswith("lost") or "after resuming" in p)
        dup += sum(1 for p in disk.get("problems", []) if "duplicated" in p)
    api_problems = api.get("problems", {}) if isinstance(api, dict) and "problems" in api else {}
    unauthorised = sum(1 for p in api_problems.get("ingestion without the token", []) if "accepted" in p or "changed" in p)
    http_5xx = sum(1 for v in api_problems.values() for p in v if "HTTP 5" in p)
    leaks = sum(1 for v in api_problems.values() for p in v if "stack trace" in p or "SQL error" in p or "file contents" in p)
    other_api = sum(len(v) for v in api_problems.values()) - unauthorised - http_5xx - leaks
    live_probs = live.get("problems", []) if isinstance(live, dict) else []
    st_probs = st.get("problems", []) if isinstance(st, dict) else []
    harness = [name for name, x in (("examples", examples), ("time limit", tl), ("kill -9", kill), ("disk full", disk),
                                    ("locked", locked), ("corrupt", corrupt), ("api", api), ("live server", live),
                                    ("bind", bind), ("api time limit", api_tl), ("schemathesis", st)) if herr(x)]
    harness += [f"fuzz {f.get('harness_error')}" for f in fuzz if herr(f)]
    extra = extra or {}
    points, slow, guard = extra.get("points"), extra.get("slow"), extra.get("guard")
    harness += [name for name, x in (("kill points", points), ("slow clients", slow), ("script without guard", guard))
                if x is not None and herr(x)]
    ok_points = isinstance(points, dict) and "points" in points
    ok_slow = isinstance(slow, dict) and "others_served" in slow
    ok_guard = isinstance(guard, dict) and "answers" in guard

    L: list[str] = []
    add = L.append
    add("# Hardening report")
    add("")
    add(f"Generated by `{COMMAND} --budget {budget_s:g}` (also `make harden`) on "
        f"{started:%Y-%m-%d %H:%M} UTC; thucydides {__version__}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}. Budget {budget_s:g} s, took {total_s:.0f} s. "
        "This file is generated: rerun the command, do not edit it.")
    add("")
    add("## Headline")
    add("")
    add("Every figure in this table must be 0.")
    add("")
    add(_md_table(["what went wrong", "count"], [
        ["crashes: an exception escaped `analyze()` (fuzz + fixed inputs)", crashes],
        ["hangs: one input analysed for over 60 s (the default `doc_timeout`)", hangs],
        ["inputs not accounted for (no item, or an item not naming its input)", unaccounted],
        ["articles lost: a fixed input holding an article gave no document (the Failure may look reasonable)", lost_articles],
        ["documents with spans outside the text, dangling actor ids, or records that do not serialise", spans],
        ["CLI runs under a fault that ended with a Python traceback", cli_tracebacks],
        ["other fault-handling problems (unclear message, wrong exit status, file changed, ...)", max(0, fault_problems - cli_tracebacks)],
        ["documents lost (kill -9, disk full)", lost],
        ["documents duplicated (kill -9, disk full)", dup],
        ["documents lost at a kill point (kill -9 at every stage boundary, then rerun)",
         points["lost_documents"] if ok_points else "n/a"],
        ["index entries lost at a kill point (passages and full-text entries vs a clean run)",
         points["lost_index_entries"] if ok_points else "n/a"],
        ["kill points after which `ask` or search answer differently from a clean run",
         sum(1 for r in points["points"] if not (r["ask_same"] and r["search_same"])) if ok_points else "n/a"],
        ["other clients not answered under the slow-client attack", (slow["others"] - slow["others_served"]) if ok_slow else "n/a"],
        ["slow-client connections the server held past its timeouts", slow["still_held"] if ok_slow else "n/a"],
        ["a script calling serve() without a main guard: failed ingestions or extra servers",
         len(guard["problems"]) if ok_guard else "n/a"],
        ["accepted unauthorised writes (or the database changed under attack)", unauthorised],
        ["HTTP 5xx answers to attacks", http_5xx],
        ["stack traces, SQL error text or file contents in responses", leaks],
        ["other API findings (unexpected status, CORS header, live server)", max(0, other_api) + len(live_probs) + len(st_probs)],
        ["per-document time limit not enforced (pipeline / API ingestion)",
         int(not (isinstance(tl, dict) and tl.get("enforced"))) + int(not (isinstance(api_tl, dict) and api_tl.get("enforced")))],
        ["default bind address not loopback", 0 if isinstance(bind, dict) and bind.get("ok") else 1],
        ["harness errors (a part of the campaign could not run)", len(harness)],
    ]))
    add("")
    n_examples = sum(f.examples for f in fz) + len(ex_list)
    n_requests = (sum(api.get("requests", {}).values()) if isinstance(api, dict) and "requests" in api else 0) + \
        (live.get("requests", 0) if isinstance(live, dict) else 0) + (st.get("calls", 0) if isinstance(st, dict) else 0)
    add(f"Tried: {n_examples:,} hostile inputs through the real pipeline (spaCy included), 5 fault scenarios (kill -9 at every stage boundary included), "
        f"{n_requests:,} hostile HTTP requests. Sample database: {sample_docs} documents from `src/thucydides/sample`.")
    if harness:
        add("")
        add("Harness errors: " + "; ".join(harness))
    # ---------------------------------------------------------------- fuzz
    add("")
    add("## 1. Hostile input: fuzzing the readers and the analysis")
    add("")
    add("Hypothesis generates files of each kind; each goes through `list(thucydides.pipeline.analyze([path]))` and is "
        "checked: nothing raises; the file yields at least one item; every item is a Document or a Failure with a "
        "reason naming the input; every span (actor mentions, quote content/cue/speaker mention, event "
        "sentence/trigger) lies in `[0, len(text)]` with start <= end; quote speakers and event actors are actors "
        "of the document; the record serialises with `json.dumps` and encodes as UTF-8.")
    add("")
    rows = []
    for f in fuzz:
        if isinstance(f, ClassReport):
            rows.append([f.name, f.examples, f.documents, f.failures, f.crashes, f.hangs, f.unaccounted,
                         f.span_errors + f.serialisation + f.other, f"{f.slowest:.2f}", f"{f.seconds:.0f}"])
        else:
            rows.append([f"(harness error: {f.get('harness_error')})", 0, 0, 0, 0, 0, 0, 0, "-", "-"])
    add(_md_table(["input class", "inputs", "documents", "failures (reported)", "crashes", "hangs", "unaccounted",
                   "span/record errors", "slowest s", "s"], rows))
    add("")
    findings = [(f.name, sig, cnt, ex) for f in fz for sig, (cnt, ex, _) in sorted(f.findings.items(), key=lambda x: -x[1][0])]
    if findings:
        add("Distinct findings (smallest example of each):")
        add("")
        for name, sig, cnt, ex in findings[:40]:
            add(f"- **{name}** — {cnt}× `{sig[:220]}`  ")
            add(f"  example: `{ex[:260]}`")
        add("")
    add("### Fixed extreme inputs")
    add("")
    add(f"Each analysed in a separate worker process so that a hang is stopped and recorded ({examples_s:.0f} s in all).")
    add("")
    if ex_ok:
        add(_md_table(["input", "bytes", "s", "documents", "failures", "outcome"], [
            [e["name"], f"{e['size']:,}", f"{e['seconds']:.1f}", e["documents"], e["failures"],
             ("CRASH " + e["crash"]) if e["crash"] else ("; ".join(e["problems"])[:200] if e["problems"]
                                                         else ("ok" + (": " + "; ".join(e["reasons"])[:120] if e["reasons"] else "")))]
            for e in ex_list]))
    else:
        add(f"(harness error: {examples.get('harness_error')})")
    # ---------------------------------------------------------------- time limit
    add("")
    add("## 2. Per-document time limit (`doc_timeout`)")
    add("")
    if isinstance(tl, dict) and "enforced" in tl:
        add(f"- Pipeline (`analyze_documents`, main thread), a 4× Lavrov article with `doc_timeout=0.001`: "
            f"{'enforced' if tl['enforced'] else 'NOT enforced'} — {tl['outcome']} ({tl['seconds']:.2f} s).")
    if isinstance(api_tl, dict) and "enforced" in api_tl:
        add(f"- `POST /api/ingest` (analysed in the server's persistent worker process), same article, `THUCYDIDES_DOC_TIMEOUT=0.001`: "
            f"{'enforced' if api_tl['enforced'] else 'NOT enforced'} (HTTP {api_tl['status']}, stored {api_tl['stored']}"
            f"{', failed: ' + '; '.join(x or '' for x in api_tl['failed']) if api_tl['failed'] else ''}).")
    # ---------------------------------------------------------------- faults
    add("")
    add("## 3. Faults")
    add("")
    add("### kill -9 during ingest, then restart")
    add("")
    if isinstance(kill, dict) and "final" in kill:
        steps = "; ".join(f"killed after {k['killed_after_s']:g} s with {k['stored_so_far']} stored"
                          + (" (had already finished)" if k["finished_before_kill"] else "") for k in kill["kills"])
        add(f"{kill['documents']} articles; `thucydides ingest` killed with SIGKILL (process group) {len(kill['kills'])} times "
            f"in a row ({steps}), then run to the end: {kill['final']['documents']} documents stored, "
            f"{kill['lost']} lost, {kill['duplicated']} duplicated, {kill['final']['orphan_rows']} orphan rows, "
            f"{kill['final']['partial_documents']} partial documents. "
            + ("Problems: " + "; ".join(kill["problems"]) if kill["problems"] else "No problems.")
            + " (`tests/test_scale.py::test_kill_9_during_ingest_then_resume_loses_and_duplicates_nothing` covers a single kill at 4 s and 7 s.)")
    else:
        add(f"(harness error: {kill.get('harness_error') if isinstance(kill, dict) else kill})")
    add("")
    add("### kill -9 at every stage boundary of an ingest, then the same command again")
    add("")
    if ok_points:
        add(f"{points['articles']} sample articles, {points['chunk']} per transaction; `thucydides ingest` in a child "
            "process kills itself with SIGKILL at one boundary, then the same command runs to the end, and the "
            "database is compared with a clean run's (documents, passages, full-text entries, two `ask` briefs, "
            f"five searches). Clean run: {points['clean']['documents']} documents, {points['clean']['passages']} passages, "
            f"{points['clean']['fts_entries']} full-text entries.")
        add("")
        add(_md_table(["kill point", "killed", "stored at the kill", "rerun exit", "documents", "lost documents",
                       "lost index entries", "ask same", "search same", "problems"],
                      [[r["point"], r["killed"], r["stored_at_kill"], r["rerun_exit"], r["documents"], r["lost_documents"],
                        r["lost_index_entries"], r["ask_same"], r["search_same"], "; ".join(r["problems"]) or "none"]
                       for r in points["points"]]))
    else:
        add(f"(harness error: {points.get('harness_error') if isinstance(points, dict) else points})")
    add("")
    add("### Disk full")
    add("")
    if isinstance(disk, dict) and disk.get("skipped"):
        add(f"Skipped: {disk['skipped']}.")
    elif isinstance(disk, dict) and "exit" in disk:
        add(f"A {disk['tmpfs']} tmpfs (an empty Thucydides database with its full-text index is ~5 MB, so 3 MB fills "
            f"before anything commits); {disk['committed_before']} documents committed, then a ballast file leaves "
            f"{disk['headroom']:,} bytes free and a 150-article ingest runs until the disk is full.")
        add("")
        add(f"- exit status {disk['exit']}; last stderr line: `{disk['message'][:250]}`")
        if "after_failure" in disk:
            a = disk["after_failure"]
            add(f"- afterwards (read-only, disk still full): the database opens; {a['documents']} documents, "
                f"{a['bad_records']} unreadable records, {a['partial_documents']} partial documents, {a['orphan_rows']} orphan rows")
        if "final" in disk:
            add(f"- space freed, same command again: exit {disk['resume_exit']}, {disk['final']['documents']} documents "
                f"({disk['final']['distinct_ids']} distinct)")
        add("- problems: " + ("; ".join(disk["problems"]) if disk["problems"] else "none"))
    else:
        add(f"(harness error: {disk.get('harness_error') if isinstance(disk, dict) else disk})")
    add("")
    add("### Database locked by another process")
    add("")
    if isinstance(locked, dict) and "runs" in locked:
        add(_md_table(["command", "exit", "stderr (last line)", "problems"],
                      [[k, v["exit"], v["message"][:160], "; ".join(v["problems"]) or "none"] for k, v in locked["runs"].items()]))
        add("")
        add(f"Database file unchanged: {locked['unchanged']}.")
    else:
        add(f"(harness error: {locked.get('harness_error') if isinstance(locked, dict) else locked})")
    add("")
    add("### Damaged database file")
    add("")
    if isinstance(corrupt, dict) and "results" in corrupt:
        add(_md_table(["damage", "command", "exit", "stderr (last line)", "problems"],
                      [[r["case"], r["command"], r["exit"], r["message"][:140], "; ".join(r["problems"]) or "none"]
                       for r in corrupt["results"]]))
    else:
        add(f"(harness error: {corrupt.get('harness_error') if isinstance(corrupt, dict) else corrupt})")
    # ---------------------------------------------------------------- API
    add("")
    add("## 4. The server")
    add("")
    if isinstance(bind, dict) and "ok" in bind:
        add(f"Default bind: `serve()` host={bind['serve()']!r}, `thucydides serve` --host default={bind['thucydides serve']!r}.")
    if isinstance(live, dict) and "port" in live:
        add(f"Live `thucydides serve` (defaults, no token): reachable from {live.get('outside_address') or 'no other address'}: "
            f"{live.get('reachable_from_outside', 'n/a')}; {live['requests']} raw-socket requests (traversal, Origin); "
            f"problems: {'; '.join(live['problems'][:5]) or 'none'}.")
    add("")
    if ok_slow:
        add(f"Slow clients (live `thucydides serve`, header and body timeout {slow['header_timeout_s']:g} s, default caps): "
            f"{slow['attackers']} connections from 127.0.0.1 each send half a request and hold it; meanwhile "
            f"{slow['others_served']} of {slow['others']} other clients (127.0.0.2, ...) were answered 200. How the "
            f"attacking connections ended: {', '.join(f'{k}×{v}' for k, v in sorted(slow['attack_statuses'].items()))} "
            f"(503, or a reset that cut the 503 short: over the per-client cap, refused at once; 408: timed out; 200: a "
            f"GET answered before its body, then closed when the body did not come); still held at the end: {slow['still_held']}. "
            f"Problems: {'; '.join(slow['problems']) or 'none'}.")
    else:
        add(f"Slow clients: harness error {slow.get('harness_error') if isinstance(slow, dict) else slow}")
    add("")
    if ok_guard:
        add(f"A script calling `serve(...)` at module level (no main guard), ingestion enabled: two `POST /api/ingest` "
            f"answered {', '.join(str(a['status']) for a in guard['answers'])} (stored "
            f"{', '.join(str(a['stored']) for a in guard['answers'])}); {guard['child_processes']} child process (the "
            f"analysis worker); the server ran {guard['serving_lines']} time(s), {guard['address_in_use']} "
            f"'address already in use'. Problems: {'; '.join(guard['problems']) or 'none'}.")
    else:
        add(f"Script without a main guard: harness error {guard.get('harness_error') if isinstance(guard, dict) else guard}")
    add("")
    if isinstance(api, dict) and "requests" in api:
        add(_md_table(["request class", "requests", "statuses", "problems"],
                      [[k, n, ", ".join(f"{s}×{c}" for s, c in sorted(api["statuses"][k].items())),
                        len(api["problems"].get(k, []))] for k, n in api["requests"].items()]))
        add("")
        routes = sorted({t.split("?")[0] for t in api["sqli_targets"]})
        add(f"SQL injection payloads ({len(SQLI)}) go into each of the {len(api['sqli_targets'])} query and path "
            f"parameters of the {len(routes)} GET routes with parameters ({', '.join(f'`{r}`' for r in routes)}); traversal strings ({len(TRAVERSAL)}) into `/api/documents/{{id}}`, "
            "`/article/{id}` and `/static/{path}`, both as raw ASGI paths and through an HTTP client. After the attacks the "
            f"database file is byte-for-byte unchanged: {not api['written']}.")
        shown = [p for v in api["problems"].values() for p in v][:20]
        if shown:
            add("")
            add("API problems (first 20):")
            add("")
            for p in shown:
                add(f"- {p[:250]}")
    else:
        add(f"(harness error: {api.get('harness_error') if isinstance(api, dict) else api})")
    add("")
    if isinstance(st, dict) and st.get("skipped"):
        add(f"Schemathesis: skipped — {st['skipped']}.")
    elif isinstance(st, dict) and "calls" in st:
        add(f"Schemathesis {st['version']}: {st['calls']} generated requests over {len(st['operations'])} operations; "
            f"statuses {dict(sorted(st['statuses'].items()))}; problems: {'; '.join(st['problems'][:5]) or 'none'}.")
    else:
        add(f"Schemathesis: harness error {st.get('harness_error') if isinstance(st, dict) else st}")
    add("")
    return "\n".join(L) + "\n"


# =============================================================================== entry point
def main(argv: Optional[list[str]] = None) -> int:
    p = argparse.ArgumentParser(prog="tools/harden.py", description="Run the hardening campaign and write reports/HARDENING.md.")
    p.add_argument("--budget", type=float, default=300.0, help="seconds to spend in all (default 300)")
    p.add_argument("--out-dir", default="reports", dest="out_dir")
    p.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        return _worker(args.worker)
    try:
        import hypothesis  # noqa: F401
    except ImportError:
        print("tools/harden.py: needs the development dependencies (pip install -e '.[dev]'): hypothesis is missing",
              file=sys.stderr)
        return 2
    print(run(args.out_dir, args.budget))
    return 0


if __name__ == "__main__":
    sys.exit(main())
