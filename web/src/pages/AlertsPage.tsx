// The alerts inbox: a keyboard-driven list (↑/↓ or j/k to move, p promote, m merge, d dismiss)
// beside the selected post, with its extracted facts highlighted, score, explanation and source.
import { Badge, Box, Button, Card, Grid, Group, Kbd, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { usePaged } from '../api/hooks.js';
import type { Alert, AlertStatus } from '../api/types.js';
import { useI18n } from '../i18n/context.js';
import { formatPercent } from '../i18n/format.js';
import type { MessageKey } from '../i18n/messages.js';
import { ErrorNote, Loading, MoreButton, PageTitle } from '../components/common.js';
import { AlertDetail } from './alerts/AlertDetail.js';
import { TriageDialogs, type TriageAction } from './alerts/TriageDialogs.js';

export function AlertsPage() {
  const { t, date } = useI18n();
  const [status, setStatus] = useState<AlertStatus>('new');
  const alerts = usePaged<Alert>(`/alerts?status=${status}&limit=50`);
  const [selected, setSelected] = useState(0);
  const [action, setAction] = useState<TriageAction | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const items = alerts.data?.items ?? [];
  const current = items[Math.min(selected, items.length - 1)];

  useEffect(() => setSelected(0), [status]);
  useEffect(() => {
    if (current) document.getElementById(`alert-${current.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  function onKey(event: KeyboardEvent) {
    if (event.target !== list.current) return;
    const move = (by: number) => {
      event.preventDefault();
      setSelected((i) => Math.max(0, Math.min(items.length - 1, i + by)));
    };
    if (event.key === 'ArrowDown' || event.key === 'j') move(1);
    else if (event.key === 'ArrowUp' || event.key === 'k') move(-1);
    else if (current && current.status !== 'promoted' && current.status !== 'merged') {
      if (event.key === 'p') setAction('promote');
      else if (event.key === 'm') setAction('merge');
      else if (event.key === 'd' && current.status === 'new') setAction('dismiss');
    }
  }

  function done() {
    setAction(null);
    alerts.reload();
    list.current?.focus();
  }

  return (
    <Stack>
      <PageTitle>{t('alerts.title')}</PageTitle>
      <SegmentedControl
        size="xs"
        style={{ alignSelf: 'flex-start' }}
        aria-label={t('alerts.filter')}
        value={status}
        onChange={(v) => setStatus(v as AlertStatus)}
        data={(['new', 'promoted', 'merged', 'dismissed'] as const).map((s) => ({ value: s, label: t(`alertStatus.${s}` as MessageKey) }))}
      />
      <Text size="sm" c="dimmed">
        {t('alerts.keys')} <Kbd>↑</Kbd> <Kbd>↓</Kbd> · <Kbd>p</Kbd> {t('alerts.promote')} · <Kbd>m</Kbd> {t('alerts.merge')} · <Kbd>d</Kbd> {t('alerts.dismiss')}
      </Text>
      <ErrorNote error={alerts.error} />
      {alerts.loading && !alerts.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('alerts.empty')}</Text>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder p={0}>
              <div
                ref={list}
                role="listbox"
                tabIndex={0}
                aria-label={t('alerts.list')}
                aria-activedescendant={current ? `alert-${current.id}` : undefined}
                onKeyDown={onKey}
                data-testid="alert-list"
                style={{ maxHeight: '70vh', overflowY: 'auto' }}
              >
                {items.map((alert, index) => (
                  <Box
                    key={alert.id}
                    id={`alert-${alert.id}`}
                    role="option"
                    className="alert-row"
                    aria-selected={index === selected}
                    p="sm"
                    style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', cursor: 'pointer' }}
                    onClick={() => setSelected(index)}
                  >
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text fw={600} size="sm" lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
                        {alert.title || alert.text.slice(0, 80)}
                      </Text>
                      <Badge variant="light" style={{ flexShrink: 0 }} color={alert.score >= 0.7 ? 'red' : alert.score >= 0.4 ? 'orange' : 'gray'}>
                        {formatPercent(alert.score)}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {alert.source} · {date(alert.seenAt)}
                    </Text>
                  </Box>
                ))}
              </div>
            </Card>
            <MoreButton list={alerts} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {current && (
              <Card withBorder>
                <AlertDetail alert={current} />
                {(current.status === 'new' || current.status === 'dismissed') && (
                  <Group mt="md">
                    <Button onClick={() => setAction('promote')}>{t('alerts.promote')}</Button>
                    <Button variant="default" onClick={() => setAction('merge')}>
                      {t('alerts.merge')}
                    </Button>
                    {current.status === 'new' && (
                      <Button variant="default" color="red" onClick={() => setAction('dismiss')}>
                        {t('alerts.dismiss')}
                      </Button>
                    )}
                  </Group>
                )}
              </Card>
            )}
          </Grid.Col>
        </Grid>
      )}
      {current && <TriageDialogs alert={current} action={action} onClose={() => setAction(null)} onDone={done} />}
      <Title order={2} size="h6" c="dimmed">
        {t('alerts.count', { count: items.length })}
      </Title>
    </Stack>
  );
}
