#!/usr/bin/env python3
"""The generated man page and shell completions, checked against the real binary's --help.

usage: completion_test.py SPECGATE MAN_PAGE COMPLETIONS_DIR

Walks `specgate --help` and every subcommand's --help (the user's view of the CLI), then:
- bash: sources the script, checks `complete -p specgate`, and runs the completion function on
  simulated command lines (COMP_WORDS/COMP_CWORD, as readline sets them): every flag of every
  command is offered after `-`, every subcommand after the command, option values and files;
- the man page: `man -l` renders it without warnings and the text has every flag;
- zsh (when installed): the script parses (`zsh -n`) and names every flag;
- fish (when installed): `complete -C` offers every flag and subcommand;
- the files in COMPLETIONS_DIR (what `make install` installs) equal `specgate completion SHELL`.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

SPECGATE, MAN_PAGE, COMPLETIONS = (os.path.abspath(a) for a in sys.argv[1:4])
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def help_of(path):
    """(options, subcommands) listed by `specgate PATH... --help`."""
    out = run([SPECGATE, *path, "--help"]).stdout
    options, subs, section = [], [], None
    for line in out.splitlines():
        if re.match(r"^\S.*:$", line):
            section = line[:-1]
            continue
        if section == "Options" and re.match(r"^  -", line):
            # "-f,--format TEXT:{text,json}=text   description": the names end at the first space.
            options.extend(line.strip().split(" ")[0].split(","))
        elif section == "Subcommands" and re.match(r"^  \S", line):
            subs.append(line.split()[0])
    return options, subs


commands = {}  # ("templates", "list") -> (options, subcommands)


def collect(path):
    commands[path] = help_of(list(path))
    for s in commands[path][1]:
        collect(path + (s,))


collect(())
if len(commands) < 10 or not commands[()][1]:
    fail(f"--help walk found too little: {commands}")

# ---- bash ----------------------------------------------------------------------------------
BASH_DRIVER = r'''
source <("$SPECGATE" completion bash) || exit 3
complete -p specgate
comp() {
  COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _specgate
  printf '%s\n' "---" "${COMPREPLY[@]}"
}
'''


def bash_complete(lines):
    """Runs comp() once per word list; returns `complete -p` and one reply list per call."""
    script = BASH_DRIVER + "".join(
        "comp " + " ".join("'" + w.replace("'", "'\\''") + "'" for w in words) + "\n" for words in lines)
    env = dict(os.environ, SPECGATE=SPECGATE)
    r = run(["bash", "--norc", "--noprofile", "-c", script], env=env, cwd=WORKDIR)
    if r.returncode != 0:
        fail(f"bash completion script failed: {r.stderr}")
        return "", [[] for _ in lines]
    head, *replies = r.stdout.split("---\n")
    return head.strip(), [[w for w in rep.splitlines() if w] for rep in replies]


WORKDIR = tempfile.mkdtemp(prefix="specgate-completion-")
os.makedirs(os.path.join(WORKDIR, "specs"))
open(os.path.join(WORKDIR, "specs", "TASK-1.md"), "w").write("# Task\n")

cases = []  # (words, check(reply) -> error or None)


def expect_all(words, wanted, exact=False):
    def check(reply):
        missing = [w for w in wanted if w not in reply]
        if missing:
            return f"missing {missing} in {reply}"
        if exact and sorted(reply) != sorted(wanted):
            return f"expected exactly {sorted(wanted)}, got {sorted(reply)}"
        return None
    cases.append((words, check))


for path, (options, subs) in commands.items():
    expect_all(["specgate", *path, "-"], options)
    if subs:
        expect_all(["specgate", *path, ""], subs)
expect_all(["specgate", "ch"], ["check"], exact=True)
expect_all(["specgate", "check", "--form"], ["--format"], exact=True)
expect_all(["specgate", "check", "--f"], ["--fix", "--format", "--force-exclude"], exact=True)
expect_all(["specgate", "check", "--fi"], ["--fix"], exact=True)
expect_all(["specgate", "check", "--format", ""], ["text", "json", "sarif", "github", "junit"])
expect_all(["specgate", "check", "-f", "js"], ["json"], exact=True)
expect_all(["specgate", "check", "--format", "=", "sa"], ["sarif"], exact=True)
expect_all(["specgate", "check", "--color", ""], ["auto", "always", "never"], exact=True)
expect_all(["specgate", "templates", "schema", "-f", ""], ["yaml", "json"], exact=True)
expect_all(["specgate", "completion", ""], ["bash", "zsh", "fish"], exact=True)
# An option's value is skipped when finding the command: `-t templates` is not the subcommand.
expect_all(["specgate", "check", "-t", "templates", "--str"], ["--strict"], exact=True)
expect_all(["specgate", "-c", "x", "templates", ""], ["list", "show", "schema"], exact=True)
# Paths: files and folders where a command takes them, none where it does not.
expect_all(["specgate", "check", "spe"], ["specs"], exact=True)
expect_all(["specgate", "check", "specs/"], ["specs/TASK-1.md"], exact=True)
expect_all(["specgate", "check", "--config", "spe"], ["specs"], exact=True)
expect_all(["specgate", "rules", "spe"], [], exact=True)
expect_all(["specgate", "rules", "missing-s"], ["missing-section"], exact=True)
# The hidden `man` is never offered.
cases.append((["specgate", "m"], lambda r: None if r == ["mermaid"] else f"expected only mermaid, got {r}"))

registration, replies = bash_complete([w for w, _ in cases])
if registration != "complete -F _specgate specgate":
    fail(f"complete -p specgate says {registration!r}")
for (words, check), reply in zip(cases, replies):
    err = check(reply)
    if err:
        fail(f"bash: {' '.join(words)!r}: {err}")

# ---- the man page --------------------------------------------------------------------------
env = dict(os.environ, MANWIDTH="100", LC_ALL="C.UTF-8", MAN_KEEP_FORMATTING="")
r = run(["man", "--warnings=all", "-E", "ascii", "-l", MAN_PAGE], env=env)
if r.returncode != 0 or r.stderr.strip():
    fail(f"man -l {MAN_PAGE}: exit {r.returncode}: {r.stderr.strip()}")
page = re.sub(r".\x08", "", r.stdout)  # any overstrike bold/underline left by the pager-less run
if "SPECGATE(1)" not in page or "NAME" not in page:
    fail(f"the rendered page has no SPECGATE(1) header: {page[:300]!r}")
for path, (options, subs) in commands.items():
    title = " ".join(("specgate",) + path)
    if path and title not in page:
        fail(f"man page: no section for {title!r}")
    for o in options:
        if not re.search(r"(?<![\w-])" + re.escape(o) + r"(?![\w-])", page):
            fail(f"man page: {title}: {o} missing")

# ---- zsh and fish, when installed ----------------------------------------------------------
zsh_script = run([SPECGATE, "completion", "zsh"]).stdout
if shutil.which("zsh"):
    r = run(["zsh", "-n"], input=zsh_script)
    if r.returncode != 0:
        fail(f"zsh -n: {r.stderr}")
else:
    print("zsh not installed: only the script's content is checked")
for path, (options, _) in commands.items():
    for o in options:
        if not re.search(r"[{',]" + re.escape(o) + r"[\[,}]", zsh_script):
            fail(f"zsh: {' '.join(path)}: {o} missing")

if shutil.which("fish"):
    fish_script = os.path.join(WORKDIR, "specgate.fish")
    with open(fish_script, "w") as f:
        f.write(run([SPECGATE, "completion", "fish"]).stdout)
    queries = []
    for path, (options, subs) in commands.items():
        queries.append(("specgate " + " ".join(path) + (" " if path else " ") + "-").replace("  ", " "))
        if subs:
            queries.append("specgate " + " ".join(path) + (" " if path else ""))
    fish_cmd = f"source {fish_script}; " + "; ".join(
        f"echo '==='; complete -C '{q}'" for q in queries)
    r = run(["fish", "--no-config", "-c", fish_cmd], cwd=WORKDIR)
    if r.returncode != 0:
        fail(f"fish: {r.stderr}")
    blocks = r.stdout.split("===\n")[1:]
    i = 0
    for path, (options, subs) in commands.items():
        offered = {line.split("\t")[0] for line in blocks[i].splitlines()}
        i += 1
        # fish offers -f as -f and --format as --format; short flags may come as one list.
        missing = [o for o in options if o not in offered]
        if missing:
            fail(f"fish: {' '.join(('specgate',) + path)} -: missing {missing}; offered {sorted(offered)}")
        if subs:
            offered = {line.split("\t")[0] for line in blocks[i].splitlines()}
            i += 1
            missing = [s for s in subs if s not in offered]
            if missing:
                fail(f"fish: {' '.join(('specgate',) + path)}: subcommands {missing} missing; offered {sorted(offered)}")
else:
    print("fish not installed: skipped")

# ---- the installed files are the printed scripts -------------------------------------------
for shell, name in (("bash", "specgate"), ("zsh", "_specgate"), ("fish", "specgate.fish")):
    want = run([SPECGATE, "completion", shell]).stdout
    try:
        have = open(os.path.join(COMPLETIONS, name)).read()
    except OSError as e:
        fail(f"{name}: {e}")
        continue
    if have != want:
        fail(f"{COMPLETIONS}/{name} differs from `specgate completion {shell}`")
want = run([SPECGATE, "man"]).stdout
if open(MAN_PAGE).read() != want:
    fail(f"{MAN_PAGE} differs from `specgate man`")

shutil.rmtree(WORKDIR)
print(f"{len(commands)} commands, {len(cases)} bash completions, {len(failures)} failures")
sys.exit(1 if failures else 0)
