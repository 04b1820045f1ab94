"""Lesson 3 (what transfer learning is), executed in the CI profile: its experiments show what it says."""
import re

import pytest

from conftest import (ROOT, assert_no_errors, assert_sentence_follows_the_rule, execute_notebook, outputs, result_data,
                      result_text)


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "03-what-is-transfer-learning.ipynb", profile="ci")


@pytest.fixture(scope="module")
def benefits(lesson):
    return result_data(lesson, "benefits")




def test_runs_clean_and_never_downloads(lesson):
    assert_no_errors(lesson)
    assert result_text(lesson, at_start=True, fragment="not downloaded")


def benefit_values(arm):
    """Start, slope and asymptote of each seed's run, recomputed from its test curve and the epoch validation chose."""
    values = {"start": [], "slope": [], "asymptote": []}
    for curve, chosen in zip(arm["curves"], arm["chosenEpochs"]):
        half = min(len(curve), max(2, len(curve) // 2))
        values["start"].append(curve[0])
        values["slope"].append((curve[half - 1] - curve[0]) / (half - 1))
        values["asymptote"].append(curve[chosen - 1])
    return values


def test_every_arm_has_a_test_curve_per_seed_and_its_benefits_follow_from_it(benefits):
    assert list(benefits["arms"]) == ["transfer", "from scratch"]
    for arm in benefits["arms"].values():
        assert len(arm["curves"]) == 2 and all(len(c) == benefits["epochs"] for c in arm["curves"])
        assert all(1 <= e <= benefits["epochs"] for e in arm["chosenEpochs"])
        for name, values in benefit_values(arm).items():
            assert arm[name]["mean"] == pytest.approx(sum(values) / len(values)), name


def test_transfer_starts_higher_than_scratch_on_a_tiny_target(benefits):
    start = benefit_values(benefits["arms"]["transfer"])["start"]
    scratch = benefit_values(benefits["arms"]["from scratch"])["start"]
    assert all(t > s for t, s in zip(start, scratch)), (start, scratch)


def test_each_benefit_is_stated_only_as_the_interval_rule_allows(lesson, benefits):
    lines = result_text(lesson, at_start=True, fragment="higher start: ").splitlines()
    labels = ["higher start: ", "higher slope (points per epoch): ", "higher asymptote: "]
    transfer, scratch = (benefit_values(benefits["arms"][a]) for a in ("transfer", "from scratch"))
    assert len(lines) == 3
    for line, label, name in zip(lines, labels, ["start", "slope", "asymptote"]):
        assert line.startswith(label), line
        assert_sentence_follows_the_rule(line[len(label):], "transfer", transfer[name], "from scratch", scratch[name])


def test_inverted_digits_break_the_source_model_and_tuning_repairs_it(lesson):
    line = result_text(lesson, at_start=True, fragment="on inverted digits")
    before, after = map(float, re.findall(r"([\d.]+)%", line))
    assert before < 50.0, line
    assert after > before + 30.0, line


def test_the_curves_are_drawn_with_their_intervals(lesson):
    titles = [o["data"]["text/plain"] for _, o in outputs(lesson) if "image/png" in o.get("data", {})]
    assert any(t.startswith("<XYChart: Learning curves on digits 5-9 (mean of 2 seeds, 95% intervals)") for t in titles), titles
