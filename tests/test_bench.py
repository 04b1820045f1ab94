"""`make bench`'s side-by-side rounds work end to end (DL4J's side; PyTorch is not part of the set-up).

Speed itself is measured by `make bench`, not asserted here: this runs the harness on a small epoch
and checks what it prints and what it writes for PyTorch to read.
"""
import os
import re
import subprocess
import sys

from conftest import ROOT


def java_command():
    cp = f"{ROOT}/lib/target/tl4j-lib.jar:" + (ROOT / "lib" / "target" / "runtime-classpath.txt").read_text().strip()
    return (f"java -Xmx2g -Djava.awt.headless=true -Dorg.eclipse.deeplearning4j.helpers.disable=false "
            f"-Dorg.bytedeco.javacpp.cachedir={ROOT}/.cache/javacpp -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "
            f"-cp {cp} org.tl4j.tools.BenchWorker")


def test_side_by_side_rounds_print_medians_ranges_and_write_the_shared_data(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "bench_side_by_side.py"), "--java", java_command(),
                          "--rounds", "2", "--cases", "lenet,frozen,text", "--examples", "320", "--data", str(tmp_path)],
                         capture_output=True, text=True, timeout=600, env=os.environ.copy())
    assert out.returncode == 0, out.stderr[-2000:]
    rows = re.findall(r"^(\w+)\s+DL4J\s+training\s+([\d.]+) \(([\d.]+)-([\d.]+)\)\s+inference\s+([\d.]+) \(([\d.]+)-([\d.]+)\)"
                      r"\s+test accuracy after the last round ([\d.]+)%", out.stdout, re.M)
    assert [r[0] for r in rows] == ["lenet", "frozen", "text"], out.stdout
    for name, *figures, accuracy in rows:
        median, low, high, imedian, ilow, ihigh = map(float, figures)
        assert 0 < low <= median <= high and 0 < ilow <= imedian <= ihigh, (name, figures)
        assert 20 < float(accuracy) <= 100, f"{name}: accuracy {accuracy}% after two epochs of 320 examples"
    assert "PYTORCH_PYTHON" in out.stdout, "says how to add PyTorch"
    # what PyTorch reads: 320 training images per case, the test set, the LeNets' weights and outputs
    assert (tmp_path / "lenet-train.f32").stat().st_size == 320 * 784 * 4
    assert (tmp_path / "lenet-train.u8").stat().st_size == 320
    test_images = (tmp_path / "lenet-test.u8").stat().st_size
    assert (tmp_path / "lenet-test.f32").stat().st_size == test_images * 784 * 4 and test_images > 5000
    assert (tmp_path / "vgg-train.f32").samefile(tmp_path / "lenet-train.f32"), "same data, linked, not copied"
    lenet_params = 20 * 25 + 20 + 50 * 20 * 25 + 50 + 800 * 500 + 500 + 500 * 5 + 5
    assert (tmp_path / "lenet-params.f32").stat().st_size == 4 * lenet_params
    assert (tmp_path / "frozen-outputs.f32").stat().st_size == 4 * 256 * 5
    # texts: 320 of 24 word indices with their mask; the table of every word's vector, then the softmax layer
    assert (tmp_path / "text-train.f32").stat().st_size == 320 * 24 * 4
    assert (tmp_path / "text-train.mask.f32").stat().st_size == 320 * 24 * 4
    assert (tmp_path / "text-test.u8").stat().st_size == 5 * 400
    table = (tmp_path / "text-params.f32").stat().st_size // 4 - (64 * 5 + 5)
    assert table % 64 == 0 and table // 64 > 3000, f"{table} numbers in the word-vector table"
    assert (tmp_path / "text-outputs.f32").stat().st_size == 4 * 256 * 5


def test_an_unknown_case_is_refused_by_name(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "bench_side_by_side.py"), "--java", java_command(),
                          "--rounds", "1", "--cases", "resnet", "--examples", "64", "--data", str(tmp_path)],
                         capture_output=True, text=True, timeout=600, env=os.environ.copy())
    assert out.returncode != 0
    assert "no case 'resnet'" in out.stderr and "lenet" in out.stderr, out.stderr[-1000:]
