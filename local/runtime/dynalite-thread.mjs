// Runs dynalite in a worker thread so DynamoDB request handling and LevelDB work use a second core; the thread
// dies with the process, so a SIGKILLed server leaves no orphan holding the LevelDB files.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const dynalite = createRequire(import.meta.url)('dynalite');
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
