"""The kernelspec that `make` installs: where it lives and what it starts."""
import json
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
    assert argv[-3:] == ["-jar", "{resource_dir}/jjava.jar", "{connection_file}"]


def test_classpath_holds_the_library_and_its_runtime():
    cp = spec()["env"]["JJAVA_CLASSPATH"]
    jars = Path(cp.rstrip("*")).glob("*.jar")
    names = {j.name for j in jars}
    assert "tl4j-lib.jar" in names
    assert any(n.startswith("deeplearning4j-nn") for n in names)
    assert any(n.startswith("nd4j-native-") and ("linux" in n or "macosx" in n) for n in names)
    assert not any(n.startswith("jjava-jupyter") for n in names), "the kernel API must not be bundled twice"


def test_second_make_does_nothing_twice():
    """After set-up, `make` rebuilds nothing: no Maven build, no kernel install, no data conversion."""
    result = subprocess.run(["make", "--no-print-directory", "lib", "kernel", "datasets"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for step in ("mvn", "install_kernel.py", "PrepareDatasets", "npm install"):
        assert step not in result.stdout, f"make ran `{step}` again:\n{result.stdout}"
