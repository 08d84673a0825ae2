// One server process of a cluster, for the test that kills it: `node --import tsx cluster-serve.ts
// <data> <redisUrl> <appDir>` prints {url, hostKey} on one line once it listens.
import { startServer } from '../../src/server/server.ts';

const [data, redisUrl, appDir] = process.argv.slice(2) as [string, string, string];
const server = await startServer({ port: 0, data, redisUrl, appDir });
process.stdout.write(`${JSON.stringify({ url: server.url, hostKey: server.hostKey })}\n`);
