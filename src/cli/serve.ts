// `quake-drill serve`: a drill for a room (多席位). Serves the built app (building it first when dist/ is
// missing) and hosts the drills over Socket.IO until stopped; prints the address and the host link the
// facilitator opens to create a drill and hand out the join links.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fill } from './messages.ts';
import type { Lang } from './lang.ts';

const USAGE = 'usage: quake-drill serve [--port 8080] [--data ./drills] [--host 127.0.0.1] [--public-url URL] [--lang zh|en]';

const WORDS = {
  zh: {
    building: '正在构建网页应用（dist/ 不存在）……',
    listening: '演练服务器已启动：{url}',
    host: '导调请打开（勿外传，凭此链接创建演练、发放各席位加入链接）：\n  {link}',
    data: '演练数据保存在：{data}',
    stop: '按 Ctrl+C 停止。',
  },
  en: {
    building: 'building the web app (dist/ is missing)…',
    listening: 'drill server listening on {url}',
    host: 'the facilitator opens (keep it private: it creates drills and hands out the join links):\n  {link}',
    data: 'drills are kept in {data}',
    stop: 'Ctrl+C stops it.',
  },
} as const;

const say = (lang: Lang, key: keyof (typeof WORDS)['en'], vars: Record<string, string> = {}) => fill(WORDS[lang][key], vars);

export async function serve(args: string[], lang: Lang = 'en', env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values: { port?: string; data?: string; host?: string; 'public-url'?: string };
  try {
    ({ values } = parseArgs({ args, options: { port: { type: 'string' }, data: { type: 'string' }, host: { type: 'string' }, 'public-url': { type: 'string' } } }));
  } catch (e) {
    console.error(`quake-drill serve: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const port = Number(values.port ?? env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`quake-drill serve: --port takes a port number 0–65535, not '${values.port}'\n${USAGE}`);
    return 2;
  }
  // The server and vite load only here: the other commands start without them.
  const { packageRoot, startServer } = await import('../server/server.ts');
  const root = packageRoot();
  const appDir = join(root, 'dist');
  if (!existsSync(join(appDir, 'index.html'))) {
    console.log(say(lang, 'building'));
    const { build } = await import('vite');
    await build({ root, logLevel: 'warn' });
  }
  const data = values.data ?? './drills';
  const server = await startServer({
    port,
    host: values.host ?? '127.0.0.1',
    data,
    appDir,
    ...(env.QUAKE_DRILL_SECRET ? { secret: env.QUAKE_DRILL_SECRET } : {}),
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
  });
  const base = (values['public-url'] ?? server.url).replace(/\/+$/, '');
  console.log(say(lang, 'listening', { url: server.url }));
  console.log(say(lang, 'host', { link: `${base}/?host=${server.hostKey}` }));
  console.log(say(lang, 'data', { data }));
  console.log(say(lang, 'stop'));
  await new Promise<void>((stopped) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(stopped);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
