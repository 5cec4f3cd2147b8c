// Renders markdown documents as GitHub would, for the rendering tests: GFM through marked, and every
// mermaid block parsed with the mermaid package (in a jsdom window: mermaid needs a DOM even to parse).
// Runs as its own node process (mermaid is ESM with many dependencies; jest's module loader is not needed
// for it). Input on stdin: {"docs": [{"name", "markdown"}]}. Output on stdout: per doc, the HTML and one
// entry per mermaid block: {source, ok, error?, diagramType?}.
import { JSDOM } from 'jsdom';
import { marked } from 'marked';

const input = JSON.parse(await new Promise((resolve) => {
  let s = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (d) => (s += d));
  process.stdin.on('end', () => resolve(s));
}));

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

const out = [];
for (const doc of input.docs) {
  const html = marked.parse(doc.markdown, { gfm: true, async: false });
  const blocks = [...doc.markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  const mermaidResults = [];
  for (const source of blocks) {
    try {
      const r = await mermaid.parse(source);
      mermaidResults.push({ source, ok: true, diagramType: r.diagramType });
    } catch (e) {
      mermaidResults.push({ source, ok: false, error: String(e?.message ?? e).slice(0, 500) });
    }
  }
  out.push({ name: doc.name, html, mermaid: mermaidResults });
}
process.stdout.write(JSON.stringify(out));
