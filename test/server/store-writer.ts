// Child process of storage-durability.test.ts: appends entries to a store for ever, a few per
// event-loop turn, and prints each seq once its promise has resolved (the ack a room would send).
// Writes to a pipe are synchronous on Linux, so a printed seq has left the process before a kill.
import { openStore } from '../../src/server/storage.ts';
import { minimalDrill, row } from './store-helpers.ts';

const [file, perTurn = '7'] = process.argv.slice(2);
const store = openStore(file!);
const { drill } = minimalDrill();
// A restarted writer goes on where the killed one's last commit ended.
if (!store.drill(drill)) store.createDrill(minimalDrill());
let seq = store.lastSeq(drill);
for (;;) {
  const batch = Array.from({ length: Number(perTurn) }, () => ++seq).map((s) => store.append(row(drill, s)).then(() => process.stdout.write(`${s}\n`)));
  await Promise.all(batch);
}
