"""Shared fixtures: the installed "Java (tl4j)" kernel, notebooks executed through it, the JDKs found."""
import glob
import os
import shutil
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


sys.path.insert(0, str(ROOT / "kernel"))
import launch  # noqa: E402  (the kernel's own reading of a Java's version)

# Where JDKs are installed on Linux (Debian, Temurin's packages), macOS and by SDKMAN.
JDK_FOLDERS = ["/usr/lib/jvm/*/bin/java", "/Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java",
               os.path.expanduser("~/.sdkman/candidates/java/*/bin/java")]


def installed_javas():
    """{feature version: java executable} for the JDKs on PATH, in JAVA_HOME and in the usual folders."""
    candidates = [shutil.which("java"), os.path.join(os.environ.get("JAVA_HOME", "/nonexistent"), "bin", "java")]
    candidates += sorted(j for pattern in JDK_FOLDERS for j in glob.glob(pattern))
    found = {}
    for java in candidates:
        if java and os.access(java, os.X_OK):
            try:
                found.setdefault(launch.java_version(java), java)
            except (ValueError, OSError):
                continue
    return found


def is_lts(feature):
    """Java's long-term-support releases: 17, then every fourth feature release (21, 25, 29...)."""
    return feature >= 17 and (feature - 17) % 4 == 0


def javas_to_test():
    """(label, java or None, reason) for the oldest supported Java and the newest LTS installed."""
    found = installed_javas()
    newest = max((v for v in found if is_lts(v) and v > launch.MIN_JAVA), default=None)
    return [
        (f"java{launch.MIN_JAVA}", found.get(launch.MIN_JAVA), f"no Java {launch.MIN_JAVA} installed"),
        ("newest-lts" if newest is None else f"java{newest}", found.get(newest),
         f"no Java LTS newer than {launch.MIN_JAVA} installed (looked on PATH, in JAVA_HOME and in {JDK_FOLDERS})"),
    ]


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
    kept = ARTIFACTS / ("pt-BR" if Path(path).parent.name == "pt-BR" else "")
    kept.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, kept / Path(path).name)
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


RESULT_MIME = "application/vnd.tl4j.result+json"


def result_data(nb, kind):
    """The numbers behind the first displayed result of this kind (a ScenarioResults, NegativeTransfer...)."""
    return all_result_data(nb, kind)[0]


def all_result_data(nb, kind):
    """The numbers behind every displayed result of this kind, in cell order."""
    found = [o["data"][RESULT_MIME] for _, o in outputs(nb)
             if o.get("data", {}).get(RESULT_MIME, {}).get("kind") == kind]
    assert found, f"no cell shows a result of kind {kind!r}"
    return found


def assert_sentence_follows_the_rule(sentence, a_name, a_runs, b_name, b_runs):
    """A printed comparison of two arms over the CI profile's two seeds says what Student's t (1 degree of freedom)
    allows: "A beats B" or "B beats A" only when the 95% interval of the paired difference excludes 0."""
    d = [x - y for x, y in zip(a_runs, b_runs)]
    assert len(d) == 2, d
    mean, half = sum(d) / 2, 12.7062 * abs(d[0] - d[1]) / 2  # t * sd / sqrt(2), with sd = |d1 - d2| / sqrt(2)
    if mean - half > 0:
        assert sentence.startswith(f"{a_name} beats {b_name}"), sentence
    elif mean + half < 0:
        assert sentence.startswith(f"{b_name} beats {a_name}"), sentence
    else:
        assert sentence.startswith("no difference this experiment can see"), sentence


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
