"""Starts JupyterLab on the course, on 127.0.0.1 only, with token authentication left on.

Run by `make lab`; prints the address to open, token included. Options it does not know are passed on
to JupyterLab (the browser test adds its own).
"""
import argparse
import os
import secrets
import sys
import webbrowser
from pathlib import Path

COURSE = Path(__file__).resolve().parent.parent


def point_nbgrader_at_the_exercises():
    """JupyterLab's nbgrader menus read nbgrader_config.py from Jupyter's config folder (the course's own,
    set by make): this one loads the exercises' configuration."""
    folder = os.environ.get("JUPYTER_CONFIG_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        exercises = COURSE / "exercises" / "nbgrader_config.py"
        (Path(folder) / "nbgrader_config.py").write_text(
            f"# Written by kernel/lab.py: the course's nbgrader settings.\nload_subconfig({str(exercises)!r})\n")


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--port", default="8888")
    p.add_argument("--notebooks", default="notebooks")
    args, passed_on = p.parse_known_args()
    token = os.environ.get("JUPYTER_TOKEN") or secrets.token_hex(24)
    point_nbgrader_at_the_exercises()
    cmd = [sys.executable, "-m", "jupyter", "lab",
           "--ip=127.0.0.1", f"--port={args.port}", "--ServerApp.port_retries=0",
           f"--notebook-dir={args.notebooks}", f"--IdentityProvider.token={token}",
           "--LabApp.default_url=/lab/tree/00-welcome.ipynb", "--MultiKernelManager.default_kernel_name=tl4j"]
    try:
        webbrowser.get()
    except webbrowser.Error:
        cmd.append("--no-browser")  # nothing to open it in: the address below is the way in
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    cmd += passed_on
    print(f"\n  tl4j: JupyterLab is starting. Open this address (it holds your access token):\n"
          f"    http://127.0.0.1:{args.port}/lab/tree/00-welcome.ipynb?token={token}\n"
          f"  Stop it with Ctrl-C.\n", flush=True)
    os.execv(sys.executable, cmd)


if __name__ == "__main__":
    main()
