#!/usr/bin/env node
// `make gallery`: build/gallery/index.html shows specgate's SVG beside Mermaid 11's own rendering
// (mermaid.render in Debian's chromium, saved as SVG) for our gallery fixtures and, when
// ../shared is present, every flowchart, sequence, state, ER and class diagram of Mermaid's
// documentation corpus. The page itself has no script: both drawings are files under svg/.
//
//   gallery.mjs SPECGATE OUT_DIR [--no-corpus] [--screenshots DIR]
//
// --screenshots DIR writes one PNG per gallery fixture (the specgate | Mermaid pair, as the
// page shows it) for docs/rendering.md.
import { mkdirSync, rmSync, writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, mermaidPage, mermaidVersion, missingTools, renderMermaid } from "./lib/browser.mjs";
import { collectDiagrams, renderWithSpecgate } from "./lib/diagrams.mjs";

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); if (i < 0) return null; const v = args[i + 1]; args.splice(i, 2); return v; };
const flag = (name) => { const i = args.indexOf(name); if (i < 0) return false; args.splice(i, 1); return true; };
const screenshots = opt("--screenshots");
const noCorpus = flag("--no-corpus");
if (args.length !== 2) {
  console.error("usage: gallery.mjs SPECGATE OUT_DIR [--no-corpus] [--screenshots DIR]");
  process.exit(2);
}
const [specgate, outDir] = args.map((a) => path.resolve(a));
const missing = missingTools();
if (missing) {
  console.error(`gallery: ${missing}`);
  process.exit(77);
}

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Mermaid's SVG is width="100%" with a max-width: its natural size, for the <img>.
function mermaidSize(svg) {
  const w = /max-width:\s*([\d.]+)px/.exec(svg);
  const vb = /viewBox="([-\d.]+)[ ,]+([-\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)"/.exec(svg);
  if (!w || !vb) return "";
  const width = Math.round(parseFloat(w[1]));
  return ` width="${width}" height="${Math.round((width * parseFloat(vb[4])) / parseFloat(vb[3]))}"`;
}
const specgateSize = (svg) => {
  const m = /<svg[^>]*\swidth="([\d.]+)"\s+height="([\d.]+)"/.exec(svg);
  return m ? ` width="${m[1]}" height="${m[2]}"` : "";
};

const diagrams = collectDiagrams({ corpus: !noCorpus });
const work = mkdtempSync(path.join(os.tmpdir(), "specgate-gallery-"));
rmSync(outDir, { recursive: true, force: true });
mkdirSync(path.join(outDir, "svg"), { recursive: true });
renderWithSpecgate(specgate, diagrams, work);

const browser = await launch();
const sections = [];
let both = 0;
try {
  const page = await mermaidPage(browser);
  for (const [i, d] of diagrams.entries()) {
    const m = await renderMermaid(page, d.source, `mermaid-${i}`);
    const cell = (who, svg, size, why) => svg
      ? `<figure><figcaption>${who}</figcaption><img src="svg/${esc(d.name)}.${who}.svg" alt="${esc(d.name)} drawn by ${who}"${size}></figure>`
      : `<figure><figcaption>${who}</figcaption><p class="none">${esc(why)}</p></figure>`;
    if (d.specgate) writeFileSync(path.join(outDir, "svg", `${d.name}.specgate.svg`), d.specgate);
    if (m.svg) writeFileSync(path.join(outDir, "svg", `${d.name}.mermaid.svg`), m.svg);
    if (d.specgate && m.svg) both++;
    sections.push(`<section id="${esc(d.name)}"><h2>${esc(d.name)} <small>${esc(d.type)} · ${d.origin === "fixture" ? "our fixture" : "Mermaid's docs"}</small></h2>
<div class="pair">${cell("specgate", d.specgate, d.specgate ? specgateSize(d.specgate) : "", "not drawn by specgate")}${cell("mermaid", m.svg, m.svg ? mermaidSize(m.svg) : "", "Mermaid failed: " + (m.error || ""))}</div>
<details><summary>source</summary><pre>${esc(d.source)}</pre></details></section>`);
  }
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>specgate render beside Mermaid</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
section{border-top:1px solid #ddd;padding:.5rem 0 1rem}
h2{font-size:1rem;margin:.5rem 0}h2 small{color:#666;font-weight:normal}
.pair{display:inline-flex;gap:16px;align-items:flex-start;background:#fff;padding:8px}
figure{margin:0;max-width:480px}figcaption{font-size:.8rem;color:#666;margin-bottom:4px}
img{max-width:480px;height:auto;display:block}
.none{color:#a00;font-size:.85rem}pre{background:#f6f6f6;padding:.5rem;font-size:.8rem;overflow:auto}
</style></head><body>
<h1>specgate render beside Mermaid ${esc(mermaidVersion())}</h1>
<p>${diagrams.length} diagrams, ${both} drawn by both. Left: <code>specgate render</code>. Right: <code>mermaid.render</code> in Chromium (default theme).</p>
${sections.join("\n")}
</body></html>
`;
  writeFileSync(path.join(outDir, "index.html"), html);

  if (screenshots) {
    mkdirSync(screenshots, { recursive: true });
    const shot = await browser.newPage();
    await shot.setViewport({ width: 1100, height: 800, deviceScaleFactor: 1 });
    await shot.goto(pathToFileURL(path.join(outDir, "index.html")).href, { waitUntil: "load" });
    for (const d of diagrams.filter((x) => x.origin === "fixture")) {
      const el = await shot.$(`section[id="${d.name}"] .pair`);
      await el.screenshot({ path: path.join(screenshots, `${d.name}.png`) });
    }
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`gallery: ${diagrams.length} diagrams (${both} drawn by both) in ${path.join(outDir, "index.html")}`);
