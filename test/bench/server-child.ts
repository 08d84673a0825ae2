// One server process of the server bench: started by server.ts with fork(), so the load generator's
// sockets never share this event loop. It tells its parent where it listens; SIGTERM closes it. Over
// each measured window it keeps its event-loop delay and, with --profile, a V8 profile (through
// node:inspector), so set-up — links, welcomes — stays out of the figures.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer } from '../../src/server/server.ts';

const [data, appDir, redisUrl] = process.argv.slice(2);
if (!data || !appDir) throw new Error('usage: server-child.ts <data dir> <app dir> [redis url]');

/** From the parent: a measured window opens (profile it or not), or closes (write its profile to `file`). */
export type WindowRequest = { window: 'open'; profile: boolean } | { window: 'close'; file?: string };
/** The reply to a close: this process's event-loop delay over the window, ms. */
export interface WindowReport {
  window: WindowRequest['window'];
  loop?: { p99: number; max: number };
  error?: string;
}

const server = await startServer({ port: 0, data, appDir, ...(redisUrl ? { redisUrl } : {}) });
// A stalled loop (a commit's fsync, a long fan-out) shows here whatever the client sees.
const delay = monitorEventLoopDelay({ resolution: 5 });
const inspector = new Session();
inspector.connect();
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) => inspector.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
let profiling = false;
const ms = (ns: number) => Math.round(ns / 1e5) / 10;
process.on('message', (m: WindowRequest) => {
  let done: Promise<WindowReport>;
  if (m.window === 'open') {
    delay.reset();
    delay.enable();
    profiling = m.profile;
    done = (profiling ? post('Profiler.enable').then(() => post('Profiler.setSamplingInterval', { interval: 200 })).then(() => post('Profiler.start')) : Promise.resolve()).then(() => ({ window: 'open' }));
  } else {
    delay.disable();
    const loop = { p99: ms(delay.percentile(99)), max: ms(delay.max) };
    done = (profiling && m.file ? post('Profiler.stop').then((r) => writeFileSync(m.file!, JSON.stringify((r as { profile: unknown }).profile))) : Promise.resolve()).then(() => ({ window: 'close', loop }));
  }
  done.then(
    (report) => process.send!(report),
    (e: unknown) => process.send!({ window: m.window, error: String(e) } satisfies WindowReport),
  );
});
process.send!({ url: server.url, hostKey: server.hostKey });
// The parent gone (a crash, a kill -9) must not leave a server behind.
process.on('disconnect', () => process.exit(1));
process.once('SIGTERM', () => {
  const forced = setTimeout(() => process.exit(1), 5000);
  server.close().finally(() => {
    clearTimeout(forced);
    process.exit(0);
  });
});
