"""The web pages end to end in headless Chromium (Debian's chromium, driven by Playwright).

The real server runs with uvicorn in a background thread on 127.0.0.1 over a database built from
the bundled sample corpus. Every request the pages make must go to that server: nothing external.
Screenshots of each view are written to reports/screenshots/.
"""
from __future__ import annotations

import json
import re
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "src" / "thucydides" / "sample"
SHOTS = REPO / "reports" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VERDICTS = {"yes", "no", "mixed", "insufficient"}
QUESTION = "Will Russia and China forge a military alliance?"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="browser tests need Debian's chromium at /usr/bin/chromium "
                                       "(apt-get install chromium chromium-driver)")




@pytest.fixture(scope="module")
def base_url(sample_db):
    import uvicorn

    from thucydides.server.app import create_app

    db = sample_db
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(db), rate_limit=0), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright (PyPI) is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    problems: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    # Anything not for our server is refused outright (and fails the test below).
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url + "/")
                  else route.abort())
    pg = context.new_page()
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.set_default_timeout(10_000)
    yield pg
    context.close()
    assert requests, "no requests seen"
    outside = [u for u in requests if not u.startswith(base_url + "/")]
    assert not outside, f"the page requested something external: {outside}"
    assert not problems, problems


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_home_page(page, base_url):
    page.goto(base_url + "/")
    assert page.title().startswith("Articles")
    assert page.locator("#documents tbody tr").count() > 10
    assert page.locator(".stat-n").first.inner_text().strip().isdigit()
    page.fill("#doc-q", "Lavrov")
    page.click("form[role=search] button")
    page.wait_for_url("**/?q=Lavrov*")
    titles = page.locator("#documents tbody td a").all_inner_texts()
    assert "Will Russia and China forge a military alliance?" in titles
    page.goto(base_url + "/")
    shot(page, "home")


def test_relations_explorer(page, base_url):
    page.goto(base_url + "/")
    page.click("nav.mainnav >> text=Relations")
    page.fill("#rel-a", "RUS")
    page.fill("#rel-b", "CHN")
    page.select_option("#rel-by", "month")
    page.click("#relations-form button[type=submit]")
    page.wait_for_url("**/relations?*a=RUS*")
    page.wait_for_selector("#chart svg", timeout=5_000)
    bars = page.locator("#chart svg a.bar-link")
    points = page.locator("#series-table tbody tr").count()
    assert points > 0 and bars.count() == points
    assert page.locator("#chart svg rect.bar").count() > 0
    shot(page, "relations")
    bars.first.click()
    page.wait_for_url("**period=*")
    items = page.locator("#evidence .evidence-item")
    assert items.count() > 0
    link = items.first.locator("a.source-link")
    assert "/article/" in link.get_attribute("href")
    assert page.locator("#chart svg a.bar-link.current").count() == 1
    shot(page, "relations-evidence")
    link.click()
    page.wait_for_url("**/article/**")
    assert page.locator("#article-text .hl-focus").count() > 0


def test_quote_explorer_filters_by_speaker(page, base_url):
    page.goto(base_url + "/quotes")
    total = page.locator(".quote-item").count()
    page.fill("#qs-speaker", "Lavrov")
    page.click("#quotes-form button[type=submit]")
    page.wait_for_url("**speaker=Lavrov*")
    speakers = page.locator(".quote-item .speaker").all_inner_texts()
    assert speakers and all("Lavrov" in s for s in speakers)
    assert len(speakers) <= total
    shot(page, "quotes")
    first = page.locator(".quote-item blockquote").first.inner_text()
    page.locator(".quote-item a.source-link").first.click()
    page.wait_for_url("**/article/**")
    focus = " ".join(page.locator("#article-text .hl-focus").all_inner_texts())
    assert first.strip()[:30] in focus


def test_article_view_highlights_spans(page, base_url):
    page.goto(base_url + "/article/lavrov-alliance")
    assert page.locator("h1").inner_text() == QUESTION
    actors = page.locator("#article-text .hl-actor")
    quotes = page.locator("#article-text .hl-quote")
    assert actors.count() > 3 and quotes.count() > 0
    mentioned = " ".join(actors.all_inner_texts())
    assert "Lavrov" in mentioned and "China" in mentioned
    assert "Neither Russia nor China" in "".join(quotes.all_text_contents())
    assert page.locator("#side-quotes li").count() > 0
    assert "Lavrov" in page.locator("#side-quotes").inner_text()
    # picking an actor highlights all its mentions
    page.locator("#side-actors .actor-pick").first.click()
    assert page.locator("#article-text .picked").count() > 0
    page.locator("#side-actors .actor-pick").first.click()
    assert page.locator("#article-text .picked").count() == 0
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "article")


def test_ask_box_shows_a_brief(page, base_url):
    page.goto(base_url + "/")
    page.click("nav.mainnav >> text=Ask")
    page.fill("#ask-q", QUESTION)
    page.press("#ask-q", "Enter")
    page.wait_for_selector("#verdict")
    assert page.locator("#verdict").inner_text().strip().lower() in VERDICTS
    items = page.locator("#ask-evidence > li")
    assert items.count() > 0
    for i in range(items.count()):
        item = items.nth(i)
        assert item.locator(".stance").first.inner_text().strip().lower() in ("for", "against", "neutral")
        assert "/article/" in item.locator("a.source-link").get_attribute("href")
    shot(page, "ask")
    items.first.locator("a.source-link").click()
    page.wait_for_url("**/article/**")
    assert page.locator("#article-text .hl-focus").count() > 0


def test_ask_page_explains_pages_and_filters(page, base_url):
    q = "Is the U.S. imposing new tariffs on China?"
    page.goto(base_url + "/ask?" + urlencode({"q": q, "limit": 3}))
    assert page.locator("#verdict").inner_text().strip().lower() in VERDICTS
    explanation = page.locator("#explanation").inner_text()
    # the explanation cites items by number, and those items are on the page or the next ones
    cited = re.findall(r"\[(\d+)\]", explanation)
    assert cited and 2 <= len(re.findall(r"[.!?](?:\s|$)", explanation)) <= 6, explanation
    assert page.locator("#ev-" + cited[0]).count() == 1
    assert "United States" in page.locator(".understood").inner_text()
    first_page = page.locator("#ask-evidence > li .ev-text, #ask-evidence > li blockquote").all_inner_texts()
    assert len(first_page) == 3
    shot(page, "ask-explained")
    page.click("#ask-next")
    page.wait_for_url("**offset=3*")
    second = page.locator("#ask-evidence > li .ev-text, #ask-evidence > li blockquote").all_inner_texts()
    assert second and not set(second) & set(first_page)
    # a stance filter keeps only that stance
    page.goto(base_url + "/ask?" + urlencode({"q": q, "stance": "neutral"}))
    stances = page.locator("#ask-evidence > li .stance").all_inner_texts()
    assert stances and all(s.strip().lower() == "neutral" for s in stances)


def test_events_page_filters_and_downloads(page, base_url):
    page.goto(base_url + "/")
    page.click("nav.mainnav >> text=Events")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() > 5
    page.fill("#ev-actor", "RUS")
    page.click("#events-form button[type=submit]")
    page.wait_for_url("**actor=RUS*")
    actors = page.locator("#events-table tbody tr td:nth-child(2)").all_inner_texts()
    assert actors and all("RUS" in a for a in actors)
    shot(page, "events")
    href = page.locator("#dl-csv").get_attribute("href")
    assert "actor=RUS" in href and "format=csv" in href
    body = page.request.get(base_url + href).text()
    lines = body.strip().splitlines()
    assert lines[0].startswith("date,type") and len(lines) - 1 >= len(actors)
    assert all("RUS" in line.split(",")[3] for line in lines[1:] if line.count(",") > 5)
    js = page.request.get(base_url + page.locator("#dl-json").get_attribute("href")).text().strip().splitlines()
    assert json.loads(js[0])["type"]


def test_relations_chart_leaves_gaps(page, base_url):
    # months without events are drawn as empty, and the score line is broken there, never bridged
    page.goto(base_url + "/relations?" + urlencode({"a": "RUS", "b": "CHN", "by": "month"}))
    page.wait_for_selector("#chart svg")
    empty = page.locator("#chart svg rect.no-data").count()
    gaps = page.locator("#chart svg line.gap").count()
    assert empty + gaps > 0
    segments = page.locator("#chart svg polyline.score-line").count()
    dots = page.locator("#chart svg circle.score-dot").count()
    assert dots >= 2 and segments < dots
    shot(page, "relations-gaps")
    page.goto(base_url + "/relations?" + urlencode({"a": "RUS", "b": "CHN", "by": "quarter"}))
    page.wait_for_selector("#chart svg")
    assert any(t.startswith("Q") for t in page.locator("#chart svg text.x-label").all_text_contents())
