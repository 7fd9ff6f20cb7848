#!/usr/bin/env python3
"""Proves scripts/check-layers fails on a planted upward include (and on a peer include) and
passes a clean tree: builds tiny src/ trees in a temporary folder and runs the script on each.

Usage: check_layers_planted.py PATH/TO/scripts/check-layers
"""
import os
import subprocess
import sys
import tempfile


def run(script, files):
    with tempfile.TemporaryDirectory() as root:
        for rel, text in files.items():
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(text)
        p = subprocess.run([sys.executable, script, "--root", root], capture_output=True, text=True)
        return p.returncode, p.stdout


def main():
    script = sys.argv[1]
    failures = []

    def expect(name, files, code, needle=""):
        got, out = run(script, files)
        if got != code or needle not in out:
            failures.append(f"{name}: exit {got} (want {code}), output:\n{out}")

    base = {"src/cli/y.h": "#pragma once\n", "src/model/m.h": "#pragma once\n#include <vector>\n"}
    expect("clean", {**base, "src/core/x.h": '#pragma once\n#include "core/z.h"\n', "src/core/z.h": ""}, 0)
    expect("downward", {**base, "src/cli/a.cpp": '#include "model/m.h"\n#include "cli/y.h"\n'}, 0)
    expect("upward", {**base, "src/core/x.h": '#pragma once\n\n#include "cli/y.h"\n'}, 1,
           "src/core/x.h:3: core -> cli")
    expect("peer", {**base, "src/config/c.cpp": '#include "report/r.h"\n'}, 1, "src/config/c.cpp:1: config -> report")
    expect("unknown area", {**base, "src/newarea/n.cpp": "\n"}, 1, "newarea")
    for f in failures:
        print(f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
