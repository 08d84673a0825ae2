// The report as Markdown: the same sections and words as the HTML page, without the charts (their
// numbers are in the tables beside them).
import { reportDoc, type Block, type ReportDoc } from './content.ts';
import type { ReportKind, ReportModel } from './model.ts';
import { md } from './escape.ts';

function block(b: Block): string[] {
  if ('p' in b) return [b.strong ? `**${md(b.p)}**` : md(b.p), ''];
  if ('list' in b) return b.list.length ? [...b.list.map((x) => `- ${md(x)}`), ''] : ['- —', ''];
  if ('table' in b) {
    const { head, rows, right = [] } = b.table;
    const align = head.map((_, i) => (right.includes(i) ? '---:' : '---'));
    return [`| ${head.map(md).join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`), ''];
  }
  return [];
}

function docMarkdown(doc: ReportDoc): string {
  const o = [`# ${md(doc.title)}`, '', md(doc.subtitle), '', `> ${doc.untrusted ? '**' : ''}${md(doc.seal)}${doc.untrusted ? '**' : ''}`, ''];
  for (const s of doc.sections) o.push(`${'#'.repeat(s.level)} ${md(s.heading)}`, '', ...s.blocks.flatMap(block));
  o.push('---', '', `${doc.untrusted ? '**' : ''}${md(doc.seal)}${doc.untrusted ? '**' : ''}`);
  return o.join('\n') + '\n';
}

export function reportMarkdown(model: ReportModel, kind: ReportKind): string {
  return docMarkdown(reportDoc(model, kind));
}
