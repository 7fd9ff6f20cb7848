#!/usr/bin/env node
// mermaid.render in Debian's chromium timed beside specgate's renderer over the same diagrams:
// the gallery fixtures and the flowchart, sequence, state, ER and class diagrams of Mermaid's docs
// corpus (../shared) that both draw. A benchmark, not a test: it prints figures, nothing fails.
//
// Mermaid: each diagram rendered RUNS times in one page after a warm-up pass (performance.now
// around `await mermaid.render`, so the browser's start-up and Mermaid's script load are not
// counted). specgate: build/bench/render_times, render::render_svg in process, RUNS times per
// diagram after a warm-up; and `specgate render` as a command over all of them (one process,
// files written), wall time. Per diagram the median of its runs; then the median and the sum
// over diagrams.
//
//   bench/mermaid/side_by_side.mjs [BUILD_DIR] [--runs N] [--markdown]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
const lib = (f) => import(path.join(ROOT, "tests", "browser", "lib", f));
const { launch, mermaidPage, mermaidVersion, missingTools, renderMermaid } = await lib("browser.mjs");
const { collectDiagrams, family } = await lib("diagrams.mjs");

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const RUNS = runsAt >= 0 ? parseInt(args.splice(runsAt, 2)[1], 10) : 5;
const mdAt = args.indexOf("--markdown");
const markdown = mdAt >= 0 && args.splice(mdAt, 1).length > 0;
const build = path.resolve(args[0] || path.join(ROOT, "build"));
const missing = missingTools();
if (missing) {
  console.error(`side_by_side: ${missing}`);
  process.exit(2);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

const diagrams = collectDiagrams();
const work = mkdtempSync(path.join(os.tmpdir(), "specgate-bench-mermaid-"));
const inDir = path.join(work, "in");
mkdirSync(inDir);
for (const d of diagrams) {
  d.path = path.join(inDir, d.name + ".mmd");
  writeFileSync(d.path, d.source);
}

// specgate in process.
const rt = spawnSync(path.join(build, "bench", "render_times"), [String(RUNS), ...diagrams.map((d) => d.path)],
                     { encoding: "utf8", maxBuffer: 1 << 26 });
if (rt.status !== 0) {
  console.error(`side_by_side: render_times failed (build it: cmake --build ${build} --target render_times)\n${rt.stderr}`);
  process.exit(2);
}
const sgUs = new Map();
for (const line of rt.stdout.trim().split("\n")) {
  const [us, drawn, file] = line.split("\t");
  if (drawn === "drawn") sgUs.set(file, parseFloat(us));
}
// specgate as a command: one process over the folder, every SVG written.
const cmdMs = [];
for (let r = 0; r < RUNS; r++) {
  const out = path.join(work, `out-${r}`);
  const t0 = process.hrtime.bigint();
  spawnSync(path.join(build, "specgate"), ["render", inDir, "--out", out]);
  cmdMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
}

// Mermaid in chromium.
const browser = await launch();
const merMs = new Map();
try {
  const page = await mermaidPage(browser);
  let n = 0;
  for (const d of diagrams) await renderMermaid(page, d.source, `w${n++}`);  // warm-up: lazy diagram code, fonts
  for (const d of diagrams) {
    const times = [];
    for (let r = 0; r < RUNS; r++) {
      const res = await renderMermaid(page, d.source, `r${n++}`);
      if (res.error) break;
      times.push(res.ms);
    }
    if (times.length === RUNS) merMs.set(d.path, median(times));
  }
} finally {
  await browser.close();
}
rmSync(work, { recursive: true, force: true });

const both = diagrams.filter((d) => sgUs.has(d.path) && merMs.has(d.path));
const rows = [["all", both]];
for (const fam of ["flowchart", "sequence", "state", "er", "class"]) rows.push([fam, both.filter((d) => family(d.type) === fam)]);
const load = os.loadavg()[0].toFixed(1);
console.log(`${both.length} diagrams drawn by both; ${RUNS} runs each; Mermaid ${mermaidVersion()}; load average ${load}; ${os.cpus().length} cores`);
const table = [["diagrams", "n", "Mermaid median ms", "specgate median ms", "Mermaid total ms", "specgate total ms", "ratio of medians"]];
for (const [name, ds] of rows) {
  if (!ds.length) continue;
  const m = ds.map((d) => merMs.get(d.path)), s = ds.map((d) => sgUs.get(d.path) / 1000);
  table.push([name, String(ds.length), median(m).toFixed(2), median(s).toFixed(3), sum(m).toFixed(0), sum(s).toFixed(1),
              `${Math.round(median(m) / median(s))}×`]);
}
if (markdown) {
  console.log(`| ${table[0].join(" | ")} |\n|${table[0].map(() => "---").join("|")}|`);
  for (const r of table.slice(1)) console.log(`| ${r.join(" | ")} |`);
} else {
  for (const r of table) console.log(r.map((c, i) => (i ? c.padStart(i === 1 ? 4 : 18) : c.padEnd(10))).join(" "));
}
const slow = both.map((d) => [merMs.get(d.path), d.name]).sort((a, b) => b[0] - a[0]).slice(0, 3);
console.log(`slowest for Mermaid: ${slow.map(([ms, n]) => `${n} ${ms.toFixed(1)} ms`).join(", ")}`);
const slowSg = both.map((d) => [sgUs.get(d.path), d.name]).sort((a, b) => b[0] - a[0]).slice(0, 3);
console.log(`slowest for specgate: ${slowSg.map(([us, n]) => `${n} ${(us / 1000).toFixed(2)} ms`).join(", ")}`);
console.log(`specgate render as a command over all ${diagrams.length} files (one process, SVGs written): median ${median(cmdMs).toFixed(0)} ms wall`);
