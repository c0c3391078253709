"""Read articles from files, directories, JSON Lines, JSON, WARC files, feeds and standard input.

``read(inputs)`` yields a :class:`Document` for every article found and a
:class:`Failure` for every input (or line) that could not be read, so that a batch
goes on past bad input and every input is accounted for.
"""
from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import re
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional, Union

from ..errors import InputError
from ..model import AnalysisState, Document, Failure
from ..settings import Settings, load

Item = Union[Document, Failure]

TEXT_EXT = (".txt", ".text")
HTML_EXT = (".html", ".htm", ".xhtml")
JSONL_EXT = (".jsonl", ".ndjson")
JSON_EXT = (".json",)
WARC_EXT = (".warc", ".arc")
FEED_EXT = (".rss", ".atom", ".xml")
KNOWN = TEXT_EXT + HTML_EXT + JSONL_EXT + JSON_EXT + WARC_EXT + FEED_EXT


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
    if ext in JSON_EXT:
        return "json"
    if ext in WARC_EXT:
        return "warc"
    if ext in FEED_EXT:
        return "feed"
    return "text"


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# what browsers do with these labels (WHATWG Encoding Standard): Latin-1 and ASCII pages are windows-1252
BROWSER_ALIAS = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
                 "ascii": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252", "x-user-defined": "cp1252"}


def _codec(label: Optional[str]) -> Optional[str]:
    """A Python codec for a charset label as pages and HTTP headers write it; None when unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = BROWSER_ALIAS.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in ("iso8859-1", "ascii") else name


def declared_charset(data: bytes, content_type: Optional[str] = None) -> Optional[str]:
    """The charset an HTTP Content-Type header declares, else the page's <meta charset> or
    <meta http-equiv="Content-Type" content="...; charset=..."> in its first 4 KB."""
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", content_type, re.I)
        if m and _codec(m.group(1)):
            return _codec(m.group(1))
    m = META_CHARSET.search(data[:4096])
    if m:
        return _codec(m.group(1).decode("ascii", "replace"))
    return None


def _check_text(text: str) -> str:
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > max(8, len(text[:4096]) // 20):
        raise InputError("binary data (control characters), not text")
    return text


def decode(data: bytes, name: str, html: bool = False, content_type: Optional[str] = None) -> str:
    """Bytes to text as a browser would show them: a byte-order mark, else UTF-8 when the bytes are valid
    UTF-8, else (for HTML) the charset the HTTP header or the page declares, else the encoding
    charset-normalizer detects (windows-1252 when it has no answer). Refuses only empty input and
    binary data."""
    if not data.strip():
        raise InputError("empty input")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _check_text(data.decode(codec, errors="replace"))
    sample = data[:4096]
    if b"\x00" in sample:
        raise InputError("binary data (NUL bytes), not text")
    try:
        # valid UTF-8 with any byte over 127 is UTF-8 whatever a page declares (by chance it almost never is)
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data, content_type) if html or content_type else None
    if declared and declared != "utf-8":
        try:
            return _check_text(data.decode(declared))
        except UnicodeDecodeError:  # a byte the charset leaves undefined: a browser shows a replacement mark
            return _check_text(data.decode(declared, errors="replace"))
    if _mostly_utf8(data):  # declared UTF-8, or undeclared, with a few damaged bytes: as a browser shows it
        return _check_text(data.decode("utf-8", errors="replace"))
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    codec = _codec(best.encoding) if best is not None else None
    return _check_text(data.decode(codec or "cp1252", errors="replace"))


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed UTF-8 characters beyond ASCII than damaged bytes."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 127) - bad
    return good > bad


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


def _json(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"malformed JSON ({e.msg} at line {e.lineno} column {e.colno})") from None
    except RecursionError:
        raise InputError("malformed JSON (nested too deeply)") from None
    except ValueError as e:  # e.g. an integer literal longer than Python's 4,300-digit limit
        raise InputError(f"malformed JSON ({str(e).split(':')[0]})") from None


def _from_jsonl_line(line: str, name: str, n: int) -> Document:
    return _from_object(_json(line), name, n)


def _from_object(obj, name: str, n: Optional[int]) -> Document:
    """One article from a JSON object with 'text' or 'html' (and optional id, title, url, published, source).
    ``n``: its line (JSON Lines) or position (a JSON array); None for a file holding one object."""
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
        rid = f"{doc_id(name)}-{n}" if n is not None else doc_id(name)
    elif not isinstance(rid, (str, int)):
        raise InputError(f"field 'id' must be a string or number, got {type(rid).__name__}")

    def opt(key):
        v = obj.get(key)
        return str(v) if v is not None and not isinstance(v, (dict, list)) else None

    return Document(
        id=str(rid),
        input=f"{name}:{n}" if n is not None else name,
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


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def read_json(text: str, name: str) -> Iterator[Item]:
    """A ``.json`` file: one article object, or an array of article objects (``name:N`` for the N-th)."""
    try:
        obj = _json(text)
    except InputError as e:
        yield Failure(name, str(e))
        return
    if isinstance(obj, dict):
        try:
            yield _from_object(obj, name, None)
        except ValueError as e:
            yield Failure(name, str(e))
        return
    if not isinstance(obj, list):
        yield Failure(name, f"expected a JSON object (one article) or an array of them, got {type(obj).__name__}")
        return
    if not obj:
        yield Failure(name, "empty JSON array: no articles")
        return
    for n, item in enumerate(obj, 1):
        try:
            yield _from_object(item, name, n)
        except ValueError as e:
            yield Failure(f"{name}:{n}", str(e))


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
                    if not data.strip():
                        raise InputError("empty record")
                    html = decode(data, where, html=True, content_type=ctype)
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
        text = decode(_read_bytes(path, settings), name, html=kind in ("html", "feed"))
    except (ValueError, OSError) as e:
        yield Failure(name, str(e))
        return
    if kind == "jsonl":
        yield from read_jsonl(io.StringIO(text), name)
    elif kind == "json":
        yield from read_json(text, name)
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
    (JSON Lines when it starts with ``{``, a JSON array of articles, else one plain-text or HTML article).
    """
    settings = settings or load()
    for inp in inputs:
        if str(inp) == "-":
            stream = stdin or sys.stdin
            data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
            if isinstance(data, str):
                data = data.encode("utf-8")
            try:
                text = decode(data, "-", html=data.lstrip()[:1] == b"<")
            except ValueError as e:
                yield Failure("-", str(e))
                continue
            if text.lstrip().startswith("{"):
                yield from read_jsonl(io.StringIO(text), "-")
            elif text.lstrip().startswith("[") and _is_json(text):
                yield from read_json(text, "-")
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


def _names(path: Path) -> Optional[list[str]]:
    """The input names ``read_path`` gives one file's items, when known without reading articles."""
    kind = _kind(path)
    if kind in ("html", "text"):
        return [str(path)]
    if kind == "jsonl" and path.suffix.lower() != ".gz":
        names = []
        try:
            with open(path, "rb") as f:
                for n, line in enumerate(f, 1):
                    if line.strip():
                        names.append(f"{path}:{n}")
        except OSError:
            return [str(path)]
        return names or [str(path)]
    return None  # feeds, WARC files, .json arrays, compressed JSON Lines: known only by reading them


def count(inputs: Iterable[Union[str, Path]], skip: Optional[set[str]] = None) -> Optional[int]:
    """How many items :func:`read` will yield for ``inputs`` (less those named in ``skip``), when that can be
    known cheaply: one per text or HTML file, one per non-blank line of JSON Lines, one per file a folder
    holds. None when an input can only be counted by reading it (standard input, feeds, WARC, .json)."""
    skip = skip or set()
    total = 0
    for inp in inputs:
        if str(inp) == "-":
            return None
        path = Path(inp)
        if path.is_dir():
            files = list(_walk(path))
            if not files:
                total += 1
            for p in files:
                names = _names(p) if _known(p) else [str(p)]
                if names is None:
                    return None
                total += sum(1 for n in names if n not in skip)
        elif path.exists():
            names = _names(path)
            if names is None:
                return None
            total += sum(1 for n in names if n not in skip)
        else:
            total += 1
    return total


def missing(inputs: Iterable[Union[str, Path]]) -> list[str]:
    """The inputs that name no existing file or folder (``-`` is standard input and always exists)."""
    return [str(i) for i in inputs if str(i) != "-" and not Path(i).exists()]
