// The --findings lines in a fixed order, whatever order the workers finish ranges in: file by file
// as the report lists them, each file's ranges in file order. The same input gives the same file,
// byte for byte, so an investigator can re-run a scan and compare its hash.
//
// A range's lines wait until the ranges before it are written: in memory up to a limit, then in a
// temporary file (mode 0600: the lines may hold values under --reveal) in the folder the findings
// file gives, so memory stays bounded however far ahead a worker runs.
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';

/** Lines held in memory at most, over all ranges waiting their turn. */
const HELD_BYTES = 8 << 20;

interface Slot {
  chunks: Uint8Array[];
  bytes: number;
  done: boolean;
  /** Writes straight to the output: the first unwritten range, once what it held is out. */
  live: boolean;
  spill: { path: string; stream: WriteStream } | null;
}

export class OrderedFindings {
  private readonly files: { slots: Slot[]; sealed: boolean }[] = [];
  private readonly byTask = new Map<number, Slot>();
  private fileAt = 0;
  private slotAt = 0;
  private held = 0;
  /** Writes to the output that wait for earlier ones (copies of spilled ranges), in order. */
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private failure: Error | null = null;
  private readonly spillPaths = new Set<string>();
  private spills = 0;

  constructor(
    private readonly out: Writable,
    private readonly spillDir: string,
    private readonly heldLimit = HELD_BYTES,
  ) {}

  /** A task's range, the next one of file `fileIndex` (a file's ranges are added in order). */
  add(taskId: number, fileIndex: number): void {
    const slot: Slot = { chunks: [], bytes: 0, done: false, live: false, spill: null };
    this.file(fileIndex).slots.push(slot);
    this.byTask.set(taskId, slot);
    this.advance();
  }

  write(taskId: number, text: Uint8Array): void {
    const slot = this.byTask.get(taskId);
    if (!slot) return;
    if (slot.live && this.queued === 0) this.out.write(text);
    else if (slot.spill) slot.spill.stream.write(text);
    else {
      slot.chunks.push(text);
      slot.bytes += text.length;
      this.held += text.length;
      if (slot.live) this.enqueue(slot);
      else if (this.held > this.heldLimit) this.spill(slot);
    }
  }

  /** The task's range is scanned: no more lines will come for it. */
  finish(taskId: number): void {
    const slot = this.byTask.get(taskId);
    if (!slot) return;
    this.byTask.delete(taskId);
    slot.done = true;
    this.advance();
  }

  /** File `fileIndex` has all its ranges (none, for a file that was not read). */
  seal(fileIndex: number): void {
    this.file(fileIndex).sealed = true;
    this.advance();
  }

  /** Writes what is still held, in order (a range a failed worker never finished, too), and removes the spill files. */
  async close(): Promise<void> {
    for (const slot of this.byTask.values()) slot.done = true;
    this.byTask.clear();
    for (let i = 0; i < this.files.length; i++) this.file(i).sealed = true;
    this.advance();
    await this.queue;
    await Promise.all([...this.spillPaths].map((path) => unlink(path).catch(() => {})));
    if (this.failure) throw this.failure;
  }

  private file(index: number): { slots: Slot[]; sealed: boolean } {
    return (this.files[index] ??= { slots: [], sealed: false });
  }

  /** Writes out the ranges that are next in order and done, and lets the first one not done write straight through. */
  private advance(): void {
    for (;;) {
      // A file that has no range yet and is not sealed: wait for it.
      const file = this.files[this.fileAt];
      if (!file) return;
      const slot = file.slots[this.slotAt];
      if (!slot) {
        if (!file.sealed) return;
        this.fileAt++;
        this.slotAt = 0;
        continue;
      }
      if (!slot.done) {
        // A spilled range keeps spilling until done, then is copied whole.
        if (slot.live || slot.spill) return;
        slot.live = true;
        if (slot.bytes) this.enqueue(slot);
        return;
      }
      this.enqueue(slot);
      this.slotAt++;
    }
  }

  /** Writes what a slot holds after every write queued before it. */
  private enqueue(slot: Slot): void {
    this.queued++;
    this.queue = this.queue
      .then(() => this.emit(slot))
      .catch((error: Error) => void (this.failure ??= error))
      .finally(() => this.queued--);
  }

  private async emit(slot: Slot): Promise<void> {
    if (slot.spill && slot.done) {
      const { path, stream } = slot.spill;
      slot.spill = null;
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
      for await (const chunk of createReadStream(path)) {
        if (!this.out.write(chunk as Buffer)) await once(this.out, 'drain');
      }
      this.spillPaths.delete(path);
      await unlink(path);
    }
    for (const chunk of slot.chunks.splice(0)) this.out.write(chunk);
    this.held -= slot.bytes;
    slot.bytes = 0;
  }

  private spill(slot: Slot): void {
    const path = join(this.spillDir, `.telusur-findings.${process.pid}.${this.spills++}.part`);
    const stream = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    stream.on('error', (error) => (this.failure ??= error));
    this.spillPaths.add(path);
    for (const chunk of slot.chunks.splice(0)) stream.write(chunk);
    this.held -= slot.bytes;
    slot.bytes = 0;
    slot.spill = { path, stream };
  }
}
