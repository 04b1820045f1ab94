"""Lesson 5 (fine-tuning), executed in the CI profile. Assertions read the experiment's numbers (means over the
profile's seeds of test accuracy, conv1's movement and the source accuracy kept), not printed text."""
import re

import pytest

from conftest import ROOT, all_result_data, assert_no_errors, execute_notebook, outputs, result_text

ARMS = ["all at once, 1e-3", "head first, then 1e-4", "discriminative rates", "gradual unfreezing", "L2-SP",
        "weight decay", "all at once, 1e-2"]


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "05-fine-tuning.ipynb", profile="ci")


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


def test_dl4js_builder_freezes_the_base_and_drops_the_top_as_the_keras_recipe_does(lesson):
    summary = result_text(lesson, fragment="head_hidden")
    rows = re.findall(r"^\s*(\d+)\s+\|\s+(\S+)\s+\|\s+(\S+)\s+\|.*\|\s+(frozen|trainable|-)\s+\|$", summary, re.M)
    names = [r[1] for r in rows]
    assert names[-2:] == ["head_hidden", "output"] and "fc" not in names, names
    frozen = [r[1] for r in rows if r[3] == "frozen"]
    assert frozen and all(names.index(n) <= names.index("pool2") for n in frozen), rows
    assert all(r[3] == "trainable" for r in rows if r[1] in ("head_hidden", "output")), rows


def test_unfreezing_in_dl4j_means_building_again(lesson):
    assert result_text(lesson, at_start=True, fragment="conv2b still frozen: ").strip() == "conv2b still frozen: true"
    line = result_text(lesson, at_start=True, fragment="after fine-tuning the top block")
    assert float(re.search(r"accuracy ([\d.]+)", line).group(1)) > 0.5, line


def test_keras_layers_slice_is_the_bottom_of_the_network(lesson):
    lines = result_text(lesson, at_start=True, fragment="what layers[:4] unfreezes").splitlines()
    assert lines[0].endswith("[conv1a, bn1a, relu1a]"), lines
    assert lines[1].endswith("[conv2b, bn2b, relu2b, pool2]"), lines


def test_transfer_builds_the_same_network_as_dl4js_builder_with_a_seeded_head(lesson):
    lines = result_text(lesson, at_start=True, fragment="same layers, sizes and frozen parts").splitlines()
    assert lines == ["same layers, sizes and frozen parts: true",
                     "conv2b has the source's weights in both: true",
                     "DL4J's builder twice, seed 42, same new output layer: false",
                     "Transfer twice, seed 42, same new output layer: true"], lines
