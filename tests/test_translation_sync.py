"""The Portuguese edition keeps step with the English one: every English lesson has its pt-BR
counterpart with the same cells in the same order, the same ids, types and metadata (slide types),
and the very same code; only the prose differs.

A change to an English lesson is carried over by making the same change in notebooks/pt-BR/ (code:
copied as it is; prose: translated); the failure message names the notebook, the cell (number and id)
and what differs.
"""
import json

import pytest

from conftest import ROOT

ENGLISH = ROOT / "notebooks"
PORTUGUESE = ENGLISH / "pt-BR"
LESSONS = sorted(p.name for p in ENGLISH.glob("*.ipynb"))


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))


def differences(english, portuguese):
    """What differs between the two notebooks, one line each (empty when they are in step)."""
    out = []
    if english["metadata"] != portuguese["metadata"]:
        out.append(f"notebook metadata: {english['metadata']} in English, {portuguese['metadata']} in pt-BR")
    en, pt = english["cells"], portuguese["cells"]
    for i in range(max(len(en), len(pt))):
        if i >= len(pt):
            out.append(f"cell {i + 1} (id {en[i].get('id')}): missing in pt-BR")
            continue
        if i >= len(en):
            out.append(f"cell {i + 1} (id {pt[i].get('id')}): in pt-BR only")
            continue
        a, b = en[i], pt[i]
        where = f"cell {i + 1} (id {a.get('id')})"
        for key in ("id", "cell_type", "metadata"):
            if a.get(key) != b.get(key):
                out.append(f"{where}: {key} is {a.get(key)!r} in English, {b.get(key)!r} in pt-BR")
        if a["cell_type"] == "code" and a["source"] != b["source"]:
            out.append(f"{where}: the code differs; copy the English cell:\n{''.join(a['source'])}")
        if a["cell_type"] == "markdown" and not "".join(b["source"]).strip():
            out.append(f"{where}: the pt-BR cell is empty")
    return out


def test_every_english_lesson_has_a_portuguese_counterpart():
    missing = [name for name in LESSONS if not (PORTUGUESE / name).exists()]
    extra = sorted(p.name for p in PORTUGUESE.glob("*.ipynb") if p.name not in LESSONS)
    assert not missing, f"no pt-BR version of {missing} in {PORTUGUESE.relative_to(ROOT)}"
    assert not extra, f"pt-BR notebooks without an English one: {extra}"


@pytest.mark.parametrize("name", LESSONS)
def test_the_portuguese_lesson_has_the_same_cells_and_code(name):
    if not (PORTUGUESE / name).exists():
        pytest.fail(f"no pt-BR version of {name}")
    found = differences(cells(ENGLISH / name), cells(PORTUGUESE / name))
    assert not found, f"notebooks/pt-BR/{name} is out of step with notebooks/{name}:\n" + "\n".join(found)


@pytest.mark.parametrize("name", LESSONS)
def test_the_portuguese_prose_is_translated(name):
    english, portuguese = cells(ENGLISH / name)["cells"], cells(PORTUGUESE / name)["cells"]
    same = [f"cell {i + 1} (id {a.get('id')})" for i, (a, b) in enumerate(zip(english, portuguese))
            if a["cell_type"] == "markdown" and len("".join(a["source"]).split()) > 3 and a["source"] == b["source"]]
    assert not same, f"notebooks/pt-BR/{name}: still in English: {same}"


def test_a_changed_english_cell_is_named_in_the_message():
    english = cells(ENGLISH / LESSONS[1])
    portuguese = json.loads(json.dumps(english))
    code = next(i for i, c in enumerate(portuguese["cells"]) if c["cell_type"] == "code")
    portuguese["cells"][code]["source"] = ["int x = 1;"]
    portuguese["cells"][0]["metadata"] = {}
    found = differences(english, portuguese)
    assert any(line.startswith(f"cell {code + 1} (id {english['cells'][code]['id']}): the code differs")
               for line in found), found
    assert any(line.startswith("cell 1 ") and "metadata" in line for line in found), found
    del portuguese["cells"][-1]
    assert any("missing in pt-BR" in line for line in differences(english, portuguese))
