#!/usr/bin/env python3
"""Holds specgate's document model to GitHub's rendering (issue 16 class 7).

For every Markdown document in ../shared/corpus/real and real2, compares the top-level blocks of
`specgate parse FILE --format json` (kind and first line) with those of
`cmark-gfm --to xml --sourcepos -e table -e tasklist FILE` (Debian's cmark-gfm, GitHub's parser;
a test tool only). Headings are left out (sections are compared by other tests), and so is a
thematic break on line 1: specgate reads a `---` block there as front matter, as GitHub does for
display. Every other divergence must be listed in tests/real/gfm-divergences.tsv with its reason
(docs/document-model.md says which are kept and why); the test fails on an unlisted one, and on a
listed one that is gone (so the list shrinks as the model is fixed).

Usage: gfm_blocks.py SPECGATE [--shared DIR] [--list]   (--list prints every divergence as TSV)
Exit 77 (ctest's SKIP_RETURN_CODE) without cmark-gfm or the corpora.
"""
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

SKIP = 77
NS = "{http://commonmark.org/xml/1.0}"
KIND = {"paragraph": "paragraph", "list": "list", "code_block": "code", "table": "table",
        "block_quote": "quote", "thematic_break": "thematic_break", "html_block": "html"}
HERE = os.path.dirname(os.path.abspath(__file__))


def gfm_blocks(path):
    xml = subprocess.run(["cmark-gfm", "--to", "xml", "--sourcepos", "-e", "table", "-e", "tasklist", path],
                         capture_output=True, text=True, check=True).stdout
    out = []
    for child in ET.fromstring(xml):
        tag = child.tag.replace(NS, "")
        if tag == "heading":
            continue
        pos = child.get("sourcepos")
        line = int(pos.split(":")[0]) if pos else 0  # cmark-gfm drops it on a paragraph a table split
        if tag == "thematic_break" and line == 1:
            continue
        out.append((KIND.get(tag, tag), line))
    return out


def model_blocks(binary, path):
    proc = subprocess.run([binary, "parse", path, "--format", "json"], capture_output=True, text=True, check=True)
    doc = json.loads(proc.stdout)
    out = []

    def walk(s):
        for b in s.get("blocks", []):
            if b.get("depth", 0) == 0:
                out.append((b["type"], b["line"]))
        for c in s.get("children", []):
            walk(c)

    walk(doc["preamble"])
    for s in doc["sections"]:
        walk(s)
    return sorted(out, key=lambda t: t[1])


def divergences(binary, root, rel):
    path = os.path.join(root, rel)
    a, b = gfm_blocks(path), model_blocks(binary, path)
    sa, sb = set(a), set(b)
    rows = [(rel, str(line), kind, "gfm-only") for kind, line in a if (kind, line) not in sb]
    rows += [(rel, str(line), kind, "model-only") for kind, line in b if (kind, line) not in sa]
    return rows


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    binary = args[0]
    shared = os.path.join(HERE, "..", "..", "..", "shared")
    if "--shared" in args:
        shared = args[args.index("--shared") + 1]
    corpus = os.path.join(shared, "corpus")
    if not shutil.which("cmark-gfm") or not os.path.isdir(corpus):
        print("gfm_blocks: cmark-gfm or ../shared/corpus absent; skipped")
        return SKIP
    found = []
    for sub in ("real", "real2"):
        base = os.path.join(corpus, sub)
        for dirpath, dirs, files in os.walk(base):
            dirs.sort()
            for f in sorted(files):
                if f.endswith(".md"):
                    found.extend(divergences(binary, corpus, os.path.relpath(os.path.join(dirpath, f), corpus)))
    if "--list" in args:
        for r in found:
            print("\t".join(r))
        return 0
    kept = {}
    with open(os.path.join(HERE, "gfm-divergences.tsv"), encoding="utf-8") as fh:
        for row in fh:
            if row.startswith("#") or not row.strip():
                continue
            cols = row.rstrip("\n").split("\t")
            kept[tuple(cols[:4])] = cols[4] if len(cols) > 4 else ""
    have = set(found)
    new = [r for r in found if r not in kept]
    gone = [r for r in kept if r not in have]
    for r in new:
        print("divergence not listed in gfm-divergences.tsv: " + " ".join(r))
    for r in gone:
        print("listed divergence no longer seen (remove its row): " + " ".join(r))
    print(f"gfm_blocks: {len(found)} divergences, all listed" if not new and not gone else "gfm_blocks: FAILED")
    return 1 if new or gone else 0


if __name__ == "__main__":
    sys.exit(main())
