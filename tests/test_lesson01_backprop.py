"""Lesson 1 (backpropagation), executed in the CI profile: the claims it makes hold."""
import re

import pytest

from conftest import ROOT, assert_no_errors, execute_notebook, outputs, result_text


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "01-backpropagation.ipynb", profile="ci")




def test_runs_clean(lesson):
    assert_no_errors(lesson)


def test_analytic_and_numerical_gradients_agree(lesson):
    line = result_text(lesson, at_start=True, fragment="largest relative difference")
    assert float(line.split(":")[1]) < 1e-6, line


def test_training_lowers_the_loss_and_separates_the_moons(lesson):
    before = float(re.search(r"cross-entropy ([\d.]+)", result_text(lesson, at_start=True, fragment="cross-entropy")).group(1))
    after_line = result_text(lesson, at_start=True, fragment="after ")
    after = float(re.search(r"cross-entropy ([\d.]+)", after_line).group(1))
    accuracy = float(re.search(r"accuracy ([\d.]+)%", after_line).group(1))
    assert after < before / 4, after_line
    assert accuracy >= 95.0, after_line


def test_dl4j_computes_the_same_outputs_loss_and_gradients(lesson):
    line = result_text(lesson, at_start=True, fragment="loss: ours")
    ours, theirs = map(float, re.findall(r"(?:ours|DL4J) ([\d.]+)", line))
    assert abs(ours - theirs) < 1e-9, line
    assert float(re.search(r"difference ([\d.e+-]+)", line).group(1)) < 1e-12, line
    table = result_text(lesson, fragment="Gradients: ours vs DL4J")
    diffs = [float(v) for v in re.findall(r"\|\s+([\d.]+e[-+]\d+)\s+\|", table)]
    assert len(diffs) == 4 and max(diffs) < 1e-12, table
    assert any(o["data"].get("text/plain") == "true" for _, o in outputs(lesson) if o.output_type == "execute_result"), \
        "GradientCheckUtil did not pass"


def test_dl4j_trained_from_the_same_start_ends_where_we_ended(lesson):
    line = result_text(lesson, at_start=True, fragment="DL4J after")
    theirs, ours = map(float, re.findall(r"cross-entropy ([\d.]+) \(ours ([\d.]+)\)", line)[0])
    assert abs(theirs - ours) < 1e-4, line


def test_boundary_and_curves_are_drawn(lesson):
    titles = [o["data"]["text/plain"] for _, o in outputs(lesson) if "image/png" in o.get("data", {})]
    assert any(t.startswith("<XYChart: after epoch") for t in titles), titles
    assert any("Training the hand-made network" in t for t in titles), titles
    assert any(t.startswith("<XYChart: DL4J, after") for t in titles), titles


def test_self_check_questions_show(lesson):
    htmls = [o["data"]["text/html"] for _, o in outputs(lesson) if "text/html" in o.get("data", {})]
    assert sum("Question " in h for h in htmls) == 4
