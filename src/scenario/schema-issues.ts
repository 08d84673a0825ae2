// Turns zod's issues into findings a trainer can act on: a missing field named, an unknown field
// with the nearest real one, a wrong enum value with the nearest allowed one — each said in English
// and in Chinese (`zh`), so the app and the CLI speak the trainer's language.
import { z } from 'zod';
import type { Finding } from './problem.ts';
import { didYouMean } from './suggest.ts';
import { DURATION_PATTERN } from './duration.ts';
import { ORIGIN_TIME_FORMAT } from './origin-time.ts';

type Path = (string | number)[];
type Issue = z.core.$ZodIssue;
type Def = { type: string; [k: string]: unknown };

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** The object schemas that can stand at a path (several where a union is involved). */
function schemasAt(schema: unknown, path: Path): unknown[] {
  let current = [schema];
  for (const segment of [...path, null]) {
    const next: unknown[] = [];
    const seen = new Set<unknown>();
    const queue = [...current];
    while (queue.length) {
      const s = queue.shift();
      if (seen.has(s)) continue;
      seen.add(s);
      const def = defOf(s);
      switch (def.type) {
        case 'optional': case 'default': case 'nullable': case 'prefault': case 'readonly':
          queue.push(def.innerType);
          break;
        case 'pipe':
          queue.push(def.in);
          break;
        case 'lazy':
          queue.push((def.getter as () => unknown)());
          break;
        case 'union':
          queue.push(...(def.options as unknown[]));
          break;
        case 'object':
          if (segment === null) next.push(s);
          else if (typeof segment === 'string' && (def.shape as Record<string, unknown>)[segment]) next.push((def.shape as Record<string, unknown>)[segment]);
          break;
        case 'array':
          if (typeof segment === 'number') next.push(def.element);
          break;
        case 'tuple':
          if (typeof segment === 'number') next.push((def.items as unknown[])[segment]);
          break;
      }
    }
    current = next;
  }
  return current;
}

/** Whether the field at `path` is a duration (its schema carries the Duration id). */
function isDuration(schema: unknown, path: Path): boolean {
  const key = path.at(-1);
  if (typeof key !== 'string') return false;
  return schemasAt(schema, path.slice(0, -1)).some((s) => {
    const field = (defOf(s).shape as Record<string, unknown>)[key];
    return field !== undefined && JSON.stringify(z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' })).includes('"Duration"');
  });
}

function knownKeys(schema: unknown, path: Path): string[] {
  return [...new Set(schemasAt(schema, path).flatMap((s) => Object.keys(defOf(s).shape as object)))];
}

const describe = (value: unknown) =>
  value === undefined ? 'nothing' : typeof value === 'number' && !Number.isFinite(value) ? String(value) : value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : JSON.stringify(value);
const describeZh = (value: unknown) =>
  value === undefined ? '空值' : typeof value === 'number' && !Number.isFinite(value) ? String(value) : value === null ? '空值（null）' : Array.isArray(value) ? '列表' : typeof value === 'object' ? '映射' : JSON.stringify(value);

/** zod's names of types, as a trainer reads them in Chinese. */
const TYPE_ZH: Record<string, string> = { string: '文本', number: '数字', boolean: '是/否（true/false）', array: '列表', object: '映射', int: '整数', date: '日期', null: '空值' };
const typeZh = (t: string) => TYPE_ZH[t] ?? t;
const quoted = (xs: string[]) => xs.map((v) => `'${v}'`).join(' | ');
/** The schema's own patterns in Chinese, keyed by the pattern as zod reports it (its English is the schema's message). */
const FORMAT_ZH = new Map([
  [String(new RegExp(DURATION_PATTERN)), '应为时长，例如 "45s"、"15m"、"1h30m" 或 "3d"'],
  [String(ORIGIN_TIME_FORMAT), '应为带 UTC 时差的当地时间，例如 "2026-11-21T09:30+08:00"'],
]);
const RELATION_ZH = { 'at most': '不超过', below: '小于', 'at least': '不少于', above: '大于' } as const;

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const s of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}

/** For a union, the alternative the author most likely meant: the one with the fewest complaints. */
function likeliestBranch(issue: Extract<Issue, { code: 'invalid_union' }>): Issue[] | undefined {
  const branches = issue.errors.filter((b) => b.length > 0);
  if (branches.length === 0) return undefined;
  const score = (b: Issue[]) => b.reduce((n, i) => n + (i.code === 'unrecognized_keys' ? 2 * i.keys.length : i.path.length === 0 ? 3 : 1), 0);
  return [...branches].sort((a, b) => score(a) - score(b))[0];
}

export function schemaFindings(schema: unknown, data: unknown, issues: readonly Issue[], base: Path = []): Finding[] {
  const out: Finding[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as Path)];
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const known = knownKeys(schema, path);
          const cut = valueAt(data, [...path, key]) === null;
          const cutText = cut && /[\s)）]/.test(key);
          // `{ population: 41,000 }`: inside { } the comma ends the value, and `000` reads as a key.
          const cutNumber = cut && /^\d+$/.test(key);
          const suggestion = didYouMean(key, known);
          out.push({
            path: [...path, key],
            rule: 'unknown-field',
            message: `unknown field '${key}'`,
            expected: `one of: ${known.join(', ')}`,
            hint: cutNumber ? `this looks like the end of a number cut at a thousands comma: write numbers without commas, e.g. 41000` : cutText ? 'this looks like the end of a text cut at a comma: inside { } put text with commas in quotes, e.g. en: "Fire, rescue"' : (suggestion ?? `the fields here are: ${known.join(', ')}`),
            zh: {
              message: `未知字段 '${key}'`,
              hint: cutNumber ? '这像是在千位分隔逗号处被截断的数字的后半部分：数字不要写逗号，例如写 41000' : cutText ? '这像是在逗号处被截断的文本的后半部分：在 { } 中，含逗号的文本要加引号，例如 en: "Fire, rescue"' : suggestion ? suggestionZh(suggestion) : `此处可用的字段：${known.join(', ')}`,
            },
          });
        }
        break;
      case 'invalid_union': {
        if ('discriminator' in issue) {
          const got = valueAt(data, path);
          const allowed = ((issue as { options?: unknown[] }).options ?? []).map(String);
          out.push({
            path,
            rule: 'schema',
            message: `${describe(got)} is not a known '${String(issue.discriminator)}'; expected ${quoted(allowed)}`,
            expected: allowed.join(' | '),
            hint: typeof got === 'string' ? didYouMean(got, allowed) : undefined,
            zh: withHint(`${describeZh(got)} 不是已知的 '${String(issue.discriminator)}'；应为 ${quoted(allowed)} 之一`, typeof got === 'string' ? didYouMean(got, allowed) : undefined),
          });
          break;
        }
        const branch = likeliestBranch(issue);
        if (branch) out.push(...schemaFindings(schema, data, branch, path));
        else out.push({ path, rule: 'schema', message: issue.message, zh: { message: '不符合情景格式' } });
        break;
      }
      case 'invalid_type': {
        const got = valueAt(data, path);
        const missing = got === undefined;
        const hint = typeHint(schema, path, got, issue.expected);
        out.push({
          path,
          rule: missing ? 'missing-field' : 'schema',
          message: missing ? `missing field '${String(path.at(-1))}' (${issue.expected})` : `expected ${issue.expected}, found ${describe(got)}`,
          expected: issue.expected,
          hint: hint?.en,
          zh: {
            message: missing ? `缺少字段 '${String(path.at(-1))}'（${typeZh(issue.expected)}）` : `应为${typeZh(issue.expected)}，实际为 ${describeZh(got)}`,
            ...(hint ? { hint: hint.zh } : {}),
          },
        });
        break;
      }
      case 'invalid_value': {
        const got = valueAt(data, path);
        const allowed = issue.values.map(String);
        out.push({
          path,
          rule: 'schema',
          message: `${describe(got)} is not allowed here; expected ${quoted(allowed)}`,
          expected: allowed.join(' | '),
          hint: typeof got === 'string' ? didYouMean(got, allowed) : undefined,
          zh: withHint(`此处不能填 ${describeZh(got)}；应为 ${quoted(allowed)} 之一`, typeof got === 'string' ? didYouMean(got, allowed) : undefined),
        });
        break;
      }
      case 'custom': {
        // Checks written in the schema carry their own rule and hint (durations, the origin time).
        const params = (issue.params ?? {}) as { rule?: string; hint?: string; zh?: { message: string; hint?: string } };
        out.push({ path, rule: params.rule ?? 'schema', message: issue.message, hint: params.hint, ...(params.zh ? { zh: params.zh } : {}) });
        break;
      }
      case 'too_big': case 'too_small': {
        if (issue.origin !== 'number') {
          const n = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
          out.push({ path, rule: 'schema', message: issue.message, zh: { message: issue.code === 'too_big' ? `太长：最多 ${n} 项（或字符）` : `太短：至少 ${n} 项（或字符）` } });
          break;
        }
        const got = valueAt(data, path);
        const big = issue.code === 'too_big';
        const limit = Number(big ? issue.maximum : issue.minimum);
        const inclusive = issue.inclusive !== false;
        const relation = big ? (inclusive ? 'at most' : 'below') : inclusive ? 'at least' : 'above';
        // zod's own wording starts "Too big"/"Too small"; a message written in the schema says why.
        const own = /^Too (big|small)/.test(issue.message) ? undefined : issue.message;
        const coordinate = ['lat', 'lon', 'north', 'south', 'east', 'west'].includes(String(path.at(-1)));
        out.push({
          path,
          rule: 'schema',
          message: `${describe(got)} is out of range: ${String(path.at(-1) ?? 'the value')} is ${relation} ${limit.toLocaleString('en')}`,
          expected: `a number ${relation} ${limit.toLocaleString('en')}`,
          hint: own ?? (coordinate ? 'check for swapped latitude and longitude' : 'check for extra digits or a misplaced decimal point'),
          zh: {
            message: `${describeZh(got)} 超出范围：${String(path.at(-1) ?? '该值')} 应${RELATION_ZH[relation]} ${limit.toLocaleString('en')}`,
            hint: coordinate ? '检查纬度和经度是否写反' : '检查是否多写了数字或小数点位置不对',
          },
        });
        break;
      }
      case 'invalid_format':
        out.push({ path, rule: 'schema', message: issue.message, zh: { message: (issue.pattern && FORMAT_ZH.get(issue.pattern)) ?? '不符合情景格式' } });
        break;
      default:
        out.push({ path, rule: 'schema', message: issue.message, zh: { message: '不符合情景格式' } });
    }
  }
  return out;
}

/** A number written with thousands commas ("41,000", "4,1000", "41，000"): YAML reads it as text. */
const COMMA_NUMBER = /^[+-]?\d+(?:[,，]\d+)+(?:\.\d+)?$/;

/** What to write instead, for the wrong types trainers write most: a duration without unit, a number with commas. */
function typeHint(schema: unknown, path: Path, got: unknown, expected: string): { en: string; zh: string } | undefined {
  if (typeof got === 'number' && isDuration(schema, path)) {
    return { en: `durations carry a unit: write ${got}m (minutes), ${got}h or ${got}s`, zh: `时长要带单位：写成 ${got}m（分钟）、${got}h（小时）或 ${got}s（秒）` };
  }
  if (typeof got === 'string' && expected === 'number' && COMMA_NUMBER.test(got.trim())) {
    const bare = got.trim().replace(/[,，]/g, '');
    return { en: `write ${bare} without the comma: YAML reads "${got}" as text, not a number`, zh: `数字不要写千位分隔逗号：写成 ${bare}` };
  }
  return undefined;
}

/** didYouMean's English suggestion ("did you mean 'x'?") said in Chinese. */
function suggestionZh(hint: string): string {
  const m = /'([^']*)'/.exec(hint);
  return m ? `是不是要写 '${m[1]}'？` : hint;
}

const withHint = (message: string, suggestion: string | undefined) => (suggestion ? { message, hint: suggestionZh(suggestion) } : { message });
