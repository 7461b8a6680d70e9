// Incident overview: summary, the UU PDP clock, status moves, severity, TLP, victims and
// assignees. Staff edit; the PSE officer acknowledges; investigators read.
import { Button, Card, Group, MultiSelect, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { patch, post } from '../../api/client.js';
import { useAction, useGet } from '../../api/hooks.js';
import { severities, tlps, transitions, type Incident, type Organization, type Page, type User } from '../../api/types.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/messages.js';
import { isStaff, useSession } from '../../session.js';
import { ErrorNote } from '../../components/common.js';
import { Countdown } from '../../components/Countdown.js';

export function Overview({ incident, onChange }: { incident: Incident; onChange(): void }) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const staff = isStaff(user);
  const { error, run } = useAction(() => onChange());
  const users = useGet<Page<User>>(staff ? '/staff?limit=200' : null);
  const organizations = useGet<Page<Organization>>(staff ? '/organizations?limit=200' : null);

  // Admins and analysts pick from GET /staff (assignable users); others see the current assignees.
  const staffUsers = users.data?.items.filter((u) => u.role !== 'pse_officer' && !u.disabled);
  const assigneeOptions = (staffUsers ?? incident.assignees).map((u) => ({ value: String(u.id), label: u.name }));
  const victimOptions = (organizations.data?.items ?? incident.victims).map((o) => ({ value: String(o.id), label: o.name }));

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('incident.clock')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('incident.clockHelp')}
          </Text>
          <Countdown clock={incident.deadline} />
          {incident.acknowledgedAt ? (
            <Text size="sm" data-testid="acknowledged">
              {t('incident.acknowledgedAt', { when: date(incident.acknowledgedAt) })}
            </Text>
          ) : (
            (user?.role === 'pse_officer' || user?.role === 'admin') && (
              <Button variant="default" onClick={() => void run(() => post(`/incidents/${incident.id}/acknowledge`))}>
                {t('incident.acknowledge')}
              </Button>
            )
          )}
          {incident.summary && (
            <Text size="sm" className="post-text">
              {incident.summary}
            </Text>
          )}
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('incident.manage')}
          </Title>
          {staff && (
            <Group gap="xs" aria-label={t('incident.moveTo')} role="group">
              {transitions[incident.status].filter((to) => to !== 'duplicate').map((to) => (
                <Button key={to} size="xs" variant="default" onClick={() => void run(() => post(`/incidents/${incident.id}/status`, { status: to }))}>
                  {t('incident.moveToStatus', { status: t(`status.${to}` as MessageKey) })}
                </Button>
              ))}
            </Group>
          )}
          <Group grow>
            <Select
              label={t('incident.severity')}
              disabled={!staff}
              value={incident.severity}
              allowDeselect={false}
              onChange={(v) => v && void run(() => patch(`/incidents/${incident.id}`, { severity: v }))}
              data={severities.map((s) => ({ value: s, label: t(`severity.${s}` as MessageKey) }))}
            />
            <Select
              label="TLP"
              disabled={!staff}
              value={incident.tlp}
              allowDeselect={false}
              onChange={(v) => v && void run(() => patch(`/incidents/${incident.id}`, { tlp: v }))}
              data={tlps.map((s) => ({ value: s, label: `TLP:${s.toUpperCase()}` }))}
            />
          </Group>
          <MultiSelect
            label={t('incident.victims')}
            disabled={!staff}
            value={incident.victims.map((v) => String(v.id))}
            onChange={(ids) => void run(() => patch(`/incidents/${incident.id}`, { victimOrganizationIds: ids.map(Number) }))}
            data={victimOptions}
          />
          <MultiSelect
            label={t('incident.assignees')}
            disabled={user?.role !== 'admin'}
            value={incident.assignees.map((a) => String(a.id))}
            onChange={(ids) => void run(() => patch(`/incidents/${incident.id}`, { assigneeIds: ids.map(Number) }))}
            data={assigneeOptions}
          />
          <Text size="xs" c="dimmed">
            {t('incident.created')}: {date(incident.createdAt)}
          </Text>
          <ErrorNote error={error} />
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
