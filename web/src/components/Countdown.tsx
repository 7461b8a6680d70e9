// The UU PDP Art. 46 clock as people read it: state, due moment and a live countdown.
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { PdpClock } from '../api/types.js';
import { formatDuration } from '../i18n/format.js';
import { useI18n } from '../i18n/context.js';
import { ClockBadge } from './common.js';

const windowMs = 72 * 3600 * 1000;

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function Countdown({ clock, compact = false }: { clock: PdpClock; compact?: boolean }) {
  const { t, date, locale } = useI18n();
  const now = useNow(30_000);
  const due = clock.dueAt ? new Date(clock.dueAt).getTime() : null;
  const left = due === null ? null : due - now;
  const live = clock.state === 'running' || clock.state === 'overdue';
  const state = live && left !== null ? (left < 0 ? 'overdue' : 'running') : clock.state;

  const text =
    state === 'running' && left !== null
      ? t('clock.left', { time: formatDuration(left, locale) })
      : state === 'overdue' && left !== null
        ? t('clock.late', { time: formatDuration(left, locale) })
        : state === 'met' || state === 'met_late'
          ? t('clock.metAt', { when: date(clock.metAt) })
          : t('clock.notStartedHint');

  if (compact)
    return (
      <Group gap="xs" wrap="nowrap">
        <ClockBadge state={state} />
        <Text size="sm">{text}</Text>
      </Group>
    );
  const used = left === null ? 0 : Math.min(100, Math.max(0, ((windowMs - left) / windowMs) * 100));
  return (
    <Stack gap={6} data-testid="pdp-clock">
      <Group gap="xs">
        <ClockBadge state={state} />
        <Text size="sm">{text}</Text>
      </Group>
      {live && <Progress value={used} color={state === 'overdue' ? 'red' : 'yellow'} aria-label={t('clock.progress')} />}
      {clock.startedAt && (
        <Text size="xs" c="dimmed">
          {t('clock.started', { when: date(clock.startedAt) })} · {t('clock.due', { when: date(clock.dueAt) })}
        </Text>
      )}
    </Stack>
  );
}
