"""Lesson 3 (feature extraction), executed in the CI profile: its measurements back its text."""
import re

import pytest

from conftest import ROOT, assert_no_errors, execute_notebook, outputs, result_text


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "03-feature-extraction.ipynb", profile="ci")




def test_runs_clean(lesson):
    assert_no_errors(lesson)


def test_filters_maps_and_projection_are_drawn(lesson):
    texts = [o["data"]["text/plain"] for _, o in outputs(lesson) if "image/png" in o.get("data", {})]
    assert "20 images of conv1 filters" in texts and "20 images of conv1 maps" in texts and "50 images of conv2 maps" in texts
    assert "<XYChart: Features of fc (PCA)>" in texts


def test_frozen_base_new_head_learns_the_target(lesson):
    html = next(o["data"]["text/html"] for _, o in outputs(lesson) if "Per class" in o.get("data", {}).get("text/html", ""))
    assert float(re.search(r"accuracy ([\d.]+)%", html).group(1)) > 85.0
    summary = next(o["data"]["text/html"] for _, o in outputs(lesson)
                   if o.get("data", {}).get("text/html", "").startswith("<div class=\"tl4j-table\"><table><caption")
                   and "MultiLayerNetwork:" in o["data"]["text/html"])
    assert summary.count(">frozen<") == 8  # 4 convolutions and 4 batch normalisations; pooling has no weights


def test_target_classes_separate_in_feature_space(lesson):
    line = result_text(lesson, at_start=True, fragment="5s vs 7s")
    between, within = map(float, re.findall(r"([\d.]+) (?:apart|from)", line))
    assert between > within, line


def test_tiny_target_overfits_and_validation_shows_it(lesson):
    line = result_text(lesson, at_start=True, fragment="after ")
    train, val = map(float, re.findall(r"accuracy ([\d.]+)%", line)[:2])
    assert train - val > 5.0, line


def test_the_freezing_verdict_matches_its_numbers(lesson):
    text = result_text(lesson, at_start=True, fragment="dense layer trains")
    gaps = [float(g) for g in re.findall(r"gap ([-\d.]+) points", text)]
    bests = [float(b) for b in re.findall(r"best validation ([\d.]+)%", text)]
    assert ("did not narrow" in text) == (gaps[1] >= gaps[0]), text
    assert ("did not raise" in text) == (bests[1] <= bests[0]), text
