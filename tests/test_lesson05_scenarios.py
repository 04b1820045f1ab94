"""Lesson 5 (the four scenarios), executed in the CI profile: the results that the lesson builds on hold."""
import re

import pytest

from conftest import ROOT, assert_no_errors, execute_notebook, outputs, result_text


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "05-four-scenarios.ipynb", profile="ci")




def grid(nb):
    rows = {}
    for line in result_text(nb, fragment="Four scenarios").splitlines()[3:]:
        c = [x.strip() for x in line.split("|") if x.strip()]
        rows[(c[0], c[1], c[2])] = float(c[3])
    return rows


def test_runs_clean(lesson):
    assert_no_errors(lesson)


def test_every_strategy_ran_on_every_target(lesson):
    assert len(grid(lesson)) == 4 * 5


def test_small_similar_target_feature_extraction_beats_scratch(lesson):
    g = grid(lesson)
    assert g[("digits 5-9", "small", "feature extractor")] > g[("digits 5-9", "small", "from scratch")], g


def test_transfer_helps_more_on_the_small_similar_target_than_on_the_small_dissimilar_one(lesson):
    gains = dict(re.findall(r"(.+?): transfer ([-+\d.]+) points", result_text(lesson, fragment="over scratch")))
    assert float(gains["digits 5-9 (small)"]) > float(gains["clothes 0-4 (small)"]), gains


def test_linear_probe_ranks_the_targets_by_similarity(lesson):
    probe = result_text(lesson, fragment="Linear probe")
    values = dict((k.strip(), float(v)) for k, v in re.findall(r"\n\s*([\w -]+?)\s+\|\s+([\d.]+)\s+\|", probe))
    assert values["digits 5-9"] > values["inverted digits 5-9"] > values["clothes 0-4"], values


def test_advice_is_given_and_checked_for_every_quadrant(lesson):
    advice = result_text(lesson, fragment="->")
    assert advice.count("advised") == 4
    assert "digits 5-9 (small) -> feature extractor" in advice
