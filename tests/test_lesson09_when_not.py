"""Lesson 9 (when not to transfer), executed in the CI profile: gains over a scratch baseline paired by seed, verdicts
by the interval rule, source choice, capstone."""
import pytest

from conftest import ROOT, all_result_data, assert_no_errors, execute_notebook, result_data


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "09-when-not-to-transfer.ipynb", profile="ci")


def verdict(difference):
    """The course's rule: a side wins only when the interval of the difference excludes 0."""
    if difference["low"] is None:
        return "CANNOT_TELL"
    return "A_BETTER" if difference["low"] > 0 else "B_BETTER" if difference["high"] < 0 else "CANNOT_TELL"


@pytest.fixture(scope="module")
def gains(lesson):
    return result_data(lesson, "negative-transfer")["gains"]


def test_runs_clean(lesson):
    assert_no_errors(lesson)


def test_every_source_size_and_arm_is_compared_with_scratch(gains):
    assert len(gains) == 12  # 2 sources x 2 sizes x 3 transfer arms
    assert {(g["source"], g["quadrant"], g["strategy"]) for g in gains} == {
        (s, f"digits 5-9 ({size})", arm) for s in ("digits 0-4", "clothes 0-4") for size in ("small", "large")
        for arm in ("FEATURE_EXTRACTOR", "HEAD_ONLY", "FINE_TUNE_ALL")}


def test_a_frozen_source_from_another_task_loses_to_scratch_on_the_larger_target(gains):
    head = next(g for g in gains if (g["source"], g["quadrant"], g["strategy"])
                == ("clothes 0-4", "digits 5-9 (large)", "HEAD_ONLY"))
    assert head["difference"]["mean"] < -0.05, head  # more than five points below training from scratch


def test_every_verdict_follows_the_interval_rule(gains):
    for g in gains:
        d = g["difference"]
        assert d["n"] >= 2 and d["low"] <= d["mean"] <= d["high"], g
        assert g["verdict"] == verdict(d), g


def test_summary_lists_exactly_the_negative_gains(lesson, gains):
    summary = next(o["data"]["text/plain"] for c in lesson.cells if c.cell_type == "code"
                   and "gains.summary()" in c.source for o in c.outputs if o.output_type == "execute_result")
    negative = [g for g in gains if g["verdict"] == "B_BETTER"]
    if negative:
        assert summary.count("negative transfer") == len(negative), (summary, negative)
    else:
        assert summary.startswith("no negative transfer this experiment can see"), summary


def test_the_probe_ranks_the_digit_source_first_for_digits(lesson):
    digits, clothes, mine = all_result_data(lesson, "source-choice")
    assert digits["best"] == "lenet-mnist-0to4", digits
    for ranking in (digits, clothes, mine):
        scores = [c["probe"] for c in ranking["candidates"]]
        assert scores == sorted(scores, reverse=True) and ranking["best"] == ranking["candidates"][0]["name"], ranking
    assert {c["name"] for c in digits["candidates"]} == {"lenet-mnist-0to4", "lenet-fashion-0to4", "vgg-mnist-0to4"}


def test_capstone_ends_with_a_verdict_for_its_arm(lesson):
    text = next(o["data"]["text/plain"] for c in lesson.cells if c.cell_type == "code"
                and "NegativeTransfer.verdict(myResults)" in c.source for o in c.outputs if o.output_type == "execute_result")
    grid = result_data(lesson, "scenario-grid")
    (quadrant, results), = grid["quadrants"].items()
    arm = next(a for a in results["arms"] if a != "SCRATCH")
    scratch = [r["test"] for r in results["arms"]["SCRATCH"]["runs"]]
    chosen = [r["test"] for r in results["arms"][arm]["runs"]]
    mean = sum(a - b for a, b in zip(chosen, scratch)) / len(scratch)
    assert f"{100 * mean:+.1f}" in text, (text, mean)
    assert any(v in text for v in ("it paid off", "the source hurt", "this experiment cannot tell")), text
