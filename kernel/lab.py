"""Starts JupyterLab on the course, on 127.0.0.1 only, with token authentication left on.

Run by `make lab`; prints the address to open, token included.
"""
import argparse
import os
import secrets
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--port", default="8888")
    p.add_argument("--notebooks", default="notebooks")
    args = p.parse_args()
    token = os.environ.get("JUPYTER_TOKEN") or secrets.token_hex(24)
    cmd = [sys.executable, "-m", "jupyter", "lab",
           "--ip=127.0.0.1", f"--port={args.port}", "--ServerApp.port_retries=0",
           f"--notebook-dir={args.notebooks}", f"--IdentityProvider.token={token}",
           "--LabApp.default_url=/lab/tree/00-welcome.ipynb", "--KernelSpecManager.default_kernel_name=tl4j"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    print(f"\n  tl4j: JupyterLab is starting. Open this address (it holds your access token):\n"
          f"    http://127.0.0.1:{args.port}/lab/tree/00-welcome.ipynb?token={token}\n"
          f"  Stop it with Ctrl-C.\n", flush=True)
    os.execv(sys.executable, cmd)


if __name__ == "__main__":
    main()
