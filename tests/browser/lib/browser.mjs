// Mermaid's own rendering in Debian's chromium, driven by puppeteer-core (test tools only).
// puppeteer-core because it never downloads a browser: it drives /usr/bin/chromium over the
// DevTools protocol, which gives what `chromium --dump-dom` cannot: awaiting mermaid.render's
// promise per diagram, real (not virtual) time for the bench, and element screenshots.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const TOOLS_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const ROOT = path.dirname(path.dirname(TOOLS_DIR));
export const MERMAID_JS = path.join(TOOLS_DIR, "node_modules", "mermaid", "dist", "mermaid.min.js");
const PUPPETEER = path.join(TOOLS_DIR, "node_modules", "puppeteer-core");

export function mermaidVersion() {
  return JSON.parse(readFileSync(path.join(TOOLS_DIR, "node_modules", "mermaid", "package.json"), "utf8")).version;
}

export function findChromium() {
  for (const p of [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (p && existsSync(p)) return p;
  }
  return null;
}

// Why the browser tools cannot run here, or null when they can (a test then exits 77).
export function missingTools() {
  if (!findChromium()) return "chromium is not installed (scripts/install-deps installs it)";
  if (!existsSync(MERMAID_JS) || !existsSync(PUPPETEER))
    return "tests/browser/node_modules is missing (scripts/install-deps runs npm ci there)";
  return null;
}

export async function launch() {
  const { default: puppeteer } = await import("puppeteer-core");
  return puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    // Generous: the machine may be busy with builds (2 cores shared).
    timeout: 120000,
    protocolTimeout: 600000,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
           "--no-first-run", "--allow-file-access-from-files"],
  });
}

// A blank page with Mermaid loaded from node_modules through file:// (offline, no CDN).
// Mermaid measures text with the page's fonts, so every render happens in the same page.
export async function mermaidPage(browser, { width = 1600, height = 1000 } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  // Offline by construction: only file: and data: URLs load (a diagram's remote image fails the
  // same way on every machine, and nothing can come from a CDN).
  await page.setRequestInterception(true);
  page.on("request", (req) => (/^(file|data):/.test(req.url()) ? req.continue() : req.abort()));
  await page.goto(pathToFileURL(path.join(TOOLS_DIR, "blank.html")).href);
  await page.addScriptTag({ url: pathToFileURL(MERMAID_JS).href });
  await page.evaluate(() => {
    window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "default" });
  });
  return page;
}

// Mermaid's SVG for one diagram and how long mermaid.render took (performance.now in the page).
// mermaid.render returns HTML-serialized markup (`<br>` in its HTML labels); as mermaid-cli does,
// it is re-serialized as XML so that the SVG also opens as a file of its own.
export async function renderMermaid(page, source, id) {
  return page.evaluate(async (src, svgId) => {
    const t0 = performance.now();
    try {
      const { svg } = await window.mermaid.render(svgId, src);
      const ms = performance.now() - t0;
      const host = document.createElement("div");
      host.innerHTML = svg;
      const xml = new XMLSerializer().serializeToString(host.querySelector("svg"));
      return { svg: xml, ms, error: null };
    } catch (e) {
      // A failed render leaves its error SVG (and a temporary container) in the body.
      document.querySelectorAll(`#d${svgId}, #${svgId}`).forEach((n) => n.remove());
      return { svg: null, ms: performance.now() - t0, error: String(e && e.message ? e.message : e) };
    }
  }, source, id);
}
