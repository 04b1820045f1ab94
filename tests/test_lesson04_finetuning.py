"""Lesson 4 (fine-tuning), executed in the CI profile: what it measures has the expected sign."""
import re

import pytest

from conftest import ROOT, assert_no_errors, execute_notebook, outputs, result_text


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "04-fine-tuning.ipynb", profile="ci")




@pytest.fixture(scope="module")
def table(lesson):
    text = result_text(lesson, at_start=True, fragment="Fine-tuning strategies")
    rows = {}
    for line in text.splitlines()[3:]:
        cells = [c.strip() for c in line.split("|") if c.strip()]
        rows[cells[0]] = tuple(map(float, cells[1:]))
    return rows  # strategy -> (target accuracy, conv1 moved, source accuracy after)


def test_runs_clean(lesson):
    assert_no_errors(lesson)


def test_a_reckless_learning_rate_forgets_the_source(table):
    reckless = table["all at once, 1e-2"][2]
    assert reckless < 0.8, table
    assert all(reckless < v[2] for k, v in table.items() if k != "all at once, 1e-2"), table


def test_careful_strategies_keep_the_source_and_move_early_layers_less(table):
    assert table["head first, then 1e-4"][2] > 0.97 and table["discriminative rates"][2] > 0.97, table
    assert table["discriminative rates"][1] < table["all at once, 1e-3"][1], table
    assert table["L2-SP"][1] < table["all at once, 1e-3"][1], table
    assert table["L2-SP"][1] < table["weight decay"][1], table


def test_transfer_learns_the_target(table):
    assert table["head first, then 1e-4"][0] > 0.85, table


def test_frozen_batch_normalisation_does_not_move(lesson):
    line = result_text(lesson, at_start=True, fragment="bn1a parameters")
    frozen, trainable = map(float, re.findall(r"([\d.]+) when", line))
    assert frozen == 0.0 and trainable > 0.0, line


def test_verdicts_and_movement_chart(lesson):
    assert "forgets the source most: all at once, 1e-2" in result_text(lesson, at_start=True, fragment="best on the target")
    assert any("How far each layer moved" in o["data"].get("text/plain", "") for _, o in outputs(lesson)
               if "image/png" in o.get("data", {}))
