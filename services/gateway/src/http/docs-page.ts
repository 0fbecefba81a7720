import { ErrorCode } from "@mcb/contracts";
import { problemTitles, problemType, statusForCode } from "./problem";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const block = (value: unknown) => `<pre>${escape(JSON.stringify(value, null, 2))}</pre>`;

type Json = Record<string, unknown>;

/** A readable, self-contained page rendered from the OpenAPI document (no scripts, no CDN). */
export function docsPage(document: Json): string {
  const info = document.info as { title: string; description: string; version: string };
  const sections: string[] = [];
  for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters as Json[] | undefined) ?? [];
      const body = (op.requestBody as { content: { "application/json": { schema: unknown } } } | undefined)?.content["application/json"].schema;
      const responses = Object.entries(op.responses as Record<string, { description: string; content?: Record<string, { schema: unknown }> }>);
      sections.push(`<section id="${escape(String(op.operationId))}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
<p>${escape(String(op.summary))}${op.security ? " <em>(no token needed)</em>" : ""}</p>
${params.length ? `<table><tr><th>parameter</th><th>in</th><th>required</th></tr>${params.map((p) => `<tr><td><code>${escape(String(p.name))}</code></td><td>${escape(String(p.in))}</td><td>${p.required ? "yes" : "no"}</td></tr>`).join("")}</table>` : ""}
${body ? `<details><summary>Request body</summary>${block(body)}</details>` : ""}
${responses.map(([status, r]) => `<details><summary>${escape(status)}: ${escape(r.description)}</summary>${r.content ? block(Object.values(r.content)[0]?.schema) : ""}</details>`).join("\n")}
</section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d2733}
h3{margin:1.6rem 0 .3rem}code{font-size:.95em}.m{display:inline-block;min-width:4.5em;padding:.1em .4em;border-radius:4px;color:#fff;font-size:.8em;text-align:center}
.get{background:#2f7d4f}.post{background:#2f5d9d}.patch{background:#9d6a2f}.delete{background:#9d2f3a}
pre{background:#f4f6f8;padding:.8em;overflow:auto;font-size:.85em}table{border-collapse:collapse}td,th{border:1px solid #dde3e8;padding:.2em .6em;text-align:left}
section{border-bottom:1px solid #eef1f4;padding-bottom:.8rem}</style></head><body>
<h1>${escape(info.title)} <small>v${escape(info.version)}</small></h1>
<p>${escape(info.description)}</p>
<p>Authenticate with <code>Authorization: Bearer &lt;token&gt;</code>. The machine-readable document is at <a href="openapi.json">openapi.json</a>.</p>
${sections.join("\n")}
<h2>Problems</h2>
<p>Every error is an RFC 9457 problem (<code>application/problem+json</code>) whose <code>type</code> points here; failing fields are listed under <code>errors</code>.</p>
<table><tr><th>code</th><th>status</th><th>meaning</th></tr>
${ErrorCode.options.map((code) => `<tr id="${problemType(code).split("#")[1]}"><td><code>${code}</code></td><td>${statusForCode[code]}</td><td>${escape(problemTitles[code])}</td></tr>`).join("\n")}
</table>
</body></html>`;
}
