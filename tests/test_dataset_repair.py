"""A damaged data file, as a student meets it: the lesson cell fails with a message naming a command; the
command, run to the letter, repairs the file; the same cell, run again in the same kernel, works."""
import os
import re
import subprocess

import nbformat
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME, ROOT

CACHE = ROOT / "datasets" / "cache"
DAMAGED = CACHE / "mnist-train-images.idx"


def lesson_cell():
    """The welcome notebook's cell that loads the data sets."""
    nb = nbformat.read(ROOT / "notebooks" / "00-welcome.ipynb", as_version=4)
    return next(c.source for c in nb.cells if c.cell_type == "code" and "Mnist.train()" in c.source)


def run(kc, code):
    msgs = []
    reply = kc.execute_interactive(code, timeout=300, output_hook=msgs.append)
    return reply["content"], msgs


def flip_a_byte(path, offset):
    with open(path, "r+b") as f:
        f.seek(offset)
        byte = f.read(1)[0]
        f.seek(offset)
        f.write(bytes([byte ^ 0x55]))


def test_the_fix_the_error_names_repairs_the_file(tmp_path):
    original = DAMAGED.read_bytes()
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=120)
    try:
        flip_a_byte(DAMAGED, len(original) // 2)
        reply, _ = run(kc, lesson_cell())
        assert reply["status"] == "error"
        said = reply["evalue"] + "\n" + "\n".join(reply["traceback"])
        assert "mnist-train-images.idx is damaged" in said, said
        fix = re.search(r"Run `([^`]+)` in the course folder", said)
        assert fix, f"the error names no command:\n{said}"

        # what a student types in a terminal in the course folder (no make of ours around it)
        env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
        done = subprocess.run(fix.group(1), shell=True, cwd=ROOT, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "mnist-train-images.idx: FAILED" in done.stdout + done.stderr, "the check names the damaged file"
        assert DAMAGED.read_bytes() == original, "the file is whole again"

        reply, msgs = run(kc, lesson_cell())
        assert reply["status"] == "ok", reply.get("evalue")
        shown = next(m["content"]["data"]["text/plain"] for m in msgs if m["msg_type"] == "execute_result")
        assert "60000 images 28x28, 10 classes" in shown, shown

        again = subprocess.run(fix.group(1), shell=True, cwd=ROOT, env=env, capture_output=True, text=True)
        assert again.returncode == 0 and "rebuilding" not in again.stdout, "a whole cache is not rebuilt"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        if DAMAGED.read_bytes() != original:
            tmp = DAMAGED.with_name(DAMAGED.name + ".restore")
            tmp.write_bytes(original)
            os.replace(tmp, DAMAGED)
