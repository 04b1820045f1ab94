"""Starts the "Java (tl4j)" kernel: finds the Java to run, gives it the options that Java accepts, then
becomes that JVM (exec), so Jupyter talks to the JVM itself.

kernel.json runs this script; install_kernel.py copies it into the kernel folder and writes into
kernel.json's metadata the java found at install and the course's JVM options. The Java's version is
read at every start, so a JDK upgraded or switched after `make` still gets options it accepts.

Which java: $TL4J_JAVA if set, else the one recorded at install if it still exists, else `java` on PATH.
Memory: the installed heap and off-heap limits, lowered to fit $MEM_LIMIT (what JupyterHub's spawners and
the grader's sandbox set) or else the memory limit of the kernel's own cgroup, when there is one.
`python launch.py --dry-run <connection file>` prints the command instead of running it.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

MIN_JAVA = 17
# Java 24 removed the Security Manager: -Djava.security.manager=allow stops the JVM at start (JEP 486).
NO_SECURITY_MANAGER = 24
# From Java 23 sun.misc.Unsafe's memory methods warn unless allowed (JEP 471); JavaCPP uses them.
UNSAFE_OPTION = 23


GIB = 1 << 30
# The memory options the installer writes, and what each takes of a memory budget when one is set.
HEAP, OFFHEAP, PHYSICAL = "-Xmx", "-Dorg.bytedeco.javacpp.maxbytes=", "-Dorg.bytedeco.javacpp.maxphysicalbytes="
NATIVE_CACHE = "-Dorg.bytedeco.javacpp.cachedir="
NO_CGROUP_LIMIT = 1 << 60  # cgroup v1 writes a number near 2^63 for "no limit"


def parse_size(text):
    """'4g' / '512m' / '1073741824' -> bytes."""
    t = text.strip().lower()
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
    if t and t[-1] in units:
        return int(float(t[:-1]) * units[t[-1]])
    return int(t)


def jvm_size(nbytes):
    """Bytes -> a JVM/JavaCPP size: whole megabytes, e.g. '4096m'."""
    return f"{max(1, nbytes >> 20)}m"


def default_limits(ram):
    """Heap: a quarter of RAM, 1-4 GiB. Off-heap (ND4J arrays): a third of RAM, 1-8 GiB."""
    heap = min(4 * GIB, max(GIB, ram // 4))
    offheap = min(8 * GIB, max(GIB, ram // 3))
    return heap, offheap


def memory_options(heap, offheap, cap=None):
    """The JVM options of these limits; the process as a whole may use 2 GiB more (code, threads, natives),
    but never more than cap when one is given."""
    physical = heap + offheap + 2 * GIB
    return [f"{HEAP}{jvm_size(heap)}", f"{OFFHEAP}{jvm_size(offheap)}",
            f"{PHYSICAL}{jvm_size(physical if cap is None else min(physical, cap))}"]


def cgroup_memory_limit(proc="/proc/self/cgroup", root="/sys/fs/cgroup"):
    """This process's cgroup memory limit in bytes (v2 or v1), or None."""
    try:
        lines = Path(proc).read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if controllers == "":
            file = Path(root) / path.lstrip("/") / "memory.max"
        elif "memory" in controllers.split(","):
            file = Path(root) / "memory" / path.lstrip("/") / "memory.limit_in_bytes"
        else:
            continue
        try:
            value = file.read_text().strip()
        except OSError:
            continue
        if value.isdigit() and int(value) < NO_CGROUP_LIMIT:
            return int(value)
    return None


def memory_budget():
    """Bytes the kernel may use: $MEM_LIMIT, else its cgroup's limit, else None (no budget)."""
    text = os.environ.get("MEM_LIMIT", "").strip()
    if text:
        try:
            return parse_size(text)
        except ValueError:
            raise SystemExit(f"tl4j: MEM_LIMIT={text!r} is not a size (bytes, or a number with k, m, g).")
    return cgroup_memory_limit()


def fitted(options, budget):
    """The JVM options with heap and off-heap limits that fit in the budget: a quarter of it for the heap,
    a third for ND4J's arrays, the whole for the process; installed limits that already fit stay."""
    if budget is None:
        return list(options)
    installed = {k: parse_size(o[len(k):]) for o in options for k in (HEAP, OFFHEAP) if o.startswith(k)}
    heap = min(installed.get(HEAP, budget), max(64 << 20, budget // 4))
    offheap = min(installed.get(OFFHEAP, budget), max(64 << 20, budget // 3))
    kept = [o for o in options if not o.startswith((HEAP, OFFHEAP, PHYSICAL))]
    return [*memory_options(heap, offheap, cap=budget), *kept]


def own_native_cache(options):
    """The options with JavaCPP's cache folder set to $TL4J_JAVACPP_CACHE when that is set: JavaCPP writes a
    lock file there, so each account on a shared server needs its own (hub/spawner.py links the natives)."""
    folder = os.environ.get("TL4J_JAVACPP_CACHE")
    if not folder:
        return list(options)
    return [o for o in options if not o.startswith(NATIVE_CACHE)] + [f"{NATIVE_CACHE}{folder}"]


def parse_version(text):
    """'17.0.15', '25', '1.8.0_402' -> the feature version (17, 25, 8)."""
    m = re.match(r"(\d+)(?:\.(\d+))?", text.strip())
    if not m:
        raise ValueError(f"not a Java version: {text!r}")
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


def java_version(java):
    """The feature version of a java executable: from its JDK's release file, else from `java -version`."""
    release = Path(os.path.realpath(java)).parent.parent / "release"
    if release.is_file():
        m = re.search(r'^JAVA_VERSION="([^"]+)"', release.read_text(errors="replace"), re.M)
        if m:
            return parse_version(m.group(1))
    said = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60).stderr
    m = re.search(r'version "([^"]+)"', said)
    if not m:
        raise ValueError(f"{java} -version did not say its version: {said.strip()[:200]}")
    return parse_version(m.group(1))


def version_options(feature):
    """JVM options that depend on the Java version."""
    opts = ["--enable-native-access=ALL-UNNAMED"]  # JavaCPP loads native code (a warning from Java 24)
    if feature < NO_SECURITY_MANAGER:
        # lets the course block System.exit in a cell, without the JDK's deprecation notice on the terminal
        opts += ["-Djava.security.manager=allow", "--add-opens", "java.base/java.lang=ALL-UNNAMED"]
    if feature >= UNSAFE_OPTION:
        opts.append("--sun-misc-unsafe-memory-access=allow")
    return opts


def exit_in_a_cell(feature):
    """What a System.exit in a cell does on this Java: the course's guard exists up to Java 23."""
    if feature < NO_SECURITY_MANAGER:
        return "a System.exit in a cell is blocked"
    return (f"Java {feature} has no Security Manager, so a System.exit in a cell ends the kernel "
            "(it says why when it restarts)")


def choose_java(recorded):
    """$TL4J_JAVA, else the java recorded at install if it still exists, else `java` on PATH."""
    chosen = os.environ.get("TL4J_JAVA")
    if chosen:
        if not os.access(chosen, os.X_OK):
            raise SystemExit(f"tl4j: TL4J_JAVA={chosen} is not an executable java.")
        return chosen
    if recorded and os.access(recorded, os.X_OK):
        return recorded
    found = shutil.which("java")
    if found is None:
        raise SystemExit(f"tl4j: the java of the kernel ({recorded}) is gone and there is no java on PATH: "
                         f"install a JDK {MIN_JAVA} or newer, then run `make lab` again.")
    print(f"tl4j: {recorded} is gone; the kernel runs {found} instead.", file=sys.stderr)
    return found


def command(spec, connection_file, kernel_dir):
    """The java command line for this kernel."""
    tl4j = spec["metadata"]["tl4j"]
    java = choose_java(tl4j["java"])
    feature = java_version(java)
    if feature < MIN_JAVA:
        raise SystemExit(f"tl4j: {java} is Java {feature}; the course needs Java {MIN_JAVA} or newer. "
                         "Put a newer JDK first on PATH (or set TL4J_JAVA) and start the kernel again.")
    return [java, *own_native_cache(fitted(tl4j["jvm_options"], memory_budget())), *version_options(feature),
            f"-Dtl4j.connection.file={connection_file}",
            "-jar", str(kernel_dir / "jjava.jar"), connection_file]


def course_language(folder, chosen=None):
    """The language of the library's messages: TL4J_LANG when set, else pt-BR for a notebook in a pt-BR folder
    (the kernel starts in the notebook's folder), else English."""
    if chosen:
        return chosen
    return "pt-BR" if "pt-BR" in Path(folder).resolve().parts else "en"


def main(args):
    dry_run = args[:1] == ["--dry-run"]
    if dry_run:
        args = args[1:]
    if len(args) != 1:
        raise SystemExit("usage: launch.py [--dry-run] <connection file>")
    kernel_dir = Path(__file__).resolve().parent
    spec = json.loads((kernel_dir / "kernel.json").read_text())
    argv = command(spec, args[0], kernel_dir)
    os.environ["TL4J_LANG"] = course_language(os.getcwd(), os.environ.get("TL4J_LANG"))
    if dry_run:
        print(json.dumps(argv))
        return
    os.execv(argv[0], argv)


if __name__ == "__main__":
    main(sys.argv[1:])
