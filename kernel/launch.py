"""Starts the "Java (tl4j)" kernel: finds the Java to run, gives it the options that Java accepts, then
becomes that JVM (exec), so Jupyter talks to the JVM itself.

kernel.json runs this script; install_kernel.py copies it into the kernel folder and writes into
kernel.json's metadata the java found at install and the course's JVM options. The Java's version is
read at every start, so a JDK upgraded or switched after `make` still gets options it accepts.

Which java: $TL4J_JAVA if set, else the one recorded at install if it still exists, else `java` on PATH.
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
    return [java, *tl4j["jvm_options"], *version_options(feature),
            f"-Dtl4j.connection.file={connection_file}",
            "-jar", str(kernel_dir / "jjava.jar"), connection_file]


def main(args):
    dry_run = args[:1] == ["--dry-run"]
    if dry_run:
        args = args[1:]
    if len(args) != 1:
        raise SystemExit("usage: launch.py [--dry-run] <connection file>")
    kernel_dir = Path(__file__).resolve().parent
    spec = json.loads((kernel_dir / "kernel.json").read_text())
    argv = command(spec, args[0], kernel_dir)
    if dry_run:
        print(json.dumps(argv))
        return
    os.execv(argv[0], argv)


if __name__ == "__main__":
    main(sys.argv[1:])
