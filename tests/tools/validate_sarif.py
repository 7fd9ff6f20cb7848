#!/usr/bin/env python3
"""Validates SARIF logs against the official SARIF 2.1.0 schema, plus the cross references the
schema cannot express (ruleIndex, artifact index, URI syntax).

usage: validate_sarif.py SCHEMA.json LOG.sarif...
"""
import json
import re
import sys

import jsonschema

# RFC 3986 URI-reference characters; '%' must start a percent-encoded byte.
URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def uri_problem(uri):
    if not URI_CHARS.match(uri):
        return "not a valid URI reference"
    if not SCHEME.match(uri) and ":" in uri.split("/", 1)[0]:
        return "relative reference with ':' in its first segment"
    return None


def check_log(log, validator):
    problems = [f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message}"
                for e in validator.iter_errors(log)]
    if problems:
        return problems
    for r, run in enumerate(log["runs"]):
        rules = run["tool"]["driver"].get("rules", [])
        artifacts = run.get("artifacts", [])
        for a, art in enumerate(artifacts):
            p = uri_problem(art["location"]["uri"])
            if p:
                problems.append(f"runs[{r}].artifacts[{a}]: {p}")
        for i, res in enumerate(run.get("results", [])):
            where = f"runs[{r}].results[{i}]"
            idx = res.get("ruleIndex")
            if idx is not None and (idx >= len(rules) or rules[idx]["id"] != res.get("ruleId")):
                problems.append(f"{where}: ruleIndex {idx} does not name rule {res.get('ruleId')!r}")
            for loc in res.get("locations", []):
                art = loc["physicalLocation"]["artifactLocation"]
                p = uri_problem(art["uri"])
                if p:
                    problems.append(f"{where}: {p}")
                ai = art.get("index")
                if ai is not None and (ai >= len(artifacts) or artifacts[ai]["location"]["uri"] != art["uri"]):
                    problems.append(f"{where}: artifact index {ai} does not match uri {art['uri']!r}")
                reg = loc["physicalLocation"].get("region", {})
                if "endLine" in reg and reg["endLine"] < reg["startLine"]:
                    problems.append(f"{where}: region ends before it starts")
                if reg.get("endLine", reg.get("startLine")) == reg.get("startLine") and \
                        "endColumn" in reg and reg["endColumn"] < reg.get("startColumn", 1):
                    problems.append(f"{where}: region ends before it starts")
    return problems


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    passed = failed = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        problems = check_log(log, validator)
        if problems:
            failed += 1
            print(f"FAIL {path}")
            for p in problems:
                print(f"  {p}")
        else:
            passed += 1
            print(f"ok   {path}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
