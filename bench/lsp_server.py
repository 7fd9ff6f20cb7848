#!/usr/bin/env python3
"""The language server as a process, on the 10k generated corpus (docs/performance.md): the time
from `initialized` to the answer of the first request (the workspace index is built in between),
resident memory after it, CPU used over a few idle seconds (the target is none: the server
sleeps in poll()), then the first language-feature request and the memory after it. A
benchmark: it prints figures and fails on nothing.

usage: bench/lsp_server.py [BINARY] [CORPUS]   (defaults: build/specgate, bench/.corpus/c10k)
"""
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "tools"))
from lsp_client import Client  # noqa: E402


def proc_status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])  # kB
    return 0


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "specgate"))
    corpus = os.path.realpath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, ".corpus", "c10k"))
    if not os.path.isdir(corpus):
        sys.exit(f"{corpus} is missing: bench/compare generates it")
    files = sum(len([f for f in fs if f.endswith(".md")]) for _, _, fs in os.walk(corpus))
    c = Client(binary, corpus)
    try:
        uri = "file://" + corpus
        c.request("initialize", {"processId": None, "rootUri": uri, "capabilities": {},
                                 "workspaceFolders": [{"uri": uri, "name": "c10k"}]})
        t0 = time.perf_counter()
        ticks0 = cpu_ticks(c.proc.pid)
        c.notify("initialized", {})
        c.response(c.request_async("$/specgate/ping"))  # unknown: answered only after the index is built
        cold = time.perf_counter() - t0
        cold_cpu = (cpu_ticks(c.proc.pid) - ticks0) * 1000 // os.sysconf("SC_CLK_TCK")
        rss, hwm = proc_status(c.proc.pid, "VmRSS"), proc_status(c.proc.pid, "VmHWM")
        before = cpu_ticks(c.proc.pid)
        time.sleep(3)
        idle = cpu_ticks(c.proc.pid) - before
        print(f"files: {files} Markdown files in {corpus}")
        # Wall time depends on the machine's load; CPU time (all threads) does much less.
        print(f"cold index (initialized -> first answer): {cold * 1000:.0f} ms wall, {cold_cpu} ms CPU")
        print(f"resident memory after indexing: {rss / 1024:.1f} MB (peak {hwm / 1024:.1f} MB)")
        print(f"CPU while idle for 3 s: {idle} ticks ({idle * 1000 // os.sysconf('SC_CLK_TCK')} ms)")
        # The language features' first request: a server that keeps a second index for them
        # builds it here, so the memory of both is counted.
        t0 = time.perf_counter()
        c.response(c.request_async("workspace/symbol", {"query": "zzzz-no-such-symbol"}))
        first = time.perf_counter() - t0
        rss, hwm = proc_status(c.proc.pid, "VmRSS"), proc_status(c.proc.pid, "VmHWM")
        print(f"first workspace/symbol: {first * 1000:.0f} ms; resident memory after it: {rss / 1024:.1f} MB "
              f"(peak {hwm / 1024:.1f} MB)")
        c.shutdown()
    finally:
        c.kill()


if __name__ == "__main__":
    main()
