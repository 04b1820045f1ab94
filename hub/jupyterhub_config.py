"""JupyterHub for a class on one server: students and instructors are accounts of this machine.

Run by `make hub` as root (JupyterHub starts each person's JupyterLab as that person). Students log in
with their account's password (PAM) and land in JupyterLab on the course: the lessons are copied into
~/tl4j at their first start, the exercises come through nbgrader's Assignments tab. Members of the
group TL4J_INSTRUCTORS (default tl4j-instructors) also get nbgrader's Formgrader and are the hub's
admins. Each person's server and kernels run in a memory, processes and cpu cgroup of their own.

Settings, all from the environment: TL4J_HUB_BIND (default http://127.0.0.1:8000: this machine only;
put a TLS proxy in front to open it), TL4J_STUDENTS / TL4J_INSTRUCTORS (groups), TL4J_MEM_LIMIT (per
person, default 4G), TL4J_PROCESSES (per person, default 2048), TL4J_EXCHANGE (nbgrader's exchange
folder, default /srv/tl4j/exchange), TL4J_HUB_STATE (the hub's database and secrets, default .hub/state),
TL4J_HUB_TOKEN (an API token for an admin service named tl4j-admin, for scripts; none if unset).
See hub/README.md.
"""
import os
import sys
from pathlib import Path
from urllib.parse import urlparse

HUB = Path(__file__).resolve().parent
ROOT = HUB.parent
VENV = ROOT / ".hub" / "venv"
STATE = Path(os.environ.get("TL4J_HUB_STATE", ROOT / ".hub" / "state"))
STUDENTS = os.environ.get("TL4J_STUDENTS", "tl4j-students")
INSTRUCTORS = os.environ.get("TL4J_INSTRUCTORS", "tl4j-instructors")
EXCHANGE = os.environ.get("TL4J_EXCHANGE", "/srv/tl4j/exchange")
sys.path.insert(0, str(HUB))
from spawner import CourseSpawner  # noqa: E402 (next to this file)

c = get_config()  # noqa: F821 (provided by JupyterHub)

STATE.mkdir(parents=True, exist_ok=True, mode=0o700)
Path(EXCHANGE).mkdir(parents=True, exist_ok=True)
os.chmod(EXCHANGE, 0o1777)  # nbgrader's exchange: anyone may create in it, the sticky bit keeps it theirs
c.JupyterHub.bind_url = os.environ.get("TL4J_HUB_BIND", "http://127.0.0.1:8000")
PORT = urlparse(c.JupyterHub.bind_url).port or 80
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PORT + 1}"  # 8001 and 8081 next to 8000,
c.JupyterHub.hub_port = PORT + 81  # as JupyterHub's defaults are
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.command = [str(HUB / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")

# who may log in: accounts of this machine in the class's groups; instructors administer the hub
c.JupyterHub.authenticator_class = "pam"
c.LocalAuthenticator.allowed_groups = {STUDENTS, INSTRUCTORS}
c.LocalAuthenticator.admin_groups = {INSTRUCTORS}

# each person's JupyterLab, in the class's environment, capped
c.JupyterHub.spawner_class = CourseSpawner
c.Spawner.cmd = [str(VENV / "bin" / "jupyterhub-singleuser")]
# a class in Brazilian Portuguese (TL4J_LANG=pt-BR, `make hub LANG=pt-BR`): the pt-BR lessons first, JupyterLab and
# every kernel in Portuguese
LANGUAGE = "pt-BR" if os.environ.get("TL4J_LANG", "").replace("_", "-") == "pt-BR" else "en"
c.Spawner.default_url = "/lab/tree/tl4j" + ("/pt-BR" if LANGUAGE == "pt-BR" else "")
c.Spawner.notebook_dir = "~"
MEMORY = os.environ.get("TL4J_MEM_LIMIT", "4G")
c.Spawner.mem_limit = int(MEMORY) if MEMORY.isdigit() else MEMORY  # bytes, or 4G, 512M
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 120
c.CourseSpawner.processes = int(os.environ.get("TL4J_PROCESSES", "2048"))
c.CourseSpawner.lessons = str(ROOT / "notebooks")
c.CourseSpawner.javacpp_cache = str(ROOT / ".cache" / "javacpp")
c.CourseSpawner.instructors = INSTRUCTORS
c.CourseSpawner.language = LANGUAGE
c.CourseSpawner.config_folders = {"student": str(HUB / "student"), "instructor": str(HUB / "instructor")}
c.Spawner.environment = {
    "PATH": f"{VENV / 'bin'}:/usr/local/bin:/usr/bin:/bin",
    "PYTHONPATH": str(HUB),  # the class's nbgrader exchange (exchange.py)
    "TL4J_EXCHANGE": EXCHANGE,
}

# an admin service for scripts (adding servers, tokens): only when a token is given
if os.environ.get("TL4J_HUB_TOKEN"):
    c.JupyterHub.services = [{"name": "tl4j-admin", "api_token": os.environ["TL4J_HUB_TOKEN"]}]
    c.JupyterHub.load_roles = [{"name": "tl4j-admin", "services": ["tl4j-admin"],
                                "scopes": ["admin:users", "admin:servers", "tokens", "access:servers"]}]
