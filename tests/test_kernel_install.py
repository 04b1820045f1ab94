"""The kernelspec that `make` installs: where it lives and what it starts."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager

from conftest import KERNEL_NAME, ROOT, kernel_dir


def spec():
    return json.loads((kernel_dir() / "kernel.json").read_text())


def test_kernel_is_installed_in_the_environment_not_the_home():
    found = KernelSpecManager().find_kernel_specs()
    assert KERNEL_NAME in found
    assert Path(found[KERNEL_NAME]).resolve() == kernel_dir().resolve()
    assert str(kernel_dir().resolve()).startswith(str(Path(sys.prefix).resolve()))
    assert spec()["display_name"] == "Java (tl4j)"


def test_jvm_options_set_memory_limits_and_the_fast_path():
    argv = spec()["argv"]
    assert any(a.startswith("-Xmx") for a in argv)
    assert any(a.startswith("-Dorg.bytedeco.javacpp.maxbytes=") for a in argv)
    assert any(a.startswith("-Dorg.bytedeco.javacpp.maxphysicalbytes=") for a in argv)
    assert "-Dorg.eclipse.deeplearning4j.helpers.disable=false" in argv
    assert "-Djava.security.manager=allow" in argv  # the exit guard of the course extension needs it from Java 18
    assert "-Dtl4j.backend=CPU" in argv
    assert spec()["env"]["OMP_WAIT_POLICY"] == "PASSIVE", "OpenMP threads would spin between operations"
    assert argv[-3:] == ["-jar", "{resource_dir}/jjava.jar", "{connection_file}"]


def test_classpath_holds_the_library_and_its_runtime():
    cp = spec()["env"]["JJAVA_CLASSPATH"]
    jars = Path(cp.rstrip("*")).glob("*.jar")
    names = {j.name for j in jars}
    assert "tl4j-lib.jar" in names
    assert any(n.startswith("deeplearning4j-nn") for n in names)
    assert any(n.startswith("nd4j-native-") and ("linux" in n or "macosx" in n) for n in names)
    assert not any(n.startswith("jjava-jupyter") for n in names), "the kernel API must not be bundled twice"


def test_the_cuda_kernelspec_comes_from_the_same_installer(tmp_path):
    """`make lab BACKEND=cuda` runs this installer with -Pcuda's classpath; here with the CPU one (no 600 MB download)."""
    java_dir = tmp_path / "share" / "jupyter" / "kernels" / "java"
    java_dir.mkdir(parents=True)
    shutil.copy2(Path(sys.prefix) / "share" / "jupyter" / "kernels" / "java" / "jjava.jar", java_dir)
    result = subprocess.run(
        [sys.executable, "kernel/install_kernel.py", "--prefix", str(tmp_path), "--name", "tl4j-cuda",
         "--display-name", "Java (tl4j, CUDA)", "--backend", "cuda", "--lib-jar", "lib/target/tl4j-lib.jar",
         "--classpath-file", "lib/target/runtime-classpath.txt", "--data", "datasets/cache",
         "--javacpp-cache", ".cache/javacpp"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    kdir = tmp_path / "share" / "jupyter" / "kernels" / "tl4j-cuda"
    cuda = json.loads((kdir / "kernel.json").read_text())
    assert cuda["display_name"] == "Java (tl4j, CUDA)"
    assert "-Dtl4j.backend=CUDA" in cuda["argv"] and "-Dtl4j.backend=CPU" not in cuda["argv"]
    assert cuda["metadata"]["tl4j"]["backend"] == "cuda"
    lib = kdir / "jars" / "tl4j-lib.jar"
    assert lib.stat().st_ino == (ROOT / "lib" / "target" / "tl4j-lib.jar").stat().st_ino, \
        "jars are linked, not copied (the CUDA natives are 2.4 GB)"


def test_an_unknown_backend_is_refused_with_the_choices():
    result = subprocess.run(["make", "--no-print-directory", "-n", "setup", "BACKEND=gpu"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert 'BACKEND is cpu or cuda, not "gpu"' in result.stderr


def test_second_make_does_nothing_twice():
    """After set-up, `make` rebuilds nothing: no Maven build, no kernel install, no data conversion."""
    result = subprocess.run(["make", "--no-print-directory", "lib", "kernel", "datasets"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for step in ("mvn", "install_kernel.py", "PrepareDatasets", "npm install"):
        assert step not in result.stdout, f"make ran `{step}` again:\n{result.stdout}"
