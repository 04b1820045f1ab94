"""Writes the measured ranges into the teacher's guides, from lessons executed in the class profile.

    python docs/instructor/expected_results.py [folder] [--guides folder] [--language en|pt-BR]   (`make guides`)

Reads every executed lesson in the folder (default: build/executed/class, where `make slides` keeps
them), collects the experiments' results (the tl4j result JSON a lesson shows under each comparison),
and replaces the block between the markers below in docs/instructor/guide/<lesson>.md with a table:
per arm, the mean over seeds with its 95-percent interval and the range of the single seeds. Accuracies
are in percent, differences and slopes in percentage points. Nothing else in a guide is touched.
With --language pt-BR it writes the Portuguese guides (docs/pt-BR/instructor/guide) in Portuguese.
"""
import argparse
import datetime
import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GUIDES = {"en": HERE / "guide", "pt-BR": ROOT / "docs" / "pt-BR" / "instructor" / "guide"}
# The block's own words, per language (arm labels and section names come from the lessons).
WORDS = {
    "en": {"head": "Measured in the {profile} profile on {cores} cores, {date}, from `{name}` as executed; the same "
                   "seeds give the same numbers to within a point. Accuracies on the test set in percent; differences "
                   "and slopes in percentage points.",
           "columns": "| arm | mean (95% CI) | single seeds | seeds |", "to": "to",
           "none": "This lesson's experiments report no results over seeds.",
           "timing": "Run time of the cells, section by section:", "timing columns": "| section | run time |",
           "first": "before section 1", "whole": "the whole lesson"},
    "pt-BR": {"head": "Medido no perfil {profile} em {cores} núcleos, {date}, a partir de `{name}` executado; as mesmas "
                      "sementes dão os mesmos números com diferença de até um ponto. Acurácias no conjunto de teste em "
                      "porcentagem; diferenças e inclinações em pontos percentuais.",
              "columns": "| braço | média (IC 95%) | sementes individuais | sementes |", "to": "a",
              "none": "Os experimentos desta lição não relatam resultados sobre sementes.",
              "timing": "Tempo de execução das células, seção por seção:",
              "timing columns": "| seção | tempo de execução |", "first": "antes da seção 1", "whole": "a lição inteira"},
}
RESULT = "application/vnd.tl4j.result+json"
BEGIN = "<!-- expected results: written by expected_results.py, do not edit by hand -->"
END = "<!-- end of expected results -->"


def results(notebook):
    """The result JSON outputs of an executed notebook, in order."""
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if RESULT in data:
                yield data[RESULT]


def is_estimate(x):
    return isinstance(x, dict) and {"mean", "low", "high", "n"} <= x.keys()


KINDS = {"negative-transfer": "transfer minus scratch, per source, target and strategy",
         "source-choice": "linear probes of the candidate sources (one seed)"}
NAMING = ("source", "quadrant", "strategy", "name")


def items(x):
    """A dict's items; keys that are all numbers (data set sizes) in numeric order."""
    if x and all(k.isdigit() for k in x):
        return sorted(x.items(), key=lambda kv: int(kv[0]))
    return x.items()


def rows(x, path=()):
    """(name, estimate, per-seed test values or None) for every estimate and every list of runs in a result;
    a probe score, alone, as an estimate of one value."""
    if isinstance(x, dict):
        runs = x.get("runs")
        seeds = [r["test"] for r in runs] if isinstance(runs, list) and runs and all(
            isinstance(r, dict) and "test" in r for r in runs) else None
        if seeds is not None and is_estimate(x.get("test")):
            yield " / ".join(path), x["test"], seeds
        if isinstance(x.get("probe"), (int, float)):
            yield " / ".join(path + ("linear probe",)), {"mean": x["probe"], "n": 1}, None
        for key, value in items(x):
            if key in ("runs", "curves") or (seeds is not None and key == "test"):
                continue
            if is_estimate(value):
                yield " / ".join(path + (key,)), value, None
            else:
                yield from rows(value, path + (key,))
    elif isinstance(x, list):
        for i, value in enumerate(x):
            named = [value[k] for k in NAMING if isinstance(value, dict) and isinstance(value.get(k), str)]
            yield from rows(value, path + tuple(named or [str(i + 1)]))


def seconds(cell):
    """How long a code cell ran, from the timing nbclient records in its metadata."""
    t = cell.get("metadata", {}).get("execution", {})
    if "iopub.execute_input" not in t or "shell.execute_reply" not in t:
        return 0.0
    start, end = (datetime.datetime.fromisoformat(t[k].replace("Z", "+00:00"))
                  for k in ("iopub.execute_input", "shell.execute_reply"))
    return (end - start).total_seconds()


def timing(notebook, words=WORDS["en"]):
    """Run time per section (## heading) of an executed lesson, and in all."""
    sections, current = {}, words["first"]
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("## "):
                    current = line[3:].strip()
        elif cell["cell_type"] == "code":
            sections[current] = sections.get(current, 0.0) + seconds(cell)
    lines = [words["timing columns"], "|---|---|"]
    lines += [f"| {name} | {round(s)} s |" for name, s in sections.items() if s >= 1]
    lines.append(f"| {words['whole']} | {round(sum(sections.values()))} s |")
    return "\n".join(lines)


def label(path):
    """A row's name from its path in the result: "quadrants / digits 5-9 (small) / arms / FINE_TUNE_TOP" reads
    "digits 5-9 (small) / fine tune top", "sizes / 20 / gainsOverScratch / FROZEN" reads "20 / gains over
    scratch / frozen"."""
    parts = [p for p in path.split(" / ") if p not in ("arms", "quadrants", "comparisons", "sizes", "gains",
                                                        "candidates")]
    words = []
    for p in parts:
        if re.fullmatch(r"[A-Z]+(_[A-Z]+)+|[A-Z]{5,}", p):  # an enum's name (FINE_TUNE_TOP), not an acronym (SGD)
            p = p.lower().replace("_", " ")
        elif p[:1].islower() and any(c.isupper() for c in p) and " " not in p:
            p = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", p).lower()
        words.append(p)
    return " / ".join(words)


def pct(v):
    return f"{100 * v:.1f}"


def table(result, words=WORDS["en"]):
    title = (result.get("title") or result.get("target") or result.get("name") or KINDS.get(result.get("kind"))
             or (f"source {result['source']}" if isinstance(result.get("source"), str) else result.get("kind", "result")))
    lines = [f"**{title}**", "", words["columns"], "|---|---|---|---|"]
    found = False
    for name, est, seeds in rows(result):
        found = True
        spread = f"{pct(min(seeds))} {words['to']} {pct(max(seeds))}" if seeds else ""
        name = label(name)
        interval = f" ({pct(est['low'])} {words['to']} {pct(est['high'])})" if "low" in est else ""
        lines.append(f"| {name or title} | {pct(est['mean'])}{interval} | {spread} | {est['n']} |")
    return "\n".join(lines) if found else None


def block(notebook, name, profile="class", language="en"):
    words = WORDS[language]
    tables = [t for t in (table(r, words) for r in results(notebook)) if t]
    head = words["head"].format(profile=profile, cores=os.cpu_count(), date=datetime.date.today().isoformat(), name=name)
    body = "\n\n".join(tables) if tables else words["none"]
    return f"{BEGIN}\n{head}\n\n{body}\n\n{words['timing']}\n\n{timing(notebook, words)}\n{END}"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "build" / "executed" / "class",
                        help="the executed lessons (default: build/executed/class, written by make slides)")
    parser.add_argument("--profile", default="class", help="the profile the lessons ran in, for the record")
    parser.add_argument("--language", default="en", choices=sorted(WORDS))
    parser.add_argument("--guides", type=Path, help="the guides to fill (default: docs/instructor/guide, or "
                                                    "docs/pt-BR/instructor/guide in Portuguese)")
    args = parser.parse_args(argv)
    args.guides = args.guides or GUIDES[args.language]
    executed = sorted(args.folder.glob("0[1-9]-*.ipynb"))
    if not executed:
        sys.exit(f"expected_results: no executed lessons in {args.folder}: run `make slides` first")
    for path in executed:
        guide = args.guides / path.name.replace(".ipynb", ".md")
        if not guide.is_file():
            sys.exit(f"expected_results: no guide {guide} for {path.name}")
        text = guide.read_text()
        if BEGIN not in text or END not in text:
            sys.exit(f"expected_results: {guide} has no expected-results markers")
        start, end = text.index(BEGIN), text.index(END) + len(END)
        guide.write_text(text[:start] + block(json.loads(path.read_text()), path.name, args.profile, args.language) + text[end:])
        print(f"expected_results: {guide.name} from {path.name}")


if __name__ == "__main__":
    main(sys.argv[1:])
