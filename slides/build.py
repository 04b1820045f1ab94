"""Builds the instructor decks: every lesson executed, then exported as a reveal.js deck that runs offline.

    python slides/build.py [--profile class|ci] [lesson.ipynb ...]     (run by `make slides`)

Writes slides/<lesson>.slides.html and slides/index.html, and keeps each executed lesson in
build/executed/<profile>/ (what `make guides` reads for the teacher's guides). The decks load reveal.js and MathJax from
slides/node_modules (installed from slides/package.json by `make slides`), never from the network;
charts are PNG images inside the HTML. The slide structure and the speaker notes come from the
lessons' own cell metadata (slideshow.slide_type), so one source serves notebook and deck.
"""
import argparse
import datetime
import html
import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import SlidesExporter

SLIDES = Path(__file__).resolve().parent
ROOT = SLIDES.parent
KERNEL = "tl4j"


def lessons():
    return sorted(p for p in (ROOT / "notebooks").glob("0[1-9]-*.ipynb"))


def title_of(nb, path):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.MULTILINE)
            if m:
                return m.group(1).strip()
    return path.stem


def execute(path, profile, timeout=3600):
    """The lesson run through the course kernel under the given profile."""
    nb = nbformat.read(path, as_version=4)
    os.environ["TL4J_PROFILE"] = profile
    NotebookClient(nb, kernel_name=KERNEL, timeout=timeout, allow_errors=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def build_deck(executed, path, out_dir, profile):
    """Writes <out_dir>/<lesson>.slides.html from an executed lesson; returns the file."""
    nb = nbformat.from_dict(executed)
    title = title_of(nb, path)
    number = path.stem.split("-")[0]
    cover = nbformat.v4.new_markdown_cell(
        f"# {title}\n\n**tl4j: transfer learning in Java** · lesson {int(number)}\n\n"
        f"Executed on the course kernel ({profile} profile), {datetime.date.today().isoformat()}")
    cover.metadata["slideshow"] = {"slide_type": "slide"}
    nb.cells.insert(0, cover)
    if nb.cells[1].metadata.get("slideshow", {}).get("slide_type") in (None, "-", ""):
        nb.cells[1].metadata["slideshow"] = {"slide_type": "slide"}
    exporter = SlidesExporter(template_name="tl4j", extra_template_basedirs=[str(SLIDES / "template")],
                              reveal_url_prefix=os.path.relpath(SLIDES / "node_modules" / "reveal.js", out_dir),
                              reveal_theme="white", exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb, resources={
        "metadata": {"name": title},
        "tl4j_assets": os.path.relpath(SLIDES / "node_modules", out_dir)})
    out = Path(out_dir) / f"{path.stem}.slides.html"
    out.write_text(body, encoding="utf-8")
    return out


def write_index(decks, out_dir, profile):
    rows = "".join(f"<li><a href='{html.escape(d.name)}'>{html.escape(t)}</a></li>" for d, t in decks)
    (Path(out_dir) / "index.html").write_text(
        "<!doctype html><meta charset='utf-8'><title>tl4j decks</title><style>body{font-family:sans-serif;"
        "max-width:50em;margin:2em auto}li{margin:.4em 0}</style><h1>tl4j: the decks</h1>"
        f"<p>One deck per lesson, built {datetime.date.today().isoformat()} ({profile} profile). Keys: arrows or "
        "space to move, <kbd>s</kbd> speaker notes, <kbd>f</kbd> full screen, <kbd>esc</kbd> overview. "
        "To print: add <code>?print-pdf</code> to a deck's address and print to PDF.</p>"
        f"<ol>{rows}</ol>", encoding="utf-8")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="class", choices=["class", "ci"])
    parser.add_argument("lessons", nargs="*", type=Path)
    args = parser.parse_args(argv)
    if not (SLIDES / "node_modules" / "reveal.js" / "dist" / "reveal.js").is_file():
        sys.exit("slides: reveal.js is not installed in slides/node_modules: run `make slides`, which installs it")
    chosen = [p.resolve() for p in args.lessons] or lessons()
    decks = []
    for path in chosen:
        started = time.time()
        print(f"slides: executing {path.name} ({args.profile} profile)...", flush=True)
        executed = execute(path, args.profile)
        kept = ROOT / "build" / "executed" / args.profile
        kept.mkdir(parents=True, exist_ok=True)
        nbformat.write(executed, kept / path.name)
        deck = build_deck(executed, path, SLIDES, args.profile)
        decks.append((deck, title_of(nbformat.read(path, as_version=4), path)))
        print(f"slides: {deck.relative_to(ROOT)} in {time.time() - started:.0f} s", flush=True)
    write_index(decks, SLIDES, args.profile)
    print(f"slides: {len(decks)} decks; open slides/index.html")


if __name__ == "__main__":
    main(sys.argv[1:])
