import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { OrderedFindings } from './ordered-findings.js';

const dir = mkdtempSync(join(tmpdir(), 'telusur-ordered-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An output that keeps what is written to it, as it is written. */
function sink(): { out: Writable; text(): string } {
  const chunks: Buffer[] = [];
  const out = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done()) });
  return { out, text: () => Buffer.concat(chunks).toString() };
}

const line = (task: number, n: number) => Buffer.from(`t${task}.${n}\n`);

describe('OrderedFindings', () => {
  it('writes ranges in file and range order, whatever order they finish in', async () => {
    const { out, text } = sink();
    const ordered = new OrderedFindings(out, dir);
    ordered.add(0, 1); // file 1 is planned before file 0
    ordered.add(1, 0);
    ordered.add(2, 0);
    ordered.seal(1);
    ordered.write(2, line(2, 0));
    ordered.write(0, line(0, 0));
    ordered.finish(2);
    ordered.finish(0);
    ordered.write(1, line(1, 0));
    ordered.write(1, line(1, 1));
    expect(text()).toBe('t1.0\nt1.1\n');
    ordered.seal(0);
    ordered.finish(1);
    await ordered.close();
    expect(text()).toBe('t1.0\nt1.1\nt2.0\nt0.0\n');
  });

  it('writes the first unfinished range straight through, and nothing of a later one before it', async () => {
    const { out, text } = sink();
    const ordered = new OrderedFindings(out, dir);
    ordered.add(0, 0);
    ordered.add(1, 0);
    ordered.write(1, line(1, 0));
    ordered.write(0, line(0, 0));
    await new Promise((resolve) => setImmediate(resolve));
    expect(text()).toBe('t0.0\n');
    ordered.finish(0);
    ordered.seal(0);
    await ordered.close();
    expect(text()).toBe('t0.0\nt1.0\n');
  });

  it('gives the same output as finishing in order, with ranges held in memory or spilled to files, and leaves no spill file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ file: fc.nat(3), lines: fc.nat(6) }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
        fc.constantFrom(0, 8, 1 << 20),
        async (tasks, schedule, heldLimit) => {
          const { out, text } = sink();
          const folder = mkdtempSync(join(dir, 'p-'));
          const ordered = new OrderedFindings(out, folder, heldLimit);
          tasks.forEach((task, id) => ordered.add(id, task.file));
          for (let file = 0; file <= 3; file++) ordered.seal(file);
          // Interleave the tasks' lines and ends in an order the schedule picks.
          const left = tasks.map((task) => task.lines);
          const open = tasks.map((_, id) => id);
          let step = 0;
          while (open.length) {
            const pick = schedule[step++ % schedule.length]! % open.length;
            const id = open[pick]!;
            if (left[id]! > 0) ordered.write(id, line(id, tasks[id]!.lines - left[id]!--));
            else {
              ordered.finish(id);
              open.splice(pick, 1);
            }
          }
          await ordered.close();
          const expected = tasks
            .map((task, id) => ({ ...task, id }))
            .sort((a, b) => a.file - b.file || a.id - b.id)
            .flatMap((task) => Array.from({ length: task.lines }, (_, n) => line(task.id, n).toString()))
            .join('');
          expect(text()).toBe(expected);
          expect(readdirSync(folder)).toEqual([]);
          rmSync(folder, { recursive: true });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('on close, writes what ranges that never finished hold, in order', async () => {
    const { out, text } = sink();
    const ordered = new OrderedFindings(out, dir, 0);
    ordered.add(0, 0);
    ordered.add(1, 2);
    ordered.write(1, line(1, 0));
    ordered.write(0, line(0, 0));
    await ordered.close();
    expect(text()).toBe('t0.0\nt1.0\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});
