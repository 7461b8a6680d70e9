// The 72-hour clock: not started, running, overdue, met in time, met late.
import { describe, expect, it } from 'vitest';
import { pdpClock } from './clock.js';

const start = new Date('2026-01-05T03:00:00Z');
const hours = (h: number) => new Date(start.getTime() + h * 3600_000);

describe('pdpClock', () => {
  it('has not started until the PSE is notified', () => {
    expect(pdpClock(null, null, start).state).toBe('not_started');
  });
  it('runs for 72 hours, then is overdue', () => {
    const running = pdpClock(start, null, hours(71));
    expect(running.state).toBe('running');
    expect(running.dueAt).toEqual(hours(72));
    expect(running.remainingMs).toBe(3600_000);
    expect(pdpClock(start, null, hours(72.01)).state).toBe('overdue');
  });
  it('is met by a notification in time and met late after the deadline', () => {
    expect(pdpClock(start, hours(10), hours(100)).state).toBe('met');
    expect(pdpClock(start, hours(80), hours(100)).state).toBe('met_late');
  });
});
