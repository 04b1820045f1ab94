"""Binary compatibility: every JJava class and member the library uses exists in the installed kernel.

The library compiles against jjava-jupyter 1.0-a6 (the newest published API); the kernel is the jjava
release pinned in requirements.txt. A member that changed signature between them would fail only at
run time, in a student's notebook; this test finds it first.
"""
import re
import subprocess
import zipfile
from pathlib import Path

from conftest import ROOT, kernel_dir

REF = re.compile(r"// (Method|InterfaceMethod|Field) (org/dflib/[\w/$]+)\.([\w<>$]+):(\S+)")
CLASS_REF = re.compile(r"// class (org/dflib/[\w/$]+)")


def library_references():
    jar = ROOT / "lib" / "target" / "tl4j-lib.jar"
    with zipfile.ZipFile(jar) as z:
        classes = [n[:-6].replace("/", ".") for n in z.namelist() if n.endswith(".class") and n.startswith("org/tl4j/")]
    out = subprocess.run(["javap", "-c", "-p", "-classpath", str(jar), *classes],
                         capture_output=True, text=True, check=True).stdout
    members = set(REF.findall(out))
    owners = set(CLASS_REF.findall(out)) | {m[1] for m in members}
    return owners, members


def kernel_signatures(owner):
    out = subprocess.run(["javap", "-s", "-p", "-classpath", str(kernel_dir() / "jjava.jar"), owner.replace("/", ".")],
                         capture_output=True, text=True)
    return out.returncode, out.stdout


def test_library_uses_the_kernel_api():
    owners, members = library_references()
    assert any(o.endswith("Renderer") for o in owners), "the extension should register renderers"
    assert members


def test_every_referenced_member_exists_with_the_same_descriptor():
    owners, members = library_references()
    missing = []
    sigs = {}
    for owner in owners:
        code, text = kernel_signatures(owner)
        if code != 0:
            missing.append(f"class {owner}")
        sigs[owner] = text
    for kind, owner, name, descriptor in members:
        text = sigs.get(owner, "")
        # javap -s prints "descriptor: (...)..." under each member; the name appears in the member line.
        blocks = text.split("\n")
        found = False
        for i, line in enumerate(blocks[:-1]):
            if f" {name}(" in line or line.rstrip(";").endswith(f" {name}") or (name == "<init>" and f"{owner.split('/')[-1]}(" in line):
                if blocks[i + 1].strip() == f"descriptor: {descriptor}":
                    found = True
                    break
        if not found:
            # inherited members: look in the superclasses the kernel jar declares
            found = inherited(owner, name, descriptor)
        if not found:
            missing.append(f"{kind} {owner}.{name}{descriptor}")
    assert not missing, "not in the installed kernel:\n" + "\n".join(missing)


def inherited(owner, name, descriptor):
    code, text = kernel_signatures(owner)
    m = re.search(r"(?:class|interface) \S+ (?:extends ([\w.$]+))?", text)
    parent = m.group(1) if m and m.group(1) else None
    if parent is None or parent == "java.lang.Object":
        return False
    code, ptext = kernel_signatures(parent.replace(".", "/"))
    lines = ptext.split("\n")
    return any((f" {name}(" in l) and lines[i + 1].strip() == f"descriptor: {descriptor}" for i, l in enumerate(lines[:-1]))
