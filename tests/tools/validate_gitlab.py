#!/usr/bin/env python3
"""Validates GitLab Code Quality reports (specgate --format gitlab) against the documented shape
(tests/fixtures/gitlab/codequality-schema.json), plus what the schema cannot say: GitLab shows
only the first issue of a fingerprint, so fingerprints must be unique within a report.

usage: validate_gitlab.py SCHEMA.json REPORT.json...
"""
import json
import sys

import jsonschema


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        validator = jsonschema.Draft7Validator(json.load(f))
    failed = False
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        problems = [f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message}"
                    for e in validator.iter_errors(report)]
        prints = [i["fingerprint"] for i in report if isinstance(i, dict) and "fingerprint" in i]
        if len(prints) != len(set(prints)):
            problems.append("fingerprints are not unique")
        for p in problems:
            print(f"{path}: {p}")
        failed |= bool(problems)
        if not problems:
            print(f"{path}: ok ({len(report)} issues)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
