// Worker-thread entry: runs scan tasks sent by the pool and posts progress, findings and results.
import { parentPort } from 'node:worker_threads';
import { runTask, type ScanTask } from './task.js';

const port = parentPort!;
port.on('message', (task: ScanTask) => {
  runTask(task, {
    progress: (id, bytes) => port.postMessage({ kind: 'progress', id, bytes }),
    // The text's buffer moves to the main thread instead of being copied.
    findings: (id, text, records) => port.postMessage({ kind: 'findings', id, text, records }, text ? [text.buffer as ArrayBuffer] : []),
  }).then(
    (result) => port.postMessage({ kind: 'done', result }),
    (error: Error) => port.postMessage({ kind: 'failed', id: task.id, message: error.message }),
  );
});
