"""Builds the class's environment for JupyterHub (run by `make hub-setup`): a Python environment that
every student's account can run, holding the course's Python packages, JupyterHub and the "Java (tl4j)"
kernel. It is separate from the course's .venv because that one may come from a Python in a private
folder (pyenv under a home, for instance), which other accounts cannot run.

    python hub/install.py --venv .hub/venv --lib-jar ... --classpath-file ... --data ... --javacpp-cache ...
"""
import argparse
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def open_to_all(path):
    """Whether every account can reach and read this path: o+x on each folder above it, o+r on itself."""
    path = Path(os.path.realpath(path))
    for folder in list(path.parents)[::-1]:
        if not folder.stat().st_mode & stat.S_IXOTH:
            return False
    return bool(path.stat().st_mode & stat.S_IROTH)


def python_for_everyone(candidates):
    """The first Python whose program and standard library every account can use, or None."""
    for candidate in candidates:
        found = shutil.which(candidate) if candidate else None
        if not found:
            continue
        said = subprocess.run([found, "-c", "import sys, sysconfig; print(sys.version_info[:2] >= (3, 10)); "
                               "print(sysconfig.get_paths()['stdlib'])"], capture_output=True, text=True)
        lines = said.stdout.split()
        if said.returncode == 0 and lines[0] == "True" and open_to_all(found) and open_to_all(lines[1]):
            return found
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--venv", required=True, type=Path)
    p.add_argument("--lib-jar", required=True)
    p.add_argument("--classpath-file", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--javacpp-cache", required=True)
    p.add_argument("--omp-wait", default="PASSIVE")
    args = p.parse_args()
    py = args.venv / "bin" / "python"
    if not py.exists():
        chosen = python_for_everyone([os.environ.get("HUB_PYTHON"), "python3", "/usr/bin/python3",
                                      "/usr/local/bin/python3"])
        if chosen is None:
            chosen = sys.executable
            print(f"hub: WARNING: no Python 3.10+ that every account can run (its program and standard library "
                  f"readable by all); using {chosen}, which students' accounts may not be able to run. Install "
                  "one system-wide, or name it with HUB_PYTHON=/path/to/python3, then delete .hub/ and run again.")
        print(f"hub: the class's environment runs {chosen}")
        subprocess.run([chosen, "-m", "venv", str(args.venv)], check=True)
    pip = [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "-r", str(ROOT / "requirements.txt"), "-r", str(ROOT / "hub" / "requirements.txt")],
                   check=True)
    subprocess.run([str(py), str(ROOT / "kernel" / "install_kernel.py"), "--prefix", str(args.venv.resolve()),
                    "--omp-wait", args.omp_wait, "--lib-jar", args.lib_jar, "--classpath-file", args.classpath_file,
                    "--data", args.data, "--javacpp-cache", args.javacpp_cache], check=True)
    settings = args.venv / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "kernel" / "jupyterlab-overrides.json", settings / "overrides.json")
    for folder, _, files in os.walk(args.venv):  # whatever the umask was: readable by every account
        os.chmod(folder, os.stat(folder).st_mode | 0o755)
        for f in files:
            path = os.path.join(folder, f)
            if not os.path.islink(path):
                os.chmod(path, os.stat(path).st_mode | 0o444)


if __name__ == "__main__":
    main()
