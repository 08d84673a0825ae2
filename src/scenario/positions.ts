// Finds where a path inside the data stands in the YAML text, so every problem can say line:column.
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export interface Located {
  line: number;
  column: number;
}

/**
 * The position of the node at `path`. With `key`, the position of the key of the last segment
 * rather than its value (an unknown field is pointed at by its name). A missing field is pointed at
 * through the nearest node that exists.
 */
export function locate(doc: Document, lines: LineCounter, path: readonly (string | number)[], key = false): Located {
  let node: Node | null = doc.contents;
  let at = node?.range?.[0] ?? 0;
  for (const [depth, segment] of path.entries()) {
    if (isMap(node)) {
      // String(): a key written as a number (`000:`) is the string '0' in the data's path.
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment));
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      const last = depth === path.length - 1;
      at = (key && last ? keyNode?.range?.[0] : (valueNode?.range?.[0] ?? keyNode?.range?.[0])) ?? at;
      node = valueNode;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment] as Node;
      at = node.range?.[0] ?? at;
    } else break;
  }
  const { line, col } = lines.linePos(at);
  return { line, column: col };
}

/** 1-based line and column of a character offset, for text the parser has not seen. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
