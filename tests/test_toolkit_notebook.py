"""Executes notebooks/90-toolkit-in-five-lines.ipynb (CI profile) and checks each experiment's result."""
import re

import pytest

from conftest import ROOT, assert_no_errors, execute_notebook, outputs, result_data, result_text


@pytest.fixture(scope="module")
def toolkit():
    return execute_notebook(ROOT / "notebooks" / "90-toolkit-in-five-lines.ipynb", profile="ci")


def html_outputs(nb):
    return [o["data"]["text/html"] for _, o in outputs(nb) if "text/html" in o.get("data", {})]


def test_no_cell_fails_or_writes_errors(toolkit):
    assert_no_errors(toolkit)


def test_every_experiment_cell_is_at_most_five_lines(toolkit):
    for cell in toolkit.cells:
        if cell.cell_type == "code":
            assert len(cell.source.strip().splitlines()) <= 5, cell.source


def test_zoo_catalogue_lists_the_models(toolkit):
    catalogue = next(h for h in html_outputs(toolkit) if "model zoo" in h)
    for name in ("lenet-mnist-0to4", "vgg-mnist-0to4", "lenet-fashion-0to4"):
        assert name in catalogue


def accuracies(nb):
    return [float(m) for h in html_outputs(nb) for m in re.findall(r"Per class \(accuracy ([\d.]+)%", h)]


def test_feature_extractor_and_fine_tuning_learn_the_target(toolkit):
    acc = accuracies(toolkit)
    assert len(acc) == 2, acc  # feature extractor, fine-tune all
    assert all(a > 85.0 for a in acc), acc  # 50 images per class; chance is 20%
    report = next(h for h in html_outputs(toolkit) if "Per class" in h)
    assert "<img src=\"data:image/png;base64," in report  # the confusion heat map


def test_live_curves_were_drawn(toolkit):
    curves = [o for _, o in outputs(toolkit) if o.output_type == "display_data" and "image/png" in o["data"]]
    names = [o["data"]["text/plain"] for o in curves]
    assert any("feature extractor" in n for n in names) and any("fine-tune all" in n for n in names)


def test_layer_transfer_sweep_has_every_k(toolkit):
    sweep = result_data(toolkit, "layer-transfer")
    assert sweep["through"] == ["conv1", "conv2", "fc"]
    modes = ("frozen", "fine-tuned", "own-task control")
    assert list(sweep["arms"]) == ["scratch"] + [f"{m} k={k}" for k in (1, 2, 3) for m in modes]
    assert all(len(arm["runs"]) == 2 for arm in sweep["arms"].values())  # the CI profile's two seeds
    assert all(r["test"] > 0.2 for arm in sweep["arms"].values() for r in arm["runs"])  # above chance (1 in 5)
    assert any("Which layers to transfer" in o["data"].get("text/plain", "") for _, o in outputs(toolkit)
               if "image/png" in o.get("data", {}))


def test_featurized_training_reaches_the_same_kind_of_accuracy(toolkit):
    line = result_text(toolkit, at_start=True, fragment="featurized: test accuracy")
    accuracy = float(re.search(r"test accuracy ([\d.]+)%", line).group(1))
    assert accuracy > 85.0, line
