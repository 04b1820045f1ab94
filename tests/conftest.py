"""Shared fixtures: the installed "Java (tl4j)" kernel, notebooks executed through it."""
import os
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
KERNEL_NAME = "tl4j"
ARTIFACTS = ROOT / "build" / "test-artifacts"


def kernel_dir():
    return Path(sys.prefix) / "share" / "jupyter" / "kernels" / KERNEL_NAME


_executed = {}


def execute_notebook(path, profile="ci", timeout=600):
    """Executes a notebook through the installed kernel and returns it with its outputs. Each notebook
    runs once per test session and profile: the lesson's tests and the deck built from it share the run."""
    key = (str(path), profile)
    if key not in _executed:
        _executed[key] = _execute(path, profile, timeout)
    return _executed[key]


def _execute(path, profile, timeout):
    nb = nbformat.read(path, as_version=4)
    os.environ["TL4J_PROFILE"] = profile
    client = NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=timeout, allow_errors=False,
                            resources={"metadata": {"path": str(Path(path).parent)}})
    client.execute()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, ARTIFACTS / Path(path).name)
    return nb


def outputs(nb):
    """(cell index, output) for every output of every code cell."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            for out in cell.outputs:
                yield i, out


def result_text(nb, fragment, at_start=False):
    """The text of the first cell result that starts with (or contains) the fragment."""
    for _, o in outputs(nb):
        text = o.get("data", {}).get("text/plain", "") if o.output_type == "execute_result" else ""
        if (text.lstrip().startswith(fragment) if at_start else fragment in text):
            return text
    raise AssertionError(f"no cell result {'starts with' if at_start else 'contains'} {fragment!r}")


def assert_no_errors(nb):
    """No cell raised an error or wrote to stderr."""
    for i, o in outputs(nb):
        assert o.output_type != "error", f"cell {i}: {o.get('ename')}: {o.get('evalue')}"
        if o.output_type == "stream":
            assert o.name != "stderr", f"cell {i} wrote to stderr: {o.text[:500]}"


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
