// The multi-seat server: one HTTP port for the built app, the host's REST API and the seats'
// Socket.IO connections; the drills on disk under `data` (storage.ts), each played by its room.
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { MAX_MESSAGE_BYTES } from '../protocol/messages.ts';
import { openCatalog } from './catalog.ts';
import { clusterDrills } from './cluster.ts';
import { localDrills, type Drills } from './drills.ts';
import { createHttpHandler } from './http.ts';
import { openLinks } from './links.ts';
import { openRoom } from './room.ts';
import { attachSockets } from './sockets.ts';
import { openStore, type Store, type StoredDrill } from './storage.ts';
import { loadSecret } from './tokens.ts';

export interface ServerOptions {
  /** 0: a free port (tests). */
  port: number;
  /** Default 127.0.0.1: a room's LAN needs `--host 0.0.0.0` said outright. */
  host?: string;
  /** The drills' folder: the SQLite file, the signing secret, the join links. */
  data: string;
  /** Signs the join links; default the one kept in `<data>/secret.key`. */
  secret?: string;
  /** Several processes sharing the drills (cluster.ts). */
  redisUrl?: string;
  /** The built app; default the package's dist/. */
  appDir?: string;
  /** The address seats open, when it is not the one listened on (a proxy, a LAN name). */
  publicUrl?: string;
}

export interface RunningServer {
  url: string;
  /** Opens the host panel (`${url}/?host=${hostKey}`) and authorises the host's REST calls. */
  hostKey: string;
  close(): Promise<void>;
}

/** The package's root (scenarios/, dist/): the sources run from src/server, the bundle from node_modules/.cache. */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'quake-drill') return dir;
    if (dirname(dir) === dir) throw new Error(`quake-drill: no package root above ${from}`);
  }
}

export const STORE_FILE = 'drills.sqlite';

/** The host key follows from the secret: the host link printed at a start still works after a restart. */
export const hostKeyOf = (secret: Uint8Array): string => createHmac('sha256', secret).update('quake-drill host key').digest('base64url');

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const root = packageRoot();
  const data = resolve(options.data);
  mkdirSync(data, { recursive: true, mode: 0o700 });
  const secret = loadSecret(data, options.secret);
  const hostKey = hostKeyOf(secret);
  const store = openStore(join(data, STORE_FILE));
  const http = createServer();
  const io = new Server(http, { maxHttpBufferSize: MAX_MESSAGE_BYTES, serveClient: false });
  const drills = drillsFor(options, store, io);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    http.once('error', fail);
    http.listen(options.port, host, () => {
      http.off('error', fail);
      done();
    });
  });
  const { port } = http.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const publicUrl = (options.publicUrl ?? url).replace(/\/+$/, '');
  const sockets = attachSockets(io, store, drills, secret);
  http.on(
    'request',
    createHttpHandler({
      store,
      catalog: openCatalog(store, root),
      links: openLinks(join(data, 'links'), secret, publicUrl),
      drills,
      secret,
      hostKey,
      appDir: resolve(options.appDir ?? join(root, 'dist')),
      revoked: (nonce) => sockets.revoke(nonce),
    }),
  );
  return {
    url,
    hostKey,
    async close() {
      sockets.close();
      await new Promise<void>((done) => void io.close(() => done()));
      await drills.close();
      store.close();
    },
  };
}

/**
 * Where each drill is played. One process: every drill's room is here. With REDIS_URL, cluster.ts
 * gives this seam a Drills whose route() answers with the room here when this process owns the drill
 * (its lease) and with a forwarder to the owner otherwise, and sets the io adapter.
 */
function drillsFor(options: ServerOptions, store: Store, io: Server): Drills {
  const open = (drill: StoredDrill) => openRoom(store, drill);
  if (options.redisUrl !== undefined) return clusterDrills({ redisUrl: options.redisUrl, io, store, open });
  return localDrills(store, open);
}
