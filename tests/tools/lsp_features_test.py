#!/usr/bin/env python3
"""The language features through the real server: `specgate lsp` over stdio, driven by the
scripted client (lsp_client.py), in a temporary workspace of three specs and their template.
Asserts completion (missing sections with the template's skeleton, allowed values, spec IDs, link
anchors), hover (an ID, a field, a finding after an edit), definition, references (UTF-16
positions past a non-ASCII character, a file not open), rename (a WorkspaceEdit across files, and
a refused name), document and workspace symbols.

Usage: lsp_features_test.py SPECGATE_BINARY
"""
import os
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client  # noqa: E402

TEMPLATE = """# TASK-XXX: [Title]

**Status**: [To Do | In Progress | Done]
**Priority**: [P0-Critical | P1-High]
**Updated**: [YYYY-MM-DD]

## Overview

[What the task does and why]

## Risks

[What could go wrong]

### Mitigations

[How each risk is contained]
"""

TASK2 = """# TASK-2: Retry budget

**Status**: Done
**Priority**: P1-High
**Updated**: 2026-01-05

## Overview

Depends on TASK-1, see [the parent](STORY-1-parent.md#scope).

"""

TASK1 = """# TASK-1: First task

**Status**: Done
**Owner**: Ana

Blocks TASK-2 (caf\u00e9 TASK-2).
"""

STORY = """# STORY-1: Parent story

**Status**: In Progress

## Scope

Tasks: TASK-2, TASK-1.
"""

CONFIG = """templates:
  task: task-template.md
map:
  "*.md": task
"""

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


def result(c, method, params):
    m = c.response(c.request_async(method, params))
    check("error" not in m, f"{method}: {m.get('error')}")
    return m.get("result")


def uri(path):
    return "file://" + urllib.parse.quote(path)


def pos(text, needle, plus=0):
    """LSP position (UTF-16) of the first `needle` in `text`, plus `plus` characters."""
    for n, line in enumerate(text.split("\n")):
        at = line.find(needle)
        if at >= 0:
            return {"line": n, "character": len(line[:at].encode("utf-16-le")) // 2 + plus}
    raise AssertionError(f"no {needle!r}")


def apply_edits(text, edits):
    lines = text.split("\n")

    def offset(p):
        line = lines[p["line"]]
        units = line.encode("utf-16-le")[: 2 * p["character"]].decode("utf-16-le")
        return sum(len(l) + 1 for l in lines[: p["line"]]) + len(units)

    for e in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        a, b = offset(e["range"]["start"]), offset(e["range"]["end"])
        text = text[:a] + e["newText"] + text[b:]
    return text


RENAME_FILES = {
    "ABC-12.md": "# ABC-12: Budget\n\n**Status**: Done\n",
    "notes/overview.md": "# Overview\n\nBudget: ABC-12, [the spec](../ABC-12.md), [again](../ABC-12.md#status).\n",
    "abc-7-retry-policy.md": "# ABC-7: Retry policy\n",
    "links.md": "# Links\n\n[retry](abc-7-retry-policy.md) and ABC-7 and [not this](ABC-70-x.md)\n",
    "ABC-70-x.md": "# ABC-70: Other\n",
}


def rename_files_case(binary):
    """Renaming an ID whose declaring file is named after it: the file is renamed too (a
    RenameFile operation after the text edits) when the client can, and links to it follow;
    otherwise only text edits, and links (whose target holds the ID as part of a path) are left
    as they are so that none breaks."""
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.realpath(tmp)
        os.mkdir(os.path.join(root, ".git"))
        os.mkdir(os.path.join(root, "notes"))
        for name, text in RENAME_FILES.items():
            with open(os.path.join(root, name), "w", encoding="utf-8") as f:
                f.write(text)
        u = {name: uri(os.path.join(root, name)) for name in RENAME_FILES}
        overview = RENAME_FILES["notes/overview.md"]
        at_id = pos(overview, "ABC-12", 1)

        # A client that cannot rename files: text edits only, the links untouched.
        c = Client(binary, root)
        c.initialize(uri(root))
        r = result(c, "textDocument/rename", {"textDocument": {"uri": u["notes/overview.md"]}, "position": at_id,
                                             "newName": "ABC-13"})
        changes = (r or {}).get("changes", {})
        check("documentChanges" not in (r or {}), f"no resource operations without the capability: {r}")
        check(apply_edits(overview, changes.get(u["notes/overview.md"], [])) ==
              "# Overview\n\nBudget: ABC-13, [the spec](../ABC-12.md), [again](../ABC-12.md#status).\n",
              f"without file renames: {changes}")
        check(c.shutdown() == 0, "exit code")

        caps = {"workspace": {"workspaceEdit": {"documentChanges": True, "resourceOperations": ["create", "rename"]}}}
        c = Client(binary, root)
        c.initialize(uri(root), capabilities=caps)
        r = result(c, "textDocument/prepareRename", {"textDocument": {"uri": u["notes/overview.md"]}, "position": at_id})
        check((r or {}).get("placeholder") == "ABC-12", f"prepareRename {r}")
        r = result(c, "textDocument/rename", {"textDocument": {"uri": u["notes/overview.md"]}, "position": at_id,
                                             "newName": "ABC-13"})
        ops = (r or {}).get("documentChanges", [])
        renames = [o for o in ops if o.get("kind") == "rename"]
        check(renames == [{"kind": "rename", "oldUri": u["ABC-12.md"], "newUri": uri(os.path.join(root, "ABC-13.md"))}],
              f"rename operation {renames}")
        check(ops and ops[-1].get("kind") == "rename", f"the file moves after its text is edited: {ops}")
        edits = {o["textDocument"]["uri"]: o for o in ops if "textDocument" in o}
        check(sorted(edits) == sorted([u["ABC-12.md"], u["notes/overview.md"]]), f"edited files {sorted(edits)}")
        check(all(o["textDocument"]["version"] is None for o in edits.values()), f"files not open: no version {edits}")
        check(apply_edits(overview, edits.get(u["notes/overview.md"], {}).get("edits", [])) ==
              "# Overview\n\nBudget: ABC-13, [the spec](../ABC-13.md), [again](../ABC-13.md#status).\n",
              f"links follow the file: {edits.get(u['notes/overview.md'])}")
        check(apply_edits(RENAME_FILES["ABC-12.md"], edits.get(u["ABC-12.md"], {}).get("edits", [])) ==
              "# ABC-13: Budget\n\n**Status**: Done\n", "declaration renamed")

        # A lower-case file name stays lower-case; its open buffer's version is named; ABC-70-x.md
        # is not ABC-7's.
        policy = RENAME_FILES["abc-7-retry-policy.md"]
        c.notify("textDocument/didOpen", {"textDocument": {"uri": u["abc-7-retry-policy.md"], "languageId": "markdown",
                                                           "version": 3, "text": policy}})
        r = result(c, "textDocument/rename", {"textDocument": {"uri": u["abc-7-retry-policy.md"]},
                                             "position": pos(policy, "ABC-7"), "newName": "ABC-8"})
        ops = (r or {}).get("documentChanges", [])
        check([o for o in ops if o.get("kind") == "rename"] ==
              [{"kind": "rename", "oldUri": u["abc-7-retry-policy.md"], "newUri": uri(os.path.join(root, "abc-8-retry-policy.md"))}],
              f"lower-case rename {ops}")
        edits = {o["textDocument"]["uri"]: o for o in ops if "textDocument" in o}
        check(edits.get(u["abc-7-retry-policy.md"], {}).get("textDocument", {}).get("version") == 3, f"open version {edits}")
        check(apply_edits(RENAME_FILES["links.md"], edits.get(u["links.md"], {}).get("edits", [])) ==
              "# Links\n\n[retry](abc-8-retry-policy.md) and ABC-8 and [not this](ABC-70-x.md)\n", f"links.md {edits}")
        check(c.shutdown() == 0, "exit code")


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.realpath(tmp)
        os.mkdir(os.path.join(root, ".git"))  # the config search stops here
        files = {"task-template.md": TEMPLATE, "TASK-2-retry.md": TASK2, "TASK-1-first.md": TASK1,
                 "STORY-1-parent.md": STORY, ".specgate.yaml": CONFIG}
        for name, text in files.items():
            with open(os.path.join(root, name), "w", encoding="utf-8") as f:
                f.write(text)
        p = {name: os.path.join(root, name) for name in files}
        c = Client(binary, root)
        caps = c.initialize(uri(root))["capabilities"]
        for cap in ("completionProvider", "hoverProvider", "definitionProvider", "referencesProvider",
                    "documentSymbolProvider", "workspaceSymbolProvider", "renameProvider"):
            check(bool(caps.get(cap)), f"capability {cap}")
        check(caps.get("renameProvider", {}).get("prepareProvider") is True, "rename prepareProvider")

        # The open buffer has lines the file on disk does not: the buffer wins.
        buf = TASK2 + "See TA\n[x](STORY-1-parent.md#)\n"
        t2 = uri(p["TASK-2-retry.md"])
        c.notify("textDocument/didOpen", {"textDocument": {"uri": t2, "languageId": "markdown", "version": 1,
                                                           "text": buf}})
        doc = {"textDocument": {"uri": t2}}

        # Completion: the missing section with the template's skeleton, on the empty line.
        empty = {"line": buf.split("\n").index("", 9), "character": 0}
        r = result(c, "textDocument/completion", {**doc, "position": empty})
        items = {i["label"]: i for i in r["items"]}
        check(list(items) == ["## Risks"], f"missing sections: {list(items)}")
        if "## Risks" in items:
            edit = items["## Risks"]["textEdit"]
            check(edit["newText"] == "## Risks\n\n[What could go wrong]\n\n### Mitigations\n\n[How each risk is contained]",
                  f"skeleton: {edit['newText']!r}")
            check(edit["range"] == {"start": empty, "end": empty}, f"section range {edit['range']}")
        # Allowed values of Status, replacing the value.
        r = result(c, "textDocument/completion", {**doc, "position": pos(buf, "Done", 2)})
        check([i["label"] for i in r["items"]] == ["To Do", "In Progress", "Done"], f"status values {r['items']}")
        check(r["items"][0]["textEdit"]["range"] == {"start": {"line": 2, "character": 12}, "end": {"line": 2, "character": 16}},
              f"value range {r['items'][0]['textEdit']['range']}")
        # Spec IDs with title and status.
        r = result(c, "textDocument/completion", {**doc, "position": pos(buf, "See TA", 6)})
        check([(i["label"], i.get("detail")) for i in r["items"]] ==
              [("TASK-1", "First task \u2014 Done"), ("TASK-2", "Retry budget \u2014 Done")], f"ids {r['items']}")
        # Heading anchors of a linked file.
        r = result(c, "textDocument/completion", {**doc, "position": pos(buf, "#)", 1)})
        check([i["label"] for i in r["items"]] == ["story-1-parent-story", "scope"], f"anchors {r['items']}")

        # Hover: a spec ID, a field.
        r = result(c, "textDocument/hover", {**doc, "position": pos(buf, "TASK-1", 2)})
        value = (r or {}).get("contents", {}).get("value", "")
        check("**TASK-1**: First task" in value and "Status: Done" in value and "Owner: Ana" in value, f"hover id {value!r}")
        r = result(c, "textDocument/hover", {**doc, "position": pos(buf, "Priority")})
        value = (r or {}).get("contents", {}).get("value", "")
        check("one of `P0-Critical`, `P1-High`" in value, f"hover field {value!r}")

        # Hover on a finding: its rule's page. An edit makes the value one the template does not
        # allow; the hover follows the buffer.
        line = pos(buf, "P1-High")["line"]
        c.notify("textDocument/didChange", {"textDocument": {"uri": t2, "version": 2},
                                            "contentChanges": [{"range": {"start": {"line": line, "character": 14},
                                                                          "end": {"line": line, "character": 21}},
                                                                "text": "Urgent"}]})
        buf = buf.replace("P1-High", "Urgent")
        r = result(c, "textDocument/hover", {**doc, "position": pos(buf, "Urgent", 2)})
        value = (r or {}).get("contents", {}).get("value", "")
        check("# field-value" in value and "## What it checks" in value and "one of `P0-Critical`" in value,
              f"hover finding {value!r}")

        # Definition: an ID, a link's anchor.
        r = result(c, "textDocument/definition", {**doc, "position": pos(buf, "TASK-1", 1)})
        check(r == [{"uri": uri(p["TASK-1-first.md"]), "range": {"start": {"line": 0, "character": 2},
                                                                   "end": {"line": 0, "character": 8}}}], f"definition id {r}")
        r = result(c, "textDocument/definition", {**doc, "position": pos(buf, "#scope", 2)})
        check(r == [{"uri": uri(p["STORY-1-parent.md"]), "range": {"start": {"line": 4, "character": 3},
                                                                     "end": {"line": 4, "character": 8}}}], f"definition link {r}")

        # References from a file that is not open, past "café" (UTF-16 columns).
        t1 = uri(p["TASK-1-first.md"])
        r = result(c, "textDocument/references", {"textDocument": {"uri": t1}, "position": pos(TASK1, "TASK-2"),
                                                 "context": {"includeDeclaration": True}})
        got = sorted((x["uri"], x["range"]["start"]["line"], x["range"]["start"]["character"]) for x in r or [])
        want = sorted([(uri(p["STORY-1-parent.md"]), 6, 7), (t1, 5, 7), (t1, 5, 20), (t2, 0, 2)])
        check(got == want, f"references {got}")

        # References of a heading: the links to its anchor, from the open buffer.
        story = uri(p["STORY-1-parent.md"])
        r = result(c, "textDocument/references", {"textDocument": {"uri": story}, "position": pos(STORY, "Scope", 1),
                                                  "context": {"includeDeclaration": False}})
        at = pos(buf, "STORY-1-parent.md#scope")
        check(r == [{"uri": t2, "range": {"start": at, "end": {"line": at["line"], "character": at["character"] + 23}}}],
              f"heading references {r}")

        # Rename: a WorkspaceEdit over every file; the result mentions only the new ID.
        r = result(c, "textDocument/prepareRename", {**doc, "position": pos(buf, "TASK-2", 1)})
        check(r == {"range": {"start": {"line": 0, "character": 2}, "end": {"line": 0, "character": 8}},
                    "placeholder": "TASK-2"}, f"prepareRename {r}")
        r = result(c, "textDocument/rename", {**doc, "position": pos(buf, "TASK-2", 1), "newName": "TASK-20"})
        changes = (r or {}).get("changes", {})
        check(sorted(changes) == sorted([t1, t2, uri(p["STORY-1-parent.md"])]), f"rename files {sorted(changes)}")
        texts = {t1: TASK1, t2: buf, uri(p["STORY-1-parent.md"]): STORY}
        for u, edits in changes.items():
            after = apply_edits(texts[u], edits)
            check("TASK-2 " not in after and "TASK-2," not in after and "TASK-2)" not in after and "TASK-2:" not in after
                  and "TASK-20" in after, f"renamed {u}: {after!r}")
        m = c.response(c.request_async("textDocument/rename", {**doc, "position": pos(buf, "TASK-2", 1), "newName": "TASK-1"}))
        check("error" in m and "already declared" in m["error"].get("message", ""), f"rename to a taken ID {m}")

        # Symbols.
        r = result(c, "textDocument/documentSymbol", {"textDocument": {"uri": uri(p["STORY-1-parent.md"])}})
        check([(s["name"], [k["name"] for k in s["children"]]) for s in r or []] == [("STORY-1: Parent story", ["Scope"])],
              f"document symbols {r}")
        r = result(c, "workspace/symbol", {"query": "retry"})
        check([(s["name"], s["location"]["uri"]) for s in r or []] == [("TASK-2: Retry budget", t2)], f"workspace symbols {r}")

        # Out of range and unknown: answers, not crashes.
        for method in ("textDocument/completion", "textDocument/hover", "textDocument/definition",
                       "textDocument/references", "textDocument/prepareRename"):
            result(c, method, {**doc, "position": {"line": 999, "character": 999}, "context": {"includeDeclaration": True}})
            r = result(c, method, {"textDocument": {"uri": uri(os.path.join(root, "missing.md"))},
                                   "position": {"line": 0, "character": 0}, "context": {"includeDeclaration": False}})
            check(r is None, f"{method} on a missing file: {r}")
        m = c.response(c.request_async("textDocument/rename", {**doc, "position": {"line": 0, "character": 3}}))
        check(m.get("error", {}).get("code") == -32602, f"rename without newName {m}")

        code = c.shutdown()
        check(code == 0, f"exit code {code}")
    rename_files_case(binary)
    if failures:
        print(f"{len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("lsp features: all assertions passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
