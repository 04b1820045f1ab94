"""The kernelspec that `make` installs: where it lives and what it starts."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jupyter_client.kernelspec import KernelSpecManager

from conftest import KERNEL_NAME, ROOT, kernel_dir, launch, javas_to_test


def spec():
    return json.loads((kernel_dir() / "kernel.json").read_text())


def test_kernel_is_installed_in_the_environment_not_the_home():
    found = KernelSpecManager().find_kernel_specs()
    assert KERNEL_NAME in found
    assert Path(found[KERNEL_NAME]).resolve() == kernel_dir().resolve()
    assert str(kernel_dir().resolve()).startswith(str(Path(sys.prefix).resolve()))
    assert spec()["display_name"] == "Java (tl4j)"


def launch_command(java, **env):
    """The java command line that the kernel's launcher builds on that Java."""
    out = subprocess.run([sys.executable, str(kernel_dir() / "launch.py"), "--dry-run", "/tmp/kernel-x.json"],
                         env=dict(os.environ, TL4J_JAVA=java, **env), capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def option(argv, prefix):
    return next(a[len(prefix):] for a in argv if a.startswith(prefix))


def test_jvm_options_set_memory_limits_and_the_fast_path():
    assert spec()["argv"] == [sys.executable, "{resource_dir}/launch.py", "{connection_file}"]
    argv = launch_command(shutil.which("java"))
    assert any(a.startswith("-Xmx") for a in argv)
    assert any(a.startswith("-Dorg.bytedeco.javacpp.maxbytes=") for a in argv)
    assert any(a.startswith("-Dorg.bytedeco.javacpp.maxphysicalbytes=") for a in argv)
    assert "-Dorg.eclipse.deeplearning4j.helpers.disable=false" in argv
    assert "-Dtl4j.backend=CPU" in argv
    assert "-Dtl4j.connection.file=/tmp/kernel-x.json" in argv
    assert spec()["env"]["OMP_WAIT_POLICY"] == "PASSIVE", "OpenMP threads would spin between operations"
    assert spec()["env"]["OPENBLAS_THREAD_TIMEOUT"] == "4", "OpenBLAS threads would spin after each product"
    assert argv[-3:] == ["-jar", str(kernel_dir() / "jjava.jar"), "/tmp/kernel-x.json"]


@pytest.mark.parametrize("label,java,reason", javas_to_test(), ids=[j[0] for j in javas_to_test()])
def test_jvm_options_follow_the_java_of_the_moment(label, java, reason):
    """Java 24 refuses the Security Manager option at start; each Java gets only options it accepts."""
    if java is None:
        pytest.skip(reason)
    argv = launch_command(java)
    feature = launch.java_version(java)
    assert argv[0] == java
    assert ("-Djava.security.manager=allow" in argv) == (feature < 24)
    assert "--enable-native-access=ALL-UNNAMED" in argv
    assert ("--sun-misc-unsafe-memory-access=allow" in argv) == (feature >= 23)
    # the JVM itself accepts every option of the line
    check = subprocess.run([*argv[:argv.index("-jar")], "-version"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_a_memory_budget_lowers_the_limits_to_fit_and_java_accepts_them():
    argv = launch_command(shutil.which("java"), MEM_LIMIT="2g")
    assert option(argv, "-Xmx") == "512m"
    assert option(argv, "-Dorg.bytedeco.javacpp.maxbytes=") == "682m"
    assert option(argv, "-Dorg.bytedeco.javacpp.maxphysicalbytes=") == "2048m"
    assert sum(a.startswith("-Xmx") for a in argv) == 1
    check = subprocess.run([*argv[:argv.index("-jar")], "-version"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    # a budget larger than the installed limits keeps them
    installed = next(o for o in spec()["metadata"]["tl4j"]["jvm_options"] if o.startswith("-Xmx"))
    assert installed in launch_command(shutil.which("java"), MEM_LIMIT=str(1 << 40))


def test_an_account_of_a_shared_server_gets_its_own_native_cache():
    argv = launch_command(shutil.which("java"), TL4J_JAVACPP_CACHE="/home/ana/.cache/tl4j-javacpp")
    caches = [a for a in argv if a.startswith("-Dorg.bytedeco.javacpp.cachedir=")]
    assert caches == ["-Dorg.bytedeco.javacpp.cachedir=/home/ana/.cache/tl4j-javacpp"]


def test_a_memory_budget_that_is_not_a_size_is_refused():
    out = subprocess.run([sys.executable, str(kernel_dir() / "launch.py"), "--dry-run", "x.json"],
                         env=dict(os.environ, MEM_LIMIT="lots"), capture_output=True, text=True)
    assert out.returncode != 0 and "MEM_LIMIT='lots' is not a size" in out.stderr


def test_the_kernel_reads_the_memory_limit_of_its_cgroup():
    """A real cgroup (v1 or v2) with a 3 GiB memory limit: the launcher inside it sizes the JVM to fit."""
    v2 = Path("/sys/fs/cgroup/cgroup.controllers").exists()
    parent = Path("/sys/fs/cgroup") if v2 else Path("/sys/fs/cgroup/memory")
    if os.geteuid() != 0 or not os.access(parent, os.W_OK):
        pytest.skip("creating a cgroup needs root and a writable cgroup file system")
    group = parent / f"tl4j-launch-test-{os.getpid()}"
    try:
        group.mkdir()
        (group / ("memory.max" if v2 else "memory.limit_in_bytes")).write_text(str(3 << 30))
    except OSError as e:
        pytest.skip(f"cannot make a memory cgroup here: {e}")
    try:
        script = f'echo $$ > {group}/cgroup.procs && exec "$@"'
        out = subprocess.run(["sh", "-c", script, "sh", sys.executable, str(kernel_dir() / "launch.py"),
                              "--dry-run", "x.json"], env={k: v for k, v in os.environ.items() if k != "MEM_LIMIT"},
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        argv = json.loads(out.stdout)
        assert option(argv, "-Xmx") == "768m"
        assert option(argv, "-Dorg.bytedeco.javacpp.maxphysicalbytes=") == "3072m"
    finally:
        group.rmdir()


def test_an_old_java_is_refused_with_what_to_do(tmp_path):
    fake = tmp_path / "jdk11" / "bin" / "java"
    fake.parent.mkdir(parents=True)
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    (tmp_path / "jdk11" / "release").write_text('JAVA_VERSION="11.0.2"\n')
    out = subprocess.run([sys.executable, str(kernel_dir() / "launch.py"), "x.json"],
                         env=dict(os.environ, TL4J_JAVA=str(fake)), capture_output=True, text=True)
    assert out.returncode != 0
    assert "is Java 11; the course needs Java 17 or newer" in out.stderr


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
    options = cuda["metadata"]["tl4j"]["jvm_options"]
    assert "-Dtl4j.backend=CUDA" in options and "-Dtl4j.backend=CPU" not in options
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
