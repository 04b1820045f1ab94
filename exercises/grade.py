"""Autogrades a folder of submissions and writes the grade table and every student's feedback.

    python grade.py SUBMISSIONS    (run by `make grade SUBMISSIONS=dir`, from the course folder: this one,
                                    or pt-BR/ for the Portuguese edition)
    python grade.py --table        (run by `make grade-table`: the table again, from the gradebook,
                                    e.g. after grading written answers; nothing is re-graded)

SUBMISSIONS may be this course's own submitted/ folder, where `nbgrader collect` puts what students
submitted through the exchange (hub/README.md); it is graded in place. It holds one folder per student, each with one folder per assignment holding the
student's notebooks: SUBMISSIONS/<student>/<assignment>/<notebook>.ipynb (nbgrader's layout).
Each submission is graded on its own, through nbgrader and the Java kernel, within a time limit, its
kernel in a sandbox (sandbox.py): a broken or hostile one costs its author the points and nobody else
anything. Submissions are graded JOBS at a time (default: one per core). Writes:
  grades/grades.csv, grades/grades.html   one row per student, one column per assignment
  feedback/<student>/<assignment>/        nbgrader's feedback, or a note saying why there is none
Limits: TL4J_CELL_TIMEOUT (seconds per cell, nbgrader_config.py), TL4J_SUBMISSION_LIMIT
(seconds per submission, default 900), the sandbox's (sandbox.py). Where no sandbox can be made,
grading refuses to run unless UNSAFE_GRADING=1, and then every note in the table says so.
"""
import concurrent.futures
import csv
import faulthandler
import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import nbformat

TOOLS = Path(__file__).resolve().parent  # this file, sandbox.py, output_limit.py
# The course graded: the folder it runs from when that holds an nbgrader_config.py (exercises/pt-BR for the
# Portuguese edition), else the English one next to this file. Its kernels speak the course's language.
COURSE = Path.cwd() if (Path.cwd() / "nbgrader_config.py").is_file() else TOOLS
LANGUAGE = "pt-BR" if "pt-BR" in COURSE.parts else "en"
sys.path.insert(0, str(TOOLS))
import sandbox  # noqa: E402 (the kernel's sandbox, next to this file)

GRADING_KERNEL = "tl4j-grading"
GRADING_PATH = COURSE / ".grading"  # a Jupyter data folder with the grading kernel only: students never see it
DB_URL = "sqlite:///" + str(COURSE / "gradebook.db") + "?timeout=300"  # workers wait for one another
UNSAFE = os.environ.get("UNSAFE_GRADING") == "1"
UNSAFE_NOTE = "graded WITHOUT a sandbox (UNSAFE_GRADING=1)"
JOBS = max(1, int(os.environ.get("JOBS") or os.cpu_count() or 1))
RUNNING = {}  # the nbgrader commands running now, by their marker
STOPPING = threading.Event()  # set by Ctrl-C
SUBMISSION_LIMIT = int(os.environ.get("TL4J_SUBMISSION_LIMIT", "900"))
STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
NOT_SUBMITTED = "not submitted"
TIMEOUT_ERRORS = ("CellTimeoutError", "EvaluationInterruptedException")


def assignments():
    return sorted(p.name for p in (COURSE / "source").iterdir() if p.is_dir())


def install_grading_kernel():
    """The kernelspec autograding runs: the students' "Java (tl4j)" kernel, started by sandbox.py."""
    from jupyter_client.kernelspec import KernelSpecManager
    spec = KernelSpecManager().get_kernel_spec("tl4j")
    folder = GRADING_PATH / "kernels" / GRADING_KERNEL
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, str(TOOLS / "sandbox.py"), spec.resource_dir, "{connection_file}", "{cwd}"],
        "display_name": "Java (tl4j, grading sandbox)", "language": "java", "interrupt_mode": "message",
        "env": spec.env}, indent=1))


def nbgrader(*args, env=None, timeout=None):
    """Runs one nbgrader command in a session of its own; kills it and its kernels past the timeout.
    Autograding runs in a network namespace of its own, its kernels in the sandbox."""
    marker = "tl4j-grading-" + uuid.uuid4().hex
    env = dict(env or os.environ, TL4J_GRADING_RUN=marker, TL4J_LANG=LANGUAGE)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    command = [str(Path(sys.executable).parent / "nbgrader"), *args]
    if args[0] == "autograde" and not UNSAFE:
        env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(GRADING_PATH), env.get("JUPYTER_PATH")]))
        command = sandbox.network_namespace(command + [f"--ExecutePreprocessor.kernel_name={GRADING_KERNEL}"])
    with tempfile.TemporaryFile("w+") as log:
        # output to a file, not a pipe: a kernel inherits it and may outlive nbgrader
        proc = subprocess.Popen(command, cwd=COURSE, env=env,
                                stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        RUNNING[marker] = proc
        try:
            proc.wait(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            timed_out = True
        finally:
            RUNNING.pop(marker, None)
        kill_processes_of(marker)
        log.seek(0)
        return proc.returncode, log.read(), timed_out


def stop_everything():
    """Ctrl-C: every nbgrader run and kernel of this grading ends; the workers write nothing more."""
    STOPPING.set()
    for marker, proc in list(RUNNING.items()):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        kill_processes_of(marker)


def kill_processes_of(marker):
    """Kernels run in sessions of their own; those of one run carry its marker in their environment."""
    needle = ("TL4J_GRADING_RUN=" + marker).encode()
    proc = Path("/proc")
    if proc.is_dir():
        pids = []
        for entry in proc.iterdir():
            try:
                if entry.name.isdigit() and needle in (entry / "environ").read_bytes():
                    pids.append(int(entry.name))
            except OSError:
                continue
    else:  # macOS: ps shows the environment with e
        listing = subprocess.run(["ps", "eww", "-ax", "-o", "pid=,command="], capture_output=True, text=True).stdout
        pids = [int(line.split()[0]) for line in listing.splitlines() if needle.decode() in line]
    for pid in pids:
        if pid != os.getpid():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def progress(done, total, elapsed):
    """[#####-----] 5/10, 1 min 40 s, about 1 min 40 s left"""
    width = 20
    bar = "#" * round(width * done / total) + "-" * (width - round(width * done / total))
    left = elapsed / done * (total - done)
    return f"[{bar}] {done}/{total}, {clock(elapsed)}, about {clock(left)} left"


def clock(seconds):
    m, s = divmod(round(seconds), 60)
    return f"{m} min {s} s" if m else f"{s} s"


def notebook_problem(path):
    """Why a submitted notebook cannot be graded, or None."""
    try:
        text = path.read_text(encoding="utf-8")
        json.loads(text)
    except json.JSONDecodeError as e:
        return f"{path.name} is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})"
    except UnicodeDecodeError:
        return f"{path.name} is not a text file"
    try:
        nbformat.validate(nbformat.reads(text, as_version=4))
    except Exception as e:  # nbformat's validation errors come in several types
        return f"{path.name} is not a valid notebook ({type(e).__name__}: {str(e).splitlines()[0][:200]})"
    return None


def write_note(student, assignment, text):
    folder = COURSE / "feedback" / student / assignment
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "not-graded.html").write_text(
        f"<!doctype html><meta charset='utf-8'><title>{html.escape(assignment)}: not graded</title>"
        f"<h1>{html.escape(assignment)}: not graded (0 points)</h1><p>{html.escape(text)}</p>", encoding="utf-8")


def forget(student, assignment):
    """Removes an earlier grade of this submission, so a failed re-grade never shows a stale score."""
    from nbgrader.api import Gradebook, MissingEntry
    with Gradebook(DB_URL) as gb:
        try:
            gb.remove_submission(assignment, student)
        except MissingEntry:
            pass
    shutil.rmtree(COURSE / "autograded" / student / assignment, ignore_errors=True)


def timed_out_cells(student, assignment):
    """The graded cells the per-cell time limit stopped."""
    out = []
    for path in sorted((COURSE / "autograded" / student / assignment).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for o in cell.get("outputs", []):
                if o.get("output_type") == "error" and any(t in o.get("ename", "") for t in TIMEOUT_ERRORS):
                    out.append(cell.metadata.get("nbgrader", {}).get("grade_id", "a cell"))
                    break
    return out


def failure(log):
    """What made nbgrader fail, in one line: the last exception it logged, else its last line."""
    lines = [l.strip() for l in log.strip().splitlines() if l.strip()]
    errors = [l for l in lines if re.match(r"[\w.]+(Error|Exception|Exit): ", l)]
    return ((errors or lines or ["no output"])[-1])[:300].replace(" | ", " / ")


def grade_one(student, assignment, folder):
    """Autogrades one submission; returns a note for the table ('' when all went normally)."""
    dest = COURSE / "submitted" / student / assignment
    forget(student, assignment)
    notebooks = sorted(folder.glob("*.ipynb"))
    problems = [p for p in map(notebook_problem, notebooks) if p]
    if not notebooks:
        problems = ["no notebook (.ipynb) in the submission"]
    if problems:
        note = "; ".join(problems) + ". Download the notebook again from Jupyter (File > Download) and resubmit."
        write_note(student, assignment, note)
        return note
    if folder.resolve() != dest.resolve():  # `python grade.py submitted` after `nbgrader collect`: in place
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(folder, dest)
    started = time.time()
    code, log, timed_out = nbgrader("autograde", assignment, "--student", student, "--force",
                                    timeout=SUBMISSION_LIMIT)
    if STOPPING.is_set():
        return "stopped"
    if timed_out or code != 0:
        forget(student, assignment)
        note = (f"grading stopped after {SUBMISSION_LIMIT} s, the limit for one submission: some code never ends "
                "or ignores interruption" if timed_out else "grading failed: " + failure(log))
        write_note(student, assignment, note)
        return note
    stopped = timed_out_cells(student, assignment)
    nbgrader("generate_feedback", assignment, "--student", student, "--force", timeout=300)
    note = f"graded in {time.time() - started:.0f} s"
    if stopped:
        note += "; stopped by the per-cell time limit (endless loop?): " + ", ".join(stopped)
    return note


def scores(students, names):
    """{(student, assignment): (score, max, manual pending)} from the gradebook."""
    from nbgrader.api import Gradebook, MissingEntry
    out = {}
    with Gradebook(DB_URL) as gb:
        maxima = {a: gb.find_assignment(a).max_score for a in names}
        for s in students:
            for a in names:
                try:
                    sub = gb.find_submission(a, s)
                    out[s, a] = (sub.score, sub.max_score, sub.needs_manual_grade)
                except MissingEntry:
                    out[s, a] = (0.0, maxima[a], False)
    return out


def write_table(students, names, results, notes):
    folder = COURSE / "grades"
    folder.mkdir(exist_ok=True)
    with open(folder / "grades.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["student", *names, "total", "max", "manual grading pending", "notes"])
        for s in students:
            row = [results[s, a] for a in names]
            pending = [a for a, r in zip(names, row) if r[2]]
            w.writerow([s, *(f"{r[0]:g}" for r in row), f"{sum(r[0] for r in row):g}", f"{sum(r[1] for r in row):g}",
                        " ".join(pending), " | ".join(f"{a}: {notes[s, a]}" for a in names if notes.get((s, a)))])
    head = "".join(f"<th>{html.escape(a)}</th>" for a in names)
    rows = []
    for s in students:
        cells = []
        for a in names:
            got, maximum, pending = results[s, a]
            link = next(iter(sorted((COURSE / "feedback" / s / a).glob("*.html"))), None)
            text = f"{got:g} / {maximum:g}" + (" *" if pending else "")
            if notes.get((s, a)) == NOT_SUBMITTED:
                text = "&mdash;"
            text = f"<a href='{html.escape(os.path.relpath(link, folder))}'>{text}</a>" if link else text
            cells.append(f"<td title='{html.escape(notes.get((s, a), ''))}'>{text}</td>")
        total = sum(results[s, a][0] for a in names)
        maximum = sum(results[s, a][1] for a in names)
        remarks = {a: re.sub(r"^graded in \d+ s;? ?", "", notes.get((s, a), "")) for a in names}
        note = "<br>".join(f"<b>{html.escape(a)}</b>: {html.escape(r)}" for a, r in remarks.items()
                           if r and r != NOT_SUBMITTED)
        rows.append(f"<tr><th>{html.escape(s)}</th>{''.join(cells)}<td>{total:g} / {maximum:g}</td><td>{note}</td></tr>")
    (folder / "grades.html").write_text(
        "<!doctype html><meta charset='utf-8'><title>tl4j grades</title><style>body{font-family:sans-serif}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
        "td:last-child{text-align:left;max-width:40em}</style><h1>tl4j: grades</h1>"
        "<p>Automatic points; * = written answers await manual grading (<code>nbgrader formgrader</code>); "
        "&mdash; = not submitted. "
        "Each score links to the student's feedback.</p>"
        f"<table><tr><th>student</th>{head}<th>total</th><th>notes</th></tr>{''.join(rows)}</table>",
        encoding="utf-8")
    return folder


def table_only():
    """The grade table again: scores from the gradebook as it is now (manual grades included); the
    students and notes of the last table, so that a submission that could not be graded keeps its row."""
    from nbgrader.api import Gradebook
    with Gradebook(DB_URL) as gb:
        students = {s.id for s in gb.students}
    names, notes = assignments(), {}
    last = COURSE / "grades" / "grades.csv"
    if last.is_file():
        with open(last, newline="") as f:
            for row in csv.DictReader(f):
                students.add(row["student"])
                for part in filter(None, row["notes"].split(" | ")):
                    a, _, note = part.partition(": ")
                    notes[row["student"], a] = note
    students = sorted(students)
    folder = write_table(students, names, scores(students, names), notes)
    print(f"grade: table of {len(students)} students rewritten from the gradebook: {folder / 'grades.html'}")


def interrupted(signum, frame):
    raise KeyboardInterrupt


def main(argv):
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # kill -USR1 <pid>: where every thread is
    # Ctrl-C and kill (SIGTERM) stop grading and every kernel, even when started where SIGINT is ignored
    # (a shell's background job, a service): Python installs no handler for a signal it inherits ignored.
    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)
    if len(argv) == 2 and argv[1] == "--table":
        return table_only()
    if len(argv) != 2:
        sys.exit(__doc__)
    root = Path(argv[1]).resolve()
    if not root.is_dir():
        sys.exit(f"grade: {root} is not a folder. Usage: make grade SUBMISSIONS=<folder of student folders>")
    names = assignments()
    from nbgrader.api import Gradebook, MissingEntry
    with Gradebook(DB_URL) as gb:
        for a in names:
            try:
                gb.find_assignment(a)
            except MissingEntry:
                sys.exit(f"grade: the assignment {a} has not been released yet: run `make release` first")
    students = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if not STUDENT_ID.match(folder.name):
            print(f"grade: skipped {folder.name!r}: a student folder name uses letters, digits, '.', '-' and '_'")
            continue
        students.append(folder.name)
    if not UNSAFE:
        problem = sandbox.probe()
        if problem:
            sys.exit(f"grade: no sandbox for the students' code: {problem}.\nGrading runs untrusted code; to grade "
                     "anyway, without a sandbox, run again with UNSAFE_GRADING=1 (the table will say so).")
        install_grading_kernel()
    notes = {}
    work = []
    for s in students:
        for a in names:
            if not (root / s / a).is_dir():
                forget(s, a)
                notes[s, a] = NOT_SUBMITTED
            else:
                work.append((s, a))
    started = time.time()
    print(f"grade: {len(work)} submissions, {min(JOBS, max(1, len(work)))} at a time"
          + ("; WITHOUT a sandbox (UNSAFE_GRADING=1)" if UNSAFE else ""), flush=True)
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=JOBS)
    try:
        running = {pool.submit(grade_one, s, a, root / s / a): (s, a) for s, a in work}
        for done, future in enumerate(concurrent.futures.as_completed(running), 1):
            s, a = running[future]
            note = future.result()
            notes[s, a] = f"{UNSAFE_NOTE}; {note}" if UNSAFE else note
            print(f"grade: {progress(done, len(work), time.time() - started)} {s} / {a}: {notes[s, a]}", flush=True)
    except KeyboardInterrupt:
        stop_everything()
        pool.shutdown(wait=False, cancel_futures=True)
        print("grade: stopped (Ctrl-C or kill) with every kernel; the submissions finished before it are in the gradebook, "
              "those being graded have no grade; no table written (run the same command again to grade "
              "everything)", file=sys.stderr, flush=True)
        os._exit(1)  # the workers' nbgrader runs and kernels are gone: nothing of theirs is worth waiting for
    pool.shutdown()
    folder = write_table(students, names, scores(students, names), notes)
    print(f"grade: {len(students)} students; table in {folder / 'grades.csv'} and {folder / 'grades.html'}; "
          f"feedback in {COURSE / 'feedback'}")


if __name__ == "__main__":
    main(sys.argv)
