// Format v1 → v2. In v1 the outcome figures were implied (hospital hours without power and chemical-leak
// containment were always shown); v2 names them in `outcomes`. The step is made once, on the YAML
// Document, and said twice: as a change of the Document (the loader reads a v1 file through it, and its
// nodes keep their ranges, so every problem still points into the original text) and as text edits
// (`quake-drill migrate` applies them, so every other byte of the file — comments, layout, folded lines
// — stays as the trainer wrote it; re-printing the Document would reflow them).
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { V1_OUTCOMES } from './outcomes.ts';
import { FORMAT_V1, FORMAT_V2 } from './schema.ts';

/** Replace the text [from, to) with `insert`. */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

const OUTCOMES_COMMENT = [
  ' 演练显示和报告的结果指标。第 1 版格式隐含这些指标，由 quake-drill migrate 明确写出。',
  ' The outcome figures the drill shows and reports: format v1 implied them; quake-drill migrate wrote them out.',
].join('\n');

/** The first-line modeline naming the v1 JSON Schema, by path or URL: migrated files name v2's. */
const MODELINE_V1 = /^([ \t]*#[ \t]*yaml-language-server:[ \t]*\$schema=\S*?scenario-)v1(\.json)/m;

/**
 * Migrates a v1 document (one whose top-level `format` reads FORMAT_V1: the loader checks) in place and
 * returns the same change as edits of the text it was parsed from, in text order.
 */
export function migrateV1toV2(doc: Document, text: string): TextEdit[] {
  const map = doc.contents;
  if (!isMap(map) || !map.range) throw new Error('migrateV1toV2: the document is not a mapping');
  const [start, , end] = map.range;
  const edits: TextEdit[] = [];

  const modeline = MODELINE_V1.exec(text.slice(0, start));
  if (modeline) {
    const at = modeline.index + modeline[1]!.length;
    edits.push({ from: at, to: at + 2, insert: 'v2' });
  }

  // In the file's own indentation and line ends (a file saved on Windows keeps its CRLF).
  const indent = ' '.repeat(start - (text.lastIndexOf('\n', start - 1) + 1));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const format = map.items.find((p) => keyOf(p) === 'format');
  if (format && isScalar(format.value) && format.value.range) {
    const [from, to] = format.value.range;
    // Keeps the author's quotes: only the version digit changes.
    const source = text.slice(from, to);
    edits.push({ from, to, insert: source.includes(FORMAT_V1) ? source.replace(FORMAT_V1, FORMAT_V2) : JSON.stringify(FORMAT_V2) });
  } else {
    // `format` came through a merge key (<<: *base): an explicit key in front overrides it.
    edits.push({ from: start, to: start, insert: map.flow ? `format: ${FORMAT_V2}, ` : `format: ${FORMAT_V2}${eol}${indent}` });
  }
  doc.set('format', FORMAT_V2);

  // A file a v2-aware editor already gave outcomes keeps them: the migration only says what v1 implied.
  if (!map.has('outcomes')) {
    edits.push(map.flow ? flowInsert(text, start, end) : blockInsert(text, end, indent, eol, endsInBlockScalar(map)));
    const pair = doc.createPair('outcomes', V1_OUTCOMES);
    (pair.key as Node).commentBefore = OUTCOMES_COMMENT;
    map.items.push(pair);
  }
  return edits.sort((a, b) => a.from - b.from);
}

/** The v2 text of a v1 file the loader accepts: only the migration's edits change, every other byte stays. */
export function migrateText(text: string): string {
  // Parsed as the loader parses it (merge keys on), so the edits find the nodes it read.
  return applyEdits(text, migrateV1toV2(parseDocument(text, { merge: true }), text));
}

/** The text with the edits (non-overlapping, in text order) made. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.from) + e.insert;
    at = e.to;
  }
  return out + text.slice(at);
}

const keyOf = (p: Pair) => (isScalar(p.key) ? p.key.value : p.key);

/** `outcomes:` as a block at the end of a block mapping, its items one line each as the shipped files write them. */
function blockInsert(text: string, end: number, indent: string, eol: string, afterBlockScalar: boolean): TextEdit {
  const part = new Document({ outcomes: V1_OUTCOMES });
  const outcomes = part.get('outcomes') as { items: Node[] };
  for (const item of outcomes.items) if (!isScalar(item)) (item as { flow?: boolean }).flow = true;
  part.contents!.commentBefore = OUTCOMES_COMMENT;
  const block = part.toString({ lineWidth: 0 }).replace(/^(?=.)/gm, indent).replace(/\n/g, eol);
  const newline = end === 0 || text[end - 1] === '\n' ? '' : eol;
  // A blank line after a `|+` text would become part of it: there the comment follows at once.
  return { from: end, to: end, insert: `${newline}${afterBlockScalar ? '' : eol}${block}` };
}

/** Whether the last value in the file is a block text (`|`, `>`), whose trailing blank lines may be its own. */
function endsInBlockScalar(node: unknown): boolean {
  let last = node;
  while (isMap(last) || isSeq(last)) {
    const item: unknown = last.items.at(-1);
    last = isPair(item) ? item.value : item;
  }
  return isScalar(last) && (last.type === 'BLOCK_LITERAL' || last.type === 'BLOCK_FOLDED');
}

/** `, outcomes: [...]` before the closing brace of a top-level flow mapping. */
function flowInsert(text: string, start: number, end: number): TextEdit {
  const brace = text.lastIndexOf('}', end);
  const at = brace >= start ? brace : end;
  return { from: at, to: at, insert: `, outcomes: ${JSON.stringify(V1_OUTCOMES)}` };
}
