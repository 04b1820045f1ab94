"""The Brazilian-Portuguese edition runs like the English one: every pt-BR lesson executed through the
installed kernel (CI profile), in Portuguese where the library speaks (a notebook in notebooks/pt-BR gets
pt-BR messages and self-check questions), with the outputs of the English run; the pt-BR exercises
released and graded through real nbgrader in the sandbox, with Portuguese stubs and feedback.
(test_translation_sync.py checks that the sources keep step; test_slides.py presents a pt-BR deck.)"""
import csv
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, assert_no_errors, execute_notebook, outputs
from test_exercises import feedback_text, points  # the English course's readers: same layout

ENGLISH = ROOT / "notebooks"
PORTUGUESE = ENGLISH / "pt-BR"
LESSONS = sorted(p.name for p in PORTUGUESE.glob("*.ipynb"))
EXERCISES = ROOT / "exercises"
ASSIGNMENTS = sorted(p.name for p in (EXERCISES / "pt-BR" / "source").iterdir() if p.is_dir())
BWRAP = ROOT / ".cache" / "bubblewrap" / "usr" / "bin" / "bwrap"


def kinds(nb):
    """Per code cell, the set of (output type, MIME types) it showed: what the two editions share."""
    return [sorted({(o.output_type, tuple(sorted(o.get("data", {})))) for o in c.get("outputs", [])
                    if not (o.output_type == "stream" and o.name == "stderr")})
            for c in nb.cells if c.cell_type == "code"]


def texts(nb):
    return "\n".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") + o.get("data", {}).get("text/html", "")
                     for _, o in outputs(nb))


@pytest.mark.parametrize("name", LESSONS)
def test_the_portuguese_lesson_runs_like_the_english_one(name):
    portuguese = execute_notebook(PORTUGUESE / name, profile="ci")
    assert_no_errors(portuguese)
    english = execute_notebook(ENGLISH / name, profile="ci")
    differ = [i for i, (a, b) in enumerate(zip(kinds(english), kinds(portuguese))) if a != b]
    assert not differ, [(i, kinds(english)[i], kinds(portuguese)[i]) for i in differ]
    shown = texts(portuguese)
    if "SelfCheck.question(" in json.dumps(json.loads((PORTUGUESE / name).read_text())["cells"]):
        # the kernel started in notebooks/pt-BR speaks Portuguese; the English run does not
        assert re.search(r"Pergunta \d+\.", shown), name
        assert re.search(r"Question \d+\.", texts(english)) and not re.search(r"Question \d+\.", shown), name


@pytest.fixture(scope="module")
def graded_pt(tmp_path_factory):
    """A copy of the pt-BR course (exercises/pt-BR beside the shared tools): released, ada (every answer),
    ben (questions 1 and 3 of backprop), cy (nothing) and eve (an attacker) graded by grade.py as
    `make grade LANG=pt-BR` does."""
    top = tmp_path_factory.mktemp("exercises")
    for item in ("nbgrader_config.py", "grade.py", "make_samples.py", "sandbox.py", "output_limit.py"):
        shutil.copy(EXERCISES / item, top / item)
    course = top / "pt-BR"
    course.mkdir()
    shutil.copy(EXERCISES / "pt-BR" / "nbgrader_config.py", course)
    shutil.copytree(EXERCISES / "pt-BR" / "source", course / "source")
    env = dict(os.environ, TL4J_CELL_TIMEOUT="60", TL4J_SUBMISSION_LIMIT="240")
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env["PATH"]
    env.pop("TL4J_LANG", None)
    if BWRAP.is_file():
        env["TL4J_BWRAP"] = str(BWRAP)

    def run(*args):
        done = subprocess.run(args, cwd=course, env=env, capture_output=True, text=True, timeout=3600)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        return done.stdout
    for a in ASSIGNMENTS:
        run(str(Path(sys.executable).parent / "nbgrader"), "generate_assignment", a, "--force")
    run(sys.executable, str(top / "make_samples.py"))
    for folder in (course / "samples" / "ben").iterdir():
        if folder.name != "backprop":
            shutil.rmtree(folder)
    # eve: ada's backprop, plus an attempt to read the instructor's pt-BR notebook and to spoil the gradebook
    eve = json.loads((course / "samples" / "ada" / "backprop" / "backprop.ipynb").read_text())
    q3 = next(c for c in eve["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "q3-answer")
    q3["source"] = "".join(q3["source"]) + f"""
String leaked = "";
try {{ leaked = java.nio.file.Files.readString(java.nio.file.Path.of("{course}/source/backprop/backprop.ipynb")); }}
catch (Exception e) {{ }}
try {{ java.nio.file.Files.write(java.nio.file.Path.of("{course}/gradebook.db"), new byte[4096]); }} catch (Exception e) {{ }}
System.out.println(leaked.isEmpty() ? "nothing found" : "LEAKED " + leaked);"""
    (course / "samples" / "eve" / "backprop").mkdir(parents=True)
    (course / "samples" / "eve" / "backprop" / "backprop.ipynb").write_text(json.dumps(eve))
    run(sys.executable, str(top / "grade.py"), str(course / "samples"))
    with open(course / "grades" / "grades.csv") as f:
        table = {row["student"]: row for row in csv.DictReader(f)}
    return course, table


def feedback(course, student, assignment):
    """The words of a submission's feedback pages, without their markup."""
    return html.unescape(re.sub(r"<[^>]+>", "", feedback_text(course, student, assignment)))


def test_the_portuguese_release_has_portuguese_stubs_and_no_solution(graded_pt):
    course, _ = graded_pt
    for a in ASSIGNMENTS:
        released = next((course / "release" / a).glob("*.ipynb")).read_text()
        assert "BEGIN SOLUTION" not in released and "BEGIN HIDDEN TESTS" not in released, a
        assert "ainda não implementado" in released and "not implemented yet" not in released, a


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_portuguese_exercises_grade_like_the_english_ones(graded_pt, assignment):
    course, table = graded_pt
    assert float(table["ada"][assignment]) == points(course, assignment) > 0
    assert float(table["cy"][assignment]) == 0
    said = feedback(course, "ada", assignment)
    assert "verificações aprovadas" in said and "checks passed" not in said, said[-2000:]


def test_portuguese_feedback_says_what_is_wrong_in_portuguese(graded_pt):
    course, table = graded_pt
    assert float(table["ben"]["backprop"]) == points(course, "backprop", {1, 3})
    said = feedback(course, "ben", "backprop")
    assert "seu código lançou UnsupportedOperationException (ainda não implementado)" in said, said[-3000:]
    assert "Reveja" in said, said[-3000:]


def test_a_portuguese_submission_reads_no_hidden_test_and_spoils_no_grade(graded_pt):
    course, table = graded_pt
    said = feedback(course, "eve", "backprop")
    # its output says "nothing found"; a leak would print the notebook's JSON after "LEAKED "
    assert "nothing found" in said and "LEAKED {" not in said and "BEGIN HIDDEN TESTS" not in said, said[-2000:]
    assert float(table["eve"]["backprop"]) == float(table["ada"]["backprop"]) == points(course, "backprop")
