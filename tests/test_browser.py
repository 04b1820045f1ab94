"""JupyterLab as `make lab` starts it, in headless Chromium: open the welcome notebook, run every cell,
photograph the chart and the training curve once they are painted.

Needs Debian's chromium (installed by `make test` when run as root); without it the browser test is
skipped with the reason, never passed.
"""
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                    reason="chromium is not installed (make test installs it only when run as root)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_lab(folder, *options, **env):
    """JupyterLab as `make lab` starts it (kernel/lab.py, with these options and environment), until the block ends."""
    port, token = free_port(), os.urandom(16).hex()
    log_path = folder / "lab.log"
    cmd = [sys.executable, str(ROOT / "kernel" / "lab.py"), "--port", str(port), "--no-browser", *options]
    with open(log_path, "w") as log:
        server = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, JUPYTER_TOKEN=token, **env),
                                  cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"JupyterLab did not start; see {log_path}")
        yield SimpleNamespace(base=base, token=token, startup=log_path.read_text())
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on the English lessons, plus what the test needs to drive it."""
    with running_lab(tmp_path_factory.mktemp("lab"), "--notebooks", str(ROOT / "notebooks"),
                     "--LabApp.expose_app_in_browser=True", TL4J_PROFILE="ci") as lab:
        # token authentication is on: without the token the API refuses
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"{lab.base}/api/sessions", timeout=5)
        yield lab


def test_lab_starts_without_warnings_and_new_notebooks_get_the_course_kernel(lab):
    specs = json.load(urllib.request.urlopen(f"{lab.base}/api/kernelspecs?token={lab.token}", timeout=10))
    assert specs["default"] == "tl4j"
    warnings = [line for line in lab.startup.splitlines() if line.startswith("[W") or "WARNING" in line]
    assert not warnings, "make lab shows warnings a student cannot act on:\n" + "\n".join(warnings)
    assert "nbgrader.server_extensions.formgrader | extension was successfully loaded" in lab.startup


# True once an image is decoded, fully inside the notebook's visible area and not covered: what a
# person looking at the screen would see. JupyterLab paints cells out of view only when scrolled to, and
# cells above grow as they are painted, so the image is scrolled back to the middle until it stays there
# for a second.
IN_VIEW = """img => {
    const view = img.closest('.jp-WindowedPanel-outer').getBoundingClientRect(), r = img.getBoundingClientRect();
    const inside = r.top >= view.top && r.bottom <= view.bottom && r.left >= view.left && r.right <= view.right;
    if (!inside) { img.scrollIntoView({block: 'center'}); return false; }
    const at = r.top + ',' + r.left;
    if (img.tl4jAt !== at) { img.tl4jAt = at; img.tl4jSince = performance.now(); return false; }
    if (performance.now() - img.tl4jSince < 1000) return false;  // still for a second
    if (!img.complete || img.naturalWidth === 0 || r.width < 100 || r.height < 100) return false;
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === img;
}"""


def photograph(page, image, path):
    """Brings the image to the middle of the notebook, waits until it is painted, and takes the picture."""
    page.wait_for_function(IN_VIEW, arg=image, timeout=30_000)
    image.evaluate("img => img.decode()")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.evaluate(IN_VIEW, image), "the image moved away before the picture was taken"
    page.screenshot(path=str(path))
    # the image's own pixels on screen: a blank or half-painted area compresses to almost nothing
    return len(image.screenshot())


def output_image(page, code):
    """The last PNG under the cell whose code contains `code`."""
    return page.locator(".jp-Notebook .jp-Cell", has_text=code).locator(
        ".jp-OutputArea-output img[src^='data:image/png']").last.element_handle()


@needs_chromium
def test_welcome_notebook_runs_in_jupyterlab(lab, artifacts):
    from playwright.sync_api import sync_playwright

    base, token = lab.base, lab.token
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{base}/lab/tree/00-welcome.ipynb?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
            # wait until the Java kernel is connected (JJava reports no status before its first request), then run every cell
            page.wait_for_function("() => { const app = window.jupyterapp; const w = app && app.shell.currentWidget;"
                                   " const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;"
                                   " return k && k.connectionStatus === 'connected'; }", timeout=180_000)
            page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
            # the live training finishes with a full bar, and the last cell shows its picture
            page.wait_for_function("() => [...document.querySelectorAll('.jp-OutputArea-output')]"
                                   ".some(e => /training .*100%/.test(e.textContent))", timeout=300_000)
            page.wait_for_function("() => document.querySelectorAll(\".jp-OutputArea-output img[src^='data:image/png']\").length >= 5",
                                   timeout=120_000)
            errors = page.query_selector_all(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
            assert not errors, [e.text_content()[:300] for e in errors]

            chart = output_image(page, "Two activation functions")
            assert chart.evaluate("img => img.naturalWidth") >= 600, "the chart is drawn at its full size"
            assert photograph(page, chart, artifacts / "welcome-chart.png") > 10_000
            curve = output_image(page, "Trainer.of(net)")
            assert photograph(page, curve, artifacts / "welcome-training.png") > 10_000
        finally:
            browser.close()


@needs_chromium
def test_make_lab_in_portuguese_opens_the_portuguese_edition_in_portuguese(tmp_path, artifacts):
    """`make lab LANG=pt-BR`: kernel/lab.py --language pt-BR on notebooks/pt-BR, JupyterLab's pt-BR language pack."""
    from playwright.sync_api import sync_playwright

    # JupyterLab's settings in a folder of the test's own, so the course's lab keeps its language
    with running_lab(tmp_path, "--notebooks", str(ROOT / "notebooks" / "pt-BR"), "--language", "pt-BR",
                     JUPYTER_CONFIG_DIR=str(tmp_path / "config")) as lab:
        assert "está iniciando" in lab.startup
        packs = json.load(urllib.request.urlopen(f"{lab.base}/lab/api/translations?token={lab.token}", timeout=10))
        assert "pt_BR" in packs["data"], packs["data"].keys()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(f"{lab.base}/lab/tree/04-feature-extraction.ipynb?token={lab.token}")
                page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
                # what the community's pt-BR pack translates (its menu-bar labels are not translated yet)
                header = page.locator(".jp-DirListing-headerItem").all_text_contents()
                assert "Nome" in " ".join(header) and "Name" not in " ".join(header), header
                assert page.locator(".jp-Notebook", has_text="Lição 4: Extração de características").count() == 1
                assert page.locator(".jp-DirListing-item", has_text="08-language-data.ipynb").count() == 1
                page.wait_for_timeout(1000)
                page.screenshot(path=str(artifacts / "lab-pt-BR.png"))
            finally:
                browser.close()
