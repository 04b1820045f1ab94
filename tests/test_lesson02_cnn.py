"""Lesson 2 (convolutional networks), executed in the CI profile: the hand-made convolution and pooling equal DL4J's
layers, the sizes follow the formula, and the experiments' verdicts follow the interval rule."""
import re

import pytest

from conftest import (ROOT, all_result_data, assert_no_errors, assert_sentence_follows_the_rule, execute_notebook,
                      outputs, result_text)


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "02-convolutional-networks.ipynb", profile="ci")


def test_runs_clean(lesson):
    assert_no_errors(lesson)


def test_the_convolution_by_hand_is_dl4js(lesson):
    line = result_text(lesson, at_start=True, fragment="DL4J's map has shape")
    assert "[1, 1, 26, 26]" in line, line
    assert float(line.rsplit(" ", 1)[1]) < 1e-12, line


def test_padding_and_stride_follow_the_formula_in_our_loops_and_in_dl4j(lesson):
    table = result_text(lesson, fragment="Output size across")
    rows = re.findall(r"^\s*(\d), (\d)\s+\|\s+(\d+)\s+\|\s+(\d+)\s+\|\s+(\d+)\s+\|\s+([\d.e+-]+)\s+\|", table, re.M)
    assert len(rows) == 5, table
    for padding, stride, formula, by_hand, dl4j, gap in rows:
        assert int(formula) == (28 + 2 * int(padding) - 3) // int(stride) + 1, table
        assert formula == by_hand == dl4j and float(gap) < 1e-12, table


def test_max_pooling_by_hand_is_dl4js_and_tolerates_a_moved_digit(lesson):
    line = result_text(lesson, at_start=True, fragment="pooled:")
    assert "[13, 13] by hand, [1, 1, 13, 13] from DL4J" in line, line
    assert float(line.rsplit(" ", 1)[1]) < 1e-12, line
    moved = result_text(lesson, at_start=True, fragment="moving a digit one pixel")
    edge, pooled = map(float, re.findall(r"by (\d+)%", moved))
    assert pooled < edge, moved


def test_the_small_cnn_is_far_smaller_than_one_dense_layer(lesson):
    line = result_text(lesson, at_start=True, fragment="the whole CNN has")
    cnn = int(re.search(r"CNN has ([\d,]+) parameters", line).group(1).replace(",", ""))
    dense = int(re.search(r"alone has ([\d,]+)$", line).group(1).replace(",", ""))
    assert cnn == 208 + 3216 + 16 * 4 * 4 * 64 + 64 + 64 * 10 + 10, line  # conv1, conv2, fc, output
    assert dense == 784 * 64 + 64 and cnn < dense, line


def test_a_bigger_batch_points_closer_to_the_full_gradient(lesson):
    table = result_text(lesson, fragment="points the full gradient's way")
    cosines = [float(v) for v in re.findall(r"^\s*\d+\s+\|\s+([\d.]+)\s+\|", table, re.M)]
    assert len(cosines) == 3 and cosines == sorted(cosines) and cosines[-1] > 0.5, table


def test_validation_chooses_and_the_test_set_is_reported(lesson):
    line = result_text(lesson, at_start=True, fragment="validation chose epoch")
    chosen, epochs = map(int, re.search(r"epoch (\d+) of (\d+)", line).groups())
    assert 1 <= chosen <= epochs, line
    assert float(re.search(r"measured once: ([\d.]+)%", line).group(1)) > 50, line  # ten classes: chance is 10%


def runs(arms, name):
    return [r["test"] for r in arms["arms"][name]["runs"]]


def test_the_optimizer_verdicts_follow_the_interval_rule(lesson):
    arms = all_result_data(lesson, "arms")[0]
    assert list(arms["arms"]) == ["SGD", "SGD with momentum", "Adam"]
    lines = result_text(lesson, at_start=True, fragment="Adam vs SGD: ").splitlines()
    assert_sentence_follows_the_rule(lines[0][len("Adam vs SGD: "):], "Adam", runs(arms, "Adam"), "SGD", runs(arms, "SGD"))
    assert_sentence_follows_the_rule(lines[1][len("momentum vs SGD: "):], "SGD with momentum",
                                     runs(arms, "SGD with momentum"), "SGD", runs(arms, "SGD"))
    assert lines[2].startswith("Adam vs momentum: ")
    assert_sentence_follows_the_rule(lines[2][len("Adam vs momentum: "):], "Adam", runs(arms, "Adam"),
                                     "SGD with momentum", runs(arms, "SGD with momentum"))


def test_augmentation_is_compared_at_equal_updates_by_the_interval_rule(lesson):
    arms = all_result_data(lesson, "arms")[1]
    plain, augmented = "original images", "with 3 jittered copies"
    assert list(arms["arms"]) == [plain, augmented]
    # four times the images per epoch for the augmented arm, four times the epochs for the plain one
    assert {r["epochs"] for r in arms["arms"][plain]["runs"]} == {4 * r["epochs"] for r in arms["arms"][augmented]["runs"]}
    line = result_text(lesson, at_start=True, fragment=augmented + " vs original images: ")
    assert_sentence_follows_the_rule(line.split(": ", 1)[1], augmented, runs(arms, augmented), plain, runs(arms, plain))


def test_maps_and_grids_are_drawn(lesson):
    shown = [o["data"]["text/plain"] for _, o in outputs(lesson) if "image/png" in o.get("data", {})]
    assert "maps: digit 28x28, vertical edges 26x26, horizontal edges 26x26" in shown, shown
    assert any(t.startswith("maps: padding 1 28x28, no padding 26x26, stride 2 14x14") for t in shown), shown
    assert "20 images of conv1 maps" in shown and "50 images of conv2 maps" in shown, shown
    assert any("jittered" in t for t in shown), shown


def test_six_self_check_questions_show(lesson):
    htmls = [o["data"]["text/html"] for _, o in outputs(lesson) if "text/html" in o.get("data", {})]
    assert sum("Question " in h for h in htmls) == 6
