#!/usr/bin/env python3
"""scripts/new-rule in a temporary root: it writes the rule file, doc stub and both fixtures,
appends the registry row to the right section, and refuses a taken or malformed name.
(That the files it writes build and pass their fixture tests was checked by hand; a full build
per ctest run would cost minutes.)"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

src = pathlib.Path(sys.argv[1])
script = src / "scripts/new-rule"


def run(root, *args):
    return subprocess.run([sys.executable, str(script), "--root", str(root), *args], capture_output=True, text=True)


def rows(registry, section_end):
    lines = registry.read_text().splitlines()
    end = next(i for i, l in enumerate(lines) if section_end in l)
    start = max(i for i, l in enumerate(lines[:end]) if l.startswith("#define "))
    return [l.split("(")[1].split(")")[0] for l in lines[start + 1:end] if l.strip().startswith("RULE(")]


failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


with tempfile.TemporaryDirectory() as tmp:
    root = pathlib.Path(tmp)
    (root / "src/rules").mkdir(parents=True)
    shutil.copy(src / "src/rules/registry.cpp", root / "src/rules/registry.cpp")
    (root / "docs/rules").mkdir(parents=True)
    (root / "tests/fixtures/rules").mkdir(parents=True)
    (root / "tests/fixtures/workspaces").mkdir(parents=True)
    registry = root / "src/rules/registry.cpp"
    before_file = rows(registry, "end of per-file rules")
    before_ws = rows(registry, "end of workspace rules")

    r = run(root, "todo-heading")
    check(r.returncode == 0, f"new-rule todo-heading failed: {r.stderr}")
    for p in ["src/rules/todo_heading.cpp", "docs/rules/todo-heading.md",
              "tests/fixtures/rules/todo-heading/fires.md", "tests/fixtures/rules/todo-heading/fires.expected",
              "tests/fixtures/rules/todo-heading/silent.md", "tests/fixtures/rules/todo-heading/silent.expected"]:
        check((root / p).is_file(), f"{p} not written")
    check((root / "tests/fixtures/rules/todo-heading/fires.expected").read_text() != "", "firing fixture expects nothing")
    check((root / "tests/fixtures/rules/todo-heading/silent.expected").read_text() == "", "silent fixture expects findings")
    check("make_todo_heading()" in (root / "src/rules/todo_heading.cpp").read_text(), "no factory in the rule file")
    check((root / "docs/rules/todo-heading.md").read_text().splitlines()[2].startswith(
        "Severity: **error** · On by default · Works without a template"), "doc header not in the uniform form")
    check(rows(registry, "end of per-file rules") == before_file + ["todo_heading"], "per-file row not appended last")
    check(rows(registry, "end of workspace rules") == before_ws, "workspace section changed by a per-file rule")
    check(all(l.endswith("\\") for l in registry.read_text().splitlines() if "RULE(todo_heading)" in l),
          "row lacks its line continuation")

    r = run(root, "--workspace", "id-required")
    check(r.returncode == 0, f"new-rule --workspace id-required failed: {r.stderr}")
    for p in ["src/rules/id_required.cpp", "docs/rules/id-required.md",
              "tests/fixtures/workspaces/id-required/fires/expected.txt",
              "tests/fixtures/workspaces/id-required/silent/expected.txt"]:
        check((root / p).is_file(), f"{p} not written")
    check(rows(registry, "end of workspace rules") == before_ws + ["id_required"], "workspace row not appended last")
    check(rows(registry, "end of per-file rules") == before_file + ["todo_heading"], "per-file section changed")

    text = registry.read_text()
    for name in ["todo-heading", "missing-section", "duplicate-id", "no-template"]:
        r = run(root, name)
        check(r.returncode != 0 and "already exists" in r.stderr, f"{name}: not refused ({r.returncode}, {r.stderr})")
    for name in ["Bad_Name", "-x", "x--y", ""]:
        r = run(root, name)
        check(r.returncode != 0, f"'{name}': malformed name accepted")
    check(registry.read_text() == text, "a refused name changed the registry")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
