#!/usr/bin/env python3
"""The editor integrations of docs/editors.md against specgate's real text output: the Vim
`errorformat` (taken from the doc) loads the quickfix list in `vim -es` (skipped without vim), and
the VS Code problem matchers' regular expressions (taken from the doc's tasks.json) match every
finding line and nothing else. The output comes from `check -` with --stdin-filename, the way an
editor runs it.

usage: editors_test.py SPECGATE_BINARY SOURCE_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SPEC = """<!-- specgate: template=task -->
# TASK-7: Rotate keys

**Status**: Draft
**Assignee**: <name>
**Updated**: 2026-02-30
"""

FINDING = re.compile(r"^(.+?):(\d+):(\d+): (error|warning|note): (.*) \[([a-z0-9-]+)\]$")


def main():
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(source, "docs", "editors.md"), encoding="utf-8") as f:
        doc = f.read()
    failures = []
    tmp = tempfile.mkdtemp(prefix="specgate-editors-")
    try:
        os.makedirs(os.path.join(tmp, "specs"))
        r = subprocess.run([binary, "check", "--color", "never", "--today", "2026-11-22", "-", "--stdin-filename",
                            "specs/TASK-7.md"], cwd=tmp, input=SPEC, capture_output=True, text=True)
        out = r.stdout
        want = [m.groups() for m in map(FINDING.match, out.splitlines()) if m]
        if r.returncode != 1 or len(want) < 2:
            sys.exit(f"FAIL: unexpected specgate output (exit {r.returncode}):\n{out}{r.stderr}")
        with open(os.path.join(tmp, "out.txt"), "w", encoding="utf-8") as f:
            f.write(out)

        # VS Code: every finding line is matched by exactly one matcher, with its parts.
        tasks = json.loads(re.search(r"```json\n(.*?)```", doc, re.S).group(1))
        matchers = tasks["tasks"][0]["problemMatcher"]
        got = []
        for line in out.splitlines():
            hits = []
            for m in matchers:
                p = m["pattern"]
                mm = re.match(p["regexp"], line)
                if mm:
                    sev = mm.group(p["severity"]) if "severity" in p else "note"
                    hits.append((mm.group(p["file"]), mm.group(p["line"]), mm.group(p["column"]), sev,
                                 mm.group(p["message"]), mm.group(p["code"])))
            if len(hits) > 1:
                failures.append(f"VS Code: two matchers take {line!r}")
            got += hits
        if got != want:
            failures.append(f"VS Code matchers read\n{got}\nwant\n{want}")

        # Vim: the documented errorformat line, verbatim.
        vim = shutil.which("vim") or shutil.which("nvim")
        if not vim:
            print("vim/nvim not installed: errorformat part skipped")
        else:
            efm = re.search(r"^set errorformat=.*$", doc, re.M).group(0)
            script = os.path.join(tmp, "qf.vim")
            with open(script, "w", encoding="utf-8") as f:
                f.write(efm + "\n")
                f.write("cgetfile out.txt\n")
                f.write("call writefile(map(getqflist(), {_, e -> bufname(e.bufnr) . '|' . e.lnum . '|' . e.col"
                        " . '|' . e.type . '|' . e.text}), 'qf.txt')\n")
                f.write("qa!\n")
            args = [vim, "--headless", "-u", "NONE", "-i", "NONE", "-S", script] if vim.endswith("nvim") else \
                [vim, "-es", "-N", "-u", "NONE", "-i", "NONE", "-S", script]
            subprocess.run(args, cwd=tmp, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
            try:
                with open(os.path.join(tmp, "qf.txt"), encoding="utf-8") as f:
                    qf = [line.rstrip("\n").split("|", 4) for line in f]
            except OSError:
                qf = None
            expect = [[w[0], w[1], w[2], w[3][0], f"{w[4]} [{w[5]}]"] for w in want]
            if qf != expect:
                failures.append(f"Vim quickfix list\n{qf}\nwant\n{expect}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    if not failures:
        print(f"ok: {len(want)} findings read alike by the Vim errorformat and the VS Code matchers")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
