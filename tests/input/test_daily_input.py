"""Every input read (issue 14): pages in their declared or detected charset, .json files, one-line and
short texts, and text without a single letter refused with a reason. Run through the real pipeline."""
import io
import json

import pytest

from thucydides.cli import main
from thucydides.input.read import decode, read
from thucydides.model import Document, Failure
from thucydides.pipeline import analyze

BODY = ("MOSCOW - Russia\u2019s foreign minister met his Chinese counterpart in Moscow on Monday, "
        "officials said. \u201cWe are partners,\u201d the minister told reporters at the caf\u00e9. "
        "The two sides signed an agreement on energy trade and discussed the war in Ukraine at length, "
        "according to a statement released after the talks ended late in the evening.")


def page(body: str, head: str = "") -> str:
    paras = "".join(f"<p>{s.strip()}</p>" for s in body.split(". ") if s.strip())
    return (f"<html><head>{head}<title>Talks in Moscow</title></head><body><article><h1>Talks in Moscow</h1>"
            f"{paras}{paras}</article></body></html>")


def analysed(items):
    items = list(items)
    docs = [i for i in items if isinstance(i, Document)]
    fails = [i for i in items if isinstance(i, Failure)]
    return docs, fails


@pytest.mark.parametrize("head, encoding", [
    ('<meta charset="windows-1252">', "cp1252"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),  # browsers: Latin-1 is 1252
    ("", "cp1252"),  # no declaration at all: the detector decides, as a browser would
])
def test_html_in_windows_1252_is_read_not_refused(tmp_path, head, encoding):
    p = tmp_path / "old-page.html"
    p.write_bytes(page(BODY, head).encode(encoding))
    docs, fails = analysed(analyze([str(p)]))
    assert not fails, fails
    [doc] = docs
    assert "caf\u00e9" in doc.text and "\u201cWe are partners,\u201d" in doc.text and "Russia\u2019s" in doc.text


def test_declared_charset_other_than_latin(tmp_path):
    text = "МОСКВА - Министр иностранных дел России встретился с коллегой из Китая в понедельник, сообщили официальные лица."
    p = tmp_path / "ru.html"
    p.write_bytes(page(text * 3, '<meta charset="koi8-r">').encode("koi8-r"))
    [doc] = [d for d in read([str(p)]) if isinstance(d, Document)]
    assert "Министр иностранных дел" in doc.raw


def test_declared_charset_that_lies_falls_back_to_the_bytes(tmp_path):
    # says ASCII/windows-1252 but is UTF-8 (common on old sites moved to new servers) -> still sensible text
    data = page(BODY, '<meta charset="utf-8">').encode("cp1252")
    text = decode(data, "x.html", html=True)
    assert "caf\u00e9" in text


def test_warc_record_uses_the_http_charset(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc"
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1252")], protocol="HTTP/1.0")
        rec = w.create_warc_record("https://example.org/talks", "response",
                                   payload=io.BytesIO(page(BODY).encode("cp1252")), http_headers=headers)
        w.write_record(rec)
    docs, fails = analysed(analyze([str(path)]))
    assert not fails, fails
    assert "caf\u00e9" in docs[0].text and "\ufffd" not in docs[0].text


def test_json_files_array_and_single_object(tmp_path):
    arr = tmp_path / "batch.json"
    arr.write_text(json.dumps([
        {"id": "one", "text": "BEIJING - China and Russia signed a trade agreement on Tuesday, officials said."},
        {"id": "two", "title": "Talks", "text": "GENEVA - Iran and France held talks on Monday, diplomats said."},
        {"id": "bad"},
    ]), encoding="utf-8")
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"title": "Strike", "text": "KYIV - Russia attacked Ukraine with drones on Sunday, "
                                                              "officials said."}), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('[{"text": "x"', encoding="utf-8")
    scalar = tmp_path / "scalar.json"
    scalar.write_text("42", encoding="utf-8")
    docs, fails = analysed(analyze([str(tmp_path)]))
    assert {d.id for d in docs} == {"one", "two", "single"}
    assert next(d for d in docs if d.id == "two").title == "Talks"
    reasons = {f.input.replace(str(tmp_path) + "/", ""): f.reason for f in fails}
    assert "no 'text' or 'html'" in reasons["batch.json:3"]
    assert "malformed JSON" in reasons["broken.json"]
    assert "expected a JSON object" in reasons["scalar.json"]
    assert not any(f.skipped for f in fails)  # .json files are read, not skipped
    single_doc = next(d for d in docs if d.id == "single")
    assert any(e.type == "ASSAULT" for e in single_doc.events)


def test_one_line_text_from_stdin_is_the_article(capsysbinary, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Russia attacked Ukraine\n")))
    code = main(["analyze", "-", "--quiet"])
    out, err = capsysbinary.readouterr()
    assert code == 0, err
    rec = json.loads(out)
    assert rec["text"] == "Russia attacked Ukraine" and rec["title"] is None
    [ev] = [e for e in rec["events"] if e["type"] == "ASSAULT"]
    assert rec["actors"] and ev


@pytest.mark.parametrize("text", ["Russia attacked Ukraine", "Iran rejects talks",
                                  "Russia attacked Ukraine\n\nKyiv condemned the strike"])
def test_short_jsonl_texts_are_kept(tmp_path, text):
    p = tmp_path / "short.jsonl"
    p.write_text(json.dumps({"id": "s", "text": text}) + "\n", encoding="utf-8")
    docs, fails = analysed(analyze([str(p)]))
    assert not fails, fails
    assert docs[0].text.split("\n\n")[0] == text.split("\n\n")[0] or docs[0].title


def test_chrome_is_still_removed_around_a_real_article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Talks resume\n\nHome\n\nGENEVA - Russian and Ukrainian negotiators met in Geneva on Monday, "
                 "officials said.\n\nShare this\n\nSubscribe to our newsletter\n", encoding="utf-8")
    [doc] = list(analyze([str(p)]))
    assert doc.title == "Talks resume" and doc.text.startswith("Russian and Ukrainian")
    assert "Subscribe" not in doc.text and "Home" not in doc.text


@pytest.mark.parametrize("content", ["!!! ??? ... ---\n", "12345 67890, 2025-03-01.\n",
                                     "\x01\x02\x03\x04\n", "\u2014 \u201c\u201d \u2026 \u2022\n"])
def test_text_without_letters_is_refused_with_a_reason(tmp_path, capsys, content):
    p = tmp_path / "noletters.txt"
    p.write_bytes(content.encode("utf-8"))
    code = main(["analyze", str(p), "--quiet"])
    _, err = capsys.readouterr()
    assert code == 1
    assert "noletters.txt" in err and "no letters" in err


def test_json_array_on_stdin(capsysbinary, monkeypatch):
    arr = [{"id": "a", "text": "KYIV - Russia attacked Ukraine with drones on Sunday, officials said."},
           {"id": "b", "text": "BEIJING - China and Russia signed a trade agreement on Tuesday, officials said."}]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(json.dumps(arr).encode("utf-8"))))
    assert main(["analyze", "-", "--quiet"]) == 0
    out, _ = capsysbinary.readouterr()
    assert [json.loads(l)["id"] for l in out.splitlines()] == ["a", "b"]


def test_utf8_page_with_a_damaged_byte_stays_utf8():
    # a UTF-8 page with one stray byte: a browser shows one replacement mark, not a page of mojibake
    data = page(BODY + " Далее \u2014 подробности.", '<meta charset="utf-8">').encode("utf-8").replace(b"Moscow on", b"Moscow\x92 on")
    text = decode(data, "x.html", html=True)
    assert "caf\u00e9" in text and "Далее \u2014 подробности" in text and text.count("\ufffd") >= 1
    undeclared = page(BODY).encode("utf-8").replace(b"Moscow on", b"Moscow\x92 on")
    assert "\u201cWe are partners,\u201d" in decode(undeclared, "y.html", html=True)
