#!/usr/bin/env python3
"""Precision of a specgate binary on the real corpora, judged by tests/real/triage.tsv.

Runs the binary over ../shared/corpus/real (auto-detection) and ../shared/corpus/real2 (each
document with its family's template from TEMPLATE-FOR.tsv; auto-detection where none is
published), always with --format json --today 2026-11-22, and joins the findings with the hand
verdicts on (corpus, file, line, rule); where one rule reports several findings on one line, a
row's `match` column (a piece of the message) says which one it judges. A verdict judges a
finding at the severity in its `severity` column: the same finding at another severity (an error
that became a note) is a different claim to the spec's owner, so it counts as unjudged until
someone judges it again. An empty `severity` (a row judged before severities were recorded, or
written without one) matches any severity; --fill-severity fills those from the current run.

By default it prints precision right / (right + wrong) overall, per corpus, per severity and per
rule, and how many findings are not judged yet (listing those whose verdict was given at another
severity). Regression halves, each its own flag so the lead can turn the
second on when the precision fixes land:
  --keep-right  exit 1 when a finding judged `right` is no longer reported
  --no-wrong    exit 1 when a finding judged `wrong` is reported
  --regress     both
Exit 77 (ctest's SKIP_RETURN_CODE) when the corpora are absent.

Other outputs: --dump prints every finding as a triage row (verdict empty where not judged yet,
severity always the finding's), for judging new findings by hand. --fill-severity writes the
current run's severity into every row that has none and judges a finding reported now.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

TODAY = "2026-11-22"
SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
# `match` tells apart findings of one rule on one line (a missing-section flood at one line): a
# piece of the message, usually the template section's name; empty matches any message.
# `severity` (last, so rows written without it still read) is the severity the verdict judged.
COLUMNS = ["corpus", "file", "line", "rule", "verdict", "class", "basis", "reason", "match",
           "severity"]
VERDICTS = ("right", "debatable", "wrong", "missed")
SEVERITIES = ("error", "warning", "note")


def run_json(binary, cwd, files, template):
    """Findings of one specgate run as (file, line, rule, severity, message) tuples."""
    cmd = [binary, "check", "--format", "json", "--today", TODAY, "-j", "1"]
    if template:
        cmd += ["--template", template]
    cmd += files
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"precision.py: {' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr}")
    out = []
    for f in json.loads(proc.stdout)["files"]:
        for d in f["diagnostics"]:
            out.append((f["path"], d["line"], d["rule"], d["severity"], d["message"]))
    return out


def real2_plan(root):
    """(template or None, [doc, ...]) groups from TEMPLATE-FOR.tsv, in file order."""
    groups = collections.OrderedDict()
    with open(os.path.join(root, "TEMPLATE-FOR.tsv"), encoding="utf-8") as fh:
        next(fh)
        for row in fh:
            cells = row.rstrip("\n").split("\t")
            if len(cells) < 2 or not cells[0]:
                continue
            groups.setdefault(cells[1] or None, []).append(cells[0])
    return groups


def collect(binary, shared):
    """Every finding of both corpora as dicts with corpus, file, line, rule, severity, message."""
    findings = []
    real = os.path.join(shared, "corpus", "real")
    docs = sorted(n for n in os.listdir(real) if n.endswith(".md"))
    # One run per document: auto-detection is per file anyway, and a folder run would also
    # descend into expected/.
    for doc in docs:
        for path, line, rule, sev, msg in run_json(binary, real, [doc], None):
            findings.append(dict(corpus="real", file=path, line=line, rule=rule,
                                 severity=sev, message=msg))
    real2 = os.path.join(shared, "corpus", "real2")
    for template, group in real2_plan(real2).items():
        for path, line, rule, sev, msg in run_json(binary, real2, group, template):
            findings.append(dict(corpus="real2", file=path, line=line, rule=rule,
                                 severity=sev, message=msg))
    return findings


def load_triage(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if header not in (COLUMNS, COLUMNS[:-1]):  # a file from before `severity` still reads
            sys.exit(f"precision.py: {path}: header must be {COLUMNS}")
        for n, raw in enumerate(fh, start=2):
            if not raw.strip() or raw.startswith("#"):
                continue
            cells = raw.rstrip("\n").split("\t")
            if len(cells) == len(COLUMNS) - 1:
                cells.append("")  # written without a severity: judged at any
            if len(cells) != len(COLUMNS):
                sys.exit(f"precision.py: {path}:{n}: {len(cells)} columns, want {len(COLUMNS)}")
            row = dict(zip(COLUMNS, cells))
            if row["verdict"] not in VERDICTS:
                sys.exit(f"precision.py: {path}:{n}: verdict '{row['verdict']}'")
            if row["severity"] not in SEVERITIES + ("",):
                sys.exit(f"precision.py: {path}:{n}: severity '{row['severity']}'")
            row["line"] = int(row["line"])
            row["_n"] = n
            rows.append(row)
    return rows


def key(d):
    return (d["corpus"], d["file"], int(d["line"]), d["rule"])


class Verdicts:
    """Triage rows indexed by key; a row with a `match` wins over one without."""

    def __init__(self, rows):
        self.by_key = collections.defaultdict(list)
        for r in rows:
            if r["verdict"] != "missed":
                self.by_key[key(r)].append(r)

    def candidates(self, finding):
        """Rows naming this finding, most specific first, whatever severity they judged."""
        rows = self.by_key.get(key(finding), [])
        return ([r for r in rows if r["match"] and r["match"] in finding["message"]]
                + [r for r in rows if not r["match"]])

    def row(self, finding):
        """The row judging this finding at its severity, or None."""
        for r in self.candidates(finding):
            if r["severity"] in ("", finding["severity"]):
                return r
        return None

    def restated(self, finding):
        """The row that judged this finding at another severity, when none judged it at its own."""
        if self.row(finding):
            return None
        rows = self.candidates(finding)
        return rows[0] if rows else None

    def verdict(self, finding):
        r = self.row(finding)
        return r["verdict"] if r else "unjudged"

    def rows(self):
        for rows in self.by_key.values():
            yield from rows


def ratio(right, wrong):
    return f"{right / (right + wrong):.2f}" if right + wrong else "-"


def report(findings, verdicts):
    """Table of precision overall, per corpus, per severity, per rule and per (corpus, rule);
    then the findings unjudged because their verdict was given at another severity."""
    tallies = collections.defaultdict(collections.Counter)
    for f in findings:
        v = verdicts.verdict(f)
        for group in ("all", "corpus " + f["corpus"], "severity " + f["severity"],
                      "rule " + f["rule"], f"{f['corpus']} {f['rule']}"):
            tallies[group][v] += 1
    print(f"{'group':<40} {'findings':>8} {'right':>6} {'debat':>6} {'wrong':>6} "
          f"{'unjudged':>8} {'precision':>9}")
    order = (["all"] + sorted(g for g in tallies if g.startswith("corpus "))
             + ["severity " + s for s in SEVERITIES if "severity " + s in tallies]
             + sorted(g for g in tallies if g.startswith("rule "))
             + sorted(g for g in tallies if g.split(" ")[0] in ("real", "real2")))
    for g in order:
        c = tallies[g]
        total = sum(c.values())
        print(f"{g:<40} {total:>8} {c['right']:>6} {c['debatable']:>6} {c['wrong']:>6} "
              f"{c['unjudged']:>8} {ratio(c['right'], c['wrong']):>9}")
    for f in findings:
        r = verdicts.restated(f)
        if r:
            print(f"judged at another severity: {f['corpus']} {f['file']}:{f['line']} "
                  f"[{f['rule']}] {r['verdict']} as {r['severity']}, now {f['severity']}: "
                  f"{f['message']}")


def dump(findings, verdicts):
    print("\t".join(COLUMNS + ["message"]))
    for f in findings:
        r = verdicts.row(f) or {}
        print("\t".join([f["corpus"], f["file"], str(f["line"]), f["rule"]]
                        + [r.get(c, "") for c in COLUMNS[4:-1]]
                        + [f["severity"], f["message"].replace("\t", " ")]))


def fill_severity(path, findings, verdicts):
    """Writes each finding's severity into the row judging it when that row has none; other
    lines (comments, rows of findings not reported now) stay as they are. Returns rows filled."""
    fill = {}
    for f in findings:
        r = verdicts.row(f)
        if r and not r["severity"]:
            if fill.get(id(r), f["severity"]) != f["severity"]:
                sys.exit(f"precision.py: one row judges findings of two severities: "
                         f"{f['corpus']} {f['file']}:{f['line']} [{f['rule']}]")
            fill[id(r)] = f["severity"]
    severity_of = {r["_n"]: fill[id(r)] for r in verdicts.rows() if id(r) in fill}
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for n, sev in severity_of.items():
        cells = lines[n - 1].split("\t")
        if len(cells) == len(COLUMNS) - 1:
            cells.append("")
        cells[-1] = sev
        lines[n - 1] = "\t".join(cells)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    return len(severity_of)


def regressions(findings, verdicts, keep_right, no_wrong):
    failures = []
    if keep_right:
        by_key = collections.defaultdict(list)
        for f in findings:
            by_key[key(f)].append(f["message"])
        for r in sorted(verdicts.rows(), key=key):
            if r["verdict"] == "right" and not any(r["match"] in m for m in by_key[key(r)]):
                failures.append(f"judged right, no longer reported: {r['corpus']} "
                                f"{r['file']}:{r['line']} [{r['rule']}] {r['match']}")
    if no_wrong:
        for f in findings:
            if verdicts.verdict(f) == "wrong":
                failures.append(f"judged wrong, reported again: {f['corpus']} "
                                f"{f['file']}:{f['line']} [{f['rule']}] {f['message']}")
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary", help="specgate binary to measure")
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(HERE, "..", "..", "..",
                                                                      "shared")),
                    help="the shared folder holding corpus/real and corpus/real2")
    ap.add_argument("--triage", default=os.path.join(HERE, "triage.tsv"))
    ap.add_argument("--keep-right", action="store_true",
                    help="fail when a finding judged right is no longer reported")
    ap.add_argument("--no-wrong", action="store_true",
                    help="fail when a finding judged wrong is reported")
    ap.add_argument("--regress", action="store_true", help="--keep-right and --no-wrong")
    ap.add_argument("--dump", action="store_true",
                    help="print every finding as a triage row instead of the table")
    ap.add_argument("--fill-severity", action="store_true",
                    help="write the current run's severity into rows that have none, then exit")
    args = ap.parse_args()

    if not all(os.path.isdir(os.path.join(args.shared, "corpus", c)) for c in ("real", "real2")):
        print(f"precision.py: {args.shared}/corpus/real{{,2}} absent; skipped")
        return SKIP
    binary = os.path.abspath(args.binary)
    verdicts = Verdicts(load_triage(args.triage))
    findings = collect(binary, args.shared)

    if args.dump:
        dump(findings, verdicts)
        return 0
    if args.fill_severity:
        print(f"precision.py: severity filled in {fill_severity(args.triage, findings, verdicts)} rows")
        return 0
    report(findings, verdicts)
    failures = regressions(findings, verdicts, args.keep_right or args.regress,
                           args.no_wrong or args.regress)
    for line in failures:
        print(line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
