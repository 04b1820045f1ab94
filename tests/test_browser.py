"""JupyterLab in headless Chromium: open the welcome notebook, run every cell, see the chart.

Needs Debian's chromium (installed by `make` when run as root); without it the test is skipped with
the reason, never passed.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="chromium is not installed (make installs it only when run as root)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    port = free_port()
    token = os.urandom(16).hex()
    log = open(tmp_path_factory.mktemp("lab") / "lab.log", "w")
    env = dict(os.environ, TL4J_PROFILE="ci")
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
           f"--notebook-dir={ROOT / 'notebooks'}", "--LabApp.expose_app_in_browser=True"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    server = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start; see " + log.name)
        # token authentication is on: without the token the API refuses
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"{base}/api/sessions", timeout=5)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def test_welcome_notebook_runs_in_jupyterlab(lab, artifacts):
    from playwright.sync_api import sync_playwright

    base, token = lab
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
            # the activation chart: a PNG the Java kernel drew
            chart = page.wait_for_selector(".jp-OutputArea-output img[src^='data:image/png']", timeout=180_000)
            # the live training finishes with a full bar
            page.wait_for_function("() => [...document.querySelectorAll('.jp-OutputArea-output')]"
                                   ".some(e => /training .*100%/.test(e.textContent))", timeout=300_000)
            page.wait_for_function("() => document.querySelectorAll(\".jp-OutputArea-output img[src^='data:image/png']\").length >= 5",
                                   timeout=120_000)
            errors = page.query_selector_all(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
            assert not errors, [e.text_content()[:300] for e in errors]
            chart.scroll_into_view_if_needed()
            page.screenshot(path=str(artifacts / "welcome-chart.png"))
            curve = page.query_selector_all(".jp-OutputArea-output img[src^='data:image/png']")[3]
            curve.scroll_into_view_if_needed()
            page.screenshot(path=str(artifacts / "welcome-training.png"))
            box = chart.bounding_box()
            assert box["width"] >= 300 and box["height"] >= 150
        finally:
            browser.close()
    assert (artifacts / "welcome-chart.png").stat().st_size > 10_000
