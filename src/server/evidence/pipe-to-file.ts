import { createWriteStream } from 'node:fs';
import type { Duplex, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Pipes `streams` into a new file (mode 0600) and settles only once the file is closed.
 * pipeline() alone can reject while the file is still being opened, so a caller that then
 * removes the file (or its folder) would race the file's creation and leave it behind.
 */
export async function pipeToFile(streams: [Readable, ...Duplex[]], path: string): Promise<void> {
  const sink = createWriteStream(path, { mode: 0o600 });
  try {
    await pipeline([...streams, sink]);
  } catch (error) {
    if (!sink.closed) await new Promise<void>((closed) => sink.once('close', () => closed()));
    throw error;
  }
}
