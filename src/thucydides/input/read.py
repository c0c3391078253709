"""Read articles from files, directories, JSON Lines, WARC files, feeds and standard input.

``read(inputs)`` yields a :class:`Document` for every article found and a
:class:`Failure` for every input (or line) that could not be read, so that a batch
goes on past bad input and every input is accounted for.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator, Union

from ..errors import InputError
from ..model import AnalysisState, Document, Failure
from ..settings import Settings, load

Item = Union[Document, Failure]

TEXT_EXT = (".txt", ".text")
HTML_EXT = (".html", ".htm", ".xhtml")
JSONL_EXT = (".jsonl", ".ndjson")
WARC_EXT = (".warc", ".arc")
FEED_EXT = (".rss", ".atom", ".xml")
KNOWN = TEXT_EXT + HTML_EXT + JSONL_EXT + WARC_EXT + FEED_EXT


def doc_id(path: Union[str, Path]) -> str:
    """File name without its extensions: ``a/b/x.html.gz`` -> ``x``."""
    name = Path(path).name
    return name.split(".")[0] if not name.startswith(".") else name


def _kind(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    ext = suffixes[-1] if suffixes else ""
    if ext in HTML_EXT:
        return "html"
    if ext in JSONL_EXT:
        return "jsonl"
    if ext in WARC_EXT:
        return "warc"
    if ext in FEED_EXT:
        return "feed"
    return "text"


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), refusing binary data and invalid UTF-8."""
    if not data.strip():
        raise InputError("empty input")
    sample = data[:4096]
    if b"\x00" in sample:
        raise InputError("binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"invalid UTF-8 at byte {e.start}") from None
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > max(8, len(text[:4096]) // 20):
        raise InputError("binary data (control characters), not text")
    return text


def _read_bytes(path: Path, settings: Settings) -> bytes:
    size = path.stat().st_size
    if size > settings.max_input_bytes:
        raise InputError(f"file is {size:,} bytes, over the limit of {settings.max_input_bytes:,} (setting max_input_bytes)")
    data = path.read_bytes()
    if path.suffix.lower() == ".gz":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as g:
                data = g.read(settings.max_input_bytes + 1)
        except (OSError, EOFError) as e:
            raise InputError(f"not a valid gzip file ({e})") from None
        if len(data) > settings.max_input_bytes:
            raise InputError(f"decompressed size over the limit of {settings.max_input_bytes:,} bytes")
    return data


def _from_jsonl_line(line: str, name: str, n: int) -> Document:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(f"malformed JSON ({e.msg} at column {e.colno})") from None
    except RecursionError:
        raise InputError("malformed JSON (nested too deeply)") from None
    except ValueError as e:  # e.g. an integer literal longer than Python's 4,300-digit limit
        raise InputError(f"malformed JSON ({str(e).split(':')[0]})") from None
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}")
    text, html = obj.get("text"), obj.get("html")
    for key, val in (("text", text), ("html", html)):
        if val is not None and not isinstance(val, str):
            raise InputError(f"field '{key}' must be a string, got {type(val).__name__}")
    if not (text and text.strip()) and not (html and html.strip()):
        raise InputError("no 'text' or 'html' field with content")
    rid = obj.get("id")
    if rid is None:
        rid = f"{doc_id(name)}-{n}"
    elif not isinstance(rid, (str, int)):
        raise InputError(f"field 'id' must be a string or number, got {type(rid).__name__}")

    def opt(key):
        v = obj.get(key)
        return str(v) if v is not None and not isinstance(v, (dict, list)) else None

    return Document(
        id=str(rid),
        input=f"{name}:{n}",
        raw=html if html and html.strip() else text,
        is_html=bool(html and html.strip()),
        title=opt("title"),
        url=opt("url"),
        published=opt("published") or opt("date"),
        source=opt("source") or opt("site"),
    )


def read_jsonl(stream: IO[str], name: str) -> Iterator[Item]:
    found = False
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        found = True
        try:
            yield _from_jsonl_line(line, name, n)
        except ValueError as e:
            yield Failure(f"{name}:{n}", str(e))
    if not found:
        yield Failure(name, "no JSON lines with content (only blank lines)")


def read_warc(path: Path, settings: Settings) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    name = str(path)
    found = 0
    try:
        with open(path, "rb") as fh:
            for n, rec in enumerate(ArchiveIterator(fh), 1):
                if rec.rec_type != "response":
                    continue
                ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                where = f"{name}:{url or n}"
                try:
                    data = rec.content_stream().read(settings.max_input_bytes + 1)
                    if len(data) > settings.max_input_bytes:
                        raise InputError("record over the size limit")
                    html = data.decode("utf-8", errors="replace")
                    if not html.strip():
                        raise InputError("empty record")
                    rid = rec.rec_headers.get_header("WARC-Record-ID") or f"{doc_id(path)}-{n}"
                    found += 1
                    yield Document(id=rid.strip("<>").replace("urn:uuid:", ""), input=where, raw=html, is_html=True, url=url,
                                   published=(rec.rec_headers.get_header("WARC-Date") or "")[:10] or None)
                except ValueError as e:
                    found += 1
                    yield Failure(where, str(e))
    except Exception as e:  # warcio raises ArchiveLoadFailed, and also AttributeError, ValueError, ... on damaged records
        yield Failure(name, f"not a readable WARC file ({type(e).__name__}: {e})")
        return
    if not found:
        yield Failure(name, "empty input" if path.stat().st_size == 0 else "no HTML response records in the WARC file",
                      skipped=path.stat().st_size > 0)


def read_feed(text: str, name: str) -> Iterator[Item]:
    """RSS/Atom feed: one article per item, from its full content or summary."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        yield Failure(name, f"malformed feed XML ({e})")
        return

    def local(tag):
        return tag.rsplit("}", 1)[-1]

    items = [el for el in root.iter() if local(el.tag) in ("item", "entry")]
    if not items:
        yield Failure(name, "no <item> or <entry> in the feed")
        return
    for n, item in enumerate(items, 1):
        fields = {}
        for child in item:
            key = local(child.tag)
            if key == "link" and child.get("href"):
                fields.setdefault("link", child.get("href"))
            elif child.text and child.text.strip():
                fields.setdefault(key, child.text.strip())
        body = fields.get("encoded") or fields.get("content") or fields.get("description") or fields.get("summary")
        where = f"{name}:{n}"
        if not body:
            yield Failure(where, "feed item has no content or description")
            continue
        rid = fields.get("guid") or fields.get("id") or fields.get("link") or f"{doc_id(name)}-{n}"
        yield Document(id=str(rid), input=where, raw=body, is_html="<" in body and ">" in body,
                       title=fields.get("title"), url=fields.get("link"),
                       published=fields.get("pubDate") or fields.get("published") or fields.get("updated"))


def read_path(path: Path, settings: Settings) -> Iterator[Item]:
    name = str(path)
    kind = _kind(path)
    if kind == "warc":
        yield from read_warc(path, settings)
        return
    try:
        text = decode(_read_bytes(path, settings), name)
    except (ValueError, OSError) as e:
        yield Failure(name, str(e))
        return
    if kind == "jsonl":
        yield from read_jsonl(io.StringIO(text), name)
    elif kind == "feed":
        yield from read_feed(text, name)
    else:
        yield Document(id=doc_id(path), input=name, raw=text, is_html=(kind == "html"),
                       state=AnalysisState(headline_first_line=kind == "text"))


def _known(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return bool(suffixes) and suffixes[-1] in KNOWN


def _walk(directory: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith("."):
                yield Path(root) / f


def read(inputs: Iterable[Union[str, Path]], settings: Settings | None = None, stdin: IO | None = None) -> Iterator[Item]:
    """Yield a Document per article, or a Failure per unreadable input, for every input given.

    ``inputs`` are files, directories (read recursively) or ``-`` for standard input
    (JSON Lines when it starts with ``{``, else one plain-text article).
    """
    settings = settings or load()
    for inp in inputs:
        if str(inp) == "-":
            stream = stdin or sys.stdin
            data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
            if isinstance(data, str):
                data = data.encode("utf-8")
            try:
                text = decode(data, "-")
            except ValueError as e:
                yield Failure("-", str(e))
                continue
            if text.lstrip().startswith("{"):
                yield from read_jsonl(io.StringIO(text), "-")
            else:
                is_html = text.lstrip()[:1] == "<"
                yield Document(id="stdin", input="-", raw=text, is_html=is_html, state=AnalysisState(headline_first_line=not is_html))
            continue
        path = Path(inp)
        if path.is_dir():
            found = False
            for p in _walk(path):
                found = True
                if _known(p):
                    yield from read_path(p, settings)
                else:
                    yield Failure(str(p), f"not an article file type (known: {', '.join(KNOWN)}, and .gz of them)", skipped=True)
            if not found:
                yield Failure(str(path), "directory holds no files")
        elif path.exists():
            yield from read_path(path, settings)
        else:
            yield Failure(str(path), "no such file or directory")
