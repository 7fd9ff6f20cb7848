#!/usr/bin/env python3
"""`specgate lsp` in a real editor: Debian's Neovim, headless, with its built-in LSP client
(vim.lsp.start_client / buf_attach_client, as in Neovim 0.7) on a spec in a temporary workspace.
Diagnostics arrive (with the rule as code), the source.fixAll.specgate code action is applied
through Neovim's own workspace-edit code, the buffer changes as `check --fix` would change the
file, and the fixed finding is gone from the diagnostics Neovim holds after its didChange.
Skipped (exit 0 with a note) when nvim is not installed.

usage: nvim_lsp_test.py SPECGATE_BINARY
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

TODAY = "2026-11-22"
SPEC = """<!-- specgate: template=task -->
# TASK-7: Rotate keys

**Status**: In Progress
**Assignee**: 😀 <name>
**Created**: Dec 16, 2025
"""

# Shared by both scripts: results go to `out` as JSON, then Neovim quits; the spec is opened.
DONE_LUA = r"""
local results = {}
local function done(ok, why)
  results.ok = ok
  results.why = why
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(results))
  f:close()
  vim.cmd('qa!')
end
vim.cmd('edit ' .. vim.fn.fnameescape(spec))"""

LUA = r"""
local binary, root, spec, out = unpack(_G.args)
__DONE__
local client = vim.lsp.start_client({
  name = 'specgate',
  cmd = { binary, 'lsp' },
  root_dir = root,
  init_options = { today = '__TODAY__', debounceMs = 0 },
})
if not client then return done(false, 'start_client failed') end
vim.lsp.buf_attach_client(0, client)
local function codes()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, { code = d.code or lsp.code, message = d.message, lnum = d.lnum, col = d.col })
  end
  return list
end
if not vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 20) then
  return done(false, 'no diagnostics arrived')
end
results.before = codes()
local params = {
  textDocument = vim.lsp.util.make_text_document_params(),
  range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
  context = { diagnostics = {}, only = { 'source.fixAll' } },
}
local replies = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 30000)
local action
for _, r in pairs(replies or {}) do
  for _, a in ipairs(r.result or {}) do action = a end
end
if not action then return done(false, 'no fixAll code action') end
results.action = action.title
vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
results.lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
local fixed = vim.wait(30000, function()
  local list = vim.diagnostic.get(0)
  if #list == 0 then return false end
  for _, d in ipairs(list) do
    if d.message:find('Dec 16', 1, true) then return false end
  end
  return true
end, 20)
results.after = codes()
if not fixed then return done(false, 'the fixed finding did not go away') end
done(true, '')
"""


RENAME_LUA = r"""
local binary, root, spec, notes, out = unpack(_G.args)
__DONE__
local client = vim.lsp.start_client({ name = 'specgate', cmd = { binary, 'lsp' }, root_dir = root,
                                      workspace_folders = { { uri = vim.uri_from_fname(root), name = 'ws' } } })
if not client then return done(false, 'start_client failed') end
vim.lsp.buf_attach_client(0, client)
if not vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 20) then
  return done(false, 'no diagnostics arrived')
end
local params = { textDocument = vim.lsp.util.make_text_document_params(), position = { line = 0, character = 3 },
                 newName = 'ABC-13' }
local replies = vim.lsp.buf_request_sync(0, 'textDocument/rename', params, 30000)
local edit
for _, r in pairs(replies or {}) do
  if r.error then return done(false, 'rename failed: ' .. vim.inspect(r.error)) end
  edit = r.result
end
if not edit then return done(false, 'no rename result') end
vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
results.buffer = vim.api.nvim_buf_get_name(0)
results.lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
local nb = vim.fn.bufnr(notes)
results.notes = nb >= 0 and vim.api.nvim_buf_get_lines(nb, 0, -1, false) or {}
done(true, '')
"""


def rename_case(binary, nvim):
    """Neovim renames a spec ID whose file is named after it: the file moves, links follow."""
    tmp = os.path.realpath(tempfile.mkdtemp(prefix="specgate-nvim-rename-"))
    try:
        os.mkdir(os.path.join(tmp, ".git"))
        spec = os.path.join(tmp, "ABC-12.md")
        notes = os.path.join(tmp, "notes.md")
        with open(spec, "w", encoding="utf-8") as f:
            f.write("# ABC-12: Budget\n\n**Status**: Done\n")
        with open(notes, "w", encoding="utf-8") as f:
            f.write("# Notes\n\nSee ABC-12 in [the spec](ABC-12.md#status).\n")
        script = os.path.join(tmp, "rename.lua")
        out = os.path.join(tmp, "result.json")
        with open(script, "w", encoding="utf-8") as f:
            f.write("_G.args = " + "{" + ", ".join(json.dumps(a) for a in [binary, tmp, spec, notes, out]) + "}\n")
            f.write(RENAME_LUA.replace("__DONE__", DONE_LUA))
        env = dict(os.environ, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp, XDG_STATE_HOME=tmp, XDG_CACHE_HOME=tmp)
        try:
            r = subprocess.run([nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-S", script], cwd=tmp, env=env,
                               capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return ["nvim did not finish the rename (hung?)"]
        if not os.path.exists(out):
            return [f"nvim wrote no rename result (exit {r.returncode})\n{r.stdout}\n{r.stderr}"]
        with open(out, encoding="utf-8") as f:
            res = json.load(f)
        if not res.get("ok"):
            return [f"{res.get('why')}: {res}"]
        failures = []
        renamed = os.path.join(tmp, "ABC-13.md")
        if os.path.exists(spec) or not os.path.exists(renamed):
            failures.append(f"the file was not renamed: {sorted(os.listdir(tmp))}")
        else:
            with open(renamed, encoding="utf-8") as f:
                if f.read() != "# ABC-13: Budget\n\n**Status**: Done\n":
                    failures.append("the renamed file's text")
        if res["buffer"] != renamed:
            failures.append(f"the buffer is {res['buffer']}, not {renamed}")
        if res["notes"] != ["# Notes", "", "See ABC-13 in [the spec](ABC-13.md#status)."]:
            failures.append(f"notes.md after the rename: {res['notes']}")
        if not failures:
            print("ok: Neovim renamed ABC-12 to ABC-13, file and link included")
        return failures
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    binary = os.path.abspath(sys.argv[1])
    nvim = shutil.which("nvim")
    if not nvim:
        print("nvim not installed: skipped (scripts/install-deps installs neovim)")
        return 0
    tmp = os.path.realpath(tempfile.mkdtemp(prefix="specgate-nvim-"))
    try:
        os.makedirs(os.path.join(tmp, "specs"))
        spec = os.path.join(tmp, "specs", "TASK-7.md")
        with open(spec, "w", encoding="utf-8") as f:
            f.write(SPEC)
        copy = os.path.join(tmp, "specs", "TASK-7-copy.md")
        with open(copy, "w", encoding="utf-8") as f:
            f.write(SPEC)
        subprocess.run([binary, "check", "--fix", "--today", TODAY, copy], cwd=tmp, capture_output=True)
        with open(copy, encoding="utf-8") as f:
            want = f.read()
        os.remove(copy)
        assert want != SPEC, "check --fix changed nothing: the test spec needs a safe fix"
        script = os.path.join(tmp, "test.lua")
        out = os.path.join(tmp, "result.json")
        with open(script, "w", encoding="utf-8") as f:
            f.write("_G.args = " + "{" + ", ".join(json.dumps(a) for a in [binary, tmp, spec, out]) + "}\n")
            f.write(LUA.replace("__DONE__", DONE_LUA).replace("__TODAY__", TODAY))
        env = dict(os.environ, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp, XDG_STATE_HOME=tmp, XDG_CACHE_HOME=tmp)
        try:
            r = subprocess.run([nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-S", script], cwd=tmp, env=env,
                               capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            print("FAIL: nvim did not finish (hung?)")
            return 1
        if not os.path.exists(out):
            print(f"FAIL: nvim wrote no result (exit {r.returncode})\n{r.stdout}\n{r.stderr}")
            return 1
        with open(out, encoding="utf-8") as f:
            res = json.load(f)
        failures = []
        if not res.get("ok"):
            failures.append(f"{res.get('why')}: {res}")
        else:
            codes = {d["code"] for d in res["before"]}
            if not {"placeholder", "date"} <= codes:
                failures.append(f"diagnostics before the fix lack placeholder/date: {res['before']}")
            placeholder = [d for d in res["before"] if d["code"] == "placeholder"]
            # Neovim converts the server's UTF-16 column (17: the emoji is two units) to a byte
            # index (19: it is four bytes); '<' is there only if the server counted right.
            if placeholder and (placeholder[0]["lnum"], placeholder[0]["col"]) != (4, 19):
                failures.append(f"placeholder at {placeholder[0]}")
            buffer = "\n".join(res["lines"]) + "\n"
            if buffer != want:
                failures.append(f"buffer after the code action\n{buffer!r}\nwant (check --fix)\n{want!r}")
        failures += rename_case(binary, nvim)
        for f in failures:
            print("FAIL:", f)
        if not failures:
            print(f"ok: Neovim {res['action']!r}: {len(res['before'])} diagnostics, then {len(res['after'])}")
        return 1 if failures else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
