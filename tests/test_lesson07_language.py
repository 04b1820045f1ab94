"""Lesson 7 (language data), executed in the CI profile: word2vec as the source task, three starts of a text classifier."""
import re

import pytest

from conftest import ROOT, assert_no_errors, execute_notebook, result_text

FOODS = {"cheese", "cake", "butter", "pastry", "dough", "flour", "loaf", "baked", "fried", "sandwich", "biscuit", "toast",
         "wheat", "meat", "soup", "bake", "bun", "cookies", "crust", "rolls", "sliced", "roll", "bread", "chocolate"}


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "07-language-data.ipynb", profile="ci")


def table_rows(text):
    """The data rows of a Tablesaw table printed as text: lists of cell strings."""
    rows = [[c.strip() for c in line.rstrip().rstrip("|").split("|")] for line in text.splitlines() if "|" in line]
    return rows[1:]


def accuracy(rows, size, start):
    for r in rows:
        if r[0] == str(size) and r[1].startswith(start):
            return float(r[2])
    raise AssertionError(f"no row for {size} {start} in {rows}")


def test_runs_clean(lesson):
    assert_no_errors(lesson)


def test_the_corpus_is_large_and_the_target_is_held_out(lesson):
    line = result_text(lesson, "corpus:", at_start=True)
    sentences, words, test, pool = (int(v.replace(",", "")) for v in re.findall(r"[\d,]+\d", line))
    assert sentences > 150_000 and words > 1_000_000, line
    assert test == 5 * 100 and pool >= 5 * 300, line


def test_nearest_neighbours_of_bread_are_foods(lesson):
    table = result_text(lesson, "Nearest neighbours by cosine similarity")
    bread = next(r for r in table_rows(table) if r[0] == "bread")
    neighbours = {w.strip() for w in bread[1].split(",")}
    assert len(neighbours & FOODS) >= 2, bread


def test_transferred_vectors_win_with_few_labels_and_the_gap_closes(lesson):
    line = result_text(lesson, "frozen word2vec over scratch", at_start=True)
    small, large = (float(v) for v in re.findall(r"([-+][\d.]+) points", line))
    assert small > 8, line
    assert large < small, line


def test_frozen_vectors_never_move_and_fine_tuning_keeps_up(lesson):
    rows = table_rows(result_text(lesson, "Word vectors: scratch vs feature-based vs fine-tuned"))
    sizes = sorted({int(r[0]) for r in rows})
    for n in sizes:
        frozen, tuned = accuracy(rows, n, "feature-based"), accuracy(rows, n, "fine-tuned")
        assert tuned > frozen - 0.03, (n, frozen, tuned)


def test_sentiment_transfers_much_less(lesson):
    rows = table_rows(result_text(lesson, "Sentiment of unseen words"))
    largest = max(int(r[0]) for r in rows)
    frozen, scratch = accuracy(rows, largest, "feature-based"), accuracy(rows, largest, "from scratch")
    assert scratch < 0.56, rows  # unseen words: random vectors are at chance
    assert frozen > scratch and frozen < 0.70, rows
