"""A small JSON-RPC client for `specgate lsp`, used by lsp_test.py: Content-Length framing over the
server's stdin/stdout, a reader thread that queues what the server sends, and waits that fail
(never hang) when an expected message does not come.
"""
import json
import queue
import subprocess
import threading

# How long a test waits for one expected message before calling the server hung. Not a
# performance bound: a loaded machine answers in milliseconds, this only stops a hang.
WAIT_SECONDS = 60


def frame(payload):
    body = json.dumps(payload).encode("utf-8") if not isinstance(payload, bytes) else payload
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Client:
    def __init__(self, binary, cwd, args=("lsp",)):
        self.proc = subprocess.Popen([binary, *args], cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.inbox = queue.Queue()
        self.next_id = 1
        self.transcript = []  # (direction, message), for failure reports
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.rstrip(b"\r\n")
                if not line:
                    break
                k, _, v = line.partition(b":")
                headers[k.strip().lower()] = v.strip()
            n = int(headers[b"content-length"])
            body = out.read(n)
            msg = json.loads(body)
            self.transcript.append(("<-", msg))
            self.inbox.put(msg)

    def write_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, payload):
        self.transcript.append(("->", payload))
        self.write_raw(frame(payload))

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request_async(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def wait_for(self, match, what):
        """The first message for which match(msg) is true; others seen meanwhile are kept aside
        (and returned to the inbox afterwards) so that no notification is lost."""
        aside = []
        try:
            while True:
                try:
                    msg = self.inbox.get(timeout=WAIT_SECONDS)
                except queue.Empty:
                    raise AssertionError(f"no {what} within {WAIT_SECONDS} s (server hung?)")
                if msg is None:
                    self.inbox.put(None)
                    raise AssertionError(f"the server closed its output while waiting for {what}")
                if match(msg):
                    return msg
                aside.append(msg)
        finally:
            for m in aside:
                self.inbox.put(m)

    def response(self, rid):
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m, f"the reply to request {rid}")

    def request(self, method, params=None):
        msg = self.response(self.request_async(method, params))
        if "error" in msg:
            raise AssertionError(f"{method} failed: {msg['error']}")
        return msg["result"]

    def diagnostics(self, uri, version=None):
        def match(m):
            if m.get("method") != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri:
                return False
            return version is None or m["params"].get("version") == version
        return self.wait_for(match, f"diagnostics for {uri} (version {version})")["params"]

    def initialize(self, root_uri, options=None, capabilities=None):
        result = self.request("initialize", {"processId": None, "rootUri": root_uri,
                                             "capabilities": capabilities or {},
                                             "initializationOptions": options or {},
                                             "workspaceFolders": [{"uri": root_uri, "name": "ws"}]})
        self.notify("initialized", {})
        return result

    def close_input(self):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass

    def wait_exit(self):
        try:
            return self.proc.wait(timeout=WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError("the server did not exit")

    def shutdown(self):
        self.request("shutdown")
        self.notify("exit")
        self.close_input()
        return self.wait_exit()

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
