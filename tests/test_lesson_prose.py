"""Numbers come from code: no lesson's Markdown states a measured figure (a decimal, a percentage, "N points", "Nx"),
which would drift from what the cells print and differ between profiles. Constants of the set-up are allowed, each
listed here with the notebook it appears in. Students never see the course's source material named. The same holds
for the Brazilian-Portuguese lessons (notebooks/pt-BR), whose decimals take a comma and whose differences are "pontos"."""
import json
import re

import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "notebooks" / "pt-BR").glob("*.ipynb"))
FIGURE = re.compile(r"[-+]?\d+(?:\.\d+)?\s*points?\b"           # a difference: +2.7 points
                    r"|\d+(?:\.\d+)?\s?%"                         # a percentage: 87%
                    r"|(?<![\w.])[-+]?\d+\.\d+(?![\w.])"            # a decimal: 0.84, 97.5
                    r"|\b\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?x\b")      # a ratio: 2-3x
# In Portuguese a decimal takes a comma (0,84) and thousands a dot (2.000 images: a count, not a figure).
FIGURE_PT = re.compile(r"[-+]?\d+(?:,\d+)?\s*pontos?\b"
                       r"|\d+(?:,\d+)?\s?%"
                       r"|(?<![\w.,])[-+]?\d+,\d+(?![\w,])"
                       r"|(?<![\w.,])(?!\d{1,3}(?:\.\d{3})+(?![\w.]))[-+]?\d+\.\d+(?![\w.])"
                       r"|\b\d+(?:,\d+)?(?:-\d+(?:,\d+)?)?x\b")
# Constants of the set-up, not measurements: notebook prefix -> figures allowed in its Markdown.
ALLOWED = {
    "01": {"0.01": "a learning rate to try", "200 points": "the size of the toy data set", "200 pontos": "the same"},
    "02": {"0.2": "a learning rate to try"},
    "03": {"1.2": "ImageNet's 1.2 million photos", "1,2": "the same, in Portuguese"},
    "05": {"10-100x": "the usual range of lower fine-tuning rates"},
    "08": {"1.4": "the WordNet corpus, 1.4 million words", "1,4": "the same, in Portuguese",
           "10x": "the fine-tuning rate's factor"},
}
SOURCE_MATERIAL = re.compile(r"\bthe seeds'|\bthe seeds (say|teach|name|give)|source texts|seed texts"
                             r"|textos[- ](?:fonte|de origem|base)|material de origem", re.I)


def markdown(path):
    """(cell index, text) of each Markdown cell, without code spans, code blocks and formulas."""
    for i, cell in enumerate(json.loads(path.read_text())["cells"]):
        if cell["cell_type"] == "markdown":
            text = "".join(cell["source"])
            text = re.sub(r"```.*?```", "", text, flags=re.S)
            text = re.sub(r"`[^`]*`|\$[^$]*\$", "", text)
            yield i, text


def figures(path):
    return FIGURE_PT if path.parent.name == "pt-BR" else FIGURE


IDS = [("pt-BR/" if p.parent.name == "pt-BR" else "") + p.stem for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_markdown_states_no_measured_figure(path):
    allowed = ALLOWED.get(path.name[:2], {})
    found = [f"cell {i}: {m.group()!r} in ...{text[max(0, m.start() - 40):m.end() + 20]!r}..."
             for i, text in markdown(path) for m in figures(path).finditer(text) if m.group() not in allowed]
    assert not found, ("measured-looking figures in Markdown: print them from a cell, or keep the prose qualitative "
                       "(or list a constant of the set-up in ALLOWED):\n" + "\n".join(found))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_students_never_meet_the_course_source_material(path):
    named = [f"cell {i}: {m.group()!r}" for i, text in markdown(path) for m in SOURCE_MATERIAL.finditer(text)]
    assert not named, named


def test_the_scan_finds_what_it_is_for():
    text = "the frozen vectors reached 87% (+2.7 points, 0.84 against 0.73), about 2-3x faster"
    assert [m.group() for m in FIGURE.finditer(text)] == ["87%", "+2.7 points", "0.84", "0.73", "2-3x"]
    assert not list(FIGURE.finditer("a 2x2 table of 28 x 28 images, version 1.0.0-M2.1, five seeds"))
    text = "os vetores congelados chegaram a 87% (+2,7 pontos, 0,84 contra 0,73), cerca de 2-3x mais rápido"
    assert [m.group() for m in FIGURE_PT.finditer(text)] == ["87%", "+2,7 pontos", "0,84", "0,73", "2-3x"]
    assert [m.group() for m in FIGURE_PT.finditer("taxa 0.5, 2.000 imagens, 1.250.000 palavras")] == ["0.5"]
    assert not list(FIGURE_PT.finditer("classes 5, 6, 7, 8 e 9, uma tabela 2x2 de imagens 28 x 28"))
    assert SOURCE_MATERIAL.search("como dizem os textos-fonte") and not SOURCE_MATERIAL.search("dados de origem")
