"""JupyterHub's local-process spawner, for the course: each person's JupyterLab starts with the lessons
in ~/tl4j, the kernel's native libraries linked in, a private home, nbgrader set up for their role, the class's
language (JupyterLab's until the person picks another, and the kernels'), and
runs in memory, processes and cpu cgroups of its own (JupyterHub itself only passes MEM_LIMIT on; the kernel
sizes its heap from it, kernel/README.md)."""
import grp
import json
import os
import pwd
import shutil
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Dict, Integer, Unicode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "exercises"))
import sandbox  # noqa: E402 (the grader's sandbox: its cgroups helper)


class CourseSpawner(LocalProcessSpawner):
    lessons = Unicode(help="the lesson notebooks, copied into ~/tl4j at a person's first start").tag(config=True)
    javacpp_cache = Unicode(help="the folder where JavaCPP unpacked the kernel's native libraries").tag(config=True)
    instructors = Unicode("tl4j-instructors", help="the group whose members get the Formgrader").tag(config=True)
    config_folders = Dict(help="each role's Jupyter config folder: {'student': ..., 'instructor': ...}").tag(config=True)
    processes = Integer(2048, help="threads and processes one person may run at once").tag(config=True)
    language = Unicode("en", help="the class's language: en or pt-BR").tag(config=True)

    def account(self):
        return pwd.getpwnam(self.user.name)

    def is_instructor(self):
        account = self.account()
        group = grp.getgrnam(self.instructors)
        return account.pw_gid == group.gr_gid or self.user.name in group.gr_mem

    def prepare_home(self):
        """Private home, the lessons (once: later changes are the person's), JavaCPP's natives linked in."""
        account = self.account()
        home = Path(account.pw_dir)
        os.chmod(home, 0o700)
        lessons = home / "tl4j"
        if not lessons.exists() and self.lessons:
            shutil.copytree(self.lessons, lessons, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
            owned(lessons, account)
        natives = home / ".cache" / "tl4j-javacpp"
        natives.mkdir(parents=True, exist_ok=True)
        if self.javacpp_cache and Path(self.javacpp_cache).is_dir():
            mirror(Path(self.javacpp_cache), natives)
        owned(home / ".cache", account)
        if self.language == "pt-BR":
            setting = home / ".jupyter" / "lab" / "user-settings" / "@jupyterlab" / "translation-extension"
            if not (setting / "plugin.jupyterlab-settings").exists():  # a choice the person made stays theirs
                setting.mkdir(parents=True, exist_ok=True)
                (setting / "plugin.jupyterlab-settings").write_text(json.dumps({"locale": "pt_BR"}) + "\n")
                owned(home / ".jupyter", account)
        return natives

    def get_env(self):
        env = super().get_env()
        role = "instructor" if self.is_instructor() else "student"
        env["JUPYTER_CONFIG_PATH"] = self.config_folders.get(role, "")
        env["TL4J_JAVACPP_CACHE"] = str(Path(self.account().pw_dir) / ".cache" / "tl4j-javacpp")
        if self.language == "pt-BR":
            env["TL4J_LANG"] = "pt-BR"
        return env

    async def start(self):
        self.prepare_home()
        self.cgroups = sandbox.cgroups("tl4j-hub", self.user.name, str(self.mem_limit or ""), str(self.processes))
        return await super().start()

    def make_preexec_fn(self, name):
        become = super().make_preexec_fn(name)
        groups = list(getattr(self, "cgroups", []))

        def preexec():
            for group in groups:  # as root still: this process and all it starts go into the person's cgroups
                (group / "cgroup.procs").write_text(str(os.getpid()))
            become()
        return preexec


def mirror(shared, own):
    """JavaCPP's unpacked natives in a folder of one's own: files hard-linked (no second copy; copied across
    file systems), links re-pointed inside it. JavaCPP re-unpacks a library reached through a symbolic link
    out of its folder, and writes a lock file there: the shared folder itself cannot serve."""
    for folder, dirs, files in os.walk(shared):
        mine = own / Path(folder).relative_to(shared)
        mine.mkdir(exist_ok=True)
        for name in files:
            src, dst = Path(folder) / name, mine / name
            if dst.exists() or dst.is_symlink() or name == ".lock":
                continue
            if src.is_symlink():
                target = Path(os.readlink(src))
                if target.is_absolute() and target.is_relative_to(shared):
                    target = own / target.relative_to(shared)
                dst.symlink_to(target)
                continue
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)


def owned(path, account):
    """Gives a folder and everything in it to the account."""
    for folder, dirs, files in os.walk(path):
        os.chown(folder, account.pw_uid, account.pw_gid)
        for name in files + dirs:
            os.lchown(os.path.join(folder, name), account.pw_uid, account.pw_gid)
