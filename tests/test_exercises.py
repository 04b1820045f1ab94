"""The graded exercises through real nbgrader and the installed Java kernel: release, then autograde."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SOURCE = ROOT / "exercises"
ASSIGNMENTS = sorted(p.name for p in (SOURCE / "source").iterdir() if p.is_dir())


def nbgrader(course, *args):
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])
    result = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), *args], cwd=course, env=env,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A copy of the course folder with every assignment released."""
    course = tmp_path_factory.mktemp("course")
    for item in ("nbgrader_config.py", "source"):
        src = SOURCE / item
        (shutil.copytree if src.is_dir() else shutil.copy)(src, course / item)
    for a in ASSIGNMENTS:
        nbgrader(course, "generate_assignment", a, "--force")
    return course


def released(course, assignment):
    return sorted((course / "release" / assignment).glob("*.ipynb"))


def submit(course, student, assignment, notebooks):
    folder = course / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    for nb in notebooks:
        shutil.copy(nb, folder / nb.name)


def score(course, student, assignment):
    from nbgrader.api import Gradebook
    with Gradebook("sqlite:///" + str(course / "gradebook.db")) as gb:
        s = gb.find_submission(assignment, student)
        return s.score, s.max_score, s.needs_manual_grade


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_has_no_solution_and_no_hidden_test(course, assignment):
    for nb_path in released(course, assignment):
        text = "\n".join("".join(c["source"]) for c in json.loads(nb_path.read_text())["cells"])
        for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
            assert marker not in text, (nb_path.name, marker)
        source = json.loads((course / "source" / assignment / nb_path.name).read_text())
        for cell in source["cells"]:
            lines = "".join(cell["source"]).splitlines()
            whole = cell["metadata"].get("nbgrader", {}).get("solution") and "BEGIN SOLUTION" not in "".join(lines)
            inside = bool(whole)
            for line in lines:
                if "END SOLUTION" in line or "END HIDDEN TESTS" in line:
                    inside = False
                elif inside and len(line.strip()) > 12:
                    assert line.strip() not in text, (nb_path.name, line)
                if "BEGIN SOLUTION" in line or "BEGIN HIDDEN TESTS" in line:
                    inside = True
        assert 'throw new UnsupportedOperationException("not implemented yet");' in text


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_instructor_solution_gets_every_automatic_point(course, assignment):
    submit(course, "instructor", assignment, sorted((course / "source" / assignment).glob("*.ipynb")))
    nbgrader(course, "autograde", assignment, "--student", "instructor", "--force")
    got, maximum, manual = score(course, "instructor", assignment)
    source = json.loads(next((course / "source" / assignment).glob("*.ipynb")).read_text())
    manual_points = sum(c["metadata"]["nbgrader"].get("points", 0) for c in source["cells"]
                        if c["metadata"].get("nbgrader", {}).get("grade") and c["cell_type"] == "markdown")
    assert got == maximum - manual_points and manual, (got, maximum, manual_points)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_unmodified_release_scores_zero(course, assignment):
    submit(course, "blank", assignment, released(course, assignment))
    nbgrader(course, "autograde", assignment, "--student", "blank", "--force")
    got, maximum, _ = score(course, "blank", assignment)
    assert got == 0 and maximum > 0, (got, maximum)
