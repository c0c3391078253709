"""HTML extraction by candidates (input/extract.py): one page of our own for each candidate that should win.

The pages are written for these tests: a short news story about a harbour wall in different page layouts,
each a layout where one reading of the page gets the article and others do not.
"""
from thucydides.input.clean import clean
from thucydides.input.extract import (
    CANDIDATES,
    JUSTEXT,
    PRECISION,
    READABILITY,
    READABILITY_LXML,
    RECALL,
    extract,
    link_density,
    vote,
)
from thucydides.model import Document
from thucydides.settings import load

STORY = [
    "Officials in Lisbon said on Tuesday that the new harbour wall would be finished before the winter storms "
    "arrive, three months ahead of the original plan.",
    "The engineers who designed the wall told reporters that the structure had been tested against waves twice "
    "as high as any recorded on this coast.",
    "Fishermen, who had opposed the project for years, now say they are cautiously hopeful that their boats will "
    "be safer in the months to come.",
    "The city council will vote next week on a second phase that would extend the wall by another four hundred "
    "metres along the northern beach.",
    "Critics of the plan argue that the money would be better spent on moving houses away from the shore, where "
    "flooding has become more frequent.",
]
HEAD = "<html><head><title>Harbour wall to be finished early</title></head><body>"
PARAS = "".join(f"<p>{p}</p>" for p in STORY)
MENU = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in ("World", "Sport", "Business", "Opinion"))


def has_story(text: str) -> bool:
    return all(p in text for p in STORY)


def test_precision_an_ordinary_article_page():
    # precision and recall agree on the article: the precision reading is kept, the menu and footer are not in it
    page = (HEAD + f"<nav><ul>{MENU}</ul></nav><article><h1>Harbour wall to be finished early</h1>{PARAS}</article>"
            "<footer><p>Copyright 2024 Example News. All rights reserved.</p></footer></body></html>")
    ex = extract(page)
    assert ex.chosen == PRECISION, ex.reason
    assert "agree" in ex.reason
    assert has_story(ex.text)
    assert "Section Sport" not in ex.text and "Copyright" not in ex.text
    assert set(ex.candidates) == {PRECISION, RECALL}  # the other candidates were not needed


def test_recall_when_precision_drops_the_lead_paragraphs():
    # the body's first paragraphs sit in a <header>, which trafilatura's precision rules discard
    rest = "".join(f"<p>{p}</p>" for p in STORY[1:])
    page = HEAD + f"<article><h1>Harbour wall</h1><header>{rest}</header><p>{STORY[0]}</p></article></body></html>"
    ex = extract(page)
    assert ex.chosen == RECALL, ex.reason
    assert "disagree" in ex.reason
    assert has_story(ex.text)
    assert not has_story(ex.candidates[PRECISION])


def test_readability_on_damaged_markup_nested_too_deep():
    # 300 unclosed containers: libxml2 stops nesting at 255; trafilatura's readability port recovers the text
    page = HEAD + "<div><span>" * 300 + "<font>" + "<br>".join(STORY) + "</font></body></html>"
    ex = extract(page)
    assert ex.chosen == READABILITY, ex.reason
    assert has_story(ex.text)
    assert not ex.candidates[PRECISION]


def test_readability_when_the_article_is_in_an_aside():
    # precision and recall agree, but on a ten-character sidebar: too short to settle, so all candidates vote
    page = HEAD + f"<aside>{PARAS}</aside><div class='sidebar'><p>Short link</p></div></body></html>"
    ex = extract(page)
    assert ex.chosen in (READABILITY, READABILITY_LXML), ex.reason
    assert "only 10 characters" in ex.reason
    assert has_story(ex.text)


def test_justext_when_the_article_sits_in_a_comments_container():
    # trafilatura and readability prune containers named like comment sections; jusText judges paragraphs
    page = HEAD + f"<div id='comments-area' class='comment-content'>{PARAS}</div></body></html>"
    ex = extract(page)
    assert ex.chosen == JUSTEXT, ex.reason
    assert has_story(ex.text)
    assert not ex.candidates[PRECISION] and not ex.candidates[READABILITY]


def test_readability_lxml_on_a_page_without_html_element():
    # a saved fragment (no <html>, one top element): trafilatura's loader refuses it as not HTML,
    # readability-lxml parses it as a document
    page = "<div><div class='story'><h1>Harbour wall</h1>" + PARAS + "</div></div>"
    ex = extract(page)
    assert ex.chosen == READABILITY_LXML, ex.reason
    assert has_story(ex.text)
    assert all(not ex.candidates[n] for n in (PRECISION, RECALL, READABILITY, JUSTEXT))


def test_chrome_removal_runs_on_the_winning_candidate():
    rest = "".join(f"<p>{p}</p>" for p in STORY[1:])
    page = (HEAD + f"<article><h1>Harbour wall</h1><header>{rest}<p>Subscribe to our newsletter</p></header>"
            f"<p>{STORY[0]}</p></article></body></html>")
    assert extract(page).chosen == RECALL
    doc = clean(Document(id="harbour", input="harbour.html", raw=page, is_html=True))
    assert has_story(doc.text)
    assert "Subscribe to our newsletter" not in doc.text
    assert any("Subscribe to our newsletter" in r for r in doc.removed)


def test_all_candidates_on_request_and_a_page_with_no_article():
    page = HEAD + f"<nav><ul>{MENU}</ul></nav><article>{PARAS}</article></body></html>"
    ex = extract(page, all_candidates=True)
    assert set(ex.candidates) == set(CANDIDATES)
    assert ex.chosen == PRECISION


def test_vote_prefers_the_consensus_over_a_teaser_and_abstains_empty_readings():
    settings = load()
    article = "\n".join(STORY)
    teaser = "Read next: ten things to know about the new metro line before it opens to passengers in May this year."
    cands = {PRECISION: teaser, RECALL: article, READABILITY: article, JUSTEXT: article,
             READABILITY_LXML: article + "\n" + teaser}
    best, scores = vote(cands, settings)
    assert best in (RECALL, READABILITY, JUSTEXT)
    assert scores[PRECISION] < scores[best] and scores[READABILITY_LXML] < scores[best]
    # readings that found nothing abstain: two of three voters make the consensus, and an empty reading never wins
    cands = {PRECISION: "", RECALL: "", READABILITY: article, JUSTEXT: article, READABILITY_LXML: teaser}
    best, scores = vote(cands, settings)
    assert best == READABILITY and scores[READABILITY] > scores[READABILITY_LXML]
    assert vote({PRECISION: "", RECALL: teaser}, settings)[0] == RECALL
    # link density: a candidate made of the page's link texts is penalised
    assert link_density("Section World\nSection Sport", {"section world", "section sport"}) == 1.0
    assert link_density(article, {"section world"}) == 0.0


def test_metadata_of_a_failed_candidate_is_never_a_method():
    """A page trafilatura gives up on must not hand the record a bound method as its title (found by the fuzzer)."""
    from thucydides.input.extract import _field

    assert _field("plain text", "title") is None
    assert _field(None, "title") is None
    page = ("<html><head><title>t</title></head><body><div>China hosts Iran and Russia for nuclear talks\n\n"
            "March 14, 2025\n\nBEIJING \u2014 China, Russia and Iran met.</div></body></html>")
    res = extract(page)
    assert res.title is None or isinstance(res.title, str)
    assert all(v is None or isinstance(v, str) for v in (res.sitename, res.url, res.date))


def test_shared_readings_equal_trafilatura_own_two_runs():
    """The clean step computes the precision and recall readings together (``_readings``: one copy and one raw-tree
    pruning of the page for both, only the metadata it keeps); on every kind of page both must be exactly what
    trafilatura's ``bare_extraction`` gives with each setting, metadata included."""
    import trafilatura
    from trafilatura.core import _forum_thread_page

    from thucydides.input.extract import _readings, _tree

    def own(tree, url, **kw):  # trafilatura's own extractor with the clean step's settings (fallbacks off)
        return trafilatura.bare_extraction(tree, url=url, fast=True, include_comments=False, **kw)

    meta = ('<html><head><title>Harbour wall to be finished early | Example News</title>'
            '<meta property="og:site_name" content="example news">'
            '<link rel="canonical" href="https://news.example.org/2024/03/harbour-wall">'
            '<meta property="article:published_time" content="2024-03-12T08:00:00Z"></head><body>')
    forum = ('<html><head><title>Harbour wall thread</title><script type="application/ld+json">'
             '{"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Harbour wall"}'
             '</script></head><body><div class="post">' + PARAS + '</div><div id="comments"><ul class="comment-list">'
             + "".join(f'<li class="comment"><p>{p}</p></li>' for p in STORY[:3]) + "</ul></div></body></html>")
    pages = [
        meta + f"<nav><ul>{MENU}</ul></nav><article><h1>Harbour wall to be finished early</h1>{PARAS}</article></body></html>",
        meta + f"<article><h1>Harbour wall</h1><header>{PARAS}</header><p>{STORY[0]}</p></article>"
        f'<div class="infinite-scroll"><article><p>{STORY[4]} Another story follows here.</p></article></div></body></html>',
        HEAD + f'<article>{PARAS}</article><section id="comments"><ol><li><p>{STORY[2]}</p></li></ol>'
        f'<div class="comment-body"><p>{STORY[3]}</p></div></section></body></html>',
        forum,
        HEAD + "<div><p> </p></div></body></html>",  # no reading at all: no metadata either
        HEAD + "<div>" + "<div>" * 300 + PARAS + "</body></html>",
    ]
    for page in pages:
        tree = _tree(page)
        meta_doc, prec, rec = _readings(tree, "https://news.example.org/a")
        first = own(tree, "https://news.example.org/a", with_metadata=True, favor_precision=True)
        second = own(tree, "https://news.example.org/a", favor_recall=True)
        assert prec == (first.text if first is not None else None), page[:120]
        assert rec == (second.text if second is not None else None), page[:120]
        for name in ("title", "url", "date", "sitename"):
            assert getattr(meta_doc, name, None) == getattr(first, name, None), (name, page[:120])
    # the pages exercise every branch: a reading with metadata, a forum thread, a page trafilatura gives nothing for
    assert _readings(_tree(pages[0]), None)[0].date == "2024-03-12"
    assert _forum_thread_page(_tree(forum)) and STORY[0] in _readings(_tree(forum), None)[2]
    assert _readings(_tree(pages[4]), None) == (None, None, None)
