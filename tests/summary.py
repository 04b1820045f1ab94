"""Prints one closing line for the whole `make test`: Java (Surefire) and Python (pytest) results added up."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def counts(xml_file):
    root = ET.parse(xml_file).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    total = failed = skipped = 0
    for s in suites:
        total += int(s.get("tests", 0))
        failed += int(s.get("failures", 0)) + int(s.get("errors", 0))
        skipped += int(s.get("skipped", 0))
    return total, failed, skipped


def main():
    surefire = Path(sys.argv[1])
    pytest_xml = Path(sys.argv[2])
    parts = {"java": list(surefire.glob("TEST-*.xml")), "python": [pytest_xml] if pytest_xml.exists() else []}
    grand = [0, 0, 0]
    for name, files in parts.items():
        t = f = s = 0
        for x in files:
            a, b, c = counts(x)
            t, f, s = t + a, f + b, s + c
        print(f"{name}: {t - f - s} passed, {f} failed, {s} skipped")
        grand = [grand[0] + t, grand[1] + f, grand[2] + s]
    if not parts["java"] or not parts["python"]:
        print("missing test reports: " + ", ".join(k for k, v in parts.items() if not v))
        grand[1] += 1
    total, failed, skipped = grand
    print(f"tests: {total - failed - skipped} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
