// Monitoring sources and their health. Until the server has a source registry, the sources shown
// are the ones alerts actually arrived from, with when each last reported — real data, labelled as such.
import { Badge, Stack, Table, Text } from '@mantine/core';
import { useGet } from '../api/hooks.js';
import type { Alert, Page } from '../api/types.js';
import { useI18n } from '../i18n/context.js';
import type { MessageKey } from '../i18n/messages.js';
import { formatNumber } from '../i18n/format.js';
import { ErrorNote, Loading, PageTitle } from '../components/common.js';

/** A monitoring source; the registry may name it by `id` (src/monitor/ingest/sources-config.ts) or `name`. */
type Source = { id?: string; name: string; kind?: string; enabled?: boolean; lastSeenAt?: string | null; health?: string; alerts?: number };

const dayMs = 86_400_000;

/** The health states GET /sources reports, as badge colour and label. */
const HEALTH_COLOR: Record<string, string> = { ok: 'teal.9', stale: 'yellow', failing: 'red.9', pending: 'blue.9', unconfigured: 'gray.7' };
const HEALTH_LABEL: Record<string, MessageKey> = {
  ok: 'sources.ok', stale: 'sources.stale', failing: 'sources.failing', pending: 'sources.pending', unconfigured: 'sources.unconfigured',
};

function observedSources(alerts: Alert[]): Source[] {
  const byName = new Map<string, Source>();
  for (const alert of alerts) {
    const seen = byName.get(alert.source) ?? { name: alert.source, alerts: 0, lastSeenAt: null };
    seen.alerts = (seen.alerts ?? 0) + 1;
    if (!seen.lastSeenAt || alert.seenAt > seen.lastSeenAt) seen.lastSeenAt = alert.seenAt;
    byName.set(alert.source, seen);
  }
  return [...byName.values()].map((s) => ({ ...s, health: s.lastSeenAt && Date.now() - new Date(s.lastSeenAt).getTime() < dayMs ? 'ok' : 'stale' }));
}

export function SourcesPage() {
  const { t, date } = useI18n();
  const registry = useGet<{ items: Source[] }>('/sources');
  const alerts = useGet<Page<Alert>>(registry.error ? '/alerts?limit=200' : null);
  const fromRegistry = !registry.error;
  const sources = fromRegistry ? (registry.data?.items ?? []).map((s) => ({ ...s, name: s.name ?? s.id ?? '?' })) : observedSources(alerts.data?.items ?? []);

  return (
    <Stack>
      <PageTitle>{t('sources.title')}</PageTitle>
      <Text size="sm" c="dimmed">
        {fromRegistry ? t('sources.help') : t('sources.observedHelp')}
      </Text>
      <ErrorNote error={registry.error && registry.error.status !== 404 ? registry.error : alerts.error} />
      {(registry.loading || alerts.loading) && sources.length === 0 ? (
        <Loading />
      ) : sources.length === 0 ? (
        <Text c="dimmed">{t('sources.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped data-testid="source-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sources.name')}</Table.Th>
                <Table.Th>{t('sources.health')}</Table.Th>
                <Table.Th>{t('sources.lastSeen')}</Table.Th>
                <Table.Th ta="right">{t('sources.alerts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sources.map((s) => (
                <Table.Tr key={s.name}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {s.name} {s.kind ? `(${s.kind})` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={HEALTH_COLOR[s.health ?? ''] ?? 'gray.7'} autoContrast>
                      {t(HEALTH_LABEL[s.health ?? ''] ?? 'sources.unknown')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{date(s.lastSeenAt)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(s.alerts)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
