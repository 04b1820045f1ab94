"""A class on JupyterHub (hub/): real accounts of this machine log in with their passwords, run Java in
their own JupyterLab, fetch and submit an exercise through nbgrader's exchange; the instructor collects,
grades in the sandbox and returns feedback. Needs root (accounts, cgroups, a hub that starts servers as
other users), as CI runs; skipped otherwise."""
import asyncio
import csv
import json
import os
import pwd
import secrets
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hub"))
sys.path.insert(0, str(ROOT / "kernel"))
import install  # noqa: E402 (the hub's installer: which Python every account can run)
import launch  # noqa: E402 (the kernel's launcher: how it reads its cgroup's memory limit)
from test_exercises import answered, notebook

HUB_VENV = ROOT / ".hub" / "venv"
PREFIX = "tl4jt"
STUDENTS = [f"{PREFIX}-ana", f"{PREFIX}-bruno", f"{PREFIX}-carla"]
INSTRUCTOR = f"{PREFIX}-prof"
GUEST = f"{PREFIX}-guest"  # an account of the machine, not of the class
GROUPS = {"students": f"{PREFIX}-students", "instructors": f"{PREFIX}-instructors"}
MEMORY = 3 << 30

pytestmark = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("useradd"),
                                reason="the hub test makes accounts of this machine and starts servers as them: "
                                       "it needs root and useradd (CI runs as root)")


def sh(*args, check=True, **kw):
    result = subprocess.run(args, capture_output=True, text=True, **kw)
    assert not check or result.returncode == 0, f"{args}: {result.stdout[-2000:]} {result.stderr[-2000:]}"
    return result


def free_port():
    """A port P with P, P+1 (the proxy's API) and P+81 (the hub's) free."""
    for _ in range(50):
        port = 20000 + secrets.randbelow(20000)
        try:
            for p in (port, port + 1, port + 81):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", p))
            return port
        except OSError:
            continue
    raise RuntimeError("no free port")


class Hub:
    def __init__(self, url, token, passwords, exchange):
        self.url, self.token, self.passwords, self.exchange = url, token, passwords, exchange

    def call(self, method, path, body=None, token=None, form=None):
        data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
        if form is not None:
            path += "?" + "&".join(f"{k}={v}" for k, v in form.items())
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Authorization": f"token {token or self.token}"} if token != "" else {})
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                text = r.read().decode()
                return r.status, (json.loads(text) if text.strip()[:1] in ("{", "[") else text)
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def login_form(self, name, password):
        """Logs in through the hub's login page, as a student's browser does; returns where it sends them."""
        jar = http.cookiejar.CookieJar()

        class Stay(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args):
                return None
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), Stay)
        browser.open(self.url + "/hub/login", timeout=60).read()
        xsrf = next(c.value for c in jar if c.name == "_xsrf")
        form = urllib.parse.urlencode({"username": name, "password": password, "_xsrf": xsrf}).encode()
        try:
            browser.open(self.url + "/hub/login", data=form, timeout=60)
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Location", "")
        return 200, ""

    def login(self, name, password):
        """A token for this account, from its password (checked by PAM, as the login page does)."""
        return self.call("POST", f"/hub/api/users/{name}/tokens", token="",
                         body={"auth": {"username": name, "password": password}, "note": "test", "expires_in": 3600})

    def start(self, name, token):
        status, _ = self.call("POST", f"/hub/api/users/{name}/server", token=token)
        assert status in (201, 202), status
        deadline = time.time() + 180
        while time.time() < deadline:
            status, user = self.call("GET", f"/hub/api/users/{name}", token=token)
            if status == 200 and user["servers"].get("", {}).get("ready"):
                return
            time.sleep(1)
        raise AssertionError(f"{name}'s server did not start")


def execute(hub, name, token, code, timeout=300):
    """Runs code in a new "Java (tl4j)" kernel of this person's server; returns (stdout, error text)."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect
    status, kernel = hub.call("POST", f"/user/{name}/api/kernels", token=token, body={"name": "tl4j"})
    assert status == 201, kernel

    async def run():
        ws_url = hub.url.replace("http", "ws") + f"/user/{name}/api/kernels/{kernel['id']}/channels"
        ws = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {token}"},
                                                 connect_timeout=60))
        msg_id = uuid.uuid4().hex
        ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": name, "session": uuid.uuid4().hex, "msg_type": "execute_request",
                       "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        out, err = [], []
        deadline = time.time() + timeout
        while time.time() < deadline:
            raw = await asyncio.wait_for(ws.read_message(), timeout=deadline - time.time())
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                out.append(content["text"])
            elif kind == "error":
                err.append(content["ename"] + ": " + content["evalue"] + "\n" + "\n".join(content.get("traceback", [])))
            elif kind == "status" and content["execution_state"] == "idle":
                break
        ws.close()
        return "".join(out), "".join(err)
    try:
        return asyncio.run(run())
    finally:
        hub.call("DELETE", f"/user/{name}/api/kernels/{kernel['id']}", token=token)


def as_user(name, *args, cwd=None, check=True):
    """A command run by this account, with the environment its own server would give nbgrader."""
    account = pwd.getpwnam(name)
    env = {"PATH": f"{HUB_VENV / 'bin'}:/usr/bin:/bin", "HOME": account.pw_dir, "USER": name,
           "PYTHONPATH": str(ROOT / "hub"), "TL4J_EXCHANGE": HUB_STATE["exchange"], "LANG": "C.UTF-8",
           "JUPYTER_CONFIG_PATH": str(ROOT / "hub" / ("instructor" if name == INSTRUCTOR else "student")),
           "TL4J_DATA": str(ROOT / "datasets" / "cache"), "TL4J_CELL_TIMEOUT": "60"}
    return sh("setpriv", f"--reuid={account.pw_uid}", f"--regid={account.pw_gid}", "--init-groups", "--",
              "env", "-i", *(f"{k}={v}" for k, v in env.items()), *args, cwd=cwd or account.pw_dir, check=check)


HUB_STATE = {}


def remove_accounts():
    for name in STUDENTS + [INSTRUCTOR, GUEST]:
        sh("pkill", "-KILL", "-u", name, check=False)
    time.sleep(1)
    for name in STUDENTS + [INSTRUCTOR, GUEST]:
        sh("userdel", "-r", name, check=False)
    for group in GROUPS.values():
        sh("groupdel", group, check=False)
    for cgroup in [c for root in ("", "memory", "pids") for c in Path("/sys/fs/cgroup", root, "tl4j-hub").glob(f"{PREFIX}-*")]:
        try:
            cgroup.rmdir()
        except OSError:
            pass


def open_the_way(path):
    """Lets every account pass through the folders above path (o+x, not o+r), as they can on a server where
    the course is installed for a class; returns what to put back."""
    closed = [(folder, folder.stat().st_mode) for folder in path.parents
              if not folder.stat().st_mode & stat.S_IXOTH]
    for folder, mode in closed:
        folder.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)
    return closed


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    assert (HUB_VENV / "bin" / "jupyterhub").exists(), "make hub-setup did not build the class's environment"
    if not install.open_to_all(HUB_VENV / "bin" / "python"):
        pytest.skip("this machine has no Python that every account can run (make hub-setup said so): the "
                    "students' servers could not start")
    remove_accounts()  # what an interrupted run left
    state = tmp_path_factory.mktemp("hub-state")
    shared = Path(tempfile.mkdtemp(prefix="tl4j-hub-test-"))  # pytest's own folders are root's only
    shared.chmod(0o755)
    closed, proc, log = open_the_way(ROOT), None, open(state / "hub.log", "w")
    try:
        for group in GROUPS.values():
            sh("groupadd", group)
        passwords = {}
        for name in STUDENTS + [INSTRUCTOR]:
            group = GROUPS["instructors" if name == INSTRUCTOR else "students"]
            sh("useradd", "--create-home", "--shell", "/bin/bash", "--gid", group, name)
            passwords[name] = secrets.token_urlsafe(12)
            sh("chpasswd", input=f"{name}:{passwords[name]}\n")
        sh("useradd", "--create-home", GUEST)
        passwords[GUEST] = secrets.token_urlsafe(12)
        sh("chpasswd", input=f"{GUEST}:{passwords[GUEST]}\n")
        exchange = shared / "exchange"
        HUB_STATE["exchange"] = str(exchange)
        port, token = free_port(), secrets.token_hex(32)
        env = dict(os.environ, TL4J_HUB_BIND=f"http://127.0.0.1:{port}", TL4J_HUB_TOKEN=token,
                   TL4J_HUB_STATE=str(state), TL4J_EXCHANGE=str(exchange), TL4J_MEM_LIMIT=str(MEMORY),
                   TL4J_STUDENTS=GROUPS["students"], TL4J_INSTRUCTORS=GROUPS["instructors"],
                   TL4J_LANG="pt-BR")  # a class in Portuguese, as `make hub LANG=pt-BR` runs it
        proc = subprocess.Popen([str(HUB_VENV / "bin" / "jupyterhub"), "-f", str(ROOT / "hub" / "jupyterhub_config.py")],
                                cwd=state, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        hub = Hub(f"http://127.0.0.1:{port}", token, passwords, exchange)
        deadline = time.time() + 90
        while time.time() < deadline:
            assert proc.poll() is None, (state / "hub.log").read_text()[-3000:]
            try:
                if hub.call("GET", "/hub/api/")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(1)
        else:
            raise AssertionError("the hub did not answer: " + (state / "hub.log").read_text()[-3000:])
        yield hub
    finally:
        if proc is not None:
            proc.terminate()  # the hub stops the servers it started
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
        log.close()
        (ROOT / "build" / "test-artifacts").mkdir(parents=True, exist_ok=True)
        shutil.copy(state / "hub.log", ROOT / "build" / "test-artifacts" / "hub.log")
        remove_accounts()
        shutil.rmtree(shared, ignore_errors=True)
        for folder, mode in closed:
            folder.chmod(stat.S_IMODE(mode))


@pytest.fixture(scope="module")
def tokens(hub):
    out = {}
    for name in STUDENTS + [INSTRUCTOR]:
        status, where = hub.login_form(name, hub.passwords[name])  # the first log-in makes the hub's user
        assert status == 302 and "/hub/" in where, (status, where)
        status, body = hub.login(name, hub.passwords[name])
        assert status == 201, body
        out[name] = body["token"]
    for name in STUDENTS:
        hub.start(name, out[name])
    return out


def test_a_wrong_password_or_an_account_outside_the_class_is_refused(hub, tokens):
    assert hub.login(STUDENTS[0], "not-" + hub.passwords[STUDENTS[0]])[0] == 403
    assert hub.login_form(STUDENTS[0], "not-" + hub.passwords[STUDENTS[0]])[0] == 403
    assert hub.login_form(GUEST, hub.passwords[GUEST])[0] == 403  # the right password, not in the class


def test_each_student_runs_java_as_themselves_within_their_memory(hub, tokens):
    for name in STUDENTS:
        out, err = execute(hub, name, tokens[name], 'System.out.println(System.getProperty("user.name") + " " + '
                           'Runtime.getRuntime().maxMemory() + " " + org.nd4j.linalg.factory.Nd4j.ones(2, 3).sumNumber());')
        assert not err, err
        user, heap, total = out.split()
        assert user == name and float(total) == 6.0, out
        assert heap_fits(int(heap)), out  # the kernel sized its heap to the memory limit (a quarter)
        home = Path(pwd.getpwnam(name).pw_dir)
        assert (home / "tl4j" / "00-welcome.ipynb").stat().st_uid == pwd.getpwnam(name).pw_uid  # the lessons, theirs


def test_a_portuguese_class_gets_portuguese_kernels_and_jupyterlab(hub, tokens):
    """The hub runs in pt-BR: every kernel speaks Portuguese, JupyterLab starts in Portuguese on the pt-BR lessons."""
    name = STUDENTS[0]
    out, err = execute(hub, name, tokens[name], 'System.out.println(System.getenv("TL4J_LANG"));\n'
                       'System.out.println(SelfCheck.answer("backprop", 1, "zz"));')
    assert not err, err
    assert out.splitlines()[0] == "pt-BR" and out.splitlines()[1].startswith("Responda com uma letra"), out
    status, body = hub.call("GET", f"/user/{name}/lab/api/settings/@jupyterlab/translation-extension:plugin",
                            token=tokens[name])
    assert status == 200 and body["settings"]["locale"] == "pt_BR", body
    home = Path(pwd.getpwnam(name).pw_dir)
    assert (home / "tl4j" / "pt-BR" / "04-feature-extraction.ipynb").is_file()


def heap_fits(heap):
    return MEMORY // 4 * 0.8 <= heap <= MEMORY // 4


def test_a_server_and_its_kernels_live_in_the_persons_cgroup(hub, tokens, tmp_path):
    """The kernel finds itself in the person's memory cgroup, whose limit is the hub's memory limit."""
    name = STUDENTS[0]
    out, err = execute(hub, name, tokens[name], 'System.out.print(java.nio.file.Files.readString('
                       'java.nio.file.Path.of("/proc/self/cgroup")));')
    assert not err, err
    assert f"tl4j-hub/{name}" in out, out
    (tmp_path / "cgroup").write_text(out)
    assert launch.cgroup_memory_limit(proc=tmp_path / "cgroup") == MEMORY, out


def test_a_student_cannot_read_another_students_home(hub, tokens):
    ana, bruno = STUDENTS[0], STUDENTS[1]
    secret = Path(pwd.getpwnam(ana).pw_dir) / "tl4j" / "notes.txt"
    secret.write_text("ana's notes")
    os.chown(secret, pwd.getpwnam(ana).pw_uid, pwd.getpwnam(ana).pw_gid)
    out, err = execute(hub, bruno, tokens[bruno], f'System.out.println(java.nio.file.Files.readString('
                       f'java.nio.file.Path.of("{secret}")));')
    assert "ana's notes" not in out and "AccessDeniedException" in err, (out, err)


def home(name):
    return Path(pwd.getpwnam(name).pw_dir)


@pytest.fixture(scope="module")
def course(hub):
    """The instructor's course folder (a copy of exercises/), every assignment generated, backprop released."""
    folder = home(INSTRUCTOR) / "tl4j-course"
    folder.mkdir()
    for item in ("nbgrader_config.py", "grade.py", "sandbox.py", "output_limit.py", "source"):
        src = ROOT / "exercises" / item
        (shutil.copytree if src.is_dir() else shutil.copy)(src, folder / item)
    sh("chown", "-R", f"{INSTRUCTOR}:", str(folder))
    for assignment in sorted(p.name for p in (folder / "source").iterdir() if p.is_dir()):
        as_user(INSTRUCTOR, "nbgrader", "generate_assignment", assignment, "--force", cwd=folder)
    as_user(INSTRUCTOR, "nbgrader", "release_assignment", "backprop", "--force", cwd=folder)
    return folder


def action(hub, name, token, what):
    status, body = hub.call("POST", f"/user/{name}/assignments/{what}", token=token,
                            form={"assignment_id": "backprop", "course_id": "tl4j"})
    assert status == 200 and body["success"] is True, body
    return body["value"]


STEAL = """for (String f : List.of("{course}/source/backprop/backprop.ipynb", "{course}/submitted/{ana}/backprop/backprop.ipynb")) {{
    try {{ System.out.println("LEAKED " + java.nio.file.Files.readString(java.nio.file.Path.of(f)).length()); }}
    catch (Exception e) {{ System.out.println("no access to " + f); }}
}}"""


@pytest.fixture(scope="module")
def collected(hub, tokens, course):
    """Ana answers every question, Bruno none, through their servers; Carla answers with code that reaches for
    the solutions and Ana's work, then submits a blank notebook in Ana's name from her account with nbgrader's
    own command; the instructor collects. Returns what collect printed."""
    ana, bruno, carla = STUDENTS
    for name in (ana, bruno):
        listing = action(hub, name, tokens[name], "fetch")
        assert any(a["assignment_id"] == "backprop" for a in listing), listing
    mine = json.loads((home(ana) / "backprop" / "backprop.ipynb").read_text())
    nb = answered(mine, notebook(course, "source", "backprop"))
    status, body = hub.call("PUT", f"/user/{ana}/api/contents/backprop/backprop.ipynb", token=tokens[ana],
                            body={"type": "notebook", "format": "json", "content": nb})
    assert status == 200, body
    for name in (ana, bruno):
        action(hub, name, tokens[name], "submit")
    # Carla answers too, and her last answer cell tries to read the instructor's solutions and Ana's work
    action(hub, carla, tokens[carla], "fetch")
    fetched = json.loads((home(carla) / "backprop" / "backprop.ipynb").read_text())
    hers = answered(fetched, notebook(course, "source", "backprop"))
    for cell in hers["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "q3-answer":
            cell["source"] = "".join(cell["source"]) + "\n" + STEAL.format(course=course, ana=ana)
    hub.call("PUT", f"/user/{carla}/api/contents/backprop/backprop.ipynb", token=tokens[carla],
             body={"type": "notebook", "format": "json", "content": hers})
    action(hub, carla, tokens[carla], "submit")
    time.sleep(1.1)  # nbgrader's timestamps: the forgery is the newest submission in Ana's name
    as_user(carla, "nbgrader", "submit", "backprop", "--student", ana)
    result = as_user(INSTRUCTOR, "nbgrader", "collect", "backprop", cwd=course)
    return result.stdout + result.stderr


def test_collect_refuses_a_submission_in_another_students_name(collected, course):
    ana, bruno, carla = STUDENTS
    assert f"it names {ana} but {carla} made it" in collected, collected
    got = json.loads((course / "submitted" / ana / "backprop" / "backprop.ipynb").read_text())
    q1 = next("".join(c["source"]) for c in got["cells"]
              if c["metadata"].get("nbgrader", {}).get("grade_id") == "q1-answer")
    assert "not implemented yet" not in q1, q1  # Ana's own answers were collected, not Carla's blank
    assert (course / "submitted" / bruno / "backprop").is_dir()
    assert (course / "submitted" / carla / "backprop").is_dir()  # her own submission


def test_a_student_can_neither_list_the_submissions_nor_open_anothers(hub, collected):
    ana, carla = STUDENTS[0], STUDENTS[2]
    inbound = Path(HUB_STATE["exchange"]) / "tl4j" / "inbound"
    listed = as_user(carla, "ls", str(inbound), check=False)
    assert listed.returncode != 0 and "Permission denied" in listed.stderr
    hers = next(p for p in inbound.iterdir()
                if p.name.startswith(ana + "+") and p.stat().st_uid == pwd.getpwnam(ana).pw_uid)
    opened = as_user(carla, "cat", str(hers / "backprop.ipynb"), check=False)  # even knowing its random name
    assert opened.returncode != 0 and "Permission denied" in opened.stderr


def test_the_instructor_grades_in_the_sandbox_and_students_fetch_their_feedback(hub, tokens, collected, course):
    ana, bruno = STUDENTS[0], STUDENTS[1]
    bwrap = ROOT / ".cache" / "bubblewrap" / "usr" / "bin" / "bwrap"
    extra = [f"TL4J_BWRAP={bwrap}"] if bwrap.is_file() else []
    result = as_user(INSTRUCTOR, "env", *extra, str(HUB_VENV / "bin" / "python"), "grade.py", "submitted", cwd=course)
    assert "WITHOUT a sandbox" not in result.stdout, result.stdout
    with open(course / "grades" / "grades.csv") as f:
        rows = {row["student"]: row for row in csv.DictReader(f)}
    assert float(rows[ana]["backprop"]) == 6 and float(rows[bruno]["backprop"]) == 0, rows
    assert float(rows[STUDENTS[2]]["backprop"]) == 6, rows  # what her honest cells earn, nothing more
    graded = json.loads((course / "autograded" / STUDENTS[2] / "backprop" / "backprop.ipynb").read_text())
    said = "".join("".join(o.get("text", "")) for c in graded["cells"] for o in c.get("outputs", []))
    assert "LEAKED" not in said and said.count("no access to") == 2, said
    as_user(INSTRUCTOR, "nbgrader", "release_feedback", "backprop", cwd=course)
    action(hub, ana, tokens[ana], "fetch_feedback")
    pages = list((home(ana) / "backprop" / "feedback").rglob("backprop.html"))
    assert len(pages) == 1 and "6.0" in pages[0].read_text(), pages
    assert not (home(bruno) / "backprop" / "feedback").exists()  # his feedback waits for him to ask for it


def test_students_get_the_assignment_list_and_only_the_instructor_the_formgrader(hub, tokens, course):
    ana = STUDENTS[0]
    hub.start(INSTRUCTOR, tokens[INSTRUCTOR])
    assert hub.call("GET", f"/user/{ana}/formgrader", token=tokens[ana])[0] == 404
    assert hub.call("GET", f"/user/{ana}/assignments", token=tokens[ana], form={"course_id": "tl4j"})[0] == 200
    status, page = hub.call("GET", f"/user/{ana}/lab", token=tokens[ana])
    config = json.loads(page.split('id="jupyter-config-data" type="application/json">')[1].split("</script>")[0])
    assert status == 200 and "@jupyter/nbgrader:formgrader" in config["disabledExtensions"], config
    assert "@jupyter/nbgrader:assignment-list" not in config["disabledExtensions"]
    status, listing = hub.call("GET", f"/user/{INSTRUCTOR}/formgrader/api/assignments", token=tokens[INSTRUCTOR])
    assert status == 200 and "backprop" in json.dumps(listing), listing
