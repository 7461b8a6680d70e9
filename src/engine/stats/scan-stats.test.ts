import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { parseAsOf } from '../as-of.js';
import { digitsOf } from '../detectors/nik/structure.js';
import { ScanStats, stateBuffers, type StatsState } from './scan-stats.js';

const asOf = parseAsOf('2026-11-23')!;

/** Totals as a worker builds them: exact e-mails, an estimate of phones, and people. */
function workerTotals(from: number, to: number): ScanStats {
  const stats = new ScanStats(asOf);
  for (let i = from; i < to; i++) {
    stats.addFinding('EMAIL', 'general', `user${i}@mail.co.id`, null);
    stats.addFinding('PHONE', 'general', `+62812${String(i * 7).padStart(8, '0')}`, null);
    stats.addFinding('NIK', 'general', '', digitsOf(`317101${i % 2 ? '41' : '01'}0190${String(i % 10_000).padStart(4, '0')}`));
  }
  return stats;
}

/** The state as the main thread receives it from a worker, its arrays moved, not copied. */
function moved(state: StatsState): StatsState {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(state, stateBuffers(state));
  const received = receiveMessageOnPort(port2)!.message as StatsState;
  port1.close();
  return received;
}

describe('ScanStats', () => {
  it('merges workers whose totals were moved between threads as one counter would count them', () => {
    const [a, b] = [workerTotals(0, 3_000), workerTotals(2_000, 200_000)];
    const merged = new ScanStats(asOf);
    merged.merge(moved(a.state()));
    merged.merge(moved(b.state()));
    const direct = workerTotals(0, 200_000);
    for (let i = 2_000; i < 3_000; i++) direct.addFinding('EMAIL', 'general', `user${i}@mail.co.id`, null);
    const category = () => 'general' as const;
    expect(merged.byType(category).EMAIL).toMatchObject({ count: 201_000, approximate: true });
    expect(Math.abs(merged.byType(category).EMAIL!.distinct - 200_000) / 200_000).toBeLessThan(0.03);
    expect(merged.subjectsReport()).toEqual(direct.subjectsReport());
    // The workers' own counters were copied into their states, not handed over: they still count.
    expect(a.state().distinct.EMAIL!.slots!.length).toBeGreaterThan(0);
    a.addFinding('EMAIL', 'general', 'baru@mail.co.id', null);
    expect(a.byType(category).EMAIL).toMatchObject({ count: 3_001, distinct: 3_001, approximate: false });
  });

  it('hands over its own tables, not copies, for totals dropped right after', () => {
    const stats = workerTotals(0, 100);
    const own = (state: StatsState) => [state.distinct.EMAIL!.slots, state.subjects.all.slots];
    expect(own(stats.state(true))).toEqual(own(stats.state()));
    own(stats.state(true)).forEach((table, i) => expect(table).toBe(own(stats.state(true))[i]));
    own(stats.state()).forEach((table, i) => expect(table).not.toBe(own(stats.state())[i]));
  });

  it('takes the first worker\'s exact table whole and still adds to it', () => {
    const merged = new ScanStats(asOf);
    merged.merge(moved(workerTotals(0, 1_000).state()));
    merged.merge(moved(workerTotals(500, 1_500).state()));
    merged.addFinding('EMAIL', 'general', 'user0@mail.co.id', null);
    merged.addFinding('EMAIL', 'general', 'user1500@mail.co.id', null);
    expect(merged.byType(() => 'general').EMAIL).toMatchObject({ count: 2_002, distinct: 1_501, approximate: false });
    expect(merged.subjectsReport().distinct).toBe(1_500);
  });
});
