"""The kernel as a student meets it: memory errors it survives, and displays updated in place."""
import pytest
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME


@pytest.fixture(scope="module")
def kernel():
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=120)
    yield kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def run(kc, code, timeout=300):
    """Executes code; returns (reply status, iopub messages of this execution)."""
    msgs = []
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=msgs.append)
    return reply["content"]["status"], msgs


def stderr(msgs):
    return "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")


def result(msgs):
    return next(m["content"]["data"]["text/plain"] for m in msgs if m["msg_type"] == "execute_result")


def test_heap_overflow_names_the_limit_and_the_kernel_goes_on(kernel):
    status, msgs = run(kernel, "long[] big = new long[(int) Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 8 + 1)];")
    assert status == "error"
    advice = stderr(msgs)
    assert "heap limit (-Xmx)" in advice and "make lab HEAP=" in advice and "kernel.json" in advice
    error = next(m for m in msgs if m["msg_type"] == "error")
    assert "OutOfMemoryError" in error["content"]["evalue"]
    status, msgs = run(kernel, "21 * 2")
    assert status == "ok" and result(msgs) == "42"


def test_off_heap_overflow_names_the_limit_and_the_kernel_goes_on(kernel):
    status, msgs = run(kernel, "Nd4j.create(DataType.FLOAT, 100_000, 100_000)")
    assert status == "error"
    advice = stderr(msgs)
    assert "org.bytedeco.javacpp.maxbytes" in advice and "make lab OFFHEAP=" in advice
    error = next(m for m in msgs if m["msg_type"] == "error")
    assert "exceeds the off-heap limit" in error["content"]["evalue"]
    status, msgs = run(kernel, "Nd4j.ones(2, 2).sumNumber()")
    assert status == "ok" and result(msgs) == "4.0"


def test_progress_bar_updates_one_display_in_place(kernel):
    code = ('ProgressBar bar = ProgressBar.start("steps", 5);\n'
            'for (int i = 0; i < 5; i++) { Thread.sleep(ProgressBar.REDRAW_MILLIS + 20); bar.step("step " + i); }\n'
            'bar.finish("finished");')
    status, msgs = run(kernel, code)
    assert status == "ok"
    shown = [m for m in msgs if m["msg_type"] == "display_data"]
    updates = [m for m in msgs if m["msg_type"] == "update_display_data"]
    assert len(shown) == 1
    display_id = shown[0]["content"]["transient"]["display_id"]
    assert len(updates) >= 5
    assert all(u["content"]["transient"]["display_id"] == display_id for u in updates)
    assert "100%" in updates[-1]["content"]["data"]["text/plain"]
    assert "finished" in updates[-1]["content"]["data"]["text/html"]


def test_learning_curve_redraws_as_png(kernel):
    status, msgs = run(kernel, 'LearningCurve c = LearningCurve.live("loss", "epoch", "loss");\n'
                               'for (int e = 1; e <= 3; e++) { Thread.sleep(LearningCurve.REDRAW_MILLIS + 50); c.add("train", e, 1.0 / e); }')
    assert status == "ok"
    updates = [m for m in msgs if m["msg_type"] == "update_display_data"]
    assert len(updates) == 3 and all("image/png" in u["content"]["data"] for u in updates)


def test_svg_on_request(kernel):
    status, msgs = run(kernel, 'var ch = new XYChartBuilder().title("s").build(); ch.addSeries("a", new double[]{1, 2}, new double[]{1, 4});\n'
                               'display(ch, "image/svg+xml");')
    assert status == "ok"
    shown = [m for m in msgs if m["msg_type"] == "display_data"]
    assert "<svg" in shown[0]["content"]["data"]["image/svg+xml"]
