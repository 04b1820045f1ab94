"""Lesson 2 (what transfer learning is), executed in the CI profile: its experiments show what it says."""
import re

import pytest

from conftest import ROOT, assert_no_errors, execute_notebook, outputs, result_text


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "02-what-is-transfer-learning.ipynb", profile="ci")




def test_runs_clean_and_never_downloads(lesson):
    assert_no_errors(lesson)
    assert result_text(lesson, at_start=True, fragment="not downloaded")


def test_transfer_starts_higher_than_scratch_on_a_tiny_target(lesson):
    verdicts = result_text(lesson, at_start=True, fragment="higher start")
    start = float(re.search(r"higher start: \w+ \(([-+\d.]+) points\)", verdicts).group(1))
    asymptote = float(re.search(r"higher asymptote: \w+ \(([-+\d.]+) points\)", verdicts).group(1))
    assert start > 0, verdicts
    assert asymptote > 0, verdicts
    assert "yes" in verdicts.splitlines()[0]


def test_inverted_digits_break_the_source_model_and_tuning_repairs_it(lesson):
    line = result_text(lesson, at_start=True, fragment="on inverted digits")
    before, after = map(float, re.findall(r"([\d.]+)%", line))
    assert before < 50.0, line
    assert after > before + 30.0, line


def test_benefits_chart_and_table(lesson):
    titles = [o["data"]["text/plain"] for _, o in outputs(lesson) if "image/png" in o.get("data", {})]
    assert any(t.startswith("<XYChart: transfer vs from scratch: start") for t in titles), titles
