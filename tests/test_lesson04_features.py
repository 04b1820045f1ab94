"""Lesson 4 (feature extraction), executed in the CI profile: its measurements back its text. Figures are test
accuracies (held-out MNIST test images), read from the results' data where the lesson shows a result object."""
import re

import pytest

from conftest import (ROOT, all_result_data, assert_no_errors, assert_sentence_follows_the_rule, execute_notebook,
                      outputs, result_text)


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "04-feature-extraction.ipynb", profile="ci")


def test_runs_clean(lesson):
    assert_no_errors(lesson)


def test_filters_maps_and_projection_are_drawn(lesson):
    texts = [o["data"]["text/plain"] for _, o in outputs(lesson) if "image/png" in o.get("data", {})]
    assert "20 images of conv1 filters" in texts and "20 images of conv1: learned minus initial weights" in texts
    assert "20 images of conv1 maps" in texts and "50 images of conv2 maps" in texts
    assert "<XYChart: Features of fc (PCA)>" in texts


def test_frozen_base_new_head_learns_the_target(lesson):
    html = next(o["data"]["text/html"] for _, o in outputs(lesson) if "Per class" in o.get("data", {}).get("text/html", ""))
    assert float(re.search(r"accuracy ([\d.]+)%", html).group(1)) > 85.0
    summary = next(o["data"]["text/html"] for _, o in outputs(lesson)
                   if o.get("data", {}).get("text/html", "").startswith("<div class=\"tl4j-table\"><table><caption")
                   and "MultiLayerNetwork:" in o["data"]["text/html"])
    assert summary.count(">frozen<") == 8  # 4 convolutions and 4 batch normalisations; pooling has no weights


def test_featurizing_once_reaches_the_same_kind_of_accuracy(lesson):
    text = result_text(lesson, at_start=True, fragment="whole network each epoch")
    full, featurized = map(float, re.findall(r"test accuracy ([\d.]+)%", text))
    assert full > 85.0 and featurized > 85.0, text


def test_the_linear_probe_separates_classes_never_trained_on(lesson):
    probe = all_result_data(lesson, "arms")[0]["arms"]["linear probe on fc"]["test"]
    assert probe["n"] == 2 and probe["low"] > 0.5, probe  # the whole interval above chance (one in two)


def test_tiny_target_overfits_and_validation_shows_it(lesson):
    line = result_text(lesson, at_start=True, fragment="after ")
    train, val = map(float, re.findall(r"accuracy ([\d.]+)%", line)[:2])
    assert train - val > 5.0, line


def test_the_freezing_verdict_follows_the_interval_rule(lesson):
    freezing = all_result_data(lesson, "arms")[1]
    assert list(freezing["arms"]) == ["dense layer trains", "only the output layer trains"]
    sentence = next(o["data"]["text/plain"] for c in lesson.cells if c.cell_type == "code"
                    and "freezing.compare(" in c.source for o in c.outputs if o.output_type == "execute_result")
    a = [r["test"] for r in freezing["arms"]["only the output layer trains"]["runs"]]
    b = [r["test"] for r in freezing["arms"]["dense layer trains"]["runs"]]
    assert_sentence_follows_the_rule(sentence, "only the output layer trains", a, "dense layer trains", b)
