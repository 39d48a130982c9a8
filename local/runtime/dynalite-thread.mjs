// Runs dynalite in a worker thread so DynamoDB request handling and LevelDB work use a second core; the thread
// dies with the process, so a SIGKILLed server leaves no orphan holding the LevelDB files.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);

// dynalite 4.0.0 wraps LevelDB iterators in streams and, when a Query stops at its Limit, never destroys the
// stream, so the iterator (and the LevelDB snapshot it pins) stays open: measured +37 KB of native memory per such
// Query, gigabytes over a long run. A request iterates within milliseconds, so an iterator idle for 5 s
// is abandoned: close it (a request starved that long fails and the SDK retries it). Remove once dynalite closes them.
const ITERATOR_IDLE_MS = 5_000;
const SWEEP_MS = 1_000;
const { AbstractLevel } = require('abstract-level');
const open = new Map();
for (const method of ['keys', 'values', 'iterator']) {
  const original = AbstractLevel.prototype[method];
  AbstractLevel.prototype[method] = function (...args) {
    const iterator = original.apply(this, args);
    const next = iterator.next;
    iterator.next = function (...nextArgs) {
      if (open.has(iterator)) open.set(iterator, Date.now());
      return next.apply(this, nextArgs);
    };
    const close = iterator.close;
    iterator.close = function (...closeArgs) {
      open.delete(iterator);
      return close.apply(this, closeArgs);
    };
    open.set(iterator, Date.now());
    return iterator;
  };
}
setInterval(() => {
  const cutoff = Date.now() - ITERATOR_IDLE_MS;
  for (const [iterator, lastUsed] of open) {
    if (lastUsed >= cutoff) continue;
    open.delete(iterator);
    iterator.close().catch(() => undefined);
  }
}, SWEEP_MS).unref();

const dynalite = require('dynalite');
const server = dynalite({ path: workerData.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.on('error', (error) => parentPort.postMessage({ type: 'error', message: String(error) }));
server.listen(0, '127.0.0.1', () =>
  parentPort.postMessage({ type: 'listening', port: server.address().port }),
);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  server.closeAllConnections?.();
  server.close((error) => {
    parentPort.postMessage({ type: 'stopped', message: error ? String(error) : undefined });
    parentPort.close();
  });
});
