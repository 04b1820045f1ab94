"""Lesson 6 (the four scenarios), executed in the CI profile: the grid's structured results hold together."""
import itertools
import re

import pytest

from conftest import ROOT, assert_no_errors, execute_notebook, result_data, result_text

QUADRANTS = ["digits 5-9 (small)", "digits 5-9 (large)", "clothes 0-4 (small)", "clothes 0-4 (large)"]
ARMS = ["SCRATCH", "FEATURE_EXTRACTOR", "FINE_TUNE_TOP", "FINE_TUNE_ALL", "EARLY_LAYERS"]


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "06-four-scenarios.ipynb", profile="ci")


@pytest.fixture(scope="module")
def grid(lesson):
    return result_data(lesson, "scenario-grid")


def test_runs_clean(lesson):
    assert_no_errors(lesson)


def test_every_arm_ran_on_every_quadrant_with_the_same_seeds(grid):
    assert list(grid["quadrants"]) == QUADRANTS
    for q in QUADRANTS:
        arms = grid["quadrants"][q]["arms"]
        assert list(arms) == ARMS
        seeds = {tuple(r["seed"] for r in arms[a]["runs"]) for a in ARMS}
        assert len(seeds) == 1 and len(next(iter(seeds))) >= 2, f"{q}: arms must share two or more seeds, got {seeds}"


def test_no_two_arms_are_the_same_network(grid):
    """Two arms that train the same parameters from the same start give the same numbers on every seed."""
    for q in QUADRANTS:
        arms = grid["quadrants"][q]["arms"]
        for a, b in itertools.combinations(ARMS, 2):
            runs_a = [(r["test"], r["validation"], r["chosenEpoch"]) for r in arms[a]["runs"]]
            runs_b = [(r["test"], r["validation"], r["chosenEpoch"]) for r in arms[b]["runs"]]
            assert runs_a != runs_b, f"{q}: {a} and {b} produced identical runs"


def test_reported_figures_are_test_accuracies_of_the_chosen_epoch(grid):
    for q in QUADRANTS:
        for a, arm in grid["quadrants"][q]["arms"].items():
            tests = [r["test"] for r in arm["runs"]]
            assert arm["test"]["mean"] == pytest.approx(sum(tests) / len(tests))
            assert arm["test"]["low"] <= arm["test"]["mean"] <= arm["test"]["high"]
            for r in arm["runs"]:
                assert 1 <= r["chosenEpoch"] <= r["epochs"] and 0 <= r["test"] <= 1


def test_the_winner_has_the_best_mean_and_ties_are_listed(grid):
    for q in QUADRANTS:
        quadrant = grid["quadrants"][q]
        means = {a: arm["test"]["mean"] for a, arm in quadrant["arms"].items()}
        assert quadrant["winner"] == max(means, key=means.get)
        assert quadrant["winner"] not in quadrant["ties"]


def test_each_textbook_rule_is_checked_with_the_verdict_the_grid_supports(lesson, grid):
    lines = result_text(lesson, "digits 5-9 (small): feature extractor").splitlines()
    rules = ["FEATURE_EXTRACTOR", "FINE_TUNE_TOP", "EARLY_LAYERS", "FINE_TUNE_ALL"]
    assert len(lines) == 4
    for line, q, arm in zip(lines, QUADRANTS, rules):
        quadrant = grid["quadrants"][q]
        if quadrant["winner"] == arm:
            verdict = " has the best mean, " if quadrant["ties"] else " won beyond the noise, "
        else:
            verdict = " tied with the winner, " if arm in quadrant["ties"] else " lost: "
        assert line.startswith(q + ": ") and verdict in line, (line, quadrant["winner"], quadrant["ties"])


def test_gains_over_scratch_come_with_a_verdict_or_say_the_experiment_cannot_tell(lesson):
    text = next(o["data"]["text/plain"] for c in lesson.cells if c.cell_type == "code" and "gainsOverScratch" in c.source
                for o in c.outputs if o.output_type == "execute_result")
    lines = text.splitlines()
    assert [l.split(":")[0] for l in lines] == QUADRANTS
    for line in lines:
        assert " beats " in line or "no difference this experiment can see" in line, line
        assert "95% CI" in line


def test_small_similar_target_feature_extraction_beats_scratch_on_average(grid):
    arms = grid["quadrants"]["digits 5-9 (small)"]["arms"]
    assert arms["FEATURE_EXTRACTOR"]["test"]["mean"] > arms["SCRATCH"]["test"]["mean"]


def test_linear_probe_ranks_the_targets_by_similarity(lesson):
    probe = result_text(lesson, fragment="Linear probe")
    values = dict((k.strip(), float(v)) for k, v in re.findall(r"\n\s*([\w -]+?)\s+\|\s+([\d.]+)\s+\|", probe))
    assert values["digits 5-9"] > values["inverted digits 5-9"] > values["clothes 0-4"], values


def test_advice_is_given_and_checked_for_every_quadrant(lesson):
    advice = result_text(lesson, fragment="-> advised")
    assert advice.count("-> advised") == 4
    assert "digits 5-9 (small) -> advised feature extractor" in advice
