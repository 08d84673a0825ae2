// Child process of faults.test.ts: the server on its own, so the test can kill it with SIGKILL (no
// close, no exit handler) and start a server again on its port and data folder. Prints its address
// and host key as one JSON line once it listens.
import { startServer } from '../../src/server/server.ts';

const data = process.argv[2]!;
const server = await startServer({ port: 0, data, appDir: `${data}/no-app` });
process.stdout.write(`${JSON.stringify({ url: server.url, hostKey: server.hostKey })}\n`);
