// Incidents the user may see (a PSE officer: only their organisation's), filtered by status,
// with the UU PDP clock in each row. Staff can open a new incident here.
import { Anchor, Button, Card, Group, Modal, MultiSelect, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMediaQuery } from '@mantine/hooks';
import { ApiError, post } from '../api/client.js';
import { useGet, usePaged } from '../api/hooks.js';
import { incidentStatuses, severities, tlps, type Incident, type Organization, type Page } from '../api/types.js';
import { useI18n } from '../i18n/context.js';
import type { MessageKey } from '../i18n/messages.js';
import { isStaff, useSession } from '../session.js';
import { ErrorNote, Loading, MoreButton, PageTitle, StatusBadge } from '../components/common.js';
import { Countdown } from '../components/Countdown.js';

export function IncidentsPage() {
  const { t, date } = useI18n();
  const { user } = useSession();
  const [status, setStatus] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const incidents = usePaged<Incident>(`/incidents?limit=50${status.length ? `&status=${status.join(',')}` : ''}`);

  return (
    <Stack>
      <PageTitle actions={isStaff(user) && <Button onClick={() => setCreating(true)}>{t('incidents.new')}</Button>}>{t('incidents.title')}</PageTitle>
      <MultiSelect
        label={t('incidents.filterStatus')}
        maw={480}
        clearable
        value={status}
        onChange={setStatus}
        data={incidentStatuses.map((s) => ({ value: s, label: t(`status.${s}` as MessageKey) }))}
      />
      <ErrorNote error={incidents.error} />
      {incidents.loading && !incidents.data ? (
        <Loading />
      ) : incidents.data?.items.length === 0 ? (
        <Text c="dimmed">{t('incidents.empty')}</Text>
      ) : phone ? (
        // On a phone each incident is a card: a five-column table would scroll sideways.
        <Stack gap="sm" data-testid="incident-cards">
          {incidents.data?.items.map((incident) => (
            <Card key={incident.id} withBorder p="sm" data-incident={incident.id}>
              <Anchor component={Link} to={`/incidents/${incident.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                #{incident.id} {incident.title}
              </Anchor>
              <Group gap="xs" mt={4}>
                <StatusBadge status={incident.status} />
                <Text size="sm">{incident.victims.map((v) => v.name).join(', ')}</Text>
              </Group>
              <Countdown clock={incident.deadline} compact />
              <Text size="xs" c="dimmed">
                {t('incident.created')}: {date(incident.createdAt)}
              </Text>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="incident-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('incident.title')}</Table.Th>
                <Table.Th>{t('incident.status')}</Table.Th>
                <Table.Th>{t('incident.victims')}</Table.Th>
                <Table.Th>{t('incident.deadline')}</Table.Th>
                <Table.Th>{t('incident.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {incidents.data?.items.map((incident) => (
                <Table.Tr key={incident.id} data-incident={incident.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/incidents/${incident.id}`} style={{ overflowWrap: 'anywhere' }}>
                      #{incident.id} {incident.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={incident.status} />
                  </Table.Td>
                  <Table.Td>{incident.victims.map((v) => v.name).join(', ')}</Table.Td>
                  <Table.Td>
                    <Countdown clock={incident.deadline} compact />
                  </Table.Td>
                  <Table.Td>{date(incident.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MoreButton list={incidents} />
      <NewIncident opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function NewIncident({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const organizations = useGet<Page<Organization>>(opened ? '/organizations?limit=200' : null);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [severity, setSeverity] = useState('medium');
  const [tlp, setTlp] = useState('amber');
  const [victims, setVictims] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const created = await post<Incident>('/incidents', { title, summary, severity, tlp, victimOrganizationIds: victims.map(Number) });
      onClose();
      void navigate(`/incidents/${created.id}`);
    } catch (reason) {
      setError(reason instanceof ApiError ? reason : new ApiError(0, 'network', String(reason)));
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('incidents.new')}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <TextInput label={t('incident.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus />
          <Textarea label={t('incident.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
          <Group grow>
            <Select label={t('incident.severity')} value={severity} allowDeselect={false} onChange={(v) => v && setSeverity(v)} data={severities.map((s) => ({ value: s, label: t(`severity.${s}` as MessageKey) }))} />
            <Select label="TLP" value={tlp} allowDeselect={false} onChange={(v) => v && setTlp(v)} data={tlps.map((s) => ({ value: s, label: `TLP:${s.toUpperCase()}` }))} />
          </Group>
          <MultiSelect
            label={t('incident.victims')}
            searchable
            value={victims}
            onChange={setVictims}
            data={(organizations.data?.items ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
          />
          <ErrorNote error={error} />
          <Button type="submit">{t('common.save')}</Button>
        </Stack>
      </form>
    </Modal>
  );
}
