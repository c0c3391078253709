"""Readers and the clean stage, on real text written for the tests."""
import gzip
import io
import json

import pytest

from conftest import SAMPLE
from thucydides.input.clean import clean
from thucydides.input.read import read
from thucydides.model import Document, Failure

LAVROV = SAMPLE / "lavrov-alliance.txt"

CHROME_LINES = [
    "Subscribe to our newsletter",
    "Sign up here to get the latest news, updates and special offers delivered directly to your inbox.",
    "Notify of",
    "Inline Feedbacks",
    "View all comments",
    "Would love your thoughts, please comment.x",
]


def cleaned(path_or_text, name="t.txt", tmp_path=None):
    items = list(read([path_or_text]))
    assert len(items) == 1, items
    return clean(items[0])


def test_lavrov_title_dateline_body_and_removed_chrome():
    doc = cleaned(LAVROV)
    assert doc.title == "Will Russia and China forge a military alliance?"
    assert doc.dateline == "MOSCOW"
    assert doc.published == "2025-03-27"
    assert doc.text.startswith("Russian Foreign Minister Sergei Lavrov")
    assert "Lavrov said in an interview with Rossia 24" in doc.text
    for line in CHROME_LINES:
        assert line not in doc.text
        assert any(line in r for r in doc.removed), line
    # the title is not part of the text
    assert "forge a military alliance?" not in doc.text.splitlines()[0]


CASES = {
    "wire": (
        "Iran rejects talks under pressure\n\n"
        "TEHRAN, Iran (Reuters) - Iran will not negotiate while under threat, Foreign Minister Abbas Araghchi said on Sunday.\n\n"
        "The remarks came a day after Washington offered new talks.\n\n"
        "Share this article\nFacebook\nTwitter\nEmail\n\n"
        "© 2025 Example Wire. All rights reserved.\n",
        "Iran rejects talks under pressure", "TEHRAN, Iran", ["Share this article", "Facebook", "© 2025 Example Wire. All rights reserved."],
    ),
    "blog": (
        "Skip to main content\n\n"
        "Seoul and Tokyo agree to resume defence talks\n\n"
        "Published: 2025-04-02\n\n"
        "SEOUL — South Korea and Japan agreed on Wednesday to resume regular defence talks.\n\n"
        "Officials said the first meeting would take place next month.\n\n"
        "Related: North Korea fires missile into sea\n\n"
        "About the author\n\n"
        "Kim Min-ji is a correspondent covering security in East Asia.\n\n"
        "We use cookies to improve your experience on our site.\nAccept\n",
        "Seoul and Tokyo agree to resume defence talks", "SEOUL",
        ["Skip to main content", "Related: North Korea fires missile into sea", "About the author",
         "Kim Min-ji is a correspondent covering security in East Asia.", "Accept"],
    ),
    "forum": (
        "India and Pakistan trade accusations at UN\n\n"
        "NEW DELHI -- India accused Pakistan of backing militants, a charge Islamabad denied.\n\n"
        "Pakistan's envoy said the claims were baseless.\n\n"
        "Read more: Kashmir tensions rise\n"
        "Tags: India, Pakistan, UN\n"
        "Follow us on Twitter @example\n"
        "Advertisement\n",
        "India and Pakistan trade accusations at UN", "NEW DELHI",
        ["Read more: Kashmir tensions rise", "Tags: India, Pakistan, UN", "Follow us on Twitter @example", "Advertisement"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_other_sites_chrome_removed_body_kept(tmp_path, name):
    text, title, dateline, chrome = CASES[name]
    p = tmp_path / f"{name}.txt"
    p.write_text(text, encoding="utf-8")
    doc = cleaned(p)
    assert doc.title == title
    assert doc.dateline == dateline
    for line in chrome:
        assert line not in doc.text, line
        assert line in doc.removed, line
    # every body sentence survives
    for para in text.split("\n\n"):
        if para.strip().endswith(".") and len(para.split()) > 8 and "is a correspondent" not in para and "cookies" not in para:
            body = para.split(" - ", 1)[-1].split(" — ", 1)[-1].split(" -- ", 1)[-1].strip()
            assert body in doc.text, body


def test_blog_publication_date_from_date_line(tmp_path):
    p = tmp_path / "blog.txt"
    p.write_text(CASES["blog"][0], encoding="utf-8")
    assert cleaned(p).published == "2025-04-02"


def test_html_uses_trafilatura_with_metadata(tmp_path):
    html = """<!doctype html><html><head><title>Kremlin rejects alliance talk | World News</title>
    <meta property="og:title" content="Kremlin rejects alliance talk">
    <meta property="og:site_name" content="World News">
    <meta property="article:published_time" content="2025-03-27T09:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Kremlin rejects alliance talk</h1>
    <p>Russian Foreign Minister Sergei Lavrov said on Thursday that Russia and China were not planning a military alliance.</p>
    <p>He said relations between Moscow and Beijing had never been better, and that trust between the two sides extended to all spheres.</p>
    <p>Western governments have watched the deepening partnership with concern since 2022.</p></article>
    <footer>© 2025 World News. All rights reserved.</footer></body></html>"""
    p = tmp_path / "kremlin.html.gz"
    p.write_bytes(gzip.compress(html.encode("utf-8")))
    doc = cleaned(p)
    assert doc.id == "kremlin"
    assert doc.title == "Kremlin rejects alliance talk"
    assert doc.published == "2025-03-27"
    assert doc.source == "World News"
    assert "not planning a military alliance" in doc.text
    assert "All rights reserved" not in doc.text and "Home" not in doc.text


def test_jsonl_fields_and_ids(tmp_path):
    p = tmp_path / "wire.jsonl"
    p.write_text(json.dumps({"id": "w-1", "title": "Talks end", "url": "https://example.org/1", "published": "2025-01-05",
                             "text": "GENEVA - The talks ended without agreement on Friday, diplomats said."}) + "\n", encoding="utf-8")
    [d] = list(read([p]))
    clean(d)
    assert (d.id, d.title, d.url, d.published, d.dateline) == ("w-1", "Talks end", "https://example.org/1", "2025-01-05", "GENEVA")
    assert d.text.startswith("The talks ended")


def test_stdin_text_and_jsonl():
    items = list(read(["-"], stdin=io.StringIO("Headline here\n\nThe minister said the talks went well.\n")))
    assert isinstance(items[0], Document) and items[0].input == "-"
    assert clean(items[0]).title == "Headline here"
    items = list(read(["-"], stdin=io.StringIO('{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n')))
    assert [d.id for d in items] == ["a", "b"]


def test_directory_recursive_and_ids():
    items = list(read([SAMPLE]))
    docs = [d for d in items if isinstance(d, Document)]
    assert len(docs) >= 25
    assert "lavrov-alliance" in {d.id for d in docs}
    # non-article files in a directory are accounted for as skipped, not dropped silently
    assert all(f.skipped for f in items if isinstance(f, Failure))


def test_offsets_index_clean_text():
    doc = cleaned(LAVROV)
    # the record's text is exactly what offsets index; title and dateline are outside it
    assert doc.text == doc.text.strip()
    assert "MOSCOW" not in doc.text[:20]
