"""Writes three sample submissions for trying `make grade`: samples/<student>/<assignment>/.

    ada  answers every question (the instructor's solutions, written into the student version)
    ben  answers questions 1 and 3 only
    cy   hands in the student version unchanged

Run after `make release` (the student versions are the starting point), from this folder.
"""
import json
import re
import shutil
import sys
from pathlib import Path

# The course folder it runs from (this one, or pt-BR/ for the Portuguese edition).
COURSE = Path.cwd() if (Path.cwd() / "nbgrader_config.py").is_file() else Path(__file__).resolve().parent
MARKERS = re.compile(r"^\s*(//|#)\s*(BEGIN|END) SOLUTION\s*$")


def solution_text(cell):
    """The instructor's answer without the solution markers."""
    lines = "".join(cell["source"]).splitlines(keepends=True)
    return "".join(l for l in lines if not MARKERS.match(l)).rstrip("\n")


def question_of(grade_id):
    """The question number of a cell's grade id ("q2-test" -> 2), or None."""
    m = re.match(r"^q(\d+)-", grade_id or "")
    return int(m.group(1)) if m else None


def answered(released, source, questions=None):
    """The released notebook with the instructor's answers to the given questions (all if None)."""
    solutions = {c["metadata"]["nbgrader"]["grade_id"]: solution_text(c) for c in source["cells"]
                 if c["metadata"].get("nbgrader", {}).get("solution")}
    nb = json.loads(json.dumps(released))
    for cell in nb["cells"]:
        gid = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if gid in solutions and (questions is None or question_of(gid) in questions):
            cell["source"] = solutions[gid]
    return nb


def main():
    release = COURSE / "release"
    if not release.is_dir():
        sys.exit("make_samples: no student versions yet: run `make release` first")
    out = COURSE / "samples"
    shutil.rmtree(out, ignore_errors=True)
    for assignment in sorted(p for p in release.iterdir() if p.is_dir()):
        for path in sorted(assignment.glob("*.ipynb")):
            released = json.loads(path.read_text())
            source = json.loads((COURSE / "source" / assignment.name / path.name).read_text())
            for student, nb in (("ada", answered(released, source)), ("ben", answered(released, source, {1, 3})),
                                ("cy", released)):
                target = out / student / assignment.name / path.name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
    print(f"make_samples: ada, ben and cy in {out}")


if __name__ == "__main__":
    main()
