// The report as one self-contained HTML page: inline CSS (screen and print, A4), inline SVG charts,
// no script and nothing fetched — it opens from a USB stick in the drill room and prints the same in
// any browser. The seal (trust and final hash) sits in the table's header and footer groups, which
// print engines repeat on every page, so no page of an untrusted record goes without the red mark.
// The footer group comes after the body: a reader that does not lay out tables (a text view, a screen
// reader) then meets the seal once at the head and once at the foot, not twice at the head.
import { answerTimesChart, outcomesChart, survivalChart, unitScoresChart } from './charts.ts';
import { reportDoc, type Block, type ChartId, type ReportDoc } from './content.ts';
import { esc } from './escape.ts';
import type { ReportKind, ReportModel } from './model.ts';

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #222; background: #fff; }
table.page { width: 100%; max-width: 210mm; margin: 0 auto; border-collapse: collapse; }
table.page > thead td, table.page > tfoot td { padding: 4px 12mm; font-size: 11px; color: #555; border: 0; }
table.page > tbody > tr > td { padding: 0 12mm; border: 0; }
.seal { font-family: ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; }
.untrusted .seal { color: #fff; background: #c62828; font-weight: bold; padding: 2px 6px; }
h1 { font-size: 22px; margin: 16px 0 4px; }
h2 { font-size: 17px; margin: 22px 0 8px; border-bottom: 2px solid #c62828; padding-bottom: 2px; break-after: avoid; }
h3 { font-size: 14px; margin: 14px 0 6px; break-after: avoid; }
.subtitle { color: #555; margin: 0 0 8px; }
table.data { width: 100%; border-collapse: collapse; margin: 6px 0 12px; font-size: 12px; }
table.data th, table.data td { border: 1px solid #bbb; padding: 3px 5px; vertical-align: top; text-align: left; }
table.data th { background: #f1f1f1; white-space: nowrap; }
table.data td { min-width: 4em; }
table.data td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.data tr { break-inside: avoid; }
figure.chart { margin: 8px 0 14px; break-inside: avoid; }
figure.chart svg { width: 100%; height: auto; font-family: inherit; }
figcaption { font-size: 11px; color: #555; text-align: center; }
ul { margin: 4px 0 10px; padding-left: 22px; }
@page { size: A4; margin: 10mm 0; }
@media print {
  body { font-size: 11pt; }
  table.page { max-width: none; }
  h2 { break-before: auto; }
  a { color: inherit; text-decoration: none; }
}
`;

function chart(id: ChartId, model: ReportModel, lang: ReportDoc['lang']): string {
  if (id === 'units') return unitScoresChart(model, lang);
  if (id === 'times') return answerTimesChart(model, lang);
  if (id === 'survival') return survivalChart(model, lang);
  return outcomesChart(model, lang);
}

function block(b: Block, model: ReportModel, lang: ReportDoc['lang']): string {
  if ('p' in b) return b.strong ? `<p><strong>${esc(b.p)}</strong></p>` : `<p>${esc(b.p)}</p>`;
  if ('list' in b) return `<ul>${(b.list.length ? b.list : ['—']).map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`;
  if ('table' in b) {
    const { head, rows, right = [] } = b.table;
    const cell = (x: string, i: number) => `<td${right.includes(i) ? ' class="num"' : ''}>${esc(x)}</td>`;
    return `<table class="data"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table>`;
  }
  return chart(b.chart, model, lang);
}

export function reportHtml(model: ReportModel, kind: ReportKind): string {
  const doc = reportDoc(model, kind);
  const seal = `<span class="seal" data-seal>${esc(doc.seal)}</span>`;
  const body = doc.sections.map((s) => `<h${s.level}>${esc(s.heading)}</h${s.level}>${s.blocks.map((b) => block(b, model, doc.lang)).join('')}`).join('\n');
  return `<!doctype html>
<html lang="${doc.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(doc.title)}</title>
<style>${CSS}</style>
</head>
<body class="${doc.untrusted ? 'untrusted' : 'verified'}" data-report="${esc(kind)}">
<table class="page">
<thead><tr><td>${seal}</td></tr></thead>
<tbody><tr><td>
<h1>${esc(doc.title)}</h1>
<p class="subtitle">${esc(doc.subtitle)}</p>
${body}
</td></tr></tbody>
<tfoot><tr><td>${seal}</td></tr></tfoot>
</table>
</body>
</html>
`;
}
