"""Lesson 6 (which layers to transfer), executed in the CI profile: the sweep and the two-ends comparison."""
import re

import pytest

from conftest import ROOT, assert_no_errors, execute_notebook, outputs, result_text


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "06-which-layers-to-transfer.ipynb", profile="ci")




def test_runs_clean(lesson):
    assert_no_errors(lesson)


def test_freezing_the_specific_top_hurts_the_dissimilar_target_more(lesson):
    lines = result_text(lesson, fragment="over scratch").splitlines()
    digits = [float(v) for v in re.findall(r"through \S+ ([-+][\d.]+)", lines[0])]
    clothes = [float(v) for v in re.findall(r"through \S+ ([-+][\d.]+)", lines[1])]
    assert len(digits) == 3 and len(clothes) == 3
    assert clothes[2] < digits[2], lines  # everything through fc frozen: worse on the dissimilar target
    assert digits[2] < max(digits[:2]), lines  # and freezing the specific fc layer is not the best choice even when similar


def test_same_task_different_inputs_favours_the_last_layers(lesson):
    line = result_text(lesson, fragment="best with the first layers")
    first, last, scratch = map(float, re.findall(r"([\d.]+)%", line))
    assert last > first and last > scratch, line
