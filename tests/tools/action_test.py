#!/usr/bin/env python3
"""The GitHub Action's script (scripts/action-run, what action.yml runs), outside GitHub with the
same inputs: annotations in GitHub's workflow-command form and specgate's exit status, the SARIF
file when asked for, and action.yml passing each of its inputs to the script.

usage: action_test.py SPECGATE_BINARY SOURCE_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

BAD_SPEC = """<!-- specgate: template=task -->
# TASK-7: Rotate keys

**Status**: In Progress
**Assignee**: <name>
"""


def main():
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    script = os.path.join(source, "scripts", "action-run")
    failures = []

    # action.yml hands every input to the script under the name the script reads.
    with open(os.path.join(source, "action.yml"), encoding="utf-8") as f:
        action = f.read()
    for name, var in [("paths", "SPECGATE_PATHS"), ("args", "SPECGATE_ARGS"), ("sarif", "SPECGATE_SARIF"),
                      ("specgate", "SPECGATE_BIN")]:
        if not re.search(rf"{var}: \$\{{\{{ inputs\.{name} \}}\}}", action):
            failures.append(f"action.yml does not pass input '{name}' as {var}")
    if "scripts/action-run" not in action or "using: composite" not in action:
        failures.append("action.yml is not a composite action running scripts/action-run")

    tmp = tempfile.mkdtemp(prefix="specgate-action-")
    try:
        os.makedirs(os.path.join(tmp, "specs"))
        with open(os.path.join(tmp, "specs", "TASK-7.md"), "w", encoding="utf-8") as f:
            f.write(BAD_SPEC)
        with open(os.path.join(tmp, "README.md"), "w", encoding="utf-8") as f:
            f.write("# Not a spec\n\n<name>\n")
        env = dict(os.environ, SPECGATE_BIN=binary, SPECGATE_PATHS="specs/", SPECGATE_ARGS="--today 2026-11-22",
                   SPECGATE_SARIF="out/specgate.sarif")
        os.makedirs(os.path.join(tmp, "out"))
        r = subprocess.run([script], cwd=tmp, env=env, capture_output=True, text=True)
        if r.returncode != 1:
            failures.append(f"exit {r.returncode}, want 1 (errors found)\n{r.stdout}{r.stderr}")
        want = "::error file=specs/TASK-7.md,line=5,col=15,"
        if want not in r.stdout:
            failures.append(f"no annotation '{want}...' in\n{r.stdout}")
        if "README.md" in r.stdout:
            failures.append("a path outside SPECGATE_PATHS was checked")
        try:
            with open(os.path.join(tmp, "out", "specgate.sarif"), encoding="utf-8") as f:
                sarif = json.load(f)
            rules = [res["ruleId"] for res in sarif["runs"][0]["results"]]
            if "placeholder" not in rules:
                failures.append(f"SARIF has no placeholder result: {rules}")
        except (OSError, ValueError, KeyError) as e:
            failures.append(f"SARIF file missing or unreadable: {e}")

        # Without SPECGATE_SARIF no file is written; a clean run exits 0; a missing path exits 2.
        os.remove(os.path.join(tmp, "out", "specgate.sarif"))
        with open(os.path.join(tmp, "specs", "TASK-7.md"), "w", encoding="utf-8") as f:
            f.write("# Notes\n\nPlain text.\n")
        env.pop("SPECGATE_SARIF")
        r = subprocess.run([script], cwd=tmp, env=env, capture_output=True, text=True)
        if r.returncode != 0:
            failures.append(f"clean run exited {r.returncode}\n{r.stdout}{r.stderr}")
        if os.path.exists(os.path.join(tmp, "out", "specgate.sarif")):
            failures.append("SARIF written without being asked for")
        env["SPECGATE_PATHS"] = "nope/"
        r = subprocess.run([script], cwd=tmp, env=env, capture_output=True, text=True)
        if r.returncode != 2:
            failures.append(f"missing path exited {r.returncode}, want 2")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    if not failures:
        print("ok: annotations, exit codes, SARIF on request, inputs wired")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
