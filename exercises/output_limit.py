"""Autograding's cell execution with a cap on what a cell may print: past TL4J_OUTPUT_LIMIT bytes per cell
(default 1 MB) further output is dropped and one line says so. nbgrader's own LimitOutput counts lines, so
a flood without line breaks, or of pictures, would still reach the gradebook and the feedback."""
import json
import os

from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute

LIMIT = int(os.environ.get("TL4J_OUTPUT_LIMIT", str(1024 * 1024)))


def size_of(content):
    """About the bytes an output adds to the notebook, without serialising a megabyte-sized message."""
    if "text" in content:
        return len(content["text"])
    data = content.get("data", {})
    return sum(len(v) if isinstance(v, str) else len(json.dumps(v)) for v in data.values()) or len(json.dumps(content))


class CappedExecute(Execute):
    """nbgrader's Execute, keeping at most LIMIT bytes of output per cell."""

    def output(self, outs, msg, display_id, cell_index):
        sizes = self.__dict__.setdefault("_tl4j_sizes", {})
        size = size_of(msg.get("content", {}))
        used = sizes.get(cell_index, 0)
        sizes[cell_index] = used + size
        if used + size <= LIMIT:
            return super().output(outs, msg, display_id, cell_index)
        if used <= LIMIT:  # the first output past the cap: say what happened, once
            note = new_output("stream", name="stderr",
                              text=f"[grader] this cell printed more than {LIMIT / 2 ** 20:g} MB; the rest of its "
                                   "output was dropped. Print less (a summary, not every value).\n")
            outs.append(note)
            return note
        return None
