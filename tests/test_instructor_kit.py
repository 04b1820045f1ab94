"""The instructor kit: for every lesson an answer key and a teacher's guide whose measured ranges
docs/instructor/expected_results.py writes from the lesson as executed (here in the CI profile)."""
import importlib.util
import re
import shutil
from datetime import datetime

import nbformat
import pytest

from conftest import ROOT, execute_notebook

KIT = ROOT / "docs" / "instructor"
LESSONS = sorted((ROOT / "notebooks").glob("0[1-9]-*.ipynb"))
SECTIONS = ("## Before class", "## Timing", "## Common misconceptions", "## What the live numbers should look like",
            "## When a run lands outside these ranges", "## After class")
_spec = importlib.util.spec_from_file_location("expected_results", KIT / "expected_results.py")
expected = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(expected)


def test_every_lesson_has_an_answer_key_and_a_guide_with_every_section():
    assert len(LESSONS) >= 9
    readme = (KIT / "README.md").read_text()
    assert "guide/" in readme and "answer-keys/" in readme and "make guides" in readme
    for path in LESSONS:
        assert (KIT / "answer-keys" / f"{path.stem}.md").is_file(), path.stem
        guide = (KIT / "guide" / f"{path.stem}.md").read_text()
        assert guide.startswith(f"# Lesson {int(path.stem[:2])}:"), path.stem
        for heading in SECTIONS:
            assert heading in guide, (path.stem, heading)
        assert guide.count(expected.BEGIN) == 1 and guide.count(expected.END) == 1, path.stem


def between(text):
    return text[text.index(expected.BEGIN):text.index(expected.END)]


def seconds(cell):
    t = cell.metadata.get("execution", {})
    start, end = (datetime.fromisoformat(t[k].replace("Z", "+00:00")) for k in ("iopub.execute_input", "shell.execute_reply"))
    return (end - start).total_seconds()


@pytest.mark.parametrize("language", ["en", "pt-BR"])
def test_the_guides_get_what_each_lesson_measured(tmp_path, language):
    """`make guides` (and `make guides LANG=pt-BR`, from the pt-BR lessons into the pt-BR guides, in Portuguese)."""
    executed, guides = tmp_path / "executed", tmp_path / "guide"
    executed.mkdir()
    shutil.copytree(expected.GUIDES[language], guides)
    words = expected.WORDS[language]
    runs = {}
    for path in LESSONS:
        lesson = path if language == "en" else path.parent / language / path.name
        runs[path.stem] = execute_notebook(lesson, profile="ci")
        nbformat.write(runs[path.stem], executed / path.name)
    expected.main([str(executed), "--guides", str(guides), "--profile", "ci", "--language", language])
    arms_seen = 0
    for path in LESSONS:
        before = (expected.GUIDES[language] / f"{path.stem}.md").read_text()
        after = (guides / f"{path.stem}.md").read_text()
        # only the block between the markers changes
        assert before[:before.index(expected.BEGIN)] == after[:after.index(expected.BEGIN)]
        assert before[before.index(expected.END):] == after[after.index(expected.END):]
        block = between(after)
        assert ("ci profile" if language == "en" else "perfil ci") in block
        nb = runs[path.stem]
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                result = out.get("data", {}).get(expected.RESULT)
                if result and result.get("kind") == "arms":
                    for arm, a in result["arms"].items():
                        tests = [r["test"] for r in a["runs"]]
                        to = words["to"]
                        row = (f"| {arm} | {100 * a['test']['mean']:.1f} ({100 * a['test']['low']:.1f} {to} "
                               f"{100 * a['test']['high']:.1f}) | {100 * min(tests):.1f} {to} {100 * max(tests):.1f} | "
                               f"{len(tests)} |")
                        assert row in block, (path.stem, row)
                        arms_seen += 1
        total = sum(seconds(c) for c in nb.cells if c.cell_type == "code")
        shown = int(re.search(rf"\| {words['whole']} \| (\d+) s \|", block).group(1))
        assert abs(shown - total) <= 1, (path.stem, shown, total)
    assert arms_seen >= 10
