"""Prints a deck to PDF, one page per slide, with headless Chromium (reveal.js's print-pdf mode).

    .venv/bin/python slides/pdf.py slides/<lesson>.slides.html [out.pdf]
"""
import shutil
import sys
from pathlib import Path


def print_deck(deck, out):
    """Writes the deck as a 1280x720 PDF; returns the output path."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")  # Debian's, as `make setup` installs it; else Playwright's own
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"], headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.goto(Path(deck).resolve().as_uri() + "?print-pdf")
            page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=60_000)
            page.pdf(path=str(out), width="1280px", height="720px", print_background=True)
        finally:
            browser.close()
    return Path(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    deck = Path(sys.argv[1])
    if not deck.is_file():
        sys.exit(f"pdf: no deck at {deck}: build the decks first with `make slides`")
    out = Path(sys.argv[2]) if len(sys.argv) == 3 else deck.with_suffix("").with_suffix(".pdf")
    print(f"pdf: {print_deck(deck, out)}")
