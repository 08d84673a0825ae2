// A scenario file outside the repository gets editor autocomplete from the schema the app serves:
// `# yaml-language-server: $schema=http://<host>/schema/scenario-v2.json` (scenarios/README.md §2).
// public/ is the site's root: vite serves it as is, and `quake-drill serve` serves dist/, its copy.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_PATH } from '../../src/scenario/json-schema.ts';
import { createHttpHandler, type HttpContext } from '../../src/server/http.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

describe('the published JSON Schema', () => {
  const server = createServer(createHttpHandler({ appDir: join(ROOT, 'public') } as HttpContext));
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

  it('is served at /schema/scenario-v2.json, as JSON: the committed file (schema-file.test.ts keeps it current)', async () => {
    expect(SCHEMA_PATH).toBe('/schema/scenario-v2.json');
    const response = await fetch(`${base}/schema/scenario-v2.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.text()).toBe(readFileSync(join(ROOT, 'public/schema/scenario-v2.json'), 'utf8'));
  });
});
