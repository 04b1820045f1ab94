"""The Portuguese edition keeps step with the English one: every English lesson has its pt-BR
counterpart with the same cells in the same order, the same ids, types and metadata (slide types),
and the very same code; only the prose differs. Every exercise likewise (nbgrader ids and points in the
metadata), except that its code may translate comments and the texts inside string literals (hints,
advice, rubrics): the code with those blanked out is the same. Every instructor-kit file has its pt-BR
twin.

A change to an English lesson is carried over by making the same change in notebooks/pt-BR/ (code:
copied as it is; prose: translated); the failure message names the notebook, the cell (number and id)
and what differs.
"""
import json
import re

import pytest

from conftest import ROOT

ENGLISH = ROOT / "notebooks"
PORTUGUESE = ENGLISH / "pt-BR"
LESSONS = sorted(p.name for p in ENGLISH.glob("*.ipynb"))
EXERCISES = ROOT / "exercises" / "source"
EXERCISES_PT = ROOT / "exercises" / "pt-BR" / "source"
ASSIGNMENTS = sorted(p.relative_to(EXERCISES).as_posix() for p in EXERCISES.glob("*/*.ipynb"))
KIT = ROOT / "docs" / "instructor"
KIT_PT = ROOT / "docs" / "pt-BR" / "instructor"
GUIDE_SECTIONS = ("## Antes da aula", "## Cronograma da aula", "## Equívocos comuns",
                  "## Como os números ao vivo devem ficar", "## Quando uma execução cai fora dessas faixas",
                  "## Depois da aula")
# Java's string literals (with escapes), character literals and comments, in the order a reader meets them.
JAVA_TEXT = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])+\'|//[^\n]*|/\*.*?\*/', re.S)
MARKERS = re.compile(r"^\s*// (BEGIN|END) (SOLUTION|HIDDEN TESTS)\s*$", re.M)


def code_shape(source):
    """Java code with string literals emptied and comments removed, as non-blank lines: what a translation
    of the hints, advice and comments leaves unchanged."""
    def blank(m):
        t = m.group(0)
        return '""' if t.startswith('"') else t if t.startswith("'") else ""
    return [line.rstrip() for line in JAVA_TEXT.sub(blank, source).splitlines() if line.strip()]


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))


def differences(english, portuguese, texts_translated=False):
    """What differs between the two notebooks, one line each (empty when they are in step). With
    texts_translated (exercises), code cells may differ in comments and string literals only."""
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
        en_code, pt_code = "".join(a["source"]), "".join(b["source"])
        if a["cell_type"] != "code" or en_code == pt_code:
            pass
        elif not texts_translated:
            out.append(f"{where}: the code differs; copy the English cell:\n{en_code}")
        elif code_shape(en_code) != code_shape(pt_code):
            first = next((x, y) for x, y in zip(code_shape(en_code) + [""], code_shape(pt_code) + [""]) if x != y)
            out.append(f"{where}: the code differs beyond comments and strings; English {first[0]!r}, "
                       f"pt-BR {first[1]!r}. Copy the English cell and translate its comments and messages only:\n{en_code}")
        elif MARKERS.findall(en_code) != MARKERS.findall(pt_code):
            out.append(f"{where}: the BEGIN/END SOLUTION and HIDDEN TESTS markers differ; keep them as in English")
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


def test_every_exercise_has_a_portuguese_counterpart_with_the_same_cells_and_code():
    assert len(ASSIGNMENTS) >= 9, ASSIGNMENTS
    out_of_step = {}
    for name in ASSIGNMENTS:
        if not (EXERCISES_PT / name).exists():
            out_of_step[name] = ["no pt-BR version"]
            continue
        found = differences(cells(EXERCISES / name), cells(EXERCISES_PT / name), texts_translated=True)
        same = [f"cell {i + 1}" for i, (a, b) in enumerate(zip(cells(EXERCISES / name)["cells"],
                                                               cells(EXERCISES_PT / name)["cells"]))
                if a["cell_type"] == "markdown" and len("".join(a["source"]).split()) > 3 and a["source"] == b["source"]]
        if found or same:
            out_of_step[name] = found + [f"still in English: {same}"] * bool(same)
    extra = sorted(p.relative_to(EXERCISES_PT).as_posix() for p in EXERCISES_PT.glob("*/*.ipynb")
                   if p.relative_to(EXERCISES_PT).as_posix() not in ASSIGNMENTS)
    assert not extra, f"pt-BR exercises without an English one: {extra}"
    assert not out_of_step, "\n".join(f"exercises/pt-BR/source/{n}:\n  " + "\n  ".join(d) for n, d in out_of_step.items())


def test_an_exercise_may_translate_its_texts_but_not_its_code():
    english = cells(EXERCISES / "backprop" / "backprop.ipynb")
    test = next(i for i, c in enumerate(english["cells"]) if "lookAt(" in "".join(c["source"]))
    translated = json.loads(json.dumps(english))
    source = "".join(translated["cells"][test]["source"])
    translated["cells"][test]["source"] = re.sub(r'lookAt\("[^"]*"\)', 'lookAt("Lição 1, seção 5")', source) + "\n// comentário"
    assert differences(english, translated, texts_translated=True) == []
    changed = json.loads(json.dumps(translated))
    changed["cells"][test]["source"] = translated["cells"][test]["source"].replace("1e-9", "1e-3", 1)
    found = differences(english, changed, texts_translated=True)
    assert len(found) == 1 and found[0].startswith(f"cell {test + 1} (id {english['cells'][test]['id']}): the code "
                                                   "differs beyond comments and strings"), found
    markers = json.loads(json.dumps(translated))
    markers["cells"][test]["source"] = source.replace("// BEGIN HIDDEN TESTS", "// INÍCIO DOS TESTES OCULTOS")
    assert any("markers" in line for line in differences(english, markers, texts_translated=True))


def test_every_instructor_file_has_a_portuguese_twin():
    files = sorted(p.relative_to(KIT) for p in KIT.rglob("*.md"))
    assert len(files) >= 20, files
    missing = [str(f) for f in files if not (KIT_PT / f).is_file()]
    assert not missing, f"no pt-BR version in docs/pt-BR/instructor of {missing}"
    for f in files:
        if f.parts[0] == "guide":
            guide = (KIT_PT / f).read_text(encoding="utf-8")
            assert guide.startswith(f"# Lição {int(f.stem[:2])}:"), f
            for heading in GUIDE_SECTIONS:
                assert guide.count(heading + "\n") == 1, (str(f), heading)
            begin, end = "<!-- expected results: written by expected_results.py", "<!-- end of expected results -->"
            assert guide.count(begin) == 1 and guide.count(end) == 1, f
    readme = (ROOT / "README.pt-BR.md").read_text(encoding="utf-8")
    assert "make lab LANG=pt-BR" in readme and "notebooks/pt-BR/" in readme
