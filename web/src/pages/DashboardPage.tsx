// The analyst's overview (one call to /stats): open incidents by status, new alerts per day, affected people by
// province, and the UU PDP deadlines that are running or overdue.
import { Anchor, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link } from 'react-router';
import { useGet } from '../api/hooks.js';
import type { IncidentStatus, PdpClock } from '../api/types.js';
import { useI18n } from '../i18n/context.js';
import { formatNumber } from '../i18n/format.js';
import type { MessageKey } from '../i18n/messages.js';
import { ErrorNote, Loading, PageTitle } from '../components/common.js';
import { Countdown } from '../components/Countdown.js';
import { ProvinceMap } from '../components/ProvinceMap.js';

type Stats = {
  incidentsByStatus: Record<string, number>;
  alertsPerDay: { day: string; count: number }[];
  subjectsByProvince: Record<string, number>;
  deadlines: { incidentId: number; title: string; status: string; deadline: PdpClock }[];
};

const openStatuses: IncidentStatus[] = ['new', 'triage', 'investigating', 'pse_notified'];

function lastDays(days: number): string[] {
  const out: string[] = [];
  for (let i = days - 1; i >= 0; i -= 1) out.push(new Date(Date.now() - i * 86_400_000).toISOString().slice(0, 10));
  return out;
}

export function DashboardPage() {
  const { t } = useI18n();
  const stats = useGet<Stats>('/stats?days=14', 60_000);

  const byStatus = openStatuses.map((status) => ({
    status: t(`status.${status}` as MessageKey),
    count: stats.data?.incidentsByStatus[status] ?? 0,
  }));
  const perDay = lastDays(14).map((day) => ({ day: day.slice(5), count: stats.data?.alertsPerDay.find((d) => d.day === day)?.count ?? 0 }));
  const alertTotal = perDay.reduce((sum, d) => sum + d.count, 0);
  const due = stats.data?.deadlines ?? [];
  const provinceCounts = stats.data?.subjectsByProvince ?? {};

  return (
    <Stack>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <ErrorNote error={stats.error} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('dashboard.openByStatus')}
          </Title>
          {stats.loading && !stats.data ? (
            <Loading />
          ) : (
            <>
              <div style={{ width: '100%', height: 220 }} aria-hidden="true">
                <ResponsiveContainer>
                  <BarChart data={byStatus}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="status" fontSize={11} />
                    <YAxis allowDecimals={false} fontSize={11} />
                    <Tooltip />
                    <Bar dataKey="count" name={t('dashboard.incidents')} fill="#364fc7" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <Table fz="sm" aria-label={t('dashboard.openByStatus')} data-testid="open-by-status">
                <Table.Tbody>
                  {byStatus.map((row) => (
                    <Table.Tr key={row.status}>
                      <Table.Td>{row.status}</Table.Td>
                      <Table.Td ta="right">{formatNumber(row.count)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('dashboard.alertsOverTime')}
          </Title>
          <div style={{ width: '100%', height: 220 }} role="img" aria-label={t('dashboard.alertsChartLabel', { count: formatNumber(alertTotal) })}>
            <ResponsiveContainer>
              <BarChart data={perDay}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" fontSize={11} />
                <YAxis allowDecimals={false} fontSize={11} />
                <Tooltip />
                <Bar dataKey="count" name={t('dashboard.alerts')} fill="#e8590c" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('dashboard.peopleByProvince')}
          </Title>
          <ProvinceMap counts={provinceCounts} title={t('dashboard.peopleByProvince')} />
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('dashboard.deadlines')}
          </Title>
          {due.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.noDeadlines')}
            </Text>
          ) : (
            <Stack gap="sm" data-testid="deadline-list">
              {due.map((incident) => (
                <div key={incident.incidentId}>
                  <Anchor component={Link} to={`/incidents/${incident.incidentId}`} fw={600}>
                    #{incident.incidentId} {incident.title}
                  </Anchor>
                  <Countdown clock={incident.deadline} compact />
                </div>
              ))}
            </Stack>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
