#!/usr/bin/env python3
"""The pre-commit hook (.pre-commit-hooks.yaml) for real, with Debian's pre-commit: a temporary
project repository whose .pre-commit-config.yaml points at a local clone of this repository
(`repo: <path>`, `rev: <commit>`), the hook installed with `pre-commit install`, then real
commits: a bad spec staged is refused with specgate's message; a README and a template staged
are not linted. The hook is `language: system`, so the built specgate is put first on PATH.
Exit 77 (skipped) when pre-commit is not installed.

usage: pre_commit_test.py SPECGATE_BINARY SOURCE_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

BAD_SPEC = """<!-- specgate: template=task -->
# TASK-7: Rotate keys

**Status**: In Progress
**Assignee**: <name>
"""

TEMPLATE = """# TASK-XXX: [Title]

**Status**: Draft | In Progress | Done
**Assignee**: <name>

## Description

[What and why]
"""

README = "# Project\n\n**Owner**: <name>\n\nTODO: [fill in]\n"


def run(cmd, cwd, env, check=True):
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if check and r.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)} exited {r.returncode}\n{r.stdout}\n{r.stderr}")
    return r


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    pre_commit = shutil.which("pre-commit")
    if not pre_commit:
        print("pre-commit is not installed; skipped")
        return 77
    tmp = tempfile.mkdtemp(prefix="specgate-pre-commit-")
    try:
        env = dict(os.environ)
        env.update({
            "PATH": os.path.dirname(binary) + os.pathsep + env.get("PATH", ""),
            "PRE_COMMIT_HOME": os.path.join(tmp, "cache"),
            "HOME": tmp,
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
            "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1",
        })
        # A local clone of this repository, with the working tree's hook manifest committed on
        # top, so the test holds the manifest being edited rather than the last commit's.
        hooks_repo = os.path.join(tmp, "specgate")
        run(["git", "clone", "-q", "--depth", "1", "file://" + source, hooks_repo], tmp, env)
        shutil.copy(os.path.join(source, ".pre-commit-hooks.yaml"), hooks_repo)
        run(["git", "add", ".pre-commit-hooks.yaml"], hooks_repo, env)
        run(["git", "commit", "-q", "--allow-empty", "-m", "hook manifest under test"], hooks_repo, env)
        rev = run(["git", "rev-parse", "HEAD"], hooks_repo, env).stdout.strip()

        project = os.path.join(tmp, "project")
        os.makedirs(project)
        run(["git", "init", "-q"], project, env)
        write(os.path.join(project, ".pre-commit-config.yaml"),
              f"repos:\n  - repo: {hooks_repo}\n    rev: {rev}\n    hooks:\n      - id: specgate\n")
        write(os.path.join(project, ".specgate.yaml"), "include: [specs/]\n")
        run(["git", "add", ".pre-commit-config.yaml", ".specgate.yaml"], project, env)
        run(["git", "commit", "-q", "-m", "config"], project, env)
        run([pre_commit, "install"], project, env)

        failures = []
        # 1. A bad spec: the commit is refused, with specgate's own finding in the output.
        write(os.path.join(project, "specs", "TASK-7.md"), BAD_SPEC)
        run(["git", "add", "specs/TASK-7.md"], project, env)
        r = run(["git", "commit", "-m", "bad spec"], project, env, check=False)
        out = r.stdout + r.stderr
        if r.returncode == 0:
            failures.append("a bad spec was committed")
        if "specs/TASK-7.md:5:15: error: placeholder '<name>' left in the spec [placeholder]" not in out:
            failures.append("specgate's message is not in the refused commit's output:\n" + out)
        run(["git", "rm", "-q", "--cached", "specs/TASK-7.md"], project, env)
        os.remove(os.path.join(project, "specs", "TASK-7.md"))

        # 2. A README (outside include:) and a template inside specs/: neither is linted, though
        # both would fail as specs, so the commit goes through.
        write(os.path.join(project, "README.md"), README)
        write(os.path.join(project, "specs", "task-template.md"), TEMPLATE)
        run(["git", "add", "README.md", "specs/task-template.md"], project, env)
        r = run(["git", "commit", "-m", "readme and template"], project, env, check=False)
        out = r.stdout + r.stderr
        if r.returncode != 0:
            failures.append("the README/template commit was refused:\n" + out)
        if "README.md:" in out or "task-template.md:" in out:
            failures.append("README or template was linted:\n" + out)
        if "specgate" not in out or "Passed" not in out:
            failures.append("the hook did not run:\n" + out)

        # 3. The same spec fixed: the commit goes through.
        write(os.path.join(project, "specs", "TASK-8.md"),
              BAD_SPEC.replace("TASK-7", "TASK-8").replace("<name>", "Ana"))
        run(["git", "add", "specs/TASK-8.md"], project, env)
        r = run(["git", "commit", "-m", "good spec"], project, env, check=False)
        if r.returncode != 0 and "placeholder" in r.stdout + r.stderr:
            failures.append("a spec without a placeholder was refused for one:\n" + r.stdout + r.stderr)

        for f in failures:
            print("FAIL:", f)
        if not failures:
            print("ok: bad spec refused with specgate's message; README and template not linted")
        return 1 if failures else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
