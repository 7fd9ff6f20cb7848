#!/usr/bin/env python3
"""`specgate site` as a reader sees it: the example specs' site opened in headless Debian chromium.

Each page is loaded at 1280 and 390 px wide from file://, with a checker script added (and
allowed by its hash in the page's own Content-Security-Policy, which stays in force). After the
load event it records: CSP violations, script errors and failed loads (what the console would
show), any element wider than the viewport that no scroll container holds, the dashboard's rows
and the diagrams. The DOM is read back with --dump-dom.

  site_browser_test.py SPECGATE SOURCE_DIR [--screenshots DIR]

--screenshots writes the index and two spec pages at both widths as PNG (docs/site.md shows
them). Exit 77 (skipped) when chromium is not installed.
"""
import argparse
import base64
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHECKER = r"""(function () {
  var errors = [];
  document.addEventListener("securitypolicyviolation", function (e) {
    errors.push("CSP " + e.violatedDirective + " blocked " + (e.blockedURI || "inline"));
  });
  window.addEventListener("error", function (e) {
    var t = e.target;
    errors.push(t && t !== window ? "failed to load " + (t.src || t.href || t.tagName) : "script error: " + e.message);
  }, true);
  window.addEventListener("load", function () {
    var vw = document.documentElement.clientWidth, wide = [];
    document.querySelectorAll("body *").forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return;
      if (r.right <= vw + 1 && r.left >= -1) return;
      for (var p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        var ox = getComputedStyle(p).overflowX;
        if ((ox === "auto" || ox === "scroll" || ox === "hidden") && p.getBoundingClientRect().right <= vw + 1) return;
      }
      wide.push(el.tagName.toLowerCase() + "." + (el.getAttribute("class") || "") + " right=" + Math.round(r.right));
    });
    var figures = document.querySelectorAll("figure.sg-diagram"), drawn = 0, noted = 0;
    figures.forEach(function (f) {
      if (f.querySelector("svg")) drawn++;
      else if (f.querySelector(".sg-note")) noted++;
    });
    var res = {
      errors: errors, wide: wide.slice(0, 20), viewport: vw, scroll_width: document.documentElement.scrollWidth,
      figures: figures.length, drawn: drawn, noted: noted,
      rows: Array.prototype.map.call(document.querySelectorAll("table.sg-specs tbody tr a"), function (a) { return a.getAttribute("href"); })
    };
    parent.postMessage(JSON.stringify(res), "*");
  });
})();"""


# Headless chromium's window is at least 500 px wide, so the page is measured in an iframe of
# exactly the width wanted; the checker posts its result up to this wrapper (file:// pages are
# opaque origins to each other), which writes it where --dump-dom shows it.
WRAPPER = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe src="{src}" width="{width}" height="1200" style="border:0;display:block"></iframe>
<script>
window.addEventListener("message", function (e) {{
  var pre = document.createElement("pre");
  pre.id = "SG-test-result";
  pre.textContent = e.data;
  document.body.appendChild(pre);
}});
</script></body></html>"""


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browser(exe, width, extra, url, tmp):
    profile = tempfile.mkdtemp(dir=tmp, prefix="profile-")
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile,
           f"--window-size={width},1200", "--virtual-time-budget=3000"] + extra + [url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


def with_checker(page_html):
    """The page with the checker first in <head>, its hash added to the page's script-src."""
    digest = base64.b64encode(hashlib.sha256(CHECKER.encode()).digest()).decode()
    out, n = re.subn(r"script-src ", f"script-src &#39;sha256-{digest}&#39; ", page_html, count=1)
    assert n == 1, "no script-src in the page's CSP"
    return out.replace("<meta name=\"viewport\"", f"<script>{CHECKER}</script>\n<meta name=\"viewport\"", 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("specgate")
    ap.add_argument("source_dir")
    ap.add_argument("--screenshots")
    args = ap.parse_args()
    exe = chromium()
    if not exe:
        print("chromium is not installed: skipped")
        return 77
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        examples = os.path.join(args.source_dir, "examples")
        r = subprocess.run([args.specgate, "site", examples, "--out", site, "--today", "2026-06-01",
                            "--title", "Example specs"], capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stdout, r.stderr)
            return 1
        specs = sorted(f[:-3] for f in os.listdir(examples) if f.endswith(".md"))
        pages = ["index.html"] + [f"specs/{s}.html" for s in specs]
        drawn_total = 0
        for page in pages:
            path = os.path.join(site, page)
            with open(path, encoding="utf-8") as f:
                original = f.read()
            probe = path[:-5] + ".probe.html"
            with open(probe, "w", encoding="utf-8") as f:
                f.write(with_checker(original))
            for width in (1280, 390):
                wrapper = os.path.join(tmp, f"wrap-{width}.html")
                with open(wrapper, "w", encoding="utf-8") as f:
                    f.write(WRAPPER.format(src="file://" + probe, width=width))
                res = browser(exe, max(width + 40, 600), ["--dump-dom"], "file://" + wrapper, tmp)
                m = re.search(r'<pre id="SG-test-result">(.*?)</pre>', res.stdout, re.S)
                if not m:
                    problems.append(f"{page} @{width}: no result from the page (chromium said: {res.stderr[-400:]})")
                    continue
                got = json.loads(html.unescape(m.group(1)))
                where = f"{page} @{width}px"
                for e in got["errors"]:
                    problems.append(f"{where}: {e}")
                for w in got["wide"]:
                    problems.append(f"{where}: wider than the {got['viewport']} px viewport: {w}")
                if got["scroll_width"] > got["viewport"] + 1:
                    problems.append(f"{where}: the page scrolls sideways ({got['scroll_width']} > {got['viewport']})")
                if got["drawn"] + got["noted"] != got["figures"]:
                    problems.append(f"{where}: {got['figures']} diagrams, {got['drawn']} drawn as <svg>, {got['noted']} with a note")
                if width == 1280:
                    drawn_total += got["drawn"]
                if page == "index.html":
                    want = [f"specs/{s}.html" for s in specs]
                    if sorted(got["rows"]) != sorted(want):
                        problems.append(f"{where}: the dashboard lists {got['rows']}, expected {want}")
            os.remove(probe)
        if drawn_total == 0:
            problems.append("no diagram of the examples was drawn as <svg>")
        if args.screenshots:
            os.makedirs(args.screenshots, exist_ok=True)
            shots = [("index", "index.html"), ("spec-super-task", "specs/ARCH-SUPER-7-event-driven-ledger-sync.html"),
                     ("spec-system", "specs/tech-spec-2026-04-02-ledger-sync-reconciler.html")]
            for name, page in shots:
                for width in (1280, 390):
                    out = os.path.abspath(os.path.join(args.screenshots, f"{name}-{width}.png"))
                    res = browser(exe, width, [f"--screenshot={out}"], "file://" + os.path.join(site, page), tmp)
                    if not os.path.exists(out):
                        problems.append(f"no screenshot of {page} @{width}: {res.stderr[-300:]}")
    for p in problems:
        print(p)
    print(f"{len(pages)} pages at 1280 and 390 px: {len(problems)} problem(s); {drawn_total} diagram(s) drawn as <svg>")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
