// The UU PDP Art. 46 clock: once the PSE is notified of a failure of protection, written
// notification is due within 3×24 hours. The state is computed, never stored, so it is never stale.

export const pdpDeadlineMs = 72 * 3600 * 1000;

export type ClockState = 'not_started' | 'running' | 'overdue' | 'met' | 'met_late';

export interface PdpClock {
  state: ClockState;
  startedAt: Date | null;
  dueAt: Date | null;
  /** Milliseconds left (negative when overdue); null when not started or met. */
  remainingMs: number | null;
  metAt: Date | null;
}

export function pdpClock(pseNotifiedAt: Date | string | null, firstNotificationAt: Date | string | null, now: Date): PdpClock {
  if (!pseNotifiedAt) return { state: 'not_started', startedAt: null, dueAt: null, remainingMs: null, metAt: null };
  const startedAt = new Date(pseNotifiedAt);
  const dueAt = new Date(startedAt.getTime() + pdpDeadlineMs);
  if (firstNotificationAt) {
    const metAt = new Date(firstNotificationAt);
    return { state: metAt <= dueAt ? 'met' : 'met_late', startedAt, dueAt, remainingMs: null, metAt };
  }
  const remainingMs = dueAt.getTime() - now.getTime();
  return { state: remainingMs < 0 ? 'overdue' : 'running', startedAt, dueAt, remainingMs, metAt: null };
}
