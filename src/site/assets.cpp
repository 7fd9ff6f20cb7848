#include "site/assets.h"

namespace specgate::site {

const std::string_view kStyle = R"css(
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;background:#fff;overflow-wrap:break-word}
a{color:#0969da;text-decoration:none}
a:hover{text-decoration:underline}
.sg-top{display:flex;flex-wrap:wrap;gap:4px 16px;align-items:center;padding:10px 24px;background:#f6f8fa;border-bottom:1px solid #d1d9e0}
.sg-top .sg-home{font-weight:600;color:#1f2328}
.sg-wrap{display:flex;gap:32px;max-width:1280px;margin:0 auto;padding:24px}
.sg-main{flex:1 1 auto;min-width:0}
.sg-side{flex:0 0 300px;min-width:0;font-size:14px}
.sg-side h2{font-size:14px;margin:16px 0 6px;padding-bottom:4px;border-bottom:1px solid #d1d9e0}
.sg-side dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:4px 10px}
.sg-side dt{color:#59636e}
.sg-side dd{margin:0;min-width:0;overflow-wrap:anywhere}
.sg-side ul{margin:0;padding-left:18px}
.sg-path{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;color:#59636e;overflow-wrap:anywhere}
@media (max-width:900px){.sg-wrap{flex-direction:column;padding:16px;gap:16px}.sg-side{flex-basis:auto}}
.sg-badge{display:inline-block;padding:0 8px;border-radius:2em;font-size:12px;font-weight:500;line-height:20px;border:1px solid #d1d9e0;background:#f6f8fa;color:#1f2328;white-space:nowrap}
.sg-st-done{background:#dafbe1;border-color:#aceebb;color:#116329}
.sg-st-review{background:#fff8c5;border-color:#f5e0a0;color:#7d4e00}
.sg-st-draft{background:#ddf4ff;border-color:#b6e3ff;color:#0550ae}
.sg-st-blocked{background:#ffebe9;border-color:#ffcecb;color:#a40e26}
.sg-overdue{color:#a40e26;font-weight:600}
.sg-missing{color:#a40e26;text-decoration:underline wavy #cf222e;text-underline-offset:3px}
.sg-sev-error{border-left:4px solid #cf222e}
.sg-sev-warning{border-left:4px solid #bf8700}
.sg-sev-note{border-left:4px solid #0969da}
.sg-findings{margin:0 0 24px;border:1px solid #d1d9e0;border-radius:6px;padding:8px 16px}
.sg-findings h2{font-size:16px;margin:4px 0 8px}
.sg-findings ol{margin:0;padding:0;list-style:none}
.sg-findings li{padding:4px 8px;margin:4px 0;background:#f6f8fa;font-size:14px}
.sg-findings code,.sg-marks code{font-size:12px}
.sg-hint{color:#59636e}
.sg-marks{margin:8px 0;font-size:13px}
.sg-marks a{display:block;padding:2px 8px;margin:2px 0;background:#fff8f0;color:#1f2328}
.sg-conf{margin:0 0 24px;font-size:14px}
.sg-conf ul{margin:4px 0;padding-left:20px}
.sg-present::marker{content:"\2713  ";color:#1a7f37}
.sg-absent::marker{content:"\2717  ";color:#cf222e}
.sg-diagram{margin:16px 0;overflow-x:auto}
.sg-diagram svg{max-width:100%;height:auto}
.sg-note{font-size:13px;color:#59636e;margin:0 0 4px}
progress{width:80px;height:10px;vertical-align:middle}
.sg-totals{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 16px}
.sg-totals .sg-badge{font-size:13px}
.sg-controls{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 12px}
.sg-controls input,.sg-controls select{font:inherit;font-size:14px;padding:4px 8px;border:1px solid #d1d9e0;border-radius:6px;max-width:100%}
.sg-js{display:none}
.sg-results{margin:0 0 16px;padding-left:20px;font-size:14px}
table.sg-specs{border-collapse:collapse;width:100%;font-size:14px}
table.sg-specs th,table.sg-specs td{padding:6px 8px;border-bottom:1px solid #d1d9e0;text-align:left;vertical-align:top}
table.sg-specs th{background:#f6f8fa;white-space:nowrap}
table.sg-specs th[data-key]{cursor:pointer}
.sg-group{font-size:18px;margin:24px 0 8px}
@media (max-width:700px){
table.sg-specs,table.sg-specs tbody,table.sg-specs tr,table.sg-specs td{display:block;width:100%}
table.sg-specs thead{display:none}
table.sg-specs tr{border:1px solid #d1d9e0;border-radius:6px;margin:0 0 8px;padding:4px 0}
table.sg-specs td{border:0;padding:2px 10px}
table.sg-specs td[data-label]::before{content:attr(data-label) ": ";color:#59636e}
}
.markdown-body{min-width:0}
.markdown-body>*:first-child{margin-top:0}
.markdown-body h1,.markdown-body h2,.markdown-body h3,.markdown-body h4,.markdown-body h5,.markdown-body h6{margin:24px 0 16px;font-weight:600;line-height:1.25}
.markdown-body h1{font-size:2em;padding-bottom:.3em;border-bottom:1px solid #d1d9e0}
.markdown-body h2{font-size:1.5em;padding-bottom:.3em;border-bottom:1px solid #d1d9e0}
.markdown-body h3{font-size:1.25em}
.markdown-body h4{font-size:1em}
.markdown-body h5{font-size:.875em}
.markdown-body h6{font-size:.85em;color:#59636e}
.markdown-body p,.markdown-body blockquote,.markdown-body ul,.markdown-body ol,.markdown-body dl,.markdown-body table,.markdown-body pre,.markdown-body details{margin:0 0 16px}
.markdown-body ul,.markdown-body ol{padding-left:2em}
.markdown-body li+li{margin-top:.25em}
.markdown-body li.task-list-item{list-style:none}
.markdown-body li.task-list-item input{margin:0 .2em .25em -1.4em;vertical-align:middle}
.markdown-body blockquote{padding:0 1em;color:#59636e;border-left:.25em solid #d1d9e0}
.markdown-body code,.markdown-body tt{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:85%;padding:.2em .4em;background:rgba(129,139,152,.12);border-radius:6px}
.markdown-body pre{padding:16px;overflow:auto;font-size:85%;line-height:1.45;background:#f6f8fa;border-radius:6px}
.markdown-body pre code{padding:0;background:transparent;font-size:100%;white-space:pre}
.markdown-body table{display:block;width:max-content;max-width:100%;overflow:auto;border-collapse:collapse}
.markdown-body th,.markdown-body td{padding:6px 13px;border:1px solid #d1d9e0}
.markdown-body tr:nth-child(2n){background:#f6f8fa}
.markdown-body img{max-width:100%;box-sizing:content-box}
.markdown-body hr{height:.25em;padding:0;margin:24px 0;background:#d1d9e0;border:0}
.markdown-body .sg-anchor{display:block;height:0}
)css";

const std::string_view kScript = R"js(
(function () {
  "use strict";
  var doc = document;
  doc.querySelectorAll(".sg-js").forEach(function (e) { e.classList.remove("sg-js"); });
  var table = doc.querySelector("table.sg-specs");
  var rows = table ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
  var status = doc.getElementById("SG-status"), tmpl = doc.getElementById("SG-template");
  var box = doc.getElementById("SG-q"), results = doc.getElementById("SG-results");
  var data = [];
  var el = doc.getElementById("SG-search-data");
  if (el) { try { data = JSON.parse(el.textContent).pages || []; } catch (e) { data = []; } }
  function filter() {
    var s = status ? status.value : "", t = tmpl ? tmpl.value : "";
    rows.forEach(function (r) {
      var ok = (!s || r.getAttribute("data-status") === s) && (!t || r.getAttribute("data-template") === t);
      r.hidden = !ok;
    });
  }
  if (status) status.addEventListener("change", filter);
  if (tmpl) tmpl.addEventListener("change", filter);
  function search() {
    var q = box.value.trim().toLowerCase();
    while (results.firstChild) results.removeChild(results.firstChild);
    if (!q) return;
    var words = q.split(/\s+/), shown = 0;
    data.forEach(function (p) {
      if (shown >= 50) return;
      var hay = (p.id + " " + p.title + " " + p.headings.map(function (h) { return h.text; }).join(" ") + " " + p.text).toLowerCase();
      for (var i = 0; i < words.length; i++) if (hay.indexOf(words[i]) < 0) return;
      var anchor = "";
      p.headings.forEach(function (h) { if (!anchor && h.text.toLowerCase().indexOf(words[0]) >= 0) anchor = "#" + h.slug; });
      var li = doc.createElement("li"), a = doc.createElement("a");
      a.href = p.url + anchor;
      a.textContent = (p.id ? p.id + ": " : "") + p.title;
      li.appendChild(a);
      results.appendChild(li);
      shown++;
    });
    if (!shown) { var li = doc.createElement("li"); li.textContent = "No spec matches."; results.appendChild(li); }
  }
  if (box) box.addEventListener("input", search);
  if (table) table.querySelectorAll("th[data-key]").forEach(function (th, col) {
    var dir = 1;
    th.addEventListener("click", function () {
      var key = th.getAttribute("data-key");
      var sorted = rows.slice().sort(function (a, b) {
        var x = a.querySelector('[data-col="' + key + '"]'), y = b.querySelector('[data-col="' + key + '"]');
        var u = x ? x.getAttribute("data-sort") || x.textContent : "", v = y ? y.getAttribute("data-sort") || y.textContent : "";
        return u < v ? -dir : u > v ? dir : 0;
      });
      dir = -dir;
      sorted.forEach(function (r) { table.tBodies[0].appendChild(r); });
    });
  });
})();
)js";

}  // namespace specgate::site
