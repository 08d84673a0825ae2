// Checks made before the YAML parser sees the text: a hostile file (megabytes, thousands of nested
// brackets) can make a parser slow or even exhaust memory, so those are refused up front.
import type { Finding } from './problem.ts';

/** Scenario files are text a trainer writes; the default scenario is well under a tenth of this. */
export const MAX_CHARS = 1_000_000;
/** Real scenario files nest a dozen levels; hostile ones nest thousands. */
export const MAX_DEPTH = 64;
/** Block nesting shows as indentation: 64 levels of four spaces. */
export const MAX_INDENT = MAX_DEPTH * 4;
/** Parsing time grows with the number of nodes; the default scenario has a few thousand lines. */
export const MAX_ITEMS = 60_000;

export interface PreflightFinding extends Finding {
  offset: number;
}

export function preflight(text: string): PreflightFinding | undefined {
  // Text never holds a NUL; images, programs and archives nearly always do. One line, not dozens of
  // parser errors about their bytes.
  if (text.includes('\u0000')) {
    return { offset: 0, path: [], rule: 'encoding', message: 'this is not a text file: it holds binary data (an image, a program or an archive?)', hint: 'a scenario is a YAML text file, like those in scenarios/' };
  }
  // U+FFFD is what a decoder puts where bytes were not UTF-8: a file saved as GBK reads as 乱码.
  const replaced = text.indexOf('\uFFFD');
  if (replaced >= 0) {
    return { offset: replaced, path: [], rule: 'encoding', message: 'the file is not UTF-8 text: these bytes are not a character', hint: 'save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8); a file saved as GBK or GB 2312 cannot be read' };
  }
  if (text.length > MAX_CHARS) {
    return {
      offset: 0,
      path: [],
      rule: 'size',
      message: `the file has ${text.length.toLocaleString('en')} characters; a scenario file may have at most ${MAX_CHARS.toLocaleString('en')}`,
      hint: 'ship images and videos as media files beside the scenario, and split very long text',
    };
  }
  const items = countItems(text);
  if (items > MAX_ITEMS) {
    return {
      offset: 0,
      path: [],
      rule: 'size',
      message: `the file has ${items.toLocaleString('en')} lines and list items; a scenario file may have at most ${MAX_ITEMS.toLocaleString('en')}`,
      hint: 'simplify long polylines, or split the scenario',
    };
  }
  return deepNesting(text);
}

/** Lines plus commas: a cheap upper bound on the number of nodes the parser would build. */
function countItems(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 44) n++;
  }
  return n;
}

/** A quoted scalar can only start a value: after these, or first on its line. */
const VALUE_START = new Set(['[', '{', ',', ':', '-', '?']);

function deepNesting(text: string): PreflightFinding | undefined {
  let flow = 0;
  let quote: '"' | "'" | null = null;
  let lineStart = 0;
  /** The last character on this line that was not blank ('\n' at the start of a line). */
  let significant = '\n';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '\n') {
      lineStart = i + 1;
      significant = '\n';
      continue;
    }
    if (i === lineStart && blockDepthColumn(text, i) > MAX_INDENT) return tooDeep(i, `the file is indented more than ${MAX_INDENT} columns here`);
    if (c === ' ' || c === '\t') continue;
    const prev = i === lineStart ? '\n' : text[i - 1]!;
    const startsValue = significant === '\n' || (VALUE_START.has(significant) && (prev === ' ' || prev === '\t' || VALUE_START.has(prev)));
    significant = c;
    if ((c === '"' || c === "'") && startsValue) quote = c;
    else if (c === '#' && (prev === ' ' || prev === '\t' || prev === '\n')) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end - 1;
    } else if (c === '[' || c === '{') {
      if (++flow > MAX_DEPTH) return tooDeep(i, `the file nests deeper than ${MAX_DEPTH} levels here`);
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return undefined;
}

/** The column where a line's content starts, counting compact "- " and "? " entries as indentation. */
function blockDepthColumn(text: string, start: number): number {
  let i = start;
  for (;;) {
    const c = text[i];
    if (c === ' ') i++;
    else if ((c === '-' || c === '?') && text[i + 1] === ' ') i += 2;
    else return i - start;
  }
}

function tooDeep(offset: number, message: string): PreflightFinding {
  return {
    offset,
    path: [],
    rule: 'nesting',
    message,
    hint: 'scenario files nest a dozen levels at most; check for unclosed brackets or runaway indentation',
  };
}
