"""The kernel as a student meets it, on Java 17 and on the newest LTS installed: it starts with a clean
terminal, runs a cell, draws charts, survives memory errors, stops a cell on interrupt, and deals with
System.exit in a cell as that Java allows."""
import os
import time
from types import SimpleNamespace

import pytest
from jupyter_client.manager import KernelManager

from conftest import KERNEL_NAME, launch, javas_to_test

JAVAS = javas_to_test()
RUNAWAY_GRACE = 3  # seconds: RunawayCellStopper.GRACE_SECONDS


@pytest.fixture(scope="module", params=JAVAS, ids=[label for label, _, _ in JAVAS])
def java(request):
    label, path, reason = request.param
    if path is None:
        pytest.skip(reason)
    return path


def start(java, terminal):
    """A kernel on that Java (kernel/launch.py honours TL4J_JAVA); what it prints goes to `terminal`."""
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel(env=dict(os.environ, TL4J_JAVA=java), stdout=terminal, stderr=terminal)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    return km, kc


@pytest.fixture(scope="module")
def kernel(java, tmp_path_factory):
    log = tmp_path_factory.mktemp("kernel") / "terminal.txt"
    with open(log, "w") as terminal:
        km, kc = start(java, terminal)
        try:
            yield SimpleNamespace(client=kc, manager=km, terminal=log, feature=launch.java_version(java))
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


def run(kernel, code, timeout=300):
    """Executes code; returns (reply status, iopub messages of this execution)."""
    msgs = []
    reply = kernel.client.execute_interactive(code, timeout=timeout, output_hook=msgs.append)
    return reply["content"]["status"], msgs


def stderr(msgs):
    return stream(msgs, "stderr")


def stdout(msgs):
    return stream(msgs, "stdout")


def stream(msgs, name):
    return "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream" and m["content"]["name"] == name)


def result(msgs):
    return next(m["content"]["data"]["text/plain"] for m in msgs if m["msg_type"] == "execute_result")


def test_starts_on_that_java_with_a_clean_terminal(kernel):
    status, msgs = run(kernel, "Runtime.version().feature()")
    assert status == "ok" and result(msgs) == str(kernel.feature)
    status, msgs = run(kernel, "Nd4j.ones(2, 2).sumNumber()")  # loads the natives (JavaCPP: native access, Unsafe)
    assert status == "ok" and result(msgs) == "4.0"
    warnings = [line for line in kernel.terminal.read_text().splitlines() if "WARNING" in line or "Exception" in line]
    assert not warnings, "the kernel's terminal shows warnings a student cannot act on:\n" + "\n".join(warnings)


def test_the_banner_says_what_system_exit_does(kernel):
    status, msgs = run(kernel, "Backend.describe()")
    html = next(m["content"]["data"]["text/html"] for m in msgs if m["msg_type"] == "execute_result")
    expected = "blocked (the kernel goes on)" if kernel.feature < launch.NO_SECURITY_MANAGER else "Java 24+ cannot block it"
    assert "System.exit in a cell" in html and expected in html


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


def test_interrupt_stops_a_busy_cell_and_the_kernel_goes_on(kernel):
    kc = kernel.client
    msg_id = kc.execute("long spins = 0;\nwhile (true) { spins++; }")
    time.sleep(3)
    kernel.manager.interrupt_kernel()
    started = time.monotonic()
    while True:
        reply = kc.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    assert reply["content"]["status"] == "error"
    assert time.monotonic() - started < 30, "the interrupt took too long to stop the cell"
    status, msgs = run(kernel, "spins > 0")
    assert status == "ok" and result(msgs) == "true"
    # JJava answers at once; the loop, which never looks at the interrupt, is stopped a little later
    time.sleep(RUNAWAY_GRACE + 2)
    status, msgs = run(kernel, "long before = spins;\nThread.sleep(1500);\nspins - before")
    assert status == "ok"
    if kernel.feature < 20:
        assert result(msgs) == "0", "the interrupted loop still runs in the background"
        assert "ignored the interrupt, so its code was stopped" in stdout(msgs)
    else:  # Java 20+ has no Thread.stop: the kernel says so and how to end it
        assert int(result(msgs)) > 0
        assert "cannot stop it. Restart the kernel" in stdout(msgs)


def test_interrupting_training_stops_it_between_two_steps(kernel):
    """The stop button during Trainer.fit: training ends at its next step, by itself, and the network's
    weights stay as they are."""
    kc = kernel.client
    status, _ = run(kernel, 'Target digits = Target.of("digits", Mnist.train().classes(0, 1, 2, 3, 4),\n'
                    '    Mnist.test().classes(0, 1, 2, 3, 4)).train(2000).validation(100).test(100);\n'
                    'Target.Split split = digits.split(1);\n'
                    'MultiLayerNetwork net = Architectures.lenet(5, 1);')
    assert status == "ok"
    msg_id = kc.execute("Trainer.of(net).epochs(1000).live(false)\n"
                        "    .fit(split.train().shuffledBatches(25, 1), split.validation().batches(500))")
    time.sleep(8)
    kernel.manager.interrupt_kernel()
    while kc.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != msg_id:
        pass
    time.sleep(1)
    status, msgs = run(kernel, "INDArray w = net.params().dup();\nThread.sleep(RUNAWAY);\n"
                       .replace("RUNAWAY", str(1000 * (RUNAWAY_GRACE + 1))) + "net.params().equalsWithEps(w, 0)")
    assert status == "ok" and result(msgs) == "true", "training goes on after the interrupt"
    assert "ignored the interrupt" not in stdout(msgs), "training had to be stopped by force"


def test_a_variable_or_class_that_would_hide_a_package_is_refused(kernel):
    """A variable named org would stand in for org.tl4j.grading in a graded cell (a forged score): it is dropped."""
    _, msgs = run(kernel, "class Fake { public Object tl4j = null; }\nFake org = new Fake();\nint java = 3;")
    assert 'tl4j: "org" is the first part of package names' in stderr(msgs)
    assert 'tl4j: "java" is the first part of package names' in stderr(msgs)
    status, msgs = run(kernel, "java.util.List.of(1, 2).size() + org.tl4j.grading.Score.outOf(2).checks()")
    assert status == "ok" and result(msgs) == "2", stderr(msgs)
    status, msgs = run(kernel, "int organ = 1;\norgan")   # other names are free
    assert status == "ok" and result(msgs) == "1" and not stderr(msgs)


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


def test_system_exit_in_a_cell_is_blocked_or_explained_after_the_restart(java, tmp_path):
    """Up to Java 23 the course blocks the call; from Java 24 nothing can, so the restarted kernel says why."""
    feature = launch.java_version(java)
    with open(tmp_path / "terminal.txt", "w") as terminal:
        km, kc = start(java, terminal)
        kernel = SimpleNamespace(client=kc, manager=km)
        try:
            run(kernel, "int answer = 42;")
            if feature < launch.NO_SECURITY_MANAGER:
                status, msgs = run(kernel, "System.exit(3);")
                assert status == "error"
                error = next(m for m in msgs if m["msg_type"] == "error")
                assert "is blocked" in error["content"]["evalue"]
                status, msgs = run(kernel, "answer")
                assert status == "ok" and result(msgs) == "42", "the notebook's variables survive"
                return
            kc.execute("System.exit(3);")
            deadline = time.monotonic() + 60
            while km.is_alive() and time.monotonic() < deadline:
                time.sleep(0.2)
            assert not km.is_alive(), "on Java 24+ a cell's System.exit ends the kernel"
            km.restart_kernel(now=True)
            kc.wait_for_ready(timeout=120)
            status, msgs = run(kernel, "1 + 1")
            assert status == "ok" and result(msgs) == "2"
            said = stderr(msgs)
            assert "the kernel restarted because a cell called System.exit" in said, said
            assert "Run All Above Selected Cell" in said
            status, msgs = run(kernel, "2 + 2")
            assert stderr(msgs) == "", "the note is said once"
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
