"""Lesson 4 (fine-tuning), executed in the CI profile. Assertions read the experiment's numbers (means over the
profile's seeds of test accuracy, conv1's movement and the source accuracy kept), not printed text."""
import pytest

from conftest import ROOT, all_result_data, assert_no_errors, execute_notebook, outputs

ARMS = ["all at once, 1e-3", "head first, then 1e-4", "discriminative rates", "gradual unfreezing", "L2-SP",
        "weight decay", "all at once, 1e-2"]


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "04-fine-tuning.ipynb", profile="ci")


@pytest.fixture(scope="module")
def tuned(lesson):
    return all_result_data(lesson, "arms")[0]["arms"]


def mean(arm, figure="test"):
    return arm[figure]["mean"]


def test_runs_clean(lesson):
    assert_no_errors(lesson)


def test_every_strategy_ran_on_the_same_seeds(tuned):
    assert list(tuned) == ARMS
    for arm in tuned.values():
        assert [r["seed"] for r in arm["runs"]] == [100, 101]
        assert arm["conv1 moved"]["n"] == 2 and arm["source accuracy after"]["n"] == 2


def test_a_reckless_learning_rate_forgets_the_source(tuned):
    reckless = mean(tuned["all at once, 1e-2"], "source accuracy after")
    assert reckless < 0.8, reckless
    others = {k: mean(v, "source accuracy after") for k, v in tuned.items() if k != "all at once, 1e-2"}
    assert all(reckless < v for v in others.values()), (reckless, others)


def test_careful_strategies_keep_the_source_and_move_conv1_less(tuned):
    kept = {k: mean(v, "source accuracy after") for k, v in tuned.items()}
    moved = {k: mean(v, "conv1 moved") for k, v in tuned.items()}
    assert kept["head first, then 1e-4"] > 0.97 and kept["discriminative rates"] > 0.97, kept
    assert moved["discriminative rates"] < moved["all at once, 1e-3"], moved
    assert moved["L2-SP"] < moved["all at once, 1e-3"], moved
    assert moved["L2-SP"] < moved["weight decay"], moved


def test_transfer_learns_the_target(tuned):
    assert mean(tuned["head first, then 1e-4"]) > 0.85, tuned["head first, then 1e-4"]


def test_both_batch_normalisation_modes_ran(lesson):
    bn = all_result_data(lesson, "arms")[1]["arms"]
    assert list(bn) == ["BN statistics updating", "BN in inference mode"]
    for arm in bn.values():
        assert [r["seed"] for r in arm["runs"]] == [100, 101]
        assert all(r["test"] > 0.5 for r in arm["runs"]), arm  # chance is one in five


def test_movement_chart(lesson):
    assert any("How far each layer moved" in o["data"].get("text/plain", "") for _, o in outputs(lesson)
               if "image/png" in o.get("data", {}))
