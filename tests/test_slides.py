"""The decks: every lesson built into a reveal.js deck (CI profile), two of them presented in headless
Chromium with the network cut off: reveal.js starts, slides count, charts and formulas show."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, execute_notebook
from test_browser import CHROMIUM, FLAGS

sys.path.insert(0, str(ROOT / "slides"))
import build  # noqa: E402  (slides/build.py, what `make slides` runs)
import pdf  # noqa: E402  (slides/pdf.py)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="chromium is not installed (make installs it only when run as root)")
LESSONS = build.lessons()


@pytest.fixture(scope="module")
def decks(artifacts):
    """Every deck, built from the lesson runs of this test session into the artifacts folder."""
    out = artifacts / "slides"
    out.mkdir(exist_ok=True)
    made = {}
    for path in LESSONS:
        made[path.stem] = build.build_deck(execute_notebook(path, profile="ci"), path, out, "ci")
    build.write_index([(d, build.title_of(execute_notebook(p, profile="ci"), p)) for p, d in zip(LESSONS, made.values())],
                      out, "ci")
    return made


def test_every_lesson_has_a_deck_that_loads_nothing_from_the_network(decks):
    assert len(decks) == len(LESSONS) >= 9
    for deck in decks.values():
        text = deck.read_text()
        loads = re.findall(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=[\"']https?:[^\"']+", text)
        assert not loads, (deck.name, loads[:3])
        assert "Speaker notes." in text, deck.name  # the lessons' notes cells become reveal.js notes
        assert "data:image/png;base64" in text, deck.name  # charts travel inside the deck


def present(deck, artifacts, shots):
    """Opens a deck offline; returns the slide count and what the page asked the network for."""
    from playwright.sync_api import sync_playwright

    requested = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 720}, offline=True)
            context.route("http*://**/*", lambda route: (requested.append(route.request.url), route.abort()))
            page = context.new_page()
            page.goto(deck.as_uri())
            page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=60_000)
            total = page.evaluate("() => Reveal.getTotalSlides()")
            title = page.evaluate("() => Reveal.getCurrentSlide().textContent")
            page.screenshot(path=str(artifacts / shots[0]))
            # the first slide with a chart, shown through reveal.js's own navigation
            page.evaluate("() => { const s = Reveal.getSlides().find(s => s.querySelector(\"img[src^='data:image/png']\"));"
                          " const i = Reveal.getIndices(s); Reveal.slide(i.h, i.v); }")
            page.wait_for_timeout(500)
            img = page.evaluate("() => { const i = Reveal.getCurrentSlide().querySelector('img');"
                                " const r = i.getBoundingClientRect(); return [i.naturalWidth, r.width, r.height, r.bottom]; }")
            page.screenshot(path=str(artifacts / shots[1]))
            page.keyboard.press("ArrowRight")
            moved = page.evaluate("() => Reveal.getIndices()")
            math = page.evaluate("() => document.querySelectorAll('mjx-container').length")
        finally:
            browser.close()
    return total, title, img, moved, math, requested


@pytest.mark.parametrize("lesson", ["01-backpropagation", "04-feature-extraction"])
def test_a_deck_presents_offline_with_navigation_and_charts(decks, artifacts, lesson):
    total, title, img, moved, math, requested = present(
        decks[lesson], artifacts, (f"slides-{lesson}-title.png", f"slides-{lesson}-chart.png"))
    assert total >= 12, total
    assert "tl4j: transfer learning in Java" in title and "Lesson" in title
    natural, width, height, bottom = img
    assert natural > 0 and width >= 300 and height >= 150, img  # the PNG decoded and is shown at a readable size
    assert bottom <= 720, img  # and fits the 16:9 stage
    assert moved["h"] + moved["v"] > 0
    assert not requested, requested
    if lesson.startswith("01"):
        assert math > 0  # the formulas typeset by the local MathJax
    print(f"{lesson}: {total} slides")


def test_a_portuguese_deck_presents_offline_in_portuguese(artifacts):
    """`make slides LANG=pt-BR`'s deck of lesson 4, from the pt-BR lesson executed in the CI profile."""
    path = build.lessons("pt-BR")[3]
    out = artifacts / "slides" / "pt-BR"
    out.mkdir(parents=True, exist_ok=True)
    deck = build.build_deck(execute_notebook(path, profile="ci"), path, out, "ci", "pt-BR")
    text = deck.read_text()
    assert "Notas do apresentador." in text and "Speaker notes." not in text
    assert "data:image/png;base64" in text
    total, title, img, moved, math, requested = present(
        deck, artifacts, ("slides-pt-BR-04-title.png", "slides-pt-BR-04-chart.png"))
    assert total >= 12, total
    assert "aprendizagem por transferência em Java · lição 4" in title and "Lição 4" in title, title
    assert "Executado no kernel do curso" in title, title
    natural, width, height, bottom = img
    assert natural > 0 and width >= 300 and height >= 150 and bottom <= 720, img
    assert moved["h"] + moved["v"] > 0
    assert not requested, requested


def test_a_deck_prints_to_pdf_one_page_per_slide(decks, artifacts):
    out = pdf.print_deck(decks["01-backpropagation"], artifacts / "slides-01-backpropagation.pdf")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", out.read_bytes()))
    slides = sum(1 for _ in re.finditer(r"<section(?![^>]*>\s*<section)", decks["01-backpropagation"].read_text()))
    assert pages == slides >= 12, (pages, slides)


def test_rise_gives_a_live_slideshow_in_jupyterlab():
    listing = subprocess.run([sys.executable, "-m", "jupyter", "labextension", "list"], capture_output=True, text=True)
    text = re.sub(r"\x1b\[[0-9;]*m", "", listing.stdout + listing.stderr)
    assert re.search(r"jupyterlab-rise v[\d.]+ enabled OK", text), text
