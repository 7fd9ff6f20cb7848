#!/usr/bin/env python3
"""`specgate lsp` driven by a scripted JSON-RPC client (lsp_client.py), in a temporary workspace:
the diagnostics of an open spec equal `specgate check --format json` for the same text (ranges
converted to LSP's UTF-16 positions independently, here in Python); edits (incremental, several per
message, CR LF text, characters outside the BMP) are followed; pulled diagnostics equal pushed ones;
"onSave" publishes only on save; and the protocol's failure cases get proper errors or a clean exit:
requests before initialize, unknown methods, malformed JSON, wrong params, cancellation, a message
larger than the server accepts, broken framing and a client that disappears.

usage: lsp_test.py SPECGATE_BINARY
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, frame  # noqa: E402

TODAY = "2026-11-22"
# Known defects: a field value, a placeholder after an astral character (two UTF-16 units, one
# specgate column), an impossible date, a date to normalise (a safe fix), and the template's
# missing sections.
SPEC = """<!-- specgate: template=task -->
# TASK-7: Rotate keys

**Status**: Draft
**Assignee**: 😀 <name>
**Updated**: 2026-02-30
**Priority**: Urgent
**Created**: Dec 16, 2025

## Description
Rotate the signing keys every 90 days; é and 中 count once each.
"""
SEVERITY = {"error": 1, "warning": 2, "note": 3}


def utf16_col(line_text, column):
    """specgate's 1-based column in characters -> LSP's 0-based UTF-16 offset."""
    return len(line_text[:column - 1].encode("utf-16-le")) // 2


def lines_of(text):
    # LSP line breaks: LF, CR LF, lone CR.
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def expected_diagnostics(binary, ws, path, text):
    """What the server must publish for `text` at `path`: check --format json on the same bytes."""
    r = subprocess.run([binary, "check", "--format", "json", "--today", TODAY, "-", "--stdin-filename", path],
                       cwd=ws, input=text.encode("utf-8"), capture_output=True)
    report = json.loads(r.stdout)
    lines = lines_of(text)
    out = []
    for d in report["files"][0]["diagnostics"]:
        start = {"line": d["line"] - 1, "character": utf16_col(lines[d["line"] - 1], d["column"])}
        end = {"line": d["end_line"] - 1, "character": utf16_col(lines[d["end_line"] - 1], d["end_column"])}
        message = d["message"] + ("\nhint: " + d["hint"] if d["hint"] else "")
        out.append((d["rule"], SEVERITY[d["severity"]], json.dumps({"start": start, "end": end}, sort_keys=True),
                    message))
    return out


def published(diags):
    return [(d["code"], d["severity"], json.dumps(d["range"], sort_keys=True), d["message"]) for d in diags]


class Workspace:
    def __init__(self, binary):
        self.binary = binary
        self.dir = os.path.realpath(tempfile.mkdtemp(prefix="specgate-lsp-"))
        os.makedirs(os.path.join(self.dir, "specs"))
        self.uri = "file://" + self.dir

    def write(self, rel, text):
        with open(os.path.join(self.dir, rel), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return self.uri + "/" + rel

    def client(self, options=None, capabilities=None):
        env_cache = os.path.join(self.dir, ".cache")
        os.environ["XDG_CACHE_HOME"] = env_cache
        c = Client(self.binary, self.dir)
        c.initialize(self.uri, dict({"today": TODAY}, **(options or {})), capabilities)
        return c

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def open_doc(c, uri, text, version=1):
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": version,
                                                       "text": text}})


def change(c, uri, version, changes):
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes})


def rng(l1, c1, l2, c2):
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


# --- the cases -------------------------------------------------------------------------------

def test_diagnostics_equal_check(ws):
    uri = ws.write("specs/TASK-7.md", SPEC)
    c = ws.client()
    try:
        open_doc(c, uri, SPEC)
        got = c.diagnostics(uri, 1)["diagnostics"]
        want = expected_diagnostics(ws.binary, ws.dir, "specs/TASK-7.md", SPEC)
        assert len(want) >= 4, want
        assert published(got) == want, f"published\n{published(got)}\nwant\n{want}"
        placeholder = [d for d in got if d["code"] == "placeholder"][0]
        # The astral character before it is two UTF-16 units: '**Assignee**: ' is 14, then 2 + 1.
        assert placeholder["range"] == rng(4, 17, 4, 23), placeholder["range"]
        for d in got:
            assert d["source"] == "specgate"
            href = d["codeDescription"]["href"]
            assert href.startswith("file://") and href.endswith("/" + d["code"] + ".md"), href
            with open(href[len("file://"):], encoding="utf-8") as f:
                assert d["code"] in f.read(), href
    finally:
        c.kill()


def test_edits_follow(ws):
    uri = ws.write("specs/TASK-7.md", SPEC)
    c = ws.client()
    try:
        open_doc(c, uri, SPEC)
        c.diagnostics(uri, 1)
        # Replace '<name>' (UTF-16 17..23 on line 4) and, in the same message, insert a line at the
        # top (each change applies to the text the one before left).
        change(c, uri, 2, [{"range": rng(4, 17, 4, 23), "text": "Dana"},
                           {"range": rng(0, 0, 0, 0), "text": "<!-- a comment line -->\n"}])
        text = "<!-- a comment line -->\n" + SPEC.replace("<name>", "Dana")
        got = c.diagnostics(uri, 2)["diagnostics"]
        assert "placeholder" not in [d["code"] for d in got], got
        want = expected_diagnostics(ws.binary, ws.dir, "specs/TASK-7.md", text)
        assert published(got) == want, f"published\n{published(got)}\nwant\n{want}"
        # A whole-text replacement.
        change(c, uri, 3, [{"text": SPEC}])
        got = c.diagnostics(uri, 3)["diagnostics"]
        assert published(got) == expected_diagnostics(ws.binary, ws.dir, "specs/TASK-7.md", SPEC)
        # Typing character by character inside the astral line: after the emoji, before '<'.
        for i, ch in enumerate("Ms "):
            change(c, uri, 4 + i, [{"range": rng(4, 17 + i, 4, 17 + i), "text": ch}])
        text = SPEC.replace("😀 <name>", "😀 Ms <name>")
        got = c.diagnostics(uri, 6)["diagnostics"]
        assert published(got) == expected_diagnostics(ws.binary, ws.dir, "specs/TASK-7.md", text)
    finally:
        c.kill()


def test_crlf_text(ws):
    text = SPEC.replace("\n", "\r\n")
    uri = ws.write("specs/TASK-8.md", text)
    c = ws.client()
    try:
        open_doc(c, uri, text)
        got = c.diagnostics(uri, 1)["diagnostics"]
        assert published(got) == expected_diagnostics(ws.binary, ws.dir, "specs/TASK-8.md", text)
        # Delete a whole CR LF line ('**Priority**: Urgent', line 6) by range.
        change(c, uri, 2, [{"range": rng(6, 0, 7, 0), "text": ""}])
        text = text.replace("**Priority**: Urgent\r\n", "")
        got = c.diagnostics(uri, 2)["diagnostics"]
        assert published(got) == expected_diagnostics(ws.binary, ws.dir, "specs/TASK-8.md", text)
    finally:
        c.kill()


def test_unsaved_buffer_wins(ws):
    uri = ws.write("specs/TASK-9.md", "# nothing like the buffer\n")
    c = ws.client()
    try:
        open_doc(c, uri, SPEC)
        got = c.diagnostics(uri, 1)["diagnostics"]
        assert published(got) == expected_diagnostics(ws.binary, ws.dir, "specs/TASK-9.md", SPEC)
    finally:
        c.kill()


def test_pull_equals_push(ws):
    uri = ws.write("specs/TASK-7.md", SPEC)
    c = ws.client()
    try:
        open_doc(c, uri, SPEC)
        pushed = c.diagnostics(uri, 1)["diagnostics"]
        pulled = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        assert pulled["kind"] == "full" and pulled["items"] == pushed, pulled
        # A file that is not open is read from disk.
        other = ws.write("specs/TASK-10.md", SPEC)
        pulled = c.request("textDocument/diagnostic", {"textDocument": {"uri": other}})
        assert published(pulled["items"]) == expected_diagnostics(ws.binary, ws.dir, "specs/TASK-10.md", SPEC)
    finally:
        c.kill()
    # A client that pulls gets no pushed diagnostics (they would show twice).
    c = ws.client(capabilities={"textDocument": {"diagnostic": {}}})
    try:
        open_doc(c, uri, SPEC)
        c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        c.shutdown()
        assert not [m for d, m in c.transcript if d == "<-" and m.get("method") == "textDocument/publishDiagnostics"]
    finally:
        c.kill()


def test_on_save(ws):
    uri = ws.write("specs/TASK-7.md", SPEC)
    c = ws.client({"run": "onSave", "debounceMs": 0})
    try:
        open_doc(c, uri, SPEC)
        c.diagnostics(uri, 1)
        # The change and a request in one write: with "onType" the debounce (0) would publish
        # version 2 before the next read; with "onSave" nothing is published until the save.
        edit = {"jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": {"textDocument": {"uri": uri, "version": 2},
                           "contentChanges": [{"range": rng(4, 17, 4, 23), "text": "Dana"}]}}
        ask = {"jsonrpc": "2.0", "id": 900, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": uri}}}
        c.write_raw(frame(edit) + frame(ask))
        c.response(900)
        rid = c.request_async("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        c.response(rid)
        assert not [m for d, m in c.transcript if d == "<-" and m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"].get("version") == 2], "published on change with run=onSave"
        c.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        got = c.diagnostics(uri, 2)["diagnostics"]
        assert "placeholder" not in [d["code"] for d in got]
    finally:
        c.kill()


def test_close_clears(ws):
    uri = ws.write("specs/TASK-7.md", SPEC)
    c = ws.client()
    try:
        open_doc(c, uri, SPEC)
        assert c.diagnostics(uri, 1)["diagnostics"]
        c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        assert c.diagnostics(uri)["diagnostics"] == []
    finally:
        c.kill()


def test_lifecycle(ws):
    c = Client(ws.binary, ws.dir)
    try:
        # Before initialize: ServerNotInitialized.
        err = c.response(c.request_async("textDocument/diagnostic", {"textDocument": {"uri": ws.uri + "/x.md"}}))
        assert err["error"]["code"] == -32002, err
        c.initialize(ws.uri)
        err = c.response(c.request_async("initialize", {"capabilities": {}}))
        assert err["error"]["code"] == -32600, err
        assert c.request("shutdown") is None
        err = c.response(c.request_async("textDocument/diagnostic", {"textDocument": {"uri": ws.uri + "/x.md"}}))
        assert err["error"]["code"] == -32600, err
        c.notify("exit")
        assert c.wait_exit() == 0
    finally:
        c.kill()
    # exit without shutdown: status 1, as the protocol says.
    c = ws.client()
    try:
        c.notify("exit")
        assert c.wait_exit() == 1
    finally:
        c.kill()


def test_bad_requests(ws):
    c = ws.client()
    try:
        err = c.response(c.request_async("specgate/noSuchMethod", {}))
        assert err["error"]["code"] == -32601, err
        c.notify("specgate/noSuchNotification", {})  # ignored
        c.notify("$/setTrace", {"value": "off"})  # ignored
        err = c.response(c.request_async("textDocument/diagnostic", {"textDocument": {}}))
        assert err["error"]["code"] == -32602, err
        err = c.response(c.request_async("textDocument/diagnostic", [1, 2]))
        assert err["error"]["code"] == -32602, err
        # Not JSON, then JSON that is not a request: errors with a null id, and the server goes on.
        for body, code in [(b"{not json", -32700), (b"[1, 2]", -32600), (b'"text"', -32600),
                           (b'{"jsonrpc": "1.0", "id": 5, "method": "x"}', -32600),
                           (b'{"jsonrpc": "2.0", "id": {"a": 1}, "method": "x"}', -32600),
                           (b'\xff\xfe not utf-8', -32700)]:
            c.write_raw(frame(body))
            err = c.wait_for(lambda m: "error" in m and m["error"]["code"] == code, f"error {code} for {body!r}")
        # A change to a document that is not open is reported in the log, not fatal.
        change(c, ws.uri + "/specs/never-opened.md", 2, [{"text": "x"}])
        c.wait_for(lambda m: m.get("method") == "window/logMessage" and "not open" in m["params"]["message"],
                   "a log message about the unknown document")
        # A request cancelled in the same write as itself is answered RequestCancelled, not run.
        ask = {"jsonrpc": "2.0", "id": 77, "method": "textDocument/diagnostic",
               "params": {"textDocument": {"uri": ws.uri + "/specs/none.md"}}}
        cancel = {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 77}}
        c.write_raw(frame(ask) + frame(cancel))
        assert c.response(77)["error"]["code"] == -32800
        assert c.shutdown() == 0
    finally:
        c.kill()


def test_huge_message(ws):
    c = ws.client()
    try:
        size = 90 << 20  # past the server's limit (80 MiB): read and dropped, answered with an error
        c.write_raw(b"Content-Length: %d\r\n\r\n" % size)
        chunk = b"x" * (1 << 20)
        for _ in range(size // len(chunk)):
            c.write_raw(chunk)
        c.wait_for(lambda m: "error" in m and "too large" in m["error"]["message"], "the too-large error")
        assert c.request("shutdown") is None  # and it still works
    finally:
        c.kill()


def test_broken_framing_exits(ws):
    for garbage in [b"garbage without headers\r\n\r\n{}", b"Content-Length: ten\r\n\r\n{}", b"x" * 10000]:
        c = ws.client()
        try:
            c.write_raw(garbage)
            assert c.wait_exit() == 1
            assert b"specgate lsp:" in c.proc.stderr.read()
        finally:
            c.kill()


def test_client_disappears(ws):
    uri = ws.write("specs/TASK-7.md", SPEC)
    # Input closed without shutdown or exit.
    c = ws.client()
    try:
        open_doc(c, uri, SPEC)
        c.close_input()
        assert c.wait_exit() == 1
    finally:
        c.kill()
    # Input half a message long, then gone.
    c = ws.client()
    try:
        c.write_raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")
        c.close_input()
        assert c.wait_exit() == 1
    finally:
        c.kill()
    # Nobody reads the output any more: the server's writes fail, and it exits instead of
    # hanging or dying of SIGPIPE (a raw process: the client's reader thread would hold the pipe).
    proc = subprocess.Popen([ws.binary, "lsp"], cwd=ws.dir, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        proc.stdout.close()
        init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
        opened = {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                  "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": SPEC}}}
        try:
            proc.stdin.write(frame(init) + frame({"jsonrpc": "2.0", "method": "initialized"}) + frame(opened))
            proc.stdin.flush()
        except BrokenPipeError:
            pass
        assert proc.wait(timeout=60) == 1
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def folder_expected(ws, rel_paths, texts=None):
    """check --format json over the whole folder (the server's workspace), by file, sorted."""
    r = subprocess.run([ws.binary, "check", "--format", "json", "--today", TODAY, "specs"], cwd=ws.dir,
                       capture_output=True)
    report = json.loads(r.stdout)
    out = {}
    for f in report["files"]:
        rel = os.path.relpath(os.path.join(ws.dir, f["path"]), ws.dir)
        with open(os.path.join(ws.dir, rel), encoding="utf-8") as fh:
            lines = lines_of(fh.read())
        got = []
        for d in f["diagnostics"]:
            start = {"line": d["line"] - 1, "character": utf16_col(lines[d["line"] - 1], d["column"])}
            end = {"line": d["end_line"] - 1, "character": utf16_col(lines[d["end_line"] - 1], d["end_column"])}
            got.append((d["rule"], SEVERITY[d["severity"]], json.dumps({"start": start, "end": end}, sort_keys=True),
                        d["message"] + ("\nhint: " + d["hint"] if d["hint"] else "")))
        out[rel] = sorted(got)
    return out


CYCLE = {"specs/TASK-1-schema.md": "# TASK-1: Schema 😀\n\n**Status**: In Progress\n**Blocked By**: TASK-3\n",
         "specs/TASK-2-api.md": "# TASK-2: API\n",
         "specs/TASK-3-ui.md": "# TASK-3: UI\n\n**Depends On**: TASK-1\n",
         "specs/other.md": "# TASK-2: Another spec with the same ID\n"}


def test_cross_document(ws):
    uris = {rel: ws.write(rel, text) for rel, text in CYCLE.items()}
    ws.write("specs/drafts-template.md", "# Template\n")  # a template: not a spec, not indexed
    want = folder_expected(ws, list(CYCLE))
    assert any(r == "dependency-cycle" for f in want.values() for r, *_ in f), want
    assert any(r == "duplicate-id" for f in want.values() for r, *_ in f), want
    c = ws.client(capabilities={"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
    try:
        c.wait_for(lambda m: m.get("method") == "client/registerCapability", "the file watcher registration")
        for rel, text in CYCLE.items():
            open_doc(c, uris[rel], text)
            got = c.diagnostics(uris[rel], 1)["diagnostics"]
            assert sorted(published(got)) == want[rel], f"{rel}: published\n{sorted(published(got))}\nwant\n{want[rel]}"
            if rel == "specs/TASK-2-api.md":
                dup = [d for d in got if d["code"] == "duplicate-id"][0]
                assert dup["relatedInformation"][0]["location"]["uri"] == uris["specs/other.md"], dup
                assert dup["relatedInformation"][0]["location"]["range"] == rng(0, 2, 0, 8), dup
        cyc = [d for rel in CYCLE for d in c.request("textDocument/diagnostic", {"textDocument": {"uri": uris[rel]}})["items"]
               if d["code"] == "dependency-cycle"][0]
        assert sorted(r["location"]["uri"] for r in cyc["relatedInformation"]) == \
            sorted([uris["specs/TASK-1-schema.md"], uris["specs/TASK-3-ui.md"]]), cyc
        # workspace/diagnostic: every spec of the folder, open or not.
        report = c.request("workspace/diagnostic", {"previousResultIds": []})
        assert sorted(i["uri"] for i in report["items"]) == sorted(uris.values()), report
        # An unsaved edit in one buffer changes another's findings: other.md takes another ID,
        # and TASK-2's duplicate-id goes away without anything being saved.
        change(c, uris["specs/other.md"], 2, [{"range": rng(0, 7, 0, 8), "text": "9"}])
        def task2_clean(m):
            return (m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uris["specs/TASK-2-api.md"]
                    and not [d for d in m["params"]["diagnostics"] if d["code"] == "duplicate-id"])
        c.wait_for(task2_clean, "TASK-2 republished without duplicate-id")
        # A config written on disk is read again when the client reports it.
        cfg = ws.write(".specgate.yaml", "rules:\n  dependency-cycle: off\n")
        c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": cfg, "type": 1}]})
        def no_cycle(m):
            return (m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uris["specs/TASK-2-api.md"]
                    and not [d for d in m["params"]["diagnostics"] if d["code"] == "dependency-cycle"])
        c.wait_for(no_cycle, "diagnostics without dependency-cycle after the config changed")
    finally:
        c.kill()


def codes_of(diags):
    return sorted(d["code"] for d in diags)


def publish_matching(c, uri, pred, what):
    """The next publishDiagnostics for `uri` whose diagnostics satisfy `pred`."""
    return c.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                      and pred(m["params"]["diagnostics"]), what)["params"]["diagnostics"]


def test_workspace_folders(ws):
    """Folders added after start are indexed under their own config; removed ones take their
    specs, and the cross-document findings they caused, with them."""
    a, b = os.path.join(ws.dir, "a"), os.path.join(ws.dir, "b")
    for d in (a, b, os.path.join(b, "drafts")):
        os.makedirs(d, exist_ok=True)
    task1 = "# TASK-1: Alpha\n\n**Depends On**: TASK-5\n"
    uri = ws.write("a/TASK-1-alpha.md", task1)
    ws.write("b/TASK-5-beta.md", "# TASK-5: Beta\n")
    ws.write("b/TASK-1-copy.md", "# TASK-1: Copy\n")
    ws.write("b/drafts/TASK-1-draft.md", "# TASK-1: Draft\n")  # excluded by b's own config
    ws.write("b/.specgate.yaml", "exclude: [drafts/]\n")
    a_uri, b_uri = ws.uri + "/a", ws.uri + "/b"
    os.environ["XDG_CACHE_HOME"] = os.path.join(ws.dir, ".cache")
    c = Client(ws.binary, ws.dir)
    try:
        init = c.request("initialize", {"processId": None, "rootUri": a_uri, "initializationOptions": {"today": TODAY},
                                        "capabilities": {"workspace": {"workspaceFolders": True},
                                                         "window": {"workDoneProgress": True}},
                                        "workspaceFolders": [{"uri": a_uri, "name": "a"}]})
        assert init["capabilities"]["workspace"]["workspaceFolders"] == {"supported": True, "changeNotifications": True}
        c.notify("initialized", {})
        open_doc(c, uri, task1)
        got = c.diagnostics(uri, 1)["diagnostics"]
        assert "dangling-reference" in codes_of(got) and "duplicate-id" not in codes_of(got), got
        # b joins: TASK-5 exists now, TASK-1 is declared twice (not three times: b's config
        # excludes its drafts).
        c.notify("workspace/didChangeWorkspaceFolders", {"event": {"added": [{"uri": b_uri, "name": "b"}], "removed": []}})
        got = publish_matching(c, uri, lambda ds: "duplicate-id" in codes_of(ds), "duplicate-id after b was added")
        assert "dangling-reference" not in codes_of(got), got
        dup = [d for d in got if d["code"] == "duplicate-id"][0]
        assert [r["location"]["uri"] for r in dup["relatedInformation"]] == [b_uri + "/TASK-1-copy.md"], dup
        # Indexing the added folder is shown as progress: a and b hold three specs.
        ends = [m["params"]["value"].get("message") for d, m in c.transcript
                if d == "<-" and m.get("method") == "$/progress" and m["params"]["value"]["kind"] == "end"]
        assert ends == ["1 spec indexed", "3 specs indexed"], ends
        # b leaves again: its specs and the findings they caused go.
        c.notify("workspace/didChangeWorkspaceFolders", {"event": {"added": [], "removed": [{"uri": b_uri, "name": "b"}]}})
        got = publish_matching(c, uri, lambda ds: "duplicate-id" not in codes_of(ds), "no duplicate-id after b left")
        assert "dangling-reference" in codes_of(got), got
        # Malformed events are logged, not fatal.
        c.notify("workspace/didChangeWorkspaceFolders", {"event": 5})
        c.notify("workspace/didChangeWorkspaceFolders", {})
        assert c.shutdown() == 0
    finally:
        c.kill()


def test_watched_files(ws):
    """Files created, changed and deleted on disk (not open) update the index; files discovery
    would not take (excluded, templates, outside the folders) are left out."""
    ws.write(".specgate.yaml", "exclude: [specs/drafts/]\n")
    os.makedirs(os.path.join(ws.dir, "specs", "drafts"))
    text = "# TASK-2: API\n"
    uri = ws.write("specs/TASK-2-api.md", text)
    c = ws.client(capabilities={"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
    try:
        reg = c.wait_for(lambda m: m.get("method") == "client/registerCapability", "the file watcher registration")
        globs = [w["globPattern"] for w in reg["params"]["registrations"][0]["registerOptions"]["watchers"]]
        assert "**/.specgate.{yaml,yml}" in globs and any(g.startswith("**/*.") and "md" in g for g in globs), globs
        open_doc(c, uri, text)
        assert "duplicate-id" not in codes_of(c.diagnostics(uri, 1)["diagnostics"])

        def events(*changes):
            c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": u, "type": t} for u, t in changes]})

        def pulled():
            return codes_of(c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})["items"])
        # Created on disk: joins the index.
        other = ws.write("specs/other.md", "# TASK-2: Another\n")
        events((other, 1))
        publish_matching(c, uri, lambda ds: "duplicate-id" in codes_of(ds), "duplicate-id after other.md was created")
        # Changed on disk: read again.
        ws.write("specs/other.md", "# TASK-3: Another\n")
        events((other, 2))
        publish_matching(c, uri, lambda ds: "duplicate-id" not in codes_of(ds), "no duplicate-id after other.md changed")
        # Not specs for `check specs/`: an excluded draft, a template, a file outside the folder.
        outside = os.path.realpath(tempfile.mkdtemp(prefix="specgate-outside-"))
        try:
            with open(os.path.join(outside, "TASK-2.md"), "w", encoding="utf-8") as f:
                f.write("# TASK-2: Outside\n")
            events((ws.write("specs/drafts/TASK-2-old.md", "# TASK-2: Draft\n"), 1),
                   (ws.write("specs/task-template.md", "# TASK-2: [Title]\n"), 1),
                   ("file://" + outside + "/TASK-2.md", 1), ("untitled:Untitled-1", 1), ("file:///nonexistent/x.md", 2))
            assert "duplicate-id" not in pulled()
        finally:
            shutil.rmtree(outside, ignore_errors=True)
        # Deleted: leaves the index (back to a duplicate first, then the file goes).
        ws.write("specs/other.md", "# TASK-2: Another\n")
        events((other, 2))
        publish_matching(c, uri, lambda ds: "duplicate-id" in codes_of(ds), "duplicate-id again")
        os.remove(os.path.join(ws.dir, "specs", "other.md"))
        events((other, 3))
        publish_matching(c, uri, lambda ds: "duplicate-id" not in codes_of(ds), "no duplicate-id after other.md was deleted")
        # A deleted directory takes its specs with it.
        os.makedirs(os.path.join(ws.dir, "specs", "sub"))
        sub = ws.write("specs/sub/TASK-2-again.md", "# TASK-2: Again\n")
        events((sub, 1))
        publish_matching(c, uri, lambda ds: "duplicate-id" in codes_of(ds), "duplicate-id from specs/sub")
        shutil.rmtree(os.path.join(ws.dir, "specs", "sub"))
        events((ws.uri + "/specs/sub", 3))
        publish_matching(c, uri, lambda ds: "duplicate-id" not in codes_of(ds), "no duplicate-id after specs/sub went")
        assert c.shutdown() == 0
    finally:
        c.kill()


def test_pull_result_ids(ws):
    """Pulled diagnostics carry result IDs: asked again with the ID the client holds, an unchanged
    document is answered "unchanged", by textDocument/diagnostic and workspace/diagnostic alike;
    cross-document findings bring the related documents' reports; when an edit changes other
    documents' findings, a client that supports it is asked to pull again."""
    uris = {rel: ws.write(rel, text) for rel, text in CYCLE.items()}
    t2, other, t3 = uris["specs/TASK-2-api.md"], uris["specs/other.md"], uris["specs/TASK-3-ui.md"]
    pull_caps = {"textDocument": {"diagnostic": {}}, "workspace": {"diagnostics": {"refreshSupport": True}}}
    c = ws.client(capabilities=pull_caps)
    try:
        for rel in ("specs/TASK-2-api.md", "specs/other.md"):
            open_doc(c, uris[rel], CYCLE[rel])

        def pull(uri, previous=None):
            params = {"textDocument": {"uri": uri}}
            if previous is not None:
                params["previousResultId"] = previous
            return c.request("textDocument/diagnostic", params)
        first = pull(t2)
        assert first["kind"] == "full" and first["resultId"], first
        assert "duplicate-id" in codes_of(first["items"]), first
        # The other declaration's document comes along, with its own duplicate-id.
        related = first.get("relatedDocuments", {})
        assert list(related) == [other], related
        assert related[other]["kind"] == "full" and "duplicate-id" in codes_of(related[other]["items"]), related
        again = pull(t2, first["resultId"])
        assert again == {"kind": "unchanged", "resultId": first["resultId"]}, again
        assert pull(t2, "stale-id")["kind"] == "full"
        r3 = pull(t3)["resultId"]
        # workspace/diagnostic: the documents whose result the client holds are unchanged.
        report = c.request("workspace/diagnostic", {"previousResultIds": [{"uri": t2, "value": first["resultId"]},
                                                                          {"uri": t3, "value": r3}]})
        kinds = {i["uri"]: i["kind"] for i in report["items"]}
        assert kinds == {u: ("unchanged" if u in (t2, t3) else "full") for u in uris.values()}, kinds
        for i in report["items"]:
            assert i["resultId"] and ("items" in i) == (i["kind"] == "full"), i
        assert [i["version"] for i in report["items"] if i["uri"] == t2] == [1]
        # Malformed previous IDs are ignored: full reports.
        report = c.request("workspace/diagnostic", {"previousResultIds": [5, {"uri": 1}, {"uri": t2, "value": 7}, None]})
        assert {i["kind"] for i in report["items"]} == {"full"}, report
        assert c.request("textDocument/diagnostic", {"textDocument": {"uri": t2}, "previousResultId": 5})["kind"] == "full"
        assert c.request("workspace/diagnostic", {"previousResultIds": "x"})["items"]
        # other.md takes another ID: pulling it changes TASK-2's findings, so the client is asked
        # to pull again, and TASK-2 is no longer unchanged; TASK-3 still is.
        change(c, other, 2, [{"range": rng(0, 7, 0, 8), "text": "9"}])
        assert "duplicate-id" not in codes_of(pull(other)["items"])
        refresh = c.wait_for(lambda m: m.get("method") == "workspace/diagnostic/refresh", "workspace/diagnostic/refresh")
        assert "params" not in refresh and "id" in refresh, refresh
        c.send({"jsonrpc": "2.0", "id": refresh["id"], "result": None})
        now = pull(t2, first["resultId"])
        assert now["kind"] == "full" and "duplicate-id" not in codes_of(now["items"]), now
        assert pull(t3, r3)["kind"] == "unchanged"
        assert c.shutdown() == 0
        refreshes = [m for d, m in c.transcript if d == "<-" and m.get("method") == "workspace/diagnostic/refresh"]
        assert len(refreshes) == 1, refreshes
    finally:
        c.kill()
    # Without refreshSupport no refresh is sent.
    c = ws.client(capabilities={"textDocument": {"diagnostic": {}}})
    try:
        for rel in ("specs/TASK-2-api.md", "specs/other.md"):
            open_doc(c, uris[rel], CYCLE[rel])
        c.request("textDocument/diagnostic", {"textDocument": {"uri": t2}})
        change(c, other, 2, [{"range": rng(0, 7, 0, 8), "text": "9"}])
        c.request("textDocument/diagnostic", {"textDocument": {"uri": other}})
        assert c.shutdown() == 0
        assert not [m for d, m in c.transcript if d == "<-" and m.get("method") == "workspace/diagnostic/refresh"]
    finally:
        c.kill()


def test_index_progress(ws):
    """The cold index is shown as work done progress to a client that supports it: the token is
    created, then begin, then end (after the index, with its size); no progress otherwise."""
    for rel, text in CYCLE.items():
        ws.write(rel, text)
    c = ws.client(capabilities={"window": {"workDoneProgress": True}})
    try:
        create = c.wait_for(lambda m: m.get("method") == "window/workDoneProgress/create", "the progress token")
        token = create["params"]["token"]
        c.send({"jsonrpc": "2.0", "id": create["id"], "result": None})
        begin = c.wait_for(lambda m: m.get("method") == "$/progress" and m["params"]["value"]["kind"] == "begin", "begin")
        end = c.wait_for(lambda m: m.get("method") == "$/progress" and m["params"]["value"]["kind"] == "end", "end")
        assert begin["params"]["token"] == token == end["params"]["token"], (begin, end)
        assert "index" in begin["params"]["value"]["title"], begin
        assert end["params"]["value"]["message"] == f"{len(CYCLE)} specs indexed", end
        order = [m.get("method") for d, m in c.transcript if d == "<-"]
        assert order.index("window/workDoneProgress/create") < order.index("$/progress"), order
        assert c.shutdown() == 0
    finally:
        c.kill()
    c = ws.client()
    try:
        assert c.shutdown() == 0
        assert not [m for d, m in c.transcript if d == "<-" and m.get("method") in
                    ("$/progress", "window/workDoneProgress/create")], c.transcript
    finally:
        c.kill()


def offset_of(text, pos):
    """LSP position (UTF-16) -> index into the Python string."""
    starts = [0]
    i = 0
    while i < len(text):
        if text[i] == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            i += 1
        if text[i] in "\r\n":
            starts.append(i + 1)
        i += 1
    if pos["line"] >= len(starts):
        return len(text)
    at, units = starts[pos["line"]], 0
    while at < len(text) and text[at] not in "\r\n" and units < pos["character"]:
        units += 2 if ord(text[at]) > 0xFFFF else 1
        at += 1
    return at


def apply_edits(text, edits):
    spans = sorted(((offset_of(text, e["range"]["start"]), offset_of(text, e["range"]["end"]), e["newText"])
                    for e in edits), reverse=True)
    for b, e, new in spans:
        text = text[:b] + new + text[e:]
    return text


def test_code_actions(ws):
    uri = ws.write("specs/TASK-7.md", SPEC)
    c = ws.client(capabilities={"workspace": {"workspaceEdit": {"documentChanges": True}}})
    try:
        open_doc(c, uri, SPEC)
        diags = c.diagnostics(uri, 1)["diagnostics"]
        assert [d for d in diags if d["code"] == "date" and "Dec 16" in d["message"]], diags
        # 'Urgent' has no clear match: one editor-only choice per allowed value, none preferred.
        prio = [d for d in diags if d["code"] == "field-value" and "Urgent" in d["message"]][0]
        actions = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": prio["range"],
                                                        "context": {"diagnostics": [prio]}})
        titles = [a["title"] for a in actions]
        assert len(actions) >= 2 and all(a["kind"] == "quickfix" for a in actions), actions
        assert not any(a.get("isPreferred") for a in actions), actions
        assert any("P1-High" in t for t in titles), titles
        choice = [a for a in actions if "P1-High" in a["title"]][0]
        change_doc = choice["edit"]["documentChanges"][0]
        assert change_doc["textDocument"] == {"uri": uri, "version": 1}, change_doc
        fixed = apply_edits(SPEC, change_doc["edits"])
        assert "**Priority**: P1-High\n" in fixed, fixed
        assert choice["diagnostics"][0]["code"] == "field-value"
        # fixAll: exactly what check --fix does to the same text.
        actions = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng(0, 0, 0, 0),
                                                        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
        assert [a["kind"] for a in actions] == ["source.fixAll.specgate"], actions
        after = apply_edits(SPEC, actions[0]["edit"]["documentChanges"][0]["edits"])
        fix_copy = ws.write("specs/TASK-copy.md", SPEC)
        subprocess.run([ws.binary, "check", "--fix", "--today", TODAY, "specs/TASK-copy.md"], cwd=ws.dir,
                       capture_output=True)
        with open(fix_copy[len("file://"):], encoding="utf-8") as f:
            assert after == f.read(), "fixAll differs from check --fix"
        assert after != SPEC
        # Applied: the fixed findings are gone and a second fixAll has nothing to do.
        change(c, uri, 2, [{"text": after}])
        diags = c.diagnostics(uri, 2)["diagnostics"]
        assert not [d for d in diags if "Dec 16" in d["message"]], diags
        actions = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng(0, 0, 0, 0),
                                                        "context": {"diagnostics": [], "only": ["source"]}})
        assert actions == [], actions
        # Without documentChanges support the edit comes as plain changes.
    finally:
        c.kill()
    c = ws.client()
    try:
        open_doc(c, uri, SPEC)
        diags = c.diagnostics(uri, 1)["diagnostics"]
        prio = [d for d in diags if d["code"] == "field-value" and "Urgent" in d["message"]][0]
        actions = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": prio["range"],
                                                        "context": {"diagnostics": [prio], "only": ["quickfix"]}})
        assert actions and uri in actions[0]["edit"]["changes"], actions
    finally:
        c.kill()


CASES = [test_code_actions, test_cross_document, test_workspace_folders, test_watched_files, test_pull_result_ids, test_index_progress, test_diagnostics_equal_check, test_edits_follow, test_crlf_text, test_unsaved_buffer_wins,
         test_pull_equals_push, test_on_save, test_close_clears, test_lifecycle, test_bad_requests,
         test_huge_message, test_broken_framing_exits, test_client_disappears]


def main():
    binary = os.path.abspath(sys.argv[1])
    only = sys.argv[2:]
    failures = 0
    for case in CASES:
        if only and case.__name__ not in only:
            continue
        ws = Workspace(binary)
        try:
            case(ws)
            print(f"ok: {case.__name__}")
        except Exception:  # noqa: BLE001 - every case reports and the rest still run
            failures += 1
            print(f"FAIL: {case.__name__}")
            traceback.print_exc()
        finally:
            ws.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
