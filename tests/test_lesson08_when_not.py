"""Lesson 8 (when not to transfer), executed in the CI profile: gains over a scratch baseline, source choice, capstone."""
import re

import pytest

from conftest import ROOT, assert_no_errors, execute_notebook, result_text


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "08-when-not-to-transfer.ipynb", profile="ci")


def rows(text):
    table = [[c.strip() for c in line.rstrip().rstrip("|").split("|")] for line in text.splitlines() if "|" in line]
    return table[1:]


def test_runs_clean(lesson):
    assert_no_errors(lesson)


def test_gains_are_measured_against_the_same_baseline(lesson):
    gains = rows(result_text(lesson, "Transfer vs training from scratch"))
    assert len(gains) == 8, gains  # 2 sources x 2 sizes x 2 transfer strategies
    for source, target, strategy, accuracy, scratch, gain in gains:
        assert abs(float(accuracy) - float(scratch) - float(gain)) < 0.0015, (source, target, strategy)
    baselines = {}
    for source, target, _, _, scratch, _ in gains:
        baselines.setdefault(target, set()).add(scratch)
    assert all(len(v) == 1 for v in baselines.values()), baselines  # both sources compared with identical scratch runs


def test_the_similar_source_helps_the_small_target(lesson):
    gains = rows(result_text(lesson, "Transfer vs training from scratch"))
    similar_small = [float(g) for s, t, _, _, _, g in gains if s == "digits 0-4" and "small" in t]
    assert min(similar_small) > 0, similar_small


def test_summary_lists_exactly_the_negative_gains(lesson):
    gains = rows(result_text(lesson, "Transfer vs training from scratch"))
    negative = [r for r in gains if float(r[5]) < -0.01]
    summary = next(o["data"]["text/plain"] for c in lesson.cells if c.cell_type == "code"
                   and "NegativeTransfer.summary" in c.source for o in c.outputs if o.output_type == "execute_result")
    if negative:
        assert summary.count("negative transfer:") == len(negative), (summary, negative)
    else:
        assert summary.startswith("no negative transfer"), summary


def test_the_probe_ranks_the_digit_source_first_for_digits(lesson):
    probes = rows(result_text(lesson, "Candidate sources, measured on the target"))
    assert probes[0][0] == "lenet-mnist-0to4", probes
    scores = [float(r[2]) for r in probes]
    assert scores == sorted(scores, reverse=True), scores


def test_capstone_ends_with_a_verdict_that_matches_its_numbers(lesson):
    line = next(l for l in result_text(lesson, "from scratch, ").splitlines() if "points" in l)
    transfer, scratch, gain = (float(v) for v in re.findall(r"([-+]?[\d.]+)(?:%| points)", line))
    assert abs(transfer - scratch - gain) < 0.11, line
    expected = "positive transfer" if gain > 1 else "negative transfer" if gain < -1 else "about the same"
    assert expected in line, line
