"""Numbers come from code: no lesson's Markdown states a measured figure (a decimal, a percentage, "N points", "Nx"),
which would drift from what the cells print and differ between profiles. Constants of the set-up are allowed, each
listed here with the notebook it appears in. Students never see the course's source material named."""
import json
import re

import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FIGURE = re.compile(r"[-+]?\d+(?:\.\d+)?\s*points?\b"           # a difference: +2.7 points
                    r"|\d+(?:\.\d+)?\s?%"                         # a percentage: 87%
                    r"|(?<![\w.])[-+]?\d+\.\d+(?![\w.])"            # a decimal: 0.84, 97.5
                    r"|\b\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?x\b")      # a ratio: 2-3x
# Constants of the set-up, not measurements: notebook prefix -> figures allowed in its Markdown.
ALLOWED = {
    "01": {"0.01": "a learning rate to try", "200 points": "the size of the toy data set"},
    "02": {"0.2": "a learning rate to try"},
    "03": {"1.2": "ImageNet's 1.2 million photos"},
    "05": {"10-100x": "the usual range of lower fine-tuning rates"},
    "08": {"1.4": "the WordNet corpus, 1.4 million words", "10x": "the fine-tuning rate's factor"},
}
SOURCE_MATERIAL = re.compile(r"\bthe seeds'|\bthe seeds (say|teach|name|give)|source texts|seed texts", re.I)


def markdown(path):
    """(cell index, text) of each Markdown cell, without code spans, code blocks and formulas."""
    for i, cell in enumerate(json.loads(path.read_text())["cells"]):
        if cell["cell_type"] == "markdown":
            text = "".join(cell["source"])
            text = re.sub(r"```.*?```", "", text, flags=re.S)
            text = re.sub(r"`[^`]*`|\$[^$]*\$", "", text)
            yield i, text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_markdown_states_no_measured_figure(path):
    allowed = ALLOWED.get(path.name[:2], {})
    found = [f"cell {i}: {m.group()!r} in ...{text[max(0, m.start() - 40):m.end() + 20]!r}..."
             for i, text in markdown(path) for m in FIGURE.finditer(text) if m.group() not in allowed]
    assert not found, ("measured-looking figures in Markdown: print them from a cell, or keep the prose qualitative "
                       "(or list a constant of the set-up in ALLOWED):\n" + "\n".join(found))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_students_never_meet_the_course_source_material(path):
    named = [f"cell {i}: {m.group()!r}" for i, text in markdown(path) for m in SOURCE_MATERIAL.finditer(text)]
    assert not named, named


def test_the_scan_finds_what_it_is_for():
    text = "the frozen vectors reached 87% (+2.7 points, 0.84 against 0.73), about 2-3x faster"
    assert [m.group() for m in FIGURE.finditer(text)] == ["87%", "+2.7 points", "0.84", "0.73", "2-3x"]
    assert not list(FIGURE.finditer("a 2x2 table of 28 x 28 images, version 1.0.0-M2.1, five seeds"))
