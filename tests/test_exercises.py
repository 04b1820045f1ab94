"""The graded exercises through real nbgrader and the installed Java kernel: release, then `grade.py`
(what `make grade` runs) on the three sample students and on broken and hostile submissions."""
import csv
import html
import json
import re
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SOURCE = ROOT / "exercises"
sys.path.insert(0, str(SOURCE))
from make_samples import answered, question_of  # noqa: E402  (the course's own helper, not a copy)

ASSIGNMENTS = sorted(p.name for p in (SOURCE / "source").iterdir() if p.is_dir())
CELL_TIMEOUT, SUBMISSION_LIMIT = 20, 60
STUB = 'throw new UnsupportedOperationException("not implemented yet");'


def run(course, *args, env=None):
    env = dict(env or os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env["PATH"]
    result = subprocess.run(args, cwd=course, env=env, capture_output=True, text=True, timeout=3600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def notebook(course, folder, assignment):
    return json.loads(next((course / folder / assignment).glob("*.ipynb")).read_text())


def with_cells(nb, **sources):
    """A copy of the notebook with the cells of these grade ids (q1_answer for q1-answer) rewritten."""
    nb = json.loads(json.dumps(nb))
    for cell in nb["cells"]:
        gid = cell["metadata"].get("nbgrader", {}).get("grade_id", "").replace("-", "_")
        if gid in sources:
            cell["source"] = sources[gid]
    return nb


def hostile(course):
    """Broken and hostile submissions of the backprop exercise: {student: notebook (or raw text)}."""
    full = answered(notebook(course, "release", "backprop"), notebook(course, "source", "backprop"))
    blank = notebook(course, "release", "backprop")
    return {
        # q1's check never returns: the per-cell limit stops it, q2 and q3 are graded
        "h-loop": with_cells(full, q1_answer="double sigmoidPrime(double z) {\n    while (true) { }\n}"),
        # three cells that never end: more than the limit for a whole submission
        "h-endless": with_cells(full, q1_answer="double sigmoidPrime(double z) {\n    while (true) { }\n}",
                                q2_answer="double[] gradient(double w, double b, double x, double y) {\n    while (true) { }\n}",
                                q3_answer='String answer3 = "b";\nwhile (true) { }'),
        "h-exit": with_cells(full, q2_answer="System.exit(0);"),
        "h-oom": with_cells(full, q2_answer="List<long[]> hog = new ArrayList<>();\nwhile (true) hog.add(new long[50_000_000]);"),
        # its own Check and Math that always agree, and wrong answers
        "h-redefine": with_cells(blank, q1_answer="class Check {\n    static String close(String w, Object a, double e, double t) { return \"ok\"; }\n"
                                 "    static String equal(String w, Object a, Object e) { return \"ok\"; }\n"
                                 "    static String oneOf(String w, Object a, Object... c) { return \"ok\"; }\n}\n"
                                 "class Math {\n    static double exp(double x) { return 0; }\n    static double pow(double x, double y) { return 0; }\n}\n"
                                 "double sigmoidPrime(double z) { return 0; }",
                                 q2_answer="double[] gradient(double w, double b, double x, double y) { return new double[]{0, 0}; }",
                                 q3_answer='String answer3 = "a";'),
        # no answer to q1, and a q1 test rewritten to pass: nbgrader restores the locked cell
        "h-locked": with_cells(full, q1_answer=STUB, q1_test='"ok: sigmoidPrime(0) = 0.25"'),
        "h-type": with_cells(full, q3_answer="int answer3 = 2;"),
        "h-compile": with_cells(full, q2_answer="double[] gradient(double w, double b, double x, double y) {\n    return new double[]{w * x +};\n}"),
        "h-json": json.dumps(full, indent=1)[:-200],
    }


def redefining_features(course):
    """A feature-extraction submission that redefines the validation set to report a better accuracy."""
    full = answered(notebook(course, "release", "features"), notebook(course, "source", "features"))
    return with_cells(full, q2_answer="Featurized.of(extractor).fit(target, validation, Plan.epochs(1).batch(25).seed(1));\n"
                      "validation = target;\ndouble accuracy = Report.of(extractor, validation).accuracy();")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A copy of the course: released, sample and hostile submissions graded in one run of grade.py."""
    course = tmp_path_factory.mktemp("course")
    for item in ("nbgrader_config.py", "grade.py", "make_samples.py", "source"):
        src = SOURCE / item
        (shutil.copytree if src.is_dir() else shutil.copy)(src, course / item)
    for a in ASSIGNMENTS:
        run(course, str(Path(sys.executable).parent / "nbgrader"), "generate_assignment", a, "--force")
    run(course, sys.executable, "make_samples.py")
    samples = course / "samples"
    for student, nb in hostile(course).items():
        (samples / student / "backprop").mkdir(parents=True)
        (samples / student / "backprop" / "backprop.ipynb").write_text(nb if isinstance(nb, str) else json.dumps(nb))
    (samples / "h-redefine" / "features").mkdir(parents=True)
    (samples / "h-redefine" / "features" / "features.ipynb").write_text(json.dumps(redefining_features(course)))
    # graded last: a correct submission after all the hostile ones
    shutil.copytree(samples / "ada" / "backprop", samples / "zoe" / "backprop")
    env = dict(os.environ, TL4J_CELL_TIMEOUT=str(CELL_TIMEOUT), TL4J_SUBMISSION_LIMIT=str(SUBMISSION_LIMIT))
    log = run(course, sys.executable, "grade.py", str(samples), env=env)
    (ROOT / "build" / "test-artifacts").mkdir(parents=True, exist_ok=True)
    (ROOT / "build" / "test-artifacts" / "grading.log").write_text(log)
    for name in ("grades.csv", "grades.html"):
        shutil.copy(course / "grades" / name, ROOT / "build" / "test-artifacts" / name)
    with open(course / "grades" / "grades.csv") as f:
        table = {row["student"]: row for row in csv.DictReader(f)}
    return course, table, log


def points(course, assignment, questions=None, manual=False):
    """The points of the graded cells of these questions (all if None), automatic or manual ones."""
    total = 0
    for cell in notebook(course, "source", assignment)["cells"]:
        meta = cell["metadata"].get("nbgrader", {})
        if meta.get("grade") and (cell["cell_type"] == "markdown") == manual and (
                questions is None or question_of(meta.get("grade_id")) in questions):
            total += meta.get("points", 0)
    return total


def score(table, student, assignment):
    return float(table[student][assignment])


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_has_no_solution_and_no_hidden_test(graded, assignment):
    course = graded[0]
    for nb_path in sorted((course / "release" / assignment).glob("*.ipynb")):
        text = "\n".join("".join(c["source"]) for c in json.loads(nb_path.read_text())["cells"])
        for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
            assert marker not in text, (nb_path.name, marker)
        for cell in json.loads((course / "source" / assignment / nb_path.name).read_text())["cells"]:
            inside = False
            for line in "".join(cell["source"]).splitlines():
                if "END SOLUTION" in line or "END HIDDEN TESTS" in line:
                    inside = False
                elif inside and len(line.strip()) > 12:
                    assert line.strip() not in text, (nb_path.name, line)
                if "BEGIN SOLUTION" in line or "BEGIN HIDDEN TESTS" in line:
                    inside = True
        assert STUB in text


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_samples_ada_full_ben_half_cy_zero(graded, assignment):
    course, table, _ = graded
    automatic = points(course, assignment)
    assert automatic > 0 and points(course, assignment, manual=True) > 0
    assert score(table, "ada", assignment) == automatic
    assert assignment in table["ada"]["manual grading pending"].split()
    assert score(table, "ben", assignment) == points(course, assignment, {1, 3})
    assert score(table, "cy", assignment) == 0


@pytest.mark.parametrize("student, expected, note", [
    ("h-loop", 4, "per-cell time limit (endless loop?): q1-test"),
    ("h-endless", 0, f"grading stopped after {SUBMISSION_LIMIT} s"),
    ("h-exit", 3, None),
    ("h-oom", 3, None),
    ("h-redefine", 0, None),
    ("h-locked", 4, None),
    ("h-type", 5, None),
    ("h-compile", 3, None),
    ("h-json", 0, "not valid JSON"),
    ("zoe", 6, None),
])
def test_hostile_and_broken_backprop_submissions(graded, student, expected, note):
    _, table, _ = graded
    assert score(table, student, "backprop") == expected, table[student]
    if note:
        assert note in table[student]["notes"], table[student]["notes"]


def feedback_text(course, student, assignment):
    return "\n".join(p.read_text() for p in (course / "feedback" / student / assignment).glob("*.html"))


@pytest.mark.parametrize("student, says", [
    ("h-exit", "Exiting the JVM (System.exit or Runtime.halt, status 0) is blocked"),
    ("h-oom", "the Java heap is full"),
    ("h-type", "answer3 should be one of [a, b, c] (a String), but it is an Integer (2)."),
    ("h-redefine", "sigmoidPrime(0) should be 0.25"),
    ("h-json", "not valid JSON"),
    ("h-endless", "grading stopped after"),
    ("h-loop", "interrupted"),
])
def test_every_student_gets_feedback_that_says_what_happened(graded, student, says):
    course = graded[0]
    assert says in feedback_text(course, student, "backprop")


def test_feedback_keeps_the_hidden_tests_hidden(graded):
    course = graded[0]
    text = html.unescape(re.sub(r"<[^>]+>", "", feedback_text(course, "ada", "backprop")))
    assert "ok: sigmoidPrime" in text  # what the checks said stays
    assert "HIDDEN TESTS" not in text and "Math.exp(-2)" not in text  # the hidden tests' code goes


def test_redefining_the_validation_set_does_not_pass(graded):
    course, table, _ = graded
    assert score(table, "h-redefine", "features") == points(course, "features", {1, 3})
    assert "but the network reaches" in feedback_text(course, "h-redefine", "features")


def test_grade_table_has_a_row_per_student_and_a_column_per_assignment(graded):
    course, table, _ = graded
    students = sorted(p.name for p in (course / "samples").iterdir())
    assert sorted(table) == students
    html = (course / "grades" / "grades.html").read_text()
    for name in students + ASSIGNMENTS:
        assert f">{name}<" in html
    total = sum(points(course, a) for a in ASSIGNMENTS)
    assert float(table["ada"]["total"]) == total


def test_the_table_can_be_rewritten_from_the_gradebook_without_regrading(graded):
    course, table, _ = graded
    started = {p: p.stat().st_mtime for p in (course / "autograded").rglob("*.ipynb")}
    run(course, sys.executable, "grade.py", "--table")
    with open(course / "grades" / "grades.csv") as f:
        again = {row["student"]: row for row in csv.DictReader(f)}
    for student, row in table.items():
        assert [again[student][a] for a in ASSIGNMENTS + ["notes"]] == [row[a] for a in ASSIGNMENTS + ["notes"]], student
    assert started == {p: p.stat().st_mtime for p in (course / "autograded").rglob("*.ipynb")}
