// The diagrams the gallery, the comparison test and the bench share: Mermaid's documentation
// corpus (../shared, read in place, never copied into the repo) when present, and our own
// fixtures (tests/fixtures/render/gallery, written for the gallery and the docs' screenshots).
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./browser.mjs";

export const TYPES = ["flowchart", "graph", "sequenceDiagram", "stateDiagram", "stateDiagram-v2",
                      "erDiagram", "classDiagram", "classDiagram-v2"];
export const CORPUS = path.normalize(path.join(ROOT, "..", "shared", "corpus", "mermaid", "docs"));
export const FIXTURES = path.join(ROOT, "tests", "fixtures", "render", "gallery");

// The header word of a diagram (after front matter, directives and comments).
export function headerWord(source) {
  let body = source.replace(/^\uFEFF/, "");
  body = body.replace(/^\s*---\n[\s\S]*?\n---\s*\n/, "");
  for (const line of body.split("\n")) {
    const t = line.trim();
    if (!t || t.startsWith("%%")) continue;
    return t.split(/[\s;]/)[0];
  }
  return "";
}

// A kind for counting: the five drawn families.
export function family(type) {
  if (type === "graph" || type === "flowchart") return "flowchart";
  if (type.startsWith("stateDiagram")) return "state";
  if (type.startsWith("classDiagram")) return "class";
  if (type === "erDiagram") return "er";
  if (type === "sequenceDiagram") return "sequence";
  return null;
}

function corpusDiagrams() {
  const manifest = path.join(CORPUS, "manifest.tsv");
  if (!existsSync(manifest)) return [];
  const out = [];
  for (const line of readFileSync(manifest, "utf8").split("\n")) {
    if (!line || line.startsWith("#") || line.startsWith("file\t")) continue;
    const [file, type, valid] = line.split("\t");
    if (valid !== "1" || !TYPES.includes(type)) continue;
    out.push({ name: "corpus-" + file.replace(/\.mmd$/, ""), origin: "corpus", file: path.join(CORPUS, file),
               source: readFileSync(path.join(CORPUS, file), "utf8"), type });
  }
  return out;
}

function fixtureDiagrams() {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES).filter((f) => f.endsWith(".mmd")).sort().map((f) => {
    const source = readFileSync(path.join(FIXTURES, f), "utf8");
    return { name: f.replace(/\.mmd$/, ""), origin: "fixture", file: path.join(FIXTURES, f), source,
             type: headerWord(source) };
  });
}

// Our fixtures first (the gallery shows them first), then the corpus in manifest order.
export function collectDiagrams({ corpus = true } = {}) {
  return [...fixtureDiagrams(), ...(corpus ? corpusDiagrams() : [])].filter((d) => family(d.type));
}

// specgate's SVG for each diagram, from one `specgate render` run over a folder of copies (the
// copies are named after the diagrams, so the outputs are NAME-1.svg). Sets d.specgate (the SVG,
// or null when specgate did not draw it) and returns specgate's stderr.
export function renderWithSpecgate(specgate, diagrams, workDir) {
  const inDir = path.join(workDir, "in"), outDir = path.join(workDir, "out");
  mkdirSync(inDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  for (const d of diagrams) writeFileSync(path.join(inDir, d.name + ".mmd"), d.source);
  const r = spawnSync(specgate, ["render", inDir, "--out", outDir], { encoding: "utf8" });
  if (r.error) throw r.error;
  for (const d of diagrams) {
    const svg = path.join(outDir, d.name + "-1.svg");
    d.specgate = existsSync(svg) ? readFileSync(svg, "utf8") : null;
  }
  return r.stderr;
}
