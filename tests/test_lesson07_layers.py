"""Lesson 7 (which layers to transfer), executed in the CI profile: the sweep with its control, and the two ends.
Assertions read the results' numbers (test accuracies over seeds), not their printed text."""
import pytest

from conftest import (ROOT, all_result_data, assert_no_errors, assert_sentence_follows_the_rule, execute_notebook,
                      result_data, result_text)

MODES = ("frozen", "fine-tuned", "own-task control")


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "07-which-layers-to-transfer.ipynb", profile="ci")


@pytest.fixture(scope="module")
def sweeps(lesson):
    found = {d["target"]: d for d in all_result_data(lesson, "layer-transfer")}
    assert list(found) == ["digits 5-9", "clothes 0-4"]
    return found


def mean(sweep, arm):
    return sweep["arms"][arm]["test"]["mean"]


def test_runs_clean(lesson):
    assert_no_errors(lesson)


def test_every_arm_ran_on_the_same_seeds(sweeps):
    for sweep in sweeps.values():
        assert sweep["through"] == ["conv1", "conv2", "fc"]
        assert list(sweep["arms"]) == ["scratch"] + [f"{m} k={k}" for k in (1, 2, 3) for m in MODES]
        for arm in sweep["arms"].values():
            assert [r["seed"] for r in arm["runs"]] == [100, 101]  # the CI profile's two seeds
            assert all(0.2 < r["test"] <= 1 for r in arm["runs"]), arm  # above chance (one in five)
            assert all(1 <= r["chosenEpoch"] <= r["epochs"] for r in arm["runs"])


def test_verdicts_follow_the_interval_rule(sweeps):
    for sweep in sweeps.values():
        for depth in sweep["depths"]:
            for name in ("frozenOverScratch", "fineTunedOverScratch", "specificity", "coAdaptation"):
                c = depth[name]
                d = c["difference"]
                expected = ("A_BETTER" if d["low"] > 0 else "B_BETTER" if d["high"] < 0 else "CANNOT_TELL")
                assert c["verdict"] == expected, (sweep["target"], depth["k"], name, c)
        # specificity is the frozen copy minus the control, seed by seed
        spec = sweep["depths"][1]["specificity"]["difference"]["mean"]
        assert spec == pytest.approx(mean(sweep, "frozen k=2") - mean(sweep, "own-task control k=2"), abs=1e-9)


def test_freezing_the_specific_top_hurts_the_dissimilar_target_more(sweeps):
    gain = {t: s["depths"][2]["frozenOverScratch"]["difference"]["mean"] for t, s in sweeps.items()}
    assert gain["clothes 0-4"] < gain["digits 5-9"], gain  # everything through fc frozen


def test_findings_name_each_depth(lesson):
    text = result_text(lesson, fragment="specificity (frozen copy vs own-task control)")
    assert text.count("through ") == 3, text


def test_both_ends_ran_and_the_sentence_follows_the_interval_rule(lesson):
    arms = result_data(lesson, "arms")["arms"]
    assert list(arms) == ["scratch", "first layer (conv1)", "first layers (conv1, conv2)",
                          "last layers (fc, output)", "last layers (conv2, fc, output)"]
    last = [r["test"] for r in arms["last layers (fc, output)"]["runs"]]
    first = [r["test"] for r in arms["first layers (conv1, conv2)"]["runs"]]
    sentence = next(o["data"]["text/plain"] for c in lesson.cells if c.cell_type == "code"
                    and "ends.compare(" in c.source for o in c.outputs if o.output_type == "execute_result")
    assert_sentence_follows_the_rule(sentence.splitlines()[0], "last layers (fc, output)", last,
                                     "first layers (conv1, conv2)", first)
