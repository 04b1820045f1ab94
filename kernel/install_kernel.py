"""Installs the "Java (tl4j)" Jupyter kernel into this Python environment (sys.prefix).

The kernel is JJava (from the jjava package) with the tl4j library and its runtime jars on
JJAVA_CLASSPATH. The jars are linked (or copied) next to kernel.json so that the kernel does not depend
on the Maven cache or on the build folder. kernel.json starts launch.py, which picks the JVM options
that the Java of the moment accepts. Run by `make kernel`; see kernel/README.md.
"""
import argparse
import json
import os
import shutil
import sys
from pathlib import Path

import launch

def total_memory():
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 8 * launch.GIB


def jjava_jar(prefix):
    jar = Path(prefix) / "share" / "jupyter" / "kernels" / "java" / "jjava.jar"
    if not jar.is_file():
        sys.exit(f"error: {jar} not found: install the jjava package first (make venv).")
    return jar


def sync_jars(jars, target):
    """Links (or, across file systems, copies) jars into target, skipping those already there."""
    target.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for src in jars:
        dst = target / src.name
        wanted.add(dst.name)
        s = src.stat()
        if dst.exists() and dst.stat().st_size == s.st_size and int(dst.stat().st_mtime) == int(s.st_mtime):
            continue
        tmp = dst.with_name(dst.name + ".partial")
        tmp.unlink(missing_ok=True)
        try:
            os.link(src, tmp)  # no second copy of the CUDA natives (2.4 GB)
        except OSError:
            shutil.copy2(src, tmp)
        os.replace(tmp, dst)
    for old in target.glob("*.jar"):
        if old.name not in wanted:
            old.unlink()


def kernel_spec(args, java, heap, offheap, kdir):
    """kernel.json: launch.py starts the JVM with these options and those of its Java version."""
    opts = [
        *launch.memory_options(heap, offheap),
        f"-Dorg.bytedeco.javacpp.cachedir={args.javacpp_cache}",
        "-Dorg.eclipse.deeplearning4j.helpers.disable=false",
        f"-Dtl4j.backend={args.backend.upper()}",
        "-Djava.awt.headless=true",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED",
    ]
    return {
        "argv": [sys.executable, "{resource_dir}/launch.py", "{connection_file}"],
        "display_name": args.display_name,
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "JJAVA_CLASSPATH": str(kdir / "jars" / "*"),
            "TL4J_DATA": str(args.data),
            "OMP_WAIT_POLICY": args.omp_wait,
            "OPENBLAS_THREAD_TIMEOUT": "4",  # OpenBLAS's threads sleep at once after a product
        },
        "metadata": {"tl4j": {"java": java, "jvm_options": opts,
                              "heap": launch.jvm_size(heap), "offheap": launch.jvm_size(offheap),
                              "backend": args.backend}},
    }


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--lib-jar", required=True, type=Path)
    p.add_argument("--classpath-file", required=True, type=Path, help="Maven's runtime classpath list")
    p.add_argument("--data", required=True, type=Path, help="the data set cache folder")
    p.add_argument("--javacpp-cache", required=True, type=Path, help="where JavaCPP unpacks its natives")
    p.add_argument("--name", default="tl4j")
    p.add_argument("--display-name", default="Java (tl4j)")
    p.add_argument("--backend", choices=["cpu", "cuda"], default="cpu", help="the ND4J backend on the classpath")
    p.add_argument("--omp-wait", default="PASSIVE", help="OMP_WAIT_POLICY of the kernel (PASSIVE: no spinning threads)")
    p.add_argument("--heap", default="", help="Java heap limit, e.g. 4g (default: a quarter of RAM, at most 4g)")
    p.add_argument("--offheap", default="", help="ND4J off-heap limit, e.g. 8g (default: a third of RAM, at most 8g)")
    p.add_argument("--prefix", default=sys.prefix, help="the environment to install into")
    args = p.parse_args()

    java = shutil.which("java")
    if java is None:
        sys.exit(f"error: no `java` on PATH: install a JDK {launch.MIN_JAVA} or newer.")
    feature = launch.java_version(java)
    if feature < launch.MIN_JAVA:
        sys.exit(f"error: {java} is Java {feature}; the course needs Java {launch.MIN_JAVA} or newer first on PATH.")
    heap, offheap = launch.default_limits(total_memory())
    if args.heap:
        heap = launch.parse_size(args.heap)
    if args.offheap:
        offheap = launch.parse_size(args.offheap)

    jars = [args.lib_jar] + [Path(j) for j in args.classpath_file.read_text().strip().split(os.pathsep) if j]
    missing = [str(j) for j in jars if not j.is_file()]
    if missing:
        sys.exit("error: missing jars (run `make lib`): " + ", ".join(missing))

    kdir = Path(args.prefix) / "share" / "jupyter" / "kernels" / args.name
    kdir.mkdir(parents=True, exist_ok=True)
    shutil.copy2(jjava_jar(args.prefix), kdir / "jjava.jar")
    shutil.copy2(Path(launch.__file__), kdir / "launch.py")
    sync_jars(jars, kdir / "jars")
    args.data = args.data.resolve()
    args.javacpp_cache = args.javacpp_cache.resolve()
    spec = kernel_spec(args, java, heap, offheap, kdir)
    tmp = kdir / "kernel.json.partial"
    tmp.write_text(json.dumps(spec, indent=2) + "\n")
    os.replace(tmp, kdir / "kernel.json")
    size = sum(f.stat().st_size for f in (kdir / "jars").glob("*.jar"))
    print(f"kernel: installed '{args.display_name}' in {kdir} "
          f"({len(jars)} jars, {size / (1 << 20):.0f} MiB; "
          f"heap {launch.jvm_size(heap)}, off-heap {launch.jvm_size(offheap)}); "
          f"Java {feature} ({java}): {launch.exit_in_a_cell(feature)}")


if __name__ == "__main__":
    main()
