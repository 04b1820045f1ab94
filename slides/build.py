"""Builds the instructor decks: every lesson executed, then exported as a reveal.js deck that runs offline.

    python slides/build.py [--profile class|ci] [--language en|pt-BR] [lesson.ipynb ...]   (`make slides`)

Writes slides/<lesson>.slides.html and slides/index.html, and keeps each executed lesson in
build/executed/<profile>/ (what `make guides` reads for the teacher's guides); in Portuguese
(`make slides LANG=pt-BR`), the lessons of notebooks/pt-BR into slides/pt-BR/ and build/executed/<profile>/pt-BR/. The decks load reveal.js and MathJax from
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


# The words the decks add around a lesson, per language.
WORDS = {
    "en": {"tagline": "tl4j: transfer learning in Java", "lesson": "lesson", "executed": "Executed on the course kernel ({profile} profile), {date}",
           "title": "tl4j decks", "heading": "tl4j: the decks",
           "intro": "One deck per lesson, built {date} ({profile} profile). Keys: arrows or space to move, "
                    "<kbd>s</kbd> speaker notes, <kbd>f</kbd> full screen, <kbd>esc</kbd> overview. To print: add "
                    "<code>?print-pdf</code> to a deck's address and print to PDF."},
    "pt-BR": {"tagline": "tl4j: aprendizagem por transferência em Java", "lesson": "lição", "executed": "Executado no kernel do curso (perfil {profile}), {date}",
              "title": "tl4j: apresentações", "heading": "tl4j: as apresentações",
              "intro": "Uma apresentação por lição, gerada em {date} (perfil {profile}). Teclas: setas ou espaço "
                       "para avançar, <kbd>s</kbd> notas do apresentador, <kbd>f</kbd> tela cheia, <kbd>esc</kbd> "
                       "visão geral. Para imprimir: acrescente <code>?print-pdf</code> ao endereço de uma "
                       "apresentação e imprima em PDF."},
}


def edition(language):
    """(lessons folder, decks folder) of a language's edition."""
    return (ROOT / "notebooks", SLIDES) if language == "en" else (ROOT / "notebooks" / language, SLIDES / language)


def lessons(language="en"):
    return sorted(p for p in edition(language)[0].glob("0[1-9]-*.ipynb"))


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


def build_deck(executed, path, out_dir, profile, language="en"):
    """Writes <out_dir>/<lesson>.slides.html from an executed lesson; returns the file."""
    nb = nbformat.from_dict(executed)
    title = title_of(nb, path)
    number = path.stem.split("-")[0]
    words = WORDS[language]
    executed_on = words["executed"].format(profile=profile, date=datetime.date.today().isoformat())
    cover = nbformat.v4.new_markdown_cell(
        f"# {title}\n\n**{words['tagline']}** · {words['lesson']} {int(number)}\n\n{executed_on}")
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


def write_index(decks, out_dir, profile, language="en"):
    words = WORDS[language]
    rows = "".join(f"<li><a href='{html.escape(d.name)}'>{html.escape(t)}</a></li>" for d, t in decks)
    (Path(out_dir) / "index.html").write_text(
        f"<!doctype html><html lang='{language}'><meta charset='utf-8'><title>{words['title']}</title><style>"
        "body{font-family:sans-serif;max-width:50em;margin:2em auto}li{margin:.4em 0}</style>"
        f"<h1>{words['heading']}</h1><p>"
        + words["intro"].format(date=datetime.date.today().isoformat(), profile=profile)
        + f"</p><ol>{rows}</ol>", encoding="utf-8")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="class", choices=["class", "ci"])
    parser.add_argument("--language", default="en", choices=sorted(WORDS))
    parser.add_argument("lessons", nargs="*", type=Path)
    args = parser.parse_args(argv)
    if not (SLIDES / "node_modules" / "reveal.js" / "dist" / "reveal.js").is_file():
        sys.exit("slides: reveal.js is not installed in slides/node_modules: run `make slides`, which installs it")
    chosen = [p.resolve() for p in args.lessons] or lessons(args.language)
    out_dir = edition(args.language)[1]
    out_dir.mkdir(parents=True, exist_ok=True)
    decks = []
    for path in chosen:
        started = time.time()
        print(f"slides: executing {path.name} ({args.profile} profile)...", flush=True)
        executed = execute(path, args.profile)
        kept = ROOT / "build" / "executed" / args.profile / ("" if args.language == "en" else args.language)
        kept.mkdir(parents=True, exist_ok=True)
        nbformat.write(executed, kept / path.name)
        deck = build_deck(executed, path, out_dir, args.profile, args.language)
        decks.append((deck, title_of(nbformat.read(path, as_version=4), path)))
        print(f"slides: {deck.relative_to(ROOT)} in {time.time() - started:.0f} s", flush=True)
    write_index(decks, out_dir, args.profile, args.language)
    print(f"slides: {len(decks)} decks; open {(out_dir / 'index.html').relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
