#!/usr/bin/env python3
"""Checks that JUnit reports are well-formed XML with consistent counts.

usage: validate_junit.py REPORT.xml...
"""
import sys
import xml.etree.ElementTree as ET


def check(path):
    root = ET.parse(path).getroot()  # raises on malformed XML
    if root.tag != "testsuite":
        return [f"root is <{root.tag}>, not <testsuite>"]
    cases = root.findall("testcase")
    failed = [c for c in cases if c.find("failure") is not None]
    problems = []
    if int(root.get("tests", -1)) != len(cases):
        problems.append(f"tests={root.get('tests')} but {len(cases)} testcases")
    if int(root.get("failures", -1)) != len(failed):
        problems.append(f"failures={root.get('failures')} but {len(failed)} failed testcases")
    for c in cases:
        if not c.get("name") or c.get("classname") != "specgate":
            problems.append(f"testcase without a name or classname: {c.attrib}")
    return problems


def main(argv):
    passed = failed = 0
    for path in argv[1:]:
        try:
            problems = check(path)
        except ET.ParseError as e:
            problems = [f"not well-formed: {e}"]
        if problems:
            failed += 1
            print(f"FAIL {path}")
            for p in problems:
                print(f"  {p}")
        else:
            passed += 1
            print(f"ok   {path}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
