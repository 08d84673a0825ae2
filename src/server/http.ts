// The server's HTTP side: the REST API the host panel uses (create a drill, its join links, revoke,
// download, upload) and the built app as static files. Every answer is JSON; a refusal is
// `{ code, reason }` in the language of `?lang=` (zh by default: the room's first language).
import { timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { isDrillRole, ROLE_TABLE, type DrillRole } from '../protocol/roles.ts';
import { refusalText, type Lang, type RefusalCode } from '../protocol/refusals.ts';
import { isDrillId, type Catalog } from './catalog.ts';
import type { Drills } from './drills.ts';
import { seatProblem, type Links } from './links.ts';
import type { Store } from './storage.ts';
import { checkToken } from './tokens.ts';

/** A log of a long drill with every seat busy runs to a few MB; more is not a drill log. */
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;
/** Every other request body is a line of JSON. */
const MAX_BODY_BYTES = 64 * 1024;

export interface HttpContext {
  store: Store;
  catalog: Catalog;
  links: Links;
  drills: Drills;
  secret: Uint8Array;
  hostKey: string;
  /** The built app; requests outside /api are its files (index.html for any page path). */
  appDir: string;
  /** Tells the sockets of a revoked link and disconnects them (sockets.ts). */
  revoked(nonce: string): Promise<void>;
}

const STATUS: Record<RefusalCode, number> = {
  'bad-message': 400,
  'too-big': 413,
  rate: 429,
  role: 403,
  stale: 409,
  token: 401,
  revoked: 401,
  expired: 401,
  'unknown-drill': 404,
  unavailable: 503,
  refused: 422,
};

class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly detail?: string,
  ) {
    super(code);
  }
}

/** Who is asking: the host (the host key) or a join link's holder. */
type Caller = { kind: 'host' } | { kind: 'link'; drill: string; role: DrillRole };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function createHttpHandler(ctx: HttpContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    // Engine.IO answers its own path (long-polling); a second answer here would crash the process.
    if (req.url?.startsWith('/socket.io/')) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const lang: Lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh';
    if (!url.pathname.startsWith('/api/')) return serveStatic(ctx.appDir, url.pathname, req, res);
    api(ctx, req, url).then(
      (answer) => (answer.file ? sendFile(res, answer.file, answer.body as string) : send(res, answer.status, answer.body)),
      (e: unknown) => {
        if (e instanceof Refusal) return send(res, STATUS[e.code], { code: e.code, reason: refusalText(e.code, lang, e.detail) });
        console.error(e);
        send(res, 500, { code: 'unavailable', reason: refusalText('unavailable', lang) });
      },
    );
  };
}

/** `file`: the body is that file's text (a download), not JSON. */
type Answer = { status: number; body: unknown; file?: string };

async function api(ctx: HttpContext, req: IncomingMessage, url: URL): Promise<Answer> {
  const parts = url.pathname.split('/').slice(2).map(decodeURIComponent); // '', 'api', …
  const method = req.method ?? 'GET';
  const caller = callerOf(ctx, req);
  if (parts[0] !== 'drills') throw new Refusal('bad-message', `no such path ${url.pathname.slice(0, 80)}`);
  if (parts.length === 1) {
    if (!caller || caller.kind !== 'host') throw new Refusal('token', 'the host key is needed');
    if (method === 'GET') return { status: 200, body: { drills: ctx.store.drills().map(({ drill, file, seed, created, parent }) => ({ drill, file, seed, created, ...(parent ? { parent } : {}), lastSeq: ctx.store.lastSeq(drill) })) } };
    if (method === 'POST') return createDrill(ctx, req);
    throw new Refusal('bad-message', `${method} /api/drills`);
  }
  const [, id, what] = parts;
  if (!id || !isDrillId(id)) throw new Refusal('unknown-drill');
  const stored = ctx.store.drill(id);
  if (!caller) throw new Refusal('token', 'a host key or a join link is needed');
  if (caller.kind === 'link' && caller.drill !== id) throw new Refusal('token', 'the link is for another drill');
  if (!stored) throw new Refusal('unknown-drill');
  const controls = caller.kind === 'host' || ROLE_TABLE[caller.role].controls;
  if (what === 'links' && method === 'GET') {
    if (!controls) throw new Refusal('role');
    return { status: 200, body: { links: ctx.links.list(id, (nonce) => ctx.store.isRevoked(id, nonce)) } };
  }
  if (what === 'links' && method === 'POST') {
    if (!controls) throw new Refusal('role');
    const body = await readJson(req, MAX_BODY_BYTES);
    const role = body.role;
    const seat = typeof body.seat === 'string' ? body.seat : isDrillRole(role) && role !== 'seat' ? role : '';
    if (!isDrillRole(role)) throw new Refusal('bad-message', `role: one of ${Object.keys(ROLE_TABLE).join(', ')}`);
    const scenario = ctx.catalog.scenarioOf(stored);
    const problem = seatProblem(scenario, role, seat);
    if (problem) throw new Refusal('bad-message', problem);
    return { status: 201, body: ctx.links.issue(id, scenario, role, seat, Date.now()) };
  }
  if (what === 'revoke' && method === 'POST') {
    if (!controls) throw new Refusal('role');
    const { nonce } = await readJson(req, MAX_BODY_BYTES);
    if (typeof nonce !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(nonce)) throw new Refusal('bad-message', 'nonce: the link\'s nonce');
    ctx.store.revoke(id, nonce);
    await ctx.revoked(nonce);
    return { status: 204, body: undefined };
  }
  if (what === 'log' && method === 'GET') {
    if (caller.kind === 'link' && ROLE_TABLE[caller.role].view !== 'control') throw new Refusal('role');
    const room = await ctx.drills.route(id);
    return { status: 200, body: ctx.catalog.download(stored, room?.now()), file: `${id}.jsonl` };
  }
  throw new Refusal('bad-message', `${method} ${url.pathname.slice(0, 80)}`);
}

async function createDrill(ctx: HttpContext, req: IncomingMessage): Promise<Answer> {
  const body = await readJson(req, MAX_UPLOAD_BYTES);
  const now = new Date();
  let made;
  if (typeof body.log === 'string') made = await ctx.catalog.upload(body.log, now);
  else if (typeof body.scenario === 'string') {
    const seed = body.seed;
    if (seed !== undefined && !(typeof seed === 'number' && Number.isSafeInteger(seed))) throw new Refusal('bad-message', 'seed: an integer');
    made = ctx.catalog.create(body.scenario, seed, now);
  } else throw new Refusal('bad-message', `{"scenario": one of ${ctx.catalog.shipped().join(', ')}} or {"log": the text of a drill log}`);
  if (!made.ok) throw new Refusal('refused', made.reason);
  const links = ctx.links.issueAll(made.drill.drill, made.scenario, Date.now());
  return { status: 201, body: { drill: made.drill.drill, links } };
}

function callerOf(ctx: HttpContext, req: IncomingMessage): Caller | undefined {
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!bearer) return undefined;
  if (sameText(bearer, ctx.hostKey)) return { kind: 'host' };
  const checked = checkToken(ctx.secret, bearer, Date.now());
  if (!checked.ok) throw new Refusal(checked.code);
  const { drill, role, nonce } = checked.claims;
  if (!isDrillRole(role)) throw new Refusal('token');
  if (ctx.store.isRevoked(drill, nonce)) throw new Refusal('revoked');
  return { kind: 'link', drill, role };
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

async function readJson(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new Refusal('too-big');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Refusal('too-big');
    chunks.push(chunk);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch (e) {
    throw new Refusal('bad-message', `the body is not JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Refusal('bad-message', 'the body is a JSON object');
  return value as Record<string, unknown>;
}

function send(res: ServerResponse, status: number, body: unknown) {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendFile(res: ServerResponse, name: string, text: string) {
  res.writeHead(200, { 'content-type': 'application/jsonl; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A file of the app, or its index.html for a page path; nothing outside `appDir`. */
function serveStatic(appDir: string, pathname: string, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { code: 'bad-message', reason: refusalText('bad-message', 'zh') });
  let path: string;
  try {
    path = normalize(join(appDir, decodeURIComponent(pathname)));
  } catch {
    return send(res, 400, { code: 'bad-message', reason: refusalText('bad-message', 'zh') });
  }
  if (path !== appDir && !path.startsWith(appDir.endsWith(sep) ? appDir : appDir + sep)) return send(res, 404, { code: 'bad-message', reason: refusalText('bad-message', 'zh') });
  let file = statSync(path, { throwIfNoEntry: false })?.isFile() ? path : undefined;
  // A page path (no extension) is the app's; a missing asset is a 404, not the page.
  if (!file && extname(pathname) === '') file = statSync(join(appDir, 'index.html'), { throwIfNoEntry: false })?.isFile() ? join(appDir, 'index.html') : undefined;
  if (!file) return send(res, 404, { code: 'bad-message', reason: refusalText('bad-message', 'zh', `no file ${pathname.slice(0, 80)}`) });
  const size = statSync(file).size;
  // Vite names its assets by content hash: they never change under their name.
  const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': cache });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}
