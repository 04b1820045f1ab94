"""Starts one grading kernel inside a sandbox: the kernel of the grading-only kernelspec "tl4j-grading".

    python sandbox.py <kernel dir> {connection_file} {cwd}

Autograding runs a student's code. Here it runs in bubblewrap (bwrap, Debian's package "bubblewrap"), the
sandbox Flatpak uses, with limits from the kernel itself (prlimit, util-linux):
- it sees the system's programs and libraries read-only, the course's kernel, library and data cache
  read-only, a copy of its own submission in a private size-capped tmpfs (its home and working folder),
  and the connection file; nothing else of the machine: no course folder, no gradebook, no other submission;
- its own PID, IPC and UTS namespaces: it sees no other process, and every process it starts ends with
  the sandbox (bwrap's PID 1 takes them all down when the kernel ends);
- the network namespace of the grader that started it, which grade.py creates holding only a loopback
  interface: the kernel can answer the grader on 127.0.0.1 and reach nothing else;
- run as root (CI, a hub server), the kernel drops to an unprivileged user id of its own (TL4J_SANDBOX_UID)
  and goes into a memory, pids and cpu cgroup of its own (its share of the processors when they are
  busy is that of any other kernel); run as a user, it keeps that user's id inside a user namespace
  (still seeing only what is listed above) and the JVM's own heap limits bound its memory;
- CPU seconds, processes and the size of a file it writes are capped (prlimit); the private tmpfs caps the
  space it can fill.
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

HOME = "/home/student"
SUBMISSION = "/submission"
WORK_LIMIT = os.environ.get("TL4J_SANDBOX_DISK", str(256 * 1024 * 1024))     # bytes of private tmpfs
CPU_SECONDS = os.environ.get("TL4J_SANDBOX_CPU", "1800")                      # CPU seconds of the kernel
PROCESSES = os.environ.get("TL4J_SANDBOX_PROCESSES", "1024")                  # threads and processes
FILE_SIZE = os.environ.get("TL4J_SANDBOX_FILE", str(128 * 1024 * 1024))       # bytes of one file
MEMORY = os.environ.get("TL4J_SANDBOX_MEMORY", str(6 * 1024 ** 3))            # cgroup memory (as root)
KEEP_ENV = ("JJAVA_CLASSPATH", "TL4J_DATA", "OMP_WAIT_POLICY", "OPENBLAS_THREAD_TIMEOUT", "OMP_NUM_THREADS", "LANG",
            "TL4J_PROFILE", "TL4J_LANG",
            "TL4J_CELL_TIMEOUT", "NBGRADER_EXECUTION")
SYSTEM = ("/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32", "/etc")


def bwrap():
    """bubblewrap: $TL4J_BWRAP, the one on PATH, or the copy `make sandbox` unpacked from Debian's package
    into the course's .cache/."""
    if os.environ.get("TL4J_BWRAP"):
        return os.environ["TL4J_BWRAP"]
    found = shutil.which("bwrap")
    if found:
        return found
    local = Path(__file__).resolve().parent.parent / ".cache" / "bubblewrap" / "usr" / "bin" / "bwrap"
    return str(local) if local.is_file() else None


def java_command(kernel_dir, connection_file):
    """The kernel's own java command line (the same as the students' kernel), from its launch.py."""
    sys.path.insert(0, str(kernel_dir))
    import launch  # noqa: E402 (the kernel folder's launcher)
    spec = json.loads((kernel_dir / "kernel.json").read_text())
    os.environ["MEM_LIMIT"] = MEMORY  # heap and off-heap limits sized to fit the sandbox's memory
    return launch.command(spec, connection_file, kernel_dir)


def native_cache(argv):
    """JavaCPP's cache of unpacked native libraries (it uses the folder only if it can write there)."""
    for opt in argv:
        if opt.startswith("-Dorg.bytedeco.javacpp.cachedir="):
            return Path(opt.split("=", 1)[1]).resolve()
    return None


def read_only_paths(kernel_dir, argv):
    """What the kernel needs to read besides the system: its folder (and the jars it links to), the
    JDK, the data cache."""
    paths = [kernel_dir, Path(os.path.realpath(argv[0])).parent.parent]
    if os.environ.get("TL4J_DATA"):
        paths.append(Path(os.environ["TL4J_DATA"]))
    jars = kernel_dir / "jars"
    if jars.is_dir():
        paths += sorted({Path(os.path.realpath(j)).parent for j in jars.iterdir()})
    return [p.resolve() for p in paths if p.exists()]


class Slot:
    """A number no other running sandbox holds: its user id is the base id plus this number, so that limits
    counted per user (processes) are each kernel's own. Held by an exclusive lock on a file, which the
    system releases when this launcher ends, however it ends."""

    def __init__(self, number, handle):
        self.number = number
        self.handle = handle


def own_slot(slots=256):
    import fcntl
    folder = Path(tempfile.gettempdir()) / f"tl4j-sandbox-slots-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    for n in range(slots):
        handle = open(folder / str(n), "a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return Slot(n, handle)
        except BlockingIOError:
            handle.close()
    raise SystemExit(f"tl4j sandbox: all {slots} sandbox slots are taken")


def die_with_parent():
    """This launcher ends when the process that started it (nbgrader) ends, however it ends; bwrap
    (--die-with-parent) and the kernel end with it."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def cgroups(parent, name, memory, processes):
    """Memory, pids and cpu cgroups (v1 or v2) parent/name with these limits, when this process may create
    them (root); [] otherwise. Empty ones left under parent by ended launchers are removed first. The cpu group
    gives each kernel an equal share of the processors when they are busy, however many threads it spins."""
    made = []
    v2 = Path("/sys/fs/cgroup/cgroup.controllers")
    roots = [Path("/sys/fs/cgroup")] if v2.exists() else [Path("/sys/fs/cgroup", c) for c in ("memory", "pids", "cpu")]
    if v2.exists():
        try:
            (roots[0] / parent).mkdir(exist_ok=True)
            for controller in ("+memory", "+pids", "+cpu"):  # the controllers parent/name may use
                for d in (roots[0], roots[0] / parent):
                    try:
                        (d / "cgroup.subtree_control").write_text(controller)
                    except OSError:
                        pass
        except OSError:
            pass
    for root in roots:
        for stale in (root / parent).glob("*"):
            try:
                if stale.is_dir() and stale.name != name and abandoned(stale):
                    stale.rmdir()  # succeeds only once every process in it has ended
            except OSError:
                pass
        try:
            d = root / parent / name
            d.mkdir(parents=True, exist_ok=True)
            made.append(d)
        except OSError:
            continue
    limits = [("pids.max", processes)]
    if memory:
        limits += [("memory.limit_in_bytes", memory), ("memory.max", memory), ("memory.memsw.limit_in_bytes", memory),
                   ("memory.swap.max", "0")]
    for d in made:
        for file, value in limits:
            try:
                (d / file).write_text(value)
            except OSError:
                pass
    return made


def abandoned(group):
    """True for a kernel's group (kernel-<pid of its launcher>) whose launcher has ended. A launcher that
    is still starting has made its group but not yet entered it: empty is not enough."""
    found = re.fullmatch(r"kernel-(\d+)", group.name)
    return found is not None and not Path("/proc", found.group(1)).exists()


def staging(slot, connection_file, cwd, uid):
    """What the sandbox gets from the grader, in a folder its user can read: a copy of the submission
    (symbolic links kept as links: they point nowhere inside), of the connection file (readable by the
    kernel's user only), and an /etc/passwd and /etc/group naming its one user "student"."""
    inside = uid if uid is not None else os.getuid()
    stage = Path(tempfile.gettempdir()) / f"tl4j-sandbox-{os.getuid()}-{slot.number}"  # this slot's, so
    shutil.rmtree(stage, ignore_errors=True)  # what a killed launcher left is cleared by the next one
    stage.mkdir(mode=0o755)
    stage.chmod(0o755)
    (stage / "passwd").write_text(f"student:x:{inside}:{inside}:student:{HOME}:/bin/sh\n")
    (stage / "group").write_text(f"student:x:{inside}:\n")
    shutil.copytree(cwd, stage / "submission", symlinks=True)
    for path in [stage / "passwd", stage / "group", *(stage / "submission").rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)
    (stage / "submission").chmod(0o755)
    shutil.copyfile(connection_file, stage / "connection.json")
    os.chmod(stage / "connection.json", 0o600)
    if uid is not None:
        os.chown(stage / "connection.json", uid, uid)
    return stage


def sandbox_command(kernel_dir, connection_file, stage, uid=None):
    argv = java_command(kernel_dir, connection_file)
    cmd = [bwrap(), "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
           "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
    for p in SYSTEM:
        if os.path.exists(p):
            cmd += ["--ro-bind", p, p]
    cmd += ["--proc", "/proc", "--dev", "/dev", "--size", WORK_LIMIT, "--tmpfs", "/tmp"]
    for p in read_only_paths(kernel_dir, argv):
        cmd += ["--ro-bind", str(p), str(p)]
    cache = native_cache(argv)
    if cache and cache.is_dir():
        # a writable top folder (JavaCPP's lock file), the unpacked libraries in it read-only: a kernel
        # must not be able to plant a library that the next kernel would load
        cmd += ["--tmpfs", str(cache)]
        for entry in sorted(cache.iterdir()):
            if entry.is_dir():
                cmd += ["--ro-bind", str(entry), str(entry)]
    cmd += ["--ro-bind", str(stage / "passwd"), "/etc/passwd", "--ro-bind", str(stage / "group"), "/etc/group",
            "--ro-bind", str(stage / "connection.json"), connection_file,
            "--ro-bind", str(stage / "submission"), SUBMISSION,
            "--size", WORK_LIMIT, "--tmpfs", HOME,
            "--chdir", HOME, "--clearenv", "--setenv", "HOME", HOME, "--setenv", "USER", "student",
            "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin"]
    for var in KEEP_ENV:
        if var in os.environ:
            cmd += ["--setenv", var, os.environ[var]]
    # inside: copy the submission into the private home, cap the kernel, become the JVM
    limits = ["prlimit", f"--cpu={CPU_SECONDS}", f"--nproc={PROCESSES}", f"--fsize={FILE_SIZE}", "--core=0", "--"]
    cmd += ["--", "/bin/sh", "-c", f'cp -R {SUBMISSION}/. {HOME}/ 2>/dev/null; exec "$@"', "sandbox", *limits, *argv]
    if uid is not None:
        cmd = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all", "--"] + cmd
    return cmd


def probe():
    """Why kernels cannot be sandboxed on this machine, or None: the sandbox's own set-up, tried once."""
    if not sys.platform.startswith("linux"):
        return "sandboxed grading needs Linux (bubblewrap and namespaces); this is " + sys.platform
    found = bwrap()
    if found is None:
        return "bubblewrap (bwrap) is not installed: run `make sandbox`, or install Debian's package bubblewrap"
    cmd = [found, "--unshare-user", "--unshare-pid", "--unshare-net", "--ro-bind", "/", "/", "--proc", "/proc",
           "--die-with-parent", "true"]
    if os.geteuid() == 0:
        uid = os.environ.get("TL4J_SANDBOX_UID", "64000")
        cmd = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--"] + cmd
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"bubblewrap could not start: {e}"
    if done.returncode != 0:
        return "bubblewrap cannot create the sandbox's namespaces here: " + done.stderr.strip()[:300]
    return None


def network_namespace(command):
    """The command in a network namespace of its own holding only a loopback interface (the grader and the
    kernels it starts talk over it; nothing else is reachable)."""
    cmd = [bwrap(), "--dev-bind", "/", "/", "--unshare-net", "--die-with-parent"]
    if os.geteuid() != 0:
        cmd.append("--unshare-user")
    return cmd + ["--", *command]


def main(args):
    if len(args) != 3:
        raise SystemExit("usage: sandbox.py <kernel dir> <connection file> <working dir>")
    kernel_dir, connection_file, cwd = Path(args[0]).resolve(), args[1], os.path.realpath(args[2])
    die_with_parent()
    if bwrap() is None:
        raise SystemExit("tl4j sandbox: bubblewrap (bwrap) is not installed: run `make sandbox`, or install "
                         "Debian's package bubblewrap")
    uid = None
    groups = []
    slot = own_slot()  # held until this launcher ends
    if os.geteuid() == 0:
        uid = int(os.environ.get("TL4J_SANDBOX_UID", "64000")) + slot.number
        groups = cgroups("tl4j-grading", f"kernel-{os.getpid()}", MEMORY, PROCESSES)
    stage = staging(slot, connection_file, cwd, uid)
    cmd = sandbox_command(kernel_dir, connection_file, stage, uid)
    if os.environ.get("TL4J_SANDBOX_DRY_RUN"):
        shutil.rmtree(stage, ignore_errors=True)
        print(json.dumps(cmd))
        return

    def enter_cgroups():  # in the child, before bwrap starts: it and all it starts are counted there
        for d in groups:
            (d / "cgroup.procs").write_text(str(os.getpid()))

    proc = subprocess.Popen(cmd, preexec_fn=enter_cgroups if groups else None)
    try:
        code = proc.wait()
    finally:
        shutil.rmtree(stage, ignore_errors=True)
        for d in groups:
            try:
                d.rmdir()
            except OSError:
                pass
    sys.exit(code)


if __name__ == "__main__":
    main(sys.argv[1:])
