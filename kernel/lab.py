"""Starts JupyterLab on the course, on 127.0.0.1 only, with token authentication left on.

Run by `make lab`; prints the address to open, token included. Options it does not know are passed on
to JupyterLab (the browser test adds its own). `--language pt-BR` (`make lab LANG=pt-BR`) opens it in
Brazilian Portuguese: JupyterLab's menus (its pt-BR language pack) and the library's messages.
"""
import json
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


def choose_language(language):
    """JupyterLab's language setting, in the course's own settings folder (a choice made in JupyterLab's
    Settings > Language lasts until the next `make lab`). Portuguese also reaches every kernel started."""
    folder = os.environ.get("JUPYTER_CONFIG_DIR")
    if folder:
        setting = Path(folder) / "lab" / "user-settings" / "@jupyterlab" / "translation-extension"
        setting.mkdir(parents=True, exist_ok=True)
        locale = "pt_BR" if language == "pt-BR" else "en"
        (setting / "plugin.jupyterlab-settings").write_text(json.dumps({"locale": locale}) + "\n")
    if language == "pt-BR":
        os.environ["TL4J_LANG"] = "pt-BR"


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--port", default="8888")
    p.add_argument("--notebooks", default="notebooks")
    p.add_argument("--language", default="en", choices=["en", "pt-BR"])
    args, passed_on = p.parse_known_args()
    choose_language(args.language)
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
    said = (("JupyterLab está iniciando. Abra este endereço (ele contém seu token de acesso):", "Pare com Ctrl-C.")
            if args.language == "pt-BR" else
            ("JupyterLab is starting. Open this address (it holds your access token):", "Stop it with Ctrl-C."))
    print(f"\n  tl4j: {said[0]}\n"
          f"    http://127.0.0.1:{args.port}/lab/tree/00-welcome.ipynb?token={token}\n"
          f"  {said[1]}\n", flush=True)
    os.execv(sys.executable, cmd)


if __name__ == "__main__":
    main()
