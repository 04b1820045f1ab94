"""Executes notebooks/00-welcome.ipynb through the installed kernel (CI profile) and checks its outputs."""
import base64
import re

import pytest

from conftest import ROOT, assert_no_errors, execute_notebook, outputs


@pytest.fixture(scope="module")
def welcome():
    return execute_notebook(ROOT / "notebooks" / "00-welcome.ipynb", profile="ci")


def texts(nb):
    return [(i, o.get("data", {}).get("text/plain", "")) for i, o in outputs(nb)]


def test_no_cell_fails_or_writes_errors(welcome):
    assert_no_errors(welcome)


def test_nd4j_computes_the_trace(welcome):
    # x = 1..12 as 3x4: trace of x x^T = 1^2+...+12^2 = 650
    assert any(t == "650.0" for _, t in texts(welcome))
    assert any(t.startswith("INDArray [3, 4] float") for _, t in texts(welcome))


def test_charts_are_png_images(welcome):
    pngs = [o for _, o in outputs(welcome) if "image/png" in o.get("data", {})]
    assert len(pngs) >= 4  # activation chart, two image grids, learning curve, predictions
    for o in pngs:
        raw = base64.b64decode(o["data"]["image/png"])
        assert raw[:8] == b"\x89PNG\r\n\x1a\n"
        assert o["metadata"]["image/png"]["width"] > 0
    assert any("Two activation functions" in o["data"]["text/plain"] for o in pngs)


def test_tables_are_html(welcome):
    htmls = [o["data"]["text/html"] for _, o in outputs(welcome) if "text/html" in o.get("data", {})]
    assert any("<table>" in h and "Training images per class" in h for h in htmls)
    backend = next(h for h in htmls if "ND4J backend" in h)
    assert "oneDNN layer helpers" in backend and ">active<" in backend, "the fast CPU path is not active in the kernel"
    for row in (">CPU<", "device", "device memory", " RAM, ", "sleep (OMP_WAIT_POLICY=PASSIVE)"):
        assert row in backend, f"the backend banner lacks {row!r}"


def test_model_summary_lists_layers_and_parameters(welcome):
    summary = next(o["data"]["text/html"] for _, o in outputs(welcome)
                   if "MultiLayerNetwork:" in o.get("data", {}).get("text/html", ""))
    for layer in ("conv1", "pool1", "dense", "output", "ConvolutionLayer", "SubsamplingLayer"):
        assert layer in summary
    total = int(re.search(r"MultiLayerNetwork: ([\d,]+) parameters", summary).group(1).replace(",", ""))
    assert total == (5 * 5 * 8 + 8) + (12 * 12 * 8 * 32 + 32) + (32 * 10 + 10)


def test_live_training_ends_with_a_full_bar_and_a_curve(welcome):
    displays = [o for _, o in outputs(welcome) if o.output_type == "display_data"]
    bar = [o for o in displays if "training [" in o["data"].get("text/plain", "")]
    assert bar and "100%" in bar[-1]["data"]["text/plain"]
    assert "<progress" in bar[-1]["data"]["text/html"]
    assert any("Learning curve" in o["data"].get("text/plain", "") and "image/png" in o["data"] for o in displays)


def test_the_small_network_learns(welcome):
    line = next(t for _, t in texts(welcome) if t.startswith("test accuracy after"))
    accuracy = float(re.search(r"([\d.]+)%", line).group(1))
    assert accuracy > 70.0, line  # chance is 10%
