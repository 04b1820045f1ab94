"""Lesson 8 (language data), executed in the CI profile: word2vec as the source task, three starts of a text classifier."""
import re

import pytest

from conftest import ROOT, all_result_data, assert_no_errors, execute_notebook, result_text

FOODS = {"cheese", "cake", "butter", "pastry", "dough", "flour", "loaf", "baked", "fried", "sandwich", "biscuit", "toast",
         "wheat", "meat", "soup", "bake", "bun", "cookies", "crust", "rolls", "sliced", "roll", "bread", "chocolate"}


@pytest.fixture(scope="module")
def lesson():
    return execute_notebook(ROOT / "notebooks" / "08-language-data.ipynb", profile="ci")


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


def comparisons(lesson):
    found = {d["name"]: d for d in all_result_data(lesson, "embedding-comparison")}
    assert list(found) == ["Word vectors: scratch vs feature-based vs fine-tuned", "Sentiment of unseen words"]
    return list(found.values())


def mean(at, start):
    return at["starts"][start]["test"]["mean"]


SCRATCH = "from scratch (random vectors, trained)"
FROZEN = "feature-based (word2vec vectors, frozen)"
TUNED = "fine-tuned (word2vec vectors, trained)"


def test_every_start_ran_on_the_same_seeds_with_validation_choosing_the_epoch(lesson):
    for comparison in comparisons(lesson):
        for at in comparison["sizes"].values():
            assert list(at["starts"]) == [SCRATCH, FROZEN, TUNED]
            for start in at["starts"].values():
                assert [r["seed"] for r in start["runs"]] == [100, 101]
                assert all(1 <= r["chosenEpoch"] <= r["epochs"] for r in start["runs"])


def test_transferred_vectors_win_with_few_labels_and_the_gap_closes(lesson):
    sizes = comparisons(lesson)[0]["sizes"]
    gains = [sizes[n]["gainsOverScratch"]["FROZEN"]["difference"]["mean"] for n in sizes]
    assert gains[0] > 0.08, gains
    assert gains[-1] < gains[0], gains


def test_fine_tuning_keeps_up_with_frozen_vectors(lesson):
    for n, at in comparisons(lesson)[0]["sizes"].items():
        assert mean(at, TUNED) > mean(at, FROZEN) - 0.03, (n, at)


def test_sentiment_transfers_much_less(lesson):
    sizes = comparisons(lesson)[1]["sizes"]
    largest = sizes[max(sizes, key=int)]
    frozen, scratch = mean(largest, FROZEN), mean(largest, SCRATCH)
    assert scratch < 0.56, largest  # unseen words: random vectors are at chance
    assert frozen > scratch and frozen < 0.70, largest
